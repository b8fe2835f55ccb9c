import { useMemo, useState } from 'react';
import {
  Autocomplete,
  Button,
  Chip,
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
import { dueDate } from '../../core/calendar';
import { chineseDate, weekdayName } from '../../core/dates';
import { planStateLabels, planSubmissionStatus, type PlanState } from '../../core/plan';
import { useSubmissions, useTasks, useUnits } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { todayInChina } from '../../ui/today';
import { ActionAlert, useAction } from '../../ui/useAction';
import { ProgressButton, type ProgressReport } from '../../ui/ProgressButton';
import { exportPlanTemplates } from './exportTemplates';
import { ScreenHeader } from '../../ui/ScreenHeader';

const stateColors: Record<PlanState, 'success' | 'warning' | 'error' | 'default'> = {
  submitted: 'success',
  late: 'warning',
  missing: 'error',
  pending: 'default',
};

/** 月方案: templates out to every unit, plans back in, who has submitted by the (shifted) due date. */
export function PlansScreen() {
  const year = useWorkYear();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const submissions = useSubmissions(year.id, 'plan', 0);
  const { message, setMessage, run } = useAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const due = dueDate(year, 'plan');
  const today = todayInChina();

  // Units with at least one task owe a plan.
  const owing = useMemo(
    () => units?.filter((u) => tasks?.some((t) => t.leadUnitId === u.id || t.coUnitIds.includes(u.id))) ?? [],
    [units, tasks],
  );
  const status = useMemo(
    () => (submissions ? planSubmissionStatus(owing, submissions, due, today) : []),
    [owing, submissions, due, today],
  );

  const doExport = (onProgress: ProgressReport) =>
    run(
      () => exportPlanTemplates(year, chosen.length ? chosen : owing.map((u) => u.id), onProgress),
      (result) => (result.saved ? `已导出 ${result.saved} 个单位的月方案。` : '已取消。'),
    );
  const downloadOne = (unitId: string, unitName: string) =>
    run(
      () => exportPlanTemplates(year, [unitId], () => undefined),
      (result) => (result.saved ? `已导出${unitName}的月方案模板。` : '已取消。'),
    );

  return (
    <Stack spacing={2}>
      <ScreenHeader title="月方案">
        <Autocomplete
          multiple
          size="small"
          sx={{ minWidth: 260 }}
          options={owing.map((u) => u.id)}
          getOptionLabel={(id) => owing.find((u) => u.id === id)?.name ?? ''}
          value={chosen}
          onChange={(_e, value) => setChosen(value)}
          renderInput={(params) => <TextField {...params} label="导出的单位（不选则全部）" />}
        />
        <ProgressButton variant="outlined" run={doExport} disabled={owing.length === 0}>
          导出月方案模板
        </ProgressButton>
        <Button variant="contained" onClick={() => navigateTo(routes.import('plan'))}>
          导入月方案
        </Button>
      </ScreenHeader>
      <Typography>
        月方案报送截止：
        <b>
          {chineseDate(due.due)}（{weekdayName(due.due)}）
        </b>
        {due.shifted && `（${due.reason}）`}。已报送 {status.filter((s) => s.receivedDate).length}/{owing.length}{' '}
        个单位。
      </Typography>
      <ActionAlert message={message} onClose={() => setMessage(undefined)} />
      <Paper variant="outlined">
        <Table size="small" aria-label="月方案报送情况">
          <TableHead>
            <TableRow>
              <TableCell>单位</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>收到日期</TableCell>
              <TableCell align="right">模板</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {owing.length === 0 && (
              <TableRow>
                <TableCell colSpan={4} sx={{ color: 'text.secondary' }}>
                  请先导入任务清单：有任务的单位需要报送月方案。
                </TableCell>
              </TableRow>
            )}
            {status.map((s) => {
              const name = owing.find((u) => u.id === s.unitId)?.name ?? '';
              return (
                <TableRow key={s.unitId}>
                  <TableCell>{name}</TableCell>
                  <TableCell>
                    <Chip size="small" color={stateColors[s.state]} label={planStateLabels[s.state]} />
                  </TableCell>
                  <TableCell>
                    {s.receivedDate ? chineseDate(s.receivedDate) : ''}
                    {s.daysLate > 0 ? `（逾期 ${s.daysLate} 天）` : ''}
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      onClick={() => downloadOne(s.unitId, name)}
                      aria-label={`下载${name}的月方案模板`}
                    >
                      下载
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
