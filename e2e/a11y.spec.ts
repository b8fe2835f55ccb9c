import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, fixture, openScreen, sampleToday, startWithSample } from './helpers';

// Accessibility, checked by axe-core (WCAG 2 A and AA) on every screen the drawer opens, the pages
// reached from them and the main dialogs, with the 2025 sample year loaded: no serious or critical
// violation. And the keyboard: rows that open a page, the file drop zone, dialogs that keep focus.

// The smaller of the two screens the office uses.
test.use({ viewport: { width: 1366, height: 768 } });

/** The serious and critical violations of what is on screen, one readable line per rule and node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replaceAll('\n', '\n    ')}`,
      ),
    );
}

/** Checks what is on screen now; soft, so one test reports every screen's violations at once. */
async function checkScreen(page: Page, name: string) {
  // Once settled: a dialog fading in or a menu fading out is checked in its final colours (a
  // spinner's endless animation aside). Two frames first: a fade that starts with the next frame
  // is not yet among the page's animations (a task page's buttons were once checked mid-fade).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  expect.soft(await seriousViolations(page), `${name}: serious or critical accessibility violations`).toEqual([]);
}

const ledgerRows = (page: Page) => page.getByRole('table', { name: '任务台账' }).getByRole('row');

test('the first start: the operator dialog and the 快速入门 guide', async ({ page }) => {
  await page.clock.setFixedTime(sampleToday);
  await page.goto('/');
  const welcome = page.getByRole('dialog', { name: '欢迎使用重点工作督查督办' });
  await expect(welcome).toBeVisible();
  await checkScreen(page, '操作人');
  await welcome.getByLabel('操作人姓名').fill('李娜');
  await welcome.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('dialog', { name: '快速入门' })).toBeVisible();
  await checkScreen(page, '快速入门');
});

test('every screen of the drawer, the pages they open and the main dialogs', async ({ page }) => {
  test.setTimeout(240_000);
  await startWithSample(page);

  const drawer = page.getByRole('navigation', { name: '功能导航' });
  const labels = await drawer.getByRole('button').allTextContents();
  expect(labels).toContain('操作日志');
  expect(labels.length).toBeGreaterThan(15);
  for (const label of labels) {
    await openScreen(page, label);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    // The home screen's chart and the tables fill in from live queries.
    await page.waitForTimeout(500);
    await checkScreen(page, label);
  }

  // The pages reached from the screens: a task, its review, a unit, the 催报 list, an import, 帮助.
  await openScreen(page, '任务台账');
  await ledgerRows(page).filter({ hasText: '重大项目攻坚行动' }).click();
  await expect(page.getByRole('heading', { name: '重大项目攻坚行动' })).toBeVisible();
  await checkScreen(page, '任务详情');
  await page.getByRole('main').getByRole('button', { name: '复盘', exact: true }).click();
  await expect(page.getByRole('heading', { name: '复盘：重大项目攻坚行动' })).toBeVisible();
  await checkScreen(page, '任务复盘');

  await openScreen(page, '赛马排名');
  await page
    .getByRole('table', { name: '区级部门排名' })
    .getByRole('row', { name: /区发展和改革局/ })
    .click();
  await expect(page.getByRole('heading', { name: '区发展和改革局' })).toBeVisible();
  await checkScreen(page, '单位赛马记录');

  await openScreen(page, '月度进展');
  await page.getByRole('button', { name: '催报清单' }).click();
  await expect(page.getByRole('heading', { name: '催报清单' })).toBeVisible();
  await checkScreen(page, '催报清单');

  await page.getByRole('button', { name: '帮助' }).click();
  await page.getByRole('menuitem', { name: '使用说明' }).click();
  await expect(page.getByRole('heading', { name: '使用说明' }).first()).toBeVisible();
  await checkScreen(page, '使用说明');

  // 新增任务.
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '新增任务' }).click();
  const newTask = page.getByRole('dialog', { name: '新增任务' });
  await expect(newTask).toBeVisible();
  await checkScreen(page, '新增任务');
  await newTask.getByRole('button', { name: '取消' }).click();
  await expect(newTask).toBeHidden();

  // The import screen (its drop zone) and the preview of a task list.
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await expect(page.getByRole('button', { name: '选择任务清单文件' })).toBeVisible();
  await checkScreen(page, '导入任务清单');
  await chooseFiles(page, '选择任务清单文件', [fixture('任务清单-2026.xlsx')]);
  await expect(page.getByRole('heading', { name: /^预览：/ })).toBeVisible();
  // Once read, 确认导入 turns from grey to red.
  await expect(page.getByRole('button', { name: '确认导入' })).toBeEnabled();
  await checkScreen(page, '导入预览');

  // 发布11月, with what is still open listed.
  await openScreen(page, '督查反馈');
  await page.getByRole('button', { name: '发布11月' }).click();
  const publish = page.getByRole('dialog', { name: '发布11月' });
  await expect(publish).toBeVisible();
  await checkScreen(page, '发布');
  await publish.getByRole('button', { name: '取消' }).click();
  await expect(publish).toBeHidden();
});

test('the keyboard: rows open their page with Enter, the drop zone opens the file chooser, dialogs keep focus', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startWithSample(page);

  // 任务台账: Tab reaches the rows; Enter on one opens its task.
  await openScreen(page, '任务台账');
  const row = ledgerRows(page).filter({ hasText: '市级重点项目前期工作' });
  await page.getByRole('button', { name: '导出台账' }).focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await row.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(row).toBeFocused();
  // The arrow keys move down and back up the rows.
  await page.keyboard.press('ArrowDown');
  await expect(row).not.toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '市级重点项目前期工作' })).toBeVisible();

  // The same shared row on the other screens: 赛马排名 → a unit, 第三方评估 → a unit, 复盘 → a task's review.
  const opensWithEnter = async (screen: string, table: string, rowName: RegExp, heading: string) => {
    await openScreen(page, screen);
    const target = page.getByRole('table', { name: table }).getByRole('row', { name: rowName });
    await target.focus();
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  };
  await opensWithEnter('赛马排名', '镇街排名', /东城街道/, '东城街道');
  await opensWithEnter('第三方评估', '各单位评估得分', /区财政局/, '区财政局');
  await opensWithEnter('复盘', '复盘列表', /重点道路建设/, '复盘：重点道路建设');

  // 首页's 已收到报表 is a link to 月度进展: Space opens it too.
  await openScreen(page, '首页');
  const received = page.getByRole('link', { name: '已收到报表' });
  await received.focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('heading', { name: '月度进展' })).toBeVisible();

  // The drop zone is a region with its name; its button, reached with Tab, opens the file chooser with Enter.
  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  const zone = page.getByRole('region', { name: '选择任务清单文件：拖放区' });
  await expect(zone).toContainText('拖到这里');
  // Listening first: Playwright turns the chooser's interception on asynchronously, and a key
  // pressed before it is on opens the browser's own dialog instead.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: '导入记录' }).focus();
  await page.keyboard.press('Tab');
  await expect(zone.getByRole('button', { name: '选择任务清单文件' })).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([fixture('任务清单-2026.xlsx')]);
  await expect(page.getByRole('table', { name: '文件' })).toContainText('任务清单-2026.xlsx');

  // 新增任务: focus moves into the dialog, Tab stays inside it, Escape closes it and gives focus back.
  await openScreen(page, '任务台账');
  const opener = page.getByRole('button', { name: '新增任务' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '新增任务' });
  await expect(dialog.getByLabel('重点工作')).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
