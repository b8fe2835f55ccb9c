import { useMemo } from 'react';
import {
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useTheme,
} from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { chineseDate } from '../../core/dates';
import type { Light, Task, Unit, WorkYear } from '../../core/model';
import { scoreEntryStateLabels } from '../../core/model';
import { defaultProgressRules, lightReasonLabels, statusLabels, type ProgressRules } from '../../core/progress';
import { effectiveScoreRules } from '../../core/scoring';
import {
  absenceLabels,
  storyRoleLabels,
  taskStory,
  type StoryLine,
  type TaskStory,
  type TaskStoryMonth,
} from '../../core/story';
import { useScoreRules, useSetting, useTaskStoryRows, useUnits } from '../../db';
import { LightChip, lightColors } from '../../ui/LightChip';
import { todayInChina } from '../../ui/today';
import { usePublishedMonths } from '../../ui/useScoring';
import { monthAxis } from '../../ui/monthAxis';

/**
 * A task month by month (core/story.ts taskStory), computed as it is shown: reading it writes
 * nothing. Undefined while the rows load.
 */
export function useTaskStory(year: WorkYear, task: Task): { story: TaskStory; units: Unit[] } | undefined {
  const rows = useTaskStoryRows(year.id, task);
  const units = useUnits(year.id);
  const storedRules = useScoreRules(year.id);
  const published = usePublishedMonths(year.id);
  const progressRules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const today = todayInChina();
  return useMemo(() => {
    if (!rows || !units || !storedRules || !published) return undefined;
    const story = taskStory({
      year,
      task,
      units,
      ...rows,
      rules: effectiveScoreRules(year.id, storedRules),
      published,
      progressRules,
      today,
    });
    return { story, units };
  }, [rows, units, storedRules, published, progressRules, today, year, task]);
}

/** The lights' colours, as the app's light chips show them. */
function useLightColors(): Record<Light, string> {
  const { palette } = useTheme();
  return {
    green: palette[lightColors.green].main,
    yellow: palette[lightColors.yellow].main,
    red: palette[lightColors.red].main,
  };
}

/**
 * The lead unit's reported percent against the 序时进度, month by month; each reported point in
 * the colour of its light. `width` fixes the size for paper (a responsive chart has no width
 * while hidden).
 */
export function ProgressChart({ story, width }: { story: TaskStory; width?: number }) {
  const colors = useLightColors();
  const { palette } = useTheme();
  const { chart } = story;
  const lights = new Map(
    story.months.map((m) => [m.month, m.lines.find((l) => l.role === 'lead')?.assessment.light] as const),
  );
  if (chart.months.length === 0) return null;
  return (
    <Box role="img" aria-label="报送进度与序时进度对比图">
      <LineChart
        height={240}
        {...(width === undefined ? {} : { width })}
        skipAnimation
        xAxis={[monthAxis('point', chart.months)]}
        yAxis={[{ min: 0, max: 100, valueFormatter: (v: number) => `${v}%` }]}
        series={[
          {
            label: '序时进度',
            data: chart.expected,
            color: palette.grey[500],
            showMark: false,
            valueFormatter: (v) => (v === null ? '' : `${v}%`),
          },
          {
            label: '牵头单位报送进度',
            data: chart.reported,
            color: palette.primary.main,
            colorGetter: ({ dataIndex }) => colors[lights.get(chart.months[dataIndex]!) ?? 'red'],
            showMark: true,
            valueFormatter: (v) => (v === null ? '未报送' : `${v}%`),
          },
        ]}
      />
    </Box>
  );
}

const percentText = (p: number | null) => (p === null ? '—' : `${p}%`);

function ReportCells({ line, unitName }: { line: StoryLine; unitName: string }) {
  const { report, assessment, feedback } = line;
  return (
    <TableRow>
      <TableCell sx={{ width: '8em' }}>
        {unitName}
        <Typography variant="caption" component="div" color="text.secondary">
          {storyRoleLabels[line.role]}
        </Typography>
      </TableCell>
      <TableCell>
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <span>
            {percentText(assessment.percent)} {statusLabels[assessment.status]}
          </span>
          <LightChip light={assessment.light} title={lightReasonLabels[assessment.lightReason]} />
          <Typography variant="caption" color="text.secondary">
            {report
              ? `${chineseDate(report.receivedDate)}${line.onTime ? '按时' : '逾期'}报送`
              : absenceLabels[line.absence!]}
          </Typography>
        </Stack>
      </TableCell>
      <TableCell>
        {report?.statusWord ?? ''}
        {assessment.mismatch && (
          <Typography variant="caption" component="div" color="warning.main">
            与研判不符
          </Typography>
        )}
        {report?.doneThisMonth && (
          <Typography variant="body2" component="div">
            {report.doneThisMonth}
          </Typography>
        )}
      </TableCell>
      <TableCell>{report?.problems ?? ''}</TableCell>
      <TableCell>{report?.nextSteps ?? ''}</TableCell>
      <TableCell>
        {feedback?.verdict && <div>{feedback.verdict}</div>}
        {report?.delayExplanation && (
          <div>
            滞后原因说明：{report.delayExplanation}
            {feedback?.explanationAccepted === true
              ? '（已采纳）'
              : feedback?.explanationAccepted === false
                ? '（未采纳）'
                : ''}
          </div>
        )}
        {feedback?.comment && <div>{feedback.comment}</div>}
      </TableCell>
    </TableRow>
  );
}

function StoryMonth({ month, unitName }: { month: TaskStoryMonth; unitName: (id: string) => string }) {
  return (
    <Box
      component="section"
      aria-label={`${month.month}月进展`}
      // On paper six columns share 156 mm: the tables in 五号 (10.5pt).
      sx={{ '@media print': { '& table.MuiTable-root': { fontSize: '10.5pt' } } }}
    >
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'baseline', flexWrap: 'wrap', mt: 2, mb: 1, breakAfter: 'avoid', breakInside: 'avoid' }}
      >
        <Typography variant="h6" component="h4">
          {month.month}月
        </Typography>
        <Typography>
          序时进度 {month.expected}%（{month.fromPlan ? '按月方案' : '按时间'}）
        </Typography>
        {month.milestone && <Typography color="text.secondary">月方案：{month.milestone}</Typography>}
        {month.published && <Chip size="small" label="已发布" className="screen-only" />}
      </Stack>
      <Table size="small" aria-label={`${month.month}月各单位报送`}>
        <TableHead>
          <TableRow>
            <TableCell>单位</TableCell>
            <TableCell sx={{ width: '6em' }}>进度与研判</TableCell>
            <TableCell>单位自报</TableCell>
            <TableCell>存在问题</TableCell>
            <TableCell>下步计划</TableCell>
            <TableCell>督查核实</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {month.lines.map((line) => (
            <ReportCells key={line.unitId} line={line} unitName={unitName(line.unitId)} />
          ))}
        </TableBody>
      </Table>
      {month.entries.length > 0 && (
        <Table size="small" aria-label={`${month.month}月加扣分`} sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>单位</TableCell>
              <TableCell>加扣分事项</TableCell>
              <TableCell>分值</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>依据</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {month.entries.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{unitName(e.unitId)}</TableCell>
                <TableCell>{e.reason}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.points > 0 ? `+${e.points}` : e.points}</TableCell>
                <TableCell sx={{ minWidth: '4em' }}>
                  {scoreEntryStateLabels[e.state]}
                  {e.decisionNote ? `：${e.decisionNote}` : ''}
                  {e.basisChanged ? '（依据已变化）' : ''}
                </TableCell>
                <TableCell>
                  {e.evidence?.file ?? ''}
                  {e.evidence?.row ? ` 第${e.evidence.row}行` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** The story's months in order, each with every unit's line and the task's 加扣分. */
export function StoryMonths({ story, units }: { story: TaskStory; units: readonly Unit[] }) {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => names.get(id) ?? '（已删除的单位）';
  if (story.months.length === 0) return <Typography color="text.secondary">本年度尚无该任务的进展月份。</Typography>;
  return (
    <>
      {story.months.map((m) => (
        <StoryMonth key={m.month} month={m} unitName={unitName} />
      ))}
    </>
  );
}
