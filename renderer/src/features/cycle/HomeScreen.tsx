import { useMemo } from 'react';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { isOpenInMonth, windowMonths } from '../../core/calendar';
import { chineseDate, weekdayName } from '../../core/dates';
import { lightOrder, statusByMonth, statusOrder } from '../../core/dashboard';
import { daysBetween } from '../../core/dates';
import {
  assessTaskMonth,
  defaultProgressRules,
  monthEndOf,
  statusLabels,
  type ProgressRules,
} from '../../core/progress';
import type { Milestone, ProgressReport, WorkYear } from '../../core/model';
import { useSetting, useTasks, useYearMilestones, useYearReports } from '../../db';
import { useYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { linkRow } from '../../ui/reviewRows';
import { LightChip } from '../../ui/LightChip';
import { statusColors } from '../../ui/statusColors';
import { monthAxis } from '../../ui/monthAxis';
import { defaultMonth } from '../../ui/MonthPicker';
import { useMonth, type MonthView } from '../../ui/useMonth';

/** 首页: the current month at a glance, from the same figures as the 督查反馈 screen. */
export function HomeScreen() {
  const year = useYear().current;
  if (!year) {
    return (
      <Stack spacing={2}>
        <Typography variant="h5" component="h2">
          首页
        </Typography>
        <Typography>还没有工作年度。请先创建工作年度，再导入任务清单和单位名单。</Typography>
        <Box>
          <Button variant="contained" onClick={() => navigateTo(routes.year())}>
            创建工作年度
          </Button>
        </Box>
      </Stack>
    );
  }
  return <Dashboard year={year} />;
}

function Dashboard({ year }: { year: WorkYear }) {
  const month = defaultMonth(year);
  const view = useMonth(year, month);
  if (!view) return null;
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        {year.year}年{month}月概况
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 2 }}>
        <Figure
          label="进展报送截止"
          value={chineseDate(view.reportDue.due)}
          note={`${weekdayName(view.reportDue.due)}，${dayNote(view.today, view.reportDue.due)}`}
        />
        <Figure
          label="督查反馈截止"
          value={chineseDate(view.feedbackDue.due)}
          note={`${weekdayName(view.feedbackDue.due)}，${dayNote(view.today, view.feedbackDue.due)}`}
        />
        <Figure
          label="已收到报表"
          value={`${view.summary.sheetsReceived} / ${view.summary.sheetsExpected}`}
          note="个单位"
          onClick={() => navigateTo(routes.reports(month))}
        />
        <Figure
          label="任务"
          value={String(view.summary.tasks)}
          note={statusOrder.map((s) => `${statusLabels[s]} ${view.summary.byStatus[s]}`).join(' · ')}
        />
      </Box>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h3">
          红黄绿灯
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 1 }} aria-label="红黄绿灯统计">
          {lightOrder.map((l) => (
            <span key={l}>
              <LightChip light={l} /> {view.summary.byLight[l]} 项
            </span>
          ))}
        </Stack>
        <RedUnits view={view} />
      </Paper>
      <StatusChart year={year} lastMonth={month} />
    </Stack>
  );
}

function dayNote(today: string, due: string): string {
  const days = daysBetween(today, due);
  return days > 0 ? `还有 ${days} 天` : days === 0 ? '今天截止' : `已过 ${-days} 天`;
}

function Figure({ label, value, note, onClick }: { label: string; value: string; note: string; onClick?: () => void }) {
  const opens = onClick && linkRow(onClick, 'link');
  return (
    <Paper variant="outlined" aria-label={label} {...opens} sx={{ p: 2, ...opens?.sx }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {note}
      </Typography>
    </Paper>
  );
}

function RedUnits({ view }: { view: MonthView }) {
  if (view.summary.redUnits.length === 0)
    return (
      <Typography sx={{ mt: 1 }} color="text.secondary">
        本月没有红灯任务。
      </Typography>
    );
  return (
    <Box sx={{ mt: 1 }}>
      <Typography sx={{ fontWeight: 700 }}>红灯单位</Typography>
      {view.summary.redUnits.map((r) => (
        <Typography key={r.unitId} variant="body2">
          {view.unitById.get(r.unitId)?.name}：
          {r.taskIds.map((id) => view.rows.find((x) => x.task.id === id)?.task.title).join('、')}
        </Typography>
      ))}
    </Box>
  );
}

/** Status counts of every month of the window up to this one. */
function StatusChart({ year, lastMonth }: { year: WorkYear; lastMonth: number }) {
  const tasks = useTasks(year.id);
  const milestones = useYearMilestones(year.id);
  const reports = useYearReports(year.id);
  const rules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const data = useMemo(() => {
    if (!tasks || !milestones || !reports) return undefined;
    const months = windowMonths(year).filter((m) => m <= lastMonth);
    // Indexed once: the chart judges every task in every month (600 tasks × 9 months in a large district).
    const milestonesByTask = new Map<string, Milestone[]>();
    for (const m of milestones) {
      const list = milestonesByTask.get(m.taskId);
      if (list) list.push(m);
      else milestonesByTask.set(m.taskId, [m]);
    }
    const reportOf = new Map<string, ProgressReport>();
    for (const r of reports) {
      const key = `${r.month}/${r.taskId}/${r.unitId}`;
      if (!reportOf.has(key)) reportOf.set(key, r);
    }
    return statusByMonth(
      months.map((month) => {
        return {
          month,
          assessments: tasks
            .filter((t) => isOpenInMonth(t, year.year, month))
            .map((task) =>
              assessTaskMonth(
                {
                  task,
                  milestones: milestonesByTask.get(task.id) ?? [],
                  month,
                  workWindow: year,
                  report: reportOf.get(`${month}/${task.id}/${task.leadUnitId}`) ?? null,
                  today: monthEndOf(year.year, month),
                },
                rules,
              ),
            ),
        };
      }),
    );
  }, [tasks, milestones, reports, rules, year, lastMonth]);
  if (!data || data.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="status-chart-title">
      <Typography variant="h6" component="h3" id="status-chart-title">
        各月任务状态
      </Typography>
      <BarChart
        height={280}
        xAxis={[
          monthAxis(
            'band',
            data.map((d) => d.month),
          ),
        ]}
        series={statusOrder.map((s) => ({
          label: statusLabels[s],
          color: statusColors[s],
          data: data.map((d) => d.byStatus[s]),
          stack: 'status',
        }))}
        skipAnimation
      />
    </Paper>
  );
}
