// Reading cells of a GridSheet the way the mappers need them: column letters, a cell's text,
// and a view of the sheet with vertically merged cells filled down and the width capped.

import type { Cell, GridSheet, MergeRange } from './types';

/**
 * Columns beyond this are ignored (the .xls limit; every template has fewer than 30). A sheet
 * with content further right gets one warning instead of slowing every row down.
 */
export const MAX_COLUMNS = 256;

/**
 * Rows beyond this are ignored, likewise (the .xls limit): a stray character typed in row
 * 1048576 must not make the view a million rows of MAX_COLUMNS cells (gigabytes).
 */
export const MAX_ROWS = 65_536;

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index: number): string {
  let n = Math.max(0, Math.floor(index)) + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'E列第5行' for 0-based row 4, column 4: how a message names a cell. */
export function cellName(row: number, col: number): string {
  return `${columnLetter(col)}列第${row + 1}行`;
}

/** A number as Excel shows it in General format: no binary noise (0.1 + 0.2 → '0.3'). */
export function numberText(v: number): string {
  if (Number.isSafeInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(15)));
}

/**
 * The cell as its type promises, whatever came in: a text whose value is no string, a number
 * that is no number, an unknown kind — each becomes the nearest sound cell or an empty one.
 * The reader should never produce such cells; this keeps the mappers from ever tripping on one.
 */
export function soundCell(cell: unknown): Cell {
  if (!cell || typeof cell !== 'object') return null;
  const { t, v, percent } = cell as { t?: unknown; v?: unknown; percent?: unknown };
  switch (t) {
    case 'text':
      return typeof v === 'string' ? (cell as Cell) : typeof v === 'number' ? { t: 'text', v: String(v) } : null;
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
      if (typeof v === 'number' && (percent === undefined || typeof percent === 'boolean')) return cell as Cell;
      return percent === true ? { t: 'number', v: n, percent: true } : { t: 'number', v: n };
    }
    case 'date':
      return typeof v === 'string' ? (cell as Cell) : null;
    case 'bool':
      return { t: 'bool', v: v === true };
    case 'error':
      return { t: 'error', v: typeof v === 'string' ? v : '#VALUE!' };
    default:
      return null;
  }
}

/** The text a cell shows, untrimmed; '' for empty and error cells. */
export function cellText(cell: Cell | undefined): string {
  const c = soundCell(cell);
  if (!c) return '';
  switch (c.t) {
    case 'text':
      return c.v;
    case 'number':
      return c.percent ? `${numberText(c.v * 100)}%` : numberText(c.v);
    case 'date':
      return c.v;
    case 'bool':
      return c.v ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

/** Empty: no cell, or text of spaces only. Error cells are not empty (they are reported). */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  return cell.t === 'text' && (typeof cell.v !== 'string' || cell.v.trim() === '');
}

/** The sheet as the mappers read it. */
export interface SheetView {
  sheet: GridSheet;
  /** rows[r][c] as written (every cell a sound one); every row as long as `width`. */
  raw: Cell[][];
  /** The same with vertical merges filled down (rows without such merges are shared with `raw`). */
  rows: Cell[][];
  /** Columns considered: the widest row, capped at MAX_COLUMNS. */
  width: number;
  /** The merges, ordered and clipped to the view. */
  merges: MergeRange[];
  /** True when cells beyond MAX_COLUMNS were dropped. */
  truncated: boolean;
  /** True when rows beyond MAX_ROWS were dropped. */
  truncatedRows: boolean;
}

function clipMerge(m: MergeRange, height: number, width: number): MergeRange | undefined {
  const nums = [m.top, m.left, m.bottom, m.right];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const top = Math.max(0, Math.min(m.top, m.bottom));
  const bottom = Math.min(height - 1, Math.max(m.top, m.bottom));
  const left = Math.max(0, Math.min(m.left, m.right));
  const right = Math.min(width - 1, Math.max(m.left, m.right));
  if (top > bottom || left > right) return undefined;
  return { top, left, bottom, right };
}

/**
 * Copies the sheet's rows into a rectangular view. A merge that spans several rows (the
 * 工作板块 column merged over its tasks) gives every cell of its range the top-left value; a
 * merge within one row (a title or note row merged across) is left as it is, so a note is not
 * repeated into every column.
 */
export function sheetView(sheet: GridSheet): SheetView {
  const all: unknown[] = Array.isArray(sheet.rows) ? sheet.rows : [];
  const source = all.length > MAX_ROWS ? all.slice(0, MAX_ROWS) : all;
  let widest = 0;
  for (const row of all) if (Array.isArray(row) && row.length > widest) widest = row.length;
  const width = Math.min(widest, MAX_COLUMNS);
  // Rows without cells (most rows of a sheet with a stray far cell) share one empty row; nothing
  // writes into `raw` (filling down copies a row first).
  const empty: Cell[] = Object.freeze(new Array<Cell>(width).fill(null)) as Cell[];
  // Array.from visits the holes of a sparse array too (map would keep them as holes).
  const raw: Cell[][] = Array.from(source, (row) => {
    if (!Array.isArray(row) || row.length === 0) return empty;
    const out: Cell[] = new Array<Cell>(width).fill(null);
    for (let c = 0; c < width && c < row.length; c++) out[c] = soundCell(row[c]);
    return out;
  });
  const merges: MergeRange[] = [];
  for (const m of Array.isArray(sheet.merges) ? sheet.merges : []) {
    const clipped = m && typeof m === 'object' ? clipMerge(m, raw.length, width) : undefined;
    if (clipped) merges.push(clipped);
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const rows = raw.slice();
  for (const m of merges) {
    if (m.bottom === m.top) continue;
    const value = raw[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      let row = rows[r];
      if (!row) continue;
      if (row === raw[r]) {
        row = row.slice();
        rows[r] = row;
      }
      for (let c = m.left; c <= m.right; c++) row[c] = value;
    }
  }
  return { sheet, raw, rows, width, merges, truncated: widest > MAX_COLUMNS, truncatedRows: all.length > MAX_ROWS };
}

/** The merge whose range holds the cell, if any. */
export function mergeAt(view: SheetView, row: number, col: number): MergeRange | undefined {
  for (const m of view.merges) {
    if (m.top > row) break;
    if (row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/** True when no cell of the row has content. */
export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((cell) => isBlankCell(cell));
}
