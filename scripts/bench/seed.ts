// Writing generated rows straight into the app's database in the page (raw IndexedDB, one
// transaction), as the district and printing benchmarks seed it; the app's own writer would
// log every row and time the seeding, not the screen.
import type { Page } from '@playwright/test';

/** Waits until the app, on its first load, has created its database (schema version 2 → IndexedDB 20 or later). */
export async function waitForAppDatabase(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => (await indexedDB.databases()).some((db) => db.name === 'duchaduban' && (db.version ?? 0) >= 20),
    undefined,
    { timeout: 60_000 },
  );
}

/** Puts every row into its table, and 基准测试 as the operator, in one transaction. */
export async function seedTables(page: Page, tables: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(async (tables) => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('duchaduban');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction(['settings', ...Object.keys(tables)], 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    tx.objectStore('settings').put({ key: 'operator', value: '基准测试' });
    for (const [name, rows] of Object.entries(tables)) for (const row of rows) tx.objectStore(name).put(row);
    await done;
    idb.close();
  }, tables);
}
