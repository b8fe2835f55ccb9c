import { useId, useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { userMessage } from './errors';

/**
 * A dialog that asks for a few fields and saves them: 取消 and the save button, the refusal of a
 * save shown in the dialog (which stays open with what was typed). `onSave` resolves when saved;
 * the dialog then closes.
 */
export function FormDialog({
  title,
  saveLabel = '保存',
  saveColor = 'primary',
  canSave = true,
  maxWidth = 'sm',
  onSave,
  onClose,
  children,
}: {
  title: ReactNode;
  saveLabel?: string;
  saveColor?: 'primary' | 'warning' | 'error';
  canSave?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md';
  onSave(): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await onSave();
      onClose();
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" color={saveColor} disabled={!canSave || saving} onClick={() => void save()}>
          {saveLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
