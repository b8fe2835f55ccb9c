// Finding the header of a sheet: which row it is (title rows come first), whether it is two
// rows deep (a merged '进度情况' over '计划(%)' and '实际(%)'), and which column is which field.

import { singleLine } from '../text';
import { aliasIndex, fieldOfHeader, type AliasIndex, type ColumnAliasTable } from './columns';
import { cellText, columnLetter, mergeAt, type SheetView } from './sheet';
import type { Cell, TemplateKind } from './types';

/** The header is looked for within the first rows of a sheet. */
export const HEADER_SEARCH_ROWS = 15;

/** Order in which kinds win a tie (same row, same number of columns). */
const KIND_ORDER: readonly TemplateKind[] = ['tasks', 'progress', 'evaluation', 'plan'];

function countOf(fields: ReadonlySet<string>, names: readonly string[]): number {
  return names.reduce((n, name) => n + (fields.has(name) ? 1 : 0), 0);
}

/** The columns a header needs before a sheet counts as that template. */
const QUALIFIES: Record<TemplateKind, (f: ReadonlySet<string>) => boolean> = {
  tasks: (f) => f.has('title') && countOf(f, ['leadUnit', 'coUnits', 'due', 'leader', 'targets', 'measures']) >= 2,
  progress: (f) => (f.has('title') || f.has('taskId')) && (f.has('percent') || f.has('statusWord')),
  plan: (f) => (f.has('title') || f.has('taskId')) && (f.has('milestone') || f.has('plannedPercent')),
  evaluation: (f) => f.has('score') && (f.has('rater') || f.has('unit') || f.has('title')),
};

/** What a sheet's header requires, in words, for the "header not found" message. */
export const headerRequirement: Record<TemplateKind, string> = {
  tasks: '"重点工作"以及"牵头单位""责任单位""完成时限""分管区领导""工作目标""主要措施"中的至少两列',
  progress: '"重点工作"（或"任务编号"）以及"累计进度(%)"或"状态"',
  plan: '"重点工作"（或"任务编号"）以及"节点目标"或"计划累计进度(%)"',
  evaluation: '"满意度得分"以及"评价主体"（或"单位""重点工作"）',
};

export interface HeaderColumn {
  /** 0-based column index. */
  index: number;
  letter: string;
  /** The header as written; a two-row header flattened to '进度情况/实际(%)'. */
  header: string;
  /** The field it stands for, when known. */
  field?: string;
  hidden: boolean;
}

export interface HeaderLayout {
  kind: TemplateKind;
  /** 0-based row of the (first) header row. */
  headerRow: number;
  /** 1, or 2 for a two-row header. */
  headerRows: number;
  /** 0-based first row after the header (and after a row of column numbers 1 2 3 …). */
  dataStartRow: number;
  /** Every column with a header text. */
  columns: HeaderColumn[];
  /** Field → 0-based column. A field written twice keeps its first (visible) column. */
  fields: Partial<Record<string, number>>;
  /** Columns whose field another column already has. */
  duplicates: HeaderColumn[];
}

/** A header cell's text: only text cells count (a number is data, not a header). */
function headerText(cell: Cell | undefined): string {
  return cell && cell.t === 'text' ? singleLine(cellText(cell)) : '';
}

/** The raw cell, before merged cells were filled down. */
function rawCell(view: SheetView, row: number, col: number): Cell | undefined {
  return view.raw[row]?.[col] ?? undefined;
}

/** Texts of one header row; a cell merged across columns gives its text to its first column only (or to all, with `spread`). */
function rowTexts(view: SheetView, row: number, spread: boolean): string[] {
  const texts: string[] = [];
  for (let c = 0; c < view.width; c++) {
    let text = headerText(rawCell(view, row, c));
    if (text === '') {
      const m = mergeAt(view, row, c);
      if (m && m.top === row && m.left < c && spread) text = headerText(rawCell(view, row, m.left));
    }
    texts.push(text);
  }
  return texts;
}

interface Block {
  rows: 1 | 2;
  texts: string[];
  /** Two rows tied together by merged cells: on a tie with the one-row reading, this one wins. */
  structural: boolean;
}

/**
 * The header blocks that could start at `row`: always the row alone; and two rows when the row
 * holds a known column name and the next row holds only texts, each under a gap of this row,
 * under a cell merged across ('进度情况' over '计划(%)' | '实际(%)'), or under an unmerged group
 * header followed by a gap — never under a plain header cell (that would be a data row).
 * Flattened: 'upper/lower'; a cell merged down gives its own text; without merges, a lower text
 * under a gap takes the nearest upper text on its left.
 */
function headerBlocks(view: SheetView, row: number, isKnown: (text: string) => boolean): Block[] {
  const top = rowTexts(view, row, false);
  const single: Block = { rows: 1, texts: top, structural: false };
  const next = row + 1;
  if (next >= view.rows.length || !top.some((t) => t !== '' && isKnown(t))) return [single];

  const spreadTop = rowTexts(view, row, true);
  const below: string[] = [];
  for (let c = 0; c < view.width; c++) {
    const cell = rawCell(view, next, c);
    if (cell && cell.t !== 'text' && cell.t !== 'error') return [single];
    below.push(headerText(cell));
  }
  if (below.every((t) => t === '')) return [single];
  let structural = false;
  for (let c = 0; c < view.width; c++) {
    if ((below[c] ?? '') === '' || (top[c] ?? '') === '') continue;
    const m = mergeAt(view, row, c);
    if (m !== undefined && m.top === row && m.bottom === row && m.right > m.left) {
      structural = true;
      continue;
    }
    // Without merges, a group header stands over its first sub-header, with a gap to its right.
    const groupGoesOn = (top[c + 1] ?? '') === '' && (below[c + 1] ?? '') !== '' && !mergeAt(view, row, c + 1);
    if (!groupGoesOn) return [single];
  }
  for (const m of view.merges) {
    if (m.top > row) break;
    if (m.top === row && m.bottom > row) structural = true;
  }

  const texts: string[] = [];
  let parent = '';
  for (let c = 0; c < view.width; c++) {
    let upper = spreadTop[c] ?? '';
    const m = mergeAt(view, row, c);
    if (upper !== '') parent = upper;
    else if (!m) upper = parent;
    const downward = mergeAt(view, next, c);
    const lower = downward && downward.top === row ? '' : (below[c] ?? '');
    texts.push(upper !== '' && lower !== '' && upper !== lower ? `${upper}/${lower}` : upper || lower);
  }
  return [single, { rows: 2, texts, structural }];
}

/** A row right under the header that numbers the columns 1, 2, 3 … (some templates have one). */
function isColumnNumberRow(view: SheetView, row: number): boolean {
  const cells = view.rows[row];
  if (!cells) return false;
  const values: number[] = [];
  for (const cell of cells) {
    if (!cell || (cell.t === 'text' && cell.v.trim() === '')) continue;
    const n = cell.t === 'number' ? cell.v : cell.t === 'text' ? Number(cell.v.trim()) : NaN;
    if (!Number.isInteger(n)) return false;
    values.push(n);
  }
  return (
    values.length >= 3 && values.every((n, i) => n === (values[0] ?? 0) + i) && (values[0] === 0 || values[0] === 1)
  );
}

export interface FindHeaderOptions {
  /** The templates to look for (default: all). */
  kinds?: readonly TemplateKind[];
  /** The office's aliases, merged over the defaults. */
  aliases?: ColumnAliasTable;
}

/**
 * The header of a sheet: within the first HEADER_SEARCH_ROWS rows, the header block whose
 * columns match the most fields of one template (and that template's required columns);
 * a tie goes to the earlier row. Undefined when no row qualifies.
 */
export function findHeader(view: SheetView, options: FindHeaderOptions = {}): HeaderLayout | undefined {
  const kinds = KIND_ORDER.filter((k) => !options.kinds || options.kinds.includes(k));
  const indexes = new Map<TemplateKind, AliasIndex>();
  for (const kind of KIND_ORDER) indexes.set(kind, aliasIndex(kind, options.aliases));
  const isKnown = (text: string): boolean =>
    [...indexes.values()].some((index) => fieldOfHeader(text, index) !== undefined);

  let best: { row: number; kind: TemplateKind; block: Block; score: number } | undefined;
  const last = Math.min(HEADER_SEARCH_ROWS, view.rows.length);
  for (let row = 0; row < last; row++) {
    const blocks = headerBlocks(view, row, isKnown);
    if (blocks[0]?.texts.every((t) => t === '')) continue;
    for (const kind of kinds) {
      const index = indexes.get(kind);
      if (!index) continue;
      // The better reading of this row for this template: two rows only when they add columns
      // (or tie and are merged together).
      let pick: { block: Block; score: number } | undefined;
      for (const block of blocks) {
        const fields = new Set<string>();
        for (const text of block.texts) {
          const field = text === '' ? undefined : fieldOfHeader(text, index);
          if (field !== undefined) fields.add(field);
        }
        if (!QUALIFIES[kind](fields)) continue;
        if (!pick || fields.size > pick.score || (fields.size === pick.score && block.structural)) {
          pick = { block, score: fields.size };
        }
      }
      if (pick && (!best || pick.score > best.score)) best = { row, kind, ...pick };
    }
  }
  if (!best) return undefined;

  const index = indexes.get(best.kind) ?? new Map<string, string>();
  const hidden = new Set(Array.isArray(view.sheet.hiddenColumns) ? view.sheet.hiddenColumns : []);
  const columns: HeaderColumn[] = [];
  best.block.texts.forEach((header, c) => {
    if (header === '') return;
    const column: HeaderColumn = { index: c, letter: columnLetter(c), header, hidden: hidden.has(c) };
    const field = fieldOfHeader(header, index);
    if (field !== undefined) column.field = field;
    columns.push(column);
  });
  // Visible columns claim their fields first: a hidden leftover column never wins over a shown one.
  const fields: Partial<Record<string, number>> = {};
  const duplicates: HeaderColumn[] = [];
  for (const column of [...columns.filter((c) => !c.hidden), ...columns.filter((c) => c.hidden)]) {
    if (column.field === undefined) continue;
    if (fields[column.field] === undefined) fields[column.field] = column.index;
    else duplicates.push(column);
  }
  let dataStartRow = best.row + best.block.rows;
  if (isColumnNumberRow(view, dataStartRow)) dataStartRow += 1;
  return {
    kind: best.kind,
    headerRow: best.row,
    headerRows: best.block.rows,
    dataStartRow,
    columns,
    fields,
    duplicates,
  };
}
