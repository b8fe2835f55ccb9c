// Issue: trust in the monthly record. Looking writes nothing, the log reads as the screens do,
// publishing asks first, no typed text is lost, the right month, movement only against data.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { fixture, openScreen, tableCounts } from './helpers';
import {
  chinaTime,
  columnOf,
  importMayReports,
  importProgress,
  loadWorkbook,
  rowOf,
  saveWorkbook,
  startYearWithTaskList,
  unzipDownload,
} from './cycle-steps';

const months = [3, 4, 5, 6, 7, 8, 9, 10, 11];
const monthScreens = ['reports', 'reminders', 'feedback', 'scores', 'ranking', 'lists'];
const otherScreens = [
  'home',
  'year',
  'units',
  'leaders',
  'ledger',
  'plans',
  'evaluation',
  'retrospective',
  'year-report',
  'imports',
  'rules',
  'aliases',
  'safety',
  'audit',
  'help',
];

/** Opens a route and waits until its screen has painted its heading. */
async function visit(page: Page, route: string) {
  await page.goto(`/#/${route}`);
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

/** The rows of the 操作日志 table as their cells' text. */
async function logRows(page: Page): Promise<string[][]> {
  await openScreen(page, '操作日志');
  const table = page.getByRole('table', { name: '操作日志' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  return table
    .locator('tbody > tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll(':scope > td')].map((td) => (td.textContent ?? '').trim())),
    );
}

test('a June cycle: a sheet of another month is held back until the office decides; looking at every screen for every month twice writes nothing; the log is in words', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const dir = testInfo.outputDir;
  await startYearWithTaskList(page, '李督查');

  // June: 区经济和信息化局 fills the app's own June template; two units send May's sheets.
  await page.clock.setFixedTime(chinaTime('2026-06-27'));
  await openScreen(page, '月度进展');
  await page.getByLabel('月份').click();
  await page.getByRole('option', { name: '6月' }).click();
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出6月进展表' }).click();
  const templates = await unzipDownload(await zip, dir);
  const book = await loadWorkbook(templates.get('区经济和信息化局-2026年6月进展.xlsx')!);
  const sheet = book.worksheets.find((s) => s.state === 'visible')!;
  for (const [title, percent] of [
    ['提高制造业投资比重', 50],
    ['亩均效益领跑者培育', 45],
    ['印染产业提质增效', 50],
  ] as const) {
    rowOf(sheet, title).getCell(columnOf(sheet, '累计进度(%)')).value = percent;
  }
  const june = await saveWorkbook(book, `${dir}/经信局6月.xlsx`);
  await importProgress(page, 6, [june, fixture('区发展和改革局-5月进展.xlsx'), fixture('东城街道-5月进展.xls')]);

  // The May sheets are held back, nothing from them in the preview, each with its two choices.
  const files = page.getByRole('table', { name: '文件' });
  const fgw = files.getByRole('group', { name: '区发展和改革局-5月进展.xlsx的月份' });
  await expect(fgw).toContainText('暂不导入：文件写的是5月的进展，正在导入的是6月');
  await expect(page.getByRole('heading', { name: /预览：新增 3 条/ })).toBeVisible();
  await expect(page.getByRole('table', { name: '导入预览' })).not.toContainText('区发展和改革局-5月进展.xlsx');
  // 东城街道's sheet goes to May, as it says; 发改局's is taken as June after all.
  await files
    .getByRole('group', { name: '东城街道-5月进展.xls的月份' })
    .getByRole('button', { name: '改为导入到5月' })
    .click();
  await fgw.getByRole('button', { name: '仍按6月导入' }).click();
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview.getByRole('row', { name: /^5月 东城街道-5月进展\.xls/ }).first()).toBeVisible();
  await expect(preview.getByRole('row', { name: /^6月 区发展和改革局-5月进展\.xlsx/ }).first()).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 3 个文件')).toBeVisible();
  await page.goto('/#/reports/5');
  await expect(page.getByRole('table', { name: '任务进展' })).toContainText('东城街道');

  // Every screen, every month, twice: not one row more anywhere, not one log entry more.
  const before = await tableCounts(page);
  const [taskId, unitId] = await page.evaluate(() =>
    Promise.all(
      ['tasks', 'units'].map(
        (store) =>
          new Promise<string>((resolve) => {
            const request = indexedDB.open('duchaduban');
            request.onsuccess = () => {
              const cursor = request.result.transaction(store).objectStore(store).openCursor();
              cursor.onsuccess = () => resolve(String(cursor.result?.primaryKey));
            };
          }),
      ),
    ),
  );
  const pages = [`task/${taskId}`, `retro/${taskId}`, `unit/${unitId}`];
  for (let pass = 0; pass < 2; pass++) {
    for (const route of [...otherScreens, ...pages]) await visit(page, route);
    for (const m of months) for (const route of monthScreens) await visit(page, `${route}/${m}`);
  }
  expect(await tableCounts(page)).toEqual(before);

  // The log holds what people and imports did, in words: no 加扣分 nobody decided.
  const rows = await logRows(page);
  const contents = rows.map((r) => r.slice(1).join(' | '));
  expect(contents.some((c) => c.includes('加扣分'))).toBe(false);
  const text = contents.join('\n');
  expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|state|decidedBy|yearId|（空） → （空）/);
  expect(rows[0]![1]).toMatch(/^2026年6月27日 \d\d:\d\d$/);
  expect(rows[0]!.slice(2)).toEqual([
    '李督查',
    '新增',
    '导入批次',
    expect.stringContaining('导入月度进展：经信局6月.xlsx、区发展和改革局-5月进展.xlsx、东城街道-5月进展.xls；新增'),
  ]);
  expect(rows[0]![5]).toContain('；“区发展和改革局-5月进展.xlsx”文件写的是5月，仍按6月导入');
  expect(rows[0]![5]).toContain('；“东城街道-5月进展.xls”按文件所写导入到5月');
  // The batch opens to its rows, described the same way.
  await page.getByRole('button', { name: '展开导入的各行' }).first().click();
  await expect(page.getByRole('table', { name: '导入的各行' })).toContainText(
    '区经济和信息化局“提高制造业投资比重”6月进展',
  );
  await expect(page.getByRole('table', { name: '导入的各行' })).toContainText('累计进度：50%');
});

test('decisions in the log as sentences, the log in Excel with the same columns; publishing lists what is open; movement only against a month with data', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputDir;
  await startYearWithTaskList(page, '李督查');
  await importMayReports(page, dir);

  // 赛马排名 of May: April had no data, so no unit moved.
  await page.goto('/#/ranking/5');
  const changes = page.getByRole('table', { name: '区级部门排名' }).locator('tbody tr td:nth-child(4)');
  await expect(changes.first()).toBeVisible();
  expect(new Set(await changes.allTextContents())).toEqual(new Set(['—']));

  // A reviewer confirms 区发展和改革局's proposals.
  await page.goto('/#/scores/5');
  const fgw = page.getByRole('region', { name: '区发展和改革局的加扣分' });
  await fgw.getByRole('button', { name: /^全部确认/ }).click();
  // A summary first: what will be confirmed, by rule, with counts.
  const summary = page.getByRole('dialog', { name: '确认5月加扣分' });
  await expect(summary).toContainText('将确认区发展和改革局的');
  await expect(summary.getByRole('table', { name: '将确认的加扣分' })).toContainText('逾期报送');
  await summary.getByRole('button', { name: /^确认\d+项$/ }).click();
  await expect(fgw.getByRole('button', { name: /^全部确认/ })).toHaveCount(0);

  const rows = await logRows(page);
  const confirmed = rows.filter((r) => r[5]?.startsWith('确认：'));
  expect(confirmed.length).toBeGreaterThan(0);
  expect(confirmed[0]!.slice(2, 5)).toEqual([
    '李督查',
    '新增',
    expect.stringMatching(/^区发展和改革局5月加扣分（.+）$/),
  ]);

  // The log in Excel: the screen's columns, the same words.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const file = `${dir}/操作日志.xlsx`;
  await (await download).saveAs(file);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(file);
  const log = exported.getWorksheet('操作日志')!;
  const cells = (n: number) => [...Array(6).keys()].map((i) => String(log.getRow(n).getCell(i + 1).value ?? ''));
  const headerAt = [1, 2, 3, 4].find((n) => cells(n)[0] === '序号')!;
  expect(cells(headerAt)).toEqual(['序号', '时间', '操作人', '操作', '对象', '内容']);
  const texts: string[] = [];
  log.eachRow((row) => texts.push(String(row.getCell(6).value ?? '')));
  expect(texts).toContain(confirmed[0]![5]);

  // Publishing May: the dialog lists what is still open, with links; publishing needs the tick.
  await page.goto('/#/feedback/5');
  await page.getByRole('button', { name: '发布5月' }).click();
  const dialog = page.getByRole('dialog', { name: '发布5月' });
  const open = dialog.getByRole('list', { name: '未处理事项' });
  await expect(open).toContainText(/\d+条进展尚未核查/);
  await expect(open).toContainText(/\d+个单位未报送进展/);
  await expect(open).toContainText(/\d+项加扣分建议尚未确认或免扣/);
  await expect(open).toContainText(/\d+条滞后原因说明尚未决定是否采纳/);
  await expect(dialog.getByRole('button', { name: '确认发布' })).toBeDisabled();
  await open.getByRole('button', { name: '去确认' }).click();
  await expect(page).toHaveURL(/#\/scores\/5$/);
  await page.goto('/#/feedback/5');
  await page.getByRole('button', { name: '发布5月' }).click();
  await dialog.getByLabel('我已知晓以上事项仍未处理，确认发布').check();
  await dialog.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText(/5月已于 2026年5月27日 \d\d:\d\d 由 李督查 发布/)).toBeVisible();
  // Published: the comment fields are read-only, not failing on save.
  await expect(
    page.getByRole('region', { name: '区经济和信息化局的督查反馈' }).getByLabel('提高制造业投资比重的反馈意见'),
  ).toHaveAttribute('readonly', '');
  const published = await logRows(page);
  expect(published[0]!.slice(4)).toEqual(['2026年度5月发布快照', '保存发布时的进展、得分和红黑榜快照']);
  expect(published[1]!.slice(4)).toEqual(['2026年度5月', '发布5月']);
});

test('反馈意见 is saved as it is typed: a reload at once, without leaving the field, keeps it', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '李督查');
  await importMayReports(page, testInfo.outputDir);
  await page.goto('/#/feedback/5');
  const comment = page
    .getByRole('region', { name: '区经济和信息化局的督查反馈' })
    .getByLabel('提高制造业投资比重的反馈意见');
  await comment.click();
  await comment.pressSequentially('请补充审批进度佐证材料');
  await page.reload();
  await expect(
    page.getByRole('region', { name: '区经济和信息化局的督查反馈' }).getByLabel('提高制造业投资比重的反馈意见'),
  ).toHaveValue('请补充审批进度佐证材料');
  // And it is in the log under the operator's name, in words.
  const rows = await logRows(page);
  expect(rows[0]!.slice(4)).toEqual([
    '区经济和信息化局“提高制造业投资比重”5月督查反馈',
    '反馈意见：请补充审批进度佐证材料；核查人：李督查；核查日期：2026年5月27日',
  ]);
});
