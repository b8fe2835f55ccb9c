import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { requiredPlanMonths, validatePlan } from '../../core/plan';
import type { Task, WorkYear } from '../../core/model';
import { setTaskPlan, useMilestones } from '../../db';
import { userMessage } from '../../ui/errors';

interface Cell {
  text: string;
  percent: string;
}

/** The task's 月方案 month by month, as the lead unit's plan sets it or as staff type it. */
export function TaskPlanEditor({ task, year }: { task: Task; year: WorkYear }) {
  const milestones = useMilestones(task.id);
  const months = useMemo(() => requiredPlanMonths(task.dueDate, year), [task.dueDate, year]);
  const stored = useMemo(() => {
    const cells: Record<number, Cell> = {};
    for (const m of months) {
      const found = milestones?.find((x) => x.month === m);
      cells[m] = { text: found?.text ?? '', percent: found ? String(found.plannedPercent) : '' };
    }
    return cells;
  }, [milestones, months]);
  const [cells, setCells] = useState(stored);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string }>();
  useEffect(() => setCells(stored), [stored]);

  const asPlan = months.map((m) => ({
    month: m,
    text: cells[m]?.text.trim() ?? '',
    plannedPercent: cells[m]?.percent.trim() ? Number(cells[m]!.percent) : null,
  }));
  const problems = validatePlan({ taskId: task.id, title: task.title, dueDate: task.dueDate, months: asPlan }, year, {
    file: '月方案',
  }).filter((p) => p.severity === 'error');
  const dirty = JSON.stringify(cells) !== JSON.stringify(stored);

  const save = async () => {
    try {
      await setTaskPlan(
        task.id,
        asPlan.map((m) => ({ month: m.month, text: m.text, plannedPercent: m.plannedPercent ?? 0 })),
      );
      setMessage({ severity: 'success', text: '月方案已保存。' });
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h3">
        月方案
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        每月一个节点目标和计划累计进度；累计进度不得回落，完成时限所在月份应达到100%。
      </Typography>
      {milestones?.length === 0 && !dirty && (
        <Typography color="text.secondary">尚未制定月方案（序时进度暂按时间平均计算）。</Typography>
      )}
      <Box sx={{ overflow: 'auto' }}>
        <Table size="small" aria-label="月方案">
          <TableHead>
            <TableRow>
              <TableCell>月份</TableCell>
              <TableCell>节点目标</TableCell>
              <TableCell sx={{ width: 140 }}>计划累计进度(%)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {months.map((m) => (
              <TableRow key={m}>
                <TableCell>{m}月</TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    fullWidth
                    value={cells[m]?.text ?? ''}
                    onChange={(e) => setCells({ ...cells, [m]: { ...cells[m]!, text: e.target.value } })}
                    slotProps={{ htmlInput: { 'aria-label': `${m}月节点目标` } }}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    type="number"
                    value={cells[m]?.percent ?? ''}
                    onChange={(e) => setCells({ ...cells, [m]: { ...cells[m]!, percent: e.target.value } })}
                    slotProps={{ htmlInput: { 'aria-label': `${m}月计划累计进度`, min: 0, max: 100 } }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {dirty && problems.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {problems.map((p) => p.message).join('；')}
        </Alert>
      )}
      {message && (
        <Alert severity={message.severity} sx={{ mt: 1 }}>
          {message.text}
        </Alert>
      )}
      <Stack direction="row" sx={{ mt: 1 }}>
        <Button variant="contained" disabled={!dirty || problems.length > 0} onClick={save}>
          保存月方案
        </Button>
      </Stack>
    </Paper>
  );
}
