import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { chinaTime } from './cycle-steps';
import { chooseFiles, createYear, enterOperator, fixture, openScreen } from './helpers';

// Issue 6, automatic backups. They exist only in the desktop app, where main writes them into
// the data folder (electron/main/backups.ts, tested against a real folder in Vitest). Here the
// renderer runs with a stand-in for the preload's `window.api` that keeps the backups in
// localStorage, so the test sees exactly what the renderer hands to main and when: daily, before
// an import, at quit (the hook main's close gate calls), before a restore; and what it does when
// the database is empty while backups exist.

const STORE = 'e2e-auto-backups';

/** The desktop API as the preload exposes it, with the backups folder kept in localStorage. */
function installDesktopStandIn(store: string) {
  type Kept = { name: string; reason: string; createdAt: string; size: number; text: string };
  const read = (): Kept[] => JSON.parse(localStorage.getItem(store) ?? '[]') as Kept[];
  const w = window as unknown as Record<string, unknown>;
  w.api = {
    // The same file input as the browser build, so Playwright's file chooser works.
    openFiles: (request: { multiple?: boolean }) =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = request.multiple ?? true;
        input.style.display = 'none';
        input.addEventListener('change', async () => {
          const files = Array.from(input.files ?? []);
          input.remove();
          resolve(
            await Promise.all(
              files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
            ),
          );
        });
        document.body.append(input);
        input.click();
      }),
    saveFile: async (request: { suggestedName: string }) => ({
      saved: true,
      path: `D:\\备份\\${request.suggestedName}`,
    }),
    saveFiles: async (request: { files: unknown[] }) => ({ saved: request.files.length, folder: 'D:\\导出' }),
    printView: async () => ({ done: true }),
    appInfo: async () => ({
      version: '0.1.0',
      dataFolder: 'C:\\Users\\dc\\AppData\\Roaming\\duchaduban',
      osUser: 'dc',
      platform: 'win32',
      shell: 'electron',
    }),
    writeAutoBackup: async ({ reason, bytes }: { reason: string; bytes: Uint8Array }) => {
      if (w.__diskFull)
        throw new Error("Error invoking remote method 'backups:write': Error: ENOSPC: no space left on device, write");
      const kept = read();
      const createdAt = new Date(Date.now() + kept.length).toISOString();
      const backup = {
        name: `自动备份-${kept.length + 1}-${reason}.dcbackup`,
        reason,
        createdAt,
        size: bytes.byteLength,
      };
      localStorage.setItem(store, JSON.stringify([...kept, { ...backup, text: new TextDecoder().decode(bytes) }]));
      return backup;
    },
    listAutoBackups: async () => ({
      folder: 'C:\\Users\\dc\\AppData\\Roaming\\duchaduban\\backups',
      backups: read()
        .reverse()
        .map(({ text: _text, ...backup }) => backup),
    }),
    readAutoBackup: async (name: string) => {
      const found = read().find((backup) => backup.name === name);
      if (!found) throw new Error(`没有自动备份 ${name}`);
      return { name, bytes: new TextEncoder().encode(found.text) };
    },
  };
}

async function desktopPage(context: BrowserContext, seed?: string): Promise<Page> {
  if (seed !== undefined)
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORE, seed] as const);
  await context.addInitScript(installDesktopStandIn, STORE);
  const page = await context.newPage();
  await page.clock.setFixedTime(chinaTime('2026-03-09'));
  return page;
}

/** The 数据安全 screen lists these automatic backups by reason, newest first (the list follows new backups by itself). */
async function expectListed(page: Page, reasons: string[]) {
  await openScreen(page, '数据安全');
  await expect(page.getByRole('table', { name: '自动备份' }).locator('tbody tr td:nth-child(2)')).toHaveText(reasons);
}

const keptReasons = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as { reason: string }[]).map((b) => b.reason),
    STORE,
  );

test('the desktop app backs up daily, before an import and at quit, and offers them when the database is found empty', async ({
  browser,
}) => {
  const first = await browser.newContext();
  const page = await desktopPage(first);
  await page.goto('/');
  await enterOperator(page, '李娜');
  // An empty database is not backed up: a newly installed app has nothing to keep.
  await openScreen(page, '数据安全');
  await expect(page.getByText('还没有自动备份')).toBeVisible();
  await createYear(page, 2026);

  // Opening the app with work in it takes the day's backup; opening again that day does not.
  await page.reload();
  await expectListed(page, ['每日']);
  await page.reload();
  await openScreen(page, '数据安全');
  await expect(page.getByRole('table', { name: '自动备份' })).toBeVisible();
  expect(await keptReasons(page)).toEqual(['daily']);

  // The backup before an import fails (disk full): nothing is imported.
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', [fixture('任务清单-2026.xlsx')]);
  await page.evaluate(() => ((window as unknown as Record<string, unknown>).__diskFull = true));
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(
    page.getByText(
      /导入前自动备份失败：磁盘空间不足（ENOSPC: no space left on device, write）。为保护现有数据，本次没有导入/,
    ),
  ).toBeVisible();
  await openScreen(page, '任务台账');
  await expect(page.getByText('共 0 项')).toBeVisible();

  // With space again, the import first backs up the year as it was, then imports.
  await page.evaluate(() => ((window as unknown as Record<string, unknown>).__diskFull = false));
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', [fixture('任务清单-2026.xlsx')]);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('新增 20 项任务')).toBeVisible();
  await expectListed(page, ['导入前', '每日']);

  // Closing the window: main's close gate calls the page's quit hook and waits for it.
  const quit = await page.evaluate(() =>
    (window as unknown as Record<string, () => Promise<{ reason: string }>>).__duchadubanBeforeQuit!(),
  );
  expect(quit.reason).toBe('quit');
  expect(await keptReasons(page)).toEqual(['daily', 'import', 'quit']);
  const folder = await page.evaluate((key) => localStorage.getItem(key) ?? '', STORE);
  await first.close();

  // The same data folder, but the database is gone (another Windows profile, a cleanup tool).
  const second = await browser.newContext();
  const fresh = await desktopPage(second, folder);
  await fresh.goto('/');
  await enterOperator(fresh, '李娜', 'absent');
  const loss = fresh.getByRole('dialog', { name: '数据库是空的，但有自动备份' });
  await expect(loss).toContainText('有 3 份自动备份');
  await expect(loss).toContainText('（退出时）');
  await loss.getByRole('button', { name: '查看并恢复最近的备份' }).click();
  const restore = fresh.getByRole('dialog', { name: '从备份恢复' });
  await expect(restore.getByText('校验通过')).toBeVisible();
  await expect(restore).toContainText('恢复前会先把当前数据自动备份到数据文件夹的 backups 文件夹');
  await restore.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(
    fresh.getByText(/已从备份“自动备份-3-quit.dcbackup”恢复.*恢复前数据库中没有工作数据，未另存。/),
  ).toBeVisible();
  await openScreen(fresh, '任务台账');
  await expect(fresh.getByText('共 20 项')).toBeVisible();

  // Back to the state before the import, from the list: the replaced state is kept first.
  await expectListed(fresh, ['退出时', '导入前', '每日']);
  await fresh.getByRole('button', { name: '恢复 自动备份-2-import.dcbackup' }).click();
  await expect(restore.getByText('校验通过')).toBeVisible();
  await restore.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(
    fresh.getByText(/恢复前的数据已自动备份为数据文件夹 backups 中的“自动备份-4-restore.dcbackup”/),
  ).toBeVisible();
  await expectListed(fresh, ['恢复前', '退出时', '导入前', '每日']);
  await openScreen(fresh, '任务台账');
  await expect(fresh.getByText('共 0 项')).toBeVisible();
  await second.close();
});

test('the browser build keeps no automatic backups and says so', async ({ page }) => {
  await page.goto('/');
  await enterOperator(page, '李娜');
  await openScreen(page, '数据安全');
  await expect(page.getByText('浏览器版不做自动备份')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
});

/**
 * A database as the first published version (schema 1) left it, with a 2025 year: made with
 * plain IndexedDB on a blank page of the app's origin, before the app itself ever runs there.
 */
async function leaveVersion1Database(page: Page) {
  await page.route('**/blank', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await page.goto('/blank');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('duchaduban', 10);
        request.onupgradeneeded = () => {
          const years = request.result.createObjectStore('workYears', { keyPath: 'id' });
          years.createIndex('year', 'year', { unique: true });
          years.add({
            id: 'y2025',
            year: 2025,
            title: '2025年度重点工作',
            windowStartMonth: 3,
            windowEndMonth: 11,
            planDue: '03-10',
            reportDueDay: 25,
            feedbackDueDay: 30,
            completionDue: '11-30',
            extraHolidays: [],
            extraWorkdays: [],
            createdAt: '2025-02-01T00:00:00.000Z',
          });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

test('before upgrading a database of an older version, the desktop app backs it up as it was', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await desktopPage(context);
  await leaveVersion1Database(page);
  await page.goto('/');
  await enterOperator(page, '李娜', 'absent');
  await expect(page.getByLabel('工作年度')).toContainText('2025年度');
  const kept = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? '[]') as { reason: string; text: string }[],
    STORE,
  );
  expect(kept[0]?.reason).toBe('upgrade');
  const backup = JSON.parse(kept[0]!.text) as { schemaVersion: number; counts: Record<string, number> };
  expect(backup.schemaVersion).toBe(1);
  expect(backup.counts).toEqual({ workYears: 1 });
  await context.close();
});

test('when the backup before an upgrade fails, nothing is upgraded until the office decides', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => ((window as unknown as Record<string, unknown>).__diskFull = true));
  const page = await desktopPage(context);
  await leaveVersion1Database(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '升级前自动备份失败' })).toBeVisible();
  await expect(page.getByText(/磁盘空间不足（ENOSPC/)).toBeVisible();
  const version = () =>
    page.evaluate(() => indexedDB.databases().then((all) => all.find((d) => d.name === 'duchaduban')?.version));
  expect(await version()).toBe(10);
  await page.getByRole('button', { name: '不备份，继续打开' }).click();
  await enterOperator(page, '李娜', 'absent');
  await expect(page.getByLabel('工作年度')).toContainText('2025年度');
  expect(await version()).toBeGreaterThan(10);
  await context.close();
});
