// Calendar rules of PRODUCT.md §3: deadlines of a work year, moved to the next working day
// when they fall on a weekend or public holiday (遇节假日顺延).
//
// Dates are 'YYYY-MM-DD' strings in China time. All arithmetic is done on UTC timestamps
// (Date.UTC / getUTCDay), so nothing depends on the PC's time zone.
//
// The official holiday and make-up-workday (调休) calendar comes from `chinese-days`. We read its
// shipped data table rather than calling isWorkday()/getDayDetail(): those functions build their
// lookup tables in the PC's local time when the module loads, and in a time zone west of UTC
// (e.g. America/New_York) they report 2026-02-28, a real 调休 Saturday, as a day off. The table
// is the same data (checked day by day for 2004–2026 against getDayDetail() in Asia/Shanghai).

import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import {
  addDays,
  chineseDate,
  daysInMonth,
  isValidYmd,
  monthStart,
  parseIso,
  toIso,
  utcMs,
  weekdayIndex,
  weekdayName,
} from './dates';
import type { IsoDate } from './model';

import type { CalendarSettings } from './calendarSettings';

export { defaultCalendarSettings, type CalendarSettings } from './calendarSettings';

export type DueKind = 'plan' | 'report' | 'feedback' | 'completion';

export interface DueDate {
  kind: DueKind;
  /** The rule's date (a day past the month's end is clamped to the month's last day). */
  nominal: IsoDate;
  /** The nominal date, or the next working day if the nominal date is not one. */
  due: IsoDate;
  shifted: boolean;
  /** Chinese, only when shifted, e.g. '10月25日为星期日，顺延至10月26日'. */
  reason?: string;
}

export interface CalendarCoverage {
  covered: boolean;
  message?: string;
}

export interface MonthDueDates {
  month: number;
  report: DueDate;
  feedback: DueDate;
}

// ---------------------------------------------------------------------------
// Built-in holiday table

interface HolidayTable {
  /** Public holidays (incl. the weekend days inside a holiday run): 'English,中文,n'. */
  holidays: Record<string, string>;
  /** Make-up working days (调休上班日), named after the holiday they belong to. */
  workdays: Record<string, string>;
}

const table: HolidayTable = chineseDaysData as HolidayTable;

/**
 * Years the built-in table really covers. A year counts only when both New Year's Day and
 * National Day are listed as holidays, so a stray entry that belongs to a neighbouring year's
 * arrangement (e.g. a December make-up day) does not make a year look covered.
 */
const coveredYears: ReadonlySet<number> = (() => {
  const years = new Set<number>();
  for (const key of Object.keys(table.holidays)) {
    const year = Number(key.slice(0, 4));
    if (table.holidays[`${year}-01-01`] !== undefined && table.holidays[`${year}-10-01`] !== undefined) {
      years.add(year);
    }
  }
  return years;
})();

/** First and last year of the built-in holiday calendar. */
export function builtInCalendarYears(): { first: number; last: number } {
  const years = [...coveredYears];
  return { first: Math.min(...years), last: Math.max(...years) };
}

export function calendarCoverage(year: number): CalendarCoverage {
  if (coveredYears.has(year)) return { covered: true };
  return {
    covered: false,
    message: `内置节假日历不含${year}年，请手工录入该年的节假日和调休上班日。`,
  };
}

/** Chinese name of a built-in holiday, e.g. 'National Day,国庆节,3' → '国庆节'. */
function holidayChineseName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? '').trim() || '法定节假日';
}

// ---------------------------------------------------------------------------
// Months of the work window

const LOOSE_DATE_RE = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/;
const MONTH_DAY_RE = /^\s*(\d{1,2})-(\d{1,2})\s*$/;

/** Lenient parse for hand-entered dates ('2031-5-1', '2031/05/01'); undefined if not a real date. */
function normalizeLooseDate(input: unknown): IsoDate | undefined {
  if (typeof input !== 'string') return undefined;
  const m = LOOSE_DATE_RE.exec(input);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? toIso(year, month, day) : undefined;
}

/** The months of a work window, e.g. [3, 4, …, 11]. */
export function windowMonths(workWindow: Pick<CalendarSettings, 'windowStartMonth' | 'windowEndMonth'>): number[] {
  const months: number[] = [];
  for (let m = Math.max(1, workWindow.windowStartMonth); m <= Math.min(12, workWindow.windowEndMonth); m++)
    months.push(m);
  return months;
}

/** A task is reported on from the window's start until the month of its due date. */
export function isOpenInMonth(task: { dueDate: IsoDate }, year: number, month: number): boolean {
  return task.dueDate >= monthStart(year, month);
}

// ---------------------------------------------------------------------------
// Working days

interface DayContext {
  extraHolidays: ReadonlySet<IsoDate>;
  extraWorkdays: ReadonlySet<IsoDate>;
}

function toDateSet(list: readonly unknown[] | undefined): Set<IsoDate> {
  const set = new Set<IsoDate>();
  if (!Array.isArray(list)) return set;
  for (const item of list) {
    const iso = normalizeLooseDate(item);
    if (iso) set.add(iso);
  }
  return set;
}

function contextOf(settings: CalendarSettings): DayContext {
  return {
    extraHolidays: toDateSet(settings.extraHolidays),
    extraWorkdays: toDateSet(settings.extraWorkdays),
  };
}

type DayVerdict =
  | { working: true }
  | { working: false; why: 'holiday'; name: string }
  | { working: false; why: 'manual' }
  | { working: false; why: 'weekend' };

function classify(date: IsoDate, ctx: DayContext): DayVerdict {
  const { year } = parseIso(date);
  // Hand-entered days win over the built-in calendar: make-up workdays first, then holidays.
  if (ctx.extraWorkdays.has(date)) return { working: true };
  const covered = coveredYears.has(year);
  const builtInHoliday = covered ? table.holidays[date] : undefined;
  if (builtInHoliday !== undefined) {
    return { working: false, why: 'holiday', name: holidayChineseName(builtInHoliday) };
  }
  if (ctx.extraHolidays.has(date)) return { working: false, why: 'manual' };
  if (covered && table.workdays[date] !== undefined) return { working: true };
  const weekday = weekdayIndex(date);
  if (weekday === 0 || weekday === 6) return { working: false, why: 'weekend' };
  return { working: true };
}

/**
 * extraWorkdays force a working day, extraHolidays force a day off; otherwise the built-in
 * calendar (which honours 调休 make-up Saturdays) if it covers the date's year; otherwise Mon–Fri.
 */
export function isWorkingDay(date: IsoDate, settings: CalendarSettings): boolean {
  return classify(date, contextOf(settings)).working;
}

/** Longest run of days off we are prepared to skip; more means the settings are broken. */
const MAX_SKIP_DAYS = 366;

function nextWorkingDay(date: IsoDate, ctx: DayContext): IsoDate {
  let current = date;
  for (let i = 0; i <= MAX_SKIP_DAYS; i++) {
    if (classify(current, ctx).working) return current;
    current = addDays(current, 1);
  }
  throw new RangeError(`自${chineseDate(date)}起一年内没有工作日，请检查手工录入的节假日。`);
}

export function nextWorkingDayOnOrAfter(date: IsoDate, settings: CalendarSettings): IsoDate {
  return nextWorkingDay(date, contextOf(settings));
}

// ---------------------------------------------------------------------------
// Deadlines

const KIND_LABELS: Record<DueKind, string> = {
  plan: '月方案报送截止日',
  report: '月度进展报送截止日',
  feedback: '督查反馈截止日',
  completion: '完成截止日',
};

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`无效年度“${String(year)}”。`);
  }
  return year;
}

function checkMonth(month: number | undefined, kind: DueKind): number {
  if (month === undefined) throw new RangeError(`${KIND_LABELS[kind]}需要指定月份。`);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`无效月份“${String(month)}”，应为 1 至 12。`);
  }
  return month;
}

/** A day-of-month rule clamped into the month: 31 in a 30-day month → the 30th; below 1 → the 1st. */
function clampDay(year: number, month: number, day: number, kind: DueKind): number {
  if (typeof day !== 'number' || !Number.isFinite(day)) {
    throw new RangeError(`${KIND_LABELS[kind]}的日期“${String(day)}”无效。`);
  }
  return Math.min(Math.max(Math.trunc(day), 1), daysInMonth(year, month));
}

/** 'MM-DD' (or 'M-D') in the given year; a day past the month's end is clamped (02-30 → 02-28/29). */
function monthDayInYear(year: number, monthDay: string, kind: DueKind): IsoDate {
  const m = MONTH_DAY_RE.exec(typeof monthDay === 'string' ? monthDay : '');
  const month = m ? Number(m[1]) : NaN;
  const day = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12 || day < 1) {
    throw new RangeError(`${KIND_LABELS[kind]}“${String(monthDay)}”无效，应为 MM-DD 格式，如 03-10。`);
  }
  return toIso(year, month, Math.min(day, daysInMonth(year, month)));
}

function nominalDate(settings: CalendarSettings, kind: DueKind, month?: number): IsoDate {
  const year = checkYear(settings.year);
  switch (kind) {
    case 'plan':
      return monthDayInYear(year, settings.planDue, kind);
    case 'completion':
      return monthDayInYear(year, settings.completionDue, kind);
    case 'report': {
      const m = checkMonth(month, kind);
      return toIso(year, m, clampDay(year, m, settings.reportDueDay, kind));
    }
    case 'feedback': {
      const m = checkMonth(month, kind);
      return toIso(year, m, clampDay(year, m, settings.feedbackDueDay, kind));
    }
    default:
      throw new RangeError(`未知的截止日类型“${String(kind)}”。`);
  }
}

function shiftReason(nominal: IsoDate, due: IsoDate, verdict: DayVerdict): string {
  // The year is named only when the shift crosses into the next one.
  const sameYear = nominal.slice(0, 4) === due.slice(0, 4) ? parseIso(nominal).year : undefined;
  let what: string;
  if (verdict.working) what = '非工作日';
  else if (verdict.why === 'holiday') what = `${verdict.name}假期`;
  else if (verdict.why === 'manual') what = '手工录入的节假日';
  else what = weekdayName(nominal);
  return `${chineseDate(nominal, sameYear)}为${what}，顺延至${chineseDate(due, sameYear)}`;
}

function buildDueDate(kind: DueKind, nominal: IsoDate, ctx: DayContext): DueDate {
  const verdict = classify(nominal, ctx);
  if (verdict.working) return { kind, nominal, due: nominal, shifted: false };
  const due = nextWorkingDay(nominal, ctx);
  return { kind, nominal, due, shifted: true, reason: shiftReason(nominal, due, verdict) };
}

/** The deadline of one kind; `month` (1..12) is required for 'report' and 'feedback'. */
export function dueDate(settings: CalendarSettings, kind: DueKind, month?: number): DueDate {
  return buildDueDate(kind, nominalDate(settings, kind, month), contextOf(settings));
}

/** Report and feedback deadlines for every month of the work window, in order. */
export function monthSchedule(settings: CalendarSettings): MonthDueDates[] {
  const ctx = contextOf(settings);
  const start = Math.max(1, Math.trunc(settings.windowStartMonth));
  const end = Math.min(12, Math.trunc(settings.windowEndMonth));
  const result: MonthDueDates[] = [];
  for (let month = start; month <= end; month++) {
    result.push({
      month,
      report: buildDueDate('report', nominalDate(settings, 'report', month), ctx),
      feedback: buildDueDate('feedback', nominalDate(settings, 'feedback', month), ctx),
    });
  }
  return result;
}

/** On time when the received date is on or before the (shifted) due date. */
export function isOnTime(received: IsoDate, due: DueDate): boolean {
  return utcMs(received) <= utcMs(due.due);
}
