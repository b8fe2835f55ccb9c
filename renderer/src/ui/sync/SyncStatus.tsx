import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { statusLabel } from '../../core/sync';
import { useSyncCounts, useSyncSettings } from '../../db/sync';
import { decideRestore, useSyncStatus } from '../../sync/service';
import { userMessage } from '../errors';
import { navigateTo } from '../useHashRoute';
import { routes } from '../routes';

const colors = {
  synced: 'success',
  syncing: 'info',
  initial: 'info',
  connecting: 'info',
  offline: 'warning',
  paused: 'warning',
  needsPassword: 'warning',
  restorePending: 'warning',
  error: 'error',
  off: 'info',
} as const;

/** The header's sync status (已同步 / 同步中 / 离线，N项待上传 / 冲突N项); nothing while sync is off. */
export function SyncStatusButton() {
  const status = useSyncStatus();
  const counts = useSyncCounts();
  if (status.phase === 'off') return null;
  const conflicts = counts?.conflicts ?? 0;
  const label = statusLabel({ ...status, pending: counts?.pending ?? 0, conflicts });
  const tone = conflicts > 0 ? 'warning' : colors[status.phase];
  return (
    <Button
      size="small"
      variant="contained"
      color={tone}
      disableElevation
      aria-label={`同步状态：${label}`}
      title={status.reason ?? label}
      onClick={() => navigateTo(conflicts > 0 ? routes.conflicts() : routes.safety())}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {label}
    </Button>
  );
}

/**
 * Above every screen: a 只读 PC says so; after a backup was restored on a synced PC, the office
 * decides whether the restored data goes to the server (nothing moves until then).
 */
export function SyncNotices() {
  const status = useSyncStatus();
  const settings = useSyncSettings();
  const role = status.role ?? settings?.role;
  return (
    <>
      {settings?.device && role === 'reader' && (
        <Alert severity="info" className="no-print" sx={{ mb: 2 }}>
          本机以“只读”用户连接多机同步（领导查看用）：可以查看全部数据，不能修改。
        </Alert>
      )}
      <RestoreDecision open={status.phase === 'restorePending'} file={settings?.restorePending?.file ?? ''} />
    </>
  );
}

function RestoreDecision({ open, file }: { open: boolean; file: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [later, setLater] = useState(false);
  const decide = async (choice: 'send' | 'server') => {
    setBusy(true);
    setError(undefined);
    try {
      await decideRestore(choice);
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open && !later} aria-labelledby="restore-sync-title" maxWidth="sm" fullWidth>
      <DialogTitle id="restore-sync-title">恢复的备份是否发送到服务器？</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          <DialogContentText>
            本机刚从备份{file ? `“${file}”` : ''}
            恢复了数据，并且已启用多机同步。同步已暂停：未经确认，恢复的旧数据不会发送到服务器。
          </DialogContentText>
          <DialogContentText>
            发送：服务器和其他电脑上的数据也将恢复为备份中的内容（备份之后在各电脑上做的修改将被替换）。
            不发送：放弃本次恢复，本机改用服务器上的当前数据（恢复前的自动备份仍可使用）。
          </DialogContentText>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button disabled={busy} onClick={() => setLater(true)}>
          暂不决定（同步保持暂停）
        </Button>
        <Button disabled={busy} onClick={() => void decide('server')}>
          不发送，改用服务器数据
        </Button>
        <Button variant="contained" color="error" disabled={busy} onClick={() => void decide('send')}>
          发送到服务器
        </Button>
      </DialogActions>
    </Dialog>
  );
}
