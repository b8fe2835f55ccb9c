import { expect, test } from '@playwright/test';
import { startYearWithTaskList } from './cycle-steps';
import { createYear, dateField, enterOperator, openScreen, shownDate, typeDate } from './helpers';

// An English Windows in New York: the browser's own date input would show 11/30/2026 here.
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('a date field shows and takes 2026-06-25 on an English PC; a saved date reads 2026年6月25日', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startYearWithTaskList(page, '周科员');
  await openScreen(page, '任务台账');
  const ledgerRow = page
    .getByRole('table', { name: '任务台账' })
    .getByRole('row')
    .filter({ hasText: '重大项目攻坚年行动' });
  await expect(ledgerRow).toContainText('2026年11月30日');
  await ledgerRow.click();

  const due = dateField(page, '完成时限');
  const status = page.getByRole('status', { name: '任务保存状态' });
  await expect(shownDate(due)).toHaveValue('2026-11-30');

  // Typed as the office writes it on paper or with slashes, one-digit months and days too.
  await typeDate(due, '2026/6/25');
  await expect(shownDate(due)).toHaveValue('2026-06-25');
  await expect(status).toHaveText('已保存');
  await typeDate(due, '2026年7月8日');
  await expect(shownDate(due)).toHaveValue('2026-07-08');
  await expect(status).toHaveText('已保存');

  // Pasted from a document.
  await page.evaluate(() => navigator.clipboard.writeText('2026年9月3日'));
  await due.getByRole('spinbutton', { name: '月份' }).click();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(shownDate(due)).toHaveValue('2026-09-03');
  await expect(status).toHaveText('已保存');

  // Half a date is not saved; the field says why.
  await due.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2027');
  await expect(shownDate(due)).toHaveValue('2027-MM-DD');
  await expect(status).toContainText('完成时限应为有效日期');

  // The calendar is in Chinese, weeks from Monday; a day picked there is saved.
  await due.getByRole('button', { name: /选择日期/ }).click();
  const calendar = page.getByRole('dialog', { name: '完成时限' });
  await expect(calendar).toContainText('2026年3月');
  await expect(calendar.getByRole('columnheader').first()).toHaveAccessibleName('星期一');
  await calendar.getByRole('gridcell', { name: '18', exact: true }).click();
  await expect(shownDate(due)).toHaveValue('2026-03-18');
  await expect(status).toHaveText('已保存');

  await page.reload();
  await expect(shownDate(dateField(page, '完成时限'))).toHaveValue('2026-03-18');
  await openScreen(page, '任务台账');
  await expect(ledgerRow).toContainText('2026年3月18日');
  await openScreen(page, '操作日志');
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('完成时限：2026年9月3日 → 2026年3月18日');
});

test('a holiday typed on the 工作年度 screen is kept and listed as 2026年10月9日', async ({ page }) => {
  await page.goto('/');
  await enterOperator(page, '周科员');
  await createYear(page, 2026);
  await typeDate(dateField(page, '补充节假日'), '2026/10/9');
  await expect(shownDate(dateField(page, '补充节假日'))).toHaveValue('2026-10-09');
  await page.getByRole('button', { name: '添加' }).first().click();
  await expect(page.getByText('2026年10月9日（星期五）')).toBeVisible();
  await expect(shownDate(dateField(page, '补充节假日'))).toHaveValue('');
  await page.reload();
  await expect(page.getByRole('button', { name: '删除2026年10月9日' })).toBeVisible();
});
