// The Excel worker of `npm run inspect`: reads one file at a time off the main thread, as
// io/excel/worker.ts does in the app, so that inspect.ts can stop a read that runs too long.
import { parentPort } from 'node:worker_threads';
import { messages, refusal } from '../renderer/src/io/excel/messages';
import type { ReadRequest, ReadResponse } from '../renderer/src/io/excel/protocol';
import { readWorkbook } from '../renderer/src/io/excel/read';

const port = parentPort;
if (!port) throw new Error('inspect-worker.ts runs as a worker thread');

port.on('message', ({ id, fileName, bytes, maxBytes }: ReadRequest) => {
  readWorkbook(fileName, bytes, { maxBytes })
    .catch(() => refusal(fileName, messages.workerFailed))
    .then((result) => port.postMessage({ id, result } satisfies ReadResponse));
});
