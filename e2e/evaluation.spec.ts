import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { chooseFiles, openScreen } from './helpers';
import { saveWorkbook, startYearWithTaskList } from './cycle-steps';

/** A workbook of one sheet: an optional title row, the header, the rows. */
async function sheetFile(
  path: string,
  title: string | undefined,
  header: string[],
  rows: (string | number)[][],
): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评估结果');
  if (title) sheet.addRow([title]);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return saveWorkbook(book, path);
}

async function manualEntry(page: Page, unit: string, points: number, reason: string) {
  await page.getByRole('button', { name: '手工加扣分' }).click();
  const dialog = page.getByRole('dialog', { name: '手工加扣分（3月）' });
  await dialog.getByLabel('单位').click();
  await page.getByRole('option', { name: unit, exact: true }).click();
  await dialog.getByLabel('分值（扣分填负数）').fill(String(points));
  await dialog.getByLabel('事由').fill(reason);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

const rankRow = (page: Page, group: string, unit: string) =>
  page
    .getByRole('table', { name: `${group}排名` })
    .getByRole('row')
    .filter({ hasText: unit });

test('第三方评估: three sheets on three scales → the year ranking and 红黑榜 move as computed by hand', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const dir = testInfo.outputDir;
  await mkdir(dir, { recursive: true });
  await startYearWithTaskList(page, '钱主任');

  // Process scores: March, two towns criticised. 清溪镇 100 − 6 = 94, 北塘街道 100 − 3 = 97, the rest 100.
  await page.goto('/#/scores/3');
  await manualEntry(page, '清溪镇', -6, '通报批评：安全生产检查问题');
  await manualEntry(page, '北塘街道', -3, '通报批评：信访件超期');

  // The year's ranking before any evaluation: the mean of March.
  await page.goto('/#/ranking/3');
  await page.getByRole('button', { name: '年度', exact: true }).click();
  await expect(rankRow(page, '镇街', '北塘街道')).toHaveText(/^7北塘街道97无评估97/);
  await expect(rankRow(page, '镇街', '清溪镇')).toHaveText(/^8清溪镇94无评估94/);
  await expect(rankRow(page, '镇街', '临江镇').getByRole('cell').first()).toHaveText('1');
  await expect(rankRow(page, '镇街', '平水镇').getByRole('cell').first()).toHaveText('1');

  // The office weighs 企业 70 %, 群众 30 % (第三方机构 stays 20: only rater types present count).
  await openScreen(page, '规则设置');
  const settings = page.getByRole('region', { name: '第三方评估设置' });
  await settings.getByLabel('企业评价权重(%)').fill('70');
  await settings.getByLabel('群众评价权重(%)').fill('30');
  await expect(settings.getByRole('status')).toHaveText(/^已保存/);

  // Three sheets: 百分制 by unit (one bad cell, one small sample), 五分制 without a hint (asked), 满意率 by task.
  const hundred = await sheetFile(
    `${dir}/镇街满意度测评结果.xlsx`,
    '2026年度镇街满意度测评结果',
    ['单位', '评价主体', '满意度得分', '样本数'],
    [
      ['东城街道', '企业', 90, 200],
      ['东城街道', '群众', 80, 300],
      ['西城街道', '企业', 95, 150],
      ['西城街道', '群众', 92, 400],
      ['北塘街道', '企业', 98, 120],
      ['北塘街道', '群众', 96, 500],
      ['清溪镇', '企业', 100, 80],
      ['清溪镇', '群众', 60, 20],
      ['南湖街道', '企业', '良好', 100],
      ['南湖街道', '群众', 85, 260],
    ],
  );
  const five = await sheetFile(
    `${dir}/企业评价.xlsx`,
    undefined,
    ['单位', '评价主体', '得分', '样本数'],
    [
      ['安桥镇', '企业', 4.5, 60],
      ['平水镇', '企业', 3.5, 60],
    ],
  );
  const percent = await sheetFile(
    `${dir}/重点工作第三方评估.xlsx`,
    undefined,
    ['重点工作', '评价主体', '满意率', '样本数'],
    [['轻纺市场转型升级', '第三方评估机构', '92%', 50]],
  );

  await openScreen(page, '第三方评估');
  await page.getByRole('button', { name: '导入评估结果' }).click();
  await chooseFiles(page, '选择评估结果文件', [hundred, five, percent]);
  const issues = page.getByRole('table', { name: '问题清单' });
  // The bad cell, by file, sheet, row and column; its row alone is left out.
  await expect(
    issues.getByRole('row').filter({ hasText: 'C列第11行的"良好"不是可识别的分数，此行不导入' }),
  ).toContainText(/错误镇街满意度测评结果\.xlsx评估结果11C/);
  // 五分制 or 百分制? The app asks; nothing of that file is read until answered.
  await expect(issues.getByRole('row').filter({ hasText: '请在上方选择评分制' })).toContainText('企业评价.xlsx');
  await expect(page.getByRole('heading', { name: '预览：新增 10 条，修改 0 条，未变 0 条' })).toBeVisible();
  await page.getByLabel('“企业评价.xlsx”的评分制').click();
  await page.getByRole('option', { name: '五分制' }).click();
  await expect(page.getByRole('heading', { name: '预览：新增 12 条，修改 0 条，未变 0 条' })).toBeVisible();
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview.getByRole('row').filter({ hasText: '安桥镇' })).toContainText('4.5（五分制）90');
  await expect(preview.getByRole('row').filter({ hasText: '轻纺市场转型升级' })).toContainText(
    '区商务局第三方机构92%92',
  );
  await expect(preview.getByRole('row').filter({ hasText: '清溪镇' }).filter({ hasText: '群众' })).toContainText(
    '样本偏少',
  );
  await expect(page.getByText('依据：数值大于10，按百分制')).toBeVisible();
  await expect(page.getByText('依据：表头“满意率”')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 3 个文件：新增 12 条评估结果，修改 0 条，其中 1 条样本偏少')).toBeVisible();

  // The year's composite by hand (process × 80 % + evaluation × 20 %; evaluation = 企业 × 70 % + 群众 × 30 %):
  //   临江镇   no evaluation                          → 100
  //   西城街道 95 × .7 + 92 × .3 = 94.1;  100 × .8 + 94.1 × .2 = 98.82
  //   安桥镇   4.5 of 5 = 90 (企业 only);  80 + 18                 = 98
  //   东城街道 90 × .7 + 80 × .3 = 87;    80 + 17.4               = 97.4
  //   北塘街道 98 × .7 + 96 × .3 = 97.4;  97 × .8 + 97.4 × .2     = 97.08
  //   南湖街道 群众 85 (企业 row refused); 80 + 17                 = 97
  //   清溪镇   企业 100 (群众 sample 20 < 30, not yet accepted); 94 × .8 + 20 = 95.2
  //   平水镇   3.5 of 5 = 70;             80 + 14                 = 94
  //   区商务局 轻纺市场转型升级's 92 % counts for its lead unit: 80 + 18.4 = 98.4
  await page.goto('/#/ranking/3');
  await page.getByRole('button', { name: '年度', exact: true }).click();
  await expect(page.getByLabel('综合得分说明')).toContainText('过程得分（3月月均得分）× 80% + 第三方评估得分 × 20%');
  await expect(page.getByLabel('综合得分说明')).toContainText('企业70%、群众30%、第三方机构20%');
  const expected: [string, number, string, string, string][] = [
    ['临江镇', 1, '100', '无评估', '100'],
    ['西城街道', 2, '100', '94.1', '98.82'],
    ['安桥镇', 3, '100', '90', '98'],
    ['东城街道', 4, '100', '87', '97.4'],
    ['北塘街道', 5, '97', '97.4', '97.08'],
    ['南湖街道', 6, '100', '85', '97'],
    ['清溪镇', 7, '94', '100', '95.2'],
    ['平水镇', 8, '100', '70', '94'],
  ];
  for (const [unit, rank, process, evaluation, composite] of expected) {
    const cells = rankRow(page, '镇街', unit).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(String(rank));
    await expect(cells.nth(2)).toHaveText(process);
    await expect(cells.nth(3)).toHaveText(evaluation);
    await expect(cells.nth(4)).toHaveText(composite);
  }
  const swj = rankRow(page, '区级部门', '区商务局').getByRole('cell');
  await expect(swj.nth(3)).toHaveText('92');
  await expect(swj.nth(4)).toHaveText('98.4');
  await expect(page.getByRole('alert').filter({ hasText: '按过程得分排名的单位' })).toContainText('临江镇');
  await expect(page.getByRole('alert').filter({ hasText: '样本偏少，尚未采纳' })).toContainText('1 条');

  // The year's 红黑榜 by the composite, its parts on the list.
  await page.goto('/#/lists/3');
  await page.getByRole('button', { name: '年度', exact: true }).click();
  const towns = page.getByRole('table', { name: '镇街年度红黑榜' }).first();
  await expect(towns.locator('tr[data-list="红榜"]')).toHaveCount(3);
  await expect(towns.locator('tr[data-list="红榜"]', { hasText: '西城街道' })).toHaveText(
    '红榜2西城街道10094.198.82无扣分事项',
  );
  await expect(towns.locator('tr[data-list="黑榜"]').first()).toContainText('平水镇');
  await expect(towns.locator('tr[data-list="黑榜"]', { hasText: '清溪镇' })).toContainText(
    '通报批评：安全生产检查问题',
  );

  // Staff check 清溪镇's small survey and accept it: 100 × .7 + 60 × .3 = 88; 75.2 + 17.6 = 92.8, now last.
  await openScreen(page, '第三方评估');
  const rows = page.getByRole('table', { name: '评估结果' });
  await expect(rows.locator('tr[data-flag="pending"]')).toHaveCount(1);
  await rows.getByRole('button', { name: '采纳清溪镇的群众评价' }).click();
  await expect(rows.locator('tr[data-flag="pending"]')).toHaveCount(0);
  await expect(rows.getByRole('row').filter({ hasText: '清溪镇' }).filter({ hasText: '群众' })).toContainText(
    '已由钱主任采纳',
  );
  await page.goto('/#/ranking/3');
  await page.getByRole('button', { name: '年度', exact: true }).click();
  await expect(rankRow(page, '镇街', '清溪镇')).toHaveText(/^8清溪镇948892\.8/);
  await expect(rankRow(page, '镇街', '平水镇').getByRole('cell').first()).toHaveText('7');

  // The unit's page shows how its composite is made; the task's page its evaluation.
  await rankRow(page, '镇街', '清溪镇').click();
  await expect(page.getByTestId('composite')).toContainText(
    '过程得分（3月月均）94 × 80% + 评估得分 88 × 20% = 年度综合得分 92.8，镇街第8名',
  );
  await expect(page.getByTestId('composite')).toContainText('评估得分 = 企业100 × 70% + 群众60 × 30%');
  await expect(page.getByRole('table', { name: '本单位第三方评估' })).toContainText('镇街满意度测评结果.xlsx 第10行');
  await openScreen(page, '任务台账');
  await page.getByText('轻纺市场转型升级').first().click();
  const taskPanel = page.getByRole('region', { name: '第三方评估' });
  await expect(taskPanel).toContainText('计入牵头单位“区商务局”');
  await expect(taskPanel.getByRole('table', { name: '本项工作第三方评估' })).toContainText('92%');

  // Withdrawn, the small survey counts nowhere again: 清溪镇 back to 95.2 (企业 only).
  await openScreen(page, '第三方评估');
  await rows.getByRole('button', { name: '撤销采纳清溪镇的群众评价' }).click();
  await expect(rows.locator('tr[data-flag="pending"]')).toHaveCount(1);
  await page.goto('/#/ranking/3');
  await page.getByRole('button', { name: '年度', exact: true }).click();
  await expect(rankRow(page, '镇街', '清溪镇')).toHaveText(/^7清溪镇9410095\.2/);
});
