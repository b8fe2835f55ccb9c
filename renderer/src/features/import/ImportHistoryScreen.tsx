import { useState } from 'react';
import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ImportBatch } from '../../core/model';
import { undoImport, useImportBatches } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { chineseDateTime } from '../../core/dates';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { importKindLabels } from './kinds';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function ImportHistoryScreen() {
  const yearId = useWorkYear().id;
  const batches = useImportBatches(yearId);
  const [undoing, setUndoing] = useState<ImportBatch>();

  return (
    <Stack spacing={2}>
      <ScreenHeader title="导入记录">
        <Button variant="contained" onClick={() => navigateTo(routes.import('tasks'))}>
          导入任务清单
        </Button>
      </ScreenHeader>
      <Paper variant="outlined">
        <Table size="small" aria-label="导入记录">
          <TableHead>
            <TableRow>
              <TableCell>导入时间</TableCell>
              <TableCell>类型</TableCell>
              <TableCell>文件</TableCell>
              <TableCell>操作人</TableCell>
              <TableCell>新增</TableCell>
              <TableCell>修改</TableCell>
              <TableCell>未变</TableCell>
              <TableCell>状态</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {batches?.length === 0 && (
              <TableRow>
                <TableCell colSpan={9} sx={{ color: 'text.secondary' }}>
                  还没有导入过文件。
                </TableCell>
              </TableRow>
            )}
            {batches?.map((b) => (
              <TableRow key={b.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{chineseDateTime(b.importedAt)}</TableCell>
                <TableCell>{importKindLabels[b.kind] ?? b.kind}</TableCell>
                <TableCell>{b.files.map((f) => f.name).join('、')}</TableCell>
                <TableCell>{b.operator}</TableCell>
                <TableCell>{b.counts.created}</TableCell>
                <TableCell>{b.counts.updated}</TableCell>
                <TableCell>{b.counts.unchanged}</TableCell>
                <TableCell>
                  {b.undone ? (
                    <Chip size="small" label={`已撤销 ${b.undoneAt ? chineseDateTime(b.undoneAt) : ''}`} />
                  ) : (
                    <Chip size="small" color="success" label="有效" />
                  )}
                </TableCell>
                <TableCell align="right">
                  {!b.undone && (
                    <Button size="small" color="error" onClick={() => setUndoing(b)}>
                      撤销此批次
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <ConfirmDialog
        open={!!undoing}
        title="撤销导入批次"
        text={`撤销后，此批次新增的 ${undoing?.counts.created ?? 0} 条记录将被删除，修改的 ${undoing?.counts.updated ?? 0} 条记录将恢复为导入前的内容。确定撤销吗？`}
        confirmLabel="撤销"
        onConfirm={() => undoImport(undoing!.id)}
        onClose={() => setUndoing(undefined)}
      />
    </Stack>
  );
}
