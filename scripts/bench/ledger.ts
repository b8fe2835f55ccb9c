// Benchmark (c): the ledger's first paint with 100,000 stored tasks, in the built app in
// Chromium. The operator, a work year, sections, units, leaders and the tasks are written
// straight into the app's IndexedDB ('duchaduban', schema of renderer/src/db/schema.ts); then
// the time from navigating to #/ledger (from another screen, and by reloading on #/ledger)
// until the ledger table's first data row is in the page and a frame has been produced.
import type { Browser, Page } from '@playwright/test';
import { defaultCalendarSettings } from '../../renderer/src/core/calendarSettings';
import { BENCH_YEAR } from './constants';
import { summarize, type Summary } from './stats';

export const LEDGER_TASKS = 100_000;
const RUNS = 6;

export interface LedgerResult {
  tasks: number;
  seedMs: number;
  /** Navigating from the 工作年度 screen to #/ledger: to the first row in the DOM, and to the next frame. */
  navigate: Summary;
  navigateDom: Summary;
  /** Reloading on #/ledger, from navigation start (includes loading the bundle and opening the database). */
  reload: Summary;
  reloadShell: Summary;
  /** Navigating: until LedgerScreen has its data (IndexedDB reads through Dexie's live queries), and from there to the first row. */
  navigateData: Summary;
  navigateRender: Summary;
  reloadData: Summary;
  /** Main-thread long tasks (> 50 ms) summed over a navigation. */
  navigateLongTasks: Summary;
  /** The same reads the ledger makes, raw: the year's tasks by the yearId index, and their sort. */
  readAll: Summary;
  sort: Summary;
  error?: string;
}

// Runs before the app's scripts on every load: notes when the first ledger row appears. (The
// __name line: tsx compiles this file keeping function names, and the functions handed to
// page.evaluate below then call esbuild's __name helper, which the page must have.)
const OBSERVER = `(() => {
  globalThis.__name ??= (fn) => fn;
  const rowSelector = '[role="table"][aria-label="任务台账"] [role="row"][aria-rowindex="2"]';
  const state = { start: 0, domAt: null, paintAt: null, shellAt: null, longTasks: [] };
  window.__ledgerBench = state;
  window.__ledgerReset = () => { performance.clearMarks('ledger:rows'); state.start = performance.now(); state.domAt = null; state.paintAt = null; };
  // LedgerScreen marks 'ledger:rows' once its four live queries have delivered (data ready, rendering starts).
  window.__ledgerRowsAt = () => performance.getEntriesByName('ledger:rows')[0]?.startTime ?? null;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  new MutationObserver(() => {
    if (state.shellAt === null && document.querySelector('[aria-label="功能导航"]')) state.shellAt = performance.now();
    if (state.domAt !== null || !document.querySelector(rowSelector)) return;
    state.domAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { state.paintAt = performance.now(); };
      channel.port2.postMessage(0);
    });
  }).observe(document, { childList: true, subtree: true });
})();`;

interface BenchState {
  start: number;
  /** When LedgerScreen had its data (its performance.mark 'ledger:rows'), if it marks it. */
  rowsAt: number | null;
  domAt: number | null;
  paintAt: number | null;
  shellAt: number | null;
  longTasks: [number, number][];
}

/** Writes the operator, the year and `count` tasks (with sections, units, leaders) into the app's database. */
async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ count, year, calendar }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const idb = await request(indexedDB.open('duchaduban'));
      const stores = ['settings', 'workYears', 'sections', 'units', 'leaders', 'tasks'];
      const tx = idb.transaction(stores, 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      const yearId = 'bench-year';
      tx.objectStore('settings').put({ key: 'operator', value: '基准测试' });
      tx.objectStore('workYears').put({
        id: yearId,
        title: '',
        ...calendar,
        createdAt: new Date().toISOString(),
      });
      const sectionNames = [
        '扩大有效投资',
        '科技创新',
        '产业升级',
        '城市更新',
        '乡村振兴',
        '生态环保',
        '民生保障',
        '社会治理',
        '营商环境',
        '数字政府',
        '安全生产',
        '党的建设',
      ];
      const sections = sectionNames.map((name, i) => ({
        id: `bench-section-${i}`,
        yearId,
        name: `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}、${name}`,
        sortOrder: i + 1,
      }));
      const units = Array.from({ length: 60 }, (_, i) => ({
        id: `bench-unit-${i}`,
        yearId,
        name: i < 45 ? `区第${i + 1}局` : `第${i - 44}街道`,
        kind: i < 45 ? 'department' : 'town',
        rankingGroup: i < 45 ? '区级部门' : '镇街',
        aliases: [],
        contactPerson: '',
        phone: '',
        sortOrder: i + 1,
      }));
      const leaders = Array.from({ length: 10 }, (_, i) => ({
        id: `bench-leader-${i}`,
        yearId,
        name: `领导${i + 1}`,
        title: '副区长',
        aliases: [],
        sortOrder: i + 1,
      }));
      for (const s of sections) tx.objectStore('sections').put(s);
      for (const u of units) tx.objectStore('units').put(u);
      for (const l of leaders) tx.objectStore('leaders').put(l);
      const verbs = ['推进', '加快', '深化', '实施', '完善', '提升', '优化', '开展'];
      const objects = [
        '重大项目攻坚',
        '民间投资增长',
        '制造业投资',
        '产业基金招引',
        '老旧小区改造',
        '数字政府建设',
        '城乡供水一体化',
        '养老服务体系',
      ];
      const tasks = tx.objectStore('tasks');
      const perSection = Math.ceil(count / sections.length);
      for (let i = 0; i < count; i++) {
        const s = Math.floor(i / perSection);
        tasks.put({
          id: `bench-task-${String(i).padStart(6, '0')}`,
          yearId,
          sectionId: sections[s]!.id,
          code: String((i % perSection) + 1),
          title: `${verbs[i % verbs.length]}${objects[(i >> 3) % objects.length]}（第${i + 1}项）`,
          measures: [{ text: '建立项目推进清单，按月调度' }, { text: '压实责任，倒排工期' }],
          targets: [{ text: '完成年度投资', value: 10 + (i % 90), unit: '亿元' }],
          leaderIds: [leaders[i % leaders.length]!.id],
          leadUnitId: units[i % units.length]!.id,
          coUnitIds: [units[(i * 7 + 3) % units.length]!.id, units[(i * 13 + 5) % units.length]!.id],
          responsiblePerson: '张三',
          dueDate: `${year}-${String(3 + (i % 9)).padStart(2, '0')}-28`,
        });
      }
      await done;
      idb.close();
    },
    { count, year: BENCH_YEAR, calendar: defaultCalendarSettings(BENCH_YEAR) },
  );
}

/** The ledger's reads, made raw in the page: all tasks of the year, then sorted as listTasks sorts them. */
async function rawRead(page: Page): Promise<{ read: number; sort: number; count: number }> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const idb = await request(indexedDB.open('duchaduban'));
    const t0 = performance.now();
    const tx = idb.transaction(['sections', 'tasks'], 'readonly');
    const sections = (await request(tx.objectStore('sections').index('yearId').getAll('bench-year'))) as {
      id: string;
      sortOrder: number;
    }[];
    const tasks = (await request(tx.objectStore('tasks').index('yearId').getAll('bench-year'))) as {
      sectionId?: string;
      code: string;
      title: string;
      id: string;
    }[];
    const t1 = performance.now();
    const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
    const rank = new Map(sections.sort((a, b) => a.sortOrder - b.sortOrder).map((s, i) => [s.id, i]));
    const r = (t: { sectionId?: string }) =>
      (t.sectionId === undefined ? undefined : rank.get(t.sectionId)) ?? sections.length;
    tasks.sort(
      (a, b) =>
        r(a) - r(b) ||
        Number(a.code === '') - Number(b.code === '') ||
        collator.compare(a.code, b.code) ||
        collator.compare(a.title, b.title) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const t2 = performance.now();
    idb.close();
    return { read: t1 - t0, sort: t2 - t1, count: tasks.length };
  });
}

const state = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __ledgerBench: BenchState; __ledgerRowsAt: () => number | null };
    return { ...w.__ledgerBench, rowsAt: w.__ledgerRowsAt() };
  });
const since = (at: number | null, start: number) => (at === null ? NaN : at - start);
const waitPainted = (page: Page) =>
  page.waitForFunction(
    () => (window as unknown as { __ledgerBench?: BenchState }).__ledgerBench?.paintAt != null,
    undefined,
    { timeout: 60_000, polling: 50 },
  );

export async function benchLedger(browser: Browser, url: string, log: (s: string) => void): Promise<LedgerResult> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
  });
  const empty = summarize([]);
  const result: LedgerResult = {
    tasks: LEDGER_TASKS,
    seedMs: NaN,
    navigate: empty,
    navigateDom: empty,
    navigateData: empty,
    navigateRender: empty,
    reload: empty,
    reloadShell: empty,
    reloadData: empty,
    navigateLongTasks: empty,
    readAll: empty,
    sort: empty,
  };
  const page = await context.newPage();
  try {
    await context.addInitScript(OBSERVER);
    // First load creates the database with the app's schema (it then asks for an operator).
    await page.goto(`${url}/#/year`);
    await page.waitForFunction(
      async () => (await indexedDB.databases()).some((d) => d.name === 'duchaduban' && (d.version ?? 0) >= 10),
      undefined,
      { timeout: 60_000 },
    );
    log(`  (c) seeding ${LEDGER_TASKS.toLocaleString('en')} tasks into IndexedDB…`);
    const t = performance.now();
    await seed(page, LEDGER_TASKS);
    result.seedMs = performance.now() - t;

    // Reload on #/ledger: cold page, database opened anew.
    log('  (c) ledger first paint…');
    await page.evaluate(() => (window.location.hash = '#/ledger'));
    await page.reload();
    await waitPainted(page);
    const rowCount = await page
      .getByText(/共 \d+ 项/)
      .first()
      .textContent({ timeout: 60_000 });
    if (!rowCount?.includes(String(LEDGER_TASKS)))
      throw new Error(`the ledger shows "${rowCount}", expected ${LEDGER_TASKS} tasks`);
    const reload: number[] = [];
    const shell: number[] = [];
    const reloadData: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      await waitPainted(page);
      const s = await state(page);
      reload.push(s.paintAt as number);
      shell.push(since(s.shellAt, 0));
      reloadData.push(since(s.rowsAt, 0));
    }

    // From another screen: 工作年度 → 任务台账, as a click in the drawer does (hash change).
    const navigate: number[] = [];
    const navigateDom: number[] = [];
    const navigateData: number[] = [];
    const navigateRender: number[] = [];
    const longTasks: number[] = [];
    const reads: number[] = [];
    const sorts: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      await page.evaluate(() => (window.location.hash = '#/year'));
      await page.waitForFunction(() => !document.querySelector('[aria-label="任务台账"]'));
      if (i > 0) {
        const raw = await rawRead(page);
        if (raw.count !== LEDGER_TASKS) throw new Error(`raw read found ${raw.count} tasks`);
        reads.push(raw.read);
        sorts.push(raw.sort);
      }
      await page.waitForTimeout(300);
      await page.evaluate(() => {
        (window as unknown as { __ledgerReset: () => void }).__ledgerReset();
        window.location.hash = '#/ledger';
      });
      await waitPainted(page);
      const s = await state(page);
      if (i === 0) continue; // warm-up
      navigate.push((s.paintAt as number) - s.start);
      navigateDom.push((s.domAt as number) - s.start);
      navigateData.push(since(s.rowsAt, s.start));
      navigateRender.push(since(s.paintAt, s.rowsAt ?? NaN));
      longTasks.push(
        s.longTasks
          .filter(([start]) => start >= s.start && start <= (s.paintAt as number))
          .reduce((sum, [, d]) => sum + d, 0),
      );
    }
    Object.assign(result, {
      navigate: summarize(navigate),
      navigateDom: summarize(navigateDom),
      navigateData: summarize(navigateData.filter(Number.isFinite)),
      navigateRender: summarize(navigateRender.filter(Number.isFinite)),
      reloadData: summarize(reloadData.filter(Number.isFinite)),
      reload: summarize(reload),
      reloadShell: summarize(shell),
      navigateLongTasks: summarize(longTasks),
      readAll: summarize(reads),
      sort: summarize(sorts),
    });
  } catch (error) {
    const screen = await page
      .evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 200))
      .catch(() => '');
    result.error = `${error instanceof Error ? error.message.split('\n')[0] : String(error)} — the page showed: ${screen}`;
  } finally {
    await context.close();
  }
  return result;
}
