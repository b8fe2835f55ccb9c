import { expect, test, type Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { enterOperator, openScreen } from './helpers';
import { chinaTime } from './cycle-steps';

const row = (page: Page, table: string, text: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ hasText: text });
/** A row's cells, tab-separated as on screen. */
const cells = async (page: Page, table: string, text: string) =>
  (await row(page, table, text).getByRole('cell').allInnerTexts()).map((t) => t.trim());

// The 2025 sample (core/sample.ts) by hand: 20 tasks in 5 sections; every task reaches 100 % in
// or before its due month except 临空经济示范区建设 (96 % in November: on schedule within the
// 5-point tolerance, yet not done), 产业基金组建运营 (80 % in September, no sheet in October) and
// 重点道路建设 (behind from July, 92 % in November). So 17 done, all on time, 3 unfinished: 85 %.
// 产业发展 holds 招商引资, 外贸, 临空 and 产业基金: 2 of 4; 城市建设与更新 6 tasks, 道路 unfinished: 5
// of 6 = 83.3 %. 城投 leads 道路 and 防洪排涝 (done): 1 of 2. One 约谈: 城投, after its black
// lists of September and October.
test('年度报告 of the 2025 sample: completion, late tasks, the year ranking with the evaluation, the 约谈; on paper, in Excel and in Word', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputDir;
  await page.clock.setFixedTime(chinaTime('2026-03-02'));
  await page.goto('/');
  await enterOperator(page, '陈科员');
  await openScreen(page, '工作年度');
  const panel = page.getByRole('region', { name: '示例数据' });
  await panel.getByRole('button', { name: '加载示例数据' }).click();
  await expect(panel.getByRole('alert')).toContainText('示例数据已加载');

  await openScreen(page, '年度报告');
  await expect(page.getByRole('heading', { name: '年度报告' })).toBeVisible();
  await expect(page.getByRole('alert', { name: '报告说明' })).toHaveText(
    '2025年度已结束，本报告按各项重点工作牵头单位最后一次报送的进展统计。',
  );
  // November's proposals are still waiting for the reviewer in the sample.
  await expect(page.getByRole('alert').filter({ hasText: '11月还有未确认的加扣分建议' })).toBeVisible();

  // 一: by section and in total.
  const sections = page.getByRole('region', { name: '各工作板块完成情况' });
  await expect(sections).toContainText(
    '全年纳入督查的重点工作共20项，已完成17项（按期完成17项、逾期完成0项），未完成3项，完成率85%。',
  );
  const sectionTable = '各工作板块完成情况';
  await expect(row(page, sectionTable, '项目建设')).toBeVisible();
  expect(await cells(page, sectionTable, '项目建设')).toEqual(['项目建设', '2', '2', '2', '0', '0', '100%']);
  expect(await cells(page, sectionTable, '产业发展')).toEqual(['产业发展', '4', '2', '2', '0', '2', '50%']);
  expect(await cells(page, sectionTable, '城市建设与更新')).toEqual([
    '城市建设与更新',
    '6',
    '5',
    '5',
    '0',
    '1',
    '83.3%',
  ]);
  expect(await cells(page, sectionTable, '民生保障')).toEqual(['民生保障', '4', '4', '4', '0', '0', '100%']);
  expect(await cells(page, sectionTable, '营商环境')).toEqual(['营商环境', '4', '4', '4', '0', '0', '100%']);
  expect(await cells(page, sectionTable, '合计')).toEqual(['合计', '20', '17', '17', '0', '3', '85%']);

  // 二: by lead unit, with the year composite and the rank within the group.
  const unitTable = '各牵头单位完成情况';
  expect((await cells(page, unitTable, '区城市建设投资集团有限公司')).slice(0, 6)).toEqual([
    '国企和平台',
    '区城市建设投资集团有限公司',
    '2',
    '1',
    '1',
    '50%',
  ]);
  expect((await cells(page, unitTable, '区产业投资集团有限公司')).slice(0, 6)).toEqual([
    '国企和平台',
    '区产业投资集团有限公司',
    '1',
    '0',
    '1',
    '0%',
  ]);
  expect((await cells(page, unitTable, '区财政局')).slice(0, 6)).toEqual([
    '区级部门',
    '区财政局',
    '3',
    '3',
    '0',
    '100%',
  ]);
  await expect(page.getByRole('table', { name: unitTable }).getByRole('row')).toHaveCount(13);

  // 三: the three tasks not done by their due date, and since when each was behind.
  const lateTable = '未按期完成的任务';
  await expect(page.getByRole('table', { name: lateTable }).getByRole('row')).toHaveCount(4);
  expect(await cells(page, lateTable, '临空经济示范区建设')).toEqual([
    '7',
    '临空经济示范区建设',
    '临空经济示范区管委会',
    '2025年11月30日',
    '96%（11月）',
    '逾期未完成',
    '11月（到期未完成）',
  ]);
  expect(await cells(page, lateTable, '产业基金组建运营')).toEqual([
    '8',
    '产业基金组建运营',
    '区产业投资集团有限公司',
    '2025年10月31日',
    '80%（9月）',
    '逾期未完成',
    '10月（未报送）',
  ]);
  expect(await cells(page, lateTable, '重点道路建设')).toEqual([
    '9',
    '重点道路建设',
    '区城市建设投资集团有限公司',
    '2025年11月30日',
    '92%（11月）',
    '逾期未完成',
    '7月（滞后）',
  ]);

  // 四: the year ranking with its parts: composite = process × 80 % + evaluation × 20 %
  // (临空: 100 × .8 + 88.4 × .2 = 97.68; 城投: 97.89 × .8 + 84.38 × .2 = 95.188 → 95.19).
  const rankingTable = '年度赛马排名';
  await expect(page.getByRole('region', { name: rankingTable })).toContainText(
    '年度综合得分 = 过程得分（3—11月月均得分）× 80% + 第三方评估得分 × 20%',
  );
  await expect(page.getByRole('table', { name: rankingTable }).getByRole('columnheader')).toHaveText([
    '分组',
    '名次',
    '单位',
    '过程得分',
    '评估得分',
    '综合得分',
  ]);
  expect(await cells(page, rankingTable, '临空经济示范区管委会')).toEqual([
    '国企和平台',
    '1',
    '临空经济示范区管委会',
    '100',
    '88.4',
    '97.68',
  ]);
  expect(await cells(page, rankingTable, '区城市建设投资集团有限公司')).toEqual([
    '国企和平台',
    '3',
    '区城市建设投资集团有限公司',
    '97.89',
    '84.38',
    '95.19',
  ]);
  await expect(page.getByRole('table', { name: rankingTable }).getByRole('row')).toHaveCount(13);
  // The unit table carries the same composite and rank.
  expect((await cells(page, unitTable, '临空经济示范区管委会')).slice(6)).toEqual(['97.68', '1']);

  // 五: the year's 红黑榜 by the composite: 城投 at the bottom of its group.
  const lists = page.getByRole('table', { name: '年度红黑榜' });
  await expect(lists.locator('tr[data-list="红榜"]', { hasText: '临空经济示范区管委会' })).toContainText('97.68');
  await expect(lists.locator('tr[data-list="黑榜"]', { hasText: '区城市建设投资集团有限公司' })).toContainText('95.19');

  // 六: the 约谈 held.
  const interviews = '约谈情况';
  await expect(page.getByRole('region', { name: interviews })).toContainText('全年共约谈1次。');
  expect((await cells(page, interviews, '区城市建设投资集团有限公司')).slice(1, 3)).toEqual([
    '区城市建设投资集团有限公司',
    '9月、10月连续两个月列入黑榜',
  ]);

  // The 赛马排名 screen's year mode shows the same composites.
  await page.goto('/#/ranking/11');
  await page.getByRole('button', { name: '年度', exact: true }).click();
  await expect(
    page.getByRole('table', { name: '国企和平台排名' }).getByRole('row', { name: /临空经济示范区管委会/ }),
  ).toHaveText(/^1临空经济示范区管委会10088\.497\.68/);
  await expect(
    page.getByRole('table', { name: '国企和平台排名' }).getByRole('row', { name: /区城市建设投资集团有限公司/ }),
  ).toHaveText(/^3区城市建设投资集团有限公司97\.8984\.3895\.19/);

  // On paper: A4 in the official layout, marked as sample data.
  await openScreen(page, '年度报告');
  await expect(page.getByRole('table', { name: rankingTable })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/年度报告.pdf`, pdf);
  // NFKC: the CJK fonts map some characters to their radical forms (⽉ for 月) in the PDF's text layer.
  // Some glyphs come back as CJK radicals that NFKC leaves alone (⻢ for 马, ⻔ for 门, ⺠ for 民).
  const radicals: Record<string, string> = { '⻢': '马', '⻔': '门', '⺠': '民' };
  const flat = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[⻢⻔⺠]/gu, (c) => radicals[c]!)
      .replace(/\s+/g, '');
  const printed = flat((await new PDFParse({ data: pdf }).getText()).text);
  expect(printed).toContain(flat('2025年度重点工作完成情况报告'));
  expect(printed).toContain(flat('示例数据·非正式文件'));
  expect(printed).toContain(flat('区政府督查室2026年3月2日'));
  for (const heading of [
    '一、各工作板块完成情况',
    '二、各牵头单位完成情况',
    '三、未按期完成的任务',
    '四、年度赛马排名',
    '五、年度红黑榜',
    '六、约谈情况',
  ]) {
    expect(printed).toContain(flat(heading));
  }
  expect(printed).toContain(flat('已完成17项（按期完成17项、逾期完成0项），未完成3项，完成率85%'));
  expect(printed).toContain(flat('7月（滞后）'));
  expect(printed).toContain('综合得分');
  expect(printed).toContain('97.68');
  expect(printed).toContain(flat('9月、10月连续两个月列入黑榜'));
  expect(printed).toContain('—1—');
  expect(printed).not.toContain('导出Excel');

  // Excel: one workbook, one sheet per part.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('2025年度重点工作完成情况报告.xlsx');
  await xlsx.saveAs(`${dir}/年度报告.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(`${dir}/年度报告.xlsx`);
  expect(book.worksheets.map((s) => s.name)).toEqual([
    '各工作板块完成情况',
    '各牵头单位完成情况',
    '未按期完成的任务',
    '年度赛马排名',
    '年度红黑榜',
    '约谈情况',
  ]);
  const values = (sheet: string, first: string) => {
    const ws = book.getWorksheet(sheet)!;
    for (let r = 1; r <= ws.rowCount; r += 1) {
      const v = (ws.getRow(r).values as unknown[]).slice(1);
      if (v[0] === first || v.includes(first)) return v;
    }
    return undefined;
  };
  // From the sample year: the mark above the title of every sheet and in its page header.
  for (const sheet of book.worksheets) {
    expect(sheet.getCell('A1').value).toBe('示例数据 · 非正式文件');
    expect(sheet.headerFooter.oddHeader).toContain('示例数据 · 非正式文件');
  }
  expect(book.getWorksheet('各工作板块完成情况')!.getCell('A2').value).toBe('2025年度重点工作完成情况报告');
  expect(values('各工作板块完成情况', '工作板块')).toEqual([
    '工作板块',
    '任务数',
    '已完成',
    '按期完成',
    '逾期完成',
    '未完成',
    '完成率',
  ]);
  expect(values('各工作板块完成情况', '合计')).toEqual(['合计', 20, 17, 17, 0, 3, 0.85]);
  expect(values('各工作板块完成情况', '城市建设与更新')).toEqual(['城市建设与更新', 6, 5, 5, 0, 1, 0.833]);
  expect(book.getWorksheet('各工作板块完成情况')!.getCell('G5').numFmt).toBe('0.0%');
  expect(values('各牵头单位完成情况', '区城市建设投资集团有限公司')).toEqual([
    '国企和平台',
    '区城市建设投资集团有限公司',
    2,
    1,
    1,
    0.5,
    95.19,
    3,
  ]);
  expect(values('未按期完成的任务', '重点道路建设')).toEqual([
    '9',
    '重点道路建设',
    '区城市建设投资集团有限公司',
    '2025年11月30日',
    '92%（11月）',
    '逾期未完成',
    '7月（滞后）',
  ]);
  expect(values('年度赛马排名', '临空经济示范区管委会')).toEqual([
    '国企和平台',
    1,
    '临空经济示范区管委会',
    100,
    88.4,
    97.68,
  ]);
  expect(values('年度红黑榜', '区城市建设投资集团有限公司')?.slice(0, 7)).toEqual([
    '国企和平台',
    '黑榜',
    3,
    '区城市建设投资集团有限公司',
    97.89,
    84.38,
    95.19,
  ]);
  expect(values('约谈情况', '区城市建设投资集团有限公司')?.slice(1, 3)).toEqual([
    '区城市建设投资集团有限公司',
    '9月、10月连续两个月列入黑榜',
  ]);

  // Word: the same report, editable.
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Word' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe('2025年度重点工作完成情况报告.docx');
  await docx.saveAs(`${dir}/年度报告.docx`);
  const { value: text } = await mammoth.extractRawText({ path: `${dir}/年度报告.docx` });
  expect(text.trimStart()).toMatch(/^示例数据 · 非正式文件\s+2025年度重点工作完成情况报告/);
  expect(text).toContain('区政府督查室\u30002026年3月2日');
  expect(text).toContain('2025年度已结束');
  expect(text).toContain(
    '全年纳入督查的重点工作共20项，已完成17项（按期完成17项、逾期完成0项），未完成3项，完成率85%。',
  );
  expect(text).toMatch(
    /重点道路建设\s+区城市建设投资集团有限公司\s+2025年11月30日\s+92%（11月）\s+逾期未完成\s+7月（滞后）/,
  );
  expect(text).toMatch(/临空经济示范区管委会\s+100\s+88\.4\s+97\.68/);
  expect(text).toContain('9月、10月连续两个月列入黑榜');
});
