// Issue 16: a sync survives the server going away mid-sync and the page being killed mid-sync —
// nothing lost, nothing twice. The server is stopped, and the browser killed, at the moment the
// server receives a batch of documents (its second _bulk_docs), so the cut is mid-sync every time.
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import type { CouchServer } from '../couchdb/testserver.mjs';
import { createYear, enterOperator } from './helpers';
import { killHard, startChromium } from './killableChromium';
import {
  EDITOR1,
  EDITOR2,
  expect,
  expectSynced,
  joinOffice,
  loadSample,
  officeData,
  openPc,
  syncRegion,
  syncRows,
  syncStatus,
  test,
} from './sync-helpers';

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;

/** Calls `action` once, when the server receives its `nth` _bulk_docs from now on. */
function onBulkDocs(couch: CouchServer, nth: number, action: () => void) {
  let seen = 0;
  couch.onRequest = (request) => {
    if (request.method === 'POST' && request.url?.includes('/_bulk_docs') && ++seen === nth) {
      couch.onRequest = null;
      action();
    }
  };
}

/** What the server holds of the office: data documents by revision, audit documents, conflicts. */
async function serverHolds(couch: CouchServer, office: string) {
  const all = await couch.local(office).allDocs({ include_docs: true, conflicts: true });
  const docs = all.rows.filter((r) => !r.id.startsWith('_design/'));
  const audit = docs.filter((r) => r.id.startsWith('audit:'));
  const data = docs.filter((r) => !r.id.startsWith('audit:'));
  return {
    data: data.length,
    revisions: Object.fromEntries(data.map((r) => [r.id, r.value.rev])),
    audit: audit.length,
    conflicts: docs.filter((r) => (r.doc?.['_conflicts'] as unknown[] | undefined)?.length).length,
  };
}

/**
 * Nothing lost, nothing twice: the server holds every row of the PC, each at exactly the
 * revision the PC shows (a row sent twice would be a second revision or a conflict), and every
 * entry of its log.
 */
async function expectServerMatches(page: Page, couch: CouchServer, office: string) {
  const here = await localCounts(page);
  const meta = await syncRows(page, 'syncMeta');
  const there = await serverHolds(couch, office);
  expect(there.data).toBe(here.rows);
  expect(there.revisions).toEqual(Object.fromEntries(meta.map((m) => [m['docId'], m['rev']])));
  expect(there.audit).toBe(here.audit);
  expect(there.conflicts).toBe(0);
  expect(await syncRows(page, 'outbox')).toEqual([]);
  return here;
}

async function localCounts(page: Page) {
  const data = await officeData(page);
  const rows = Object.values(data).reduce((n, list) => n + list.length, 0);
  const audit = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const r = indexedDB.open('duchaduban');
        r.onsuccess = () => {
          const count = r.result.transaction('audit').objectStore('audit').count();
          count.onsuccess = () => {
            r.result.close();
            resolve(count.result);
          };
        };
      }),
  );
  return { rows, audit };
}

test('the server stopped in the middle of a sync and started again: nothing lost, nothing twice', async ({
  browser,
  couch,
  office,
}) => {
  test.setTimeout(120_000);
  const a = await openPc(browser, '张科员');
  await createYear(a.page, 2026);
  await joinOffice(a.page, couch, office, EDITOR1, '张科员的电脑');

  let stopped = false;
  onBulkDocs(couch, 2, () => {
    stopped = true;
    void couch.stop();
  });
  await loadSample(a.page);
  await expect.poll(() => stopped, { timeout: 30_000 }).toBe(true);
  await expect(syncStatus(a.page)).toHaveAccessibleName(/同步状态：离线，\d+项待上传/, { timeout: 30_000 });
  const partial = await serverHolds(couch, office);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await couch.start();

  await expectSynced(a.page, 60_000);
  const here = await expectServerMatches(a.page, couch, office);
  expect(partial.data).toBeLessThan(here.rows);

  // Another PC receives exactly the same.
  const b = await openPc(browser, '李科员');
  await joinOffice(b.page, couch, office, EDITOR2, '李科员的电脑', 60_000);
  expect(JSON.stringify(await officeData(b.page))).toBe(JSON.stringify(await officeData(a.page)));
  await a.context.close();
  await b.context.close();
});

// ---------------------------------------------------------------- the page killed

test('the page killed in the middle of a sync: the outbox resumes after a restart, nothing lost, nothing twice', async ({
  couch,
  office,
}) => {
  test.setTimeout(150_000);
  const profileDir = test.info().outputPath('profile');
  await mkdir(profileDir, { recursive: true });
  let running = await startChromium(profileDir);
  try {
    await running.page.goto(APP);
    await enterOperator(running.page, '赵科员');
    await createYear(running.page, 2026);
    await joinOffice(running.page, couch, office, EDITOR1, '赵科员的电脑');

    let killed: Promise<void> | undefined;
    const victim = running;
    onBulkDocs(couch, 2, () => {
      killed = killHard(victim);
    });
    await loadSample(running.page).catch(() => undefined); // the page may die before it says so
    await expect.poll(() => killed !== undefined, { timeout: 30_000 }).toBe(true);
    await killed;
    const partial = await serverHolds(couch, office);

    running = await startChromium(profileDir);
    const page = running.page;
    await page.goto(`${APP}#/safety`);
    // The browser build keeps no password: asked again, then the outbox goes on.
    await expect(syncStatus(page)).toHaveAccessibleName(/同步状态：同步未连接：请输入密码，\d+项待上传/);
    await syncRegion(page).getByLabel('同步密码').fill(EDITOR1.password);
    await syncRegion(page).getByRole('button', { name: '连接' }).click();
    await expectSynced(page, 60_000);
    const here = await expectServerMatches(page, couch, office);
    expect(partial.data).toBeLessThan(here.rows);
    expect(here.rows).toBeGreaterThan(1000);
  } finally {
    couch.onRequest = null;
    await running.browser.close().catch(() => undefined);
    await killHard(running);
  }
});
