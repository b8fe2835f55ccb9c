// Issue 16, several PCs with one office data set: two browser profiles are two PCs, the test
// server is the office's CouchDB.
import { createYear, openScreen } from './helpers';
import {
  addUnits,
  EDITOR1,
  EDITOR2,
  expect,
  expectSynced,
  officeData,
  openPc,
  setUnitPhone,
  startSync,
  syncRegion,
  syncRows,
  syncStatus,
  test,
} from './sync-helpers';

test('two PCs: set up, both edit offline, sync, end identical; the log merges both chains and verifies them', async ({
  browser,
  couch,
  office,
}) => {
  const a = await openPc(browser, '张科员');
  // Without a server the header shows no sync status: the app works as one PC.
  await expect(a.page.getByRole('button', { name: '操作人：张科员' })).toBeVisible();
  await expect(syncStatus(a.page)).toHaveCount(0);
  await createYear(a.page, 2026);
  await addUnits(a.page, ['区财政局', '区教育局']);

  // PC A: 测试连接 after the address is saved, then the first sync uploads what A holds.
  await openScreen(a.page, '数据安全');
  const region = syncRegion(a.page);
  await region.getByLabel('服务器地址').fill(couch.url);
  await region.getByLabel('数据库').fill(office);
  await region.getByLabel('用户名').fill(EDITOR1.name);
  await region.getByRole('button', { name: '保存地址并重新加载' }).click();
  await region.getByLabel('密码').fill('wrong');
  await region.getByRole('button', { name: '测试连接' }).click();
  await expect(region.getByRole('alert')).toContainText('用户名或密码不正确');
  await region.getByLabel('密码').fill(EDITOR1.password);
  await region.getByRole('button', { name: '测试连接' }).click();
  await expect(region.getByRole('alert')).toContainText(`连接成功：用户“${EDITOR1.name}”（编辑），服务器上还没有数据`);
  await region.getByLabel('本机名称').fill('张科员的电脑');
  await region.getByRole('button', { name: '开始同步' }).click();
  await expectSynced(a.page);
  await expect(region.getByRole('table', { name: '同步设置' })).toContainText('editor1（编辑）');

  // PC B, empty, downloads.
  const b = await openPc(browser, '李科员');
  await startSync(b.page, couch, office, EDITOR2, '李科员的电脑');
  await expectSynced(b.page);
  await openScreen(b.page, '单位');
  await expect(b.page.getByRole('table', { name: '单位列表' }).getByRole('row')).toHaveCount(3);

  // Both offline; each edits; the header counts what waits.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await addUnits(a.page, ['区民政局']);
  await setUnitPhone(b.page, '区财政局', '0571-88880000');
  await addUnits(b.page, ['东城街道', '西湖街道']);
  await expect(syncStatus(a.page)).toHaveAccessibleName(/离线，1项待上传/, { timeout: 20_000 });
  await expect(syncStatus(b.page)).toHaveAccessibleName(/离线，3项待上传/, { timeout: 20_000 });

  // Back online: both end identical.
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await expectSynced(a.page, 40_000);
  await expectSynced(b.page, 40_000);
  await expect
    .poll(async () => JSON.stringify(await officeData(a.page)) === JSON.stringify(await officeData(b.page)), {
      timeout: 20_000,
    })
    .toBe(true);
  const units = (await officeData(a.page))['units'] as { name: string; phone: string }[];
  expect(units.map((u) => u.name).sort()).toEqual(['东城街道', '区教育局', '区民政局', '区财政局', '西湖街道'].sort());
  expect(units.find((u) => u.name === '区财政局')?.phone).toBe('0571-88880000');
  expect(await syncRows(a.page, 'syncConflicts')).toEqual([]);

  // 操作日志 on A: B's entries beside A's, by time, each PC's chain verified.
  await openScreen(a.page, '操作日志');
  const log = a.page.getByRole('table', { name: '操作日志' });
  await expect(log.getByRole('row', { name: /李科员的电脑.*李科员.*新增.*西湖街道/ })).toHaveCount(1);
  await expect(log.getByRole('row', { name: /本机.*张科员.*新增.*区民政局/ })).toHaveCount(1);
  await a.page.getByRole('button', { name: '校验日志完整性' }).click();
  await expect(a.page.getByRole('alert').filter({ hasText: /^共 \d+ 条记录，校验通过/ })).toBeVisible();
  await expect(
    a.page.getByRole('alert').filter({ hasText: /^李科员的电脑：共 \d+ 条记录，校验通过，未发现改动。/ }),
  ).toBeVisible();
  await a.context.close();
  await b.context.close();
});
