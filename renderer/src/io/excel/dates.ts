// Date formats and Excel serial numbers, through SheetJS's number-format engine (SSF), which
// knows Excel's rules: built-in and locale formats, the 1900 leap-year bug, the 1904 system.
import * as XLSX from '@e965/xlsx';
import type { Cell } from '../../core/import/types';
import { dateCellFromDate, isoDate, numberCell } from './cells';

const dateFormatCache = new Map<string, boolean>();

export function isDateFormat(numFmt: string | undefined | null): boolean {
  if (!numFmt) return false;
  const cached = dateFormatCache.get(numFmt);
  if (cached !== undefined) return cached;
  let known: boolean;
  try {
    known = XLSX.SSF.is_date(numFmt);
  } catch {
    known = false;
  }
  if (dateFormatCache.size < 1000) dateFormatCache.set(numFmt, known);
  return known;
}

/**
 * An Excel serial date as a date cell (time of day dropped), or undefined when it is no date.
 * Excel shows serial 0 as 1900/1/0 (also any time of day without one, such as 12:00) and 60 as
 * 1900/2/29, a day that never was (its 1900 leap-year bug): neither is a calendar date.
 */
export function serialToDateCell(serial: number, date1904: boolean): Cell | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const parts = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parts || !parts.y || !isCalendarDate(parts.y, parts.m, parts.d)) return undefined;
  return { t: 'date', v: isoDate(parts.y, parts.m, parts.d) };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const MS_PER_DAY = 86_400_000;
/** exceljs's serial of 1970-01-01 (it converts `serial - 25569` days from 1970). */
const EXCELJS_UNIX_EPOCH_SERIAL = 25569;
/** 1900-03-01, serial 61: from here on exceljs's arithmetic and Excel's calendar agree. */
const SERIAL_61_MS = Date.UTC(1900, 2, 1);

/**
 * A date-formatted number as exceljs gives it (a Date, in the 1900 system reckoned as if
 * 1900-02-29 had been a day) as a date cell by Excel's rules: before 1900-03-01 the serial is
 * recovered and read like any other, so 1 is 1900-01-01 (exceljs: 1899-12-31) and 0 and 60 are
 * the numbers they are. The 1904 system has no such day and exceljs reckons it right.
 */
export function dateCellFromExcelJs(date: Date, date1904: boolean, numFmt: string | undefined): Cell {
  const time = date.getTime();
  if (date1904 || Number.isNaN(time) || time >= SERIAL_61_MS) return dateCellFromDate(date);
  const serial = time / MS_PER_DAY + EXCELJS_UNIX_EPOCH_SERIAL;
  return serialToDateCell(serial, false) ?? numberCell(serial, numFmt);
}
