// Issue: a month's work in fewer clicks. The June cycle as the office does it — task list, ten
// units' sheets, review, confirm, publish, print the 红黑榜 — counted in clicks the person makes,
// done once with the bulk decisions and once one decision at a time (as the app used to require).
import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, createYear, enterOperator, fixture, openScreen } from './helpers';
import { chinaTime, columnOf, loadWorkbook, saveWorkbook, unzipDownload } from './cycle-steps';

/** Counts the person's clicks (trusted events only) from now on, across in-app navigation. */
async function startCounting(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { clicks: number };
    w.clicks = 0;
    document.addEventListener('click', (e) => e.isTrusted && (w.clicks += 1), { capture: true });
  });
}
const clicksSoFar = (page: Page) => page.evaluate(() => (window as unknown as { clicks: number }).clicks);

/** Ten units fill the app's June template: every task half done, the unit's own word 序时推进. */
async function tenJuneSheets(page: Page, dir: string): Promise<string[]> {
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出6月进展表' }).click();
  const templates = await unzipDownload(await zip, dir);
  const files: string[] = [];
  for (const [name, bytes] of [...templates].slice(0, 10)) {
    const book = await loadWorkbook(bytes);
    const sheet = book.worksheets.find((s) => s.state === 'visible')!;
    const [percent, status, done] = ['累计进度(%)', '状态', '本月完成情况'].map((h) => columnOf(sheet, h));
    const header = [1, 2, 3, 4, 5].find((r) => sheet.getRow(r).getCell(percent!).value === '累计进度(%)')!;
    sheet.eachRow((row, n) => {
      if (n <= header || !row.getCell(columnOf(sheet, '重点工作')).value) return;
      row.getCell(percent!).value = 50;
      row.getCell(status!).value = '序时推进';
      row.getCell(done!).value = '按计划推进';
    });
    files.push(await saveWorkbook(book, `${dir}/${name}`));
  }
  return files;
}

/** From a year with no tasks to the printed 红黑榜 of June; `oneByOne` decides row by row. */
async function juneCycle(page: Page, dir: string, oneByOne: boolean): Promise<number> {
  await page.clock.setFixedTime(chinaTime('2026-06-27'));
  await page.goto('/');
  await enterOperator(page, '周督查');
  await createYear(page, 2026);
  await startCounting(page);

  await openScreen(page, '任务台账');
  await page.getByRole('button', { name: '导入任务清单' }).click();
  await chooseFiles(page, '选择任务清单文件', [fixture('任务清单-2026.xlsx')]);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('新增 20 项任务')).toBeVisible();

  await openScreen(page, '月度进展');
  const sheets = await tenJuneSheets(page, dir);
  await page.getByRole('button', { name: '导入6月进展' }).click();
  await chooseFiles(page, '选择月度进展文件', sheets);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 10 个文件')).toBeVisible();

  await openScreen(page, '督查反馈');
  await expect(page.getByRole('button', { name: '全部属实…' })).toBeVisible();
  if (oneByOne) {
    // Rows appear progressively: take the first unchecked one until none is left.
    const unchecked = page.locator('tr[data-unchecked]');
    while ((await unchecked.count()) > 0) {
      const row = await unchecked.first().elementHandle();
      const select = await row!.$('select');
      // A native select: one click opens it, one picks 属实 (selectOption makes no click event).
      await select!.click();
      await select!.selectOption('属实');
      await page.evaluate(() => ((window as unknown as { clicks: number }).clicks += 1));
      await page.waitForFunction((r) => !r.hasAttribute('data-unchecked'), row);
    }
  } else {
    await page.getByRole('button', { name: '全部属实…' }).click();
    await page
      .getByRole('dialog', { name: '全部属实' })
      .getByRole('button', { name: /^\d+条属实$/ })
      .click();
  }
  await expect(page.locator('tr[data-unchecked]')).toHaveCount(0);

  await openScreen(page, '加扣分');
  await expect(
    page
      .getByRole('main')
      .getByRole('button', { name: /^全部确认（\d+）$/ })
      .first(),
  ).toBeVisible();
  if (oneByOne) {
    const confirm = page.getByRole('main').getByRole('button', { name: '确认', exact: true });
    while ((await confirm.count()) > 0) {
      const button = await confirm.first().elementHandle();
      await button!.click();
      await page.waitForFunction((b) => !b.isConnected, button);
    }
  } else {
    await page
      .getByRole('main')
      .getByRole('button', { name: /^全部确认（\d+）$/ })
      .first()
      .click();
    await page
      .getByRole('dialog', { name: '确认6月加扣分' })
      .getByRole('button', { name: /^确认\d+项$/ })
      .click();
  }
  await expect(page.getByRole('main').getByRole('button', { name: /^全部确认/ })).toHaveCount(0);

  // Publishing: units that sent nothing are still open, so the tick is needed.
  await openScreen(page, '督查反馈');
  await page.getByRole('button', { name: '发布6月' }).click();
  const publish = page.getByRole('dialog', { name: '发布6月' });
  await expect(publish.getByRole('list', { name: '未处理事项' })).toContainText(/\d+个单位未报送进展/);
  await publish.getByLabel('我已知晓以上事项仍未处理，确认发布').check();
  await publish.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText(/6月已于 .+ 由 周督查 发布/)).toBeVisible();

  await openScreen(page, '红黑榜');
  // The month carried over from the screens before: June, without choosing it again.
  await expect(page.getByRole('combobox', { name: '月份' })).toHaveText('6月');
  await expect(page.getByRole('table', { name: '镇街红黑榜' }).first()).toBeVisible();
  await page.getByRole('button', { name: '打印', exact: true }).click();
  return clicksSoFar(page);
}

test('the June cycle, task list to printed 红黑榜, takes fewer than 25 clicks with the bulk decisions', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const clicks = await juneCycle(page, testInfo.outputDir, false);
  testInfo.annotations.push({ type: 'clicks', description: `批量：${clicks} 次点击` });
  console.log(`June cycle with bulk decisions: ${clicks} clicks`);
  expect(clicks).toBeLessThan(25);
});

test('the same June cycle one decision at a time, as the app used to require, for comparison', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const clicks = await juneCycle(page, testInfo.outputDir, true);
  testInfo.annotations.push({ type: 'clicks', description: `逐条：${clicks} 次点击` });
  console.log(`June cycle one decision at a time: ${clicks} clicks`);
  // Each report and each proposal costs a click of its own: the bulk path must save most of them.
  expect(clicks).toBeGreaterThan(40);
});
