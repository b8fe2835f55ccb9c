// The page's side of the Excel worker: readWorkbookInWorker(fileName, bytes) → ReadResult.
//
// A small pool (two workers, created on demand, reused, closed after a minute idle): one
// worker per file would pay the start-up of the reader bundle for every file of a batch.
// Each file gets a time limit; a worker that does not answer in time is terminated (the only
// way to stop a runaway parse) and the file is reported, while the other files go on.
import type { ReadResult } from '../../core/import/types';
import { messages, refusal } from './messages';
import type { ReadRequest, ReadResponse } from './protocol';

export interface WorkerReadOptions {
  /** Time limit for one file (default 30 s). */
  timeoutMs?: number;
  /** Passed to readWorkbook (default 20 MB). */
  maxBytes?: number;
}

/** The part of a Worker the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReadResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export interface ReaderPool {
  read(fileName: string, bytes: Uint8Array, options?: WorkerReadOptions): Promise<ReadResult>;
  /** Terminates every worker; files still waiting or in progress are reported as failed. */
  dispose(): void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const IDLE_CLOSE_MS = 60_000;

interface Job {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  maxBytes?: number;
  timeoutMs: number;
  resolve: (result: ReadResult) => void;
}

interface Slot {
  worker: WorkerLike;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export function createReaderPool(createWorker: () => WorkerLike, size = 2): ReaderPool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;

  const retire = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    slot.worker.terminate();
  };

  const finish = (slot: Slot, result: ReadResult, keepWorker: boolean) => {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (!keepWorker) retire(slot);
    job?.resolve(result);
    pump();
  };

  const spawn = (): Slot | null => {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch {
      return null;
    }
    const slot: Slot = { worker, job: null, timer: null };
    worker.addEventListener('message', (event: MessageEvent<ReadResponse>) => {
      if (slot.job && event.data?.id === slot.job.id) finish(slot, event.data.result, true);
    });
    const fail = (event: Event) => {
      event.preventDefault?.();
      if (slot.job) finish(slot, refusal(slot.job.fileName, messages.workerFailed), false);
      else retire(slot);
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    slots.push(slot);
    return slot;
  };

  const start = (slot: Slot, job: Job) => {
    slot.job = job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      if (slot.job === job) finish(slot, refusal(job.fileName, messages.timeout(job.timeoutMs)), false);
    }, job.timeoutMs);
    // Hand the bytes over without copying when they are a whole ArrayBuffer of their own.
    const own =
      job.bytes.buffer instanceof ArrayBuffer &&
      job.bytes.byteOffset === 0 &&
      job.bytes.byteLength === job.bytes.buffer.byteLength;
    const bytes = own ? job.bytes : job.bytes.slice();
    const request: ReadRequest = { id: job.id, fileName: job.fileName, bytes, maxBytes: job.maxBytes };
    try {
      slot.worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
    } catch {
      finish(slot, refusal(job.fileName, messages.workerFailed), false);
    }
  };

  const pump = () => {
    while (queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : null);
      if (!slot) {
        // No worker could be started at all: report the waiting files rather than hang.
        if (slots.length === 0)
          for (const job of queue.splice(0)) job.resolve(refusal(job.fileName, messages.workerFailed));
        return;
      }
      start(slot, queue.shift() as Job);
    }
    // Close workers that have nothing to do for a while; they hold the parsed libraries in memory.
    for (const slot of slots) {
      if (!slot.job && !slot.timer) slot.timer = setTimeout(() => !slot.job && retire(slot), IDLE_CLOSE_MS);
    }
  };

  return {
    read(fileName, bytes, options = {}) {
      return new Promise<ReadResult>((resolve) => {
        queue.push({
          id: nextId++,
          fileName,
          bytes,
          maxBytes: options.maxBytes,
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          resolve,
        });
        pump();
      });
    },
    dispose() {
      for (const job of queue.splice(0)) job.resolve(refusal(job.fileName, messages.workerFailed));
      for (const slot of [...slots]) {
        const job = slot.job;
        slot.job = null;
        retire(slot);
        job?.resolve(refusal(job.fileName, messages.workerFailed));
      }
    },
  };
}

function createExcelWorker(): WorkerLike {
  // Vite sees this exact form and bundles worker.ts (and exceljs/SheetJS) as a separate chunk.
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

let sharedPool: ReaderPool | null = null;

/**
 * Reads one file in a Web Worker. The bytes are transferred to the worker, which leaves the
 * caller's ArrayBuffer detached (empty): compute anything else you need from the bytes (such
 * as the file's SHA-256) before calling, or pass a copy. A view into a larger buffer is copied.
 */
export function readWorkbookInWorker(
  fileName: string,
  bytes: Uint8Array,
  options: WorkerReadOptions = {},
): Promise<ReadResult> {
  sharedPool ??= createReaderPool(createExcelWorker);
  return sharedPool.read(fileName, bytes, options);
}

/** Stops the Excel workers (e.g. when leaving the import screen); the next read starts new ones. */
export function terminateExcelWorkers(): void {
  sharedPool?.dispose();
  sharedPool = null;
}
