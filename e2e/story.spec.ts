import { expect, test, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { createYear, enterOperator, openScreen, tableCounts } from './helpers';
import { chinaTime } from './cycle-steps';

const CT = '区城市建设投资集团有限公司';

async function printedText(page: Page): Promise<{ text: string; pdf: Buffer }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const text = (await new PDFParse({ data: pdf }).getText()).text.normalize('NFKC').replace(/\s+/g, '');
  return { text, pdf };
}

test('the task page and the unit page tell their story month by month, and print on A4; looking writes nothing', async ({
  page,
}) => {
  await page.clock.setFixedTime(chinaTime('2026-03-05'));
  await page.goto('/');
  await enterOperator(page, '陈科员');
  await createYear(page, 2026);
  const panel = page.getByRole('region', { name: '示例数据' });
  await panel.getByRole('button', { name: '加载示例数据' }).click();
  await expect(panel.getByRole('alert')).toContainText('示例数据已加载');
  const before = await tableCounts(page);

  // The task page: 重点道路建设, led by 城投, behind from July.
  await openScreen(page, '任务台账');
  await page.getByRole('table', { name: '任务台账' }).getByRole('row').filter({ hasText: '重点道路建设' }).click();
  const story = page.getByRole('region', { name: '进展', exact: true });
  const chart = story.getByRole('img', { name: '报送进度与序时进度对比图' });
  await expect(chart).toBeVisible();
  // The months are named on the axis (3月 to 11月, the year's window).
  for (const m of ['3月', '7月', '11月']) await expect(chart.getByText(m, { exact: true })).toBeVisible();
  const july = story.getByRole('region', { name: '7月进展' });
  await expect(july).toContainText('序时进度 52%（按月方案）');
  await expect(july).toContainText('月方案：完成管线迁改和路基施工');
  const lead = july.getByRole('table', { name: '7月各单位报送' }).getByRole('row', { name: new RegExp(`^${CT}`) });
  // The unit's report: percent, the computed status and light beside its own word, its problems and plan.
  await expect(lead).toContainText('牵头');
  await expect(lead).toContainText('44%');
  await expect(lead).toContainText('滞后');
  await expect(lead).toContainText('黄灯');
  await expect(lead).toContainText('序时推进');
  await expect(lead).toContainText('与研判不符');
  await expect(lead).toContainText('沿线管线迁改涉及多家产权单位');
  await expect(lead).toContainText('下月节点：完成路面和附属工程');
  // The verdict and the explanation, not accepted.
  await expect(lead).toContainText('属实');
  await expect(lead).toContainText('（未采纳）');
  await expect(lead).toContainText('滞后原因说明不充分，不予采纳，按规定扣分。');
  // The score entry with its evidence.
  const entry = july.getByRole('table', { name: '7月加扣分' }).getByRole('row').filter({ hasText: CT });
  await expect(entry).toContainText('“重点道路建设”滞后（累计44%，序时52%）');
  await expect(entry).toContainText('-2');
  await expect(entry).toContainText('已确认');
  await expect(entry).toContainText(`${CT}-2025年7月进展.xlsx 第5行`);
  // November, not yet published: the proposals wait for a decision.
  const november = story.getByRole('region', { name: '11月进展' });
  await expect(november.getByRole('table', { name: '11月加扣分' })).toContainText('待确认');

  // Printed: the story alone on A4, with the chart and the months.
  const task = await printedText(page);
  expect(task.text).toContain('重点道路建设进展情况');
  expect(task.text).toContain('牵头单位');
  expect(task.text).toContain('“重点道路建设”滞后(累计44%,序时52%)');
  expect(task.text).toContain('滞后原因说明不充分');
  expect(task.text).not.toContain('删除任务');
  expect(task.text).toMatch(/—1—/);
  await test.info().attach('task-story.pdf', { body: task.pdf, contentType: 'application/pdf' });

  // The unit page, from the 红黑榜 of October: 城投 on the black list.
  await page.goto('/#/lists/10');
  await page.getByRole('table', { name: '国企和平台红黑榜' }).first().getByRole('link', { name: CT }).click();
  await expect(page.getByRole('heading', { name: CT })).toBeVisible();
  const tasks = page.getByRole('table', { name: '任务进展' });
  const road = tasks.getByRole('row').filter({ hasText: '重点道路建设（牵头）' });
  await expect(road.getByRole('cell')).toHaveText([
    '重点道路建设（牵头）',
    ...[8, 18, 28, 36, 44, 56, 70, 82].map((p) => `●${p}%`),
  ]);
  // July: behind, a yellow light (the dot's colour says it; its tip in words).
  await expect(road.getByRole('cell').nth(5)).toHaveAttribute('title', '滞后，黄灯');
  // A task it assists, done in June: its own reports, nothing after.
  await expect(tasks.getByRole('row').filter({ hasText: '清理拖欠企业账款（配合）' }).getByRole('cell')).toHaveText([
    '清理拖欠企业账款（配合）',
    ...[25, 50, 75, 100].map((p) => `●${p}%`),
    ...['', '', '', ''],
  ]);
  await expect(tasks.getByRole('row').filter({ hasText: '进展表报送' })).toContainText('按时报送');
  const october = page.getByRole('table', { name: '各月得分' }).getByRole('row', { name: /^10月/ });
  await expect(october).toContainText('93');
  await expect(october).toContainText('第2名（共3个）');
  await expect(october).toContainText('黑榜：');
  await expect(october).toContainText('连续两个月滞后');

  const unit = await printedText(page);
  expect(unit.text).toContain(`${CT}2025年重点工作情况`);
  expect(unit.text).toContain('第2名(共3个)');
  expect(unit.text).toContain('重点道路建设(牵头)');
  await test.info().attach('unit-story.pdf', { body: unit.pdf, contentType: 'application/pdf' });

  // From the unit page to the task's story.
  await road.getByRole('link', { name: '重点道路建设' }).click();
  await expect(page.getByRole('region', { name: '7月进展' })).toBeVisible();

  expect(await tableCounts(page)).toEqual(before);
});
