import { useEffect, useState } from 'react';
import { Alert, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { AppInfo } from '../../../../electron/shared/contract';
import { DB_NAME, SCHEMA_VERSION, newerDatabaseNotice, storageStatus, type StorageStatus } from '../../db';
import { desktop } from '../../io/desktop';
import { AutoBackupPanel } from './AutoBackupPanel';
import { BackupPanel } from './BackupPanel';
import { SyncPanel } from '../../ui/sync/SyncPanel';

const megabytes = (bytes: number | undefined) =>
  bytes === undefined ? '未知' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * 数据安全: where the data is, whether the browser keeps it under disk pressure, how much space
 * it takes; the automatic backups; backup to a file and restore from one.
 */
export function DataSafetyScreen() {
  const [status, setStatus] = useState<StorageStatus>();
  const [info, setInfo] = useState<AppInfo>();
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    void storageStatus().then(setStatus);
    void desktop.appInfo().then(setInfo);
    void newerDatabaseNotice().then(setNotice);
  }, []);

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h2">
        数据安全
      </Typography>
      {notice && <Alert severity="error">{notice}</Alert>}
      {status?.persisted === false && (
        <Alert severity="warning">浏览器尚未授予持久存储：磁盘空间紧张时数据可能被清除。请定期备份。</Alert>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label="数据安全">
          <TableBody>
            <TableRow>
              <TableCell>持久存储</TableCell>
              <TableCell>
                {status?.persisted === undefined
                  ? '未知'
                  : status.persisted
                    ? '已授予（磁盘紧张时也不会被清除）'
                    : '未授予'}
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell>已用空间</TableCell>
              <TableCell>
                {megabytes(status?.usage)}（可用上限 {megabytes(status?.quota)}）
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell>数据位置</TableCell>
              <TableCell>
                {info?.dataFolder ?? ''}（数据库 {DB_NAME}）
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell>数据结构版本</TableCell>
              <TableCell>{SCHEMA_VERSION}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>程序版本</TableCell>
              <TableCell>{info?.version ?? ''}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>每项修改</TableCell>
              <TableCell>与其操作日志在同一事务中写入；导入可按批次撤销。</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
      <AutoBackupPanel onRestored={() => void storageStatus().then(setStatus)} />
      <BackupPanel onRestored={() => void storageStatus().then(setStatus)} />
      <SyncPanel />
    </Stack>
  );
}
