import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { createYear, enterOperator, openScreen, tableCounts } from './helpers';
import { killHard, startChromium, type Running } from './killableChromium';

// Issue 6: the browser dies in the middle of a large import commit (one Dexie transaction:
// tasks, units, leaders, sections, the batch and one audit entry). On the next start the
// database is exactly as before the import or exactly as after it, and the app works.
// The browser is killed like a power cut (killableChromium.ts).

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;
const TASKS = 3000;
const SECTIONS = ['一、扩大有效投资', '二、科技创新', '三、城市建设', '四、民生实事', '五、生态环境'];
const LEADERS = ['张明', '王芳', '李强'];
const UNITS = [
  '区发展和改革局',
  '区经济和信息化局',
  '区科学技术局',
  '区财政局',
  '区人力资源和社会保障局',
  '区住房和城乡建设局',
  '区交通运输局',
  '区农业农村局',
  '区商务局',
  '区文化和旅游局',
  '区卫生健康局',
  '区教育局',
  '区民政局',
  '区司法局',
  '区应急管理局',
  '区市场监督管理局',
  '区生态环境分局',
  '东城街道',
  '西湖街道',
  '南山街道',
];
// The flags of playwright.config.ts, plus what a headless browser of our own needs.

async function writeTaskList(file: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('清单');
  sheet.addRow([
    '序号',
    '工作板块',
    '重点工作',
    '工作目标',
    '主要措施',
    '分管区领导',
    '牵头单位',
    '责任单位',
    '完成时限',
  ]);
  for (let i = 1; i <= TASKS; i++) {
    sheet.addRow([
      String(i),
      SECTIONS[i % SECTIONS.length],
      `第${i}项重点工作`,
      `1、完成第${i}项目标`,
      `1、落实第${i}项措施`,
      LEADERS[i % LEADERS.length],
      UNITS[i % UNITS.length],
      UNITS[(i + 7) % UNITS.length],
      '11月底前',
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

async function closeGently(running: Running) {
  await running.browser.close().catch(() => undefined);
  await killHard(running);
}

const counted = ['tasks', 'units', 'leaders', 'sections', 'importBatches', 'audit'] as const;
type Counts = Record<(typeof counted)[number], number>;

/** The rows of the tables an import of the task list writes. */
async function countRows(page: Page): Promise<Counts> {
  const all = await tableCounts(page);
  return Object.fromEntries(counted.map((name) => [name, all[name] ?? 0])) as Counts;
}

for (const killAfterMs of [50, 300, 1000]) {
  test(`killing Chromium ${killAfterMs} ms into a ${TASKS}-task import commit leaves the database before or after it`, async () => {
    const testInfo = test.info();
    test.setTimeout(120_000);
    const file = testInfo.outputPath('大清单.xlsx');
    const profileDir = testInfo.outputPath('profile');
    await mkdir(profileDir, { recursive: true });
    await writeTaskList(file);

    let running = await startChromium(profileDir);
    try {
      const page = running.page;
      await page.goto(APP);
      await enterOperator(page, '赵科员');
      await createYear(page, 2026);
      const before = await countRows(page);
      expect(before).toMatchObject({ tasks: 0, units: 0, leaders: 0, sections: 0, importBatches: 0 });

      await openScreen(page, '任务台账');
      await page.getByRole('button', { name: '导入任务清单' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '选择任务清单文件' }).click();
      await (await chooser).setFiles(file);
      await expect(page.getByRole('heading', { name: new RegExp(`预览：新增 ${TASKS} 项`) })).toBeVisible({
        timeout: 60_000,
      });

      // The page says when the app reports the import done; asking it would delay the kill
      // while its main thread is busy, so it tells us through the console instead.
      let reportedAt: number | undefined;
      page.on('console', (message) => {
        if (message.text() === 'crash-test: import reported') reportedAt ??= Date.now();
      });
      await page.evaluate((text) => {
        const observer = new MutationObserver(() => {
          if (document.body.innerText.includes(text)) {
            observer.disconnect();
            console.log('crash-test: import reported');
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, `新增 ${TASKS} 项任务`);

      await page.getByRole('button', { name: '确认导入' }).click();
      const clickedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      const reported =
        reportedAt === undefined ? 'had not reported success' : `had reported success at ${reportedAt - clickedAt} ms`;
      const killedAfter = Date.now() - clickedAt;
      await killHard(running);

      running = await startChromium(profileDir);
      const again = running.page;
      await again.goto(APP);
      await expect(again.getByRole('navigation', { name: '功能导航' })).toBeVisible();
      const after = await countRows(again);

      const committed = after.tasks !== 0;
      const outcome = committed ? 'after' : 'before';
      const note = `killed ${killedAfter} ms after 确认导入 (the app ${reported}): database is exactly ${outcome} the import — ${JSON.stringify(after)}`;
      console.log(`[crash ${killAfterMs} ms] ${note}`);
      testInfo.annotations.push({ type: 'outcome', description: note });

      if (committed) {
        expect(after).toEqual({
          tasks: TASKS,
          units: UNITS.length,
          leaders: LEADERS.length,
          sections: SECTIONS.length,
          importBatches: 1,
          audit: before.audit + 1,
        });
      } else {
        expect(after).toEqual(before);
      }

      // The app works on the database it found.
      await openScreen(again, '任务台账');
      await expect(again.getByText(`共 ${after.tasks} 项`, { exact: true })).toBeVisible({ timeout: 30_000 });
      await openScreen(again, '单位');
      await again.getByRole('button', { name: '新增单位' }).click();
      const unitDialog = again.getByRole('dialog', { name: '新增单位' });
      await unitDialog.getByLabel('单位名称').fill('区审计局');
      await unitDialog.getByRole('button', { name: '保存' }).click();
      await expect(unitDialog).toBeHidden();
      await expect(again.getByRole('table', { name: '单位列表' }).getByRole('row', { name: /区审计局/ })).toBeVisible();
      expect((await countRows(again)).units).toBe(after.units + 1);
    } finally {
      await closeGently(running);
    }
  });
}
