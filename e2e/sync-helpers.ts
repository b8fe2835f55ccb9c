// Two browser profiles as two PCs of one office, and a CouchDB-compatible server started by the
// tests themselves on 127.0.0.1 at a free port (couchdb/testserver.mjs): one per worker, one
// fresh office database per test.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startCouchServer, USERS, type CouchServer } from '../couchdb/testserver.mjs';
import { enterOperator, openScreen } from './helpers';

export const EDITOR1 = USERS[0]!;
export const EDITOR2 = USERS[1]!;
export const READER = USERS[2]!;

export const test = base.extend<{ office: string }, { couch: CouchServer }>({
  couch: [
    // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
    async ({}, use) => {
      const couch = await startCouchServer();
      await use(couch);
      await couch.close();
    },
    { scope: 'worker' },
  ],
  office: async ({ couch }, use) => {
    const name = `office-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await couch.setupOffice(name);
    await use(name);
  },
});
export { expect };

export interface Pc {
  context: BrowserContext;
  page: Page;
}

/** A PC: its own browser profile (its own IndexedDB), the app open, the operator entered. */
export async function openPc(browser: Browser, operator: string): Promise<Pc> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await enterOperator(page, operator);
  return { context, page };
}

export const syncRegion = (page: Page) => page.getByRole('region', { name: '多机同步' });
/** The header's status, e.g. "同步状态：已同步". */
export const syncStatus = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^同步状态：/ });

/**
 * 数据安全 → 多机同步, the address part: server, database and user saved, and the page reloaded so
 * that it may reach the server (the browser build's CSP is narrowed at start).
 */
export async function saveSyncAddress(
  page: Page,
  couch: CouchServer,
  office: string,
  user: { name: string },
): Promise<void> {
  await openScreen(page, '数据安全');
  const region = syncRegion(page);
  await region.getByLabel('服务器地址').fill(couch.url);
  await region.getByLabel('数据库').fill(office);
  await region.getByLabel('用户名').fill(user.name);
  // Wait for the reload itself: the page before it is loaded too, and a password typed there is lost.
  const reloaded = page.waitForEvent('load');
  await region.getByRole('button', { name: '保存地址并重新加载' }).click();
  await reloaded;
  await expect(region.getByLabel('服务器地址')).toHaveValue(couch.url);
}

/** saveSyncAddress, then this session's password and this PC's name, up to 开始同步. */
export async function fillSyncSetup(
  page: Page,
  couch: CouchServer,
  office: string,
  user: { name: string; password: string },
  label: string,
): Promise<void> {
  await saveSyncAddress(page, couch, office, user);
  const region = syncRegion(page);
  await region.getByLabel('密码').fill(user.password);
  await region.getByLabel('本机名称').fill(label);
}

/** fillSyncSetup, then 开始同步. */
export async function startSync(
  page: Page,
  couch: CouchServer,
  office: string,
  user: { name: string; password: string },
  label: string,
): Promise<void> {
  await fillSyncSetup(page, couch, office, user, label);
  await syncRegion(page).getByRole('button', { name: '开始同步' }).click();
}

/** startSync, then the header's 已同步: the PC holds the office's data. */
export async function joinOffice(
  page: Page,
  couch: CouchServer,
  office: string,
  user: { name: string; password: string },
  label: string,
  timeout?: number,
): Promise<void> {
  await startSync(page, couch, office, user, label);
  await expectSynced(page, timeout);
}

/** Loads the sample year (about 1,300 rows): on a PC that syncs, a large push. */
export async function loadSample(page: Page): Promise<void> {
  await openScreen(page, '工作年度');
  await page.getByRole('region', { name: '示例数据' }).getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '示例数据已加载' })).toBeVisible({ timeout: 30_000 });
}

export async function expectSynced(page: Page, timeout = 30_000): Promise<void> {
  await expect(syncStatus(page)).toHaveAccessibleName('同步状态：已同步', { timeout });
}

/** The office data a PC holds (the data tables, by key), as IndexedDB has it; the log and who sits here aside. */
export function officeData(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open('duchaduban');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const skip = new Set(['audit', 'outbox', 'syncMeta', 'syncConflicts', 'syncState', 'peerAudit']);
          const names = [...db.objectStoreNames].filter((n) => !skip.has(n));
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = name === 'settings' ? all.result.filter((r) => r.key !== 'operator') : all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Rows of one of this PC's sync tables. */
export function syncRows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = indexedDB.open('duchaduban');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Record<string, unknown>[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

/** Adds units on the 单位 screen (粘贴批量添加). */
export async function addUnits(page: Page, names: string[]): Promise<void> {
  await openScreen(page, '单位');
  await page.getByRole('button', { name: '粘贴批量添加' }).click();
  const paste = page.getByRole('dialog', { name: '粘贴批量添加单位' });
  await paste.getByLabel('单位名称（每行一个）').fill(names.join('\n'));
  await paste.getByRole('button', { name: `添加 ${names.length} 个单位` }).click();
  await expect(paste).toBeHidden();
}

/** Changes a unit's phone number on the 单位 screen (saved as it is typed). */
export async function setUnitPhone(page: Page, unit: string, phone: string): Promise<void> {
  await openScreen(page, '单位');
  await page.getByRole('button', { name: `编辑${unit}` }).click();
  const dialog = page.getByRole('dialog', { name: '编辑单位' });
  await dialog.getByLabel('联系电话').fill(phone);
  await expect(dialog.getByRole('status')).toHaveText(/^已保存/);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
}
