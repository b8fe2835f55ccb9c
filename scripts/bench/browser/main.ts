// The benchmark page (built by scripts/bench/vite.config.ts, driven by scripts/bench/browser.ts):
// the app's real Worker path (io/excel/client.ts → worker.ts), its mapping and its commit into
// Chromium's IndexedDB, against exceljs's browser build loading the same bytes in a Worker.
import { mapProgress } from '../../../renderer/src/core/import/progress';
import { commitImport, sha256Hex } from '../../../renderer/src/db';
import { readWorkbookInWorker } from '../../../renderer/src/io/excel/client';
import { BENCH_MONTH, BENCH_YEAR } from '../constants';
import { clearImport, commitParts, importPlan, reportCount, setUpFixture, type Fixture } from '../plan';

interface StoredFile {
  name: string;
  bytes: Uint8Array;
}

export interface LargeRun {
  parse: number;
  map: number;
  plan: number;
  commit: number;
  total: number;
  rows: number;
}

export interface BenchApi {
  /** Stores files under `key` (bytes as base64). */
  put(key: string, files: { name: string; base64: string }[]): number;
  /** Per-file times (ms) of the app path, one file after the other: readWorkbookInWorker + mapProgress. */
  appSequential(key: string): Promise<number[]>;
  /** Time (ms) of the app path for all files at once, as the import screen does (pool of two workers). */
  appBatch(key: string): Promise<number>;
  /** Per-file times of a bare exceljs load in a Worker; `fast`: with the app's MessageChannel timers. */
  bareSequential(key: string, fast: boolean): Promise<number[]>;
  /** All files at once over two bare Workers. */
  bareBatch(key: string, fast: boolean): Promise<number>;
  /** Per-file times of a bare exceljs load and write (writeBuffer) in a Worker with fast timers. */
  bareLoadWrite(key: string): Promise<number[]>;
  /** The same on the page's main thread, whose timers Chromium clamps (where the app writes its exports). */
  bareLoadWriteMain(key: string): Promise<number[]>;
  setUp(unit: string, tasks: { id: string; title: string }[]): Promise<void>;
  /** The whole import of the first file under `key` into IndexedDB (undone afterwards). */
  largeImport(key: string): Promise<LargeRun>;
  /** commitImport's writes one by one (see plan.ts). */
  largeCommitParts(key: string): Promise<Record<string, number>>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

const stored = new Map<string, StoredFile[]>();
let fixture: Fixture | undefined;

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function filesOf(key: string): StoredFile[] {
  const files = stored.get(key);
  if (!files) throw new Error(`no files under ${key}`);
  return files;
}

async function appOne(file: StoredFile): Promise<number> {
  // The import screen hands the worker a copy (the transfer empties the buffer): counted.
  const read = await readWorkbookInWorker(file.name, file.bytes.slice());
  if (!read.ok) throw new Error(`${file.name}: ${read.message}`);
  const mapped = mapProgress(read.grid, { year: BENCH_YEAR, month: BENCH_MONTH });
  if (mapped.rows.length === 0) throw new Error(`${file.name}: no rows`);
  return mapped.rows.length;
}

// ---------------------------------------------------------------- bare workers

interface BarePool {
  load(bytes: Uint8Array, write?: boolean): Promise<void>;
}

function createBareWorker(fast: boolean): Worker {
  // Two literal forms, so that Vite bundles both workers.
  return fast
    ? new Worker(new URL('./bare-fast-worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./bare-worker.ts', import.meta.url), { type: 'module' });
}

function createBarePool(fast: boolean, size: number): BarePool {
  const workers = Array.from({ length: size }, () => createBareWorker(fast));
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;
  for (const worker of workers) {
    worker.onmessage = (event: MessageEvent<{ id: number; ok: boolean }>) => {
      const job = pending.get(event.data.id);
      pending.delete(event.data.id);
      idle.push(worker);
      waiting.shift()?.();
      if (event.data.ok) job?.resolve();
      else job?.reject(new Error('bare load failed'));
    };
  }
  return {
    async load(bytes, write = false) {
      while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
      const worker = idle.shift() as Worker;
      const copy = bytes.slice();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, bytes: copy, write }, [copy.buffer]);
      });
    },
  };
}

const pools = new Map<string, BarePool>();
function barePool(fast: boolean, size: number): BarePool {
  const key = `${fast}/${size}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = createBarePool(fast, size);
    pools.set(key, pool);
  }
  return pool;
}

// ---------------------------------------------------------------- the API

window.bench = {
  put(key, files) {
    stored.set(
      key,
      files.map((f) => ({ name: f.name, bytes: decode(f.base64) })),
    );
    return files.length;
  },

  async appSequential(key) {
    const times: number[] = [];
    for (const file of filesOf(key)) {
      const t = performance.now();
      await appOne(file);
      times.push(performance.now() - t);
    }
    return times;
  },

  async appBatch(key) {
    const t = performance.now();
    await Promise.all(filesOf(key).map(appOne));
    return performance.now() - t;
  },

  async bareSequential(key, fast) {
    const pool = barePool(fast, 1);
    const times: number[] = [];
    for (const file of filesOf(key)) {
      const t = performance.now();
      await pool.load(file.bytes);
      times.push(performance.now() - t);
    }
    return times;
  },

  async bareBatch(key, fast) {
    const pool = barePool(fast, 2);
    const t = performance.now();
    await Promise.all(filesOf(key).map((f) => pool.load(f.bytes)));
    return performance.now() - t;
  },

  async bareLoadWrite(key) {
    const pool = barePool(true, 1);
    const times: number[] = [];
    for (const file of filesOf(key)) {
      const t = performance.now();
      await pool.load(file.bytes, true);
      times.push(performance.now() - t);
    }
    return times;
  },

  async bareLoadWriteMain(key) {
    const { default: ExcelJS } = await import('exceljs');
    const times: number[] = [];
    for (const file of filesOf(key)) {
      const t = performance.now();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.bytes.slice().buffer);
      await book.xlsx.writeBuffer();
      times.push(performance.now() - t);
    }
    return times;
  },

  async setUp(unit, tasks) {
    fixture = await setUpFixture(unit, tasks);
  },

  async largeImport(key) {
    if (!fixture) throw new Error('setUp first');
    const file = filesOf(key)[0] as StoredFile;
    const t0 = performance.now();
    const read = await readWorkbookInWorker(file.name, file.bytes.slice());
    if (!read.ok) throw new Error(read.message);
    const t1 = performance.now();
    const mapped = mapProgress(read.grid, { year: BENCH_YEAR, month: BENCH_MONTH });
    const t2 = performance.now();
    const plan = importPlan(fixture, { name: file.name, sha256: await sha256Hex(file.bytes) }, mapped);
    const t3 = performance.now();
    const batch = await commitImport(plan);
    const t4 = performance.now();
    if (reportCount(plan) !== mapped.rows.length || batch.counts.created !== plan.creates.length) {
      throw new Error(`expected ${mapped.rows.length} reports, committed ${batch.counts.created} rows`);
    }
    await clearImport();
    return { parse: t1 - t0, map: t2 - t1, plan: t3 - t2, commit: t4 - t2, total: t4 - t0, rows: mapped.rows.length };
  },

  async largeCommitParts(key) {
    if (!fixture) throw new Error('setUp first');
    const file = filesOf(key)[0] as StoredFile;
    const read = await readWorkbookInWorker(file.name, file.bytes.slice());
    if (!read.ok) throw new Error(read.message);
    const mapped = mapProgress(read.grid, { year: BENCH_YEAR, month: BENCH_MONTH });
    return commitParts(importPlan(fixture, { name: file.name, sha256: 'a'.repeat(64) }, mapped));
  },
};

document.title = 'bench ready';
