// Reading a percent or a date out of one cell, however a unit wrote it. Each parser returns
// the value or the reason it could not; the caller puts the cell's name in front of the reason
// ('E列第5行' + '的"八成"不是可识别的百分比').

import { toHalfWidth } from '../text';
import { cellText, numberText } from './sheet';
import type { Cell } from './types';

export type ValueResult<T> =
  | { ok: true; value: T; /** Set when the value was read but deserves a look (a warning). */ note?: string }
  | { ok: false; /** The cell is empty (or only spaces). */ empty: boolean; reason: string };

const EMPTY: ValueResult<never> = { ok: false, empty: true, reason: '未填写' };

function fail(reason: string): ValueResult<never> {
  return { ok: false, empty: false, reason };
}

/** Percent values are kept to 4 decimals: 0.33 × 100 is 33, not 33.00000000000004. */
function roundPercent(v: number): number {
  return Math.round(v * 10000) / 10000;
}

/** A plain number in text: '80', '80.5', '-3', '+5'. */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/u;

/** What a cell says as a number for percent reading: the number, and whether it is marked as percent. */
function percentReading(cell: Cell | undefined): { v: number; marked: boolean } | undefined {
  if (!cell) return undefined;
  if (cell.t === 'number') return Number.isFinite(cell.v) ? { v: cell.v, marked: cell.percent === true } : undefined;
  if (cell.t !== 'text' || typeof cell.v !== 'string') return undefined;
  const s = toHalfWidth(cell.v).replace(/\s+/gu, '');
  const marked = s.endsWith('%');
  const digits = marked ? s.slice(0, -1) : s;
  if (!NUMBER_TEXT.test(digits)) return undefined;
  return { v: Number(digits), marked };
}

/**
 * Whether a progress column holds fractions (0.33 meaning 33 %) rather than percent points.
 *
 * THE RULE: a number with a percent sign ('80%', '８０％') or in a percent-formatted cell (the
 * reader's `percent` flag, where 0.8 shows as 80%) is never ambiguous. For the other numbers
 * of the column ('80', 80, 0.8 in a General cell): when every one of them lies between 0 and 1
 * and at least one lies strictly between (0.33, 0.5), the column is read as fractions and each
 * is multiplied by 100. Otherwise they are percent points: 80 → 80, and a 0.5 among 40s and 60s
 * stays 0.5 % — with a warning, because the unit may have meant 50 %. A column of only 0s and 1s
 * is percent points (0 % and 1 %).
 */
export function isFractionColumn(cells: readonly (Cell | undefined)[]): boolean {
  let sawFraction = false;
  let sawAny = false;
  for (const cell of cells) {
    const r = percentReading(cell);
    if (!r || r.marked) continue;
    sawAny = true;
    if (r.v < 0 || r.v > 1) return false;
    if (r.v > 0 && r.v < 1) sawFraction = true;
  }
  return sawAny && sawFraction;
}

export interface PercentOptions {
  /** The column holds fractions (see isFractionColumn): unmarked numbers are × 100. */
  fractions?: boolean;
}

/**
 * A cumulative percent, 0..100: '80%', '８０％', 80, '80', 0.8 in a percent-formatted cell → 80.
 * Unmarked numbers follow the column rule of isFractionColumn (pass `fractions`). Text that is
 * not a number ('八成', '过半'), error cells, dates, booleans and values outside 0..100 fail with
 * a reason; an empty cell fails with `empty: true`.
 */
export function parsePercent(cell: Cell | undefined, options: PercentOptions = {}): ValueResult<number> {
  if (!cell || (cell.t === 'text' && (typeof cell.v !== 'string' || cell.v.trim() === ''))) return EMPTY;
  if (cell.t === 'error') return fail(`是错误值${cell.v}，不是百分比`);
  const reading = percentReading(cell);
  if (!reading) return fail(`的"${cellText(cell).trim()}"不是可识别的百分比`);
  let value: number;
  let note: string | undefined;
  if (cell.t === 'number' && reading.marked) value = reading.v * 100;
  else if (reading.marked) value = reading.v;
  else if (options.fractions) value = reading.v * 100;
  else {
    value = reading.v;
    if (value > 0 && value < 1) {
      note = `的${numberText(value)}按${numberText(value)}%读取；如果是指${numberText(value * 100)}%，请填写"${numberText(value * 100)}%"`;
    }
  }
  value = roundPercent(value);
  if (value < 0 || value > 100) return fail(`的"${cellText(cell).trim()}"超出0%～100%的范围`);
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

// ---------------------------------------------------------------------------------------------
// Dates

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of a year: 2026-02 → 28, 2028-02 → 29. */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years a date in a work-year file can sensibly have. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function isoDate(year: number, month: number, day: number): ValueResult<string> | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, counting its phantom 1900-02-29 (serials ≥ 61). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial day number (1900 date system) → 'YYYY-MM-DD'; the time of day is dropped. */
export function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61) return undefined;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
  const r = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return r?.ok ? r.value : undefined;
}

export interface DateOptions {
  /** The work year: '3月25日' and '11月底前' are in it. */
  year: number;
  /** Read a plain number as an Excel serial date (the column is a date column). Default true. */
  serials?: boolean;
}

/** Words around a deadline that change nothing: '11月底前完成' is '11月底'. */
const DEADLINE_TAIL = /(之前|以前|前)?(完成|完工|办结)?$/u;

/** Parts of a month: 上旬 ends on the 10th, 中旬 on the 20th; 底/末/份/下旬/内 on its last day. */
function dayInMonth(part: string, year: number, month: number): number {
  if (part === '上旬') return 10;
  if (part === '中旬') return 20;
  return lastDayOfMonth(year, month);
}

/**
 * A date as 'YYYY-MM-DD'. Accepts date cells; Excel serial numbers (with `serials`); numbers and
 * text written 20260325; text '2026年3月25日', '2026/3/25', '2026-03-25', '2026.3.25' (an ISO
 * time after the date is dropped); '3月25日', '3/25', '3.25' in the work year; a month's end:
 * '11月底前', '11月底', '11月末', '11月份', '11月', '11月内', '2026年11月' → the last day of that
 * month (a trailing 前/之前/完成 changes nothing; '上旬' → the 10th, '中旬' → the 20th, '下旬'
 * → the last day); '年底前', '年底', '年末', '年内' → 12-31 of the work year. A bare 'X月前'
 * is refused: it may mean the end of month X or of the month before.
 */
export function parseDate(cell: Cell | undefined, options: DateOptions): ValueResult<string> {
  const { year } = options;
  if (!cell || (cell.t === 'text' && (typeof cell.v !== 'string' || cell.v.trim() === ''))) return EMPTY;
  const shown = cellText(cell).trim();
  const bad = fail(`的"${shown}"不是可识别的日期`);
  switch (cell.t) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(cell.v);
      return (m && isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) || bad;
    }
    case 'number': {
      const v = cell.v;
      if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) {
        return isoDate(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100) ?? bad;
      }
      if (options.serials !== false) {
        const d = excelSerialToDate(v);
        if (d) return { ok: true, value: d };
      }
      return bad;
    }
    case 'text':
      break;
    case 'error':
      return fail(`是错误值${cell.v}，不是日期`);
    default:
      return bad;
  }
  const s = toHalfWidth(cell.v).replace(/\s+/gu, '');
  let m = /^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})(日|号)?([T ]\d{1,2}:\d{2}.*)?$/u.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? fail(`的"${shown}"不是有效日期`);
  m = /^(\d{4})(\d{2})(\d{2})$/u.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? fail(`的"${shown}"不是有效日期`);
  const core = s.replace(DEADLINE_TAIL, '');
  m = /^(\d{1,2})[月/.-](\d{1,2})(日|号)?$/u.exec(core);
  if (m) return isoDate(year, Number(m[1]), Number(m[2])) ?? fail(`的"${shown}"不是有效日期`);
  m = /^(?:(\d{4})年)?(\d{1,2})月(底|末|份|内|上旬|中旬|下旬)?$/u.exec(core);
  if (m) {
    // '11月前' is ambiguous (end of October or of November?): only '11月底前' and the like pass.
    const part = m[3] ?? '';
    if ((part === '' || part === '份') && core !== s && /前$/u.test(s.replace(/(完成|完工|办结)$/u, ''))) {
      return fail(`的"${shown}"不明确，请写成"${m[2]}月底前"或具体日期`);
    }
    const y = m[1] ? Number(m[1]) : year;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return fail(`的"${shown}"不是有效日期`);
    return isoDate(y, month, dayInMonth(part, y, month)) ?? fail(`的"${shown}"不是有效日期`);
  }
  m = /^(?:(\d{4})年)?(年底|年末|年内|底)$/u.exec(core);
  if (m && (m[1] || m[2] !== '底')) {
    const y = m[1] ? Number(m[1]) : year;
    return isoDate(y, 12, 31) ?? bad;
  }
  return bad;
}
