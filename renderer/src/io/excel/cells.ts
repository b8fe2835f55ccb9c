// Cell typing shared by the two readers, so an .xlsx and an .xls with the same content give
// the same Grid.
import type { Cell, GridSheet, MergeRange } from '../../core/import/types';
import { messages } from './messages';

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

/** An XML-escaped control character as Excel writes it: `_x000D_`. */
const ESCAPED_CONTROL = /_x00([01][0-9A-Fa-f])_/g;
/**
 * Characters no one sees in a cell, and some that deceive: C0 controls but tab, line feed and
 * carriage return; DEL and the C1 controls; the bidirectional marks, embeddings, overrides and
 * isolates (U+202E shows '区财政局\u202Egnp.exe' as '区财政局exe.png'); non-characters.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
const HAS_HIDDEN =
  // eslint-disable-next-line no-control-regex -- the same, to test for without a global regex's state
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

/**
 * WPS fills a cell with an embedded picture through a formula, `=DISPIMG("ID_…",1)`, whose
 * cached value is often the formula's own text or an error: the Grid has no pictures, so such
 * a cell is read as empty and the reader says so (PictureCell). Matches the formula as exceljs
 * gives it (`_xlfn.DISPIMG(…)`) and a cached text that starts with `=DISPIMG(`.
 */
const PICTURE_FORMULA = /^=?(?:_xlfn\.)?DISPIMG\(/i;

/** A formula as exceljs gives it (no '='): WPS's picture? */
export const isPictureFormula = (formula: string) => PICTURE_FORMULA.test(formula);
/** A cell's cached text: the picture formula's own text? */
export const isPictureText = (text: string) => text.startsWith('=') && PICTURE_FORMULA.test(text);

/** A cell the reader left empty because it held a picture (0-based row and column). */
export interface PictureCell {
  sheet: string;
  row: number;
  column: number;
}

/** A text longer than Excel holds; the reader that meets it refuses the file, naming the cell. */
export class TextTooLong extends Error {}

/**
 * Long texts already cleaned, by text: a shared string is the same string in every cell that
 * uses it, so it is scanned once, not once per cell (12,000 cells sharing one long string would
 * otherwise cost 12,000 scans of it). Emptied after each file (forgetTexts).
 */
const cleaned = new Map<string, Cell>();
const MEMO_MIN_LENGTH = 64;

/**
 * A text cell as Excel shows it: `_x000D_`-style escapes decoded (exceljs leaves them in inline
 * strings), line breaks as '\n', hidden characters taken out; null when nothing is left. A text
 * over Excel's 32,767 characters throws TextTooLong before anything scans it.
 */
export function textCell(value: string): Cell {
  if (value.length > MAX_CELL_TEXT) throw new TextTooLong();
  if (value.length < MEMO_MIN_LENGTH) return cleanText(value);
  let cell = cleaned.get(value);
  if (cell === undefined) {
    cell = cleanText(value);
    cleaned.set(value, cell);
  }
  return cell;
}

/** Lets go of the texts remembered while reading one file. */
export function forgetTexts(): void {
  cleaned.clear();
}

function cleanText(value: string): Cell {
  let text = value;
  if (text.includes('_x00'))
    text = text.replace(ESCAPED_CONTROL, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (HAS_HIDDEN.test(text)) text = text.replace(HIDDEN, '');
  return text === '' ? null : { t: 'text', v: text };
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

/** Excel holds at most this many characters in a cell (and refuses to open a file with more). */
export const MAX_CELL_TEXT = 32767;

/** A sheet that makes the whole file unreadable; the message names the sheet and the cells. */
export class SheetProblem extends Error {}

/**
 * Runs a reader's loop over one sheet's cells; a text too long for Excel (TextTooLong) refuses
 * the file, naming the sheet and the cell the loop was at (`at()`: 0-based row and column).
 */
export function readCells<T>(sheet: string, at: () => [number, number], loop: () => T): T {
  try {
    return loop();
  } catch (error) {
    if (!(error instanceof TextTooLong)) throw error;
    const [row, column] = at();
    throw new SheetProblem(messages.cellTooLong(sheet, `${columnLetter(column + 1)}${row + 1}`));
  }
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A range as Excel writes it: 'A1:C3' (0-based in, 1-based letters and numbers out). */
export function rangeRef(m: MergeRange): string {
  return `${columnLetter(m.left + 1)}${m.top + 1}:${columnLetter(m.right + 1)}${m.bottom + 1}`;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function decodeCell(ref: string): { row: number; column: number } | undefined {
  const m = CELL_REF.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of (m[1] as string).toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { row: row - 1, column: column - 1 };
}

/** 'A1:C3' (or one cell 'B2') → a 0-based range; undefined for anything Excel would not write. */
export function decodeRange(ref: string): MergeRange | undefined {
  const [from, to, more] = ref.trim().split(':');
  if (from === undefined || more !== undefined) return undefined;
  const a = decodeCell(from);
  const b = to === undefined ? a : decodeCell(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** Merges as the readers found them: whole numbers within the sheet, each range once, in file order. */
function soundMerges(merges: MergeRange[]): MergeRange[] {
  const seen = new Set<string>();
  const out: MergeRange[] = [];
  for (const m of merges) {
    const { top, left, bottom, right } = m;
    if (![top, left, bottom, right].every((n) => Number.isInteger(n) && n >= 0)) continue;
    if (top > bottom || left > right || bottom >= MAX_ROW || right >= MAX_COLUMN) continue;
    const key = `${top},${left},${bottom},${right}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ top, left, bottom, right });
  }
  return out;
}

/** Index of the first range in `sorted` (by left) whose left is ≥ `left`. */
function firstFrom(sorted: MergeRange[], left: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as MergeRange).left < left) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Empties the cells hidden under a merge (all but its top-left), as Excel shows them, and
 * refuses merges that overlap (Excel never writes them and calls such a file damaged).
 *
 * One sweep down the rows, in time bounded by the cells and the merges however large the
 * ranges are (one merge over A1:XFD1048576 is one range, not 17 billion cells): the merges
 * covering the current row are kept in column order; each new one is checked against its two
 * neighbours there, and each row that has cells visits only the merges that start within it.
 */
function hideMergedCells(sheet: string, rows: Cell[][], merges: MergeRange[]): void {
  if (merges.length === 0) return;
  const byTop = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const byBottom = [...merges].sort((a, b) => a.bottom - b.bottom);
  const present: number[] = [];
  rows.forEach((row, r) => {
    if (row.length > 0) present.push(r);
  });
  const active: MergeRange[] = [];
  const overlap = (a: MergeRange, b: MergeRange) =>
    new SheetProblem(messages.overlappingMerges(sheet, rangeRef(a), rangeRef(b)));
  let nextTop = 0;
  let nextBottom = 0;
  let nextRow = 0;
  while (nextTop < byTop.length || nextRow < present.length) {
    const r = Math.min(byTop[nextTop]?.top ?? Infinity, present[nextRow] ?? Infinity);
    // Merges ending above this row leave (each was added: its top is above too).
    while (nextBottom < byBottom.length && (byBottom[nextBottom] as MergeRange).bottom < r) {
      const gone = byBottom[nextBottom++] as MergeRange;
      active.splice(firstFrom(active, gone.left), 1);
    }
    while (nextTop < byTop.length && (byTop[nextTop] as MergeRange).top === r) {
      const m = byTop[nextTop++] as MergeRange;
      const at = firstFrom(active, m.left);
      const before = active[at - 1];
      const after = active[at];
      if (before && before.right >= m.left) throw overlap(before, m);
      if (after && after.left <= m.right) throw overlap(after, m);
      active.splice(at, 0, m);
    }
    if (present[nextRow] === r) {
      nextRow++;
      const row = rows[r] as Cell[];
      for (const m of active) {
        if (m.left >= row.length) break;
        const end = Math.min(m.right, row.length - 1);
        for (let c = m.left; c <= end; c++) if (r !== m.top || c !== m.left) row[c] = null;
      }
    }
  }
}

/**
 * Shapes a sheet for the Grid: cells hidden under a merge (all but its top-left) are null, as
 * Excel shows them; trailing blank cells and rows are dropped, so rows are ragged. (Blank
 * includes a lone space: one typed by accident in row 1048576 must not turn a small sheet into
 * a million empty rows. Spaces inside the table are kept.) Throws a SheetProblem for merges
 * that overlap.
 */
export function finishSheet(
  name: string,
  hidden: boolean,
  rows: Cell[][],
  merges: MergeRange[],
  hiddenColumns: number[],
): GridSheet {
  const ranges = soundMerges(merges);
  hideMergedCells(name, rows, ranges);
  // rows may be sparse (missing rows are holes): forEach visits only the rows that exist.
  let last = -1;
  rows.forEach((row, r) => {
    let end = row.length;
    while (end > 0 && isBlank(row[end - 1])) end--;
    row.length = end;
    for (let c = 0; c < end; c++) {
      const cell = row[c];
      if (cell === undefined) row[c] = null;
    }
    if (end > 0) last = r;
  });
  rows.length = last + 1;
  let width = 0;
  for (let r = 0; r <= last; r++) width = Math.max(width, (rows[r] ??= []).length);
  // A sheet may hide every column right of its table (<col min="9" max="16384" hidden>): only
  // hidden columns within the table's width mean anything to the mapping.
  const hiddenWithin = [...new Set(hiddenColumns)].filter((c) => c < width).sort((a, b) => a - b);
  return { name, hidden, rows, merges: ranges, hiddenColumns: hiddenWithin };
}
