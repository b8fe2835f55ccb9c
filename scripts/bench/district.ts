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
  type District,
  type DistrictSize,
} from './district-data';
import { summarize, type Summary } from './stats';

const M = DISTRICT_MONTH;
const SCREEN_RUNS = 3;
const BARE_RUNS = 3;
const IMPORT_RUNS = 2;
const EXPORT_RUNS = 2;

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
  { label: '督查反馈', route: `review/${M}`, selector: 'section[aria-label$="的督查反馈"] tbody tr' },
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
  exportMs: Summary;
  /** Whether a 正在生成 n/N progress text was seen during the export. */
  exportProgressSeen: boolean;
  /** choose → preview shown (every file read, planned and previewed). */
  previewMs: Summary;
  /** 确认导入 → success message. */
  commitMs: number;
  storedReports: number;
  bareLoad: Summary;
  bareLoadWrite: Summary;
  bareLoadWriteMain: Summary;
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

/** Writes the operator, the year, its units, tasks, milestones and rule table into the app's database. */
async function seed(page: Page, d: District): Promise<void> {
  await page.evaluate(
    async ({ year, units, tasks, milestones, rules }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const idb = await request(indexedDB.open('duchaduban'));
      const stores = ['settings', 'workYears', 'units', 'tasks', 'milestones', 'scoreRules'];
      const tx = idb.transaction(stores, 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      tx.objectStore('settings').put({ key: 'operator', value: '基准测试' });
      tx.objectStore('workYears').put(year);
      for (const u of units) tx.objectStore('units').put(u);
      for (const t of tasks) tx.objectStore('tasks').put(t);
      for (const m of milestones) tx.objectStore('milestones').put(m);
      for (const r of rules) tx.objectStore('scoreRules').put(r);
      await done;
      idb.close();
    },
    { year: d.year, units: d.units, tasks: d.tasks, milestones: d.milestones, rules: d.rules },
  );
}

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

/** Exports June's templates through the UI; the zip's files and the time from the click to the download. */
async function exportTemplates(
  page: Page,
  dir: string,
  run: number,
): Promise<{ ms: number; files: Map<string, Uint8Array>; progressSeen: boolean }> {
  await timeRoute(page, `reports/${M}`, 'table[aria-label="任务进展"] tbody tr');
  const progressSeen = page
    .getByText(/正在生成 \d+\/\d+/)
    .first()
    .waitFor({ timeout: 120_000 })
    .then(
      () => true,
      () => false,
    );
  const download = page.waitForEvent('download', { timeout: 300_000 });
  const t0 = performance.now();
  await page.getByRole('button', { name: `导出${M}月进展表` }).click();
  const file = await download;
  const ms = performance.now() - t0;
  const zip = path.join(dir, `export-${run}.zip`);
  await file.saveAs(zip);
  const files = new Map(Object.entries(unzipSync(new Uint8Array(await readFile(zip)))));
  return { ms, files, progressSeen: await Promise.race([progressSeen, Promise.resolve(false)]) };
}

/** Chooses `paths` on the import screen; ms from the file input's change to the preview of `reports` new rows. */
async function previewImport(page: Page, paths: string[], reports: number): Promise<number> {
  await timeRoute(page, `import/progress/${M}`, 'button');
  await page.getByRole('button', { name: '选择月度进展文件' }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __chosenAt?: number };
    w.__chosenAt = undefined;
    document.addEventListener(
      'change',
      (e) => {
        if ((e.target as HTMLInputElement).type === 'file') w.__chosenAt = performance.now();
      },
      { capture: true, once: true },
    );
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择月度进展文件' }).click();
  await (await chooser).setFiles(paths);
  const handle = await page.waitForFunction(
    (expected) => {
      const w = window as unknown as { __chosenAt?: number };
      const heading = [...document.querySelectorAll('h3')].find((h) => h.textContent?.startsWith('预览：'));
      if (!heading || w.__chosenAt === undefined) return false;
      if (document.body.textContent?.includes('正在读取')) return false;
      if (!heading.textContent?.includes(`新增 ${expected} 条`)) return false;
      return performance.now() - w.__chosenAt;
    },
    reports,
    { timeout: 300_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
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
  await page.waitForFunction(
    async () => (await indexedDB.databases()).some((d) => d.name === 'duchaduban' && (d.version ?? 0) >= 20),
    undefined,
    { timeout: 60_000 },
  );
  log(`  ${label}: seeding ${district.tasks.length} tasks, ${district.units.length} units…`);
  let t = performance.now();
  await seed(page, district);
  const seedMs = performance.now() - t;
  await page.evaluate(() => (window.location.hash = '#/ledger'));
  await page.reload();
  await page.locator(SCREENS[1]!.selector).first().waitFor({ timeout: 60_000 });
  const heapAfterTasks = await heap(page);

  log(`  ${label}: exporting the ${M}月 templates…`);
  const exportMs: number[] = [];
  let templates = new Map<string, Uint8Array>();
  let progressSeen = false;
  for (let run = 0; run < EXPORT_RUNS; run++) {
    const out = await exportTemplates(page, dir, run);
    exportMs.push(out.ms);
    templates = out.files;
    progressSeen ||= out.progressSeen;
  }
  const withTasks = district.units.filter((u) =>
    district.tasks.some((task) => task.leadUnitId === u.id || task.coUnitIds.includes(u.id)),
  ).length;
  if (templates.size !== withTasks) throw new Error(`${label}: ${templates.size} templates, expected ${withTasks}`);

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
  let templateRows = 0;
  for (const bytes of templates.values()) {
    // Rows of the template = task ids in the hidden column; counted by the generated ids in the sheet XML.
    const sheet = unzipSync(bytes, { filter: (f) => f.name === 'xl/sharedStrings.xml' })['xl/sharedStrings.xml'];
    templateRows += (new TextDecoder().decode(sheet).match(/bench-task-/g) ?? []).length;
  }

  log(`  ${label}: bare exceljs baselines…`);
  const encode = (files: { name: string; bytes: Uint8Array }[]) =>
    files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  await bench('put', 'filled', encode(filled.files));
  await bench('put', 'templates', encode([...templates].map(([name, bytes]) => ({ name, bytes }))));
  const sum = (times: unknown) => (times as number[]).reduce((s, x) => s + x, 0);
  await bench('bareSequential', 'filled', true);
  await bench('bareLoadWrite', 'templates');
  const bareLoad: number[] = [];
  const bareLoadWrite: number[] = [];
  const bareLoadWriteMain: number[] = [];
  for (let run = 0; run < BARE_RUNS; run++) {
    bareLoad.push(sum(await bench('bareSequential', 'filled', true)));
    bareLoadWrite.push(sum(await bench('bareLoadWrite', 'templates')));
    bareLoadWriteMain.push(sum(await bench('bareLoadWriteMain', 'templates')));
  }

  log(`  ${label}: importing ${filled.files.length} sheets (${filled.reports} reports) in one batch…`);
  const previewMs: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    if (run > 0) {
      await page.getByRole('button', { name: '全部移除' }).click();
      await page.getByRole('heading', { name: /^预览：/ }).waitFor({ state: 'detached' });
    }
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

  log(`  ${label}: the month screens…`);
  const screens: Record<string, number[]> = {};
  for (const screen of SCREENS) {
    await visit(page, screen); // warm-up
    screens[screen.label] = [];
  }
  for (let run = 0; run < SCREEN_RUNS; run++)
    for (const screen of SCREENS) screens[screen.label]!.push(await visit(page, screen));
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
    exportMs: summarize(exportMs),
    exportProgressSeen: progressSeen,
    previewMs: summarize(previewMs),
    commitMs,
    storedReports,
    bareLoad: summarize(bareLoad),
    bareLoadWrite: summarize(bareLoadWrite),
    bareLoadWriteMain: summarize(bareLoadWriteMain),
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
