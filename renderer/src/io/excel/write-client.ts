// The page's side of the Excel writer: writeWorkbookOffThread(sheets) → the .xlsx bytes,
// written in a Web Worker (write-worker.ts) with the worker's fast timers. On the page's thread
// exceljs's browser build waits on clamped zero-delay timers (a few times slower) and blocks the
// window while it writes. One worker, created on demand, closed after a minute idle. Where
// there are no Workers (Node: the tests, the inspect script), the workbook is written in-thread.
import type { SheetSpec, WorkbookMeta } from './write';
import type { WriteRequest, WriteResponse } from './write-protocol';

/** The part of a Worker the client uses (a fake in tests). */
export interface WriterLike {
  postMessage(message: WriteRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WriteResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export interface WorkbookWriter {
  write(sheets: SheetSpec[], meta?: WorkbookMeta): Promise<Uint8Array>;
  dispose(): void;
}

const IDLE_CLOSE_MS = 60_000;
const FAILED = '生成Excel文件的后台进程意外停止，请重试';

export function createWorkbookWriter(createWorker: () => WriterLike): WorkbookWriter {
  let worker: WriterLike | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();

  const stop = (message: string) => {
    clearTimeout(idle);
    worker?.terminate();
    worker = null;
    for (const job of pending.values()) job.reject(new Error(message));
    pending.clear();
  };

  const start = (): WriterLike => {
    const w = createWorker();
    w.addEventListener('message', (event) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      if (event.data.message === undefined) job.resolve(event.data.bytes);
      else job.reject(new Error(event.data.message));
      if (pending.size === 0) idle = setTimeout(() => pending.size === 0 && stop(FAILED), IDLE_CLOSE_MS);
    });
    const fail = (event: Event) => {
      event.preventDefault?.();
      stop(FAILED);
    };
    w.addEventListener('error', fail);
    w.addEventListener('messageerror', fail);
    return w;
  };

  return {
    write(sheets, meta) {
      clearTimeout(idle);
      worker ??= start();
      const id = nextId++;
      const request: WriteRequest = { id, sheets, meta };
      const target = worker;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          target.postMessage(request);
        } catch (error) {
          // A value that cannot be cloned: nothing was sent.
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    dispose: () => stop(FAILED),
  };
}

function createWriteWorker(): WriterLike {
  // Vite sees this exact form and bundles write-worker.ts (and exceljs) as a separate chunk.
  return new Worker(new URL('./write-worker.ts', import.meta.url), { type: 'module' }) as unknown as WriterLike;
}

let shared: WorkbookWriter | null = null;

/** writeWorkbook (write.ts) in the writer worker where the page has Workers; in-thread elsewhere. */
export async function writeWorkbookOffThread(sheets: SheetSpec[], meta?: WorkbookMeta): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') {
    const { writeWorkbook } = await import('./write');
    return writeWorkbook(sheets, meta);
  }
  shared ??= createWorkbookWriter(createWriteWorker);
  return shared.write(sheets, meta);
}
