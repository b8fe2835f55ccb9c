// Bytes of one file → a neutral Grid, or one clear Chinese reason why not. Never throws.
//
//   sniff (size, magic bytes, ZIP directory + inflate/CRC/XML checks, OLE2 directory)
//     → .xlsx: exceljs (SheetJS if exceljs cannot load the package)
//     → .xls (the Workbook stream), Excel 2.x–4.0: SheetJS
//     → encrypted with Excel's default password: decrypted (decrypt.ts), then as above
//
// In the app this runs inside a Web Worker (worker.ts, via client.ts); in Node (tests, the
// inspect command) it is called directly.
import type { GridSheet, ReadResult } from '../../core/import/types';
import { forgetTexts, SheetProblem } from './cells';
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
  try {
    const sheets = await readSheets(bytes, options, true);
    if (typeof sheets === 'string') return refusal(fileName, sheets);
    if (sheets.length === 0) return refusal(fileName, messages.noSheets);
    return { ok: true, grid: { fileName, sheets } };
  } catch (error) {
    if (error instanceof PasswordProtectedError) return refusal(fileName, messages.openPassword);
    if (error instanceof UnsupportedEncryption) return refusal(fileName, messages.encryptedOrNotExcel);
    if (error instanceof SheetProblem) return refusal(fileName, error.message);
    return refusal(fileName, messages.corrupt);
  } finally {
    forgetTexts();
  }
}

/** The sheets of a file, or the reason it is refused. `decrypt`: an encrypted package may be opened (once). */
async function readSheets(bytes: Uint8Array, options: ReadOptions, decrypt: boolean): Promise<GridSheet[] | string> {
  const sniffed = sniff(bytes, { maxBytes: options.maxBytes });
  if (!sniffed.ok) return sniffed.message;
  switch (sniffed.format) {
    case 'encrypted': {
      if (!decrypt) return messages.corrupt;
      const decrypted = decryptPackage(sniffed.encryptionInfo, sniffed.encryptedPackage);
      if (!decrypted) return messages.openPassword;
      // The package inside goes through every check an .xlsx does.
      return readSheets(decrypted, options, false);
    }
    case 'xls': {
      const stream = sniffed.filePass ? decryptBiffStream(sniffed.stream) : sniffed.stream;
      if (!stream) return messages.openPassword;
      if (sniffed.codePageText) await loadCodepages();
      return readBiffWithSheetJs(stream);
    }
    case 'xlsx': {
      let sheets: GridSheet[] | undefined;
      try {
        sheets = await readXlsxSheets(bytes);
      } catch (error) {
        if (error instanceof SheetProblem) throw error;
        sheets = undefined;
      }
      // exceljs finds worksheets by their usual part names (xl/worksheets/sheetN.xml) and
      // silently skips others; a package it cannot load, loads as empty (an .xlsb), or loads
      // with fewer sheets than it has worksheet parts gets a second chance with SheetJS.
      const worksheetParts = sniffed.entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).length;
      if (!sheets || sheets.length === 0 || sheets.length < worksheetParts) sheets = readWithSheetJs(bytes);
      return sheets;
    }
  }
}
