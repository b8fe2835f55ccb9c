// 赛马 scoring (PRODUCT.md §5, issue 5): the automatic score entries proposed from a month's
// facts, the monthly score per unit, quarter/year means and the year composite. Pure: the
// review time (`today`) is a parameter; no DOM, no database.
//
// Automatic rules (ids are stable; the office edits points, cap, scope and on/off per year):
//   late                −2  a unit's progress sheet received after the (shifted) report due date;
//                            one entry per unit (one sheet per unit and month)
//   missing             −5  a unit that owes a sheet (reminders.ts responsibleUnits) has none once
//                            the due date has passed; one entry per task it owes
//   behind              −2  the computed status (progress.ts assessTaskMonth) of the unit's report
//                            is behind or not_started; per task
//   behind_unexplained  −3  … and its 滞后原因说明 is empty; per task, on top of `behind`
//   behind_twice        −5  behind (or not started) this month and last month; per task, on top of
//                            the two above; the entry also suggests a 约谈
//   done_early          +2  the report reaches 100 % in a month before the task's due month, and
//                            last month's report was not yet at 100 %; per task
//
// Scope (ScoreRule.leadUnitOnly): late and missing apply to every responsible unit (lead and
// co-units) by default; behind… and done_early to the lead unit only, whose report sets the
// task's percent. Set leadUnitOnly false and co-units are judged on their own reports too; set it
// true for late/missing and only units leading a task of the month (and only for the tasks they
// lead) are charged.
//
// Default caps: none. PRODUCT.md §5 names none, and the month's 0..120 clamp already bounds the
// score; the office can set a per-rule cap (points per unit per month) in the rule table.

import { type DueDate } from './calendar';
import { monthStart } from './dates';
import { chineseDate } from './dates';
import { daysBetween } from './dates';
import type {
  Feedback,
  IsoDate,
  Milestone,
  ProgressReport,
  ScoreEntry,
  ScoreEntryState,
  ScoreRule,
  Submission,
  Task,
  Unit,
} from './model';
import {
  defaultProgressRules,
  dueMonthIndex,
  expectedPercent,
  statusOf,
  type AssessedStatus,
  type ProgressRules,
  type WorkWindow,
} from './progress';

export type AutoRuleId = 'late' | 'missing' | 'behind' | 'behind_unexplained' | 'behind_twice' | 'done_early';

/** The automatic rules in display (and proposal) order. */
export const autoRuleIds: readonly AutoRuleId[] = [
  'late',
  'missing',
  'behind',
  'behind_unexplained',
  'behind_twice',
  'done_early',
];

/** ruleId of a manual entry (批示肯定, 通报批评, honours): no rule, no cap. */
export const MANUAL_RULE_ID = 'manual';

/** PRODUCT.md §5 defaults. No caps (see the file header). */
export const defaultScoreRules: Omit<ScoreRule, 'yearId'>[] = [
  { id: 'late', name: '逾期报送', points: -2, leadUnitOnly: false, enabled: true },
  { id: 'missing', name: '未报送', points: -5, leadUnitOnly: false, enabled: true },
  { id: 'behind', name: '进度滞后', points: -2, leadUnitOnly: true, enabled: true },
  { id: 'behind_unexplained', name: '滞后未说明原因', points: -3, leadUnitOnly: true, enabled: true },
  { id: 'behind_twice', name: '连续两个月滞后', points: -5, leadUnitOnly: true, enabled: true },
  { id: 'done_early', name: '提前完成', points: 2, leadUnitOnly: true, enabled: true },
];

/** A note for the decision of an entry waived by an accepted explanation. */
export const explanationWaiverNote = '滞后原因说明已采纳';

export type ScoredTask = Pick<Task, 'id' | 'title' | 'leadUnitId' | 'coUnitIds' | 'dueDate'>;

export interface MonthFacts {
  /** The work year (a WorkYear fits): its number and window, for 序时进度 and the due month. */
  year: WorkWindow;
  month: number;
  units: readonly Pick<Unit, 'id' | 'sortOrder'>[];
  tasks: readonly ScoredTask[];
  /** This month's progress reports (other months are ignored). */
  reports: readonly ProgressReport[];
  /** Last month's progress reports (for behind_twice and done_early). */
  previousReports: readonly ProgressReport[];
  /** The tasks' milestones (月方案); any task's, they are matched by taskId. */
  milestones: readonly Pick<Milestone, 'taskId' | 'month' | 'plannedPercent'>[];
  /** This month's progress sheets received (plan sheets and other months are ignored). */
  submissions: readonly Submission[];
  /** This month's 督查反馈. */
  feedback: readonly Feedback[];
  /** The month's report due date (calendar.ts dueDate(settings, 'report', month)). */
  reportDue: DueDate;
  /** Review time: a sheet is missing only once this day is after the due date. */
  today: IsoDate;
  /** The year's rule table. A rule that is absent or disabled proposes nothing. */
  rules: readonly ScoreRule[];
  progressRules?: ProgressRules;
}

export interface EntryEvidence {
  taskId?: string;
  reportId?: string;
  file?: string;
  row?: number;
}

export interface ProposedEntry {
  /** `${ruleId}:${unitId}:${taskId ?? ''}`: stable within a month, so proposing again after new facts neither duplicates an entry nor loses its decision. */
  key: string;
  unitId: string;
  ruleId: AutoRuleId;
  points: number;
  /** Chinese, for the screen, the lists and the 通报. */
  reason: string;
  evidence: EntryEvidence;
  /** behind / behind_unexplained / behind_twice of a task whose explanation the review accepted: to be stored as waived, with explanationWaiverNote. */
  waivedByExplanation?: true;
  /** behind_twice: a 约谈 is suggested. */
  suggestsInterview?: true;
}

/** The key of an entry: `${ruleId}:${unitId}:${taskId ?? ''}` (a stored ScoreEntry works too). */
export function entryKey(entry: { ruleId: string; unitId: string; evidence?: { taskId?: string } }): string {
  return `${entry.ruleId}:${entry.unitId}:${entry.evidence?.taskId ?? ''}`;
}

// ---------------------------------------------------------------------------
// Formatting

const round1 = (v: number): number => Math.round(v * 10) / 10;
/** Rounded to 2 decimals (sums of points, means). */
export const round2 = (v: number): number => Math.round((v + Math.sign(v) * Number.EPSILON) * 100) / 100;

const pct = (v: number | null): string => `${v === null ? '—' : round1(v)}%`;

// ---------------------------------------------------------------------------
// Proposing

/**
 * Whether a month's sheets are overdue on `today`: the day is after the (shifted) report due
 * date. On the due date itself a sheet can still come in on time, so nothing is missing yet.
 */
export function isPastReportDue(reportDue: DueDate, today: IsoDate): boolean {
  return daysBetween(reportDue.due, today) > 0;
}

/** The status part of progress.ts assessTaskMonth (without the light, which scoring does not use). */
export interface ReportJudgement {
  status: AssessedStatus;
  /** null: no readable percent. */
  percent: number | null;
  expected: number;
}

/** assessTaskMonth's status of a report against an expected percent: no_report without a readable percent. */
export function judgeReport(
  report: { percent: number | null } | undefined,
  expected: number,
  rules: ProgressRules = defaultProgressRules,
): ReportJudgement {
  const percent =
    report && typeof report.percent === 'number' && Number.isFinite(report.percent) ? report.percent : null;
  return { status: percent === null ? 'no_report' : statusOf(percent, expected, rules), percent, expected };
}

const isBehind = (a: ReportJudgement): boolean => a.status === 'behind' || a.status === 'not_started';

/**
 * The automatic entries of a month, in the order: unit (the order of `units` by sortOrder),
 * rule (autoRuleIds), task (the order of `tasks`). Only units in `units` and tasks still
 * running in the month (due date on or after its first day, as responsibleUnits counts them)
 * are considered. Points are the rule table's.
 *
 * - late: the unit's earliest progress sheet of the month was received after reportDue.due
 *   (the same test as calendar.ts isOnTime). Only units that owe a sheet. Evidence: the file.
 * - missing: a unit that owes a sheet, with no sheet (no submission and no report this month),
 *   when `today` is after the due date (on the due date itself it can still come in on time).
 *   One entry per task it owes. A sheet that came in but lacks a task's row is not `missing`.
 * - behind / behind_unexplained: the unit's report on the task, assessed as assessTaskMonth does
 *   (expectedPercent for the month, then statusOf with progressRules; judgeReport), is
 *   behind or not_started; unexplained when its 滞后原因说明 is empty. No report → no entry
 *   (that is `missing`). Evidence: task, report, file and row.
 * - behind_twice: behind this month and last month (previousReports, assessed for month − 1 in
 *   the same way, against last month's 序时进度). A month without a report last month does not
 *   count as behind. Stacks on behind and behind_unexplained.
 * - An explanation accepted in this month's feedback for the task and unit
 *   (explanationAccepted === true) waives that task's behind, behind_unexplained and
 *   behind_twice entries: they are returned with waivedByExplanation, so the screen can show
 *   them as waived and why. Last month's acceptance does not stop this month's behind_twice.
 * - done_early: the report is at 100 % (status done) in a month before the task's due month,
 *   and the same unit's report last month was not at 100 % (no report last month counts as not
 *   at 100 %, so a task reported 100 % again after a month without a report is proposed again;
 *   the reviewer waives it). Due in this month → not early.
 */
export function proposeEntries(facts: MonthFacts): ProposedEntry[] {
  const { month } = facts;
  const workWindow = facts.year;
  const rules = new Map<string, ScoreRule>();
  for (const r of facts.rules) if (r.enabled && autoRuleIds.includes(r.id as AutoRuleId)) rules.set(r.id, r);
  const late = rules.get('late');
  const missing = rules.get('missing');
  const behind = rules.get('behind');
  const unexplained = rules.get('behind_unexplained');
  const twice = rules.get('behind_twice');
  const early = rules.get('done_early');
  const index = indexMonth(facts);

  const accepted = new Set<string>();
  for (const f of facts.feedback)
    if (f.month === month && f.explanationAccepted === true) accepted.add(pairKey(f.taskId, f.unitId));

  const out: { entry: ProposedEntry; unit: number; rule: number; task: number }[] = [];
  const push = (
    ruleId: AutoRuleId,
    r: ScoreRule,
    unitId: string,
    taskId: string | undefined,
    reason: string,
    evidence: EntryEvidence,
    flags?: Pick<ProposedEntry, 'waivedByExplanation' | 'suggestsInterview'>,
  ): void => {
    const unit = index.unitOrder.get(unitId);
    if (unit === undefined) return;
    const entry: ProposedEntry = {
      key: entryKey({ ruleId, unitId, evidence: { taskId } }),
      unitId,
      ruleId,
      points: r.points,
      reason,
      evidence: stripUndefined(evidence),
    };
    if (flags?.waivedByExplanation) entry.waivedByExplanation = true;
    if (flags?.suggestsInterview) entry.suggestsInterview = true;
    // A task-less entry comes before the unit's task entries of the same rule.
    const task = taskId === undefined ? -1 : (index.taskOrder.get(taskId) ?? Number.MAX_SAFE_INTEGER);
    out.push({ entry, unit, rule: autoRuleIds.indexOf(ruleId), task });
  };

  // late and missing: per unit that owes a sheet.
  if (late || missing) {
    const due = facts.reportDue.due;
    const dueYear = Number(due.slice(0, 4));
    for (const [unitId, owed] of index.owing) {
      const sheet = index.sheetOf.get(unitId);
      if (
        late &&
        sheet &&
        daysBetween(due, sheet.receivedDate) > 0 &&
        (!late.leadUnitOnly || owed.some((t) => t.lead))
      ) {
        push(
          'late',
          late,
          unitId,
          undefined,
          `${month}月进展逾期报送（${chineseDate(sheet.receivedDate, dueYear)}收到，截止${chineseDate(due, dueYear)}）`,
          { file: sheet.fileName || undefined },
        );
      }
      if (missing && index.missingSheet(unitId)) {
        for (const t of owed) {
          if (missing.leadUnitOnly && !t.lead) continue;
          push(
            'missing',
            missing,
            unitId,
            t.task.id,
            `${month}月进展未报送（“${t.task.title}”，截止${chineseDate(due, dueYear)}）`,
            { taskId: t.task.id },
          );
        }
      }
    }
  }

  // behind…, done_early: per task and judged unit (the lead; co-units for rules with leadUnitOnly false).
  const taskRules = [behind, unexplained, twice, early].filter((r): r is ScoreRule => r !== undefined);
  if (taskRules.length > 0) {
    const coRules = taskRules.some((r) => !r.leadUnitOnly);
    const applies = (r: ScoreRule | undefined, lead: boolean): r is ScoreRule =>
      r !== undefined && (lead || !r.leadUnitOnly);
    index.eachJudgedReport(coRules, (judged) => {
      const { task, unitId, lead, report, now } = judged;
      const evidence: EntryEvidence = {
        taskId: task.id,
        reportId: report.id,
        file: report.sourceFile,
        row: report.sourceRow,
      };
      if (isBehind(now)) {
        const waived = accepted.has(pairKey(task.id, unitId)) ? { waivedByExplanation: true as const } : undefined;
        const word = now.status === 'not_started' ? '未启动' : '滞后';
        if (applies(behind, lead))
          push(
            'behind',
            behind,
            unitId,
            task.id,
            `“${task.title}”${word}（累计${pct(now.percent)}，序时${pct(now.expected)}）`,
            evidence,
            waived,
          );
        if (applies(unexplained, lead) && (report.delayExplanation ?? '').trim() === '')
          push(
            'behind_unexplained',
            unexplained,
            unitId,
            task.id,
            `“${task.title}”${word}且未说明原因`,
            evidence,
            waived,
          );
        if (applies(twice, lead) && month > 1) {
          const then = index.judgedBefore(judged);
          if (!then || !isBehind(then)) return;
          push(
            'behind_twice',
            twice,
            unitId,
            task.id,
            `“${task.title}”连续两个月滞后（${month - 1}月累计${pct(then.percent)}，序时${pct(then.expected)}；${month}月累计${pct(now.percent)}，序时${pct(now.expected)}）`,
            evidence,
            { suggestsInterview: true, ...waived },
          );
        }
      } else if (applies(early, lead) && now.status === 'done' && month < dueMonthIndex(task.dueDate, workWindow)) {
        const then = index.judgedBefore(judged);
        const wasDone = then !== undefined && then.percent !== null && round6(then.percent) >= 100;
        if (!wasDone)
          push(
            'done_early',
            early,
            unitId,
            task.id,
            `“${task.title}”提前完成（${month}月累计100%，完成时限${chineseDate(task.dueDate, workWindow.year)}）`,
            evidence,
          );
      }
    });
  }
  return out.sort((a, b) => a.unit - b.unit || a.rule - b.rule || a.task - b.task).map((o) => o.entry);
}

/**
 * What keeps a unit off the red list in a month (PRODUCT.md §5), whatever the rule table says:
 * its own reports (as lead or co-unit) computed behind or not started, and a missing sheet
 * (owed, none received, the due date passed — as the `missing` rule counts it). The tasks it
 * leads are judged on its own report, so "no task it leads behind" is part of the first.
 */
export interface Shortfall {
  /** Task ids of its reports computed behind. */
  behind: string[];
  /** Task ids of its reports computed not started. */
  notStarted: string[];
  missingSheet: boolean;
}

/** Every unit's shortfall of the month; units without one are absent. Same facts as proposeEntries (rules unused). */
export function monthShortfalls(facts: MonthIndexFacts): Map<string, Shortfall> {
  const index = indexMonth(facts);
  const out = new Map<string, Shortfall>();
  const of = (unitId: string): Shortfall => {
    let s = out.get(unitId);
    if (!s) out.set(unitId, (s = { behind: [], notStarted: [], missingSheet: false }));
    return s;
  };
  for (const unitId of index.owing.keys()) if (index.missingSheet(unitId)) of(unitId).missingSheet = true;
  index.eachJudgedReport(true, ({ task, unitId, now }) => {
    if (now.status === 'behind') of(unitId).behind.push(task.id);
    else if (now.status === 'not_started') of(unitId).notStarted.push(task.id);
  });
  return out;
}

/** '1项滞后、2项未启动、未报送进展' (a unit's Shortfall in words). */
export function shortfallText(s: Shortfall): string {
  return [
    s.behind.length > 0 ? `${s.behind.length}项滞后` : '',
    s.notStarted.length > 0 ? `${s.notStarted.length}项未启动` : '',
    s.missingSheet ? '未报送进展' : '',
  ]
    .filter(Boolean)
    .join('、');
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const pairKey = (taskId: string, unitId: string): string => `${taskId}\u0000${unitId}`;

interface JudgedReport {
  task: ScoredTask;
  unitId: string;
  lead: boolean;
  report: ProgressReport;
  now: ReportJudgement;
}

/**
 * The month's facts indexed once, for proposeEntries and monthShortfalls alike:
 * - the tasks still running in the month (due date on or after its first day, as
 *   reminders.ts responsibleUnits counts them; an unreadable due date keeps the task in);
 * - the units owing a sheet: lead and co-units of the running tasks (a unit both lead and
 *   co-unit of a task counts once, as lead);
 * - the earliest progress sheet of each unit this month;
 * - a sheet is missing when the unit owes one, has no sheet and no report this month, and
 *   `today` is after the due date (on the due date itself it can still come in on time);
 * - every judged report: the lead's on each running task, and with `coUnits` the co-units'
 *   (the first report per task and unit counts), assessed as progress.ts assessTaskMonth does.
 */
function indexMonth(facts: MonthIndexFacts): MonthIndex {
  let index = monthIndexes.get(facts);
  if (!index) monthIndexes.set(facts, (index = buildMonthIndex(facts)));
  return index;
}

type MonthIndexFacts = Omit<MonthFacts, 'rules' | 'feedback'>;
type MonthIndex = ReturnType<typeof buildMonthIndex>;
/**
 * The index of each facts object, so that proposeEntries and monthShortfalls given the same
 * facts (as the scoreboard gives them) index the month and compute its 序时进度 once. Facts are
 * never changed once built; a new month's facts are a new object.
 */
const monthIndexes = new WeakMap<MonthIndexFacts, MonthIndex>();

function buildMonthIndex(facts: MonthIndexFacts) {
  const { month } = facts;
  const workWindow = facts.year;
  const progressRules = facts.progressRules ?? defaultProgressRules;
  const unitOrder = new Map<string, number>();
  [...facts.units].sort((a, b) => a.sortOrder - b.sortOrder).forEach((u, i) => unitOrder.set(u.id, i));
  const taskOrder = new Map<string, number>();
  facts.tasks.forEach((t, i) => {
    if (!taskOrder.has(t.id)) taskOrder.set(t.id, i);
  });
  const first = monthStart(workWindow.year, month);
  const runsByDue = new Map<string, boolean>();
  const running = facts.tasks.filter((t) => {
    let runs = runsByDue.get(t.dueDate);
    if (runs === undefined) {
      runs = !(daysBetween(first, t.dueDate) < 0);
      runsByDue.set(t.dueDate, runs);
    }
    return runs;
  });

  /** The first report per task and unit of month m. */
  const indexReports = (list: readonly ProgressReport[], m: number): Map<string, ProgressReport> => {
    const map = new Map<string, ProgressReport>();
    for (const r of list) {
      const key = pairKey(r.taskId, r.unitId);
      if (r.month === m && !map.has(key)) map.set(key, r);
    }
    return map;
  };
  const reports = indexReports(facts.reports, month);
  const previous = indexReports(facts.previousReports, month - 1);
  const unitsWithReports = new Set<string>();
  for (const r of reports.values()) unitsWithReports.add(r.unitId);
  const milestonesByTask = new Map<string, Pick<Milestone, 'taskId' | 'month' | 'plannedPercent'>[]>();
  for (const m of facts.milestones) {
    const list = milestonesByTask.get(m.taskId);
    if (list) list.push(m);
    else milestonesByTask.set(m.taskId, [m]);
  }
  const sheetOf = new Map<string, Submission>();
  for (const s of facts.submissions) {
    if (s.kind !== 'progress' || s.month !== month) continue;
    const known = sheetOf.get(s.unitId);
    if (!known || daysBetween(s.receivedDate, known.receivedDate) > 0) sheetOf.set(s.unitId, s);
  }
  const owing = new Map<string, { task: ScoredTask; lead: boolean }[]>();
  const owedIds = new Map<string, Set<string>>();
  const owe = (unitId: string | undefined, task: ScoredTask, lead: boolean): void => {
    if (!unitId) return;
    let ids = owedIds.get(unitId);
    if (!ids) {
      owedIds.set(unitId, (ids = new Set()));
      owing.set(unitId, []);
    }
    if (ids.has(task.id)) return;
    ids.add(task.id);
    owing.get(unitId)!.push({ task, lead });
  };
  for (const task of running) {
    owe(task.leadUnitId, task, true);
    for (const co of task.coUnitIds ?? []) owe(co, task, false);
  }
  const pastDue = isPastReportDue(facts.reportDue, facts.today);

  // 序时进度 once per task and month, shared by the lead and co-units and by every visit.
  const expectedNow = new Map<string, number>();
  const expectedBefore = new Map<string, number>();
  const expected = (cache: Map<string, number>, task: ScoredTask, m: number): number => {
    let percent = cache.get(task.id);
    if (percent === undefined) {
      percent = expectedPercent(task, milestonesByTask.get(task.id) ?? [], m, workWindow).percent;
      cache.set(task.id, percent);
    }
    return percent;
  };
  // Every report judged once (lead and co-units, task by task, the lead first), for every visit.
  let judged: JudgedReport[] | undefined;
  const judgedReports = (): JudgedReport[] => {
    if (judged) return judged;
    const list: JudgedReport[] = [];
    const add = (task: ScoredTask, unitId: string, lead: boolean): void => {
      const report = reports.get(pairKey(task.id, unitId));
      if (!report) return;
      list.push({
        task,
        unitId,
        lead,
        report,
        now: judgeReport(report, expected(expectedNow, task, month), progressRules),
      });
    };
    for (const task of running) {
      const lead = task.leadUnitId;
      if (lead) add(task, lead, true);
      const co = task.coUnitIds ?? [];
      // A co-unit named twice, or also the lead, counts once (as lead).
      co.forEach((unitId, i) => unitId !== lead && co.indexOf(unitId) === i && add(task, unitId, false));
    }
    return (judged = list);
  };
  const eachJudgedReport = (coUnits: boolean, visit: (j: JudgedReport) => void): void => {
    for (const j of judgedReports()) if (coUnits || j.lead) visit(j);
  };
  /** The same unit's report last month judged against last month's 序时进度; undefined without one. */
  const judgedBefore = (j: JudgedReport): ReportJudgement | undefined => {
    const then = previous.get(pairKey(j.task.id, j.unitId));
    return then && judgeReport(then, expected(expectedBefore, j.task, month - 1), progressRules);
  };

  return {
    unitOrder,
    taskOrder,
    owing,
    sheetOf,
    missingSheet: (unitId: string): boolean =>
      pastDue && owing.has(unitId) && !sheetOf.has(unitId) && !unitsWithReports.has(unitId),
    eachJudgedReport,
    judgedBefore,
  };
}

function stripUndefined(evidence: EntryEvidence): EntryEvidence {
  const out: EntryEvidence = {};
  if (evidence.taskId !== undefined) out.taskId = evidence.taskId;
  if (evidence.reportId !== undefined) out.reportId = evidence.reportId;
  if (evidence.file !== undefined && evidence.file !== '') out.file = evidence.file;
  if (evidence.row !== undefined) out.row = evidence.row;
  return out;
}

// ---------------------------------------------------------------------------
// Decisions
//
// Proposals are never stored: they follow from the month's facts wherever they are shown.
// What is stored is what a person decided (PRODUCT.md §5): a proposal confirmed or waived,
// kept under the proposal's identity (year, month, unit, rule, task) with the points and
// reason it had when decided, and manual entries. monthEntries puts the two together.

/** The id of the decision on a proposal: `${yearId}:${month}:${key}` (key: entryKey). */
export function scoreEntryId(yearId: string, month: number, key: string): string {
  return `${yearId}:${month}:${key}`;
}

/** The year's rule table: its own copy once the office has edited it, else the defaults. */
export function effectiveScoreRules(yearId: string, stored: readonly ScoreRule[]): ScoreRule[] {
  return stored.length > 0 ? [...stored] : defaultScoreRules.map((r) => ({ ...r, yearId }));
}

/** A month's 加扣分 as the screens show them. */
export interface MonthEntry extends ScoreEntry {
  /** A stored decision or a manual entry; false for a proposal nobody has decided yet. */
  decided: boolean;
  /** A decision whose proposal no longer follows from the facts: it stands, marked for review. */
  basisChanged?: true;
  /** behind_twice: a 约谈 is suggested. */
  suggestsInterview?: true;
}

/** Appended to a decision's reason by versions that stored proposals; shown now as basisChanged. */
const LEGACY_BASIS_MARK = '（依据已变化）';

export interface MonthEntriesInput {
  yearId: string;
  month: number;
  /** For the order: by sortOrder. */
  units: readonly Pick<Unit, 'id' | 'sortOrder'>[];
  /** An open month: proposeEntries' proposals now. A published month: those undecided when it was published. */
  proposals: readonly ProposedEntry[];
  /** The month's stored score entries. */
  stored: readonly ScoreEntry[];
  published: boolean;
}

/**
 * The month's entries: every proposal, as decided when a decision is stored under its id, else
 * proposed (or waived, when an accepted explanation excuses it: waivedByExplanation, not a
 * decision); then decisions whose proposal no longer follows (basisChanged, open months only)
 * and manual entries. A published month shows its stored entries as they were frozen (entries
 * older versions stored as proposed among them) and the proposals frozen with it. In an open
 * month a stored proposed entry (older versions stored every proposal) is not a decision and
 * is left out: the proposals of now take its place. Ordered by unit, then as proposed.
 */
export function monthEntries(input: MonthEntriesInput): MonthEntry[] {
  const { yearId, month, published } = input;
  const stored = new Map(input.stored.filter((e) => e.month === month).map((e) => [e.id, e]));
  const out: MonthEntry[] = [];
  for (const p of input.proposals) {
    const id = scoreEntryId(yearId, month, p.key);
    const decision = stored.get(id);
    if (decision && (published || decision.state !== 'proposed')) {
      stored.delete(id);
      out.push(asShown(decision, p.suggestsInterview));
      continue;
    }
    stored.delete(id);
    const entry: MonthEntry = {
      id,
      yearId,
      month,
      unitId: p.unitId,
      ruleId: p.ruleId,
      points: p.points,
      reason: p.reason,
      state: p.waivedByExplanation ? 'waived' : 'proposed',
      automatic: true,
      evidence: p.evidence,
      decided: false,
    };
    if (p.waivedByExplanation) entry.decisionNote = explanationWaiverNote;
    if (p.suggestsInterview) entry.suggestsInterview = true;
    out.push(entry);
  }
  for (const e of stored.values()) {
    if (!e.automatic || published) out.push(asShown(e));
    else if (e.state !== 'proposed') out.push({ ...asShown(e), basisChanged: true });
  }
  const order = new Map([...input.units].sort((a, b) => a.sortOrder - b.sortOrder).map((u, i) => [u.id, i]));
  const rank = (e: MonthEntry) => order.get(e.unitId) ?? Number.MAX_SAFE_INTEGER;
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);

  function asShown(e: ScoreEntry, suggestsInterview?: true): MonthEntry {
    const shown: MonthEntry = { ...e, decided: e.state !== 'proposed' || !e.automatic };
    if (!published && shown.reason.endsWith(LEGACY_BASIS_MARK))
      shown.reason = shown.reason.slice(0, -LEGACY_BASIS_MARK.length);
    if (suggestsInterview) shown.suggestsInterview = true;
    return shown;
  }
}

/** The proposals of a month nobody has decided (to freeze with the month when it is published). */
export function undecidedProposals(entries: readonly MonthEntry[]): ProposedEntry[] {
  return entries.flatMap((e): ProposedEntry[] => {
    if (e.decided || !e.automatic) return [];
    const p: ProposedEntry = {
      key: entryKey(e),
      unitId: e.unitId,
      ruleId: e.ruleId as AutoRuleId,
      points: e.points,
      reason: e.reason,
      evidence: e.evidence ?? {},
    };
    if (e.state === 'waived') p.waivedByExplanation = true;
    if (e.suggestsInterview) p.suggestsInterview = true;
    return [p];
  });
}

// ---------------------------------------------------------------------------
// Scores

export interface UnitMonthScore {
  unitId: string;
  /** base + confirmed entries, each rule's sum capped, the total clamped to [min, max]. */
  score: number;
  /** base + confirmed entries, without caps or clamp. */
  raw: number;
  /** Confirmed entries counted. */
  entries: number;
  /** A rule's cap or the [min, max] clamp changed the score. */
  capped: boolean;
}

export interface MonthScoreOptions {
  /** Every unit starts the month at this (100). */
  base?: number;
  /** Lowest score (0). */
  min?: number;
  /** Highest score (120). */
  max?: number;
}

export const defaultMonthScoreOptions: Required<MonthScoreOptions> = { base: 100, min: 0, max: 120 };

/**
 * The month's score of every unit in `units` (in that order): base + the confirmed entries.
 * Proposed and waived entries do not count; entries of other units are ignored. A rule with a
 * cap (a positive number) limits the sum of its entries per unit to ±cap (a cap that is absent,
 * zero, negative or not a number is none); manual entries and entries of rules not in `rules`
 * are not capped. A disabled rule's confirmed entries still count. The total is clamped to
 * [min, max] and rounded to 2 decimals.
 */
export function monthScores(
  units: readonly Pick<Unit, 'id'>[],
  entries: readonly { unitId: string; ruleId: string; points: number; state: ScoreEntryState }[],
  rules: readonly Pick<ScoreRule, 'id' | 'cap'>[],
  options: MonthScoreOptions = {},
): UnitMonthScore[] {
  const { base, min, max } = { ...defaultMonthScoreOptions, ...stripUndefinedOptions(options) };
  const caps = new Map<string, number>();
  for (const r of rules) if (typeof r.cap === 'number' && Number.isFinite(r.cap) && r.cap > 0) caps.set(r.id, r.cap);
  const perUnit = new Map<string, { byRule: Map<string, number>; count: number }>();
  for (const u of units) perUnit.set(u.id, { byRule: new Map(), count: 0 });
  for (const e of entries) {
    if (e.state !== 'confirmed' || !Number.isFinite(e.points)) continue;
    const acc = perUnit.get(e.unitId);
    if (!acc) continue;
    acc.count++;
    acc.byRule.set(e.ruleId, (acc.byRule.get(e.ruleId) ?? 0) + e.points);
  }
  return units.map((u) => {
    const acc = perUnit.get(u.id) ?? { byRule: new Map<string, number>(), count: 0 };
    let raw = base;
    let total = base;
    let capped = false;
    for (const [ruleId, sum] of acc.byRule) {
      raw += sum;
      const cap = caps.get(ruleId);
      if (cap !== undefined && Math.abs(round2(sum)) > cap) {
        total += Math.sign(sum) * cap;
        capped = true;
      } else total += sum;
    }
    total = round2(total);
    const score = Math.min(max, Math.max(min, total));
    if (score !== total) capped = true;
    return { unitId: u.id, score, raw: round2(raw), entries: acc.count, capped };
  });
}

function stripUndefinedOptions(o: MonthScoreOptions): MonthScoreOptions {
  const out: MonthScoreOptions = {};
  if (typeof o.base === 'number' && Number.isFinite(o.base)) out.base = o.base;
  if (typeof o.min === 'number' && Number.isFinite(o.min)) out.min = o.min;
  if (typeof o.max === 'number' && Number.isFinite(o.max)) out.max = o.max;
  return out;
}

/** The months of a quarter: 2 → [4, 5, 6]. */
export function quarterMonths(quarter: number): number[] {
  const first = (Math.trunc(quarter) - 1) * 3 + 1;
  return [first, first + 1, first + 2];
}

/** The quarter of a month: 5 → 2. */
export function quarterOf(month: number): number {
  return Math.floor((Math.trunc(month) - 1) / 3) + 1;
}

/**
 * A period's score: the mean of the monthly scores of the given months that are present
 * (a quarter's three months, the window so far for the year), rounded to 2 decimals;
 * undefined when none is. A month listed twice in `monthly` counts once (the last one).
 */
export function periodScore(
  monthly: readonly { month: number; score: number }[],
  months: readonly number[],
): number | undefined {
  const byMonth = new Map<number, number>();
  for (const m of monthly) if (Number.isFinite(m.score)) byMonth.set(m.month, m.score);
  const values = [...new Set(months)].flatMap((m) => (byMonth.has(m) ? [byMonth.get(m)!] : []));
  if (values.length === 0) return undefined;
  return round2(values.reduce((a, b) => a + b, 0) / values.length);
}

export interface CompositeWeights {
  /** Weight of the process score, the mean of the monthly scores (0.8). */
  process: number;
  /** Weight of the third-party evaluation (0.2). */
  evaluation: number;
}

export const defaultCompositeWeights: CompositeWeights = { process: 0.8, evaluation: 0.2 };

/**
 * The year composite: processScore × process + evaluation × evaluation, the weights taken
 * relative to their sum (0.8/0.2 and 80/20 give the same result), rounded to 2 decimals.
 * Without an evaluation (or with weights that do not add up to a positive number) it is the
 * process score.
 */
export function yearComposite(
  processScore: number,
  evaluation: number | undefined,
  weights: CompositeWeights = defaultCompositeWeights,
): number {
  const wp = Number.isFinite(weights.process) && weights.process > 0 ? weights.process : 0;
  const we = Number.isFinite(weights.evaluation) && weights.evaluation > 0 ? weights.evaluation : 0;
  if (evaluation === undefined || !Number.isFinite(evaluation) || wp + we <= 0) return round2(processScore);
  return round2((processScore * wp + evaluation * we) / (wp + we));
}
