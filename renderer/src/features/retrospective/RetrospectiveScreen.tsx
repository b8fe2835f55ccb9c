import { useMemo, useState } from 'react';
import { Alert, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { sampleMark, type ProgressReport, type Review, type Task, type Unit, type WorkYear } from '../../core/model';
import {
  finalProgress,
  reviewSections,
  reviewStateOf,
  reviewStateLabels,
  reviewStateText,
  textsOf,
  type FinalProgress,
  type ReviewState,
} from '../../core/review';
import { useReviews, useTasks, useUnits, useYearReports } from '../../db';
import { desktop } from '../../io/desktop';
import { userMessage } from '../../ui/errors';
import { todayInChina } from '../../ui/today';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { useWorkYear } from '../../ui/YearContext';
import { VirtualTable, type VirtualColumn } from '../../ui/VirtualTable';
import { ISSUER } from './ReviewWorkspace';
import { ScreenHeader } from '../../ui/ScreenHeader';

interface Row {
  task: Task;
  leadUnit: string;
  final: FinalProgress;
  review?: Review;
  state: ReviewState;
}

const columns: VirtualColumn<Row>[] = [
  { key: 'code', header: '序号', width: '56px', render: (r) => r.task.code },
  {
    key: 'title',
    header: '重点工作',
    width: 'minmax(200px, 3fr)',
    render: (r) => (
      <>
        {r.task.title}
        {r.task.carriedOverFrom && (
          <Chip size="small" variant="outlined" color="warning" label="上年结转" sx={{ ml: 1 }} />
        )}
      </>
    ),
  },
  { key: 'lead', header: '牵头单位', width: 'minmax(120px, 1fr)', render: (r) => r.leadUnit },
  {
    key: 'final',
    header: '年末进度',
    width: '90px',
    render: (r) => (r.final.percent === null ? '未报送' : `${r.final.percent}%`),
  },
  { key: 'state', header: '复盘状态', width: 'minmax(150px, 1fr)', render: (r) => reviewStateText(r.review) },
];

function rowsOf(tasks: Task[], units: Unit[], reports: readonly ProgressReport[], reviews: Review[]): Row[] {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const reviewOf = new Map(reviews.map((r) => [r.taskId, r]));
  const reportsOf = new Map<string, ProgressReport[]>();
  for (const r of reports) {
    const list = reportsOf.get(r.taskId);
    if (list) list.push(r);
    else reportsOf.set(r.taskId, [r]);
  }
  return tasks.map((task) => {
    const review = reviewOf.get(task.id);
    return {
      task,
      leadUnit: task.leadUnitId ? (unitName.get(task.leadUnitId) ?? '') : '',
      final: finalProgress(task, reportsOf.get(task.id) ?? []),
      review,
      state: reviewStateOf(review),
    };
  });
}

/** The year's tasks with their 复盘 state; all reviews of the year as one Word document. */
export function RetrospectiveScreen() {
  const year = useWorkYear();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const reports = useYearReports(year.id);
  const reviews = useReviews(year.id);
  const [filter, setFilter] = useState<ReviewState | ''>('');
  const [error, setError] = useState<string>();
  const rows = useMemo(
    () => (tasks && units && reports && reviews ? rowsOf(tasks, units, reports, reviews) : undefined),
    [tasks, units, reports, reviews],
  );
  const shown = useMemo(() => rows?.filter((r) => !filter || r.state === filter), [rows, filter]);
  const count = (state: ReviewState) => rows?.filter((r) => r.state === state).length ?? 0;
  const reviewed = rows?.filter((r) => r.review) ?? [];

  return (
    <Stack spacing={2}>
      <ScreenHeader title="复盘">
        <Button
          variant="contained"
          disabled={reviewed.length === 0}
          onClick={() =>
            exportYear(year, reviewed).then(
              () => setError(undefined),
              (e) => setError(userMessage(e)),
            )
          }
        >
          导出全年复盘（Word）
        </Button>
      </ScreenHeader>
      <Typography color="text.secondary">
        对每项重点工作按“回忆目标、评估结果、分析原因、总结经验”四步复盘。各步骤按本年度的任务清单、进展、督查反馈和第三方评估预填，修改后自动保存。
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="复盘状态"
          value={filter}
          onChange={(e) => setFilter(e.target.value as ReviewState | '')}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="">全部</MenuItem>
          {(['none', 'in_progress', 'done'] as const).map((s) => (
            <MenuItem key={s} value={s}>
              {reviewStateLabels[s]}
            </MenuItem>
          ))}
        </TextField>
        <Typography color="text.secondary" aria-live="polite">
          {rows
            ? `共 ${rows.length} 项：已完成 ${count('done')} 项，进行中 ${count('in_progress')} 项，未开始 ${count('none')} 项`
            : '正在读取…'}
        </Typography>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <VirtualTable
        ariaLabel="复盘列表"
        columns={columns}
        rows={shown ?? []}
        rowKey={(r) => r.task.id}
        onRowClick={(r) => navigateTo(routes.retro(r.task.id))}
        height="calc(100vh - 280px)"
        empty={rows?.length === 0 ? '本年度还没有任务。' : '没有符合条件的任务。'}
      />
    </Stack>
  );
}

async function exportYear(year: WorkYear, rows: Row[]) {
  const { reviewsDocx, reviewsTitle } = await import('../../print/reviews');
  const bytes = await reviewsDocx({
    year: year.year,
    issuer: ISSUER,
    date: todayInChina(),
    items: rows.map((r) => ({
      title: r.task.title,
      info: [
        `牵头单位：${r.leadUnit || '未定'}`,
        `年末进度：${r.final.percent === null ? '未报送' : `${r.final.percent}%`}`,
        `复盘状态：${reviewStateText(r.review)}`,
      ].join('；'),
      sections: reviewSections(textsOf(r.review!)),
    })),
    mark: sampleMark(year),
  });
  await desktop.saveFile({ suggestedName: `${reviewsTitle(year.year)}.docx`, bytes });
}
