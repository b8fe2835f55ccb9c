// Legacy .xls (BIFF in an OLE2 container) → GridSheet[] with SheetJS (@e965/xlsx). Also the
// fallback for an .xlsx that exceljs cannot load (e.g. an .xlsb, or a package with unusual part
// names), after zip.ts has vetted it.
import * as XLSX from '@e965/xlsx';
import type { Cell, GridSheet, MergeRange } from '../../core/import/types';
import { ERROR_TEXT, finishSheet, isPictureText, numberCell, readCells, textCell, type PictureCell } from './cells';
import { isDateFormat, serialToDateCell } from './dates';
import { DEFAULT_PASSWORD, UnsupportedEncryption } from './decrypt';

/** The file has an open password of its own (not Excel's default). */
export class PasswordProtectedError extends Error {}

let codepagesLoaded: Promise<void> | null = null;

/**
 * Excel 5/95 files ("Book" stream, BIFF5) store text in the PC's code page — GBK (936) on a
 * Chinese Windows. SheetJS needs its code-page tables for that; they are large (≈ 470 KB), so
 * they are loaded only when such a file turns up (BIFF8 text is Unicode and needs none).
 */
export function loadCodepages(): Promise<void> {
  codepagesLoaded ??= import('@e965/xlsx/dist/cpexcel.full.mjs').then((cptable) => XLSX.set_cptable(cptable));
  return codepagesLoaded;
}

/** An .xlsx (or .xlsb) package that exceljs could not load. */
export function readWithSheetJs(bytes: Uint8Array, pictures: PictureCell[] = []): GridSheet[] {
  return sheetsOf(parse(bytes, 'array'), pictures);
}

/**
 * A BIFF stream on its own: an .xls's Workbook (or Book) stream, or a whole Excel 2.x–4.0
 * file. Given as 'buffer', SheetJS reads the bytes in place (as 'array' it would copy them into
 * a JavaScript array first). Its container is not needed: from it SheetJS would only read the
 * document properties, whose parse can fail on damaged ones and sets the code page globally.
 */
export function readBiffWithSheetJs(stream: Uint8Array, pictures: PictureCell[] = []): GridSheet[] {
  return sheetsOf(parse(stream, 'buffer'), pictures);
}

function parse(bytes: Uint8Array, type: 'array' | 'buffer'): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type,
      dense: true,
      cellDates: false,
      cellNF: true,
      // Hidden columns (!cols) are only read with cellStyles on.
      cellStyles: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      sheetStubs: false,
      // Excel 95's XOR obfuscation, which SheetJS undoes given the password; Excel opens a
      // file obfuscated with its default password without asking (decrypt.ts does RC4).
      password: DEFAULT_PASSWORD,
    });
  } catch (error) {
    if (error instanceof Error && /password/i.test(error.message)) throw new PasswordProtectedError(error.message);
    if (error instanceof Error && /encrypt/i.test(error.message)) throw new UnsupportedEncryption(error.message);
    throw error;
  }
}

/** Cells whose cached text is a WPS picture formula are left empty and added to `pictures`. */
function sheetsOf(workbook: XLSX.WorkBook, pictures: PictureCell[]): GridSheet[] {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheets: GridSheet[] = [];
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name];
    // SheetJS swallows an error inside one sheet (a shared-string index out of range, say) and
    // leaves the sheet out; a workbook that silently lost a sheet must not pass for a sound one.
    if (!sheet) throw new Error(`sheet "${name}" could not be read`);
    const kind = (sheet as { '!type'?: string })['!type'];
    if (kind === 'chart' || kind === 'dialog' || kind === 'macro') return;
    const visibility = workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0;
    sheets.push(readSheet(name, visibility !== 0, sheet, date1904, pictures));
  });
  return sheets;
}

function readSheet(
  name: string,
  hidden: boolean,
  sheet: XLSX.WorkSheet,
  date1904: boolean,
  pictures: PictureCell[],
): GridSheet {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: Cell[][] = [];
  let r = 0;
  let c = 0;
  readCells(
    name,
    () => [r, c],
    () =>
      data.forEach((source, row) => {
        if (!source) return;
        const cells: Cell[] = [];
        r = row;
        source.forEach((cell, column) => {
          c = column;
          if (!cell) return;
          if (typeof cell.v === 'string' && isPictureText(cell.v)) pictures.push({ sheet: name, row, column });
          else cells[column] = toCell(cell, date1904);
        });
        rows[row] = cells;
      }),
  );
  const merges: MergeRange[] = (sheet['!merges'] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  const hiddenColumns: number[] = [];
  (sheet['!cols'] ?? []).forEach((column, index) => {
    if (column?.hidden) hiddenColumns.push(index);
  });
  return finishSheet(name, hidden, rows, merges, hiddenColumns);
}

export function toCell(cell: XLSX.CellObject, date1904: boolean): Cell {
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? textCell(v) : v == null ? null : textCell(String(v));
    case 'n':
      if (typeof v !== 'number') return null;
      if (isDateFormat(cell.z as string | undefined))
        return serialToDateCell(v, date1904) ?? numberCell(v, cell.z as string | undefined);
      return numberCell(v, cell.z as string | undefined);
    case 'b':
      return { t: 'bool', v: Boolean(v) };
    case 'e':
      return { t: 'error', v: typeof v === 'number' ? (ERROR_TEXT[v] ?? `#ERR${v}`) : String(cell.w ?? v ?? '#ERR') };
    case 'd': {
      const date = v instanceof Date ? v : new Date(String(v));
      if (Number.isNaN(date.getTime())) return null;
      return { t: 'date', v: date.toISOString().slice(0, 10) };
    }
    default:
      return null;
  }
}
