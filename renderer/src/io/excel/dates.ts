// Date formats and Excel serial numbers, through SheetJS's number-format engine (SSF), which
// knows Excel's rules: built-in and locale formats, the 1900 leap-year bug, the 1904 system.
import * as XLSX from '@e965/xlsx';
import type { Cell } from '../../core/import/types';
import { isoDate } from './cells';

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

/** An Excel serial date as a date cell (time of day dropped), or undefined when it is no date. */
export function serialToDateCell(serial: number, date1904: boolean): Cell | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const parts = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parts || !parts.y) return undefined;
  return { t: 'date', v: isoDate(parts.y, parts.m, parts.d) };
}
