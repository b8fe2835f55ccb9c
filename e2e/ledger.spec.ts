import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { chooseFiles, createYear, dateField, enterOperator, fixture, openScreen, typeDate } from './helpers';

const taskList = fixture('任务清单-2026.xlsx');

async function startWithYear(page: Page) {
  await page.goto('/');
  await enterOperator(page, '陈科员');
  await createYear(page, 2026);
}

async function importFiles(page: Page, files: string[]) {
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', files);
}

const ledgerRows = (page: Page) => page.getByRole('table', { name: '任务台账' }).getByRole('row');

test('import the task list, search by pinyin, edit a task, export and re-import with zero changes', async ({
  page,
}, testInfo) => {
  await startWithYear(page);
  await importFiles(page, [taskList]);
  await expect(page.getByRole('heading', { name: '预览：新增 20 项，修改 0 项，未变 0 项' })).toBeVisible();
  // Units and leaders not yet known are offered for creation.
  await expect(
    page.getByRole('table', { name: '名单中没有的单位' }).getByRole('row', { name: /区发展和改革局/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: '名单中没有的区领导' }).getByRole('row', { name: /张明/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('新增 20 项任务')).toBeVisible();

  await openScreen(page, '任务台账');
  await expect(page.getByText('共 20 项')).toBeVisible();
  const first = ledgerRows(page).filter({ hasText: '重大项目攻坚年行动' });
  await expect(first).toContainText('一、扩大有效投资');
  await expect(first).toContainText('区发展和改革局');
  await expect(first).toContainText('2026年11月30日');

  await page.getByLabel('搜索（可用拼音首字母）').fill('zdxm');
  await expect(page.getByText('共 1 项（全部 20 项）')).toBeVisible();
  await expect(ledgerRows(page).nth(1)).toContainText('重大项目攻坚年行动');

  // Edit the task's due date: saved as it is changed, and the change is in the audit log.
  await ledgerRows(page).nth(1).click();
  await expect(page.getByRole('heading', { name: '重大项目攻坚年行动' })).toBeVisible();
  await typeDate(dateField(page, '完成时限'), '2026-10-31');
  await expect(page.getByRole('status', { name: '任务保存状态' })).toHaveText('已保存');
  await openScreen(page, '操作日志');
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1)).toContainText('陈科员');
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1)).toContainText(
    '重大项目攻坚年行动',
  );
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1)).toContainText(
    '完成时限：2026年11月30日 → 2026年10月31日',
  );

  // Export, then import the export: nothing would change.
  await openScreen(page, '任务台账');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出台账' }).click();
  const exported = testInfo.outputPath('台账.xlsx');
  await (await download).saveAs(exported);
  await importFiles(page, [exported]);
  await expect(page.getByRole('heading', { name: '预览：新增 0 项，修改 0 项，未变 20 项' })).toBeVisible();
  await expect(page.getByText('没有需要写入的内容。')).toBeVisible();
  await expect(page.getByRole('table', { name: '名单中没有的单位' })).toHaveCount(0);
});

test('a bad file is reported, the good one commits, and undoing the batch restores the ledger', async ({
  page,
}, testInfo) => {
  await startWithYear(page);
  const formula = testInfo.outputPath('csv-as-xlsx.xlsx');
  await writeFile(formula, '序号,重点工作\n1,=HYPERLINK("x")\n');
  await importFiles(page, [fixture('bad/truncated.xlsx'), taskList, formula]);
  const files = page.getByRole('table', { name: '文件' });
  await expect(files.getByRole('row', { name: /truncated\.xlsx/ })).toContainText('文件不完整');
  await expect(files.getByRole('row', { name: /csv-as-xlsx\.xlsx/ }).getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: '预览：新增 20 项，修改 0 项，未变 0 项' })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 1 个文件：新增 20 项任务')).toBeVisible();

  await openScreen(page, '任务台账');
  await expect(page.getByText('共 20 项')).toBeVisible();
  await openScreen(page, '单位');
  // The units the list named were created with it.
  await expect(
    page.getByRole('table', { name: '单位列表' }).getByRole('row', { name: /区发展和改革局/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: '单位列表' }).getByRole('row', { name: /东城街道.*镇街/ }),
  ).toBeVisible();

  await openScreen(page, '导入记录');
  const history = page.getByRole('table', { name: '导入记录' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('任务清单-2026.xlsx');
  await history.getByRole('button', { name: '撤销此批次' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
  await expect(history.getByRole('row').nth(1)).toContainText('已撤销');

  await openScreen(page, '任务台账');
  await expect(page.getByText('还没有任务')).toBeVisible();
  await openScreen(page, '单位');
  await expect(page.getByRole('table', { name: '单位列表' }).getByRole('row')).toHaveCount(2); // header + the empty-list hint
  await expect(page.getByText('还没有单位')).toBeVisible();
});
