// Issue: trust in the monthly record. Looking writes nothing, the log reads as the screens do,
// the red list follows its rule, publishing asks first, no typed text is lost, the right month.
import { expect, test, type Page } from '@playwright/test';
import { openScreen } from './helpers';
import { importMayReports, startYearWithTaskList } from './cycle-steps';

test('反馈意见 is saved as it is typed: a reload at once, without leaving the field, keeps it', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '李督查');
  await importMayReports(page, testInfo.outputDir);
  await page.goto('/#/review/5');
  const comment = page
    .getByRole('region', { name: '区经济和信息化局的督查反馈' })
    .getByLabel('提高制造业投资比重的反馈意见');
  await comment.click();
  await comment.pressSequentially('请补充审批进度佐证材料', { delay: 20 });
  await page.reload();
  await expect(
    page.getByRole('region', { name: '区经济和信息化局的督查反馈' }).getByLabel('提高制造业投资比重的反馈意见'),
  ).toHaveValue('请补充审批进度佐证材料');
  // And it is in the log under the operator's name, in words.
  await openScreen(page, '操作日志');
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1)).toContainText(
    '区经济和信息化局“提高制造业投资比重”5月督查反馈',
  );
});
