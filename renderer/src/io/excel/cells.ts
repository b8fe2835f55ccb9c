// Cell typing shared by the two readers, so an .xlsx and an .xls with the same content give
// the same Grid.
import type { Cell, GridSheet, MergeRange } from '../../core/import/types';

/**
 * True when the number format shows the value as a percentage: a `%` outside quoted text and
 * escapes (`0"%"` and `0\%` show a literal percent sign after an unscaled number).
 */
export function isPercentFormat(numFmt: string | undefined | null): boolean {
  if (!numFmt || !numFmt.includes('%')) return false;
  return stripLiterals(numFmt).includes('%');
}

/** Removes quoted text, backslash escapes and [..] sections (colours, locales, conditions). */
export function stripLiterals(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): string {
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** The calendar date of a Date by its UTC parts (exceljs makes UTC-midnight Dates; the PC's zone never matters). */
export function dateCellFromDate(date: Date): Cell {
  if (Number.isNaN(date.getTime())) return null;
  return { t: 'date', v: isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) };
}

export function textCell(value: string): Cell {
  return value === '' ? null : { t: 'text', v: value };
}

export function numberCell(value: number, numFmt: string | undefined | null): Cell {
  if (!Number.isFinite(value)) return null;
  return isPercentFormat(numFmt) ? { t: 'number', v: value, percent: true } : { t: 'number', v: value };
}

/** BIFF error codes as Excel shows them. */
export const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Null, or text that is only spaces: nothing a reader of the sheet would see. */
function isBlank(cell: Cell | undefined): boolean {
  return cell == null || (cell.t === 'text' && cell.v.trim() === '');
}

/**
 * Shapes a sheet for the Grid: cells hidden under a merge (all but its top-left) are null, as
 * Excel shows them; trailing blank cells and rows are dropped, so rows are ragged. (Blank
 * includes a lone space: one typed by accident in row 1048576 must not turn a small sheet into
 * a million empty rows. Spaces inside the table are kept.)
 */
export function finishSheet(name: string, hidden: boolean, rows: Cell[][], merges: MergeRange[], hiddenColumns: number[]): GridSheet {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && c < row.length) row[c] = null;
      }
    }
  }
  // rows may be sparse (missing rows are holes): forEach visits only the rows that exist.
  let last = -1;
  rows.forEach((row, r) => {
    let end = row.length;
    while (end > 0 && isBlank(row[end - 1])) end--;
    row.length = end;
    for (let c = 0; c < end; c++) if (row[c] === undefined) row[c] = null;
    if (end > 0) last = r;
  });
  rows.length = last + 1;
  let width = 0;
  for (let r = 0; r <= last; r++) width = Math.max(width, (rows[r] ??= []).length);
  // A sheet may hide every column right of its table (<col min="9" max="16384" hidden>): only
  // hidden columns within the table's width mean anything to the mapping.
  const hiddenWithin = [...new Set(hiddenColumns)].filter((c) => c < width).sort((a, b) => a - b);
  return { name, hidden, rows, merges, hiddenColumns: hiddenWithin };
}
