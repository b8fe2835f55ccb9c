// What the mappers share: opening a workbook's table for one template (with the messages when
// it cannot be found), sorting its rows into data, notes, totals and blanks, and reading one
// field of a data row.

import { singleLine } from '../text';
import type { ColumnAliasTable } from './columns';
import { contextFromFileName, contextFromTexts, mergeContext, monthFromSheetName, type SheetContext } from './context';
import { headerRequirement, type HeaderLayout } from './headers';
import type { IssueList } from './issues';
import { isNoteRow, isTotalsRow, rowTexts } from './notes';
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellName,
  cellText,
  columnLetter,
  isBlankRow,
  sheetView,
  type SheetView,
} from './sheet';
import { detectTemplate, templateLabels, type WorkbookMeta } from './template';
import type { Cell, Grid, GridSheet, TemplateKind } from './types';

export interface OpenTable {
  view: SheetView;
  layout: HeaderLayout;
  /** Issues of this sheet. */
  issues: IssueList;
  meta?: WorkbookMeta;
}

/**
 * The table of one template in a workbook, or undefined with an error issue saying why not:
 * no sheets, the app's own workbook of another template, or no header found. Of several sheets
 * of the template the first is read, or the first that `prefer` picks. Warns about further
 * sheets of the same template that are not read and about cells beyond column IV;
 * tells (info) which columns were not recognised and which were read twice.
 */
export function openTable(
  grid: Grid,
  kind: TemplateKind,
  aliases: ColumnAliasTable | undefined,
  issues: IssueList,
  prefer?: (sheet: GridSheet) => boolean,
): OpenTable | undefined {
  const label = templateLabels[kind];
  const sheets = Array.isArray(grid.sheets) ? grid.sheets : [];
  if (sheets.length === 0) {
    issues.add('error', '文件中没有工作表');
    return undefined;
  }
  const found = detectTemplate(grid, { kinds: [kind], aliases, prefer });
  if (found.meta && found.meta.kind !== kind) {
    issues.add('error', `该文件是本系统导出的${templateLabels[found.meta.kind]}，不是${label}`);
    return undefined;
  }
  if (!found.sheet || !found.layout) {
    const visible = sheets.filter((s) => s && !s.hidden).length;
    issues.add(
      'error',
      visible === 0 ? '文件中没有可见的工作表' : `未找到${label}的表头：前15行中应有一行包含${headerRequirement[kind]}`,
    );
    return undefined;
  }
  const sheetIssues = issues.forSheet(found.sheet.name);
  for (const other of found.otherSheets) {
    issues.forSheet(other).add('warning', `工作表"${other}"也像${label}，但只读取了工作表"${found.sheet.name}"`);
  }
  const view = sheetView(found.sheet);
  const layout = found.layout;
  if (view.truncated) {
    sheetIssues.add('warning', `${columnLetter(MAX_COLUMNS - 1)}列以后的内容已忽略`);
  }
  if (view.truncatedRows) {
    sheetIssues.add('warning', `第${MAX_ROWS}行以后的内容已忽略`);
  }
  for (const column of layout.columns) {
    if (column.field === undefined && !column.hidden) {
      sheetIssues.add(
        'info',
        `${column.letter}列"${column.header}"不是可识别的列名，已忽略（可在"列名别名"中添加）`,
        layout.headerRow,
        column.index,
      );
    }
  }
  for (const column of layout.duplicates) {
    const kept = layout.fields[column.field ?? ''];
    sheetIssues.add(
      'warning',
      `${column.letter}列"${column.header}"与${columnLetter(kept ?? 0)}列是同一项，只读取了${columnLetter(kept ?? 0)}列`,
      layout.headerRow,
      column.index,
    );
  }
  const table: OpenTable = { view, layout, issues: sheetIssues };
  if (found.meta) table.meta = found.meta;
  return table;
}

export type RowKind = 'data' | 'blank' | 'note' | 'totals' | 'header';

/** The header texts of a layout's known columns as a repeated header row would write them. */
function headerWords(layout: HeaderLayout): Map<number, Set<string>> {
  const words = new Map<number, Set<string>>();
  for (const column of layout.columns) {
    if (column.field === undefined) continue;
    const parts = column.header.split('/');
    words.set(column.index, new Set([column.header, ...parts].map((t) => t.replace(/\s+/gu, ''))));
  }
  return words;
}

/** A header row repeated inside the table (a sheet pasted together from printed pages). */
function isRepeatedHeader(row: readonly Cell[], words: Map<number, Set<string>>): boolean {
  let same = 0;
  for (const [c, texts] of words) {
    const cell = row[c];
    if (cell && cell.t === 'text' && cell.v.length <= 40 && texts.has(cell.v.replace(/\s+/gu, ''))) same += 1;
  }
  return same >= 2 && same * 2 >= words.size;
}

/** What a row below the header is. */
export function rowKind(row: readonly Cell[] | undefined, layout: HeaderLayout, words = headerWords(layout)): RowKind {
  if (!row || isBlankRow(row)) return 'blank';
  if (isNoteRow(row)) return 'note';
  if (isTotalsRow(row)) return 'totals';
  if (isRepeatedHeader(row, words)) return 'header';
  return 'data';
}

/** The 0-based indexes of the data rows, and the texts of the note rows among them. */
export function tableRows(table: OpenTable): { data: number[]; notes: string[] } {
  const data: number[] = [];
  const notes: string[] = [];
  const { rows } = table.view;
  const words = headerWords(table.layout);
  for (let r = table.layout.dataStartRow; r < rows.length; r++) {
    const kind = rowKind(rows[r], table.layout, words);
    if (kind === 'data') data.push(r);
    else if (kind === 'note') notes.push(rowTexts(rows[r]).join(' '));
  }
  return { data, notes };
}

/** The texts of the rows above the header (titles, '填报单位：…'). */
export function titleTexts(table: OpenTable): string[] {
  const out: string[] = [];
  for (let r = 0; r < table.layout.headerRow; r++) {
    const texts = rowTexts(table.view.rows[r]);
    // A title merged across the sheet shows once; the view repeats only vertical merges.
    if (texts.length > 0) out.push([...new Set(texts)].join(' '));
  }
  return out;
}

/**
 * Unit, year and month as the workbook tells them, first finding wins per item: the _meta
 * sheet, the title and note rows, the file name, the sheet name (month only).
 */
export function workbookContext(fileName: string, table: OpenTable, noteTexts: readonly string[]): SheetContext {
  const meta: SheetContext = {};
  if (table.meta?.unit !== undefined) meta.unit = table.meta.unit;
  if (table.meta?.year !== undefined) meta.year = table.meta.year;
  if (table.meta?.month !== undefined) meta.month = table.meta.month;
  const texts = contextFromTexts([...titleTexts(table), ...noteTexts]);
  const file = contextFromFileName(fileName);
  const sheetMonth = monthFromSheetName(table.view.sheet.name);
  const sheet: SheetContext = sheetMonth === undefined ? {} : { month: sheetMonth };
  return mergeContext(meta, mergeContext(texts, mergeContext(file, sheet)));
}

/** Reads the fields of one data row; an error cell (#REF!) reads as empty, with a warning. */
export class RowReader {
  constructor(
    private readonly table: OpenTable,
    readonly row: number,
  ) {}

  /** The column of a field, if the sheet has it. */
  column(field: string): number | undefined {
    return this.table.layout.fields[field];
  }

  cell(field: string): Cell | undefined {
    const c = this.column(field);
    return c === undefined ? undefined : (this.table.view.rows[this.row]?.[c] ?? undefined);
  }

  /**
   * The cell's text as written ('' when absent); error cells are reported once and read as ''.
   * A number of 16 digits or more (an ID typed into a General cell) is read as Excel shows it
   * with format 0 — Excel keeps 15 significant digits, so the rest are zeros — with a warning.
   */
  raw(field: string): string {
    const cell = this.cell(field);
    if (cell && cell.t === 'error') {
      const c = this.column(field) ?? 0;
      this.table.issues.add(
        'warning',
        `${columnLetter(c)}列第${this.row + 1}行是错误值${cell.v}，按空白处理`,
        this.row,
        c,
      );
      return '';
    }
    if (cell && cell.t === 'number' && !cell.percent && Math.abs(cell.v) >= 1e15 && Number.isFinite(cell.v)) {
      const c = this.column(field) ?? 0;
      const shown = cellText(cell);
      this.table.issues.add(
        'warning',
        `${cellName(this.row, c)}的数字${shown}超过15位，Excel只保存15位有效数字，末尾几位已变成0；如果是证件号码或编号，请在Excel中把该列设为“文本”格式后重新填写`,
        this.row,
        c,
      );
      return shown;
    }
    return cellText(cell);
  }

  /** One line: titles, names, status words. */
  line(field: string): string {
    return singleLine(this.raw(field));
  }
}
