// Issue 16, several PCs with one office data set: two browser profiles are two PCs, the test
// server is the office's CouchDB.
import { chooseFiles, createYear, openScreen } from './helpers';
import {
  addUnits,
  EDITOR1,
  EDITOR2,
  READER,
  expect,
  expectSynced,
  joinOffice,
  loadSample,
  saveSyncAddress,
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
  // PouchDB and the sync engine are separate chunks, fetched only once a server is set up.
  const syncChunks: string[] = [];
  a.page.on('request', (request) => {
    if (/\/assets\/(pouch|engine)-[^/]*\.js$/.test(request.url())) syncChunks.push(request.url());
  });
  // Without a server the header shows no sync status: the app works as one PC.
  await expect(a.page.getByRole('button', { name: '操作人：张科员' })).toBeVisible();
  await expect(syncStatus(a.page)).toHaveCount(0);
  await createYear(a.page, 2026);
  await addUnits(a.page, ['区财政局', '区教育局']);
  await a.page.reload();
  await expect(a.page.getByRole('button', { name: '操作人：张科员' })).toBeVisible();
  expect(syncChunks).toEqual([]);
  expect(await syncRows(a.page, 'outbox')).toEqual([]);
  expect(await syncRows(a.page, 'syncMeta')).toEqual([]);

  // PC A: 测试连接 after the address is saved, then the first sync uploads what A holds.
  await saveSyncAddress(a.page, couch, office, EDITOR1);
  const region = syncRegion(a.page);
  await region.getByLabel('密码').fill('wrong');
  await region.getByRole('button', { name: '测试连接' }).click();
  await expect(region.getByRole('alert')).toContainText('用户名或密码不正确');
  await region.getByLabel('密码').fill(EDITOR1.password);
  await region.getByRole('button', { name: '测试连接' }).click();
  await expect(region.getByRole('alert')).toContainText(`连接成功：用户“${EDITOR1.name}”（编辑），服务器上还没有数据`);
  await region.getByLabel('本机名称').fill('张科员的电脑');
  await region.getByRole('button', { name: '开始同步' }).click();
  await expectSynced(a.page);
  expect(syncChunks.length).toBeGreaterThan(0);
  await expect(region.getByRole('table', { name: '同步设置' })).toContainText('editor1（编辑）');

  // PC B, empty, downloads.
  const b = await openPc(browser, '李科员');
  await joinOffice(b.page, couch, office, EDITOR2, '李科员的电脑');
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

test('the same record changed on two PCs: one conflict, marked, shown side by side with who and when, merged by a person', async ({
  browser,
  couch,
  office,
}) => {
  const a = await openPc(browser, '张科员');
  await createYear(a.page, 2026);
  await addUnits(a.page, ['区财政局']);
  await joinOffice(a.page, couch, office, EDITOR1, '张科员的电脑');
  const b = await openPc(browser, '李科员');
  await joinOffice(b.page, couch, office, EDITOR2, '李科员的电脑');

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await openScreen(a.page, '单位');
  await a.page.getByRole('button', { name: '编辑区财政局' }).click();
  const dialog = a.page.getByRole('dialog', { name: '编辑单位' });
  await dialog.getByLabel('联系人').fill('王五');
  await dialog.getByLabel('联系电话').fill('111');
  await expect(dialog.getByRole('status')).toHaveText(/^已保存/);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await setUnitPhone(b.page, '区财政局', '222');
  await a.context.setOffline(false);
  await b.context.setOffline(false);

  // One conflict on each PC; both show CouchDB's winner, marked.
  for (const pc of [a, b]) {
    await expect(syncStatus(pc.page)).toHaveAccessibleName('同步状态：冲突1项', { timeout: 40_000 });
    await openScreen(pc.page, '单位');
    await expect(
      pc.page
        .getByRole('table', { name: '单位列表' })
        .getByRole('row', { name: /区财政局/ })
        .getByRole('button', {
          name: '该记录有同步冲突，点击查看',
        }),
    ).toBeVisible();
  }
  const shownOn = async (page: typeof a.page) => ((await officeData(page))['units'] as { phone: string }[])[0]?.phone;
  await expect.poll(async () => (await shownOn(a.page)) === (await shownOn(b.page))).toBe(true);

  // On B: the list, then both versions side by side with who and when.
  await syncStatus(b.page).click();
  await expect(b.page).toHaveURL(/#\/conflicts$/);
  const list = b.page.getByRole('table', { name: '同步冲突列表' });
  await expect(list.getByRole('row', { name: /单位.*区财政局.*两台电脑都修改了.*2/ })).toBeVisible();
  await list.getByRole('button', { name: '比较' }).click();
  const compare = b.page.getByRole('table', { name: '版本对比' });
  const headers = await compare.getByRole('columnheader').allTextContents();
  expect(headers[0]).toBe('字段');
  const mine = headers.findIndex((h) => h.includes('李科员') && h.includes('李科员的电脑（本机）'));
  const theirs = headers.findIndex((h) => h.includes('张科员') && h.includes('张科员的电脑'));
  expect(mine).toBeGreaterThan(0);
  expect(theirs).toBeGreaterThan(0);
  expect(headers.filter((h) => h.includes('当前显示'))).toHaveLength(1);
  for (const h of headers.slice(1)) expect(h).toMatch(/\d{4}年\d+月\d+日 \d\d:\d\d/);
  await expect(compare.getByRole('row', { name: /^联系电话/ })).toContainText('111');
  await expect(compare.getByRole('row', { name: /^联系电话/ })).toContainText('222');
  // Merge: B's phone, A's contact.
  await compare.getByRole('radio', { name: `联系电话：采用版本${mine}` }).check();
  await compare.getByRole('radio', { name: `联系人：采用版本${theirs}` }).check();
  await b.page.getByRole('button', { name: '保存合并结果' }).click();
  await expect(b.page.getByRole('alert').filter({ hasText: '没有同步冲突。' })).toBeVisible();

  for (const pc of [a, b]) {
    await expectSynced(pc.page, 40_000);
    await expect
      .poll(async () => (await officeData(pc.page))['units'], { timeout: 20_000 })
      .toEqual([expect.objectContaining({ name: '区财政局', contactPerson: '王五', phone: '222' })]);
  }
  // The decision is in B's log.
  await openScreen(b.page, '操作日志');
  await expect(
    b.page
      .getByRole('table', { name: '操作日志' })
      .getByRole('row', { name: /本机.*李科员.*处理同步冲突：采用选定或合并后的内容/ }),
  ).toHaveCount(1);
  await a.context.close();
  await b.context.close();
});

test('publishing holds across PCs: November published on A while B edits November offline arrives as a conflict, never as a change', async ({
  browser,
  couch,
  office,
}) => {
  test.setTimeout(120_000);
  const a = await openPc(browser, '张科长');
  await createYear(a.page, 2026);
  await loadSample(a.page);
  await joinOffice(a.page, couch, office, EDITOR1, '张科长的电脑', 60_000);
  const b = await openPc(browser, '李科员');
  await joinOffice(b.page, couch, office, EDITOR2, '李科员的电脑', 60_000);

  // B, offline, adds an opinion to a November review.
  await b.context.setOffline(true);
  await b.page.getByRole('banner').getByLabel('工作年度').click();
  await b.page.getByRole('option', { name: '2025年度（示例）' }).click();
  await b.page.goto('/#/feedback/11');
  const comment = (page: typeof b.page) =>
    page.getByRole('region', { name: '区发展和改革局的督查反馈' }).getByLabel('重大项目攻坚行动的反馈意见');
  await comment(b.page).fill('李科员离线补充的意见');
  await expect(b.page.getByText('已保存').first()).toBeVisible();
  await expect(syncStatus(b.page)).toHaveAccessibleName(/离线，1项待上传/, { timeout: 20_000 });

  // A publishes November meanwhile.
  await a.page.goto('/#/feedback/11');
  await a.page.getByRole('button', { name: '发布11月' }).click();
  const publish = a.page.getByRole('dialog', { name: '发布11月' });
  await publish.getByLabel('我已知晓以上事项仍未处理，确认发布').check();
  await publish.getByRole('button', { name: '确认发布' }).click();
  await expect(a.page.getByText(/11月已于 .* 由 张科长 发布/)).toBeVisible();
  await expectSynced(a.page, 60_000);

  // B back online: November is frozen on B too, B's edit is a conflict and the published text shows.
  await b.context.setOffline(false);
  for (const pc of [a, b])
    await expect(syncStatus(pc.page)).toHaveAccessibleName('同步状态：冲突1项', { timeout: 60_000 });
  await b.page.goto('/#/feedback/11');
  await expect(b.page.getByText(/11月已于 .* 由 张科长 发布/)).toBeVisible();
  await expect(comment(b.page)).toHaveValue('');
  await expect(comment(b.page)).toHaveAttribute('readonly', '');
  await a.page.goto('/#/feedback/11');
  await expect(comment(a.page)).toHaveValue('');

  // On A: the conflict says why; only the published version can be kept.
  await a.page.goto('/#/conflicts');
  const list = a.page.getByRole('table', { name: '同步冲突列表' });
  await expect(
    list.getByRole('row', { name: /督查反馈.*区发展和改革局.*重大项目攻坚行动.*11月.*已发布月份的离线修改/ }),
  ).toBeVisible();
  await list.getByRole('button', { name: '比较' }).click();
  await expect(a.page.getByRole('alert').filter({ hasText: '11月已经发布' })).toBeVisible();
  const compare = a.page.getByRole('table', { name: '版本对比' });
  await expect(compare.getByRole('columnheader', { name: /已发布，当前显示/ })).toContainText('张科长');
  await expect(compare.getByRole('row', { name: /^反馈意见/ })).toContainText('李科员离线补充的意见');
  await expect(a.page.getByRole('button', { name: '保存合并结果' })).toHaveCount(0);
  await a.page.getByRole('button', { name: '保留已发布的版本' }).click();
  await expect(a.page.getByRole('alert').filter({ hasText: '没有同步冲突。' })).toBeVisible();
  for (const pc of [a, b]) await expectSynced(pc.page, 60_000);
  expect(await syncRows(b.page, 'syncConflicts')).toEqual([]);
  await b.page.goto('/#/feedback/11');
  await expect(comment(b.page)).toHaveValue('');
  await a.context.close();
  await b.context.close();
});

test('a leader’s PC (只读): the first sync with progress and an estimate, pause and resume; it can read, not change', async ({
  browser,
  couch,
  office,
}) => {
  test.setTimeout(120_000);
  const a = await openPc(browser, '张科长');
  await createYear(a.page, 2026);
  await loadSample(a.page);
  await joinOffice(a.page, couch, office, EDITOR1, '张科长的电脑', 60_000);

  // The leader's PC on a slow line: the download shows how far it is and how long it will take.
  const leader = await openPc(browser, '王主任');
  const cdp = await leader.context.newCDPSession(leader.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 120 * 1024,
    uploadThroughput: 120 * 1024,
  });
  await startSync(leader.page, couch, office, READER, '王主任的电脑');
  const region = syncRegion(leader.page);
  await expect(
    region.getByText(/^首次同步：从服务器下载 \d+ \/ 约 \d+ 项，预计还需(约 \d+ (秒|分钟)|不到 10 秒)$/),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(region.getByRole('progressbar', { name: '首次同步进度' })).toBeVisible();
  await expect(syncStatus(leader.page)).toHaveAccessibleName(/同步状态：首次同步（下载）\d+%/);
  // Pause in the middle, then go on from where it stopped.
  await region.getByRole('button', { name: '暂停同步' }).click();
  await expect(syncStatus(leader.page)).toHaveAccessibleName('同步状态：同步已暂停');
  await expect(region.getByRole('progressbar')).toHaveCount(0);
  await region.getByRole('button', { name: '继续同步' }).click();
  await expect(syncStatus(leader.page)).toHaveAccessibleName(/同步状态：(首次同步|正在连接)/);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expectSynced(leader.page, 60_000);
  expect(JSON.stringify(await officeData(leader.page))).toBe(JSON.stringify(await officeData(a.page)));

  // 只读: said on every screen; an edit is refused here (and the server would refuse it too).
  await expect(leader.page.getByRole('alert').filter({ hasText: '本机以“只读”用户连接多机同步' })).toBeVisible();
  await expect(region.getByRole('table', { name: '同步设置' })).toContainText(`${READER.name}（只读）`);
  await leader.page.getByRole('banner').getByLabel('工作年度').click();
  await leader.page.getByRole('option', { name: '2025年度（示例）' }).click();
  await openScreen(leader.page, '单位');
  const first = leader.page.getByRole('table', { name: '单位列表' }).getByRole('row').nth(1);
  await first.getByRole('button', { name: /^编辑/ }).click();
  const dialog = leader.page.getByRole('dialog', { name: '编辑单位' });
  await dialog.getByLabel('联系电话').fill('12345');
  await expect(dialog.getByRole('status')).toContainText('本机以“只读”用户连接多机同步（领导查看用），不能修改数据。');
  expect(await syncRows(leader.page, 'outbox')).toEqual([]);
  const asReader = await fetch(`${couch.url}/${office}/units:x`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${READER.name}:${READER.password}`).toString('base64')}`,
    },
    body: JSON.stringify({ type: 'units', row: {} }),
  });
  expect(asReader.status).toBe(403);
  await a.context.close();
  await leader.context.close();
});

test('restoring a backup on a synced PC asks before anything old goes to the server', async ({
  browser,
  couch,
  office,
}, testInfo) => {
  const a = await openPc(browser, '张科员');
  await createYear(a.page, 2026);
  await addUnits(a.page, ['区财政局']);
  await joinOffice(a.page, couch, office, EDITOR1, '张科员的电脑');
  const b = await openPc(browser, '李科员');
  await joinOffice(b.page, couch, office, EDITOR2, '李科员的电脑');

  // A backs up, then the office goes on working.
  await openScreen(a.page, '数据安全');
  const downloading = a.page.waitForEvent('download');
  await a.page.getByRole('button', { name: '备份到文件' }).click();
  const backupPath = testInfo.outputPath('backup.dcbackup');
  await (await downloading).saveAs(backupPath);
  await addUnits(b.page, ['备份之后新增的单位']);
  await expectSynced(b.page);
  await expect.poll(async () => ((await officeData(a.page))['units'] as unknown[]).length, { timeout: 20_000 }).toBe(2);

  // A restores the backup: the dialog says sync will pause and ask; then it asks.
  await openScreen(a.page, '数据安全');
  await chooseFiles(a.page, '从备份恢复', [backupPath]);
  const restore = a.page.getByRole('dialog', { name: '从备份恢复' });
  await expect(restore.getByRole('alert').filter({ hasText: '本机已启用多机同步' })).toBeVisible();
  const safety = a.page.waitForEvent('download');
  await restore.getByRole('button', { name: '恢复', exact: true }).click();
  await safety;
  const ask = a.page.getByRole('dialog', { name: '恢复的备份是否发送到服务器？' });
  await expect(ask).toBeVisible();
  // (behind the modal dialog, so hidden from the accessibility tree)
  await expect(
    a.page.getByRole('button', { name: '同步状态：已恢复备份：同步暂停，待确认', includeHidden: true }),
  ).toHaveCount(1);
  // Nothing moved: B still has the unit the backup lacks, and A does not get it back either.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(((await officeData(b.page))['units'] as unknown[]).length).toBe(2);
  expect(((await officeData(a.page))['units'] as unknown[]).length).toBe(1);

  await ask.getByRole('button', { name: '发送到服务器' }).click();
  await expect(ask).toBeHidden();
  await expectSynced(a.page);
  await expectSynced(b.page);
  await expect
    .poll(async () => ((await officeData(b.page))['units'] as { name: string }[]).map((u) => u.name), {
      timeout: 20_000,
    })
    .toEqual(['区财政局']);
  expect(JSON.stringify(await officeData(b.page))).toBe(JSON.stringify(await officeData(a.page)));
  await a.context.close();
  await b.context.close();
});

test('the page may reach the configured server only (connect-src narrowed at start)', async ({
  browser,
  couch,
  office,
}) => {
  const a = await openPc(browser, '张科员');
  const reach = (url: string) =>
    a.page.evaluate(
      (target) =>
        fetch(target).then(
          (r) => `reached ${r.status}`,
          (e: unknown) => `blocked: ${String(e)}`,
        ),
      url,
    );
  // No server set up: nothing outside the page's own origin.
  expect(await reach(`${couch.url}/`)).toMatch(/^blocked/);
  await joinOffice(a.page, couch, office, EDITOR1, '张科员的电脑');
  // The browser build keeps the password in this page's memory only: not in any storage of the page.
  const stored = await a.page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((store) => Object.keys(store).map((key) => store.getItem(key) ?? '')),
  );
  expect(stored.join('\n')).not.toContain(EDITOR1.password);
  expect(JSON.stringify(await syncRows(a.page, 'syncState'))).not.toContain(EDITOR1.password);
  // Set up: that server, and still nothing else.
  expect(await reach(`${couch.url}/`)).toBe('reached 200');
  const other = `http://127.0.0.1:${couch.port === 9 ? 10 : 9}/`;
  expect(await reach(other)).toMatch(/^blocked/);
  const violations = await a.page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        void fetch(target).catch(() => undefined);
      }),
    other,
  );
  expect(violations).toBe('connect-src');
  await a.context.close();
});
