// The neutral shapes between the Excel reader (io/excel) and the pure mapping (core/import).
// io/excel turns bytes into a Grid; core/import turns a Grid into typed rows plus issues.

/** A cell as Excel shows it: typed, with formulas already replaced by their cached result. */
export type Cell =
  | { t: 'text'; v: string }
  /** `percent` is true when the cell's number format is a percent format (0.8 shows as 80%). */
  | { t: 'number'; v: number; percent?: boolean }
  /** A date-formatted cell as a calendar date 'YYYY-MM-DD' (time of day dropped). */
  | { t: 'date'; v: string }
  | { t: 'bool'; v: boolean }
  /** An Excel error value such as #REF! or #DIV/0!. */
  | { t: 'error'; v: string }
  | null;

/** 0-based, inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSheet {
  name: string;
  /** 'hidden' or 'veryHidden' sheets (the app's metadata sheet is one). */
  hidden: boolean;
  /** rows[r][c], 0-based; rows may be ragged; missing cells are null. */
  rows: Cell[][];
  merges: MergeRange[];
  /** 0-based indexes of hidden columns (the app's task-id column is one). */
  hiddenColumns: number[];
}

export interface Grid {
  fileName: string;
  sheets: GridSheet[];
  /** What the reader noticed and the preview should say (warnings), such as cells it read as empty. */
  issues?: ImportIssue[];
}

/** What reading a file gives: a grid, or one clear Chinese reason the file was refused. */
export type ReadResult = { ok: true; grid: Grid } | { ok: false; fileName: string; message: string };

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a file; row is 1-based as Excel shows it, column a letter ('A', 'AB'). */
export interface ImportIssue {
  severity: Severity;
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

export type TemplateKind = 'tasks' | 'plan' | 'progress' | 'evaluation';
