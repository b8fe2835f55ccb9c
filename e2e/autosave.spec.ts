// Issue "Trust in the monthly record", 5 — no edit is lost: every free-text field saves as it
// is typed (ui/autosave.ts), a reload at once keeps it, a change stored elsewhere never
// overwrites what is being typed, a draft that cannot be saved says why, a published month is
// read-only, and looking saves nothing.
import { expect, test, type Page } from '@playwright/test';
import { createYear, enterOperator, openScreen } from './helpers';
import { chinaTime, importMayReports, startYearWithTaskList } from './cycle-steps';

const TASK = '提高制造业投资比重';
const UNIT = '区经济和信息化局';

async function openTask(page: Page) {
  await openScreen(page, '任务台账');
  await page.getByRole('table', { name: '任务台账' }).getByRole('row').filter({ hasText: TASK }).click();
  await expect(page.getByRole('heading', { name: TASK })).toBeVisible();
}

/** The newest entry of the 操作日志. */
async function newestLogEntry(page: Page) {
  await openScreen(page, '操作日志');
  return page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1);
}

const unitRow = (page: Page) =>
  page.getByRole('table', { name: '单位列表' }).getByRole('row').filter({ hasText: UNIT });

test('a task field, a unit field, a 复盘 step and a setting are saved as typed: a reload at once, without leaving the field, keeps each', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '周科员');

  // 责任人 on the task page.
  await openTask(page);
  await page.getByLabel('责任人').click();
  await page.keyboard.press('Control+A');
  await page.getByLabel('责任人').pressSequentially('王明', { delay: 20 });
  await page.reload();
  await expect(page.getByLabel('责任人')).toHaveValue('王明');
  let entry = await newestLogEntry(page);
  await expect(entry).toContainText('周科员');
  await expect(entry).toContainText(`“${TASK}”责任人：`);
  await expect(entry).toContainText('→ 王明');

  // 联系人 in a unit's edit dialog.
  await openScreen(page, '单位');
  await page.getByRole('button', { name: `编辑${UNIT}` }).click();
  const dialog = page.getByRole('dialog', { name: '编辑单位' });
  await dialog.getByLabel('联系人').click();
  await dialog.getByLabel('联系人').pressSequentially('赵强', { delay: 20 });
  await page.reload();
  await expect(unitRow(page)).toContainText('赵强');
  entry = await newestLogEntry(page);
  await expect(entry).toContainText(UNIT);
  await expect(entry).toContainText('联系人：');
  await expect(entry).toContainText('赵强');

  // A 复盘 step: the first change stores the pre-filled review with it.
  await openTask(page);
  await page.getByRole('main').getByRole('button', { name: '复盘', exact: true }).click();
  const goals = page.getByLabel('回忆目标', { exact: true });
  await expect(goals).toHaveValue(/工作目标：/);
  await goals.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n年中目标未作调整。');
  await page.reload();
  await expect(page.getByLabel('回忆目标', { exact: true })).toHaveValue(/工作目标：[^]*\n年中目标未作调整。$/);
  await expect(page.getByRole('status')).toHaveText(/^已保存（/);
  entry = await newestLogEntry(page);
  await expect(entry).toContainText(`“${TASK}”复盘`);

  // A setting: the yellow line of 规则设置.
  await openScreen(page, '规则设置');
  await page.getByLabel('黄灯上限（落后百分点）').click();
  await page.keyboard.press('Control+A');
  await page.getByLabel('黄灯上限（落后百分点）').pressSequentially('35', { delay: 20 });
  await page.reload();
  await expect(page.getByLabel('黄灯上限（落后百分点）')).toHaveValue('35');
  entry = await newestLogEntry(page);
  await expect(entry).toContainText('进度状态与红黄绿灯规则');
  await expect(entry).toContainText(/黄灯上限（落后百分点）：(\d+ → )?35/);
});

test('a change stored from another window while a field is being typed does not overwrite it; its other field shows at once and is kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '周科员');
  await openTask(page);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { name: TASK })).toBeVisible();

  // This window types 责任人 slowly (about 2.5 s); meanwhile the other stores 责任人 and 序号.
  const typed = '区经信局王明（分管副局长）';
  const person = page.getByLabel('责任人');
  await person.click();
  await page.keyboard.press('Control+A');
  const typing = person.pressSequentially(typed, { delay: 200 }).then(() => Date.now());
  await other.getByLabel('责任人').fill('李四');
  await other.getByLabel('序号').fill('九');
  await expect(other.getByRole('status', { name: '任务保存状态' })).toHaveText('已保存');
  // The other window's 序号 shows here while 责任人 is still being typed …
  await expect(page.getByLabel('序号')).toHaveValue('九');
  const shownAt = Date.now();
  expect(shownAt).toBeLessThan(await typing);
  // … and what was typed here stands, whole.
  await expect(person).toHaveValue(typed);
  await expect(page.getByRole('status', { name: '任务保存状态' })).toHaveText('已保存');
  // 责任人 as typed last is what both windows show, with the other's 序号; so does a reload.
  await expect(other.getByLabel('责任人')).toHaveValue(typed);
  await expect(other.getByLabel('序号')).toHaveValue('九');
  await other.close();
  await page.reload();
  await expect(page.getByLabel('责任人')).toHaveValue(typed);
  await expect(page.getByLabel('序号')).toHaveValue('九');
});

test('a value stored from another window during the typing does not replace what is typed, which is stored last', async ({
  page,
}) => {
  // The clock (of both windows) is stopped, so that the typing's pauses are exact; the windows'
  // 0 ms timers (the database telling the other window) run as the test lets it tick, 2 ms at a time.
  await page.clock.install({ time: chinaTime('2026-03-09') });
  await page.goto('/');
  await enterOperator(page, '周科员');
  await createYear(page, 2026);
  await openScreen(page, '规则设置');
  const other = await page.context().newPage();
  await other.goto(page.url());
  const yellow = (p: Page) => p.getByLabel('黄灯上限（落后百分点）');
  const status = (p: Page) => p.getByRole('region', { name: '进度状态与红黄绿灯' }).getByRole('status');
  const ticking = <T>(read: () => Promise<T>) =>
    expect.poll(
      async () => {
        await page.clock.runFor(2);
        return read();
      },
      { intervals: [50] },
    );
  await expect(status(other)).toHaveText('修改后自动保存。');
  await page.clock.pauseAt(new Date('2026-03-09T11:00:00+08:00'));

  // Typing with pauses shorter than 400 ms, for more than a second: saved at 1 s all the same,
  // while the typing goes on (its pause would end at 1.3 s).
  await yellow(page).click();
  await page.keyboard.press('Control+A');
  for (const key of ['4', '0', 'Backspace', '5']) {
    await page.keyboard.press(key);
    await page.clock.runFor(key === '5' ? 100 : 300);
  }
  await expect(status(page)).toHaveText(/^已保存/);
  await ticking(() => yellow(other).inputValue()).toBe('45');

  // Meanwhile the other window restores the default (20), then unticks a rule: once this window
  // shows the rule unticked, it has been told of both.
  await other.getByRole('button', { name: '恢复默认' }).first().click();
  await expect(status(other)).toHaveText(/^已保存/);
  await other.getByLabel('启用未报送').click();
  await ticking(() => page.getByLabel('启用未报送').isChecked()).toBe(false);
  // What is being typed here stands …
  await expect(yellow(page)).toHaveValue('45');

  // … and once the typing pauses it is stored again, last: the other window shows it, and so does a reload.
  await page.clock.runFor(300);
  await ticking(() => yellow(other).inputValue()).toBe('45');
  await page.clock.resume();
  await page.reload();
  await expect(yellow(page)).toHaveValue('45');
});

test('a draft that cannot be saved says why and is not saved: an empty 重点工作, a unit named like another', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '周科员');
  const before = (await (await newestLogEntry(page)).textContent()) ?? '';

  await openTask(page);
  await page.getByLabel('重点工作', { exact: true }).fill('');
  await expect(page.getByRole('status', { name: '任务保存状态' })).toHaveText('未保存：重点工作名称不能为空');
  await page.reload();
  await expect(page.getByLabel('重点工作', { exact: true })).toHaveValue(TASK);

  await openScreen(page, '单位');
  await page.getByRole('button', { name: `编辑${UNIT}` }).click();
  const dialog = page.getByRole('dialog', { name: '编辑单位' });
  await dialog.getByLabel('单位名称').fill('区发展和改革局');
  await expect(dialog.getByRole('status')).toHaveText(/^未保存：.*区发展和改革局/);
  // The text stays as typed until it is changed or the dialog closed.
  await expect(dialog.getByLabel('单位名称')).toHaveValue('区发展和改革局');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(unitRow(page)).toBeVisible();

  await expect(await newestLogEntry(page)).toHaveText(before);
});

test("a published month's 反馈意见 and plan are read-only, not refused on save", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '周科员');
  await importMayReports(page, testInfo.outputDir);
  await page.goto('/#/feedback/5');
  const region = page.getByRole('region', { name: `${UNIT}的督查反馈` });
  const comment = region.getByLabel(`${TASK}的反馈意见`);
  await comment.fill('请补充审批进度佐证材料');
  await expect(region.getByRole('status')).toHaveText('已保存');

  await page.getByRole('button', { name: '发布5月' }).click();
  const publish = page.getByRole('dialog', { name: '发布5月' });
  await publish.getByLabel('我已知晓以上事项仍未处理，确认发布').check();
  await publish.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText(/5月已于 .* 发布，进展和反馈已冻结。/)).toBeVisible();

  await expect(comment).toHaveAttribute('readonly', '');
  await comment.click();
  await page.keyboard.type('再补充');
  await expect(comment).toHaveValue('请补充审批进度佐证材料');
  await expect(region.getByText(/保存失败/)).toHaveCount(0);

  // The task's plan: May's cells cannot be typed into; the open months can.
  await openTask(page);
  await expect(page.getByText('5月已发布，不能修改。')).toBeVisible();
  await expect(page.getByLabel('5月节点目标')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('6月节点目标')).not.toHaveAttribute('readonly');
});

test('looking writes nothing: the task page, a pre-filled 复盘, the edit dialogs and the settings store nothing until typed in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startYearWithTaskList(page, '周科员');
  const before = (await (await newestLogEntry(page)).textContent()) ?? '';

  await openTask(page);
  await page.getByRole('main').getByRole('button', { name: '复盘', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('尚未保存');
  await openScreen(page, '单位');
  await page.getByRole('button', { name: `编辑${UNIT}` }).click();
  await page.getByRole('dialog', { name: '编辑单位' }).getByRole('button', { name: '关闭' }).click();
  await openScreen(page, '区领导');
  await page.getByRole('table', { name: '区领导列表' }).getByRole('button', { name: /^编辑/ }).first().click();
  await page.getByRole('dialog', { name: '编辑区领导' }).getByRole('button', { name: '关闭' }).click();
  await openScreen(page, '规则设置');
  await expect(page.getByLabel('黄灯上限（落后百分点）')).toHaveValue('20');
  await openScreen(page, '工作年度');
  await expect(page.getByLabel('年度名称')).toHaveValue('2026年度重点工作');

  // A reload saves whatever might be waiting (the journal is replayed at start): there is nothing.
  await page.reload();
  await expect(await newestLogEntry(page)).toHaveText(before);
});

test('新建工作年度 suggests this year, then the year after the newest', async ({ page }) => {
  await page.clock.setFixedTime(chinaTime('2026-03-09'));
  await page.goto('/');
  await enterOperator(page, '周科员');
  await openScreen(page, '工作年度');
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue('2026');
  await createYear(page, 2026);
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue('2027');
});
