import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Snackbar,
} from '@mui/material';
import { autoBackupReasonLabels, type StoredBackup } from '../../../../electron/shared/contract';
import { userMessage } from '../../ui/errors';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { chineseDateTime } from '../../core/dates';
import { backupsOfEmptyDatabase, startAutomaticBackups } from '../../ui/autoBackup';
import { previewAutoBackup, RestorePreviewDialog, restoredMessage, type RestorePreview } from './RestorePreviewDialog';

/**
 * Runs the automatic backups while the app is open (desktop only), and on start treats an
 * empty database while backups exist as a possible loss: it says so and offers the newest
 * backup, instead of silently starting fresh (PRODUCT.md §8).
 */
export function AutoBackupGuard() {
  const [lossBackups, setLossBackups] = useState<StoredBackup[]>([]);
  const [preview, setPreview] = useState<RestorePreview>();
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string }>();

  useEffect(() => startAutomaticBackups((text) => setNotice({ severity: 'error', text })), []);
  useEffect(() => {
    backupsOfEmptyDatabase().then(setLossBackups, (e: unknown) =>
      setNotice({ severity: 'error', text: userMessage(e) }),
    );
  }, []);

  const newest = lossBackups[0];
  const openNewest = async () => {
    if (!newest) return;
    try {
      setPreview(await previewAutoBackup(newest.name));
      setLossBackups([]);
    } catch (e) {
      setNotice({ severity: 'error', text: userMessage(e) });
    }
  };

  return (
    <>
      <Dialog open={newest !== undefined} aria-labelledby="loss-title">
        <DialogTitle id="loss-title">数据库是空的，但有自动备份</DialogTitle>
        <DialogContent>
          <DialogContentText>
            本机数据库中没有任何工作数据，但数据文件夹中有 {lossBackups.length} 份自动备份，最近一份是
            {newest ? ` ${chineseDateTime(newest.createdAt)}（${autoBackupReasonLabels[newest.reason]}）` : ''}。
            如果您没有有意清空数据，可能是数据丢失了（例如系统清理、更换了 Windows
            用户或重装了程序）。建议先查看并恢复最近的备份。
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              setLossBackups([]);
              navigateTo(routes.safety());
            }}
          >
            查看全部备份
          </Button>
          <Button onClick={() => setLossBackups([])}>从空白开始</Button>
          <Button variant="contained" onClick={() => void openNewest()}>
            查看并恢复最近的备份
          </Button>
        </DialogActions>
      </Dialog>
      <RestorePreviewDialog
        preview={preview}
        onClose={() => setPreview(undefined)}
        onRestored={(done) => {
          setPreview(undefined);
          setNotice({ severity: 'success', text: restoredMessage(done) });
        }}
      />
      <Snackbar open={notice !== undefined} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity={notice?.severity ?? 'success'} onClose={() => setNotice(undefined)}>
          {notice?.text}
        </Alert>
      </Snackbar>
    </>
  );
}
