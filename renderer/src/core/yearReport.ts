// 年度报告 (issue 7, "Year end"): the year's completion by section and by lead unit, the tasks not
// completed by their due date, the year's 赛马 and 红黑榜 (with the evaluation) and the 约谈 held —
// as numbers (yearReport) and as the tables that the screen, the paper, Excel and Word all show
// (yearReportParts), so the four cannot disagree. Pure: today is a parameter; the year's standing
// (composite, ranks, lists) is computed by the 赛马 screens' own code and passed in.
//
// The rules:
// - A task's percent is its lead unit's (core/review.ts finalProgress): the latest report up to
//   the last month looked at. Done = that percent is 100; unfinished = below 100 or no report
//   (core/review.ts isUnfinished, the rule 新年度 carries tasks over by).
// - The month it was done: the first month of the lead unit's final run of reports at 100 %.
// - 按期完成 (done on time): done in or before the due month (the month of the task's due date).
//   Reports are monthly, so a report at 100 % for the due month counts as done by the due date.
//   逾期完成 (done late): done in a later month.
// - 逾期未完成 (overdue): not done and the due date is before today; 未到期 (open): not done and
//   not yet due (only in a running year, or for a task due after the year).
// - 未按期完成的任务 = done late + overdue. 滞后起始 (the month it fell behind): each month up to the
//   due month is judged as at its month end (core/progress.ts assessTaskMonth, as 复盘 does); it
//   is the first month of the last unbroken run of months behind, not started or without a report
//   that reaches the due month (or the last month looked at). A task on schedule in its due month
//   but short of 100 % fell behind in the due month itself (到期未完成).
// - The year is over once its window has ended (today after the window's last month): the report
//   covers the whole window. Before that, it is a report "as at" today over the months begun so
//   far (core/review.ts lastMonthOf), and says so.
// - Completion rate = done ÷ tasks (1 decimal); none for a section or unit without tasks.
// - 约谈: every interview recorded for the year, by date.

import { windowMonths } from './calendar';
import { chineseDate } from './dates';
import type { IsoDate, Interview, ProgressReport, Section, Task, Unit } from './model';
import {
  assessTaskMonth,
  defaultProgressRules,
  dueMonthIndex,
  monthEndOf,
  statusLabels,
  type AssessedStatus,
  type ProgressRules,
  type WorkWindow,
} from './progress';
import type { CompositeParts } from './evaluation';
import type { ListedUnit, RankedUnit } from './ranking';
import { finalProgress, lastMonthOf, type FinalProgress } from './review';

export type TaskOutcome = 'on_time' | 'late' | 'overdue' | 'open';

export const outcomeLabels: Record<TaskOutcome, string> = {
  on_time: '按期完成',
  late: '逾期完成',
  overdue: '逾期未完成',
  open: '未到期',
};

export type BehindReason = 'behind' | 'not_started' | 'no_report' | 'missed_due';

export const behindReasonLabels: Record<BehindReason, string> = {
  behind: statusLabels.behind,
  not_started: statusLabels.not_started,
  no_report: statusLabels.no_report,
  missed_due: '到期未完成',
};

export interface FellBehind {
  month: number;
  reason: BehindReason;
}

export interface TaskYearResult {
  task: Task;
  /** The lead unit's latest percent up to the last month looked at. */
  final: FinalProgress;
  /** The month of the task's due date, counted from January of the work year (core/progress.ts dueMonthIndex). */
  dueMonth: number;
  /** The first month of the lead unit's final run of reports at 100 %; absent when not done. */
  doneMonth?: number;
  outcome: TaskOutcome;
  /** Done late or overdue: since when (see the file header). */
  fellBehind?: FellBehind;
}

export interface CompletionCounts {
  tasks: number;
  done: number;
  onTime: number;
  late: number;
  /** tasks − done: overdue + open. */
  unfinished: number;
  overdue: number;
  /** done ÷ tasks in percent, 1 decimal; null without tasks. */
  rate: number | null;
}

export interface SectionCompletion extends CompletionCounts {
  /** Absent for the tasks without a (known) section. */
  sectionId?: string;
  name: string;
}

export interface UnitCompletion extends CompletionCounts {
  /** Absent for the tasks without a (known) lead unit. */
  unitId?: string;
  name: string;
  /** The unit's ranking group and year standing, when it is ranked. */
  ranked?: RankedUnit;
  composite?: CompositeParts;
}

/** The year's 赛马 standing as the ranking screens compute it (features/evaluation/useEvaluation.ts yearStanding). */
export interface StandingInput {
  /** Up to which month: the process score is the mean of the window's months up to it. */
  months: readonly number[];
  ranked: readonly RankedUnit[];
  parts: ReadonlyMap<string, CompositeParts>;
  lists: { red: readonly ListedUnit[]; black: readonly ListedUnit[] };
  shares: { process: number; evaluation: number };
}

export interface YearReportInput {
  workWindow: WorkWindow;
  today: IsoDate;
  /** In the order the report lists them (the ledger's). */
  tasks: readonly Task[];
  sections: readonly Section[];
  units: readonly Unit[];
  milestones: readonly { taskId: string; month: number; plannedPercent: number }[];
  reports: readonly Pick<ProgressReport, 'taskId' | 'unitId' | 'month' | 'percent'>[];
  interviews: readonly Interview[];
  standing?: StandingInput;
  rules?: ProgressRules;
}

export interface YearReport {
  year: number;
  asOf: IsoDate;
  /** The last month looked at: the window's end once the year is over. */
  lastMonth: number;
  /** The year's window has ended. */
  complete: boolean;
  tasks: TaskYearResult[];
  total: CompletionCounts;
  bySection: SectionCompletion[];
  byUnit: UnitCompletion[];
  /** Done late or overdue, in task order. */
  notDoneByDue: TaskYearResult[];
  /** By date (undated last, by month). */
  interviews: Interview[];
  standing?: StandingInput;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
const BEHIND: ReadonlySet<AssessedStatus> = new Set(['behind', 'not_started', 'no_report']);

/** The first month of the final run of lead-unit reports at 100 % (reports sorted by month). */
function doneMonthOf(lead: readonly { month: number; percent: number }[]): number | undefined {
  let since: number | undefined;
  for (const r of lead) {
    if (r.percent >= 100) since ??= r.month;
    else since = undefined;
  }
  return since;
}

/** Since when a task was behind at its due month (see the file header). */
function fellBehindOf(
  task: Task,
  workWindow: WorkWindow,
  milestones: readonly { month: number; plannedPercent: number }[],
  lead: readonly { month: number; percent: number }[],
  dueMonth: number,
  lastMonth: number,
  rules: ProgressRules,
): FellBehind {
  const months = windowMonths(workWindow).filter((m) => m <= Math.min(lastMonth, dueMonth));
  const statuses = months.map((month) => {
    const report = lead.find((r) => r.month === month);
    const a = assessTaskMonth(
      { task, milestones, month, workWindow, report: report ?? null, today: monthEndOf(workWindow.year, month) },
      rules,
    );
    return { month, status: a.status };
  });
  let run: { month: number; status: AssessedStatus } | undefined;
  for (let i = statuses.length - 1; i >= 0 && BEHIND.has(statuses[i]!.status); i -= 1) run = statuses[i];
  if (run) return { month: run.month, reason: run.status as BehindReason };
  return { month: dueMonth, reason: 'missed_due' };
}

function counts(results: readonly TaskYearResult[]): CompletionCounts {
  const n = (o: TaskOutcome) => results.filter((r) => r.outcome === o).length;
  const onTime = n('on_time');
  const late = n('late');
  const done = onTime + late;
  return {
    tasks: results.length,
    done,
    onTime,
    late,
    unfinished: results.length - done,
    overdue: n('overdue'),
    rate: results.length > 0 ? round1((done * 100) / results.length) : null,
  };
}

/** The year's completion, lateness and standing, as at `today`. */
export function yearReport(input: YearReportInput): YearReport {
  const { workWindow, today } = input;
  const rules = input.rules ?? defaultProgressRules;
  const lastMonth = lastMonthOf(workWindow, today);
  const complete = today > monthEndOf(workWindow.year, workWindow.windowEndMonth);

  const leadReports = new Map<string, { month: number; percent: number }[]>();
  const leadOf = new Map(input.tasks.map((t) => [t.id, t.leadUnitId]));
  const considered = input.reports.filter((r) => r.month <= lastMonth);
  for (const r of considered) {
    if (leadOf.get(r.taskId) === undefined || leadOf.get(r.taskId) !== r.unitId) continue;
    if (typeof r.percent !== 'number' || !Number.isFinite(r.percent)) continue;
    const list = leadReports.get(r.taskId) ?? [];
    list.push({ month: r.month, percent: r.percent });
    leadReports.set(r.taskId, list);
  }
  for (const list of leadReports.values()) list.sort((a, b) => a.month - b.month);
  const milestonesOf = new Map<string, { month: number; plannedPercent: number }[]>();
  for (const m of input.milestones) {
    const list = milestonesOf.get(m.taskId) ?? [];
    list.push(m);
    milestonesOf.set(m.taskId, list);
  }

  const tasks: TaskYearResult[] = input.tasks.map((task) => {
    const lead = leadReports.get(task.id) ?? [];
    const final = finalProgress(
      task,
      lead.map((r) => ({ taskId: task.id, unitId: task.leadUnitId!, month: r.month, percent: r.percent })),
    );
    const dueMonth = dueMonthIndex(task.dueDate, workWindow);
    const done = final.percent !== null && final.percent >= 100;
    const doneMonth = done ? doneMonthOf(lead) : undefined;
    const outcome: TaskOutcome = done
      ? doneMonth! <= dueMonth
        ? 'on_time'
        : 'late'
      : task.dueDate < today
        ? 'overdue'
        : 'open';
    const result: TaskYearResult = { task, final, dueMonth, outcome };
    if (doneMonth !== undefined) result.doneMonth = doneMonth;
    if (outcome === 'late' || outcome === 'overdue') {
      result.fellBehind = fellBehindOf(
        task,
        workWindow,
        milestonesOf.get(task.id) ?? [],
        lead,
        dueMonth,
        lastMonth,
        rules,
      );
    }
    return result;
  });

  const sections = [...input.sections].sort((a, b) => a.sortOrder - b.sortOrder);
  const sectionIds = new Set(sections.map((s) => s.id));
  const bySection: SectionCompletion[] = sections.map((s) => ({
    sectionId: s.id,
    name: s.name,
    ...counts(tasks.filter((t) => t.task.sectionId === s.id)),
  }));
  const noSection = tasks.filter((t) => t.task.sectionId === undefined || !sectionIds.has(t.task.sectionId));
  if (noSection.length > 0) bySection.push({ name: '未分板块', ...counts(noSection) });

  const units = [...input.units].sort((a, b) => a.sortOrder - b.sortOrder);
  const unitIds = new Set(units.map((u) => u.id));
  const rankedOf = new Map((input.standing?.ranked ?? []).map((r) => [r.unitId, r]));
  const byUnit: UnitCompletion[] = units.map((u) => {
    const row: UnitCompletion = {
      unitId: u.id,
      name: u.name,
      ...counts(tasks.filter((t) => t.task.leadUnitId === u.id)),
    };
    const ranked = rankedOf.get(u.id);
    const composite = input.standing?.parts.get(u.id);
    if (ranked) row.ranked = ranked;
    if (composite) row.composite = composite;
    return row;
  });
  const noLead = tasks.filter((t) => t.task.leadUnitId === undefined || !unitIds.has(t.task.leadUnitId));
  if (noLead.length > 0) byUnit.push({ name: '未定牵头单位', ...counts(noLead) });

  const interviews = [...input.interviews].sort((a, b) => {
    if (a.date && b.date) return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    if (a.date || b.date) return a.date ? -1 : 1;
    return a.month - b.month;
  });

  const report: YearReport = {
    year: workWindow.year,
    asOf: today,
    lastMonth,
    complete,
    tasks,
    total: counts(tasks),
    bySection,
    byUnit,
    notDoneByDue: tasks.filter((t) => t.outcome === 'late' || t.outcome === 'overdue'),
    interviews,
  };
  if (input.standing) report.standing = input.standing;
  return report;
}

// ---------------------------------------------------------------- the tables, for screen, paper, Excel and Word

export type CellValue = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  /** 'percent' values are 0–100 numbers, shown as '85%' (Excel: a percent cell). */
  kind?: 'text' | 'number' | 'percent';
  /** Width in Excel's character units. */
  width?: number;
  /** Long text: wraps (and is not kept on one line on paper). */
  wrap?: boolean;
}

export interface ReportPart {
  key: 'sections' | 'units' | 'late' | 'ranking' | 'lists' | 'interviews';
  /** '一、各工作板块完成情况' */
  heading: string;
  /** The heading without its number, for a sheet name or a table's label. */
  name: string;
  /** Paragraphs before the table. */
  intro: string[];
  columns: ReportColumn[];
  rows: Record<string, CellValue>[];
  /** Said instead of an empty table. */
  empty: string;
}

/** A cell as printed: percents with '%', nothing as '—'. */
export function cellText(value: CellValue, column: Pick<ReportColumn, 'kind'>): string {
  if (value === null || value === '') return '—';
  if (column.kind === 'percent' && typeof value === 'number') return `${value}%`;
  return String(value);
}

const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** '2025年度重点工作完成情况报告'; a year still running: '…（截至6月10日）'. */
export function yearReportTitle(report: Pick<YearReport, 'year' | 'asOf' | 'complete'>): string {
  const title = `${report.year}年度重点工作完成情况报告`;
  if (report.complete) return title;
  const [, m, d] = report.asOf.split('-').map(Number);
  return `${title}（截至${m}月${d}日）`;
}

/** What the report covers: the whole year, or the year so far. */
export function yearReportNote(report: Pick<YearReport, 'year' | 'asOf' | 'complete' | 'lastMonth'>): string {
  if (report.complete) return `${report.year}年度已结束，本报告按各项重点工作牵头单位最后一次报送的进展统计。`;
  const months = report.lastMonth >= 3 ? `数据截至${report.lastMonth}月进展` : '尚无月度进展';
  return `${report.year}年度尚未结束，本报告为截至${chineseDate(report.asOf)}的情况（${months}），未到完成时限的任务计为“未到期”，年度结束后数据以最终报送为准。`;
}

const percentText = (final: FinalProgress): string =>
  final.percent === null ? '未报送' : `${final.percent}%${final.month !== undefined ? `（${final.month}月）` : ''}`;

function shareText(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

function completionColumns(first: ReportColumn[]): ReportColumn[] {
  return [
    ...first,
    { key: 'tasks', header: '任务数', kind: 'number', width: 8 },
    { key: 'done', header: '已完成', kind: 'number', width: 8 },
    { key: 'onTime', header: '按期完成', kind: 'number', width: 9 },
    { key: 'late', header: '逾期完成', kind: 'number', width: 9 },
    { key: 'unfinished', header: '未完成', kind: 'number', width: 8 },
    { key: 'rate', header: '完成率', kind: 'percent', width: 9 },
  ];
}

const countCells = (c: CompletionCounts): Record<string, CellValue> => ({
  tasks: c.tasks,
  done: c.done,
  onTime: c.onTime,
  late: c.late,
  unfinished: c.unfinished,
  rate: c.rate,
});

/** The summary sentence: '全年纳入督查的重点工作共20项，已完成17项……'. */
export function summaryText(report: YearReport): string {
  const t = report.total;
  const lead = report.complete ? '全年纳入督查的重点工作' : `截至${chineseDate(report.asOf)}，纳入督查的重点工作`;
  const open = t.unfinished - t.overdue;
  const unfinished =
    report.complete || open === 0
      ? `未完成${t.unfinished}项`
      : `未完成${t.unfinished}项（其中逾期${t.overdue}项、未到期${open}项）`;
  return `${lead}共${t.tasks}项，已完成${t.done}项（按期完成${t.onTime}项、逾期完成${t.late}项），${unfinished}，完成率${t.rate === null ? '—' : `${t.rate}%`}。`;
}

/** The six parts of the report, numbered, as tables. */
export function yearReportParts(report: YearReport, unitName: (id: string) => string): ReportPart[] {
  const standing = report.standing;
  const range =
    standing && standing.months.length > 0
      ? standing.months.length > 1
        ? `${standing.months[0]}—${standing.months.at(-1)}月`
        : `${standing.months[0]}月`
      : '';
  const formula = standing
    ? `年度综合得分 = 过程得分（${range}月均得分）× ${shareText(standing.shares.process)} + 第三方评估得分 × ${shareText(standing.shares.evaluation)}；“无评估”的单位按过程得分计。`
    : '';
  const parts: Omit<ReportPart, 'heading'>[] = [
    {
      key: 'sections',
      name: '各工作板块完成情况',
      intro: [summaryText(report)],
      columns: completionColumns([{ key: 'name', header: '工作板块', width: 18, wrap: true }]),
      rows: [
        ...report.bySection.map((s) => ({ name: s.name, ...countCells(s) })),
        { name: '合计', ...countCells(report.total) },
      ],
      empty: '本年度尚无重点工作。',
    },
    {
      key: 'units',
      name: '各牵头单位完成情况',
      intro: ['按牵头单位统计其牵头的重点工作；综合得分和名次为年度赛马结果，名次在本组内排列。'],
      columns: [
        { key: 'group', header: '分组', width: 12 },
        { key: 'name', header: '牵头单位', width: 24, wrap: true },
        { key: 'tasks', header: '牵头任务', kind: 'number', width: 9 },
        { key: 'done', header: '已完成', kind: 'number', width: 8 },
        { key: 'unfinished', header: '未完成', kind: 'number', width: 8 },
        { key: 'rate', header: '完成率', kind: 'percent', width: 9 },
        { key: 'score', header: '综合得分', kind: 'number', width: 10 },
        { key: 'rank', header: '名次', kind: 'number', width: 6 },
      ],
      rows: report.byUnit.map((u) => ({
        group: u.ranked?.group ?? '',
        name: u.name,
        tasks: u.tasks,
        done: u.done,
        unfinished: u.unfinished,
        rate: u.rate,
        score: u.composite?.score ?? u.ranked?.score ?? null,
        rank: u.ranked?.rank ?? null,
      })),
      empty: '本年度尚无单位。',
    },
    {
      key: 'late',
      name: '未按期完成的任务',
      intro: [
        report.notDoneByDue.length > 0
          ? `未在完成时限内完成的重点工作共${report.notDoneByDue.length}项（逾期完成${report.total.late}项、逾期未完成${report.total.overdue}项）。`
          : '所有已到完成时限的重点工作均按期完成。',
        '按期完成指牵头单位在完成时限所在月份或之前报送的累计进度达到100%；“滞后起始”为到期前最后一段连续滞后、未启动或未报送的起始月份，到期当月按序时推进但未完成的记为“到期未完成”。',
      ],
      columns: [
        { key: 'code', header: '序号', width: 6 },
        { key: 'title', header: '重点工作', width: 20, wrap: true },
        { key: 'lead', header: '牵头单位', width: 20, wrap: true },
        { key: 'due', header: '完成时限', width: 15 },
        { key: 'final', header: report.complete ? '年末进度' : '最新进度', width: 12, wrap: true },
        { key: 'outcome', header: '完成情况', width: 11, wrap: true },
        { key: 'behind', header: '滞后起始', width: 13, wrap: true },
      ],
      rows: report.notDoneByDue.map((t) => ({
        code: t.task.code,
        title: t.task.title,
        lead: t.task.leadUnitId ? unitName(t.task.leadUnitId) : '',
        due: chineseDate(t.task.dueDate),
        final: percentText(t.final),
        outcome: t.outcome === 'late' ? `逾期完成（${t.doneMonth}月）` : outcomeLabels[t.outcome],
        behind: t.fellBehind ? `${t.fellBehind.month}月（${behindReasonLabels[t.fellBehind.reason]}）` : '',
      })),
      empty: '无。',
    },
    {
      key: 'ranking',
      name: '年度赛马排名',
      intro: standing ? [formula] : ['尚无赛马得分。'],
      columns: [
        { key: 'group', header: '分组', width: 12 },
        { key: 'rank', header: '名次', kind: 'number', width: 6 },
        { key: 'unit', header: '单位', width: 24, wrap: true },
        { key: 'process', header: '过程得分', kind: 'number', width: 10 },
        { key: 'evaluation', header: '评估得分', width: 10 },
        { key: 'score', header: '综合得分', kind: 'number', width: 10 },
      ],
      rows: (standing?.ranked ?? []).map((r) => {
        const p = standing?.parts.get(r.unitId);
        return {
          group: r.group,
          rank: r.rank,
          unit: unitName(r.unitId),
          process: p?.process ?? null,
          evaluation: p?.evaluation ?? '无评估',
          score: r.score,
        };
      }),
      empty: '尚无赛马得分。',
    },
    {
      key: 'lists',
      name: '年度红黑榜',
      intro: standing ? ['按年度综合得分评定，各组分别上榜。'] : ['尚无赛马得分。'],
      columns: [
        { key: 'group', header: '分组', width: 12 },
        { key: 'list', header: '榜单', width: 6 },
        { key: 'rank', header: '名次', kind: 'number', width: 6 },
        { key: 'unit', header: '单位', width: 22, wrap: true },
        { key: 'process', header: '过程得分', kind: 'number', width: 10 },
        { key: 'evaluation', header: '评估得分', width: 10 },
        { key: 'score', header: '综合得分', kind: 'number', width: 10 },
        { key: 'reason', header: '主要情况', width: 40, wrap: true },
      ],
      rows: standing ? listRows(standing, unitName) : [],
      empty: '本年度无单位上榜。',
    },
    {
      key: 'interviews',
      name: '约谈情况',
      intro: [report.interviews.length > 0 ? `全年共约谈${report.interviews.length}次。` : '本年度未进行约谈。'],
      columns: [
        { key: 'date', header: '日期', width: 15 },
        { key: 'unit', header: '单位', width: 20, wrap: true },
        { key: 'reason', header: '事由', width: 24, wrap: true },
        { key: 'attendees', header: '参加人员', width: 24, wrap: true },
        { key: 'outcome', header: '约谈情况', width: 30, wrap: true },
        { key: 'followUp', header: '整改跟踪', width: 24, wrap: true },
      ],
      rows: report.interviews.map((i) => ({
        date: i.date ? chineseDate(i.date) : `${i.month}月`,
        unit: unitName(i.unitId),
        reason: i.reason,
        attendees: i.attendees,
        outcome: i.outcome,
        followUp: i.followUp,
      })),
      empty: '无。',
    },
  ];
  return parts.map((p, i) => ({ ...p, heading: `${CHINESE[i]}、${p.name}` }));
}

/** The 红黑榜 rows: per group (in ranking order) its red list, then its black list. */
function listRows(standing: StandingInput, unitName: (id: string) => string): Record<string, CellValue>[] {
  const groups = [...new Set(standing.ranked.map((r) => r.group))];
  const row =
    (list: string) =>
    (l: ListedUnit): Record<string, CellValue> => {
      const p = standing.parts.get(l.unitId);
      return {
        group: l.group,
        list,
        rank: l.rank,
        unit: unitName(l.unitId),
        process: p?.process ?? null,
        evaluation: p?.evaluation ?? '无评估',
        score: l.score,
        reason: l.reason,
      };
    };
  return groups.flatMap((g) => [
    ...standing.lists.red.filter((l) => l.group === g).map(row('红榜')),
    ...standing.lists.black.filter((l) => l.group === g).map(row('黑榜')),
  ]);
}
