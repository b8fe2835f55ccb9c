import { expect, test } from '@playwright/test';
import { createYear, enterOperator, openScreen } from './helpers';

test('数据安全 shows where the data is and whether it is kept; a newer database opens read-only', async ({ page }) => {
  await page.goto('/');
  await enterOperator(page, '孙科员');
  await createYear(page, 2026);
  await openScreen(page, '数据安全');
  const facts = page.getByRole('table', { name: '数据安全' });
  await expect(facts.getByRole('row', { name: /持久存储/ })).not.toContainText('未知');
  await expect(facts.getByRole('row', { name: /数据结构版本/ })).toContainText('3');
  await expect(facts.getByRole('row', { name: /已用空间/ })).toContainText('MB');

  // A newer program upgrades the database (here: by hand, to structure version 4).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('duchaduban', 40);
        request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  // This window lets go of the database at once and asks to be reloaded.
  await expect(page.getByRole('dialog', { name: '数据库已在其他窗口中更新' })).toBeVisible();
  await page.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByText(/只读模式：数据库已由较新版本的程序升级（结构版本 4，本程序为 3）/)).toBeVisible();
  // Reading works; writing is refused and stores nothing.
  await openScreen(page, '单位');
  await page.getByRole('button', { name: '新增单位' }).click();
  await page.getByRole('dialog').getByLabel('单位名称').fill('区审计局');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('本程序不能修改其中的数据');
});
