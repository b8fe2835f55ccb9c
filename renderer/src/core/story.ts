// The story of a task and of a unit, month by month (issue 15): what the office reads before a
// 约谈. Nothing here is a rule of its own: the 序时进度, statuses and lights are
// progress.ts assessTaskMonth's, the 加扣分 are scoring.ts proposeEntries' and monthEntries',
// the ranks and lists are the scoreboard's. These functions only gather, for one task or one
// unit, what those rules say month by month, from the few rows the screen reads by index (the
// task's reports, feedback and milestones; its units' reports, sheets and score entries).
// Pure: today is a parameter.

import { dueDate, isOnTime, isOpenInMonth, windowMonths, type CalendarSettings } from './calendar';
import { byMonth } from './groupBy';
import type {
  Feedback,
  IsoDate,
  Milestone,
  ProgressReport,
  ScoreEntry,
  ScoreRule,
  Submission,
  Task,
  Unit,
} from './model';
import { assessTaskMonth, defaultProgressRules, type ProgressRules, type TaskMonthAssessment } from './progress';
import { responsibleUnits } from './reminders';
import { lastMonthOf } from './review';
import type { FrozenScoring, Scoreboard } from './scoreboard';
import { isPastReportDue, monthEntries, proposeEntries, type MonthEntry } from './scoring';

/** The work year as the story needs it: its calendar (due dates, window) and its id (entry ids). */
export type StoryYear = CalendarSettings & { id: string };

/** Why a unit's line of a month has no report: none came by the due date (未报送), or it is not due yet (尚无数据). */
export type Absence = 'missing' | 'not_yet';

export const absenceLabels: Record<Absence, string> = { missing: '未报送', not_yet: '尚无数据' };

export type StoryRole = 'lead' | 'co' | 'other';

export const storyRoleLabels: Record<StoryRole, string> = { lead: '牵头', co: '配合', other: '曾报送' };

/** One unit's part of a task in a month: its report as assessed, and the office's review of it. */
export interface StoryLine {
  unitId: string;
  /** Lead unit, co-unit, or a unit no longer named on the task whose report is kept. */
  role: StoryRole;
  report?: ProgressReport;
  /** assessTaskMonth of this unit's report against the task's 序时进度 (no_report and red without one). */
  assessment: TaskMonthAssessment;
  /** Set when there is no report. */
  absence?: Absence;
  /** The report was received on or before the month's (shifted) due date. */
  onTime?: boolean;
  /** 督查反馈 on this unit's report. */
  feedback?: Feedback;
}

export interface TaskStoryMonth {
  month: number;
  published: boolean;
  /** The month's (shifted) report due date. */
  reportDue: IsoDate;
  /** 序时进度, and whether it is the plan's (else by time). */
  expected: number;
  fromPlan: boolean;
  /** The 月方案 milestone of the month ('' without one). */
  milestone: string;
  /** The lead unit first, then the co-units, then other units that reported. */
  lines: StoryLine[];
  /** The task's 加扣分 of the month, as the 加扣分 screen shows them (proposals and decisions). */
  entries: MonthEntry[];
}

export interface ProgressChart {
  months: number[];
  /** 序时进度 of each month. */
  expected: number[];
  /** The lead unit's reported cumulative percent; null for a month without one. */
  reported: (number | null)[];
}

export interface TaskStory {
  /** The months so far in which the task runs or has data, in order. */
  months: TaskStoryMonth[];
  /** Reported against expected over the task's months (the expected line runs to its due month). */
  chart: ProgressChart;
}

export interface TaskStoryFacts {
  year: StoryYear;
  task: Task;
  /** The year's units: names the lines and orders the entries; a unit not among them is not judged. */
  units: readonly Unit[];
  /** The task's milestones (others are ignored). */
  milestones: readonly Pick<Milestone, 'taskId' | 'month' | 'plannedPercent' | 'text'>[];
  /** The task's reports, every unit and month. */
  reports: readonly ProgressReport[];
  /**
   * The reports of the task's units (lead and co-units) on any task, every month: a unit that
   * reported on another task has sent its sheet (scoring.ts: not missing).
   */
  unitReports: readonly ProgressReport[];
  /** The progress sheets of the task's units. */
  submissions: readonly Submission[];
  /** The task's 督查反馈. */
  feedback: readonly Feedback[];
  /** The stored score entries of the task's units (only the task's are used). */
  entries: readonly ScoreEntry[];
  /** The year's rule table (effectiveScoreRules). */
  rules: readonly ScoreRule[];
  /** Published months, with what their snapshot froze (as the scoreboard takes them). */
  published: ReadonlyMap<number, FrozenScoring | undefined>;
  progressRules?: ProgressRules;
  today: IsoDate;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two lists of reports as one, each report once, by id (the scoreboard reads a month's reports in id order). */
function merged(a: readonly ProgressReport[] = [], b: readonly ProgressReport[] = []): ProgressReport[] {
  const byKey = new Map<string, ProgressReport>();
  for (const r of [...a, ...b]) byKey.set(r.id, r);
  return [...byKey.values()].sort(byId);
}

/**
 * A task month by month: each responsible unit's report (percent, computed status and light,
 * its own words), the 序时进度 and milestone, the 督查反馈, and the task's 加扣分 — the same
 * entries as the 加扣分 screen shows for the task (proposeEntries over the task's facts, then
 * monthEntries with the stored decisions; a published month's frozen proposals). Months: those
 * of the window begun by `today` in which the task runs, or which hold a report on it.
 */
export function taskStory(facts: TaskStoryFacts): TaskStory {
  const { year, task, today } = facts;
  const rules = facts.progressRules ?? defaultProgressRules;
  const milestones = facts.milestones.filter((m) => m.taskId === task.id);
  const reports = byMonth([...facts.reports.filter((r) => r.taskId === task.id)].sort(byId));
  const feedback = byMonth(facts.feedback.filter((f) => f.taskId === task.id));
  const unitReports = byMonth([...facts.unitReports].sort(byId));
  const sheets = byMonth(facts.submissions.filter((s) => s.kind === 'progress'));
  const stored = byMonth(facts.entries.filter((e) => e.evidence?.taskId === task.id));
  const unitById = new Map(facts.units.map((u) => [u.id, u]));
  const runs = (m: number) => isOpenInMonth(task, year.year, m);

  const assess = (month: number, report: ProgressReport | undefined) =>
    assessTaskMonth({ task, milestones, month, workWindow: year, report: report ?? null, today }, rules);

  /** The units whose lines a month shows, in order: lead, co-units, then others that reported. */
  const unitsOf = (monthReports: readonly ProgressReport[]): { unitId: string; role: StoryRole }[] => {
    const out: { unitId: string; role: StoryRole }[] = [];
    const seen = new Set<string>();
    const add = (unitId: string | undefined, role: StoryRole) => {
      if (!unitId || seen.has(unitId)) return;
      seen.add(unitId);
      out.push({ unitId, role });
    };
    add(task.leadUnitId, 'lead');
    for (const id of task.coUnitIds) if (unitById.has(id)) add(id, 'co');
    const others = monthReports
      .map((r) => r.unitId)
      .filter((id) => !seen.has(id) && unitById.has(id))
      .sort((a, b) => unitById.get(a)!.sortOrder - unitById.get(b)!.sortOrder);
    for (const id of others) add(id, 'other');
    return out;
  };

  const last = lastMonthOf(year, today);
  const months = windowMonths(year)
    .filter((m) => m <= last)
    .filter((m) => runs(m) || (reports.get(m)?.length ?? 0) > 0)
    .map((month): TaskStoryMonth => {
      const monthReports = reports.get(month) ?? [];
      const due = dueDate(year, 'report', month);
      const pastDue = isPastReportDue(due, today);
      const first = (unitId: string) => monthReports.find((r) => r.unitId === unitId);
      const lines = unitsOf(monthReports).map(({ unitId, role }): StoryLine => {
        const report = first(unitId);
        const line: StoryLine = { unitId, role, assessment: assess(month, report) };
        if (report) {
          line.report = report;
          line.onTime = isOnTime(report.receivedDate, due);
        } else line.absence = pastDue ? 'missing' : 'not_yet';
        const review = feedback.get(month)?.find((f) => f.unitId === unitId);
        if (review) line.feedback = review;
        return line;
      });
      const lead = lines.find((l) => l.role === 'lead');
      const { expected, fromPlan } = lead?.assessment ?? assess(month, undefined);
      const published = facts.published.has(month);
      const proposals = published
        ? (facts.published.get(month)?.proposals ?? [])
        : proposeEntries({
            year,
            month,
            units: facts.units,
            tasks: [task],
            reports: merged(unitReports.get(month), monthReports),
            previousReports: merged(unitReports.get(month - 1), reports.get(month - 1)),
            milestones,
            submissions: sheets.get(month) ?? [],
            feedback: feedback.get(month) ?? [],
            reportDue: due,
            today,
            rules: facts.rules,
            progressRules: rules,
          });
      return {
        month,
        published,
        reportDue: due.due,
        expected,
        fromPlan,
        milestone: milestones.find((m) => m.month === month)?.text ?? '',
        lines,
        entries: monthEntries({
          yearId: year.id,
          month,
          units: facts.units,
          proposals: proposals.filter((p) => p.evidence.taskId === task.id),
          stored: stored.get(month) ?? [],
          published,
        }),
      };
    });

  const reportedMonths = new Set(months.map((m) => m.month));
  const chartMonths = windowMonths(year).filter((m) => runs(m) || reportedMonths.has(m));
  const storyOfMonth = new Map(months.map((m) => [m.month, m]));
  return {
    months,
    chart: {
      months: chartMonths,
      expected: chartMonths.map((m) => storyOfMonth.get(m)?.expected ?? assess(m, undefined).expected),
      reported: chartMonths.map((m) => {
        const lead = storyOfMonth.get(m)?.lines.find((l) => l.role === 'lead');
        return lead?.assessment.percent ?? null;
      }),
    },
  };
}

// ---------------------------------------------------------------------------------- a unit

/** A unit's own report on one task in one month (its own report is what keeps it off the red list). */
export interface UnitTaskCell {
  report?: ProgressReport;
  assessment: TaskMonthAssessment;
  absence?: Absence;
}

export interface UnitTaskRow {
  task: Task;
  role: StoryRole;
  /** One per month of UnitStory.months; null when the task does not run that month and has no report. */
  cells: (UnitTaskCell | null)[];
}

/** The unit's progress sheet of a month. */
export interface UnitSheet {
  month: number;
  /** on_time / late: received (the earliest sheet); missing: owed, none by the due date; not_yet: due later; not_owed: no task running. */
  state: 'on_time' | 'late' | 'missing' | 'not_yet' | 'not_owed';
  receivedDate?: IsoDate;
  fileName?: string;
  reportDue: IsoDate;
}

export const sheetStateLabels: Record<UnitSheet['state'], string> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '未报送',
  not_yet: '尚无数据',
  not_owed: '无报送任务',
};

export interface UnitStory {
  months: number[];
  /** The tasks it leads, then those it assists, then others it reported on; each in the order given. */
  tasks: UnitTaskRow[];
  sheets: UnitSheet[];
}

export interface UnitStoryFacts {
  year: CalendarSettings;
  unitId: string;
  /** The year's tasks, in ledger order (the unit's are picked). */
  tasks: readonly Task[];
  /** Milestones of any task, matched by taskId. */
  milestones: readonly Pick<Milestone, 'taskId' | 'month' | 'plannedPercent'>[];
  /** The unit's reports (others are ignored). */
  reports: readonly ProgressReport[];
  /** The unit's sheets (others are ignored). */
  submissions: readonly Submission[];
  months: readonly number[];
  progressRules?: ProgressRules;
  today: IsoDate;
}

/**
 * A unit's tasks × months: its own report on each task it answers for, assessed as the monthly
 * screens assess it (the lead's report is the task's; a co-unit's own report is what the red
 * list reads), and its sheet of each month (received on time or late, missing, not yet due).
 */
export function unitStory(facts: UnitStoryFacts): UnitStory {
  const { year, unitId, today } = facts;
  const rules = facts.progressRules ?? defaultProgressRules;
  const months = [...facts.months];
  const reports = [...facts.reports.filter((r) => r.unitId === unitId)].sort(byId);
  const reportedTasks = new Set(reports.map((r) => r.taskId));
  const role = (t: Task): StoryRole | undefined =>
    t.leadUnitId === unitId
      ? 'lead'
      : t.coUnitIds.includes(unitId)
        ? 'co'
        : reportedTasks.has(t.id)
          ? 'other'
          : undefined;
  const order: StoryRole[] = ['lead', 'co', 'other'];
  const milestonesByTask = new Map<string, Pick<Milestone, 'taskId' | 'month' | 'plannedPercent'>[]>();
  for (const m of facts.milestones) milestonesByTask.set(m.taskId, [...(milestonesByTask.get(m.taskId) ?? []), m]);
  const dues = new Map(months.map((m) => [m, dueDate(year, 'report', m)]));

  const tasks = facts.tasks
    .flatMap((task) => {
      const r = role(task);
      return r ? [{ task, role: r }] : [];
    })
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map(({ task, role }): UnitTaskRow => {
      const milestones = milestonesByTask.get(task.id) ?? [];
      return {
        task,
        role,
        cells: months.map((month) => {
          const report = reports.find((r) => r.taskId === task.id && r.month === month);
          if (!report && !isOpenInMonth(task, year.year, month)) return null;
          const assessment = assessTaskMonth(
            { task, milestones, month, workWindow: year, report: report ?? null, today },
            rules,
          );
          if (report) return { report, assessment };
          return { assessment, absence: isPastReportDue(dues.get(month)!, today) ? 'missing' : 'not_yet' };
        }),
      };
    });

  const sheets = months.map((month): UnitSheet => {
    const due = dues.get(month)!;
    const received = [
      ...facts.submissions
        .filter((s) => s.unitId === unitId && s.kind === 'progress' && s.month === month)
        .map((s) => ({ date: s.receivedDate, fileName: s.fileName })),
      ...reports.filter((r) => r.month === month).map((r) => ({ date: r.receivedDate, fileName: r.sourceFile })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
    if (received) {
      const sheet: UnitSheet = {
        month,
        state: isOnTime(received.date, due) ? 'on_time' : 'late',
        receivedDate: received.date,
        reportDue: due.due,
      };
      if (received.fileName) sheet.fileName = received.fileName;
      return sheet;
    }
    const owed = responsibleUnits(facts.tasks, year.year, month).has(unitId);
    return {
      month,
      state: !owed ? 'not_owed' : isPastReportDue(due, today) ? 'missing' : 'not_yet',
      reportDue: due.due,
    };
  });
  return { months, tasks, sheets };
}

/** A unit's place in a month's 赛马 and 红黑榜, as the ranking and list screens show it. */
export interface UnitStanding {
  month: number;
  published: boolean;
  /** Reports or sheets came in, or the month is published: before that every unit stands at the base score. */
  hasData: boolean;
  score?: number;
  group?: string;
  rank?: number;
  /** Units ranked in its group. */
  groupSize?: number;
  /** Places up (positive) or down since the previous month with data. */
  movement?: number;
  /** On the red or the black list, with the list's reason. */
  list?: { kind: 'red' | 'black'; reason: string };
  /** Met the red list's rank and score but was held off it: why ('1项滞后，不列入红榜'). */
  heldOff?: string;
  /** On the black list this month and last: a 约谈 is suggested. */
  interviewSuggested: boolean;
}

export const listKindLabels: Record<'red' | 'black', string> = { red: '红榜', black: '黑榜' };

/** The unit's score, rank in its group and lists, month by month, read off the year's scoreboard. */
export function unitStandings(board: Scoreboard, unitId: string, months: readonly number[]): UnitStanding[] {
  return months
    .filter((m) => board.months.includes(m))
    .map((m) => {
      const scoring = board.month(m);
      const standing: UnitStanding = {
        month: m,
        published: scoring.published,
        hasData: scoring.hasData,
        interviewSuggested: scoring.suggestions.includes(unitId),
      };
      const ranked = scoring.ranked.find((r) => r.unitId === unitId);
      if (ranked) {
        standing.score = ranked.score;
        standing.group = ranked.group;
        standing.rank = ranked.rank;
        standing.groupSize = scoring.ranked.filter((r) => r.group === ranked.group).length;
        if (ranked.movement !== undefined) standing.movement = ranked.movement;
      }
      const red = scoring.lists.red.find((l) => l.unitId === unitId);
      const black = scoring.lists.black.find((l) => l.unitId === unitId);
      if (red) standing.list = { kind: 'red', reason: red.reason };
      else if (black) standing.list = { kind: 'black', reason: black.reason };
      const held = scoring.lists.heldOff.find((l) => l.unitId === unitId);
      if (held) standing.heldOff = held.reason;
      return standing;
    });
}
