// Benchmarks (a) and (b) in Node: the app's reader (readWorkbook), mapping (mapProgress) and
// commit (commitImport into fake-indexeddb) against a bare exceljs load of the same bytes.
// Run by run.ts as a child process (node --expose-gc --import tsx), so that GC can be forced
// between measurements and fake-indexeddb stays out of the parent:
//
//   node --expose-gc --import tsx scripts/bench/node-import.ts DATA_DIR RESULT.json
//
// DATA_DIR holds the workbooks written by data.ts.
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapProgress } from '../../renderer/src/core/import/progress';
import type { Grid } from '../../renderer/src/core/import/types';
import { commitImport, sha256Hex } from '../../renderer/src/db';
import { readWorkbook } from '../../renderer/src/io/excel/read';
import { loadData, type BenchData } from './data';
import { BENCH_MONTH, BENCH_YEAR } from './generate';
import { clearImport, commitParts, importPlan, reportCount, setUpFixture, type Fixture } from './plan';
import { fitLine, summarize, type Summary } from './stats';

const REPS_LARGE = 5;
const REPS_SMALL = 5;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface LargeResult {
  rows: number;
  bytes: number;
  bare: Summary;
  total: Summary;
  parse: Summary;
  map: Summary;
  /** SHA-256 + building the plan + commitImport. */
  commit: Summary;
  /** Of which: SHA-256 and building the plan. */
  plan: Summary;
  ratio: Summary;
  /** One-off split of the commit's writes (each alone in its own transaction). */
  commitParts: Record<string, number>;
  /** One-off split of parsing: sniff (container checks) and exceljs + grid; absent if those internals moved. */
  parseSplit?: { sniff: number; readXlsx: number };
}

export interface SmallSetResult {
  files: number;
  rows: number;
  /** Sum over the files, per repetition. */
  bareTotal: Summary;
  appTotal: Summary;
  ratio: Summary;
  /** Mean over files of each file's median time. */
  barePerFile: number;
  appPerFile: number;
}

export interface SmallResult {
  small: SmallSetResult;
  medium: SmallSetResult;
  /** Regression over the two sizes: per-file time = fixed + perRow·rows. */
  appFixed: number;
  bareFixed: number;
  appPerRow: number;
  barePerRow: number;
  /** Per small file, one pass: sniff, exceljs + grid, mapProgress. */
  parseSplit?: { sniff: number; readXlsx: number; map: number };
}

export interface NodeResult {
  large: LargeResult;
  small: SmallResult;
}

async function bareLoad(bytes: Uint8Array): Promise<void> {
  await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
}

async function readGrid(name: string, bytes: Uint8Array): Promise<Grid> {
  const read = await readWorkbook(name, bytes);
  if (!read.ok) throw new Error(`${name}: ${read.message}`);
  return read.grid;
}

// ---------------------------------------------------------------- (a) 15k rows, whole import

async function pipeline(fx: Fixture, name: string, bytes: Uint8Array) {
  const t0 = performance.now();
  const grid = await readGrid(name, bytes);
  const t1 = performance.now();
  const mapped = mapProgress(grid, { year: BENCH_YEAR, month: BENCH_MONTH });
  const t2 = performance.now();
  const plan = importPlan(fx, { name, sha256: await sha256Hex(bytes) }, mapped);
  const t3 = performance.now();
  const batch = await commitImport(plan);
  const t4 = performance.now();
  if (reportCount(plan) !== mapped.rows.length || batch.counts.created !== plan.creates.length) {
    throw new Error(`expected ${mapped.rows.length} reports, committed ${batch.counts.created} rows`);
  }
  return { parse: t1 - t0, map: t2 - t1, plan: t3 - t2, commit: t4 - t2, total: t4 - t0, rows: mapped.rows.length };
}

async function timeBare(bytes: Uint8Array): Promise<number> {
  const t = performance.now();
  await bareLoad(bytes);
  return performance.now() - t;
}

async function commitSplit(fx: Fixture, name: string, bytes: Uint8Array): Promise<Record<string, number>> {
  const mapped = mapProgress(await readGrid(name, bytes), { year: BENCH_YEAR, month: BENCH_MONTH });
  return commitParts(importPlan(fx, { name, sha256: 'a'.repeat(64) }, mapped), gc);
}

interface ReaderInternals {
  sniff: (bytes: Uint8Array) => unknown;
  readXlsxSheets: (bytes: Uint8Array) => Promise<Grid['sheets']>;
}

/** The reader's two steps, if io/excel still has them under these names (only for the split). */
async function readerInternals(): Promise<ReaderInternals | undefined> {
  try {
    const [{ sniff }, { readXlsxSheets }] = await Promise.all([
      import('../../renderer/src/io/excel/sniff'),
      import('../../renderer/src/io/excel/read-xlsx'),
    ]);
    return typeof sniff === 'function' && typeof readXlsxSheets === 'function' ? { sniff, readXlsxSheets } : undefined;
  } catch {
    return undefined;
  }
}

/** Mean per file of sniff, exceljs + grid and mapProgress over one pass. */
async function parseSplit(
  files: { name: string; bytes: Uint8Array }[],
): Promise<{ sniff: number; readXlsx: number; map: number } | undefined> {
  const reader = await readerInternals();
  if (!reader) return undefined;
  let sniff = 0;
  let readXlsx = 0;
  let map = 0;
  gc();
  for (const f of files) {
    const t0 = performance.now();
    reader.sniff(f.bytes);
    const t1 = performance.now();
    const sheets = await reader.readXlsxSheets(f.bytes);
    const t2 = performance.now();
    mapProgress({ fileName: f.name, sheets }, { year: BENCH_YEAR, month: BENCH_MONTH });
    const t3 = performance.now();
    sniff += t1 - t0;
    readXlsx += t2 - t1;
    map += t3 - t2;
  }
  return { sniff: sniff / files.length, readXlsx: readXlsx / files.length, map: map / files.length };
}

async function benchLarge(data: BenchData): Promise<LargeResult> {
  const fx = await setUpFixture(data.unit, data.largeTasks);
  const { name, bytes } = data.large;
  // Warm-up (JIT, module initialisation), not counted.
  await timeBare(bytes);
  await pipeline(fx, name, bytes);
  await clearImport();

  const bare: number[] = [];
  const runs: Awaited<ReturnType<typeof pipeline>>[] = [];
  for (let rep = 0; rep < REPS_LARGE; rep++) {
    // Alternate the order so that drift (other load on the machine, heap growth) hits both.
    const order = rep % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
    for (const which of order) {
      gc();
      if (which === 'bare') bare.push(await timeBare(bytes));
      else {
        runs.push(await pipeline(fx, name, bytes));
        await clearImport();
      }
    }
  }
  const parts = await commitSplit(fx, name, bytes);
  const split = await parseSplit([data.large]);
  return {
    rows: runs[0]?.rows ?? 0,
    bytes: bytes.byteLength,
    bare: summarize(bare),
    total: summarize(runs.map((r) => r.total)),
    parse: summarize(runs.map((r) => r.parse)),
    map: summarize(runs.map((r) => r.map)),
    commit: summarize(runs.map((r) => r.commit)),
    plan: summarize(runs.map((r) => r.plan)),
    ratio: summarize(runs.map((r, i) => r.total / (bare[i] as number))),
    commitParts: parts,
    ...(split && { parseSplit: { sniff: split.sniff, readXlsx: split.readXlsx } }),
  };
}

// ---------------------------------------------------------------- (b) many small files

async function benchSet(
  files: { name: string; bytes: Uint8Array }[],
  rows: number,
  reps: number,
): Promise<SmallSetResult> {
  // Warm-up.
  for (const f of files.slice(0, 10)) {
    await bareLoad(f.bytes);
    mapProgress(await readGrid(f.name, f.bytes), { year: BENCH_YEAR, month: BENCH_MONTH });
  }
  const bareTimes: number[][] = files.map(() => []);
  const appTimes: number[][] = files.map(() => []);
  const bareTotals: number[] = [];
  const appTotals: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    gc();
    let bareSum = 0;
    let appSum = 0;
    for (const [i, f] of files.entries()) {
      // Each file through both paths, one after the other (order alternating by repetition).
      const runBare = async () => {
        const t = performance.now();
        await bareLoad(f.bytes);
        const d = performance.now() - t;
        bareTimes[i]?.push(d);
        bareSum += d;
      };
      const runApp = async () => {
        const t = performance.now();
        const mapped = mapProgress(await readGrid(f.name, f.bytes), { year: BENCH_YEAR, month: BENCH_MONTH });
        const d = performance.now() - t;
        if (mapped.rows.length !== rows) throw new Error(`${f.name}: ${mapped.rows.length} rows, expected ${rows}`);
        appTimes[i]?.push(d);
        appSum += d;
      };
      if (rep % 2 === 0) {
        await runBare();
        await runApp();
      } else {
        await runApp();
        await runBare();
      }
    }
    bareTotals.push(bareSum);
    appTotals.push(appSum);
  }
  const perFile = (times: number[][]) => times.reduce((s, t) => s + summarize(t).median, 0) / times.length;
  return {
    files: files.length,
    rows,
    bareTotal: summarize(bareTotals),
    appTotal: summarize(appTotals),
    ratio: summarize(appTotals.map((a, i) => a / (bareTotals[i] as number))),
    barePerFile: perFile(bareTimes),
    appPerFile: perFile(appTimes),
  };
}

async function benchSmall(data: BenchData): Promise<SmallResult> {
  const small = await benchSet(data.small, data.smallRows, REPS_SMALL);
  const medium = await benchSet(data.medium, data.mediumRows, REPS_SMALL);
  const app = fitLine([
    { x: small.rows, y: small.appPerFile },
    { x: medium.rows, y: medium.appPerFile },
  ]);
  const bare = fitLine([
    { x: small.rows, y: small.barePerFile },
    { x: medium.rows, y: medium.barePerFile },
  ]);
  const split = await parseSplit(data.small);
  return {
    small,
    medium,
    appFixed: app.intercept,
    bareFixed: bare.intercept,
    appPerRow: app.slope,
    barePerRow: bare.slope,
    ...(split && { parseSplit: split }),
  };
}

async function main(): Promise<void> {
  const [dataDir, out] = process.argv.slice(2);
  if (!dataDir || !out) throw new Error('usage: node-import.ts DATA_DIR RESULT.json');
  const data = await loadData(dataDir);
  const which = process.env.BENCH_ONLY;
  const result: Partial<NodeResult> = {};
  if (!which || which === 'large') {
    process.stderr.write('  (a) 15k-row import in Node…\n');
    result.large = await benchLarge(data);
  }
  if (!which || which === 'small') {
    process.stderr.write('  (b) small files in Node…\n');
    result.small = await benchSmall(data);
  }
  await writeFile(path.resolve(out), JSON.stringify(result, null, 2));
}

await main();
