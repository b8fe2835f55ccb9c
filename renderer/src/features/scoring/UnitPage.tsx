import { useMemo } from 'react';
import {
  Box,
  Button,
  Chip,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { scoreEntryStateLabels } from '../../core/model';
import { useWorkYear } from '../../ui/YearContext';
import { hrefOf, navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { windowMonths } from '../../core/calendar';
import { useScreenMonth } from '../../ui/MonthPicker';
import { useScoring } from '../../ui/useScoring';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { UnitEvaluationPanel } from '../../ui/EvaluationPanels';
import { lightLabels, statusLabels, defaultProgressRules, type ProgressRules } from '../../core/progress';
import type { WorkYear } from '../../core/model';
import {
  absenceLabels,
  listKindLabels,
  sheetStateLabels,
  storyRoleLabels,
  unitStandings,
  unitStory,
  type UnitStanding,
  type UnitStory,
} from '../../core/story';
import { useInterviews, useSetting, useTasks, useYearMilestones, useYearReports, useYearSubmissions } from '../../db';
import { todayInChina } from '../../ui/today';
import { chineseDate } from '../../core/dates';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { lightColors } from '../../ui/LightChip';

/** A unit's 赛马 record: monthly scores, every entry with its evidence, the lists it was on, its 约谈. */
export function UnitPage({ unitId }: { unitId: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, undefined);
  const scoring = useScoring(year, month);
  const interviews = useInterviews(year.id);
  const story = useUnitStory(year, unitId, month);
  const taskTitles = useMemo(() => new Map(story?.tasks.map((r) => [r.task.id, r.task.title])), [story]);
  if (!scoring || !story) return null;
  const unit = scoring.unitById.get(unitId);
  if (!unit) return <Typography>找不到该单位。</Typography>;
  const months = windowMonths(year).filter((m) => m <= month);
  const entries = months.flatMap((m) => scoring.board.month(m).entries.filter((e) => e.unitId === unitId));
  const standings = unitStandings(scoring.board, unitId, months);
  const taskName = (id: string | undefined) => (id === undefined ? '' : (taskTitles.get(id) ?? ''));
  return (
    <Stack spacing={2}>
      <ScreenHeader
        title={unit.name}
        back={<Button onClick={() => navigateTo(routes.ranking(month))}>← 赛马排名</Button>}
        screenOnly
      >
        <Chip size="small" label={unit.rankingGroup} />
        <Button variant="outlined" onClick={() => void desktop.printView({ mode: 'print' })}>
          打印
        </Button>
        <Button
          variant="outlined"
          onClick={() =>
            void desktop.printView({ mode: 'pdf', suggestedName: `${unit.name}${year.year}年重点工作情况.pdf` })
          }
        >
          另存为PDF
        </Button>
      </ScreenHeader>
      <PrintDocument title={`${unit.name}${year.year}年重点工作情况`} issuer="区政府督查室" date={scoring.view.today}>
        <h2 className="print-section">各月得分与排名</h2>
        <StandingsTable standings={standings} />
        <h2 className="print-section">任务进展（1—{month}月）</h2>
        <TasksByMonth story={story} />
        <h2 className="print-section">加扣分</h2>
        <table>
          <thead>
            <tr>
              <th>月份</th>
              <th>事项</th>
              <th>分值</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td style={{ whiteSpace: 'nowrap' }}>{e.month}月</td>
                <td>
                  {e.reason}
                  {e.evidence?.taskId && !e.reason.includes(taskName(e.evidence.taskId))
                    ? `（${taskName(e.evidence.taskId)}）`
                    : ''}
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>{e.points}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{scoreEntryStateLabels[e.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintDocument>
      <Paper variant="outlined" className="screen-only" component="section" aria-labelledby="unit-standings-heading">
        <Typography variant="h6" component="h3" id="unit-standings-heading" sx={{ p: 2, pb: 0 }}>
          各月得分与排名
        </Typography>
        <StandingsTable standings={standings} />
      </Paper>
      <Paper variant="outlined" className="screen-only" component="section" aria-labelledby="unit-tasks-heading">
        <Typography variant="h6" component="h3" id="unit-tasks-heading" sx={{ p: 2, pb: 0 }}>
          任务进展
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
          本单位对每项任务各月报送的累计进度与亮灯（配合任务为本单位自己的报送），末行为进展表报送情况。点任务名称查看任务逐月进展。
        </Typography>
        <Box sx={{ overflowX: 'auto', p: 2 }}>
          <TasksByMonth story={story} links />
        </Box>
      </Paper>
      <UnitEvaluationPanel year={year} month={month} scoring={scoring} unitId={unitId} />
      <Paper variant="outlined" className="screen-only">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
          加扣分记录
        </Typography>
        <Table size="small" aria-label="加扣分记录">
          <TableHead>
            <TableRow>
              <TableCell>月份</TableCell>
              <TableCell>事项</TableCell>
              <TableCell>分值</TableCell>
              <TableCell>状态</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={4} sx={{ color: 'text.secondary' }}>
                  暂无。
                </TableCell>
              </TableRow>
            )}
            {entries.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{e.month}月</TableCell>
                <TableCell>
                  {e.reason}
                  {e.evidence?.file ? `（${e.evidence.file}${e.evidence.row ? ` 第${e.evidence.row}行` : ''}）` : ''}
                </TableCell>
                <TableCell>{e.points}</TableCell>
                <TableCell>
                  {scoreEntryStateLabels[e.state]}
                  {e.decisionNote ? `：${e.decisionNote}` : ''}
                  {e.basisChanged ? '（依据已变化）' : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Paper variant="outlined" className="screen-only">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
          约谈
        </Typography>
        <Table size="small" aria-label="约谈记录">
          <TableHead>
            <TableRow>
              <TableCell>日期</TableCell>
              <TableCell>事由</TableCell>
              <TableCell>参加人员</TableCell>
              <TableCell>约谈情况</TableCell>
              <TableCell>整改跟踪</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {interviews
              ?.filter((i) => i.unitId === unitId)
              .map((i) => (
                <TableRow key={i.id}>
                  <TableCell>{chineseDate(i.date)}</TableCell>
                  <TableCell>{i.reason}</TableCell>
                  <TableCell>{i.attendees}</TableCell>
                  <TableCell>{i.outcome}</TableCell>
                  <TableCell>{i.followUp}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** The unit's tasks × months (core/story.ts unitStory), computed as shown: looking writes nothing. */
function useUnitStory(year: WorkYear, unitId: string, lastMonth: number): UnitStory | undefined {
  const tasks = useTasks(year.id);
  const milestones = useYearMilestones(year.id);
  const reports = useYearReports(year.id);
  const submissions = useYearSubmissions(year.id, 'progress');
  const progressRules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const today = todayInChina();
  return useMemo(() => {
    if (!tasks || !milestones || !reports || !submissions) return undefined;
    return unitStory({
      year,
      unitId,
      tasks,
      milestones,
      reports,
      submissions,
      months: windowMonths(year).filter((m) => m <= lastMonth),
      progressRules,
      today,
    });
  }, [tasks, milestones, reports, submissions, progressRules, today, year, unitId, lastMonth]);
}

function StandingsTable({ standings }: { standings: UnitStanding[] }) {
  return (
    <Table size="small" aria-label="各月得分">
      <TableHead>
        <TableRow>
          <TableCell>月份</TableCell>
          <TableCell>得分</TableCell>
          <TableCell>组内名次</TableCell>
          <TableCell>榜单</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {standings.map((s) => (
          <TableRow key={s.month}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {s.month}月{s.published ? '' : '（未发布）'}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.hasData ? s.score : '尚无数据'}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {s.hasData && s.rank !== undefined ? `第${s.rank}名（共${s.groupSize}个）` : ''}
              {s.hasData && s.movement ? (s.movement > 0 ? ` ↑${s.movement}` : ` ↓${-s.movement}`) : ''}
            </TableCell>
            <TableCell>
              {s.list && `${listKindLabels[s.list.kind]}：${s.list.reason}`}
              {s.heldOff && `未列入红榜：${s.heldOff}`}
              {s.interviewSuggested && '（连续两个月上黑榜，建议约谈）'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One task in one month: the percent with a dot in the light's colour, or why there is none. */
function TaskMonthCell({ cell }: { cell: UnitStory['tasks'][number]['cells'][number] }) {
  if (cell === null) return <TableCell />;
  const { assessment } = cell;
  const title = `${statusLabels[assessment.status]}，${lightLabels[assessment.light]}`;
  return (
    <TableCell title={title} sx={{ whiteSpace: 'nowrap' }}>
      <Box
        component="span"
        sx={{ color: `${lightColors[assessment.light]}.main` }}
        aria-label={lightLabels[assessment.light]}
      >
        ●
      </Box>
      {cell.report ? `${assessment.percent ?? '—'}%` : absenceLabels[cell.absence!]}
    </TableCell>
  );
}

function TasksByMonth({ story, links = false }: { story: UnitStory; links?: boolean }) {
  return (
    <Table
      size="small"
      aria-label="任务进展"
      // On paper up to eleven months share 156 mm with the task's name.
      sx={{
        '@media print': { '&.MuiTable-root': { fontSize: '9pt' }, '& .MuiTableCell-root': { padding: '2pt 3pt' } },
      }}
    >
      <TableHead>
        <TableRow>
          <TableCell sx={{ minWidth: '9em' }}>任务</TableCell>
          {story.months.map((m) => (
            <TableCell key={m} sx={{ whiteSpace: 'nowrap' }}>
              {m}月
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {story.tasks.length === 0 && (
          <TableRow>
            <TableCell colSpan={story.months.length + 1} sx={{ color: 'text.secondary' }}>
              本单位在本年度没有牵头或配合的任务。
            </TableCell>
          </TableRow>
        )}
        {story.tasks.map((row) => (
          <TableRow key={row.task.id}>
            <TableCell>
              {links ? <Link href={hrefOf(routes.task(row.task.id))}>{row.task.title}</Link> : row.task.title}（
              {storyRoleLabels[row.role]}）
            </TableCell>
            {row.cells.map((cell, i) => (
              <TaskMonthCell key={story.months[i]} cell={cell} />
            ))}
          </TableRow>
        ))}
        <TableRow>
          <TableCell>进展表报送</TableCell>
          {story.sheets.map((s) => (
            <TableCell
              key={s.month}
              title={s.receivedDate ? `${chineseDate(s.receivedDate)}收到` : `报送期限${chineseDate(s.reportDue)}`}
            >
              {sheetStateLabels[s.state]}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
