// Dates as the office writes them (PRODUCT.md §3): calendar dates are 'YYYY-MM-DD' in China
// time, shown as 2026年6月25日; timestamps are ISO strings, shown in China time whatever the
// PC's time zone. Pure: no clock.
//
// One way of writing a date everywhere — on screen, in the date fields, on paper, in Excel
// and in Word: 2026年6月25日 (chineseDate), a timestamp 2026年6月25日 09:30 (chineseDateTime),
// whatever the browser's or the PC's language and region. Months stay 6月.

import type { IsoDate } from './model';
import { toHalfWidth } from './text';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAY_MS = 86_400_000;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Number of days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** '2026-06-25' → { year: 2026, month: 6, day: 25 }; undefined for anything that is not a real date. */
function partsOf(date: unknown): Ymd | undefined {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) return undefined;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd.year, ymd.month, ymd.day) ? ymd : undefined;
}

/** A real calendar date written 'YYYY-MM-DD' (not 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  return partsOf(value) !== undefined;
}

/** Parses a strict 'YYYY-MM-DD' calendar date; throws on anything else. */
export function parseIso(date: IsoDate): Ymd {
  const ymd = partsOf(date);
  if (ymd) return ymd;
  throw new RangeError(`无效日期“${String(date)}”，应为 YYYY-MM-DD 格式的真实日期。`);
}

/** Milliseconds of a date at 00:00 UTC (dates are calendar dates: no time zone enters). Throws on a non-date. */
export function utcMs(date: IsoDate): number {
  const { year, month, day } = parseIso(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The first day of a month: '2026-05-01'. */
export function monthStart(year: number, month: number): IsoDate {
  return toIso(year, month, 1);
}

/** The date `days` days after (or before, if negative) the given date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(utcMs(date) + days * DAY_MS);
}

/**
 * Calendar days from `a` to `b`: positive when b is later ('2026-05-25' → '2026-05-30' is 5),
 * 0 for the same day, negative when b is earlier. NaN when either is not a real 'YYYY-MM-DD'
 * date — it never throws, and every comparison with NaN is false, so a bad date never lights anything.
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const x = partsOf(a);
  const y = partsOf(b);
  if (!x || !y) return Number.NaN;
  return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / DAY_MS);
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(date: IsoDate): number {
  return new Date(utcMs(date)).getUTCDay();
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayIndex(date)] ?? '';
}

const chinaDateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in China at `now`, whatever the PC's time zone (the caller reads the clock). */
export function chinaDateOf(now: Date): IsoDate {
  const parts = Object.fromEntries(chinaDateParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * '2026-06-25' → '2026年6月25日'; with `omitYear` of that year: '6月25日' (the year stays when
 * it differs). Anything that is not such a date comes back as text, unchanged.
 */
export function chineseDate(date: IsoDate, omitYear?: number): string {
  const p = partsOf(date);
  if (!p) return String(date);
  return `${p.year === omitYear ? '' : `${p.year}年`}${p.month}月${p.day}日`;
}

/**
 * A date as a person types or pastes it → 'YYYY-MM-DD', or undefined when it is not a whole,
 * real date: '2026-06-25', '2026-6-25', '2026/6/25', '2026.6.25', '2026年6月25日' (or 25号),
 * '20260625', in full-width characters too and with spaces anywhere. A date without its year,
 * or a month without its day, is no date here (the import reads those, with the work year).
 */
export function parseDateText(text: string): IsoDate | undefined {
  if (typeof text !== 'string') return undefined;
  const s = toHalfWidth(text).replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '');
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u.exec(s) ??
    /^(\d{4})(年)(\d{1,2})月(\d{1,2})[日号]?$/u.exec(s) ??
    /^(\d{4})()(\d{2})(\d{2})$/u.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return isValidYmd(year, month, day) ? toIso(year, month, day) : undefined;
}

const chinaDateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO timestamp in China time: '2026-12-04T17:17:30.990Z' → '2026年12月5日 01:17'. Not a timestamp: as is. */
export function chineseDateTime(timestamp: string): string {
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
  if (!Number.isFinite(ms)) return String(timestamp);
  const p = Object.fromEntries(chinaDateTimeParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p['year']}年${Number(p['month'])}月${Number(p['day'])}日 ${p['hour']}:${p['minute']}`;
}

/**
 * A date as the JavaScript Date of its 00:00 UTC (the form a spreadsheet cell takes: a
 * calendar date without a time zone); undefined for anything that is not a real date.
 */
export function utcDate(date: IsoDate): Date | undefined {
  const p = partsOf(date);
  return p ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : undefined;
}

/**
 * An ISO timestamp as the Date whose UTC fields are its China wall-clock time (for a
 * spreadsheet cell, which has no time zone: it then reads as the time shown on screen);
 * undefined for anything that is not a timestamp. Seconds are kept, milliseconds dropped.
 */
export function chinaWallClock(timestamp: string): Date | undefined {
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
  if (!Number.isFinite(ms)) return undefined;
  return new Date(Math.floor((ms + CHINA_OFFSET_MS) / 1000) * 1000);
}

/** China keeps UTC+8 all year (no summer time since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
