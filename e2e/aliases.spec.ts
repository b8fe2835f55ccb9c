import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseFiles, createYear, enterOperator, openScreen } from './helpers';

test('a column name the office adds as an alias is recognised by the next import', async ({ page }, testInfo) => {
  // A unit's own task list that calls the title column 工作事项.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('清单');
  sheet.addRow([
    '序号',
    '工作板块',
    '工作事项',
    '工作目标',
    '主要措施',
    '分管区领导',
    '牵头单位',
    '责任单位',
    '完成时限',
  ]);
  sheet.addRow([
    '1',
    '一、民生实事',
    '老旧小区改造',
    '1、改造小区20个',
    '1、编制改造计划',
    '王芳',
    '区住房和城乡建设局',
    '东城街道',
    '11月底前',
  ]);
  const file = testInfo.outputPath('自制清单.xlsx');
  await workbook.xlsx.writeFile(file);

  await page.goto('/');
  await enterOperator(page, '周科员');
  await createYear(page, 2026);
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', [file]);
  await expect(page.getByRole('table', { name: '文件' })).toContainText('不是重点工作任务清单');
  await page.getByRole('button', { name: '全部移除' }).click();

  await openScreen(page, '列名别名');
  await page.getByLabel('表格类型').click();
  await page.getByRole('option', { name: '任务清单' }).click();
  await page.getByLabel('栏目').click();
  await page.getByRole('option', { name: '重点工作' }).click();
  await page.getByLabel('表格中的列名').fill('工作事项');
  await page.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('已添加：“工作事项”识别为“重点工作”。')).toBeVisible();

  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', [file]);
  await expect(page.getByRole('heading', { name: '预览：新增 1 项，修改 0 项，未变 0 项' })).toBeVisible();
  await expect(page.getByRole('table', { name: '导入预览' })).toContainText('老旧小区改造');
});
