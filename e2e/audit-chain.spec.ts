import { expect, test, type Page } from '@playwright/test';
import { createYear, enterOperator, openScreen } from './helpers';

async function addUnit(page: Page, name: string) {
  await openScreen(page, '单位');
  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新增单位' });
  await dialog.getByLabel('单位名称').fill(name);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

/** Opens the database with plain IndexedDB (no version: as it is) and changes its audit store in one transaction. */
function onAuditStore(page: Page, script: 'tamper' | 'abortedAdd', unitName: string): Promise<number> {
  return page.evaluate(
    ({ script, unitName }) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('duchaduban');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          let result = 0;
          if (script === 'tamper') {
            // The unit's create entry: its name changed behind the program's back.
            const all = store.getAll();
            all.onsuccess = () => {
              const entry = (all.result as { seq: number; entity: string; after?: { name?: string } }[]).find(
                (e) => e.entity === 'units' && e.after?.name === unitName,
              );
              if (!entry?.after) return reject(new Error('no entry for the unit'));
              entry.after.name = `${unitName}（改）`;
              result = entry.seq;
              store.put(entry);
            };
            tx.oncomplete = () => {
              idb.close();
              resolve(result);
            };
          } else {
            // A write that fails after its audit entry was added: the transaction is aborted.
            const add = store.add({
              at: new Date().toISOString(),
              operator: 'x',
              action: 'create',
              entity: 'units',
              entityId: 'x',
            });
            add.onsuccess = () => {
              result = add.result as number;
              tx.abort();
            };
            tx.onabort = () => {
              idb.close();
              resolve(result);
            };
          }
          tx.onerror = (event) => event.preventDefault();
        };
      }),
    { script, unitName },
  );
}

test("操作日志: 校验日志完整性 passes on the program's own writes and names the entry changed outside it", async ({
  page,
}) => {
  await page.goto('/');
  await enterOperator(page, '周科员');
  await createYear(page, 2026);
  await addUnit(page, '区审计局');
  // An aborted write takes no place in the log (no gap in the sequence afterwards).
  expect(await onAuditStore(page, 'abortedAdd', '')).toBeGreaterThan(0);
  await addUnit(page, '区统计局');

  await openScreen(page, '操作日志');
  const log = page.getByRole('table', { name: '操作日志' });
  await expect(log.getByRole('row', { name: /区统计局/ })).toBeVisible();
  await page.getByRole('button', { name: '校验日志完整性' }).click();
  await expect(page.getByRole('alert')).toContainText(/共 \d+ 条记录，校验通过，未发现改动/);

  const seq = await onAuditStore(page, 'tamper', '区审计局');
  await page.getByRole('button', { name: '校验日志完整性' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`第 ${seq} 条记录的内容与其校验值不符（可能被改动）`);
  await expect(alert).toContainText(`序号 ${seq}，时间`);
  await alert.getByRole('button', { name: '在列表中定位' }).click();
  const broken = log.locator('tr[data-broken="true"]');
  await expect(broken).toHaveCount(1);
  await expect(broken.getByRole('cell').first()).toHaveText(String(seq));
});
