// Benchmarks (a) and (b) in Chromium, through the app's real Worker path: drives the benchmark
// page (browser/main.ts) with Playwright.
import type { Browser, Page } from '@playwright/test';
import type { BenchApi, LargeRun } from './browser/main';
import type { BenchData, BenchFile } from './data';
import { fitLine, summarize, type Summary } from './stats';

const REPS_SEQUENTIAL = 5;
const REPS_BATCH = 3;
const REPS_CLAMPED = 2;
/** Files of the small set for the (slow) plain-Worker baseline. */
const CLAMPED_FILES = 30;
const REPS_LARGE = 3;

export interface BrowserSetResult {
  files: number;
  rows: number;
  /** Sum of per-file times over one sequential pass (one file after the other), per repetition. */
  appTotal: Summary;
  bareFastTotal: Summary;
  /** Mean over files of each file's median time. */
  appPerFile: number;
  bareFastPerFile: number;
  ratio: Summary;
}

export interface BrowserSmallResult {
  small: BrowserSetResult;
  medium: BrowserSetResult;
  /** Bare exceljs in a plain Worker, clamped timers: per-file time over the first small files. */
  bareClampedPerFile: number;
  bareClampedTotal: Summary;
  /** All small files at once (the import screen's way): app vs bare over two Workers. */
  appBatch: Summary;
  bareFastBatch: Summary;
  batchRatio: Summary;
  appFixed: number;
  bareFixed: number;
}

export interface BrowserLargeResult {
  rows: number;
  total: Summary;
  parse: Summary;
  map: Summary;
  commit: Summary;
  plan: Summary;
  bareFast: Summary;
  bareClamped: Summary;
  ratio: Summary;
  commitParts: Record<string, number>;
}

export interface BrowserResult {
  small?: BrowserSmallResult;
  large?: BrowserLargeResult;
  error?: string;
}

type Call = <K extends keyof BenchApi>(
  name: K,
  ...args: Parameters<BenchApi[K]>
) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

function caller(page: Page): Call {
  return (name, ...args) =>
    page.evaluate(
      ([n, a]) => (window.bench[n as keyof BenchApi] as (...x: unknown[]) => unknown)(...(a as unknown[])),
      [name, args] as const,
    ) as never;
}

const encode = (files: BenchFile[]) =>
  files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
const perFileMedianMean = (passes: number[][]) => {
  const files = passes[0]?.length ?? 0;
  let sum = 0;
  for (let i = 0; i < files; i++) sum += summarize(passes.map((p) => p[i] as number)).median;
  return files === 0 ? NaN : sum / files;
};
const total = (pass: number[]) => pass.reduce((s, t) => s + t, 0);

async function sequentialSet(call: Call, key: string, files: number, rows: number): Promise<BrowserSetResult> {
  // Warm-up: workers started, bundles compiled.
  await call('appSequential', key);
  await call('bareSequential', key, true);
  const app: number[][] = [];
  const bare: number[][] = [];
  for (let rep = 0; rep < REPS_SEQUENTIAL; rep++) {
    if (rep % 2 === 0) {
      bare.push(await call('bareSequential', key, true));
      app.push(await call('appSequential', key));
    } else {
      app.push(await call('appSequential', key));
      bare.push(await call('bareSequential', key, true));
    }
  }
  return {
    files,
    rows,
    appTotal: summarize(app.map(total)),
    bareFastTotal: summarize(bare.map(total)),
    appPerFile: perFileMedianMean(app),
    bareFastPerFile: perFileMedianMean(bare),
    ratio: summarize(app.map((a, i) => total(a) / total(bare[i] as number[]))),
  };
}

export async function benchBrowserImport(
  browser: Browser,
  url: string,
  data: BenchData,
  log: (s: string) => void,
): Promise<BrowserResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const result: BrowserResult = {};
  try {
    await page.goto(`${url}/index.html`);
    await page.waitForFunction(() => document.title === 'bench ready');
    const call = caller(page);
    await call('put', 'small', encode(data.small));
    await call('put', 'medium', encode(data.medium));
    await call('put', 'large', encode([data.large]));
    await call('put', 'clamped', encode(data.small.slice(0, CLAMPED_FILES)));

    log('  (b) small files in Chromium…');
    const small = await sequentialSet(call, 'small', data.small.length, data.smallRows);
    const medium = await sequentialSet(call, 'medium', data.medium.length, data.mediumRows);
    const clamped: number[][] = [];
    await call('bareSequential', 'clamped', false);
    for (let rep = 0; rep < REPS_CLAMPED; rep++) clamped.push(await call('bareSequential', 'clamped', false));
    const appBatch: number[] = [];
    const bareBatch: number[] = [];
    await call('appBatch', 'small');
    await call('bareBatch', 'small', true);
    for (let rep = 0; rep < REPS_BATCH; rep++) {
      bareBatch.push(await call('bareBatch', 'small', true));
      appBatch.push(await call('appBatch', 'small'));
    }
    const appLine = fitLine([
      { x: small.rows, y: small.appPerFile },
      { x: medium.rows, y: medium.appPerFile },
    ]);
    const bareLine = fitLine([
      { x: small.rows, y: small.bareFastPerFile },
      { x: medium.rows, y: medium.bareFastPerFile },
    ]);
    result.small = {
      small,
      medium,
      bareClampedPerFile: perFileMedianMean(clamped),
      bareClampedTotal: summarize(clamped.map(total)),
      appBatch: summarize(appBatch),
      bareFastBatch: summarize(bareBatch),
      batchRatio: summarize(appBatch.map((a, i) => a / (bareBatch[i] as number))),
      appFixed: appLine.intercept,
      bareFixed: bareLine.intercept,
    };

    log('  (a) 15k-row import in Chromium (real IndexedDB)…');
    await call('setUp', data.unit, data.largeTasks);
    const bigBare = async (fast: boolean) => total(await call('bareSequential', 'large', fast));
    await bigBare(true);
    await call('largeImport', 'large');
    const runs: LargeRun[] = [];
    const bareFast: number[] = [];
    const bareClamped: number[] = [];
    for (let rep = 0; rep < REPS_LARGE; rep++) {
      bareFast.push(await bigBare(true));
      runs.push(await call('largeImport', 'large'));
      bareClamped.push(await bigBare(false));
    }
    result.large = {
      rows: runs[0]?.rows ?? 0,
      total: summarize(runs.map((r) => r.total)),
      parse: summarize(runs.map((r) => r.parse)),
      map: summarize(runs.map((r) => r.map)),
      commit: summarize(runs.map((r) => r.commit)),
      plan: summarize(runs.map((r) => r.plan)),
      bareFast: summarize(bareFast),
      bareClamped: summarize(bareClamped),
      ratio: summarize(runs.map((r, i) => r.total / (bareFast[i] as number))),
      commitParts: await call('largeCommitParts', 'large'),
    };
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close();
  }
  return result;
}
