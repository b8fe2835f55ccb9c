// A large district (issue 17): 600 tasks for 120 units. Every unit's June template out through
// the UI (the button telling its progress), filled in as the units would (a few percents left
// blank, some units sending nothing), all sheets back in one batch; every report stored, and
// the screens listing every unit. Correctness at this size — speed is measured by
// `npm run bench -- --only district`, not here.
import { expect, test } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DISTRICT_MONTH as M,
  DISTRICT_TODAY,
  fillTemplates,
  generateDistrict,
  seedDistrict,
} from '../scripts/bench/district-data';
import { chooseFiles } from './helpers';
import { unzipDownload } from './cycle-steps';

const district = generateDistrict({ tasks: 600, units: 120 });
const owing = district.units.filter((u) =>
  district.tasks.some((t) => t.leadUnitId === u.id || t.coUnitIds.includes(u.id)),
);

test('600 tasks × 120 units: every template out, every sheet back in one batch, every unit listed', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const dir = testInfo.outputDir;
  await page.clock.setFixedTime(new Date(`${DISTRICT_TODAY}T10:00:00+08:00`));
  await page.goto('/#/aliases');
  await seedDistrict(page, district);
  await page.evaluate((m) => (window.location.hash = `#/reports/${m}`), M);
  await page.reload();

  // Out: one workbook per unit that answers for a task, the button counting them.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `导出${M}月进展表` }).click();
  await expect(page.getByRole('button', { name: new RegExp(`正在生成 \\d+/${owing.length}…`) })).toBeVisible();
  const templates = await unzipDownload(await download, dir);
  expect(templates.size).toBe(owing.length);
  await expect(page.getByText(`已导出 ${owing.length} 个单位的${M}月进展表。`)).toBeVisible();
  await expect(page.getByRole('button', { name: `导出${M}月进展表` })).toBeEnabled();

  // Back: filled in by the units; every 19th sends nothing.
  const filled = await fillTemplates(templates);
  expect(filled.missing.length).toBeGreaterThan(0);
  expect(filled.blank).toBeGreaterThan(0);
  const folder = path.join(dir, 'filled');
  await mkdir(folder, { recursive: true });
  const paths = await Promise.all(
    filled.files.map(async (f) => {
      const file = path.join(folder, f.name);
      await writeFile(file, f.bytes);
      return file;
    }),
  );
  await page.getByRole('button', { name: `导入${M}月进展` }).click();
  await chooseFiles(page, '选择月度进展文件', paths);
  await expect(
    page.getByRole('heading', { name: `预览：新增 ${filled.reports} 条，修改 0 条，未变 0 条` }),
  ).toBeVisible({
    timeout: 30_000,
  });
  const files = page.getByRole('table', { name: '文件' });
  await expect(files.getByRole('row')).toHaveCount(filled.files.length + 1);
  await expect(files.getByRole('alert')).toHaveCount(0);
  // Each blank percent is an error naming its cell; the rest of its sheet is imported.
  await expect(
    page.getByRole('table', { name: '问题清单' }).getByRole('row').filter({ hasText: '没有填写累计进度' }),
  ).toHaveCount(filled.blank);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText(`已导入 ${filled.files.length} 个文件：新增 ${filled.reports} 条进展`)).toBeVisible({
    timeout: 30_000,
  });

  // Every report stored.
  const stored = await page.evaluate(
    async ({ yearId, month }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const idb = await request(indexedDB.open('duchaduban'));
      const tx = idb.transaction(['reports', 'submissions'], 'readonly');
      const reports = await request(tx.objectStore('reports').index('[yearId+month]').count([yearId, month]));
      const sheets = await request(
        tx.objectStore('submissions').index('[yearId+kind+month]').count([yearId, 'progress', month]),
      );
      idb.close();
      return { reports, sheets };
    },
    { yearId: district.year.id, month: M },
  );
  expect(stored).toEqual({ reports: filled.reports, sheets: filled.files.length });

  // 月度进展 lists every unit: those that sent their sheet (on the 27th, after the 25th) and those that did not.
  await page.evaluate((m) => (window.location.hash = `#/reports/${m}`), M);
  await expect(page.getByText(`已收到 ${filled.files.length}/${owing.length} 个单位的报表`)).toBeVisible();
  const submitted = page.getByRole('table', { name: '报送情况' });
  await expect(submitted.getByRole('row')).toHaveCount(owing.length + 1);
  await expect(submitted.getByRole('row').filter({ hasText: '逾期报送' })).toHaveCount(filled.files.length);
  await expect(submitted.getByRole('row').filter({ hasText: '未报送' })).toHaveCount(filled.missing.length);
  for (const unit of [owing[0]!, owing.at(-1)!])
    await expect(submitted.getByRole('cell', { name: unit.name, exact: true })).toHaveCount(1);

  // 赛马排名 ranks every unit of the year in its group.
  await page.evaluate((m) => (window.location.hash = `#/ranking/${m}`), M);
  const ranked = page.locator('table[aria-label$="排名"] tbody tr');
  await expect(ranked).toHaveCount(district.units.length, { timeout: 30_000 });
});
