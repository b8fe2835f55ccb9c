import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { chooseFiles, createYear, enterOperator, openScreen } from './helpers';

type Dump = Record<string, unknown[]>;

/** Every object store's rows, read with plain IndexedDB (only once the app has opened it). */
function dumpDatabase(page: Page): Promise<Dump> {
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const request = indexedDB.open('duchaduban');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const names = [...idb.objectStoreNames];
          const tx = idb.transaction(names, 'readonly');
          const out: Dump = {};
          for (const name of names) {
            const rows = tx.objectStore(name).getAll();
            rows.onsuccess = () => {
              out[name] = rows.result;
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The cells of the preview's row for `label`: [label, in the backup, in the database now]. */
function comparisonRow(page: Page, label: string) {
  const table = page.getByRole('table', { name: '备份与当前数据对比' });
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: label, exact: true }) })
    .getByRole('cell');
}

test('backup to a file, restore it in a fresh profile: every table identical; a tampered copy is refused', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/');
  await enterOperator(page, '孙科员');
  await createYear(page, 2026);
  await openScreen(page, '单位');
  await page.getByRole('button', { name: '粘贴批量添加' }).click();
  const pasteDialog = page.getByRole('dialog', { name: '粘贴批量添加单位' });
  await pasteDialog.getByLabel('单位名称（每行一个）').fill('区教育局\n区财政局');
  await pasteDialog.getByRole('button', { name: '添加 2 个单位' }).click();
  await expect(pasteDialog).toBeHidden();
  await openScreen(page, '区领导');
  await page.getByRole('button', { name: '新增区领导' }).click();
  const leaderDialog = page.getByRole('dialog', { name: '新增区领导' });
  await leaderDialog.getByLabel('姓名').fill('王建国');
  await leaderDialog.getByLabel('职务').fill('副区长');
  await leaderDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('table', { name: '区领导列表' }).getByRole('row', { name: /王建国/ })).toBeVisible();

  // 备份到文件: in a browser the file is a download.
  await openScreen(page, '数据安全');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份到文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^督查督办备份-\d{4}-\d{2}-\d{2}-\d{4}\.dcbackup$/);
  const backupPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(backupPath);
  await expect(page.getByRole('alert').filter({ hasText: '已备份全部数据' })).toBeVisible();
  const original = await dumpDatabase(page);
  expect(original.units).toHaveLength(2);

  // A copy with one character of the payload changed (a unit's name: 区财政局 → 区财攻局).
  const text = await readFile(backupPath, 'utf8');
  const at = text.indexOf('区财政局', text.indexOf('"payload"'));
  expect(at).toBeGreaterThan(0);
  const tamperedPath = testInfo.outputPath('tampered.dcbackup');
  await writeFile(tamperedPath, `${text.slice(0, at + 2)}攻${text.slice(at + 3)}`);

  // A new profile: an empty database on another computer.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page2 = await context.newPage();
  await page2.goto('/');
  await enterOperator(page2, '周科员');
  await openScreen(page2, '数据安全');
  const restoreDialog = page2.getByRole('dialog', { name: '从备份恢复' });

  // The tampered copy is refused and changes nothing.
  const empty = await dumpDatabase(page2);
  await chooseFiles(page2, '从备份恢复', [tamperedPath]);
  await expect(restoreDialog.getByRole('alert')).toHaveText('备份文件校验失败：内容已被修改或损坏，不能恢复。');
  await expect(restoreDialog.getByRole('button', { name: '恢复', exact: true })).toHaveCount(0);
  await restoreDialog.getByRole('button', { name: '关闭' }).click();
  await expect(restoreDialog).toBeHidden();
  expect(await dumpDatabase(page2)).toEqual(empty);

  // The real file: the preview shows what it holds beside the empty database.
  await chooseFiles(page2, '从备份恢复', [backupPath]);
  await expect(restoreDialog.getByRole('alert').filter({ hasText: '校验通过' })).toBeVisible();
  await expect(comparisonRow(page2, '单位')).toHaveText(['单位', '2', '0']);
  await expect(comparisonRow(page2, '区领导')).toHaveText(['区领导', '1', '0']);
  await expect(comparisonRow(page2, '工作年度')).toHaveText(['工作年度', '1', '0']);
  await expect(comparisonRow(page2, '操作日志')).toHaveText(['操作日志', String(original.audit?.length), '1']);
  await expect(comparisonRow(page2, '数据结构版本')).toHaveText(['数据结构版本', '3', '3']);

  // Restoring first saves the current data (a second download), then replaces it.
  const safetyDownload = page2.waitForEvent('download');
  await restoreDialog.getByRole('button', { name: '恢复', exact: true }).click();
  expect((await safetyDownload).suggestedFilename()).toMatch(
    /^督查督办恢复前自动备份-\d{4}-\d{2}-\d{2}-\d{4}\.dcbackup$/,
  );
  await expect(restoreDialog).toBeHidden();
  await expect(page2.getByRole('alert').filter({ hasText: '已从备份' })).toContainText(download.suggestedFilename());

  // Every table identical: the log gains one entry for the restore, and the operator stays
  // the one at this computer.
  const restored = await dumpDatabase(page2);
  for (const name of Object.keys(original)) {
    if (name !== 'audit' && name !== 'settings') expect.soft(restored[name], name).toEqual(original[name]);
  }
  expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
  expect(restored.audit?.slice(0, -1)).toEqual(original.audit);
  expect(restored.audit?.at(-1)).toMatchObject({
    operator: '周科员',
    action: 'update',
    entity: 'settings',
    entityId: 'restore',
    after: { file: download.suggestedFilename() },
  });
  expect(restored.settings).toEqual(
    original.settings?.map((s) =>
      (s as { key: string }).key === 'operator' ? { key: 'operator', value: '周科员' } : s,
    ),
  );

  // And the screens show it.
  await expect(page2.getByRole('button', { name: '操作人：周科员' })).toBeVisible();
  await openScreen(page2, '单位');
  for (const name of ['区教育局', '区财政局']) {
    await expect(
      page2.getByRole('table', { name: '单位列表' }).getByRole('row', { name: new RegExp(name) }),
    ).toBeVisible();
  }
  await openScreen(page2, '区领导');
  await expect(page2.getByRole('table', { name: '区领导列表' }).getByRole('row', { name: /王建国/ })).toContainText(
    '副区长',
  );
  await openScreen(page2, '操作日志');
  const log = page2.getByRole('table', { name: '操作日志' });
  for (const what of ['2026年度', '区教育局', '区财政局', '王建国']) {
    await expect(log.getByRole('row', { name: new RegExp(`孙科员.*新增.*${what}`) })).toHaveCount(1);
  }
  await expect(log.getByRole('row').nth(1)).toContainText('周科员');
  await expect(log.getByRole('row').nth(1)).toContainText('从备份恢复');
  await context.close();
});
