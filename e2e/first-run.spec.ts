import { expect, test } from '@playwright/test';
import { chinaTime } from './cycle-steps';
import { chooseFiles, enterOperator, fixture } from './helpers';

// Issue 8: the first start is guided (操作人 → 工作年度 → 任务清单 → 单位); the guide can be
// skipped, and reopened from 帮助 where it shows what is already done.

test('a first start guided from the operator to the task list and the units, reopened from 帮助', async ({ page }) => {
  await page.clock.setFixedTime(chinaTime('2026-03-02'));
  await page.goto('/');
  await enterOperator(page, '李娜', 'keep');

  const guide = page.getByRole('dialog', { name: '快速入门' });
  await expect(guide.getByText('操作人：李娜')).toBeVisible();
  // The year is suggested from today's date.
  await expect(guide.getByLabel('年度', { exact: true })).toHaveValue('2026');
  await guide.getByRole('button', { name: '创建' }).click();
  await expect(guide.getByText('工作年度：2026年度')).toBeVisible();

  // Importing needs the whole screen: the guide makes way for it.
  await guide.getByRole('button', { name: '导入任务清单' }).click();
  await expect(guide).toBeHidden();
  await chooseFiles(page, '选择任务清单文件', [fixture('任务清单-2026.xlsx')]);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('新增 20 项任务')).toBeVisible();

  // Reopened from 帮助, it picks up where the office is: year and tasks done, units next.
  await page.getByRole('button', { name: '帮助' }).click();
  await page.getByRole('menuitem', { name: '快速入门' }).click();
  await expect(guide.getByText('工作年度：2026年度')).toBeVisible();
  await expect(guide.getByText('任务清单：已有 20 项任务')).toBeVisible();
  await expect(guide.getByText(/单位：已有 \d+ 个单位/)).toBeVisible();
  await guide.getByRole('button', { name: '去核对单位' }).click();
  await expect(guide).toBeHidden();
  await expect(page.getByRole('heading', { name: '单位', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '区发展和改革局', exact: true })).toBeVisible();

  // Once there is work, a new start does not open it again.
  await page.reload();
  await expect(page.getByRole('heading', { name: '单位', exact: true })).toBeVisible();
  await expect(guide).toBeHidden();
});

test('the guide can be skipped, and the app is ready to be set up by hand', async ({ page }) => {
  await page.goto('/');
  await enterOperator(page, '李娜', 'keep');
  await page.getByRole('dialog', { name: '快速入门' }).getByRole('button', { name: '跳过' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '功能导航' })).toBeVisible();
});

test('the guide offers the sample year to try every screen', async ({ page }) => {
  await page.clock.setFixedTime(chinaTime('2026-03-02'));
  await page.goto('/');
  await enterOperator(page, '李娜', 'keep');
  const guide = page.getByRole('dialog', { name: '快速入门' });
  await guide.getByRole('button', { name: '创建' }).click();
  await guide.getByRole('button', { name: '加载示例数据' }).click();
  await expect(guide).toBeHidden();
  await expect(page.getByLabel('工作年度')).toContainText('2025年度（示例）');
  await expect(page.getByText('共 20 项')).toBeVisible();
});
