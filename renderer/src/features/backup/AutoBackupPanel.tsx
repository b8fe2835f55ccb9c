import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { autoBackupReasonLabels, type AutoBackupList } from '../../../../electron/shared/contract';
import { desktop } from '../../io/desktop';
import { ActionAlert, useAction } from '../../ui/useAction';
import { chineseDateTime } from '../../core/dates';
import { autoBackupsAvailable, onAutoBackupWritten } from '../../ui/autoBackup';
import { previewAutoBackup } from './RestorePreviewDialog';
import { RestorePreviewDialog, restoredMessage, type RestorePreview } from './RestorePreviewDialog';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** 自动备份: the backups the desktop app keeps by itself, each restorable after a preview. */
export function AutoBackupPanel({ onRestored }: { onRestored?: () => void }) {
  const [list, setList] = useState<AutoBackupList>();
  const [preview, setPreview] = useState<RestorePreview>();
  const { message, setMessage, run, fail } = useAction();
  const refresh = useCallback(() => {
    desktop.listAutoBackups().then(setList, fail);
  }, [fail]);
  useEffect(() => {
    refresh();
    return onAutoBackupWritten(refresh);
  }, [refresh]);

  const open = (name: string) => run(async () => setPreview(await previewAutoBackup(name)));

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">
          自动备份
        </Typography>
        {!autoBackupsAvailable ? (
          <Alert severity="info">
            浏览器版不做自动备份（浏览器不能写入文件夹），请用下面的“备份到文件”定期手动备份。
          </Alert>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary">
              桌面版每天第一次打开时、每次导入前、恢复前、升级前和退出时自动备份全部数据，保存在{' '}
              {list?.folder ?? '数据文件夹的 backups 文件夹'}。保留最近 30 份，更早的每月保留一份。
            </Typography>
            {list && list.backups.length === 0 && (
              <Typography variant="body2">还没有自动备份（数据库中有工作数据后才会备份）。</Typography>
            )}
            {list && list.backups.length > 0 && (
              <Table size="small" aria-label="自动备份">
                <TableHead>
                  <TableRow>
                    <TableCell>时间</TableCell>
                    <TableCell>时机</TableCell>
                    <TableCell align="right">大小</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.backups.map((backup) => (
                    <TableRow key={backup.name}>
                      <TableCell>{chineseDateTime(backup.createdAt)}</TableCell>
                      <TableCell>{autoBackupReasonLabels[backup.reason]}</TableCell>
                      <TableCell align="right">{megabytes(backup.size)}</TableCell>
                      <TableCell align="right">
                        <Button size="small" onClick={() => void open(backup.name)} aria-label={`恢复 ${backup.name}`}>
                          恢复…
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
        <ActionAlert message={message} onClose={() => setMessage(undefined)} sx={{ wordBreak: 'break-all' }} />
      </Stack>
      <RestorePreviewDialog
        preview={preview}
        onClose={() => setPreview(undefined)}
        onRestored={(done) => {
          setPreview(undefined);
          setMessage({ severity: 'success', text: restoredMessage(done) });
          refresh();
          onRestored?.();
        }}
      />
    </Paper>
  );
}
