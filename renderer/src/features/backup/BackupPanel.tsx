import { useState } from 'react';
import { Alert, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { createBackup } from '../../db';
import { desktop } from '../../io/desktop';
import { userMessage } from '../../ui/errors';
import { previewRestore } from './RestorePreviewDialog';
import { RestorePreviewDialog, restoredMessage, type RestorePreview, type Restored } from './RestorePreviewDialog';

interface Message {
  severity: 'success' | 'info' | 'error';
  text: string;
}

/** 备份与恢复: the whole database to a chosen file, and back from one after a preview. */
export function BackupPanel({ onRestored }: { onRestored?: () => void }) {
  const [busy, setBusy] = useState<'backup' | 'open'>();
  const [message, setMessage] = useState<Message>();
  const [preview, setPreview] = useState<RestorePreview>();

  const backUp = async () => {
    setBusy('backup');
    setMessage(undefined);
    try {
      const backup = await createBackup();
      const saved = await desktop.saveFile({ suggestedName: backup.fileName, bytes: backup.bytes });
      setMessage(
        saved.saved
          ? {
              severity: 'success',
              text: `已备份全部数据（${backup.summary.total} 条记录）到“${saved.path ?? backup.fileName}”。校验值 SHA-256：${backup.summary.sha256 ?? ''}`,
            }
          : { severity: 'info', text: '已取消，没有保存备份文件。' },
      );
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const pickBackup = async () => {
    setMessage(undefined);
    try {
      const [file] = await desktop.openFiles({ kind: 'backup', multiple: false, title: '选择要恢复的备份文件' });
      if (!file) return;
      setBusy('open');
      setPreview(await previewRestore(file));
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const restored = (done: Restored) => {
    setPreview(undefined);
    setMessage({ severity: 'success', text: restoredMessage(done) });
    onRestored?.();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">
          备份与恢复
        </Typography>
        <Typography variant="body2" color="text.secondary">
          备份把全部数据（包括操作日志）保存为一个 .dcbackup
          文件，可存到U盘或网络共享，文件带校验值。恢复前先显示文件的内容并校验，被修改或损坏的文件不能恢复；恢复时先自动备份当前数据。
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button variant="contained" disabled={busy !== undefined} onClick={() => void backUp()}>
            备份到文件
          </Button>
          <Button variant="outlined" disabled={busy !== undefined} onClick={() => void pickBackup()}>
            从备份恢复
          </Button>
          {busy && <CircularProgress size={20} aria-label={busy === 'backup' ? '正在备份' : '正在读取备份文件'} />}
        </Stack>
        {message && (
          <Alert severity={message.severity} sx={{ wordBreak: 'break-all' }}>
            {message.text}
          </Alert>
        )}
      </Stack>
      <RestorePreviewDialog preview={preview} onClose={() => setPreview(undefined)} onRestored={restored} />
    </Paper>
  );
}
