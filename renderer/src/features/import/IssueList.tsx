import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { Grid, ImportIssue, Severity } from '../../core/import/types';
import { cellText, columnLetter } from '../../core/import/sheet';
import { linkRow } from '../../ui/reviewRows';

const severityLabels: Record<Severity, string> = { error: '错误', warning: '提醒', info: '说明' };
const severityColors: Record<Severity, string> = {
  error: 'error.main',
  warning: 'warning.dark',
  info: 'text.secondary',
};

/** Every problem with file, sheet, row and column; a click shows the cell among its neighbours. */
export function IssueList({ issues, gridOf }: { issues: ImportIssue[]; gridOf(file: string): Grid | undefined }) {
  const [peek, setPeek] = useState<ImportIssue>();
  if (issues.length === 0) return null;
  return (
    <>
      <Table size="small" aria-label="问题清单">
        <TableHead>
          <TableRow>
            <TableCell>级别</TableCell>
            <TableCell>文件</TableCell>
            <TableCell>工作表</TableCell>
            <TableCell>行</TableCell>
            <TableCell>列</TableCell>
            <TableCell>说明</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {issues.map((issue, i) => (
            <TableRow
              key={i}
              {...(issue.row && gridOf(issue.file) ? linkRow(() => setPeek(issue)) : {})}
              title={issue.row ? '点击查看该单元格' : undefined}
            >
              <TableCell sx={{ color: severityColors[issue.severity], fontWeight: 700, whiteSpace: 'nowrap' }}>
                {severityLabels[issue.severity]}
              </TableCell>
              <TableCell>{issue.file}</TableCell>
              <TableCell>{issue.sheet ?? ''}</TableCell>
              <TableCell>{issue.row ?? ''}</TableCell>
              <TableCell>{issue.column ?? ''}</TableCell>
              <TableCell>{issue.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {peek && <CellPeek issue={peek} grid={gridOf(peek.file)!} onClose={() => setPeek(undefined)} />}
    </>
  );
}

function columnIndex(letters: string | undefined): number | undefined {
  if (!letters || !/^[A-Z]+$/.test(letters)) return undefined;
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function CellPeek({ issue, grid, onClose }: { issue: ImportIssue; grid: Grid; onClose(): void }) {
  const sheet = grid.sheets.find((s) => s.name === issue.sheet) ?? grid.sheets.find((s) => !s.hidden);
  const row = (issue.row ?? 1) - 1;
  const col = columnIndex(issue.column);
  const firstRow = Math.max(0, row - 2);
  const rows = sheet?.rows.slice(firstRow, row + 3) ?? [];
  const width = Math.min(12, Math.max(col !== undefined ? col + 2 : 0, ...rows.map((r) => r.length)));
  const firstCol = col !== undefined ? Math.max(0, Math.min(col - 3, width - 8)) : 0;
  const cols = Array.from({ length: Math.max(0, width - firstCol) }, (_, i) => firstCol + i);
  return (
    <Dialog open onClose={onClose} maxWidth="lg">
      <DialogTitle>
        {issue.file} · {sheet?.name} · 第{issue.row}行{issue.column ? ` ${issue.column}列` : ''}
      </DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{issue.message}</Typography>
        <Box sx={{ overflow: 'auto' }}>
          <Table size="small" aria-label="单元格位置">
            <TableHead>
              <TableRow>
                <TableCell />
                {cols.map((c) => (
                  <TableCell key={c}>{columnLetter(c)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((cells, i) => (
                <TableRow key={i} selected={firstRow + i === row}>
                  <TableCell sx={{ fontWeight: 700 }}>{firstRow + i + 1}</TableCell>
                  {cols.map((c) => (
                    <TableCell
                      key={c}
                      sx={
                        firstRow + i === row && c === col
                          ? { outline: 2, outlineColor: 'error.main', outlineStyle: 'solid', fontWeight: 700 }
                          : { maxWidth: 220, whiteSpace: 'pre-line' }
                      }
                    >
                      {cellText(cells[c])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
