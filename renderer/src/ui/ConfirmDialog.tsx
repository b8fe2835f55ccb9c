import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { userMessage } from './errors';

interface Props {
  open: boolean;
  title: string;
  text: string;
  /** What is about to happen, in detail (a list, a table), below the text. */
  children?: ReactNode;
  confirmLabel?: string;
  /** Red for what removes something (the default), the primary colour for a decision. */
  color?: 'error' | 'primary';
  onConfirm(): Promise<unknown>;
  onClose(): void;
}

export function ConfirmDialog({
  open,
  title,
  text,
  children,
  confirmLabel = '删除',
  color = 'error',
  onConfirm,
  onClose,
}: Props) {
  const [error, setError] = useState<string>();
  const confirm = async () => {
    try {
      await onConfirm();
      setError(undefined);
      onClose();
    } catch (e) {
      setError(userMessage(e));
    }
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="confirm-title" maxWidth="sm" fullWidth>
      <DialogTitle id="confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
        {children}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button color={color} variant="contained" onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
