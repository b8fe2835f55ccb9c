import { useState } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { PickedFile } from '../../../../electron/shared/contract';
import { entityLabels } from '../../core/model';
import {
  describeCurrent,
  readBackup,
  restoreBackup,
  SAFETY_BACKUP_LABEL,
  type BackupCheck,
  type BackupSummary,
  type BackupTable,
  type RestoreResult,
} from '../../db';
import { desktop } from '../../io/desktop';
import { userMessage } from '../../ui/errors';
import { chineseDateTime } from '../../core/dates';
import { autoBackupsAvailable, keepSafetyBackup } from '../../ui/autoBackup';
import { SyncRestoreNote } from '../../ui/sync/SyncPanel';

/** A backup file picked for restore, as checked, beside what the database holds now. */
export interface RestorePreview {
  file: PickedFile;
  check: BackupCheck;
  current: BackupSummary;
}

/** What a finished restore reports to the screen. */
export interface Restored {
  fileName: string;
  result: RestoreResult;
  /** Where the backup of the replaced data went, as a sentence. */
  safetyNote: string;
}

/** The message a finished restore leaves on the screen. */
export function restoredMessage({ fileName, result, safetyNote }: Restored): string {
  return `已从备份“${fileName}”恢复（备份时间 ${chineseDateTime(result.summary.createdAt)}，共 ${result.summary.total} 条记录）。${safetyNote}`;
}

const tableLabel = (name: string) => (name === 'audit' ? '操作日志' : (entityLabels[name] ?? name));

interface Props {
  preview: RestorePreview | undefined;
  onClose(): void;
  onRestored(restored: Restored): void;
}

/**
 * 从备份恢复: what the file holds (date, versions, rows per table, checksum) beside what the
 * database holds now; a file that cannot be restored shows why. Restoring first saves a backup
 * of the current data (恢复前自动备份); without it nothing is replaced.
 */
export function RestorePreviewDialog({ preview, onClose, onRestored }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const close = () => {
    if (busy) return;
    setError(undefined);
    onClose();
  };
  const restore = async (file: PickedFile) => {
    setBusy(true);
    setError(undefined);
    let safetyNote = '';
    try {
      const result = await restoreBackup(file.bytes, {
        sourceName: file.name,
        keepSafetyBackup: async (safety) => {
          if (autoBackupsAvailable) {
            // Desktop: into the backups folder, no dialog (an empty database is not kept).
            const kept = await keepSafetyBackup(safety);
            safetyNote = kept
              ? `恢复前的数据已自动备份为数据文件夹 backups 中的“${kept.name}”。`
              : '恢复前数据库中没有工作数据，未另存。';
            return true;
          }
          const saved = await desktop.saveFile({ suggestedName: safety.fileName, bytes: safety.bytes });
          safetyNote = `恢复前的数据已保存为“${saved.path ?? safety.fileName}”。`;
          return saved.saved;
        },
      });
      onRestored({ fileName: file.name, result, safetyNote });
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const check = preview?.check;
  return (
    <Dialog open={!!preview} onClose={close} maxWidth="md" fullWidth aria-labelledby="restore-title">
      <DialogTitle id="restore-title">从备份恢复</DialogTitle>
      <DialogContent>
        {preview && check && (
          <Stack spacing={2}>
            <Typography variant="body2">文件：{preview.file.name}</Typography>
            {!check.ok && <Alert severity="error">{check.message}</Alert>}
            {check.ok && (
              <>
                <Alert severity="success">
                  校验通过：文件完整，未被修改（SHA-256 {check.summary.sha256?.slice(0, 16)}…）。
                </Alert>
                <Alert severity="warning">
                  恢复将用此备份的内容替换当前的全部数据（包括操作日志）。
                  {autoBackupsAvailable
                    ? '恢复前会先把当前数据自动备份到数据文件夹的 backups 文件夹（“恢复前”），可随时再恢复回来。'
                    : `恢复前会先把当前数据保存为“${SAFETY_BACKUP_LABEL}-….dcbackup”文件，请妥善保存；该文件未保存时不会恢复。`}
                </Alert>
                <SyncRestoreNote />
                <Comparison backup={check.summary} current={preview.current} />
              </>
            )}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {busy && <CircularProgress size={20} aria-label="正在恢复" />}
        <Button onClick={close} disabled={busy}>
          {check?.ok ? '取消' : '关闭'}
        </Button>
        {preview && check?.ok && (
          <Button color="error" variant="contained" disabled={busy} onClick={() => void restore(preview.file)}>
            恢复
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function Comparison({ backup, current }: { backup: BackupSummary; current: BackupSummary }) {
  const tables = Object.keys(backup.counts) as BackupTable[];
  const differs = { fontWeight: 700 };
  return (
    <Table size="small" aria-label="备份与当前数据对比">
      <TableHead>
        <TableRow>
          <TableCell>项目</TableCell>
          <TableCell align="right">备份文件</TableCell>
          <TableCell align="right">当前数据库</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          <TableCell>备份时间</TableCell>
          <TableCell align="right">{chineseDateTime(backup.createdAt)}</TableCell>
          <TableCell align="right">（现在）</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>程序版本</TableCell>
          <TableCell align="right">{backup.appVersion || '未知'}</TableCell>
          <TableCell align="right">{current.appVersion || '未知'}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>数据结构版本</TableCell>
          <TableCell align="right">{backup.schemaVersion}</TableCell>
          <TableCell align="right">{current.schemaVersion}</TableCell>
        </TableRow>
        {tables.map((name) => {
          const sx = backup.counts[name] !== current.counts[name] ? differs : undefined;
          return (
            <TableRow key={name}>
              <TableCell>{tableLabel(name)}</TableCell>
              <TableCell align="right" sx={sx}>
                {backup.counts[name]}
              </TableCell>
              <TableCell align="right" sx={sx}>
                {current.counts[name]}
              </TableCell>
            </TableRow>
          );
        })}
        <TableRow>
          <TableCell sx={differs}>合计</TableCell>
          <TableCell align="right" sx={differs}>
            {backup.total}
          </TableCell>
          <TableCell align="right" sx={differs}>
            {current.total}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** A backup file, checked, beside the current database: what the restore dialog shows. */
export async function previewRestore(file: PickedFile): Promise<RestorePreview> {
  const [check, current] = await Promise.all([readBackup(file.bytes), describeCurrent()]);
  return { file, check, current };
}

export async function previewAutoBackup(name: string): Promise<RestorePreview> {
  return previewRestore(await desktop.readAutoBackup(name));
}
