import { expect, test } from '@playwright/test';
import { createYear, enterOperator, openScreen } from './helpers';

test('first start: operator, work year, units, leader survive a reload and are in the audit log', async ({ page }) => {
  await page.goto('/');
  await enterOperator(page, '张科员');
  await expect(page.getByRole('button', { name: '操作人：张科员' })).toBeVisible();

  await createYear(page, 2026);
  const schedule = page.getByRole('table', { name: '截止日期一览' });
  const october = schedule.locator('tr[data-month="10"]');
  // 2026-10-25 is a Sunday: the report is due the next working day.
  await expect(october.getByRole('cell').nth(2)).toContainText('2026年10月26日（星期一）');
  await expect(october.getByRole('cell').nth(2)).toContainText('顺延');
  await expect(schedule.getByRole('row', { name: /月方案报送/ })).toContainText('2026年3月10日');

  await openScreen(page, '单位');
  await page.getByRole('button', { name: '新增单位' }).click();
  const unitDialog = page.getByRole('dialog', { name: '新增单位' });
  await unitDialog.getByLabel('单位名称').fill('区发展和改革局');
  await unitDialog.getByLabel('别名').fill('发改局、区发改局');
  await unitDialog.getByLabel('联系人').fill('李明');
  await unitDialog.getByLabel('联系电话').fill('0571-86001234');
  await unitDialog.getByRole('button', { name: '保存' }).click();
  await expect(unitDialog).toBeHidden();

  await page.getByRole('button', { name: '粘贴批量添加' }).click();
  const pasteDialog = page.getByRole('dialog', { name: '粘贴批量添加单位' });
  await pasteDialog.getByLabel('单位名称（每行一个）').fill('东城街道\r\n西湖街道\r\n');
  await pasteDialog.getByLabel('这些单位的类别').click();
  await page.getByRole('option', { name: '镇街' }).click();
  await pasteDialog.getByRole('button', { name: '添加 2 个单位' }).click();
  await expect(pasteDialog).toBeHidden();

  const units = page.getByRole('table', { name: '单位列表' });
  await expect(units.getByRole('row')).toHaveCount(4);
  await expect(units.getByRole('row', { name: /东城街道/ })).toContainText('镇街');

  await openScreen(page, '区领导');
  await page.getByRole('button', { name: '新增区领导' }).click();
  const leaderDialog = page.getByRole('dialog', { name: '新增区领导' });
  await leaderDialog.getByLabel('姓名').fill('王建国');
  await leaderDialog.getByLabel('职务').fill('副区长');
  await leaderDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('table', { name: '区领导列表' }).getByRole('row', { name: /王建国/ })).toContainText(
    '副区长',
  );

  await page.reload();
  // The name is asked once only.
  await expect(page.getByRole('button', { name: '操作人：张科员' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('table', { name: '区领导列表' }).getByRole('row', { name: /王建国/ })).toBeVisible();
  await openScreen(page, '单位');
  for (const name of ['区发展和改革局', '东城街道', '西湖街道']) {
    await expect(
      page.getByRole('table', { name: '单位列表' }).getByRole('row', { name: new RegExp(name) }),
    ).toBeVisible();
  }

  await openScreen(page, '操作日志');
  const log = page.getByRole('table', { name: '操作日志' });
  for (const what of ['2026年度', '区发展和改革局', '东城街道', '西湖街道', '王建国']) {
    await expect(log.getByRole('row', { name: new RegExp(`张科员.*新增.*${what}`) })).toHaveCount(1);
  }
  // Newest first: the leader was the last change.
  await expect(log.getByRole('row').nth(1)).toContainText('王建国');
});

test('a duplicate unit name or alias shows the clash and stores nothing', async ({ page }) => {
  await page.goto('/');
  await enterOperator(page, '李科长');
  await createYear(page, 2026);
  await openScreen(page, '单位');
  await page.getByRole('button', { name: '粘贴批量添加' }).click();
  const pasteDialog = page.getByRole('dialog', { name: '粘贴批量添加单位' });
  await pasteDialog.getByLabel('单位名称（每行一个）').fill('区教育局\n区财政局');
  await pasteDialog.getByRole('button', { name: '添加 2 个单位' }).click();
  await expect(pasteDialog).toBeHidden();

  // A paste where one name clashes adds none of them.
  await page.getByRole('button', { name: '粘贴批量添加' }).click();
  await pasteDialog.getByLabel('单位名称（每行一个）').fill('区民政局\n区财政局\n区司法局');
  await pasteDialog.getByRole('button', { name: '添加 3 个单位' }).click();
  await expect(pasteDialog.getByRole('alert')).toContainText('区财政局');
  await pasteDialog.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '新增单位' }).click();
  const unitDialog = page.getByRole('dialog', { name: '新增单位' });
  await unitDialog.getByLabel('单位名称').fill('区教育局');
  await unitDialog.getByRole('button', { name: '保存' }).click();
  await expect(unitDialog.getByRole('alert')).toContainText('区教育局');
  await unitDialog.getByRole('button', { name: '取消' }).click();

  await page.reload();
  const units = page.getByRole('table', { name: '单位列表' });
  await expect(units.getByRole('row')).toHaveCount(3);
  await expect(units).not.toContainText('区民政局');
  await expect(units).not.toContainText('区司法局');
  await openScreen(page, '操作日志');
  await page.getByLabel('对象').click();
  await page.getByRole('option', { name: '单位' }).click();
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row')).toHaveCount(3);
});
