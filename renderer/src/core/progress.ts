// 序时进度, status and light of a task in a month (PRODUCT.md §4), with the thresholds as
// settings. Pure: today is a parameter, dates are 'YYYY-MM-DD' calendar dates.
//
// The rules, in the order they are applied:
//   expected e  = the plan's percent for the month; months without one: linear (see expectedPercent)
//   status      = done if p = 100; ahead if p > e; on_track if e − tolerance ≤ p ≤ e;
//                 not_started if p = 0 while e > 0; else behind
//   light       = red: no report, overdue, behind by more than yellowMaxBehind, not started when due;
//                 yellow: behind (by no more than yellowMaxBehind), or due within dueSoonDays and not done;
//                 green: the rest (done, ahead, on_track)

import { daysInMonth } from './dates';
import { daysBetween } from './dates';
import type { IsoDate, Light, Status } from './model';
import { toHalfWidth } from './text';

export interface ProgressRules {
  /** on_track when the percent is at most this many points below the expected one (default 5). */
  onTrackTolerance: number;
  /** Behind by up to this many points is yellow, by more red (default 20). */
  yellowMaxBehind: number;
  /** A task not done and due within this many days is at least yellow (default 10). */
  dueSoonDays: number;
}

export const defaultProgressRules: ProgressRules = { onTrackTolerance: 5, yellowMaxBehind: 20, dueSoonDays: 10 };

/** The months a work year tracks (WorkYear / CalendarSettings carry these fields). */
export interface WorkWindow {
  year: number;
  windowStartMonth: number;
  windowEndMonth: number;
}

export type AssessedStatus = Status | 'no_report';

export const statusLabels: Record<AssessedStatus, string> = {
  done: '已完成',
  ahead: '超序时',
  on_track: '序时推进',
  behind: '滞后',
  not_started: '未启动',
  no_report: '未报送',
};

export const lightLabels: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/** Comparisons are made on values rounded to this many decimals (no 6.1000000000000005 surprises). */
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const round1 = (v: number): number => Math.round(v * 10) / 10;
const clampPercent = (v: number): number => Math.min(100, Math.max(0, v));

/** The last day of a month: '2026-05-31'. */
export function monthEndOf(year: number, month: number): IsoDate {
  const mm = String(month).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${mm}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * The task's due month counted from January of the work year: '2026-11-30' in 2026 → 11,
 * '2027-01-31' in 2026 → 13, '2025-12-31' in 2026 → 0. An unreadable date counts as the
 * window's last month.
 */
export function dueMonthIndex(dueDate: IsoDate, workWindow: WorkWindow): number {
  const m = /^(\d{4})-(\d{2})-\d{2}$/u.exec(typeof dueDate === 'string' ? dueDate : '');
  if (!m) return workWindow.windowEndMonth;
  return (Number(m[1]) - workWindow.year) * 12 + Number(m[2]);
}

export interface ExpectedPercent {
  /** 0..100. */
  percent: number;
  /** True when it is the planned percent of the task's milestone for the month. */
  fromPlan: boolean;
}

/**
 * 序时进度: the expected cumulative percent of a task at the end of `month`.
 *
 * - The task has a milestone for the month: its planned percent (fromPlan: true).
 * - After the task's due month: 100. Before the window's first month: 0.
 * - Otherwise linear: from 0 at the end of the month before the window to 100 in the due
 *   month, rounded to 1 decimal (window 3..11, due 11-30: March 11.1, June 44.4, November 100;
 *   a task due 06-30: March 25, June 100). When the task has a plan with a gap, the line runs
 *   between the nearest planned months around the gap instead (plan May 30, July 50 → June 40).
 *   These are fromPlan: false.
 */
export function expectedPercent(
  task: { dueDate: IsoDate },
  milestones: readonly { month: number; plannedPercent: number }[],
  month: number,
  workWindow: WorkWindow,
): ExpectedPercent {
  const known = milestones
    .filter((m) => Number.isFinite(m.month) && Number.isFinite(m.plannedPercent))
    .slice()
    .sort((a, b) => a.month - b.month);
  const exact = known.find((m) => m.month === month);
  if (exact) return { percent: clampPercent(exact.plannedPercent), fromPlan: true };
  const due = dueMonthIndex(task.dueDate, workWindow);
  if (month > due) return { percent: 100, fromPlan: false };
  if (month < workWindow.windowStartMonth) return { percent: 0, fromPlan: false };

  let before = { month: workWindow.windowStartMonth - 1, percent: 0 };
  for (const m of known)
    if (m.month < month && m.month > before.month) before = { month: m.month, percent: m.plannedPercent };
  let after = { month: due, percent: 100 };
  for (const m of known) {
    if (m.month > month && m.month <= due) {
      after = { month: m.month, percent: m.plannedPercent };
      break;
    }
  }
  const span = after.month - before.month;
  const percent =
    span <= 0 ? after.percent : before.percent + ((after.percent - before.percent) * (month - before.month)) / span;
  return { percent: clampPercent(round1(percent)), fromPlan: false };
}

/**
 * The status of a reported cumulative percent p against the expected e: done if p = 100; ahead
 * if p > e; on_track if e − tolerance ≤ p ≤ e; not_started if p = 0 while e > 0; else behind.
 * The checks run in this order, so p = 0 with e within the tolerance (e = 3) is on_track, and
 * p = 0, e = 0 is on_track too.
 */
export function statusOf(p: number, e: number, rules: ProgressRules = defaultProgressRules): Status {
  if (round6(p) >= 100) return 'done';
  const behindBy = round6(e - p);
  if (behindBy < 0) return 'ahead';
  if (behindBy <= round6(rules.onTrackTolerance)) return 'on_track';
  if (round6(p) === 0 && round6(e) > 0) return 'not_started';
  return 'behind';
}

export type LightReason =
  'no_report' | 'overdue' | 'far_behind' | 'not_started_when_due' | 'behind' | 'due_soon' | 'on_schedule' | 'done';

/** Why a light is what it is, for a tooltip or a column beside it. */
export const lightReasonLabels: Record<LightReason, string> = {
  no_report: '未报送进展',
  overdue: '已过完成时限仍未完成',
  far_behind: '滞后超过规定幅度',
  not_started_when_due: '已到完成时限仍未启动',
  behind: '滞后',
  due_soon: '临近完成时限尚未完成',
  on_schedule: '按序时推进',
  done: '已完成',
};

export interface LightInput {
  status: AssessedStatus;
  /** The reported cumulative percent; null = no report. */
  percent: number | null;
  expected: number;
  today: IsoDate;
  /** The task's due date. */
  dueDate: IsoDate;
  /**
   * The last day of the month assessed. When given and earlier than today, it stands in for
   * today: May looked at in December is judged as at 31 May, not as overdue.
   */
  monthEnd?: IsoDate;
}

/** The light and its reason; see lightOf. */
export function lightWithReason(
  input: LightInput,
  rules: ProgressRules = defaultProgressRules,
): { light: Light; reason: LightReason } {
  const { status, percent, expected } = input;
  const asOf =
    input.monthEnd !== undefined && daysBetween(input.monthEnd, input.today) > 0 ? input.monthEnd : input.today;
  if (percent === null || status === 'no_report') return { light: 'red', reason: 'no_report' };
  if (status === 'done') return { light: 'green', reason: 'done' };
  if (daysBetween(input.dueDate, asOf) > 0) return { light: 'red', reason: 'overdue' };
  const behindBy = round6(expected - percent);
  if (behindBy > round6(rules.yellowMaxBehind)) return { light: 'red', reason: 'far_behind' };
  if (status === 'not_started' && round6(expected) >= 100) return { light: 'red', reason: 'not_started_when_due' };
  if (status === 'behind' || status === 'not_started') return { light: 'yellow', reason: 'behind' };
  const daysLeft = daysBetween(asOf, input.dueDate);
  if (daysLeft >= 0 && daysLeft <= rules.dueSoonDays) return { light: 'yellow', reason: 'due_soon' };
  return { light: 'green', reason: 'on_schedule' };
}

/**
 * 红黄绿灯. Red: no report (percent null), overdue (the day judged is after the due date and
 * the task is not done), behind by more than yellowMaxBehind points, or not started when its
 * expected percent is 100. Yellow: behind or not started by at most yellowMaxBehind points, or
 * not done and due within dueSoonDays (0 ≤ days left ≤ dueSoonDays) — this yellow applies to
 * ahead and on_track tasks too. Green: the rest (done always is green).
 */
export function lightOf(input: LightInput, rules: ProgressRules = defaultProgressRules): Light {
  return lightWithReason(input, rules).light;
}

/** The unit's own words, after normalisation (half-width, no spaces or punctuation). */
const STATUS_WORDS: Record<string, Status> = {};
const WORDS: [Status, string[]][] = [
  ['done', ['已完成', '完成', '全部完成', '提前完成', '已办结', '办结', '已完工']],
  ['ahead', ['超序时', '超序时推进', '超序时进度', '超前', '超前推进', '超进度', '快于序时']],
  [
    'on_track',
    [
      '序时推进',
      '正常推进',
      '按序时',
      '按序时推进',
      '按序时进度推进',
      '按计划推进',
      '序时',
      '正常',
      '达序时',
      '符合序时',
    ],
  ],
  ['behind', ['滞后', '落后', '滞后推进', '进度滞后', '落后序时', '滞后序时', '慢于序时', '未达序时']],
  ['not_started', ['未启动', '未开始', '尚未启动', '尚未开始', '未开展', '尚未开展']],
];
for (const [status, words] of WORDS) for (const w of words) STATUS_WORDS[w] = status;

/**
 * The status a unit's own word stands for: 已完成/完成 → done, 超序时/超前 → ahead,
 * 序时推进/正常推进/按序时 → on_track, 滞后/落后 → behind, 未启动/未开始 → not_started (and a few
 * variants such as 超序时推进, 进度滞后, 尚未启动). Full-width forms, spaces and punctuation are
 * ignored. Undefined for an empty or unknown word ('推进中').
 */
export function statusWordOf(word: string): Status | undefined {
  if (typeof word !== 'string') return undefined;
  const key = toHalfWidth(word).replace(/[\s。.,，、;；:：!！]+/gu, '');
  return key === '' ? undefined : STATUS_WORDS[key];
}

/**
 * Whether the unit's word and the computed status disagree. Equal is no mismatch; neither is a
 * unit that writes 序时推进 while ahead (the sheet's dropdown has no 超序时) nor one that writes
 * 滞后 while not started (0 %). Every other difference is one, 超序时 written when on_track included.
 */
export function isMismatch(written: Status, computed: Status): boolean {
  if (written === computed) return false;
  if (written === 'on_track' && computed === 'ahead') return false;
  if (written === 'behind' && computed === 'not_started') return false;
  return true;
}

export interface TaskMonthAssessment {
  expected: number;
  fromPlan: boolean;
  /** The reported cumulative percent; null when there is no report (or its percent could not be read). */
  percent: number | null;
  status: AssessedStatus;
  light: Light;
  lightReason: LightReason;
  /** What the unit's status word stands for, when it is a known word. */
  writtenStatus?: Status;
  /** The unit's word (as written) disagrees with the computed status: flagged for the reviewer. */
  mismatch?: { written: string; computed: Status };
  /** Behind or not started without a 滞后原因说明. */
  needsExplanation: boolean;
}

export interface TaskMonthInput {
  task: { dueDate: IsoDate };
  /** The task's milestones (月方案). */
  milestones: readonly { month: number; plannedPercent: number }[];
  month: number;
  workWindow: WorkWindow;
  /** The report that sets the task's percent (the lead unit's); null or absent = none received. */
  report?: { percent: number | null; statusWord?: string; delayExplanation?: string } | null;
  today: IsoDate;
}

/** Everything the screens show for a task in a month, in one call. */
export function assessTaskMonth(
  input: TaskMonthInput,
  rules: ProgressRules = defaultProgressRules,
): TaskMonthAssessment {
  const { percent: expected, fromPlan } = expectedPercent(input.task, input.milestones, input.month, input.workWindow);
  const percent =
    input.report && typeof input.report.percent === 'number' && Number.isFinite(input.report.percent)
      ? input.report.percent
      : null;
  const status: AssessedStatus = percent === null ? 'no_report' : statusOf(percent, expected, rules);
  const { light, reason } = lightWithReason(
    {
      status,
      percent,
      expected,
      today: input.today,
      dueDate: input.task.dueDate,
      monthEnd: monthEndOf(input.workWindow.year, input.month),
    },
    rules,
  );
  const result: TaskMonthAssessment = {
    expected,
    fromPlan,
    percent,
    status,
    light,
    lightReason: reason,
    needsExplanation:
      (status === 'behind' || status === 'not_started') && (input.report?.delayExplanation ?? '').trim() === '',
  };
  const word = input.report?.statusWord ?? '';
  const written = statusWordOf(word);
  if (written !== undefined) {
    result.writtenStatus = written;
    if (status !== 'no_report' && isMismatch(written, status))
      result.mismatch = { written: word.trim(), computed: status };
  }
  return result;
}
