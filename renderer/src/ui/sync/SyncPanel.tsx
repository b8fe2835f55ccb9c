import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { chineseDateTime } from '../../core/dates';
import { progressText, statusLabel } from '../../core/sync';
import { createBackup, getOperator } from '../../db';
import { useSyncCounts, useSyncSettings, type SyncConfig, type SyncSettings } from '../../db/sync';
import { desktop, isDesktopShell } from '../../io/desktop';
import { parseServerAddress } from '../../sync/address';
import {
  beginSync,
  canReach,
  enterPassword,
  firstSyncSituation,
  pauseSync,
  resumeSync,
  saveAddressAndReload,
  stopSyncHere,
  testConnection,
  useSyncStatus,
  type ConnectionTest,
} from '../../sync/service';
import { ConfirmDialog } from '../ConfirmDialog';
import { userMessage } from '../errors';
import { navigateTo } from '../useHashRoute';
import { routes } from '../routes';

const DEFAULT_DATABASE = 'duchaduban';
/** 数据安全 → 多机同步: set up, test, the first sync with progress, pause, stop. */
export function SyncPanel() {
  const settings = useSyncSettings();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="sync-title">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3" id="sync-title">
          多机同步
        </Typography>
        <Typography variant="body2" color="text.secondary">
          督查室的几台电脑共用一套数据：每台电脑照常离线工作，能连上办公室的同步服务器（Apache
          CouchDB）时自动互相同步。服务器由信息科按《同步服务器安装与管理》（docs/sync-it-guide.md）设置。
          未设置服务器时，本机单独使用，与以往相同。
        </Typography>
        {settings === undefined ? null : settings.device ? (
          <SyncRunning settings={settings} />
        ) : (
          <SyncSetUp settings={settings} />
        )}
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------- not set up yet

function SyncSetUp({ settings }: { settings: SyncSettings }) {
  const [server, setServer] = useState(settings.config?.server ?? '');
  const [database, setDatabase] = useState(settings.config?.database ?? DEFAULT_DATABASE);
  const [username, setUsername] = useState(settings.config?.username ?? '');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState(() => `${getOperator() || '本机'}的电脑`);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ severity: 'success' | 'error' | 'info'; text: string }>();
  const [ask, setAsk] = useState<{ config: SyncConfig; local: number }>();

  const config = (): SyncConfig | undefined => {
    const address = parseServerAddress(server, database);
    if (!address.ok) {
      setResult({ severity: 'error', text: address.message });
      return undefined;
    }
    if (username.trim() === '') {
      setResult({ severity: 'error', text: '请填写用户名' });
      return undefined;
    }
    return { server: address.origin, database: address.database, username: username.trim() };
  };
  const reachable = server.trim() === '' || canReach(server, database);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setResult(undefined);
    try {
      await task();
    } catch (e) {
      setResult({ severity: 'error', text: userMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    run(async () => {
      const c = config();
      if (!c) return;
      const answer = await testConnection(c, password || undefined);
      setResult({ severity: answer.ok ? 'success' : 'error', text: answer.message });
    });

  const start = () =>
    run(async () => {
      const c = config();
      if (!c) return;
      const answer: ConnectionTest = await testConnection(c, password || undefined);
      if (!answer.ok) {
        setResult({ severity: 'error', text: answer.message });
        return;
      }
      const situation = await firstSyncSituation(answer);
      if (situation.local > 0 && situation.server) {
        setAsk({ config: c, local: situation.local });
        return;
      }
      if (answer.role === 'reader' && !situation.server) {
        setResult({
          severity: 'error',
          text: '服务器上还没有数据，只读用户无法上传本机数据。请先在编辑人员的电脑上开始同步。',
        });
        return;
      }
      await beginSync(c, label, 'merge');
    });

  const replace = async () => {
    if (!ask) return;
    const backup = await createBackup({ label: '督查督办同步前备份' });
    const saved = await desktop.saveFile({ suggestedName: backup.fileName, bytes: backup.bytes });
    if (!saved.saved) throw new Error('本机数据没有保存为备份文件，已取消，数据没有改变。');
    await beginSync(ask.config, label, 'replace');
    setResult({ severity: 'info', text: `本机原有数据已保存为“${saved.path ?? backup.fileName}”，正在从服务器下载。` });
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label="服务器地址"
          placeholder="https://192.168.1.10:6984"
          value={server}
          onChange={(e) => setServer(e.target.value)}
          sx={{ minWidth: 300 }}
        />
        <TextField size="small" label="数据库" value={database} onChange={(e) => setDatabase(e.target.value)} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField size="small" label="用户名" value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField
          size="small"
          label="密码"
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField size="small" label="本机名称" value={label} onChange={(e) => setLabel(e.target.value)} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {isDesktopShell
          ? '密码由操作系统加密保存在本机（Windows 数据保护），不以明文保存；同步请求只发往上面的服务器和数据库。'
          : '浏览器版不保存密码：每次打开页面需重新输入。更改服务器地址后需重新加载页面才能连接。'}
      </Typography>
      <Stack direction="row" spacing={1}>
        {reachable ? (
          <>
            <Button variant="outlined" disabled={busy} onClick={() => void test()}>
              测试连接
            </Button>
            <Button variant="contained" disabled={busy} onClick={() => void start()}>
              开始同步
            </Button>
          </>
        ) : (
          <Button
            variant="contained"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const c = config();
                if (c) await saveAddressAndReload(c);
              })
            }
          >
            保存地址并重新加载
          </Button>
        )}
      </Stack>
      {result && <Alert severity={result.severity}>{result.text}</Alert>}
      <ConfirmDialog
        open={ask !== undefined}
        title="本机和服务器都已有数据"
        text={`本机已有 ${ask?.local ?? 0} 条数据，服务器上也已有数据。两套数据不能合并（会出现重复的单位和任务）。可以先把本机数据保存为备份文件，再清空本机、改用服务器上的数据。`}
        confirmLabel="备份本机数据后以服务器为准"
        onConfirm={replace}
        onClose={() => setAsk(undefined)}
      />
    </Stack>
  );
}

// ---------------------------------------------------------------- set up

function SyncRunning({ settings }: { settings: SyncSettings }) {
  const status = useSyncStatus();
  const counts = useSyncCounts();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string>();
  const [confirmStop, setConfirmStop] = useState(false);
  const config = settings.config;
  const full = { ...status, pending: counts?.pending ?? 0, conflicts: counts?.conflicts ?? 0 };
  const role = status.role ?? settings.role;
  const progress = status.phase === 'initial' ? status.progress : undefined;
  const act = (task: () => Promise<void>) => {
    setMessage(undefined);
    task().catch((e: unknown) => setMessage(userMessage(e)));
  };

  return (
    <Stack spacing={1.5}>
      <Table size="small" aria-label="同步设置">
        <TableBody>
          <TableRow>
            <TableCell sx={{ width: 140 }}>服务器</TableCell>
            <TableCell>
              {config?.server}/{config?.database}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>用户</TableCell>
            <TableCell>
              {config?.username}
              {role ? `（${role === 'editor' ? '编辑' : '只读'}）` : ''}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>本机名称</TableCell>
            <TableCell>{settings.device?.label}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>状态</TableCell>
            <TableCell data-testid="sync-state">
              {statusLabel(full)}
              {status.reason && status.phase !== 'synced' && status.phase !== 'syncing' ? `（${status.reason}）` : ''}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>最近同步</TableCell>
            <TableCell>
              {(status.lastSynced ?? settings.lastSynced)
                ? chineseDateTime((status.lastSynced ?? settings.lastSynced)!)
                : '尚未同步'}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {progress && (
        <Box>
          <Typography variant="body2">{progressText(progress)}</Typography>
          <LinearProgress
            variant={progress.total > 0 ? 'determinate' : 'indeterminate'}
            value={progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0}
            aria-label="首次同步进度"
          />
        </Box>
      )}
      {status.phase === 'needsPassword' && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            label="同步密码"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button variant="contained" disabled={password === ''} onClick={() => act(() => enterPassword(password))}>
            连接
          </Button>
          <Typography variant="body2" color="text.secondary">
            {isDesktopShell
              ? '本机系统不能加密保存密码，每次打开需输入一次。'
              : '浏览器版不保存密码，每次打开页面需输入一次。'}
          </Typography>
        </Stack>
      )}
      <Stack direction="row" spacing={1}>
        {status.phase === 'paused' ? (
          <Button variant="contained" onClick={() => act(resumeSync)}>
            继续同步
          </Button>
        ) : (
          <Button
            variant="outlined"
            disabled={status.phase === 'needsPassword' || status.phase === 'restorePending'}
            onClick={() => act(pauseSync)}
          >
            暂停同步
          </Button>
        )}
        <Button variant="outlined" onClick={() => navigateTo(routes.conflicts())}>
          同步冲突（{counts?.conflicts ?? 0}）
        </Button>
        <Button color="error" onClick={() => setConfirmStop(true)}>
          停用同步
        </Button>
      </Stack>
      {message && <Alert severity="error">{message}</Alert>}
      <ConfirmDialog
        open={confirmStop}
        title="停用多机同步"
        text={`停用后本机不再与服务器同步，本机数据保持不变${
          (counts?.pending ?? 0) > 0 ? `；还有 ${counts?.pending} 项修改尚未上传，将不会发送` : ''
        }。以后可重新设置。`}
        confirmLabel="停用同步"
        onConfirm={stopSyncHere}
        onClose={() => setConfirmStop(false)}
      />
    </Stack>
  );
}

/** Shown in the restore dialog when this PC syncs: a restored backup is not sent without asking. */
export function SyncRestoreNote() {
  const settings = useSyncSettings();
  if (!settings?.device) return null;
  return (
    <Alert severity="info">
      本机已启用多机同步。恢复后同步会暂停，并询问是否把备份中的数据发送到服务器（其他电脑也会随之改变）；未经确认不会发送。
    </Alert>
  );
}
