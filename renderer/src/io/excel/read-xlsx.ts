// .xlsx → GridSheet[] with exceljs. Only called after zip.ts has vetted the package.
import ExcelJS from 'exceljs';
import type { Cell, GridSheet, MergeRange } from '../../core/import/types';
import {
  decodeRange,
  finishSheet,
  MAX_CELL_TEXT,
  numberCell,
  isPictureFormula,
  isPictureText,
  readCells,
  textCell,
  TextTooLong,
  type PictureCell,
} from './cells';
import { dateCellFromExcelJs, isDateFormat, serialToDateCell } from './dates';

/** The parts of exceljs's Worksheet we read that its typings leave out. */
interface WorksheetInternals {
  columns?: Array<{ number: number; hidden?: boolean } | null | undefined> | null;
  /** The merged ranges as written in the sheet (see below). */
  [MERGE_REFS]?: unknown;
}

const MERGE_REFS = Symbol('mergeRefs');

/**
 * exceljs, loading a worksheet, checks each merged range against every earlier one and creates
 * every cell a range covers: 30,000 merges take minutes, one merge over A1:XFD1048576 runs out
 * of memory. The Grid needs only the ranges (finishSheet does the rest, in time bounded by the
 * cells), so its loader keeps them as written and touches no cell. Nothing else in the app loads
 * a workbook with exceljs, and a worksheet the app builds (write.ts) never goes through this.
 */
const worksheetPrototype = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as {
  _parseMergeCells?: (this: WorksheetInternals, model: { mergeCells?: unknown }) => void;
};
if (typeof worksheetPrototype._parseMergeCells !== 'function')
  throw new Error('exceljs: Worksheet._parseMergeCells is gone; see read-xlsx.ts');
worksheetPrototype._parseMergeCells = function (model) {
  this[MERGE_REFS] = model.mergeCells;
};

/**
 * Worksheet parts the Grid does not need. Skipping them saves time on sheets full of
 * conditional formats or validations, and avoids exceljs's known failures on some of them
 * (x14 extensions, validations with unusual references). Hyperlink cells keep their text.
 */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'autoFilter',
  'rowBreaks',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'picture',
  'drawing',
  'tableParts',
  'sheetProtection',
];

/** The sheets of an .xlsx; cells holding a WPS picture are left empty and added to `pictures`. */
export async function readXlsxSheets(bytes: Uint8Array, pictures: PictureCell[] = []): Promise<GridSheet[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own `Buffer` (an ArrayBuffer); JSZip underneath takes a Uint8Array as is.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: GridSheet[] = [];
  workbook.eachSheet((worksheet) => sheets.push(readWorksheet(worksheet, date1904, pictures)));
  return sheets;
}

function readWorksheet(worksheet: ExcelJS.Worksheet, date1904: boolean, pictures: PictureCell[]): GridSheet {
  const rows: Cell[][] = [];
  let r = 0;
  let c = 0;
  readCells(
    worksheet.name,
    () => [r, c],
    () =>
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: Cell[] = [];
        r = rowNumber - 1;
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          // A cell hidden under a merge reports its master's value; Excel shows it empty.
          if (cell.type === ExcelJS.ValueType.Merge) return;
          c = colNumber - 1;
          if (isPicture(cell.value)) pictures.push({ sheet: worksheet.name, row: r, column: c });
          else cells[c] = toCell(cell.value, cell.numFmt, date1904);
        });
        rows[r] = cells;
      }),
  );

  const internals = worksheet as unknown as WorksheetInternals;
  const refs = internals[MERGE_REFS];
  const merges: MergeRange[] = [];
  if (Array.isArray(refs)) {
    for (const ref of refs) {
      const range = typeof ref === 'string' ? decodeRange(ref) : undefined;
      if (range) merges.push(range);
    }
  }
  const hiddenColumns: number[] = [];
  for (const column of internals.columns ?? []) {
    if (column?.hidden) hiddenColumns.push(column.number - 1);
  }
  return finishSheet(
    worksheet.name,
    worksheet.state === 'hidden' || worksheet.state === 'veryHidden',
    rows,
    merges,
    hiddenColumns,
  );
}

function isPicture(value: ExcelJS.CellValue): boolean {
  if (typeof value === 'string') return isPictureText(value);
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return false;
  const { formula, result } = value as { formula?: unknown; result?: unknown };
  return (
    (typeof formula === 'string' && isPictureFormula(formula)) || (typeof result === 'string' && isPictureText(result))
  );
}

export function toCell(value: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return textCell(value);
    case 'number':
      if (isDateFormat(numFmt)) return serialToDateCell(value, date1904) ?? numberCell(value, numFmt);
      return numberCell(value, numFmt);
    case 'boolean':
      return { t: 'bool', v: value };
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return dateCellFromExcelJs(value, date1904, numFmt);
  if ('richText' in value) return textCell(richTextToString(value.richText));
  if ('error' in value) return { t: 'error', v: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula is its cached result; one never calculated (no result) is empty.
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null || (typeof result === 'object' && 'formula' in result)) return null;
    return toCell(result, numFmt, date1904);
  }
  if ('hyperlink' in value || 'text' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return textCell(text);
    if (typeof text === 'number' || typeof text === 'boolean') return textCell(String(text));
    if (text && typeof text === 'object' && 'richText' in text)
      return textCell(richTextToString((text as ExcelJS.CellRichTextValue).richText));
    return null;
  }
  return null;
}

/** Rich text joined, once per shared string (exceljs gives every cell that uses it the same runs). */
const joined = new WeakMap<ExcelJS.RichText[], string>();

function richTextToString(runs: ExcelJS.RichText[] | undefined): string {
  if (!runs) return '';
  let text = joined.get(runs);
  if (text === undefined) {
    let length = 0;
    for (const run of runs) length += run.text?.length ?? 0;
    if (length > MAX_CELL_TEXT) throw new TextTooLong();
    text = runs.map((run) => run.text ?? '').join('');
    joined.set(runs, text);
  }
  return text;
}
