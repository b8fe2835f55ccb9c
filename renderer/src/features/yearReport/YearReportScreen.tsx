import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { sampleMark, type WorkYear } from '../../core/model';
import { defaultProgressRules, type ProgressRules } from '../../core/progress';
import { lastMonthOf } from '../../core/review';
import {
  cellText,
  yearReport,
  yearReportNote,
  yearReportParts,
  yearReportTitle,
  type ReportPart,
  type YearReport,
} from '../../core/yearReport';
import {
  useInterviews,
  useSections,
  useSetting,
  useTasks,
  useUnits,
  useYearMilestones,
  useYearReports,
} from '../../db';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { userMessage } from '../../ui/errors';
import { todayInChina } from '../../ui/today';
import { chineseDate } from '../../core/dates';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { useWorkYear } from '../../ui/YearContext';
import { useYearStanding } from '../../ui/useYearStanding';
import { useScoring } from '../../ui/useScoring';
import { ScreenHeader } from '../../ui/ScreenHeader';

const ISSUER = '区政府督查室';

interface YearReportView {
  report: YearReport;
  parts: ReportPart[];
  title: string;
  note: string;
}

/**
 * The year's report (年度报告, issue 7): completion by section and by lead unit, the tasks not
 * done by their due date, the year's 赛马 and 红黑榜 with the evaluation, the 约谈 — from the
 * pure rules of core/yearReport.ts and the ranking screens' own year standing (useYearStanding).
 */
function useYearReport(year: WorkYear) {
  const today = todayInChina();
  // The standing of the last month begun (the window's end once the year is over), as the ranking screens' year mode.
  const month = Math.min(year.windowEndMonth, Math.max(year.windowStartMonth, lastMonthOf(year, today)));
  const scoring = useScoring(year, month);
  const { standing, data } = useYearStanding(scoring, year, month);
  const tasks = useTasks(year.id);
  const sections = useSections(year.id);
  const units = useUnits(year.id);
  const milestones = useYearMilestones(year.id);
  const reports = useYearReports(year.id);
  const interviews = useInterviews(year.id);
  const rules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const view = useMemo<YearReportView | undefined>(() => {
    if (!tasks || !sections || !units || !milestones || !reports || !interviews || !standing) return undefined;
    const report = yearReport({
      workWindow: year,
      today,
      tasks,
      sections,
      units,
      milestones,
      reports,
      interviews,
      standing,
      rules,
    });
    const names = new Map(units.map((u) => [u.id, u.name]));
    return {
      report,
      parts: yearReportParts(report, (id) => names.get(id) ?? ''),
      title: yearReportTitle(report),
      note: yearReportNote(report),
    };
  }, [tasks, sections, units, milestones, reports, interviews, standing, rules, year, today]);
  // Months of the year so far whose proposed 加扣分 are not yet decided: their scores are not final.
  const undecided = useMemo(
    () => scoring?.board.months.filter((m) => m <= month && scoring.board.month(m).undecided.length > 0) ?? [],
    [scoring, month],
  );
  return { view, today, undecided, standing, data };
}

export function YearReportScreen() {
  const year = useWorkYear();
  const { view, today, undecided, standing, data } = useYearReport(year);
  const [error, setError] = useState<string>();
  const guard = (work: () => Promise<unknown>) =>
    work().then(
      () => setError(undefined),
      (e) => setError(userMessage(e)),
    );

  return (
    <Stack spacing={2}>
      <ScreenHeader title="年度报告" screenOnly>
        <Button variant="outlined" disabled={!view} onClick={() => desktop.printView({ mode: 'print' })}>
          打印
        </Button>
        <Button
          variant="outlined"
          disabled={!view}
          onClick={() => view && desktop.printView({ mode: 'pdf', suggestedName: `${view.title}.pdf` })}
        >
          另存为PDF
        </Button>
        <Button
          variant="outlined"
          disabled={!view}
          onClick={() => view && guard(() => exportXlsx(view, today, sampleMark(year)))}
        >
          导出Excel
        </Button>
        <Button
          variant="contained"
          disabled={!view}
          onClick={() => view && guard(() => exportDocx(view, today, sampleMark(year)))}
        >
          导出Word
        </Button>
      </ScreenHeader>
      {error && (
        <Alert severity="error" className="screen-only">
          {error}
        </Alert>
      )}
      {!view && <Typography className="screen-only">正在汇总…</Typography>}
      {view && (
        <>
          <Typography variant="h6" component="p" className="screen-only">
            {view.title}
          </Typography>
          <Alert severity={view.report.complete ? 'info' : 'warning'} className="screen-only" aria-label="报告说明">
            {view.note}
          </Alert>
          {undecided.length > 0 && (
            <Alert
              severity="warning"
              className="screen-only"
              action={
                <Button size="small" onClick={() => navigateTo(routes.scores(undecided.at(-1)))}>
                  去确认
                </Button>
              }
            >
              {undecided.map((m) => `${m}月`).join('、')}还有未确认的加扣分建议，年度得分和榜单尚未最终确定。
            </Alert>
          )}
          {standing && standing.unevaluated.length > 0 && (
            <Alert severity="info" className="screen-only">
              尚无第三方评估得分、按过程得分排名的单位：{standing.unevaluated.map((u) => u.name).join('、')}。
            </Alert>
          )}
          {data && data.pending.length > 0 && (
            <Alert severity="warning" className="screen-only">
              有 {data.pending.length} 条第三方评估结果样本偏少，尚未采纳，未计入综合得分。
            </Alert>
          )}
          {view.parts.map((part) => (
            <PartPanel key={part.key} part={part} />
          ))}
          <PrintDocument title={view.title} issuer={ISSUER} date={today}>
            <p style={{ textIndent: '2em', margin: '0 0 8pt' }}>{view.note}</p>
            {view.parts.map((part) => (
              <PrintedPart key={part.key} part={part} />
            ))}
          </PrintDocument>
        </>
      )}
    </Stack>
  );
}

const numeric = (kind: string | undefined) => kind === 'number' || kind === 'percent';

function PartPanel({ part }: { part: ReportPart }) {
  return (
    <Paper variant="outlined" className="screen-only" component="section" aria-label={part.name}>
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0.5 }}>
        {part.heading}
      </Typography>
      {part.intro.map((text) => (
        <Typography key={text} variant="body2" sx={{ px: 2, pb: 0.5 }}>
          {text}
        </Typography>
      ))}
      {part.rows.length === 0 ? (
        <Typography variant="body2" sx={{ px: 2, pb: 2 }}>
          {part.empty}
        </Typography>
      ) : (
        <Table size="small" aria-label={part.name}>
          <TableHead>
            <TableRow>
              {part.columns.map((c) => (
                <TableCell key={c.key} align={numeric(c.kind) ? 'right' : 'left'}>
                  {c.header}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {part.rows.map((row, i) => (
              <TableRow key={i} data-list={part.key === 'lists' ? String(row['list']) : undefined}>
                {part.columns.map((c) => (
                  <TableCell
                    key={c.key}
                    align={numeric(c.kind) ? 'right' : 'left'}
                    sx={c.wrap ? undefined : { whiteSpace: 'nowrap' }}
                  >
                    {cellText(row[c.key] ?? null, c)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

function PrintedPart({ part }: { part: ReportPart }) {
  // Column widths on paper in proportion to the Excel widths, as in the Word document.
  const totalWidth = part.columns.reduce((s, c) => s + (c.width ?? 10), 0);
  return (
    <div>
      <h2
        style={{
          fontSize: '16pt',
          fontFamily: '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif',
          fontWeight: 'normal',
          margin: '12pt 0 6pt',
          breakAfter: 'avoid',
        }}
      >
        {part.heading}
      </h2>
      {/* A heading and its lines stay with the start of their table. */}
      {part.intro.map((text) => (
        <p key={text} style={{ textIndent: '2em', margin: '0 0 6pt', breakAfter: 'avoid' }}>
          {text}
        </p>
      ))}
      {part.rows.length === 0 ? (
        <p style={{ textIndent: '2em', margin: '0 0 6pt' }}>{part.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {part.columns.map((c) => (
                <th key={c.key} style={{ width: `${(100 * (c.width ?? 10)) / totalWidth}%` }}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {part.rows.map((row, i) => (
              <tr key={i}>
                {part.columns.map((c) => (
                  <td
                    key={c.key}
                    style={{
                      textAlign: numeric(c.kind) ? 'center' : 'left',
                      whiteSpace: c.wrap ? undefined : 'nowrap',
                    }}
                  >
                    {cellText(row[c.key] ?? null, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One workbook, one sheet per part; percents as percent cells, nothing as '—' (as printed). */
async function exportXlsx(view: YearReportView, today: string, mark: string | undefined) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const bytes = await writeWorkbook(
    view.parts.map((part, i) => ({
      name: part.name,
      title: view.title,
      subtitle: `${part.heading}（${ISSUER}，${chineseDate(today)}）`,
      columns: part.columns.map((c) => ({
        header: c.header,
        key: c.key,
        width: c.width,
        wrap: c.wrap,
        ...(c.kind === 'percent' ? { numFmt: '0.0%' } : {}),
      })),
      rows: part.rows.map((row) =>
        Object.fromEntries(
          part.columns.map((c) => {
            const value = row[c.key] ?? null;
            if (value === null || value === '') return [c.key, '—'];
            return [c.key, c.kind === 'percent' && typeof value === 'number' ? Math.round(value * 10) / 1000 : value];
          }),
        ),
      ),
      notes: [...part.intro, ...(part.rows.length === 0 ? [part.empty] : []), ...(i === 0 ? [view.note] : [])],
    })),
    { mark },
  );
  await desktop.saveFile({ suggestedName: `${view.title}.xlsx`, bytes });
}

async function exportDocx(view: YearReportView, today: string, mark: string | undefined) {
  const { yearReportDocx } = await import('../../print/yearReport');
  const bytes = await yearReportDocx({
    title: view.title,
    issuer: ISSUER,
    date: today,
    note: view.note,
    parts: view.parts,
    mark,
  });
  await desktop.saveFile({ suggestedName: `${view.title}.docx`, bytes });
}
