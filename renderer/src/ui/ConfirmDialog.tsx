import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { userMessage } from './errors';

interface Props {
  open: boolean;
  title: string;
  text: string;
  confirmLabel?: string;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}

export function ConfirmDialog({ open, title, text, confirmLabel = '删除', onConfirm, onClose }: Props) {
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
    <Dialog open={open} onClose={onClose}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button color="error" variant="contained" onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
