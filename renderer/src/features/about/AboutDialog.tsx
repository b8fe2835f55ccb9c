import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from '@mui/material';
import type { AppInfo } from '../../../../electron/shared/contract';
import { DB_NAME, SCHEMA_VERSION } from '../../db';
import { desktop } from '../../io/desktop';

/**
 * 关于: what support asks first. The version is package.json's: Electron's app.getVersion()
 * reads the packed package.json, the browser build has it from Vite's define.
 */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => {
    if (open) void desktop.appInfo().then(setInfo);
  }, [open]);

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="about-title">
      <DialogTitle id="about-title">关于</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="程序信息">
          <TableBody>
            <TableRow>
              <TableCell>程序名称</TableCell>
              <TableCell>重点工作督查督办</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>程序版本</TableCell>
              <TableCell>{info?.version ?? ''}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>数据结构版本</TableCell>
              <TableCell>{SCHEMA_VERSION}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>数据位置</TableCell>
              <TableCell>{info ? `${info.dataFolder}（数据库 ${DB_NAME}）` : ''}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>运行方式</TableCell>
              <TableCell>{info ? (info.shell === 'electron' ? '桌面程序' : '浏览器') : ''}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          确定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
