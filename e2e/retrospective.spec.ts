import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { enterOperator, openScreen } from './helpers';
import { chinaTime, importMayReports, importProgress, saveWorkbook, startYearWithTaskList } from './cycle-steps';

const TASK = '提高制造业投资比重';

/** Appends text at the end of a multi-line field, as someone typing would. */
async function typeAtEnd(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('复盘 of a task in four steps, printed and exported with the year; 2027 started from 2026 with the unfinished tasks carried over', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputDir;
  await startYearWithTaskList(page, '钱主任');
  const { book, fill } = await importMayReports(page, dir);
  // 区经济和信息化局 finishes 印染产业提质增效 in May: it is the one task not carried over.
  fill('印染产业提质增效', 100, '已完成');
  await importProgress(page, 5, [await saveWorkbook(book, `${dir}/经信局5月-更正.xlsx`)]);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入 1 个文件')).toBeVisible();

  // The office's comment on the May report, to be collected by 分析原因.
  await page.clock.setFixedTime(chinaTime('2026-05-29'));
  await page.goto('/#/feedback/5');
  const comment = page.getByRole('region', { name: '区经济和信息化局的督查反馈' }).getByLabel(`${TASK}的反馈意见`);
  await comment.fill('审批延后属实，需协调加快');
  await comment.blur();
  await openScreen(page, '操作日志');
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('督查反馈');

  // From the task page into its 复盘.
  await page.clock.setFixedTime(chinaTime('2026-12-03'));
  await openScreen(page, '复盘');
  await expect(page.getByText('共 20 项：已完成 0 项，进行中 0 项，未开始 20 项')).toBeVisible();
  await openScreen(page, '任务台账');
  await page.getByRole('table', { name: '任务台账' }).getByRole('row').filter({ hasText: TASK }).click();
  await page.getByRole('main').getByRole('button', { name: '复盘', exact: true }).click();
  await expect(page.getByRole('heading', { name: `复盘：${TASK}` })).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toContainText('尚未保存');

  // 1 回忆目标: the targets and measures of the task list, pre-filled.
  await expect(page.getByLabel('回忆目标', { exact: true })).toHaveValue(/工作目标：\n1\. /);
  await expect(page.getByLabel('回忆目标', { exact: true })).toHaveValue(/主要措施：/);
  await expect(page.getByLabel('回忆目标', { exact: true })).toHaveValue(/牵头单位：区经济和信息化局/);
  await typeAtEnd(page, '回忆目标', '\n年中目标未作调整。');
  await expect(status).toHaveText(/^已保存/);

  // 2 评估结果: the final percent, the months behind, the lights, no evaluation yet.
  await page.getByRole('button', { name: '下一步：评估结果' }).click();
  const results = page.getByLabel('评估结果', { exact: true });
  await expect(results).toHaveValue(/截至5月，累计完成20%，未完成/);
  await expect(results).toHaveValue(/滞后月份：5月/);
  await expect(results).toHaveValue(/各月红黄绿灯：3月红灯（未报送）、4月红灯（未报送）、5月黄灯（滞后）/);
  await expect(results).toHaveValue(/第三方评估：暂无评估结果/);
  await expect(page.getByLabel('各月红黄绿灯')).toContainText('5月');

  // 3 分析原因: the unit's explanation and the office's comment, then the staff's own analysis.
  await page.getByRole('button', { name: '下一步：分析原因' }).click();
  const causes = page.getByLabel('分析原因', { exact: true });
  await expect(causes).toHaveValue(/5月 区经济和信息化局：项目审批延后/);
  await expect(causes).toHaveValue(/5月 区经济和信息化局：审批延后属实，需协调加快/);
  await typeAtEnd(page, '分析原因', '前期审批环节衔接不畅，要素保障滞后。');
  await expect(status).toHaveText(/^已保存/);

  // 4 总结经验: lessons and what goes into next year's plan.
  await page.getByRole('button', { name: '下一步：总结经验' }).click();
  await expect(page.getByLabel('纳入下年度计划的事项')).toHaveValue(
    '本项工作年末完成20%，建议结转至2027年度继续推进。',
  );
  await page.getByLabel('经验与不足').fill('经验做法：月度调度。\n存在不足：审批前置不够。');
  await page.getByRole('button', { name: '完成复盘' }).click();
  await expect(page.getByText('已完成', { exact: true })).toBeVisible();
  await expect(status).toHaveText(/^已保存/);

  // Saved as typed: a reload shows the texts; every step is in the audit log.
  const reviewUrl = page.url();
  await page.reload();
  await expect(page.getByLabel('经验与不足')).toHaveValue('经验做法：月度调度。\n存在不足：审批前置不够。');
  await page.getByRole('tab', { name: '分析原因' }).click();
  await expect(page.getByLabel('分析原因', { exact: true })).toHaveValue(/要素保障滞后。$/);
  await openScreen(page, '操作日志');
  await page.getByLabel('对象').click();
  await page.getByRole('option', { name: '复盘' }).click();
  const reviewEntries = page.getByRole('table', { name: '操作日志' }).getByRole('row').filter({ hasText: '钱主任' });
  await expect(reviewEntries.first()).toContainText('复盘');
  expect(await reviewEntries.count()).toBeGreaterThanOrEqual(5);

  // On paper: A4, the title and the four steps.
  await page.goto(reviewUrl);
  // It opens on the step last worked on.
  await expect(page.getByLabel('分析原因', { exact: true })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const printed = (await new PDFParse({ data: pdf }).getText()).text.normalize('NFKC').replace(/\s+/g, '');
  expect(printed).toContain(`${TASK}复盘报告`);
  for (const heading of ['一、回忆目标', '二、评估结果', '三、分析原因', '四、总结经验'])
    expect(printed).toContain(heading);
  expect(printed).toContain('要素保障滞后');
  expect(printed).toContain('—1—');

  // The year's 复盘 in one Word document.
  await openScreen(page, '复盘');
  await expect(page.getByText('共 20 项：已完成 1 项，进行中 0 项，未开始 19 项')).toBeVisible();
  await expect(page.getByRole('table', { name: '复盘列表' }).getByRole('row').filter({ hasText: TASK })).toContainText(
    '已完成',
  );
  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全年复盘（Word）' }).click();
  const file = `${dir}/复盘.docx`;
  await (await docx).saveAs(file);
  const { value: text } = await mammoth.extractRawText({ path: file });
  expect(text).toContain('2026年度重点工作复盘汇编');
  expect(text).toContain(`一、${TASK}`);
  for (const heading of ['（一）回忆目标', '（二）评估结果', '（三）分析原因', '（四）总结经验'])
    expect(text).toContain(heading);
  expect(text).toContain('存在不足：审批前置不够。');
  expect(text).toContain('建议结转至2027年度继续推进');

  // 2027 from 2026: units, leaders and rules copied; the 19 unfinished tasks carried over.
  await openScreen(page, '工作年度');
  const fromOld = page.getByRole('region', { name: '从上一年度新建' });
  await fromOld.getByRole('button', { name: '新建下一年度…' }).click();
  await expect(fromOld.getByLabel('结转未完成任务（19/19 项）')).toBeChecked();
  await fromOld.getByRole('button', { name: '从2026年度新建2027年度' }).click();
  await expect(fromOld.getByRole('alert')).toContainText('结转任务 19 项');
  await expect(page.getByRole('heading', { name: '2027年度 规则设置' })).toBeVisible();

  await openScreen(page, '任务台账');
  await expect(page.getByText('共 19 项')).toBeVisible();
  const carried = page.getByRole('table', { name: '任务台账' }).getByRole('row').filter({ hasText: TASK });
  await expect(carried).toContainText('上年结转');
  await expect(carried).toContainText('区经济和信息化局');
  await expect(carried).toContainText('2027年11月30日');
  await page.getByLabel('搜索（可用拼音首字母）').fill('印染');
  await expect(page.getByText('共 0 项（全部 19 项）')).toBeVisible();
  await page.getByLabel('搜索（可用拼音首字母）').fill('');
  await carried.click();
  await expect(page.getByText('上年结转：本任务由2026年度结转，上年末累计进度 20%。')).toBeVisible();

  await openScreen(page, '单位');
  await expect(
    page.getByRole('table', { name: '单位列表' }).getByRole('row', { name: /区经济和信息化局/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: '单位列表' }).getByRole('row', { name: /东城街道/ })).toContainText(
    '镇街',
  );
  await openScreen(page, '区领导');
  await expect(page.getByRole('table', { name: '区领导列表' }).getByRole('row', { name: /张明/ })).toBeVisible();
  await openScreen(page, '复盘');
  await expect(page.getByText('共 19 项：已完成 0 项，进行中 0 项，未开始 19 项')).toBeVisible();
});

test('the carried tasks can be chosen one by one', async ({ page }) => {
  await startYearWithTaskList(page, '钱主任');
  // No reports yet: all 20 tasks are unfinished; the office leaves one behind.
  await openScreen(page, '工作年度');
  const fromOld = page.getByRole('region', { name: '从上一年度新建' });
  await fromOld.getByRole('button', { name: '新建下一年度…' }).click();
  await fromOld.getByRole('button', { name: '查看并选择结转任务' }).click();
  await fromOld.getByLabel(`结转${TASK}`).uncheck();
  await expect(fromOld.getByLabel('结转未完成任务（19/20 项）')).toBeChecked();
  await fromOld.getByRole('button', { name: '从2026年度新建2027年度' }).click();
  await expect(fromOld.getByRole('alert')).toContainText('结转任务 19 项');
  await openScreen(page, '任务台账');
  await expect(page.getByText('共 19 项')).toBeVisible();
  await page.getByLabel('搜索（可用拼音首字母）').fill(TASK);
  await expect(page.getByText('共 0 项（全部 19 项）')).toBeVisible();
});

test('a 复盘 step can be filled again from the latest data, and a finished 复盘 reopened', async ({ page }) => {
  await page.clock.setFixedTime(chinaTime('2026-03-02'));
  await page.goto('/');
  await enterOperator(page, '钱主任');
  await openScreen(page, '工作年度');
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByLabel('工作年度')).toContainText('2025年度（示例）');

  // The sample's review still in progress, at 分析原因, with the office's own text.
  await openScreen(page, '复盘');
  await page.getByRole('table', { name: '复盘列表' }).getByRole('row').filter({ hasText: '进行中' }).first().click();
  const causes = page.getByLabel('分析原因', { exact: true });
  const typed = await causes.inputValue();
  await page.getByRole('button', { name: '按最新数据重新填入' }).click();
  await page.getByRole('dialog', { name: '按最新数据重新填入' }).getByRole('button', { name: '重新填入' }).click();
  await expect(causes).not.toHaveValue(typed);
  await expect(causes).toHaveValue(/原因分析：/);
  await expect(page.getByRole('button', { name: '按最新数据重新填入' })).toBeDisabled();

  await page.getByRole('button', { name: '下一步：总结经验' }).click();
  await page.getByRole('button', { name: '完成复盘' }).click();
  await expect(page.getByText('已完成', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '重新打开' }).click();
  await expect(page.getByText(/^进行中/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /保存/ })).toHaveText(/^已保存/);
  await openScreen(page, '复盘');
  await expect(page.getByText('共 20 项：已完成 3 项，进行中 1 项，未开始 16 项')).toBeVisible();
});
