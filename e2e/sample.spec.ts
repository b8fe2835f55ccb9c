import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { createYear, enterOperator, openScreen } from './helpers';
import { chinaTime } from './cycle-steps';

const rankRow = (page: Page, group: string, unit: string) =>
  page.getByRole('table', { name: `${group}排名` }).getByRole('row', { name: new RegExp(unit) });
const banner = (page: Page) => page.getByRole('status', { name: '示例数据提示' });

test('示例数据: load the 2025 sample beside a real year, try the ledger, the 赛马 and the 红黑榜, remove it in one action', async ({
  page,
}, testInfo) => {
  await page.clock.setFixedTime(chinaTime('2026-03-05'));
  await page.goto('/');
  await enterOperator(page, '陈科员');
  await createYear(page, 2026);

  // Load from the 工作年度 screen: the sample year is selected and marked.
  const panel = page.getByRole('region', { name: '示例数据' });
  await panel.getByRole('button', { name: '加载示例数据' }).click();
  await expect(panel.getByRole('alert')).toContainText('示例数据已加载');
  await expect(page.getByRole('banner')).toContainText('2025年度（示例）');
  await expect(banner(page)).toContainText('2025年度重点工作（示例数据）');
  await expect(banner(page).getByRole('button', { name: '切换到2026年度' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2025年度 规则设置' })).toBeVisible();
  // Loading again is not offered while the sample is there.
  await expect(panel.getByRole('button', { name: '加载示例数据' })).toHaveCount(0);

  // 首页: the chart names the months, and its colours read as the lights do.
  await openScreen(page, '首页');
  const chart = page.getByRole('region', { name: '各月任务状态' });
  // The sample year's window is March to November, all of it past.
  await expect(chart.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel')).toHaveText([
    '3月',
    '4月',
    '5月',
    '6月',
    '7月',
    '8月',
    '9月',
    '10月',
    '11月',
  ]);
  const hue = async (status: string) => {
    const fill = await chart
      .locator('.MuiChartsLegend-series', { hasText: status })
      .locator('rect')
      .getAttribute('fill');
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill!.slice(i, i + 2), 16)) as [number, number, number];
    if (Math.max(r, g, b) - Math.min(r, g, b) < 16) return 'grey';
    return g > r && g > b ? 'green' : r > g && g > b * 2 && g > 0.55 * r ? 'amber' : r > g ? 'red' : 'other';
  };
  for (const status of ['已完成', '超序时', '序时推进']) expect(await hue(status)).toBe('green');
  expect(await hue('滞后')).toBe('amber');
  expect(await hue('未启动')).toBe('red');
  expect(await hue('未报送')).toBe('grey');

  // 任务台账: the 20 tasks, with their units and due dates; the marker stays on every screen.
  await openScreen(page, '任务台账');
  await expect(banner(page)).toBeVisible();
  await expect(page.getByText('共 20 项')).toBeVisible();
  const ledger = page.getByRole('table', { name: '任务台账' });
  await expect(ledger.getByRole('row').filter({ hasText: '重大项目攻坚行动' })).toContainText('区发展和改革局');
  await expect(ledger.getByRole('row').filter({ hasText: '背街小巷环境整治' })).toContainText('2025年6月30日');

  // 赛马排名 of October, a published month: 城投 behind two months running, 产投 without a sheet.
  await openScreen(page, '赛马排名');
  await expect(banner(page)).toBeVisible();
  await page.getByLabel('月份').click();
  await page.getByRole('option', { name: '10月', exact: true }).click();
  await expect(rankRow(page, '国企和平台', '临空经济示范区管委会')).toHaveText(/^1临空经济示范区管委会100/);
  await expect(rankRow(page, '国企和平台', '区城市建设投资集团有限公司')).toHaveText(/^2区城市建设投资集团有限公司93/);
  await expect(rankRow(page, '国企和平台', '区产业投资集团有限公司')).toHaveText(/^3区产业投资集团有限公司90/);
  await expect(page.getByRole('table', { name: '区级部门排名' }).getByRole('row')).toHaveCount(6);

  // 红黑榜 of October: the lists with their reasons, and the 约谈 held.
  await page.getByRole('main').getByRole('button', { name: '红黑榜' }).click();
  await expect(banner(page)).toBeVisible();
  const soe = page.getByRole('table', { name: '国企和平台红黑榜' }).first();
  await expect(soe.locator('tr[data-list="红榜"]')).toContainText('临空经济示范区管委会');
  await expect(soe.locator('tr[data-list="黑榜"]', { hasText: '区城市建设投资集团有限公司' })).toContainText(
    '连续两个月滞后',
  );
  await expect(soe.locator('tr[data-list="黑榜"]', { hasText: '区产业投资集团有限公司' })).toContainText('未报送');
  await expect(page.getByRole('table', { name: '10月约谈' })).toContainText('区城市建设投资集团有限公司');

  // Exported from the sample year, the 红黑榜 in Excel carries the mark above its title and on every
  // page, and prints whole: 主要情况 wraps in rows as tall as its lines.
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const xlsxFile = testInfo.outputPath('红黑榜.xlsx');
  await (await xlsx).saveAs(xlsxFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxFile);
  const lists = workbook.getWorksheet('红黑榜')!;
  expect(lists.getCell('A1').value).toBe('示例数据 · 非正式文件');
  expect(lists.getCell('A2').value).toBe('2025年10月重点工作红黑榜');
  expect(lists.headerFooter.oddHeader).toContain('示例数据 · 非正式文件');
  expect(lists.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '4:4' });
  const reasons: { text: string; height: number }[] = [];
  lists.eachRow((row, n) => {
    if (n > 4) reasons.push({ text: String(row.getCell(6).value ?? ''), height: row.height });
  });
  const longest = reasons.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  expect(longest.text.length).toBeGreaterThan(40);
  expect(lists.getRow(5).getCell(6).alignment?.wrapText).toBe(true);
  // More than 25 characters do not fit on one line of the 50-wide column: the row holds two lines or more.
  expect(longest.height).toBeGreaterThan(2 * 11 * 1.2);

  // The 通报 from the sample year: marked, one summary per unit, the evidence in the 附件.
  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成督查通报' }).click();
  const docxFile = testInfo.outputPath('通报.docx');
  await (await docx).saveAs(docxFile);
  const { value: bulletin } = await mammoth.extractRawText({ path: docxFile });
  expect(bulletin.trimStart()).toMatch(/^示例数据 · 非正式文件/);
  expect(bulletin).toMatch(/区产业投资集团有限公司（[\d.]+分，未报送\d+项/);
  const attachment = bulletin.slice(bulletin.indexOf('附件\n'));
  expect(attachment).toContain('红黑榜单位加扣分明细');
  expect(attachment).toMatch(/10月进展未报送（“.+”，截止/);
  // Each 未报送 line is in the attachment only, not in the running text.
  expect(bulletin.slice(0, bulletin.indexOf('附件\n'))).not.toContain('10月进展未报送（');

  // Remove it from the banner: one confirmation, and the sample year is gone with its marker.
  await banner(page).getByRole('button', { name: '删除示例数据' }).click();
  const dialog = page.getByRole('dialog', { name: '删除示例数据' });
  await expect(dialog).toContainText('其他年度的数据不受影响');
  await dialog.getByRole('button', { name: '删除示例数据' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('banner')).not.toContainText('2025年度');
  await expect(page.getByRole('banner')).toContainText('2026年度');

  // The real year is as it was; the sample can be loaded again.
  await openScreen(page, '工作年度');
  await expect(page.getByRole('heading', { name: '2026年度 规则设置' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '加载示例数据' })).toBeEnabled();
  await openScreen(page, '操作日志');
  const log = page.getByRole('table', { name: '操作日志' });
  await expect(log).toContainText('删除示例数据（2025年度）：重点工作 20 条');
  await expect(log).toContainText('加载示例数据（2025年度）：月度进展');
});
