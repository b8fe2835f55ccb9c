import { expect, test, type Locator, type Page } from '@playwright/test';
import { openScreen, sampleToday, startWithSample } from './helpers';

// The layout on the office's two screens, 1366×768 and 1920×1080, with the 2025 sample year:
// the drawer fills the window and its settings are reachable, short words and whole names are
// never broken or cut, the columns of a screen's tables line up. Each run leaves screenshots of
// 首页, 督查反馈, 红黑榜 and 规则设置 in test-results to look at.

/** How many lines the element's text takes on screen. */
const linesOf = (element: Locator) =>
  element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/** Whether the element shows all of its content, not cut off or ended with “…”. */
const showsWhole = (element: Locator) => element.evaluate((el) => el.scrollWidth <= el.clientWidth);

/** The left edge of each matching element: the same column's header in each of a screen's tables. */
const leftEdges = (elements: Locator) =>
  elements.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));

async function expectDrawerFillsWindow(page: Page) {
  const drawer = page.getByRole('navigation', { name: '功能导航' });
  const paper = page.locator('.MuiDrawer-paper');
  const last = drawer.getByRole('button', { name: '操作日志', exact: true });
  const window = page.viewportSize()!;
  const paperBox = (await paper.boundingBox())!;
  const lastBox = (await last.boundingBox())!;
  const scrolls = await paper.evaluate((el) => el.scrollHeight > el.clientHeight);
  // Either the whole list is in view, or the drawer scrolls and reaches the window's bottom.
  if (lastBox.y + lastBox.height > window.height) {
    expect(scrolls).toBe(true);
    expect(Math.round(paperBox.y + paperBox.height)).toBe(window.height);
  }
  expect(Math.round(paperBox.y + paperBox.height)).toBeGreaterThanOrEqual(window.height);
  // The settings come after their subheader.
  const subheader = drawer.getByText('系统设置', { exact: true });
  await expect(subheader).toBeVisible();
  const subheaderY = (await subheader.boundingBox())!.y;
  for (const label of ['规则设置', '列名别名', '数据安全', '操作日志']) {
    expect((await drawer.getByRole('button', { name: label, exact: true }).boundingBox())!.y).toBeGreaterThan(
      subheaderY,
    );
  }
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height}: the drawer fills the window; screenshots of four screens`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await startWithSample(page);
    await expectDrawerFillsWindow(page);

    for (const label of ['首页', '督查反馈', '红黑榜', '规则设置']) {
      await openScreen(page, label);
      await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
      // The home screen's chart and the tables fill in from live queries.
      await page.waitForTimeout(500);
      // Kept in the test's output folder (test-results), to be looked at.
      await page.screenshot({ path: testInfo.outputPath(`${label}-${viewport.width}x${viewport.height}.png`) });
    }
    // The chart names its months.
    await openScreen(page, '首页');
    await expect(page.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').first()).toHaveText('3月');
  });
}

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the first-run guide shows the whole year', async ({ page }) => {
    await page.clock.setFixedTime(sampleToday);
    await page.goto('/');
    const welcome = page.getByRole('dialog', { name: '欢迎使用重点工作督查督办' });
    await welcome.getByLabel('操作人姓名').fill('李娜');
    await welcome.getByRole('button', { name: '确定' }).click();
    const year = page.getByRole('dialog', { name: '快速入门' }).getByLabel('年度', { exact: true });
    await expect(year).toHaveValue('2025');
    expect(await showsWhole(year)).toBe(true);
    await year.fill('2026');
    expect(await showsWhole(year)).toBe(true);
  });

  test('short words on one line, whole names in selects and chips, columns that line up', async ({ page }) => {
    test.setTimeout(120_000);
    await startWithSample(page);

    // 月度进展: statuses and percents are never broken over two lines.
    await openScreen(page, '月度进展');
    const progress = page.getByRole('table', { name: '任务进展' });
    const done = progress.getByRole('cell', { name: '已完成', exact: true });
    await expect(done.first()).toBeVisible();
    expect(await done.count()).toBeGreaterThan(3);
    for (const cell of await done.all()) expect(await linesOf(cell)).toBe(1);
    for (const cell of await progress.getByRole('cell', { name: /^\d+(\.\d+)?%$/ }).all())
      expect(await linesOf(cell)).toBe(1);

    // A task: its section's whole name in the select, its leader's whole name on the chip.
    await openScreen(page, '任务台账');
    await page
      .getByRole('table', { name: '任务台账' })
      .getByRole('row')
      .filter({ hasText: '城市更新片区改造' })
      .click();
    await expect(page.getByRole('heading', { name: '城市更新片区改造' })).toBeVisible();
    const section = page.getByRole('combobox', { name: '工作板块' });
    await expect(section).toHaveText('城市建设与更新');
    expect(await showsWhole(section)).toBe(true);
    const leaderChip = page
      .locator('.MuiAutocomplete-root', { has: page.getByLabel('分管区领导') })
      .locator('.MuiChip-label');
    await expect(leaderChip).toHaveText('赵红');
    expect(await showsWhole(leaderChip)).toBe(true);

    // A finished review: its status chip 已完成 on one line, whole.
    await openScreen(page, '复盘');
    await page.getByRole('table', { name: '复盘列表' }).getByRole('row').filter({ hasText: '已完成' }).first().click();
    const chip = page.getByRole('main').locator('.MuiChip-root', { hasText: '已完成' });
    await expect(chip).toBeVisible();
    expect((await chip.boundingBox())!.height).toBeLessThan(30);
    expect(await showsWhole(chip.locator('.MuiChip-label'))).toBe(true);

    // One table per unit, per group: the same column starts at the same place in each.
    await openScreen(page, '督查反馈');
    const verdicts = page.getByRole('columnheader', { name: '核查结论' });
    // The units' tables come in a few at a time.
    await expect(verdicts.nth(2)).toBeVisible();
    expect(new Set(await leftEdges(verdicts)).size).toBe(1);
    const lights = page.getByRole('main').locator('.MuiChip-label', { hasText: '绿灯' });
    expect(await lights.count()).toBeGreaterThan(1);
    for (const light of await lights.all()) expect(await showsWhole(light)).toBe(true);
    await openScreen(page, '红黑榜');
    const scores = page.getByRole('columnheader', { name: '得分', exact: true });
    await expect(scores.first()).toBeVisible();
    expect(await scores.count()).toBe(3);
    expect(new Set(await leftEdges(scores)).size).toBe(1);
    await openScreen(page, '赛马排名');
    await expect(page.getByRole('heading', { name: '赛马排名' })).toBeVisible();
    const rankScores = page.getByRole('columnheader', { name: '得分', exact: true });
    await expect(rankScores.first()).toBeVisible();
    expect(await rankScores.count()).toBe(3);
    expect(new Set(await leftEdges(rankScores)).size).toBe(1);
  });
});
