import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { dateField, openScreen, typeDate } from './helpers';
import { chinaTime, importMayReports, startYearWithTaskList, submitPlan } from './cycle-steps';

async function confirmAll(page: Page) {
  // 全部确认 at the top takes every undecided proposal of the month, after a summary by rule.
  await page
    .getByRole('main')
    .getByRole('button', { name: /^全部确认（\d+）$/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: /^确认\d+月加扣分$/ });
  await expect(dialog.getByRole('table', { name: '将确认的加扣分' })).toBeVisible();
  await dialog.getByRole('button', { name: /^确认\d+项$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /^全部确认/ })).toHaveCount(0);
}

const rankRow = (page: Page, group: string, unit: string) =>
  page.getByRole('table', { name: `${group}排名` }).getByRole('row', { name: new RegExp(unit) });

test('赛马 after the May cycle: proposals with evidence, confirm and waive, ranks, 红黑榜 on paper and in a 通报, a 约谈 after two black months', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputDir;
  await startYearWithTaskList(page, '钱主任');
  await submitPlan(page, dir);
  await importMayReports(page, dir);

  // Proposed entries appear with their evidence.
  await openScreen(page, '加扣分');
  const fgj = page.getByRole('region', { name: '区发展和改革局的加扣分' });
  await expect(fgj.locator('tr[data-rule="late"]')).toContainText('待确认');
  const behind = fgj.locator('tr[data-rule="behind"]', { hasText: '促进民间投资增长' });
  await expect(behind).toContainText('-2');
  await expect(behind).toContainText('区发展和改革局-5月进展.xlsx');
  await expect(fgj.locator('tr[data-rule="behind_unexplained"]')).toHaveCount(2);

  // 区发展和改革局's late sheet is waived (it was e-mailed in time); everything else is confirmed.
  await fgj.locator('tr[data-rule="late"]').getByRole('button', { name: '免扣' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '免扣' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('请填写免扣原因');
  await page.getByLabel('免扣原因').fill('5月24日已邮件报送');
  await page.getByRole('dialog').getByRole('button', { name: '免扣' }).click();
  await expect(fgj.locator('tr[data-rule="late"]')).toContainText('已免扣');
  // By keyboard: Enter on a focused proposal confirms it.
  await behind.focus();
  await page.keyboard.press('Enter');
  await expect(behind).toContainText('已确认');
  await confirmAll(page);
  // A leader's commendation is entered by hand: it counts at once.
  await page.getByRole('button', { name: '手工加扣分' }).click();
  const manual = page.getByRole('dialog', { name: '手工加扣分（5月）' });
  await manual.getByLabel('单位').click();
  await page.getByRole('option', { name: '区统计局' }).click();
  await manual.getByLabel('分值（扣分填负数）').fill('3');
  await manual.getByLabel('事由').fill('区领导批示肯定统计协同工作');
  await manual.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('region', { name: '区统计局的加扣分' })).toContainText('区领导批示肯定统计协同工作');

  // By hand: 发改局 100 − (2+3) − (2+3) = 90 (late waived); 经信局 100 − 2 (late) − 2 − 2 (behind, explained) = 94;
  // 东城街道 100 − 2 (late) = 98; 西城街道 owes 3 sheets' tasks: 100 − 3×5 = 85; 北塘街道 2 tasks: 90.
  await openScreen(page, '赛马排名');
  await expect(rankRow(page, '区级部门', '区发展和改革局')).toContainText('90');
  await expect(rankRow(page, '区级部门', '区经济和信息化局')).toContainText('94');
  // 区统计局 owes three tasks' sheets (two it leads, one it assists): 100 − 3×5 + 3 = 88.
  await expect(rankRow(page, '区级部门', '区统计局')).toContainText('88');
  await expect(rankRow(page, '镇街', '东城街道')).toHaveText(/^1东城街道98/);
  await expect(rankRow(page, '镇街', '北塘街道')).toHaveText(/^2北塘街道90/);
  await expect(rankRow(page, '镇街', '清溪镇')).toHaveText(/^2清溪镇90/);
  await expect(rankRow(page, '镇街', '西城街道')).toHaveText(/^5西城街道85/);

  // 东城街道 leads the towns at 98, but its own sheet has a task behind: it is not on the red list, and
  // the list says so; no other town reaches 95, so the towns have no red list this month.
  await openScreen(page, '红黑榜');
  const towns = page.getByRole('table', { name: '镇街红黑榜' }).first();
  await expect(towns.locator('tr[data-list="红榜"]')).toHaveCount(0);
  await expect(towns.locator('tr[data-note="held-off"]')).toHaveText(
    '未列入红榜：东城街道 98分：1项滞后，不列入红榜。',
  );
  await expect(towns.locator('tr[data-note="no-red"]')).toContainText('本组无红榜');
  await expect(towns.locator('tr[data-list="黑榜"]', { hasText: '西城街道' })).toContainText('未报送');

  // On paper: A4 pages with the title, the units and the page number.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  // NFKC: the CJK fonts map some characters to their radical forms (⽉ for 月) in the PDF's text layer.
  const printed = (await new PDFParse({ data: pdf }).getText()).text.normalize('NFKC');
  expect(printed.replace(/\s+/g, '')).toContain('2026年5月重点工作红黑榜');
  expect(printed).toContain('东城街道');
  expect(printed.replace(/\s+/g, '')).toContain('未列入红榜:东城街道98分:1项滞后,不列入红榜');
  expect(printed).toContain('西城街道');
  expect(printed).toMatch(/—\s*1\s*—/);
  expect(printed).toMatch(/—\s*2\s*—/);

  // The 通报 as Word, with the same counts as the month's review.
  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成督查通报' }).click();
  const file = `${dir}/通报.docx`;
  await (await docx).saveAs(file);
  const { value: text } = await mammoth.extractRawText({ path: file });
  expect(text).toContain('关于2026年5月全区重点工作推进情况的通报');
  expect(text).toMatch(/已报送3个，逾期报送3个/);
  // Per group under its heading: the lists with one summary per unit, the evidence in the 附件.
  const townsText = text.slice(text.indexOf('（二）镇街'), text.indexOf('三、下步要求'));
  expect(townsText).toContain('红榜：无。符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜。');
  expect(townsText).toContain('未列入红榜：东城街道（98分，1项滞后，不列入红榜）');
  expect(townsText).toContain('西城街道（85分，未报送3项）');
  expect(text).toContain('附件：红黑榜单位加扣分明细');
  const attachment = text.slice(text.lastIndexOf('附件\n'));
  expect(attachment.match(/5月进展未报送（“[^”]+”，截止5月\d+日）/g)?.length).toBeGreaterThanOrEqual(3);
  expect(text).not.toContain('示例数据');

  // June: nobody reports; 西城街道 is on the black list a second month running → 约谈 suggested.
  // Before that, the office lowers the missing-sheet deduction to −4: it applies to June's new
  // proposals, while May's confirmed entries keep their points.
  await page.clock.setFixedTime(chinaTime('2026-06-29'));
  await openScreen(page, '规则设置');
  await page.getByLabel('未报送分值').fill('-4');
  await page.getByLabel('未报送分值').blur();
  await expect(page.getByLabel('未报送分值')).toHaveValue('-4');
  // Stored before June's proposals are read (the field's own status says so).
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.getByLabel('未报送分值') })
      .getByRole('status'),
  ).toHaveText('已保存');
  await page.goto('/#/scores/6');
  await confirmAll(page);
  await page.goto('/#/ranking/6');
  await expect(rankRow(page, '镇街', '西城街道')).toContainText('88');
  await page.goto('/#/ranking/5');
  await expect(rankRow(page, '镇街', '西城街道')).toContainText('85');
  await page.goto('/#/lists/6');
  const suggestion = page.getByRole('alert').filter({ hasText: '连续两个月上黑榜，建议约谈' });
  await expect(suggestion).toContainText('西城街道');
  await suggestion.locator('span', { hasText: '西城街道' }).getByRole('button', { name: '记录约谈' }).click();
  const dialog = page.getByRole('dialog');
  await typeDate(dateField(dialog, '约谈日期'), '2026-07-03');
  await dialog.getByLabel('参加人员').fill('区政府督查室主任、西城街道主要负责人');
  await dialog.getByLabel('约谈情况').fill('说明未报送原因，承诺按时报送');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(suggestion.locator('span', { hasText: '西城街道' })).toContainText('已记录约谈');
  await expect(page.getByRole('table', { name: '6月约谈' })).toContainText('西城街道');
  await page.goto('/#/ranking/6');
  await rankRow(page, '镇街', '西城街道').click();
  await expect(page.getByRole('table', { name: '约谈记录' })).toContainText('说明未报送原因');
  await expect(page.getByRole('table', { name: '各月得分' }).getByRole('row', { name: /5月/ })).toContainText('黑榜');
});
