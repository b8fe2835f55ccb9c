// Building grids by hand: for tests, benchmarks and examples, where no Excel file is read.
// Plain values become cells (string → text, number → number, boolean → bool, null → empty);
// pct(), date() and err() make the other kinds.

import type { Cell, Grid, GridSheet, MergeRange } from './types';

export type CellInput = Cell | string | number | boolean | undefined;

/** A number in a percent-formatted cell: pct(0.8) shows as 80%. */
export function pct(v: number): Cell {
  return { t: 'number', v, percent: true };
}

/** A date-formatted cell, 'YYYY-MM-DD'. */
export function date(v: string): Cell {
  return { t: 'date', v };
}

/** An error cell such as '#REF!'. */
export function err(v: string): Cell {
  return { t: 'error', v };
}

export function toCell(v: CellInput): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { t: 'text', v };
  if (typeof v === 'number') return { t: 'number', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  return v;
}

/** 'B' → 1, 'AA' → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 'B4:B6' → { top: 3, left: 1, bottom: 5, right: 1 } (0-based). */
export function range(ref: string): MergeRange {
  const m = /^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/u.exec(ref.trim());
  if (!m) throw new Error(`not a range: ${ref}`);
  return {
    top: Number(m[2]) - 1,
    left: columnIndex(m[1] ?? 'A'),
    bottom: Number(m[4]) - 1,
    right: columnIndex(m[3] ?? 'A'),
  };
}

export interface SheetOptions {
  /** Merged ranges as 'B4:B6' or as ranges. */
  merges?: (string | MergeRange)[];
  hidden?: boolean;
  hiddenColumns?: number[];
}

export function sheetOf(name: string, rows: readonly (readonly CellInput[])[], options: SheetOptions = {}): GridSheet {
  return {
    name,
    hidden: options.hidden ?? false,
    rows: rows.map((row) => row.map(toCell)),
    merges: (options.merges ?? []).map((m) => (typeof m === 'string' ? range(m) : m)),
    hiddenColumns: options.hiddenColumns ?? [],
  };
}

export function gridOf(fileName: string, ...sheets: GridSheet[]): Grid {
  return { fileName, sheets };
}
