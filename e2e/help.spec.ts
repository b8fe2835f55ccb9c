import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { enterOperator } from './helpers';

// Issue 8: the user guide is docs/user-guide.md, shown in the app under 帮助 → 使用说明 with its
// screenshots (npm run screenshots). Every section of the work is there and every picture loads.

const guide = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'user-guide.md'), 'utf8');
const pictures = [...guide.matchAll(/!\[[^\]]*\]\((images\/[^)]+)\)/g)].map((m) => m[1]);

test('使用说明 shows one section per step of the work, each picture loaded', async ({ page }) => {
  expect(pictures.length).toBeGreaterThanOrEqual(9);
  await page.goto('/');
  await enterOperator(page, '李娜');
  await page.getByRole('button', { name: '帮助' }).click();
  await page.getByRole('menuitem', { name: '使用说明' }).click();

  const contents = page.getByRole('navigation', { name: '使用说明目录' });
  for (const section of [
    '年度设置',
    '任务清单',
    '月方案',
    '月度进展',
    '督查反馈',
    '赛马与红黑榜',
    '第三方评估',
    '复盘',
    '年度报告',
    '数据安全',
  ]) {
    await expect(contents.getByRole('button', { name: section, exact: true })).toBeVisible();
  }
  await contents.getByRole('button', { name: '数据安全', exact: true }).click();
  await expect(page.getByRole('heading', { name: '数据安全', level: 2 })).toBeInViewport();

  const images = page.getByRole('article', { name: '使用说明' }).locator('img');
  await expect(images).toHaveCount(pictures.length);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
  }
});
