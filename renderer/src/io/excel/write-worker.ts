// The Web Worker that writes .xlsx workbooks off the page's thread (write-client.ts): a long
// export (a template for every unit) neither freezes the window nor waits on the page's clamped
// timers. One request at a time: { id, sheets, meta } in, { id, bytes } or { id, message } out.
//
// Import order matters: the fast timers must be installed before exceljs is evaluated.
import './fast-timers-install';
import type { WriteRequest, WriteResponse } from './write-protocol';
import { writeWorkbook } from './write';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WriteRequest>) => void) | null;
  postMessage(message: WriteResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, sheets, meta } = event.data;
  writeWorkbook(sheets, meta).then(
    (bytes) => scope.postMessage({ id, bytes }, [bytes.buffer]),
    (error: unknown) => scope.postMessage({ id, message: error instanceof Error ? error.message : String(error) }),
  );
};
