// Issue 6 on the import screen: hostile files dropped together each get their own Chinese
// message, nothing is written, the real task list imports right after, and markup in a cell
// shows as text (never as an element, never running anything).
import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  cfb,
  encryptBiff,
  encryptXlsx,
  packageWith,
  rawZip,
  repeatedEntry,
  sheetJsXls,
  workbookStreamOf,
} from '../renderer/src/io/excel/workbooks.testing';
import { chooseFiles, createYear, enterOperator, fixture, openScreen } from './helpers';

const MB = 1024 * 1024;

async function importFiles(page: Page, files: string[]) {
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', files);
}

test('hostile files: a message for each, nothing written, then the task list imports and markup shows as text', async ({
  page,
}, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  await enterOperator(page, '陈科员');
  await createYear(page, 2026);

  const save = async (name: string, bytes: Uint8Array) => {
    const path = testInfo.outputPath(name);
    await writeFile(path, bytes);
    return path;
  };
  const hostile = [
    [await save('空.xlsx', new Uint8Array(0)), '"空.xlsx"：文件为空'],
    [fixture('bad/truncated.xlsx'), '"truncated.xlsx"：文件不完整（可能下载或复制时中断），请重新获取'],
    [
      await save(
        '炸弹.xlsx',
        rawZip(
          await packageWith({
            'xl/worksheets/sheet1.xml': repeatedEntry('xl/worksheets/sheet1.xml', '', new Uint8Array(16 * MB), 64, ''),
          }),
        ),
      ),
      '"炸弹.xlsx"：文件解压后超过200MB，疑似恶意文件（压缩炸弹），已拒绝',
    ],
    [
      await save('路径.xlsx', rawZip(await packageWith({ '../../evil.xml': '<x/>' }))),
      '"路径.xlsx"：文件内部含有异常的路径（如"../"），疑似恶意文件，已拒绝',
    ],
  ] as const;
  await importFiles(
    page,
    hostile.map(([path]) => path),
  );
  const files = page.getByRole('table', { name: '文件' });
  for (const [, message] of hostile) await expect(files.getByRole('alert').filter({ hasText: message })).toHaveCount(1);
  await expect(page.getByText('没有需要写入的内容。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await openScreen(page, '任务台账');
  await expect(page.getByText('还没有任务')).toBeVisible();
  await openScreen(page, '导入记录');
  await expect(page.getByRole('table', { name: '导入记录' })).toContainText('还没有导入过文件。');

  await importFiles(page, [fixture('任务清单-2026.xlsx')]);
  await expect(page.getByRole('heading', { name: '预览：新增 20 项，修改 0 项，未变 0 项' })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 1 个文件：新增 20 项任务')).toBeVisible();

  // Markup and formula-looking text in a unit's cells: imported and shown as the text it is.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点工作任务清单');
  sheet.addRow([
    '序号',
    '工作板块',
    '重点工作',
    '工作目标',
    '主要措施',
    '分管区领导',
    '牵头单位',
    '责任单位',
    '完成时限',
  ]);
  const titles = ['<img src=x onerror="alert(1)">图片任务', "=cmd|' /C calc'!A0", '<b>加粗</b>任务'];
  titles.forEach((title, i) =>
    sheet.addRow([21 + i, '', title, '', '', '', '<svg onload=alert(2)>单位', '', '11月底前']),
  );
  const marked = await save('标记.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  await importFiles(page, [marked]);
  await expect(page.getByRole('heading', { name: '预览：新增 3 项，修改 0 项，未变 0 项' })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 1 个文件：新增 3 项任务')).toBeVisible();

  await openScreen(page, '任务台账');
  await expect(page.getByText('共 23 项')).toBeVisible();
  const ledger = page.getByRole('table', { name: '任务台账' });
  for (const title of titles) {
    await page.getByLabel('搜索（可用拼音首字母）').fill(title); // the ledger is virtual: bring the row into view
    const row = ledger.getByRole('row').nth(1);
    await expect(row.getByText(title, { exact: true })).toBeVisible();
    await expect(row.getByText('<svg onload=alert(2)>单位', { exact: true })).toBeVisible();
  }
  await expect(page.locator('#root img, #root b, #root svg[onload]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("files behind Excel's default password import; one with a password of its own says so", async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await enterOperator(page, '陈科员');
  await createYear(page, 2026);
  const header = [
    '序号',
    '工作板块',
    '重点工作',
    '工作目标',
    '主要措施',
    '分管区领导',
    '牵头单位',
    '责任单位',
    '完成时限',
  ];
  const row = (title: string) => [1, '', title, '', '', '', '区发展和改革局', '', '11月底前'];
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('重点工作任务清单').addRows([header, row('重大项目攻坚年行动')]);
  const xlsx = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  // An Excel 2003 .xls (RC4 CryptoAPI), read in the Worker from its decrypted Workbook stream.
  const xls = cfb({
    Workbook: encryptBiff(workbookStreamOf(sheetJsXls([header, row('优化营商环境')])), 'VelvetSweatshop', {
      kind: 'cryptoapi',
      keyBits: 128,
    }),
  });
  const save = async (name: string, bytes: Uint8Array) => {
    const path = testInfo.outputPath(name);
    await writeFile(path, bytes);
    return path;
  };
  await importFiles(page, [
    await save('保护.xlsx', encryptXlsx(xlsx, 'VelvetSweatshop')),
    await save('保护.xls', xls),
    await save('密码.xlsx', encryptXlsx(xlsx, '督查室')),
  ]);
  await expect(
    page
      .getByRole('table', { name: '文件' })
      .getByRole('alert')
      .filter({ hasText: '"密码.xlsx"：文件设有打开密码，请在Excel中取消密码后再导入' }),
  ).toHaveCount(1);
  await expect(page.getByRole('heading', { name: '预览：新增 2 项，修改 0 项，未变 0 项' })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 2 个文件：新增 2 项任务')).toBeVisible();
  await openScreen(page, '任务台账');
  await expect(page.getByText('共 2 项')).toBeVisible();
});
