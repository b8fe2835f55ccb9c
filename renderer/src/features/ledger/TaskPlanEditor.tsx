import { useMemo } from 'react';
import {
  Alert,
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { requiredPlanMonths, validatePlan } from '../../core/plan';
import type { Milestone, Task, WorkYear } from '../../core/model';
import { useMilestones, useMonthStates } from '../../db';
import { saveStatusText, useAutosave } from '../../ui/autosave';

interface Cell {
  text: string;
  percent: string;
}

type Cells = Record<number, Cell>;

/** The task's 月方案 month by month, as the lead unit's plan sets it or as staff type it. */
export function TaskPlanEditor({ task, year }: { task: Task; year: WorkYear }) {
  const milestones = useMilestones(task.id);
  const states = useMonthStates(year.id);
  if (milestones === undefined || states === undefined) return null;
  const published = new Set(states.filter((s) => s.state === 'published').map((s) => s.month));
  return <PlanTable task={task} year={year} milestones={milestones} published={published} />;
}

function PlanTable({
  task,
  year,
  milestones,
  published,
}: {
  task: Task;
  year: WorkYear;
  milestones: Milestone[];
  published: ReadonlySet<number>;
}) {
  const months = useMemo(() => requiredPlanMonths(task.dueDate, year), [task.dueDate, year]);
  const stored = useMemo(() => {
    const cells: Cells = {};
    for (const m of months) {
      const found = milestones.find((x) => x.month === m);
      cells[m] = { text: found?.text ?? '', percent: found ? String(found.plannedPercent) : '' };
    }
    return cells;
  }, [milestones, months]);
  const planOf = (cells: Cells) =>
    months.map((m) => ({
      month: m,
      text: cells[m]?.text.trim() ?? '',
      plannedPercent: cells[m]?.percent.trim() ? Number(cells[m]!.percent) : null,
    }));
  const save = useAutosave<Cells>({
    id: `taskPlan:${task.id}`,
    stored,
    label: `“${task.title}”的月方案`,
    edit: (cells) => ({
      kind: 'taskPlan',
      args: {
        taskId: task.id,
        months: planOf(cells).map((m) => ({ month: m.month, text: m.text, plannedPercent: m.plannedPercent ?? 0 })),
      },
    }),
    asStored: planOf,
    // A plan is saved once every month is filled and the percents hold (as an imported plan).
    check: (cells) => {
      const problems = validatePlan(
        { taskId: task.id, title: task.title, dueDate: task.dueDate, months: planOf(cells) },
        year,
        { file: '月方案' },
      ).filter((p) => p.severity === 'error');
      return problems.length > 0 ? problems.map((p) => p.message).join('；') : undefined;
    },
  });
  const cells = save.draft;
  const setCell = (month: number, patch: Partial<Cell>) =>
    save.change((c) => ({ ...c, [month]: { text: '', percent: '', ...c[month], ...patch } }));
  const frozen = months.filter((m) => published.has(m));

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h3">
        月方案
      </Typography>
      <Typography variant="body2" color="text.secondary">
        每月一个节点目标和计划累计进度；累计进度不得回落，完成时限所在月份应达到100%。各月填写完整且无误后自动保存。
        {frozen.length > 0 && `${frozen.map((m) => `${m}月`).join('、')}已发布，不能修改。`}
      </Typography>
      <Typography
        role="status"
        aria-label="月方案保存状态"
        variant="body2"
        color={save.status === 'error' ? 'error' : 'text.secondary'}
        sx={{ mb: 1 }}
      >
        {save.status === 'invalid' ? '未保存：月方案尚不完整或有误（见下方）' : save.edited ? saveStatusText(save) : ''}
      </Typography>
      {milestones.length === 0 && !save.edited && (
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
                    onChange={(e) => setCell(m, { text: e.target.value })}
                    slotProps={{ htmlInput: { 'aria-label': `${m}月节点目标`, readOnly: published.has(m) } }}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    type="number"
                    value={cells[m]?.percent ?? ''}
                    onChange={(e) => setCell(m, { percent: e.target.value })}
                    slotProps={{
                      htmlInput: { 'aria-label': `${m}月计划累计进度`, min: 0, max: 100, readOnly: published.has(m) },
                    }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {save.status === 'invalid' && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {save.message}
        </Alert>
      )}
    </Paper>
  );
}
