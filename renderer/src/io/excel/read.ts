// Bytes of one file → a neutral Grid, or one clear Chinese reason why not. Never throws.
//
//   sniff (size, magic bytes, ZIP directory + inflate/CRC/XML checks, OLE2 directory)
//     → .xlsx: exceljs (SheetJS if exceljs cannot load the package)
//     → .xls:  SheetJS
//
// In the app this runs inside a Web Worker (worker.ts, via client.ts); in Node (tests, the
// inspect command) it is called directly.
import type { GridSheet, ReadResult } from '../../core/import/types';
import { forgetTexts, SheetProblem } from './cells';
import { messages, refusal } from './messages';
import { readXlsxSheets } from './read-xlsx';
import { loadCodepages, PasswordProtectedError, readWithSheetJs } from './read-xls';
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
    const sniffed = sniff(bytes, { maxBytes: options.maxBytes });
    if (!sniffed.ok) return refusal(fileName, sniffed.message);

    let sheets: GridSheet[] | undefined;
    if (sniffed.format === 'xlsx') {
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
    } else {
      if (sniffed.biff5) await loadCodepages();
      sheets = readWithSheetJs(bytes);
    }
    if (sheets.length === 0) return refusal(fileName, messages.noSheets);
    return { ok: true, grid: { fileName, sheets } };
  } catch (error) {
    if (error instanceof PasswordProtectedError) return refusal(fileName, messages.encryptedOrNotExcel);
    if (error instanceof SheetProblem) return refusal(fileName, error.message);
    return refusal(fileName, messages.corrupt);
  } finally {
    forgetTexts();
  }
}
