// Messages between write-client.ts (the page) and write-worker.ts.
import type { SheetSpec, WorkbookMeta } from './write';

export interface WriteRequest {
  id: number;
  sheets: SheetSpec[];
  meta?: WorkbookMeta;
}

/** The workbook's bytes, or why it could not be written (writeWorkbook's error message). */
export type WriteResponse = { id: number; bytes: Uint8Array; message?: undefined } | { id: number; message: string };
