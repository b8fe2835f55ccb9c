import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { saveOperator } from '../../db';
import { userMessage } from '../../ui/errors';

interface Props {
  open: boolean;
  initialName: string | undefined;
  onSaved(name: string): void;
  /** Absent on first start: a name is required before any work is recorded. */
  onCancel?: () => void;
}

export function OperatorDialog({ open, initialName, onSaved, onCancel }: Props) {
  const [name, setName] = useState(initialName ?? '');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) setName(initialName ?? '');
  }, [open, initialName]);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('请输入操作人姓名。');
      return;
    }
    try {
      await saveOperator(trimmed);
      setError(undefined);
      onSaved(trimmed);
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <Dialog open={open} onClose={onCancel} maxWidth="xs" fullWidth>
      <DialogTitle>{initialName ? '更换操作人' : '欢迎使用重点工作督查督办'}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>请输入您的姓名。此后的每一项修改都会以此姓名记入操作日志。</DialogContentText>
        <TextField
          autoFocus
          fullWidth
          label="操作人姓名"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void submit();
          }}
        />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
        <Button variant="contained" onClick={submit}>
          确定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
