// One declarative writer for every workbook the app exports (ledger, templates, rankings):
// sheets described as columns + rows come out styled and ready to print on A4 (layout.ts: page
// setup, wrapped text, row heights).
//
// Layout of a sheet, top to bottom: [mark] [title] [subtitle] header row, data rows, [blank row,
// notes]. Text is always written as text (a shared string), never as a formula, so a value
// such as "=SUM(A1)" or "-3" typed by a unit stays exactly as typed.
import ExcelJS from 'exceljs';
import { columnLetter, MAX_CELL_TEXT } from './cells';
import { displayWidth, FONT_SIZE, lineCount, linesHeight, orientationFor, printSetup, rowHeight } from './layout';

export { columnLetter, displayWidth, MAX_CELL_TEXT };

export type CellInput = string | number | boolean | Date | null | undefined;

export interface ColumnSpec {
  header: string;
  key: string;
  /** Width in Excel's character units; estimated from the header and values when omitted. */
  width?: number;
  /** Wrap long text within the width; by default, when some value is wider than the column. */
  wrap?: boolean;
  hidden?: boolean;
  numFmt?: string;
  /** List validation, e.g. the status dropdown. */
  list?: string[];
  /** Whole-number/decimal range validation. */
  range?: { min: number; max: number };
  /** Locked data cells (effective when the sheet is protected: see SheetSpec.protectHeader). */
  locked?: boolean;
}

export interface SheetSpec {
  name: string;
  title?: string;
  subtitle?: string;
  columns: ColumnSpec[];
  rows: Record<string, CellInput>[];
  hidden?: boolean;
  /** Print across the page; by default landscape only when the columns do not fit a portrait page. */
  landscape?: boolean;
  /** Freeze the panes below the header row (default true). */
  freezeHeader?: boolean;
  /** Lines written below the table, e.g. 填报说明. */
  notes?: string[];
  /**
   * Protect the sheet (no password: it guards against slips, not people) with the title,
   * header and notes locked and the data cells editable except columns marked `locked`.
   * A sheet with a `locked` column is protected even without this flag.
   */
  protectHeader?: boolean;
}

export interface WorkbookMeta {
  creator?: string;
  /**
   * A line above the title of every visible sheet and in its page header, e.g. the sample
   * year's 示例数据 · 非正式文件 (core/model.ts SAMPLE_MARK).
   */
  mark?: string;
}

const FONT = {
  mark: { name: '宋体', size: FONT_SIZE.mark, bold: true, color: { argb: 'FFC00000' }, charset: 134 },
  title: { name: '宋体', size: FONT_SIZE.title, bold: true, charset: 134 },
  subtitle: { name: '仿宋', size: FONT_SIZE.subtitle, charset: 134 },
  header: { name: '宋体', size: FONT_SIZE.header, bold: true, charset: 134 },
  body: { name: '仿宋', size: FONT_SIZE.body, charset: 134 },
  note: { name: '仿宋', size: FONT_SIZE.note, charset: 134 },
} satisfies Record<string, Partial<ExcelJS.Font>>;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
/** Dates read as the app writes them everywhere: 2026年6月25日 (core/dates chineseDate). */
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const LIST_SHEET = '_lists';

/** The validations API exists on exceljs worksheets but is missing from its typings. */
interface WorksheetWithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export async function writeWorkbook(sheets: SheetSpec[], meta: WorkbookMeta = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator ?? '重点工作督查督办';
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  const longLists: string[][] = [];
  for (const [index, spec] of sheets.entries())
    await writeSheet(workbook, spec, names[index] ?? `Sheet${index + 1}`, longLists, meta.mark);

  if (longLists.length > 0) {
    // Lists too long for an inline "a,b,c" formula (255 characters) live on a very hidden sheet.
    const listSheet = workbook.addWorksheet(uniqueSheetNames([...names, LIST_SHEET]).at(-1) ?? LIST_SHEET, {
      state: 'veryHidden',
    });
    longLists.forEach((items, c) => items.forEach((item, r) => (listSheet.getCell(r + 1, c + 1).value = item)));
  }

  const buffer = await workbook.xlsx.writeBuffer();
  // A Node Buffer or the browser build's Buffer (both Uint8Arrays), typed by exceljs as ArrayBuffer: copy into a plain one.
  return new Uint8Array(buffer as unknown as ArrayLike<number>);
}

async function writeSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  name: string,
  longLists: string[][],
  workbookMark: string | undefined,
): Promise<void> {
  const columnCount = Math.max(spec.columns.length, 1);
  const mark = spec.hidden ? undefined : workbookMark;
  const titleRow = 1 + (mark ? 1 : 0);
  const headerRow = titleRow + (spec.title ? 1 : 0) + (spec.subtitle ? 1 : 0);
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + spec.rows.length;
  const protect = Boolean(spec.protectHeader) || spec.columns.some((c) => c.locked);
  const lastColumn = columnLetter(columnCount);
  const widths = spec.columns.map((column) => column.width ?? estimateWidth(column, spec.rows));
  const wraps = spec.columns.map((column, c) => column.wrap ?? wider(column, spec.rows, widths[c] ?? 10));
  const visibleWidths = widths.filter((_w, c) => !spec.columns[c]?.hidden);
  const tableWidth = visibleWidths.reduce((sum, w) => sum + w, 0) || 60;

  const sheet = workbook.addWorksheet(name, {
    state: spec.hidden ? 'hidden' : 'visible',
    ...printSetup({
      orientation:
        spec.landscape === undefined ? orientationFor(visibleWidths) : spec.landscape ? 'landscape' : 'portrait',
      headerRow,
      mark,
    }),
    views:
      spec.freezeHeader === false
        ? []
        : [
            {
              state: 'frozen',
              xSplit: 0,
              ySplit: headerRow,
              topLeftCell: `A${firstDataRow}`,
              activeCell: `A${firstDataRow}`,
            },
          ],
  });

  spec.columns.forEach((column, c) => {
    const sheetColumn = sheet.getColumn(c + 1);
    sheetColumn.width = widths[c];
    if (column.hidden) sheetColumn.hidden = true;
    // Blank cells below the table take the column's style: leave them editable too. Set
    // before any cell exists, because a column style is also copied onto existing cells.
    if (protect && !column.locked) sheetColumn.protection = { locked: false };
  });

  const lockedStyle = protect ? { protection: { locked: true } } : {};
  // Mark, title and subtitle: one cell merged across the table, as tall as its wrapped lines
  // (a merged cell is never auto-fitted).
  const banner = (
    row: number,
    text: string,
    font: Partial<ExcelJS.Font> & { size: number },
    align: 'center' | 'left',
  ) => {
    const cell = sheet.getCell(row, 1);
    cell.value = cleanText(text, name, row, 1);
    cell.style = { font, alignment: { horizontal: align, vertical: 'middle', wrapText: true }, ...lockedStyle };
    if (columnCount > 1) sheet.mergeCells(`A${row}:${lastColumn}${row}`);
    sheet.getRow(row).height = linesHeight(lineCount(text, tableWidth, true, font.size), font.size) + 4;
  };
  if (mark) banner(1, mark, FONT.mark, 'center');
  if (spec.title) banner(titleRow, spec.title, FONT.title, 'center');
  if (spec.subtitle) banner(titleRow + (spec.title ? 1 : 0), spec.subtitle, FONT.subtitle, 'left');

  const headerStyle: Partial<ExcelJS.Style> = {
    font: FONT.header,
    fill: HEADER_FILL,
    border: BORDER,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    ...lockedStyle,
  };
  spec.columns.forEach((column, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = cleanText(column.header, name, headerRow, c + 1);
    cell.style = headerStyle;
  });
  sheet.getRow(headerRow).height = rowHeight(
    spec.columns.flatMap((column, c) =>
      column.hidden ? [] : [{ text: column.header, width: widths[c] ?? 10, wrap: true }],
    ),
    FONT_SIZE.header,
  );

  // One style object per column (and one for its dates), shared by its cells: exceljs
  // de-duplicates styles when writing, and sharing keeps large sheets quick.
  const bodyStyles = spec.columns.map((column, c) => bodyStyle(column, wraps[c] ?? false, protect, column.numFmt));
  const dateStyles = spec.columns.map((column, c) =>
    bodyStyle(column, wraps[c] ?? false, protect, column.numFmt ?? DATE_FORMAT),
  );
  spec.rows.forEach((record, r) => {
    const rowNumber = firstDataRow + r;
    const sheetRow = sheet.getRow(rowNumber);
    // As tall as its tallest cell's wrapped text: readers do not grow a row written by a library.
    let lines = 1;
    spec.columns.forEach((column, c) => {
      const value = record[column.key];
      if (typeof value === 'string' && value !== '' && !column.hidden)
        lines = Math.max(lines, lineCount(value, widths[c] ?? 10, wraps[c] ?? false));
    });
    sheetRow.height = linesHeight(lines, FONT_SIZE.body);
    spec.columns.forEach((column, c) => {
      const cell = sheetRow.getCell(c + 1);
      const value = record[column.key];
      if (value instanceof Date) {
        if (!Number.isNaN(value.getTime())) {
          // The calendar date of its UTC parts, the convention the reader uses too.
          cell.value = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
        }
        cell.style = dateStyles[c] as Partial<ExcelJS.Style>;
        return;
      }
      if (typeof value === 'string') cell.value = value === '' ? null : cleanText(value, name, rowNumber, c + 1);
      else if (typeof value === 'number') cell.value = Number.isFinite(value) ? value : null;
      else if (typeof value === 'boolean') cell.value = value;
      cell.style = bodyStyles[c] as Partial<ExcelJS.Style>;
    });
  });

  // Validations cover the data rows.
  if (spec.rows.length > 0) {
    const validations = (sheet as unknown as WorksheetWithValidations).dataValidations;
    spec.columns.forEach((column, c) => {
      const range = `${columnLetter(c + 1)}${firstDataRow}:${columnLetter(c + 1)}${lastDataRow}`;
      if (column.list && column.list.length > 0) {
        validations.add(range, {
          type: 'list',
          allowBlank: true,
          formulae: [listFormula(column.list, longLists)],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: column.header,
          error: '请从下拉列表中选择',
        });
      } else if (column.range) {
        validations.add(range, {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [column.range.min, column.range.max],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: column.header,
          error: `请输入${column.range.min}到${column.range.max}之间的数字`,
        });
      }
    });
  }

  if (spec.notes && spec.notes.length > 0) {
    let noteRow = lastDataRow + 2;
    for (const note of spec.notes) {
      const cell = sheet.getCell(noteRow, 1);
      cell.value = cleanText(note, name, noteRow, 1);
      cell.style = {
        font: FONT.note,
        alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
        ...lockedStyle,
      };
      if (columnCount > 1) sheet.mergeCells(`A${noteRow}:${lastColumn}${noteRow}`);
      // Merged cells are never auto-fitted: size the row for its wrapped lines.
      sheet.getRow(noteRow).height = linesHeight(lineCount(note, tableWidth, true, FONT_SIZE.note), FONT_SIZE.note);
      noteRow++;
    }
  }

  if (protect) {
    await sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
}

function bodyStyle(
  column: ColumnSpec,
  wrap: boolean,
  protect: boolean,
  numFmt: string | undefined,
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: FONT.body,
    border: BORDER,
    alignment: { vertical: 'middle', wrapText: wrap },
  };
  if (numFmt) style.numFmt = numFmt;
  if (protect) style.protection = { locked: Boolean(column.locked) };
  return style;
}

/** `"a,b,c"` when it fits Excel's 255-character limit and no item has a comma or quote; else a range on the list sheet. */
function listFormula(items: string[], longLists: string[][]): string {
  const inline = items.join(',');
  if (inline.length <= 250 && !items.some((item) => /[,"]/.test(item))) return `"${inline}"`;
  longLists.push(items);
  const column = columnLetter(longLists.length);
  return `'${LIST_SHEET}'!$${column}$1:$${column}$${items.length}`;
}

/** Strips characters XML cannot carry and refuses text Excel would refuse to open. */
function cleanText(value: string, sheet: string, row: number, column: number): string {
  // eslint-disable-next-line no-control-regex -- removing exactly the control characters XML 1.0 forbids
  const text = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  if (text.length > MAX_CELL_TEXT) {
    throw new RangeError(
      `工作表"${sheet}"${columnLetter(column)}${row}单元格的文字超过Excel上限（${MAX_CELL_TEXT}字），无法导出`,
    );
  }
  return text;
}

/** Excel's sheet-name rules: 1–31 characters, none of []:*?/\, not quoted at the ends, unique ignoring case. */
export function uniqueSheetNames(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((raw, index) => {
    let base = raw
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim();
    if (!base) base = `Sheet${index + 1}`;
    if (base.toLowerCase() === 'history') base = `${base}_`;
    base = base.slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function estimateWidth(column: ColumnSpec, rows: Record<string, CellInput>[]): number {
  let widest = displayWidth(column.header);
  const sample = rows.length > 200 ? rows.slice(0, 200) : rows;
  for (const row of sample) {
    const value = row[column.key];
    if (value === null || value === undefined) continue;
    const text = value instanceof Date ? '2026年12月31日' : String(value);
    for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  }
  const max = column.wrap ? 40 : 50;
  return Math.round(Math.min(max, Math.max(6, widest + 2)));
}

/** Whether some text of the column is wider than the column: then it wraps rather than being cut. */
function wider(column: ColumnSpec, rows: Record<string, CellInput>[], width: number): boolean {
  for (const row of rows) {
    const value = row[column.key];
    if (typeof value !== 'string') continue;
    for (const line of value.split('\n')) if (displayWidth(line) > width - 1) return true;
  }
  return false;
}
