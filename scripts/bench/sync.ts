// The sync benchmark (issue 16), against the CouchDB-compatible test server (couchdb/testserver.mjs,
// in this process, on 127.0.0.1) and the built app in Chromium, set up through 数据安全 → 多机同步
// as an office does it (the browser build's network path):
//
// 1. First sync to an empty PC: ten work years of a large office (sync-data.ts: each year 120
//    units, 1,000 tasks, every month's reports, feedback, sheets and score entries, all
//    published and sealed, and the writing PC's audit chain) are put on the server, then a new
//    PC (a fresh browser profile) sets up sync and downloads them: from 开始同步 to the header's
//    已同步, split into the steps the app shows (下载 into the local replica, 写入本机数据库 into
//    Dexie) and each step's halves, and checked — every row arrives, the other PC's chain is
//    complete. The server holds the ten years in this process's memory (about 2.5 GB of heap:
//    `npm run bench` gives Node 8 GB).
// 2. An edit on one PC to its appearance on another: two PCs synced to a small office database,
//    a unit's phone number changed on A (单位 → 编辑, saved as typed) ten times; each time, from
//    the moment A's IndexedDB holds the new number to the moment B's does (both pages poll
//    their own IndexedDB every 10 ms and report the time; same machine, same clock).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startCouchServer, USERS, type CouchServer } from '../../couchdb/testserver.mjs';
// The office's steps as the e2e tests take them.
import { openScreen, tableCounts } from '../../e2e/helpers';
import { fillSyncSetup, syncRegion, syncStatus } from '../../e2e/sync-helpers';
import { launchChromiumProfile } from './chromium';
import { summarize, type Summary } from './stats';
import { OFFICE_SIZE, officeYears } from './sync-data';

const EDITS = 10;
const FIRST_SYNC_TIMEOUT_MS = 40 * 60_000;

export interface SyncResult {
  error?: string;
  /** The office's years on the server, as generated. */
  years: number;
  docs: number;
  auditDocs: number;
  rows: Record<string, number>;
  units: number;
  tasks: number;
  /** Writing the documents into the server's store (not part of the sync). */
  seedMs: number;
  /** From 开始同步 to 已同步. */
  firstSyncMs: number;
  /** Of which downloading into the local replica (the app's step 从服务器下载). */
  downloadMs: number;
  /** Of which writing into the app's database (写入本机数据库). */
  applyMs: number;
  /** Of which the rest: sending this PC's own changes (上传本机数据) and the live replication's first check. */
  finishMs: number;
  /**
   * Each step's first and second half of its documents, in ms (as the panel counted them): a
   * first sync whose cost grows with what the PC already holds would show a slower second half.
   */
  halves: { download?: [number, number]; apply?: [number, number] };
  /** The estimate the panel showed at about a quarter of the download, and when. */
  estimate?: { text: string; atMs: number };
  /** The PC's rows after the sync equal the generated ones, table by table, and the peer chain is whole. */
  complete: boolean;
  /** IndexedDB + the replica's storage, after the sync (navigator.storage.estimate). */
  storageBytes: number;
  /** HTTP requests the server answered during the first sync. */
  requests: number;
  /** Edit on A → in B's database. */
  latency: Summary;
  latencySamples: number[];
}

const empty = (): SyncResult => ({
  years: 0,
  docs: 0,
  auditDocs: 0,
  rows: {},
  units: OFFICE_SIZE.units,
  tasks: OFFICE_SIZE.tasks,
  seedMs: 0,
  firstSyncMs: NaN,
  downloadMs: NaN,
  applyMs: NaN,
  finishMs: NaN,
  halves: {},
  complete: false,
  storageBytes: NaN,
  requests: 0,
  latency: summarize([]),
  latencySamples: [],
});

const PC_OPTIONS = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** The app opened in `context`, the operator entered, the quick start skipped. */
async function openApp(context: BrowserContext, appUrl: string, operator: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${appUrl}/`);
  const welcome = page.getByRole('dialog', { name: '欢迎使用重点工作督查督办' });
  await welcome.getByLabel('操作人姓名').fill(operator);
  await welcome.getByRole('button', { name: '确定' }).click();
  await page.getByRole('dialog', { name: '快速入门' }).getByRole('button', { name: '跳过' }).click();
  return page;
}

async function openPc(
  browser: Browser,
  appUrl: string,
  operator: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PC_OPTIONS);
  return { context, page: await openApp(context, appUrl, operator) };
}

async function waitSynced(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('header [aria-label^="同步状态："]')?.getAttribute('aria-label') === '同步状态：已同步',
    undefined,
    { timeout, polling: 200 },
  );
}

/**
 * Resolves with the time (ms since the epoch, sub-ms) at which unit `unitId` has phone `phone`
 * in this page's database. Sent as source text: tsx names the inner functions of a callback
 * with a helper the page does not have.
 */
function whenPhone(page: Page, unitId: string, phone: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const started = performance.now();
    function poll() {
      const request = indexedDB.open('duchaduban');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const get = db.transaction('units', 'readonly').objectStore('units').get(${JSON.stringify(unitId)});
        get.onsuccess = () => {
          db.close();
          const now = performance.timeOrigin + performance.now();
          if (get.result && get.result.phone === ${JSON.stringify(phone)}) resolve(now);
          else if (performance.now() - started > 60000) reject(new Error('the phone number did not arrive'));
          else setTimeout(poll, 10);
        };
        get.onerror = () => reject(get.error);
      };
    }
    poll();
  })`);
}

async function firstSync(
  appUrl: string,
  couch: CouchServer,
  result: SyncResult,
  log: (line: string) => void,
): Promise<void> {
  const office = 'bench-office';
  await couch.setupOffice(office);
  const store = couch.local(office);
  const before = (await store.info()).doc_count; // the design document with the rules
  for (const year of officeYears()) {
    log(`  (g) putting ${year.calendarYear}: ${year.docs.length.toLocaleString('en')} documents on the server…`);
    const seedStart = performance.now();
    for (let i = 0; i < year.docs.length; i += 2_000)
      await store.bulkDocs(year.docs.slice(i, i + 2_000), { new_edits: false });
    result.seedMs += performance.now() - seedStart;
    result.years++;
    result.docs += year.docs.length;
    result.auditDocs += year.audit;
    for (const [table, n] of Object.entries(year.rows)) result.rows[table] = (result.rows[table] ?? 0) + n;
  }
  const info = await store.info();
  if (info.doc_count - before !== result.docs)
    throw new Error(`server holds ${info.doc_count - before} documents of the office, ${result.docs} were put`);

  // The new PC keeps its data on disk, as the desktop app does (an off-the-record context's
  // IndexedDB is held in memory, under a quota that ten years exceed).
  const profile = await mkdtemp(path.join(os.tmpdir(), 'duchaduban-sync-pc-'));
  const context = await launchChromiumProfile(profile, PC_OPTIONS);
  const pc = { context, page: await openApp(context, appUrl, '新电脑') };
  try {
    await fillSyncSetup(pc.page, couch, office, USERS[1]!, '新电脑');
    const requestsBefore = couch.requests;
    const start = performance.now();
    await syncRegion(pc.page).getByRole('button', { name: '开始同步' }).click();
    log('  (g) first sync running…');
    let downloadEnd = NaN;
    let applyEnd = NaN;
    /** When each step had done half of its documents, as the panel counted them. */
    const halfway: Record<string, number> = {};
    let lastLog = start;
    for (;;) {
      const label = await syncStatus(pc.page)
        .getAttribute('aria-label', { timeout: 5_000 })
        .catch(() => null);
      const now = performance.now();
      if (label === '同步状态：已同步') break;
      if (now - start > FIRST_SYNC_TIMEOUT_MS) throw new Error(`first sync not done after ${FIRST_SYNC_TIMEOUT_MS} ms`);
      const text = await syncRegion(pc.page)
        .getByText(/^首次同步：/)
        .textContent({ timeout: 1_000 })
        .catch(() => null);
      if (text && !text.includes('从服务器下载') && Number.isNaN(downloadEnd)) downloadEnd = now;
      if (text && text.includes('上传本机数据') && Number.isNaN(applyEnd)) applyEnd = now;
      const step = text ? /(从服务器下载|写入本机数据库) (\d+) \/ 约 (\d+)/.exec(text) : null;
      if (step && step[1] && !(step[1] in halfway) && Number(step[2]) >= Number(step[3]) / 2) halfway[step[1]] = now;
      const done = text ? /下载 (\d+) \/ 约 (\d+)/.exec(text) : null;
      if (!result.estimate && done && Number(done[1]) >= Number(done[2]) / 4 && text?.includes('预计还需'))
        result.estimate = { text, atMs: now - start };
      if (now - lastLog > 30_000) {
        log(`  (g) ${Math.round((now - start) / 1000)} s: ${text ?? label}`);
        lastLog = now;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const end = performance.now();
    result.firstSyncMs = end - start;
    const applyStart = Number.isNaN(downloadEnd) ? end : downloadEnd;
    const uploadStart = Number.isNaN(applyEnd) ? end : applyEnd;
    result.downloadMs = applyStart - start;
    result.applyMs = uploadStart - applyStart;
    result.finishMs = end - uploadStart;
    result.requests = couch.requests - requestsBefore;
    const download = halfway['从服务器下载'];
    const apply = halfway['写入本机数据库'];
    if (download !== undefined) result.halves.download = [download - start, applyStart - download];
    if (apply !== undefined) result.halves.apply = [apply - applyStart, uploadStart - apply];
    const counts = await tableCounts(pc.page);
    const rowsComplete = Object.entries(result.rows).every(([table, n]) => counts[table] === n);
    result.complete = rowsComplete && counts['peerAudit'] === result.auditDocs && (counts['syncConflicts'] ?? 0) === 0;
    if (!result.complete) log(`  (g) counts after the first sync: ${JSON.stringify(counts)}`);
    result.storageBytes = await pc.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? NaN);
  } finally {
    await pc.context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function editLatency(
  browser: Browser,
  appUrl: string,
  couch: CouchServer,
  result: SyncResult,
  log: (line: string) => void,
): Promise<void> {
  const office = 'bench-latency';
  await couch.setupOffice(office);
  const a = await openPc(browser, appUrl, '张科员');
  const b = await openPc(browser, appUrl, '李科员');
  try {
    await openScreen(a.page, '工作年度');
    await a.page.getByLabel('年度', { exact: true }).fill('2026');
    await a.page.getByRole('button', { name: '创建' }).click();
    await a.page.getByRole('heading', { name: '2026年度 规则设置' }).waitFor();
    await openScreen(a.page, '单位');
    await a.page.getByRole('button', { name: '粘贴批量添加' }).click();
    const paste = a.page.getByRole('dialog', { name: '粘贴批量添加单位' });
    await paste.getByLabel('单位名称（每行一个）').fill('区财政局');
    await paste.getByRole('button', { name: '添加 1 个单位' }).click();
    await paste.waitFor({ state: 'hidden' });
    for (const [pc, user, label] of [
      [a, USERS[0]!, '张科员的电脑'],
      [b, USERS[1]!, '李科员的电脑'],
    ] as const) {
      await fillSyncSetup(pc.page, couch, office, user, label);
      await syncRegion(pc.page).getByRole('button', { name: '开始同步' }).click();
      await waitSynced(pc.page, 120_000);
    }
    const unitId = await a.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const request = indexedDB.open('duchaduban');
          request.onsuccess = () => {
            const all = request.result.transaction('units', 'readonly').objectStore('units').getAll();
            all.onsuccess = () => resolve((all.result[0] as { id: string }).id);
            all.onerror = () => reject(all.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await openScreen(a.page, '单位');
    await a.page.getByRole('button', { name: '编辑区财政局' }).click();
    const dialog = a.page.getByRole('dialog', { name: '编辑单位' });
    log(`  (g) ${EDITS} edits on A, each awaited on B…`);
    for (let i = 0; i <= EDITS; i++) {
      const phone = `0571-8800${String(i).padStart(4, '0')}`;
      const both = Promise.all([whenPhone(a.page, unitId, phone), whenPhone(b.page, unitId, phone)]);
      both.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      await dialog.getByLabel('联系电话').fill(phone);
      const [stored, arrived] = await both;
      // The first edit is a warm-up (the live replication's first round trips).
      if (i > 0) result.latencySamples.push(arrived - stored);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    result.latency = summarize(result.latencySamples);
  } finally {
    await a.context.close();
    await b.context.close();
  }
}

export async function benchSync(browser: Browser, appUrl: string, log: (line: string) => void): Promise<SyncResult> {
  const result = empty();
  const couch = await startCouchServer();
  let step = 'the first sync';
  try {
    await firstSync(appUrl, couch, result, log);
    step = 'the edit latency';
    await editLatency(browser, appUrl, couch, result, log);
  } catch (error) {
    result.error = `${step}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await couch.close();
  }
  return result;
}
