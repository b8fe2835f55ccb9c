// The Web Worker that reads Excel files off the page's thread. One request at a time per
// worker: { id, fileName, bytes } in, { id, result: ReadResult } out.
//
// Import order matters: the fast timers must be installed before exceljs is evaluated.
import './fast-timers-install';
import { messages, refusal } from './messages';
import type { ReadRequest, ReadResponse } from './protocol';
import { readWorkbook } from './read';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, fileName, bytes, maxBytes } = event.data;
  readWorkbook(fileName, bytes, { maxBytes })
    .catch(() => refusal(fileName, messages.workerFailed))
    .then((result) => scope.postMessage({ id, result }));
};
