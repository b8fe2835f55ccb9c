// Steps of the monthly cycle shared by the cycle and scoring tests: a year with the fixture
// task list, 区发展和改革局's plan, and May's sheets from three units (the app's own template
// filled by 区经济和信息化局, and the two fixture sheets of units' own making).
import { expect, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readFile, writeFile } from 'node:fs/promises';
import { chooseFiles, createYear, enterOperator, fixture, openScreen } from './helpers';

export const chinaTime = (date: string) => new Date(`${date}T10:00:00+08:00`);

export async function unzipDownload(download: Download, dir: string): Promise<Map<string, Uint8Array>> {
  const zip = `${dir}/${download.suggestedFilename()}`;
  await download.saveAs(zip);
  return new Map(Object.entries(unzipSync(new Uint8Array(await readFile(zip)))));
}

/** Column number (1-based) of the header cell with this text. */
export function columnOf(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= 10; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (String(row.getCell(c).value ?? '') === text) return c;
  }
  throw new Error(`no header ${text}`);
}

export function rowOf(sheet: ExcelJS.Worksheet, title: string): ExcelJS.Row {
  const col = columnOf(sheet, '重点工作');
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (String(row.getCell(col).value ?? '') === title) found = row;
  });
  if (!found) throw new Error(`no row ${title}`);
  return found;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

export async function saveWorkbook(book: ExcelJS.Workbook, path: string): Promise<string> {
  await writeFile(path, new Uint8Array(await book.xlsx.writeBuffer()));
  return path;
}

/** 3-09: the operator, the 2026 year and the fixture task list (20 tasks). */
export async function startYearWithTaskList(page: Page, operator: string) {
  await page.clock.setFixedTime(chinaTime('2026-03-09'));
  await page.goto('/');
  await enterOperator(page, operator);
  await createYear(page, 2026);
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', [fixture('任务清单-2026.xlsx')]);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('新增 20 项任务')).toBeVisible();
}

/** Plans planned 10, 20, 40 … 100 % for two of 区发展和改革局's tasks; 临空示范区开发建设 has none. */
export async function submitPlan(page: Page, dir: string) {
  await openScreen(page, '月方案');
  const planZip = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出月方案模板' }).click();
  const plans = await unzipDownload(await planZip, dir);
  expect(plans.size).toBeGreaterThan(20);
  const book = await loadWorkbook(plans.get('区发展和改革局-2026年月方案.xlsx')!);
  const sheet = book.getWorksheet('月方案')!;
  const series = [10, 20, 40, 50, 60, 70, 80, 90, 100];
  for (const title of ['重大项目攻坚年行动', '促进民间投资增长']) {
    const row = rowOf(sheet, title);
    series.forEach((percent, i) => {
      row.getCell(columnOf(sheet, `${i + 3}月节点目标`)).value = `${title}第${i + 1}阶段`;
      row.getCell(columnOf(sheet, `${i + 3}月计划累计进度(%)`)).value = percent;
    });
  }
  const file = await saveWorkbook(book, `${dir}/发改局月方案.xlsx`);
  await page.getByRole('button', { name: '导入月方案' }).click();
  await chooseFiles(page, '选择月方案文件', [file]);
  await expect(
    page.getByRole('table', { name: '导入预览' }).getByRole('row', { name: /重大项目攻坚年行动.*新增/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 1 个单位的月方案')).toBeVisible();
}

export async function importProgress(page: Page, month: number, files: string[]) {
  await openScreen(page, '月度进展');
  await page.getByRole('button', { name: `导入${month}月进展` }).click();
  await chooseFiles(page, '选择月度进展文件', files);
}

/**
 * 5-27: May's templates out; 区经济和信息化局 fills its own (two tasks behind with an explanation,
 * one ahead); it comes back with the two fixture sheets. Returns the filled workbook and a
 * function to change a row, for tests that send a corrected copy.
 */
export async function importMayReports(page: Page, dir: string) {
  await page.clock.setFixedTime(chinaTime('2026-05-27'));
  await openScreen(page, '月度进展');
  await page.getByLabel('月份').click();
  await page.getByRole('option', { name: '5月' }).click();
  const reportZip = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出5月进展表' }).click();
  const reports = await unzipDownload(await reportZip, dir);
  const book = await loadWorkbook(reports.get('区经济和信息化局-2026年5月进展.xlsx')!);
  const sheet = book.worksheets.find((s) => s.state === 'visible')!;
  const fill = (title: string, percent: number, status: string, explanation = '') => {
    const row = rowOf(sheet, title);
    row.getCell(columnOf(sheet, '累计进度(%)')).value = percent;
    row.getCell(columnOf(sheet, '状态')).value = status;
    row.getCell(columnOf(sheet, '本月完成情况')).value = `完成${percent}%`;
    if (explanation) row.getCell(columnOf(sheet, '滞后原因说明')).value = explanation;
  };
  fill('提高制造业投资比重', 20, '滞后', '项目审批延后');
  fill('亩均效益领跑者培育', 10, '滞后', '评价机制调整');
  fill('印染产业提质增效', 40, '序时推进');
  const own = await saveWorkbook(book, `${dir}/经信局5月.xlsx`);
  await importProgress(page, 5, [own, fixture('区发展和改革局-5月进展.xlsx'), fixture('东城街道-5月进展.xls')]);
  await expect(page.getByRole('heading', { name: /预览：新增 14 条/ })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 3 个文件')).toBeVisible();
  return { book, fill };
}
