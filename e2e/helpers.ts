import { expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export const fixture = (name: string) => path.join(import.meta.dirname, '..', 'test', 'fixtures', name);

/**
 * The first start: the operator's name, then the 快速入门 guide, which opens by itself on an
 * empty database; most tests skip it ('skip'); 'absent' when it must not open.
 */
export async function enterOperator(page: Page, name: string, guide: 'skip' | 'keep' | 'absent' = 'skip') {
  const dialog = page.getByRole('dialog', { name: '欢迎使用重点工作督查督办' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('操作人姓名').fill(name);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  const guideDialog = page.getByRole('dialog', { name: '快速入门' });
  if (guide === 'absent') return;
  await expect(guideDialog).toBeVisible();
  if (guide === 'skip') {
    await guideDialog.getByRole('button', { name: '跳过' }).click();
    await expect(guideDialog).toBeHidden();
  }
}

export async function createYear(page: Page, year: number) {
  await openScreen(page, '工作年度');
  await page.getByLabel('年度', { exact: true }).fill(String(year));
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('heading', { name: `${year}年度 规则设置` })).toBeVisible();
}

/** Opens the app's file chooser (the browser fallback's file input) and picks these files. */
export async function chooseFiles(page: Page, buttonName: string, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(files);
}

/** A screen of the navigation drawer. */
export async function openScreen(page: Page, label: string) {
  await page.getByRole('navigation', { name: '功能导航' }).getByRole('button', { name: label, exact: true }).click();
}

/** The number of rows of every table of the app's database, read with raw IndexedDB in the page. */
export function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('duchaduban');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A late-November day of the 2025 sample year: every month has data, November is open for review. */
export const sampleToday = new Date('2025-11-26T10:00:00+08:00');

/** A first start on sampleToday with the 2025 sample year loaded (its 规则设置 on screen). */
export async function startWithSample(page: Page) {
  await page.clock.setFixedTime(sampleToday);
  await page.goto('/');
  await enterOperator(page, '李娜');
  await openScreen(page, '工作年度');
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('heading', { name: '2025年度 规则设置' })).toBeVisible({ timeout: 60_000 });
}

/** A date field of the app (ui/DateField: year, month and day sections in a group) by its name. */
export function dateField(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('group', { name, exact: true });
}

/** Types a date into a date field as a person does: into the field, over all it holds. */
export async function typeDate(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
}

/** What a date field shows, e.g. '2026-06-25' (its sections as one text). */
export function shownDate(field: Locator): Locator {
  return field.locator('input');
}
