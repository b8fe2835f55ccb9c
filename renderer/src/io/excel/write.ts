// One declarative writer for every workbook the app exports (ledger, templates, rankings):
// sheets described as columns + rows come out styled and ready to print on A4.
//
// Layout of a sheet, top to bottom: [title] [subtitle] header row, data rows, [blank row,
// notes]. Text is always written as text (a shared string), never as a formula, so a value
// such as "=SUM(A1)" or "-3" typed by a unit stays exactly as typed.
import ExcelJS from 'exceljs';
import { columnLetter, MAX_CELL_TEXT } from './cells';

export { columnLetter, MAX_CELL_TEXT };

export type CellInput = string | number | boolean | Date | null | undefined;

export interface ColumnSpec {
  header: string;
  key: string;
  /** Width in Excel's character units; estimated from the header and values when omitted. */
  width?: number;
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
}

const FONT = {
  title: { name: '宋体', size: 16, bold: true, charset: 134 },
  subtitle: { name: '仿宋', size: 12, charset: 134 },
  header: { name: '宋体', size: 11, bold: true, charset: 134 },
  body: { name: '仿宋', size: 11, charset: 134 },
  note: { name: '仿宋', size: 10, charset: 134 },
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
    await writeSheet(workbook, spec, names[index] ?? `Sheet${index + 1}`, longLists);

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
): Promise<void> {
  const columnCount = Math.max(spec.columns.length, 1);
  const headerRow = 1 + (spec.title ? 1 : 0) + (spec.subtitle ? 1 : 0);
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + spec.rows.length;
  const protect = Boolean(spec.protectHeader) || spec.columns.some((c) => c.locked);
  const lastColumn = columnLetter(columnCount);

  const sheet = workbook.addWorksheet(name, {
    state: spec.hidden ? 'hidden' : 'visible',
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', differentFirst: false, differentOddEven: false },
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
    sheetColumn.width = column.width ?? estimateWidth(column, spec.rows);
    if (column.hidden) sheetColumn.hidden = true;
    // Blank cells below the table take the column's style: leave them editable too. Set
    // before any cell exists, because a column style is also copied onto existing cells.
    if (protect && !column.locked) sheetColumn.protection = { locked: false };
  });

  const lockedStyle = protect ? { protection: { locked: true } } : {};
  // Title and subtitle: one cell merged across the table.
  const banner = (row: number, text: string, style: Partial<ExcelJS.Style>, height: number) => {
    const cell = sheet.getCell(row, 1);
    cell.value = cleanText(text, name, row, 1);
    cell.style = { ...style, ...lockedStyle };
    if (columnCount > 1) sheet.mergeCells(`A${row}:${lastColumn}${row}`);
    sheet.getRow(row).height = height;
  };
  if (spec.title)
    banner(
      1,
      spec.title,
      { font: FONT.title, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
      32,
    );
  if (spec.subtitle)
    banner(
      spec.title ? 2 : 1,
      spec.subtitle,
      { font: FONT.subtitle, alignment: { horizontal: 'left', vertical: 'middle' } },
      20,
    );

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

  // One style object per column (and one for its dates), shared by its cells: exceljs
  // de-duplicates styles when writing, and sharing keeps large sheets quick.
  const bodyStyles = spec.columns.map((column) => bodyStyle(column, protect, column.numFmt));
  const dateStyles = spec.columns.map((column) => bodyStyle(column, protect, column.numFmt ?? DATE_FORMAT));
  spec.rows.forEach((record, r) => {
    const rowNumber = firstDataRow + r;
    const sheetRow = sheet.getRow(rowNumber);
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
    const totalWidth =
      spec.columns.reduce((sum, column, c) => sum + (column.hidden ? 0 : (sheet.getColumn(c + 1).width ?? 10)), 0) ||
      60;
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
      const lines = note
        .split('\n')
        .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / totalWidth)), 0);
      sheet.getRow(noteRow).height = Math.max(16, lines * 14 + 2);
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

function bodyStyle(column: ColumnSpec, protect: boolean, numFmt: string | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: FONT.body,
    border: BORDER,
    alignment: { vertical: 'middle', wrapText: Boolean(column.wrap) },
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

/** Width in Excel's units: CJK and full-width characters take about two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code > 0x2e80 ? 2.1 : 1.1;
  }
  return width;
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
