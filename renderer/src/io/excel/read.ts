// Bytes of one file → a neutral Grid, or one clear Chinese reason why not. Never throws.
//
//   sniff (size, magic bytes, ZIP directory + inflate/CRC/XML checks, OLE2 directory)
//     → .xlsx: exceljs (SheetJS if exceljs cannot load the package)
//     → .xls (the Workbook stream), Excel 2.x–4.0: SheetJS
//     → encrypted with Excel's default password: decrypted (decrypt.ts), then as above
//
// In the app this runs inside a Web Worker (worker.ts, via client.ts); in Node (tests, the
// inspect command) it is called directly.
import type { Grid, GridSheet, ImportIssue, ReadResult } from '../../core/import/types';
import { columnLetter, forgetTexts, SheetProblem, type PictureCell } from './cells';
import { decryptBiffStream, decryptPackage, UnsupportedEncryption } from './decrypt';
import { messages, refusal } from './messages';
import { readXlsxSheets } from './read-xlsx';
import { loadCodepages, PasswordProtectedError, readBiffWithSheetJs, readWithSheetJs } from './read-xls';
import { sniff } from './sniff';

export interface ReadOptions {
  /** Files larger than this are refused before anything else (default 20 MB). */
  maxBytes?: number;
}

export async function readWorkbook(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<ReadResult> {
  // WPS 表格's own .et (and .ett templates) is usually an .xls or an .xlsx inside and is read
  // as one; when it is neither, only WPS can convert it.
  const wps = /\.ett?$/i.test(fileName);
  const refuse = (message: string) =>
    refusal(fileName, wps && WPS_CAN_CONVERT.has(message) ? messages.wpsOnly : message);
  try {
    const pictures: PictureCell[] = [];
    const sheets = await readSheets(bytes, options, pictures, true);
    if (typeof sheets === 'string') return refuse(sheets);
    if (sheets.length === 0) return refuse(messages.noSheets);
    const grid: Grid = { fileName, sheets };
    if (pictures.length > 0) grid.issues = pictureIssues(fileName, pictures);
    return { ok: true, grid };
  } catch (error) {
    if (error instanceof PasswordProtectedError) return refuse(messages.openPassword);
    if (error instanceof UnsupportedEncryption) return refuse(messages.encryptedOrNotExcel);
    if (error instanceof SheetProblem) return refuse(error.message);
    return refuse(messages.corrupt);
  } finally {
    forgetTexts();
  }
}

/** Refusals that mean "not a format this reader knows", where a WPS file is better converted by WPS. */
const WPS_CAN_CONVERT = new Set<string>([
  messages.notExcel,
  messages.encryptedOrNotExcel,
  messages.corrupt,
  messages.noSheets,
]);

/** Picture cells named one by one up to this many per file, then counted in one more warning. */
const MAX_PICTURE_ISSUES = 20;

function pictureIssues(file: string, pictures: PictureCell[]): ImportIssue[] {
  const issues: ImportIssue[] = pictures.slice(0, MAX_PICTURE_ISSUES).map(({ sheet, row, column }) => ({
    severity: 'warning',
    file,
    sheet,
    row: row + 1,
    column: columnLetter(column + 1),
    message: messages.pictureCell(`${columnLetter(column + 1)}${row + 1}`),
  }));
  if (pictures.length > MAX_PICTURE_ISSUES)
    issues.push({
      severity: 'warning',
      file,
      message: messages.morePictureCells(pictures.length - MAX_PICTURE_ISSUES),
    });
  return issues;
}

/**
 * The sheets of a file, or the reason it is refused; cells holding a WPS picture go to
 * `pictures`. `decrypt`: an encrypted package may be opened (once).
 */
async function readSheets(
  bytes: Uint8Array,
  options: ReadOptions,
  pictures: PictureCell[],
  decrypt: boolean,
): Promise<GridSheet[] | string> {
  const sniffed = sniff(bytes, { maxBytes: options.maxBytes });
  if (!sniffed.ok) return sniffed.message;
  switch (sniffed.format) {
    case 'encrypted': {
      if (!decrypt) return messages.corrupt;
      const decrypted = decryptPackage(sniffed.encryptionInfo, sniffed.encryptedPackage);
      if (!decrypted) return messages.openPassword;
      // The package inside goes through every check an .xlsx does.
      return readSheets(decrypted, options, pictures, false);
    }
    case 'xls': {
      const stream = sniffed.filePass ? decryptBiffStream(sniffed.stream) : sniffed.stream;
      if (!stream) return messages.openPassword;
      if (sniffed.codePageText) await loadCodepages();
      return readBiffWithSheetJs(stream, pictures);
    }
    case 'xlsx': {
      let sheets: GridSheet[] | undefined;
      try {
        sheets = await readXlsxSheets(bytes, pictures);
      } catch (error) {
        if (error instanceof SheetProblem) throw error;
        sheets = undefined;
      }
      // exceljs finds worksheets by their usual part names (xl/worksheets/sheetN.xml) and
      // silently skips others; a package it cannot load, loads as empty (an .xlsb), or loads
      // with fewer sheets than it has worksheet parts gets a second chance with SheetJS.
      const worksheetParts = sniffed.entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).length;
      if (!sheets || sheets.length === 0 || sheets.length < worksheetParts) {
        pictures.length = 0;
        sheets = readWithSheetJs(bytes, pictures);
      }
      return sheets;
    }
  }
}
