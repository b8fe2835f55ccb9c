// The district benchmark (issue 17): a large district driven through the built app in Chromium,
// at three sizes (120 tasks × 40 units, 300 × 80, 600 × 120). For each size, in a fresh
// browser context (its own IndexedDB), with the clock at 2026-06-27 (after June's due date):
//
// 1. the task list, units, 月方案 milestones and rule table written into the app's database
//    (district-data.ts); the ledger opened; the JS heap measured (after a forced GC, CDP);
// 2. every unit's June 月度进展 template exported through the UI (月度进展 → 导出6月进展表, the
//    browser's .zip), from the click to the download;
// 3. the templates filled in with exceljs in Node (district-data.ts fillTemplates);
// 4. the bare baselines in the same browser, on the benchmark page: exceljs loading the filled
//    sheets, and loading and writing the templates, one after another in a Worker with the
//    app's fast timers (and the latter also on a page's main thread, where the app writes);
// 5. all filled sheets imported in one batch through the UI (导入6月进展 → choose → preview;
//    then 全部移除 and again; then 确认导入), checked against the store;
// 6. each month screen's first useful view, navigating from 列名别名 (a light screen) as a
//    click in the drawer does: the time until the screen's first data row (a concrete
//    selector each, below) is in the DOM and a frame has been produced;
// 7. the JS heap again, after the import and every screen.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DISTRICT_MONTH,
  DISTRICT_SIZES,
  DISTRICT_TODAY,
  fillTemplates,
  generateDistrict,
  seedDistrict,
  type DistrictSize,
} from './district-data';
import { summarize, type Summary } from './stats';

const M = DISTRICT_MONTH;
/** Timed rounds of each export, import and screen, after a first (warm-up) one. */
const RUNS = 3;
const SLOW_SCREEN_MS = 5_000;

/** A month screen: its route, and the selector of its first useful view (the first data row). */
export interface ScreenSpec {
  label: string;
  route: string;
  selector: string;
}

export const SCREENS: ScreenSpec[] = [
  { label: '首页', route: 'home', selector: '[aria-label="红黄绿灯统计"]' },
  {
    label: '任务台账',
    route: 'ledger',
    selector: '[role="table"][aria-label="任务台账"] [role="row"][aria-rowindex="2"]',
  },
  { label: '月方案', route: 'plans', selector: 'table[aria-label="月方案报送情况"] tbody tr' },
  { label: '月度进展', route: `reports/${M}`, selector: 'table[aria-label="任务进展"] tbody tr' },
  { label: '督查反馈', route: `feedback/${M}`, selector: 'section[aria-label$="的督查反馈"] tbody tr' },
  { label: '加扣分', route: `scores/${M}`, selector: 'section[aria-label$="的加扣分"] tbody tr' },
  { label: '赛马排名', route: `ranking/${M}`, selector: 'table[aria-label$="排名"] tbody tr' },
  { label: '红黑榜', route: `lists/${M}`, selector: 'table[aria-label$="红黑榜"] tbody tr' },
];

export interface Heap {
  /** Runtime.getHeapUsage after HeapProfiler.collectGarbage, in MB (10^6 bytes). */
  usedMB: number;
  totalMB: number;
}

export interface DistrictSizeResult {
  tasks: number;
  units: number;
  /** Template rows exported (reports asked for) and workbooks. */
  templateRows: number;
  workbooks: number;
  /** Sheets sent back, reports in them (rows with a percent), rows left blank, units missing. */
  files: number;
  reports: number;
  blankRows: number;
  missingUnits: number;
  seedMs: number;
  /** The first export of the page (starts the writer worker). */
  firstExportMs?: number;
  exportMs: Summary;
  /** Whether a 正在生成 n/N progress text was seen during the export (not kept in an older baseline). */
  exportProgressSeen?: boolean;
  /** choose → preview shown (every file read, planned and previewed); the first starts the reader workers. */
  firstPreviewMs?: number;
  previewMs: Summary;
  /** 确认导入 → success message. */
  commitMs: number;
  storedReports: number;
  bareLoad: Summary;
  bareLoadWrite: Summary;
  /** Once, after the rounds: the same load + write on a page's main thread. */
  bareLoadWriteMain: number;
  screens: Record<string, Summary>;
  heapAfterTasks: Heap;
  heapAfterPreview: Heap;
  heapAfterAll: Heap;
}

export interface DistrictResult {
  sizes: DistrictSizeResult[];
  error?: string;
}

// Runs before the app's scripts on every load. (The __name line: tsx compiles this file keeping
// function names, and the functions handed to page.evaluate then call esbuild's __name helper.)
const INIT = `globalThis.__name ??= (fn) => fn;`;

async function heap(page: Page): Promise<Heap> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return { usedMB: usage.usedSize / 1e6, totalMB: usage.totalSize / 1e6 };
  } finally {
    await cdp.detach();
  }
}

/** Sets the hash and waits, in the page, until `selector` is in the DOM and a frame has run; ms from the hash change. */
async function timeRoute(page: Page, route: string, selector: string): Promise<number> {
  return page.evaluate(
    async ({ route, selector }) => {
      const t0 = performance.now();
      window.location.hash = `#/${route}`;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`#/${route}: no ${selector} after 120 s`));
        }, 120_000);
        const check = () => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true });
        check();
      });
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        }),
      );
      return performance.now() - t0;
    },
    { route, selector },
  );
}

/** From 列名别名 (a screen with no data of the year) to `screen`. */
async function visit(page: Page, screen: ScreenSpec): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/aliases'));
  await page.getByRole('heading', { name: '列名别名' }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(200);
  return timeRoute(page, screen.route, screen.selector);
}

/**
 * Starts watching the page for an element matching `selector` (and `text`); the returned
 * function waits for it and gives the page's time (performance.now) when it first appeared. A
 * MutationObserver in the page, polled from here every 100 ms: polling the DOM on every frame
 * would take the page's main thread from the app being measured.
 */
async function watchFor(page: Page, selector: string, text?: RegExp): Promise<(timeoutMs?: number) => Promise<number>> {
  const id = await page.evaluate(
    ({ selector, source }) => {
      const w = window as unknown as { __seen?: (number | null)[] };
      const seen = (w.__seen ??= []);
      const id = seen.push(null) - 1;
      const pattern = source === null ? null : new RegExp(source);
      const check = () => {
        const found = [...document.querySelectorAll(selector)].some(
          (e) => !pattern || pattern.test(e.textContent ?? ''),
        );
        if (!found) return;
        seen[id] = performance.now();
        observer.disconnect();
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      check();
      return id;
    },
    { selector, source: text?.source ?? null },
  );
  return async (timeoutMs = 300_000) =>
    (await (
      await page.waitForFunction((i) => (window as unknown as { __seen: (number | null)[] }).__seen[i], id, {
        timeout: timeoutMs,
        polling: 100,
      })
    ).jsonValue()) as number;
}

/** Exports June's templates through the UI; the zip's files and the time from the click to the download. */
async function exportTemplates(
  page: Page,
  dir: string,
  run: number,
): Promise<{ ms: number; files: Map<string, Uint8Array>; progressSeen: boolean }> {
  await timeRoute(page, `reports/${M}`, 'table[aria-label="任务进展"] tbody tr');
  const progress = await watchFor(page, 'button, [role="alert"]', /正在生成 \d+\/\d+/);
  const download = page.waitForEvent('download', { timeout: 300_000 });
  const t0 = performance.now();
  await page.getByRole('button', { name: `导出${M}月进展表` }).click();
  const file = await download;
  const ms = performance.now() - t0;
  const zip = path.join(dir, `export-${run}.zip`);
  await file.saveAs(zip);
  const files = new Map(Object.entries(unzipSync(new Uint8Array(await readFile(zip)))));
  // Seen already, or not at all: the first check answers.
  const progressSeen = await progress(5_000).then(
    () => true,
    () => false,
  );
  return { ms, files, progressSeen };
}

/** Chooses `paths` on the import screen; ms from the file input's change to the preview of `reports` new rows. */
async function previewImport(page: Page, paths: string[], reports: number): Promise<number> {
  await timeRoute(page, `import/progress/${M}`, 'button');
  const choose = page.getByRole('button', { name: '选择月度进展文件' });
  await choose.waitFor();
  if (await page.getByRole('button', { name: '全部移除' }).isVisible()) {
    await page.getByRole('button', { name: '全部移除' }).click();
    await page.getByRole('table', { name: '文件' }).waitFor({ state: 'detached' });
  }
  await page.evaluate(() => {
    const w = window as unknown as { __chosenAt?: number };
    document.addEventListener(
      'change',
      (e) => {
        if ((e.target as HTMLInputElement).type === 'file') w.__chosenAt = performance.now();
      },
      { capture: true, once: true },
    );
  });
  const preview = await watchFor(page, 'h3', new RegExp(`^预览：新增 ${reports} 条`));
  const chooser = page.waitForEvent('filechooser');
  await choose.click();
  await (await chooser).setFiles(paths);
  const shown = await preview();
  return shown - (await page.evaluate(() => (window as unknown as { __chosenAt: number }).__chosenAt));
}

async function storedReportCount(page: Page, yearId: string): Promise<number> {
  return page.evaluate(
    async ({ yearId, month }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const idb = await request(indexedDB.open('duchaduban'));
      const tx = idb.transaction('reports', 'readonly');
      const count = await request(tx.objectStore('reports').index('[yearId+month]').count([yearId, month]));
      idb.close();
      return count;
    },
    { yearId, month: M },
  );
}

type BenchCall = (name: string, ...args: unknown[]) => Promise<unknown>;

async function benchSize(
  context: BrowserContext,
  appUrl: string,
  bench: BenchCall,
  size: DistrictSize,
  dir: string,
  log: (line: string) => void,
): Promise<DistrictSizeResult> {
  const label = `${size.tasks} × ${size.units}`;
  const district = generateDistrict(size);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${DISTRICT_TODAY}T10:00:00+08:00`));
  await page.goto(`${appUrl}/#/aliases`);
  log(`  ${label}: seeding ${district.tasks.length} tasks, ${district.units.length} units…`);
  let t = performance.now();
  await seedDistrict(page, district);
  const seedMs = performance.now() - t;
  await page.evaluate(() => (window.location.hash = '#/ledger'));
  await page.reload();
  await page.locator(SCREENS[1]!.selector).first().waitFor({ timeout: 60_000 });
  const heapAfterTasks = await heap(page);

  // The first export gives the templates (and starts the writer); then rounds of the bare
  // baseline and the export in turn, so that load from other processes falls on both alike.
  log(`  ${label}: exporting the ${M}月 templates…`);
  const first = await exportTemplates(page, dir, 0);
  const templates = first.files;
  let progressSeen = first.progressSeen;
  const withTasks = district.units.filter((u) =>
    district.tasks.some((task) => task.leadUnitId === u.id || task.coUnitIds.includes(u.id)),
  ).length;
  if (templates.size !== withTasks) throw new Error(`${label}: ${templates.size} templates, expected ${withTasks}`);
  let templateRows = 0;
  for (const bytes of templates.values()) {
    // Rows of the template = task ids in the hidden column, counted in the shared strings.
    const sheet = unzipSync(bytes, { filter: (f) => f.name === 'xl/sharedStrings.xml' })['xl/sharedStrings.xml'];
    templateRows += (new TextDecoder().decode(sheet).match(/bench-task-/g) ?? []).length;
  }
  const encode = (files: Iterable<[string, Uint8Array]>) =>
    [...files].map(([name, bytes]) => ({ name, base64: Buffer.from(bytes).toString('base64') }));
  const sum = (times: unknown) => (times as number[]).reduce((s, x) => s + x, 0);
  await bench('put', 'templates', encode(templates));
  await bench('bareLoadWrite', 'templates');
  const exportMs: number[] = [];
  const bareLoadWrite: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    bareLoadWrite.push(sum(await bench('bareLoadWrite', 'templates')));
    const out = await exportTemplates(page, dir, run);
    exportMs.push(out.ms);
    progressSeen ||= out.progressSeen;
  }
  const bareLoadWriteMain = sum(await bench('bareLoadWriteMain', 'templates'));

  log(`  ${label}: filling them in (exceljs in Node)…`);
  const filled = await fillTemplates(templates);
  const sizeDir = path.join(dir, `${size.tasks}x${size.units}`);
  await mkdir(sizeDir, { recursive: true });
  const paths: string[] = [];
  for (const f of filled.files) {
    const p = path.join(sizeDir, f.name);
    await writeFile(p, f.bytes);
    paths.push(p);
  }

  // A first import starts the reader workers; then rounds of the bare baseline and the import.
  log(`  ${label}: importing ${filled.files.length} sheets (${filled.reports} reports) in one batch…`);
  await bench('put', 'filled', encode(filled.files.map((f) => [f.name, f.bytes])));
  await bench('bareSequential', 'filled', true);
  const firstPreviewMs = await previewImport(page, paths, filled.reports);
  const previewMs: number[] = [];
  const bareLoad: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    bareLoad.push(sum(await bench('bareSequential', 'filled', true)));
    previewMs.push(await previewImport(page, paths, filled.reports));
  }
  const heapAfterPreview = await heap(page);
  t = performance.now();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(`已导入 ${filled.files.length} 个文件`).waitFor({ timeout: 300_000 });
  const commitMs = performance.now() - t;
  const storedReports = await storedReportCount(page, district.year.id);
  if (storedReports !== filled.reports)
    throw new Error(`${label}: ${storedReports} reports stored, expected ${filled.reports}`);

  // Each screen once to warm up, then RUNS rounds; a screen whose warm-up took over
  // SLOW_SCREEN_MS is timed once only (the whole part stays within minutes).
  log(`  ${label}: the month screens…`);
  const screens: Record<string, number[]> = {};
  const warm: Record<string, number> = {};
  for (const screen of SCREENS) {
    warm[screen.label] = await visit(page, screen);
    screens[screen.label] = [];
  }
  for (let run = 0; run < RUNS; run++)
    for (const screen of SCREENS)
      if (run === 0 || warm[screen.label]! <= SLOW_SCREEN_MS) screens[screen.label]!.push(await visit(page, screen));
  const heapAfterAll = await heap(page);
  await page.close();
  return {
    tasks: size.tasks,
    units: size.units,
    templateRows,
    workbooks: templates.size,
    files: filled.files.length,
    reports: filled.reports,
    blankRows: filled.blank,
    missingUnits: filled.missing.length,
    seedMs,
    firstExportMs: first.ms,
    exportMs: summarize(exportMs),
    exportProgressSeen: progressSeen,
    firstPreviewMs,
    previewMs: summarize(previewMs),
    commitMs,
    storedReports,
    bareLoad: summarize(bareLoad),
    bareLoadWrite: summarize(bareLoadWrite),
    bareLoadWriteMain,
    screens: Object.fromEntries(Object.entries(screens).map(([k, v]) => [k, summarize(v)])),
    heapAfterTasks,
    heapAfterPreview,
    heapAfterAll,
  };
}

export async function benchDistrict(
  browser: Browser,
  appUrl: string,
  pageUrl: string,
  dir: string,
  log: (line: string) => void,
  sizes: DistrictSize[] = DISTRICT_SIZES,
): Promise<DistrictResult> {
  const result: DistrictResult = { sizes: [] };
  const benchContext = await browser.newContext();
  const benchPage = await benchContext.newPage();
  let context: BrowserContext | undefined;
  try {
    await benchPage.goto(`${pageUrl}/index.html`);
    await benchPage.waitForFunction(() => document.title === 'bench ready');
    const bench: BenchCall = (name, ...args) =>
      benchPage.evaluate(
        ([n, a]) => (window.bench[n as keyof typeof window.bench] as (...x: unknown[]) => unknown)(...a),
        [name, args] as const,
      );
    for (const size of sizes) {
      // A context per size: its own IndexedDB.
      context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true,
      });
      await context.addInitScript(INIT);
      result.sizes.push(await benchSize(context, appUrl, bench, size, dir, log));
      await context.close();
      context = undefined;
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context?.close();
    await benchContext.close();
  }
  return result;
}
