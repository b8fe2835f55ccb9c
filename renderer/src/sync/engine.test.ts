// The sync engine against the CouchDB-compatible test server (couchdb/testserver.mjs), with
// this PC's Dexie database in fake-indexeddb and its replica on PouchDB's memory adapter.
// "Another PC" is played by writing its revisions to the server directly, as its replicator
// would (new_edits: false). Two real PCs (two browsers) are the end-to-end tests' part.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { startCouchServer, USERS, type CouchServer } from '../../../couchdb/testserver.mjs';
import {
  addUnit,
  createBackup,
  createWorkYear,
  db,
  publishMonth,
  restoreBackup,
  saveFeedback,
  setOperator,
  updateUnit,
  verifyAuditChain,
  type NewWorkYear,
} from '../db';
import {
  applyIncoming,
  getSyncSettings,
  pendingUploads,
  READ_ONLY_MESSAGE,
  resolveConflict,
  sendRestoredData,
  setUpSync,
  seedOutbox,
  takeOutbox,
  verifyPeerChains,
  type IncomingChange,
} from '../db/sync';
import { nextRev, revGen } from '../db/sync/revs';
import { provideExportGlobals } from '../db/testing';
import { loadSample } from '../db';
import { generateSample } from '../core/sample';
import { SyncEngine, type EngineStatus } from './engine';
import { STORAGE_FULL } from './errors';
import { openLocalReplica, openRemote, pouchWith, type PouchDatabase } from './pouch';
import { defaultCalendarSettings } from '../core/calendarSettings';

const Pouch = pouchWith(MemoryAdapter);
let couch: CouchServer;
let serial = 0;
let dbName: string;
let local: PouchDatabase;
let engine: SyncEngine | undefined;
const statuses: EngineStatus[] = [];

function yearInput(year: number): NewWorkYear {
  return {
    title: '',
    ...defaultCalendarSettings(year),
  };
}

const unitInput = (yearId: string, name: string) => ({
  yearId,
  name,
  kind: 'department' as const,
  rankingGroup: '',
  aliases: [],
  contactPerson: '',
  phone: '',
});

function authFetch(user: string, password: string) {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', auth);
    return fetch(url, { ...init, headers });
  };
}

function makeEngine(user = USERS[0]!): SyncEngine {
  const fetcher = authFetch(user.name, user.password);
  const remote = openRemote(Pouch, `${couch.url}/${dbName}`, fetcher);
  engine = new SyncEngine({
    local,
    remote,
    session: async () => {
      const res = await fetcher(`${couch.url}/_session`);
      return ((await res.json()) as { userCtx: { name: string | null; roles: string[] } }).userCtx;
    },
    onStatus: (s) => statuses.push(s),
    maxBackoffMs: 300,
    batchSize: 50,
  });
  return engine;
}

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const server = () => couch.local(dbName);
const serverDoc = (id: string) => server().get(id, { conflicts: true });
const synced = () => engine?.current.phase === 'synced';

/** Another PC's revision of `id`, written on the server as its replicator would. */
async function otherPcWrites(
  id: string,
  parent: string,
  row: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const body = {
    type: id.slice(0, id.indexOf(':')),
    key: row['id'],
    row,
    deviceId: 'pc-b',
    by: '李四',
    at: '2026-06-10T02:00:00.000Z',
    ...extra,
  };
  const rev = nextRev(parent, body as never, false);
  await server().bulkDocs(
    [
      {
        _id: id,
        _rev: rev,
        _revisions: { start: revGen(rev), ids: [rev.split('-')[1], parent.split('-')[1]] },
        ...body,
      },
    ],
    { new_edits: false },
  );
  return rev;
}

beforeAll(async () => {
  provideExportGlobals();
  couch = await startCouchServer();
});
afterAll(async () => {
  await couch.close();
});

beforeEach(async () => {
  dbName = `office-${++serial}`;
  await couch.setupOffice(dbName);
  await db.delete();
  await db.open();
  setOperator('张三');
  local = openLocalReplica(Pouch, `replica-${serial}`, 'memory');
  statuses.length = 0;
});

afterEach(async () => {
  await engine?.stop('off');
  engine = undefined;
});

async function setUp(label = '张三的电脑', user = USERS[0]!) {
  return setUpSync({ server: couch.url, database: dbName, username: user.name }, label);
}

describe('a PC that had data before sync was set up', () => {
  it('uploads every row and its audit chain, then shows 已同步 with nothing waiting', async () => {
    const year = await createWorkYear(yearInput(2026));
    const unit = await addUnit(unitInput(year.id, '区财政局'));
    const device = await setUp();
    expect(await seedOutbox()).toBe(2);
    await makeEngine().start();
    await until(synced, '已同步');
    expect(await pendingUploads()).toBe(0);
    expect((await serverDoc(`units:${unit.id}`))['row']).toEqual(unit);
    expect((await serverDoc(`workYears:${year.id}`))['row']).toEqual(year);
    // The whole local chain, as append-only documents named by device and seq.
    const audit = await server().allDocs({
      startkey: `audit:${device.deviceId}:`,
      endkey: `audit:${device.deviceId}:\ufff0`,
    });
    expect(audit.rows.map((r) => r.id)).toEqual(
      (await db.audit.orderBy('seq').toArray()).map(
        (e) => `audit:${device.deviceId}:${String(e.seq).padStart(10, '0')}`,
      ),
    );
    expect(statuses.some((s) => s.phase === 'initial' && s.progress?.step === 'upload')).toBe(true);
  });

  it('sends a later edit as a child of the revision the server has', async () => {
    const year = await createWorkYear(yearInput(2026));
    const unit = await addUnit(unitInput(year.id, '区财政局'));
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步');
    const first = (await serverDoc(`units:${unit.id}`))._rev;
    await updateUnit(unit.id, { name: '区财政局（改）' });
    await until(async () => (await serverDoc(`units:${unit.id}`))._rev !== first, 'the edit on the server');
    const doc = await serverDoc(`units:${unit.id}`);
    expect(revGen(doc._rev)).toBe(2);
    expect((doc['row'] as { name: string }).name).toBe('区财政局（改）');
    expect(doc['_conflicts']).toBeUndefined();
  });
});

describe('an empty PC joining the office', () => {
  it('downloads the rows, logs one entry per batch, keeps the other PC’s chain apart and verifies it', async () => {
    // PC A fills the server.
    const year = await createWorkYear(yearInput(2026));
    for (let i = 0; i < 7; i++) await addUnit(unitInput(year.id, `单位${i}`));
    const deviceA = await setUp('A的电脑');
    await seedOutbox();
    await makeEngine().start();
    await until(synced, 'A 已同步');
    await engine!.stop('off');
    const rowsOfA = await db.units.orderBy('id').toArray();
    const auditOfA = await db.audit.count();

    // PC B: a fresh database and replica.
    await db.delete();
    await db.open();
    setOperator('李四');
    local = openLocalReplica(Pouch, `replica-b-${serial}`, 'memory');
    await setUp('B的电脑', USERS[1]);
    await makeEngine(USERS[1]).start();
    await until(synced, 'B 已同步');
    expect(await db.units.orderBy('id').toArray()).toEqual(rowsOfA);
    expect(await db.workYears.toArray()).toEqual([year]);
    const chains = await verifyPeerChains();
    expect(chains).toEqual([{ deviceId: deviceA.deviceId, label: 'A的电脑', ok: true, count: auditOfA }]);
    expect((await verifyAuditChain()).ok).toBe(true);
    const applied = (await db.audit.where('entity').equals('syncState').toArray()).filter(
      (e) => e.entityId === 'apply',
    );
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.reduce((n, e) => n + (e.after as { rows: number }).rows, 0)).toBe(8);
    expect(statuses.some((s) => s.phase === 'initial' && s.progress?.step === 'download')).toBe(true);
    // The same batch again changes nothing and logs nothing (idempotent by revision).
    const docs = await local.allDocs({ include_docs: true, startkey: 'units:', endkey: 'units:\ufff0' });
    const before = await db.audit.count();
    const again: IncomingChange[] = docs.rows.map((r) => ({ id: r.id, winner: r.doc as never }));
    expect((await applyIncoming(again)).applied).toBe(0);
    expect(await db.audit.count()).toBe(before);
  });
});

describe("this PC's disk full", () => {
  it('stops with 本机磁盘空间不足 where a write was refused, then goes on by itself: nothing lost', async () => {
    const year = await createWorkYear(yearInput(2026));
    for (let i = 0; i < 7; i++) await addUnit(unitInput(year.id, `单位${i}`));
    await setUp('A的电脑');
    await seedOutbox();
    await makeEngine().start();
    await until(synced, 'A 已同步');
    await engine!.stop('off');
    const rowsOfA = await db.units.orderBy('id').toArray();

    // PC B: the browser refuses its first write of what arrived (a full disk, as Dexie reports it).
    await db.delete();
    await db.open();
    local = openLocalReplica(Pouch, `replica-b-${serial}`, 'memory');
    await setUp('B的电脑', USERS[1]);
    const full = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
    });
    const refused = vi.spyOn(db.syncMeta, 'bulkPut').mockRejectedValueOnce(full);
    try {
      await makeEngine(USERS[1]).start();
      await until(() => engine!.current.phase === 'error', '同步出错');
      expect(engine!.current.reason).toBe(STORAGE_FULL);
      expect(await db.units.count()).toBe(0); // the refused batch left nothing half-written
      await until(synced, 'B 已同步');
    } finally {
      refused.mockRestore();
    }
    expect(await db.units.orderBy('id').toArray()).toEqual(rowsOfA);
  });
});

describe('conflicts', () => {
  it('the same record changed on two PCs: one conflict, CouchDB’s winner shown, resolved for everyone', async () => {
    const year = await createWorkYear(yearInput(2026));
    const unit = await addUnit(unitInput(year.id, '区财政局'));
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步');
    const base = (await serverDoc(`units:${unit.id}`))._rev;
    // Offline here, an edit; meanwhile PC B changed the same record from the same revision.
    await engine!.stop();
    await updateUnit(unit.id, { phone: '111' });
    const theirs = await otherPcWrites(`units:${unit.id}`, base, { ...unit, phone: '222' });
    await makeEngine().start();
    await until(async () => (await db.syncConflicts.count()) === 1, 'the conflict');
    await until(synced, '已同步');
    const conflict = (await db.syncConflicts.toArray())[0]!;
    expect(conflict.kind).toBe('edit');
    expect(conflict.leaves.map((l) => (l.row as { phone: string }).phone).sort()).toEqual(['111', '222']);
    const server1 = await serverDoc(`units:${unit.id}`);
    expect(server1['_conflicts']).toHaveLength(1);
    // Every PC shows CouchDB's winner.
    expect((await db.units.get(unit.id))?.phone).toBe((server1['row'] as { phone: string }).phone);
    expect(conflict.leaves.find((l) => l.rev === theirs)?.by).toBe('李四');
    // A person merges: 222 with a new contact.
    await resolveConflict(conflict.docId, { row: { ...unit, phone: '222', contactPerson: '王五' } });
    expect(await db.syncConflicts.count()).toBe(0);
    await until(
      async () => (await serverDoc(`units:${unit.id}`))['_conflicts'] === undefined,
      'one version on the server',
    );
    const settled = await serverDoc(`units:${unit.id}`);
    expect(settled['row']).toMatchObject({ phone: '222', contactPerson: '王五' });
    await until(synced, '已同步');
    expect(await db.syncConflicts.count()).toBe(0);
    expect(await db.units.get(unit.id)).toMatchObject({ phone: '222', contactPerson: '王五' });
  });

  it('an edit made elsewhere to a month published here meanwhile is a conflict; the published version shows', async () => {
    const year = await createWorkYear(yearInput(2026));
    const unit = await addUnit(unitInput(year.id, '区财政局'));
    const { addTask } = await import('../db');
    const task = await addTask({
      yearId: year.id,
      code: '1',
      title: '优化营商环境',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unit.id,
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    });
    const feedback = await saveFeedback({
      yearId: year.id,
      month: 6,
      taskId: task.id,
      unitId: unit.id,
      verdict: '属实',
      comment: '进展属实',
      date: '2026-06-28',
    });
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步');
    const id = `feedback:${feedback.id}`;
    const before = (await serverDoc(id))._rev;
    // PC B, offline, changes the June review; here June is published before B's edit arrives.
    await publishMonth(year.id, 6, { units: [] });
    await until(async () => (await serverDoc(id))['seal'] !== undefined, 'the seal on the server');
    await otherPcWrites(id, before, { ...feedback, comment: 'B 离线改的' });
    await until(async () => (await db.syncConflicts.count()) === 1, 'the conflict');
    const conflict = (await db.syncConflicts.toArray())[0]!;
    expect(conflict.kind).toBe('published');
    expect(conflict.month).toBe(6);
    expect((await db.feedback.get(feedback.id))?.comment).toBe('进展属实');
    // Only the published version can be kept while June is published.
    const other = conflict.leaves.find((l) => l.rev !== conflict.shown)!;
    await expect(resolveConflict(id, { row: other.row! })).rejects.toThrow(/已发布/);
    const shown = conflict.leaves.find((l) => l.rev === conflict.shown)!;
    await resolveConflict(id, { row: shown.row! });
    await until(async () => (await serverDoc(id))['_conflicts'] === undefined, 'one version on the server');
    expect((await serverDoc(id))['row']).toMatchObject({ comment: '进展属实' });
  });
});

describe('the same year created on two PCs', () => {
  /** A work year another PC created: its first revision on the server. */
  async function otherPcCreatesYear(id: string, year: number) {
    const body = {
      type: 'workYears',
      key: id,
      row: { ...yearInput(year), id },
      deviceId: 'pc-b',
      by: '李四',
      at: '2026-06-10T02:00:00.000Z',
    };
    const rev = nextRev(undefined, body as never, false);
    await server().bulkDocs([{ _id: `workYears:${id}`, _rev: rev, ...body }], { new_edits: false });
  }

  it('the year this PC has stays; the other is listed as a conflict, in one batch and across batches', async () => {
    const here = await createWorkYear(yearInput(2026));
    await setUp();
    await seedOutbox();
    // Two other PCs each created 2027 (they arrive in one batch) and one created 2026 too.
    await otherPcCreatesYear('year-b-2027', 2027);
    await otherPcCreatesYear('year-c-2027', 2027);
    await otherPcCreatesYear('year-b-2026', 2026);
    await makeEngine().start();
    await until(synced, '已同步');
    const years = await db.workYears.orderBy('year').toArray();
    expect(years.map((y) => [y.year, y.id])).toEqual([
      [2026, here.id],
      [2027, expect.stringMatching(/^year-[bc]-2027$/)],
    ]);
    const conflicts = await db.syncConflicts.orderBy('docId').toArray();
    expect(conflicts.map((c) => [c.docId, c.kind])).toEqual(
      [
        ['workYears:year-b-2026', 'duplicate'],
        [`workYears:${years[1]!.id === 'year-b-2027' ? 'year-c-2027' : 'year-b-2027'}`, 'duplicate'],
      ].sort(),
    );
  });
});

describe('months published before their records reached the server', () => {
  it('a PC that published months before sync was set up sends their records sealed: no conflict anywhere', async () => {
    await loadSample(generateSample({ idPrefix: 'seeded' }));
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步', 30_000);
    expect(await db.syncConflicts.count()).toBe(0);
    const june = (await db.feedback.toArray()).find((f) => f.month === 6);
    const doc = await serverDoc(`feedback:${june!.id}`);
    expect(doc['seal']).toMatch(/:6@/);
  });

  it('the sample loaded while syncing seals the months it publishes in the same transaction', async () => {
    await createWorkYear(yearInput(2026));
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步');
    await loadSample(generateSample({ idPrefix: 'live' }));
    await until(async () => synced() && (await pendingUploads()) === 0, '已同步', 30_000);
    expect(await db.syncConflicts.count()).toBe(0);
    const oct = (await db.reports.toArray()).find((r) => r.month === 10);
    const doc = await serverDoc(`reports:${oct!.id}`);
    expect(revGen(doc._rev)).toBe(2);
    expect(doc['seal']).toMatch(/:10@/);
    const nov = (await db.reports.toArray()).find((r) => r.month === 11);
    expect((await serverDoc(`reports:${nov!.id}`))['seal']).toBeUndefined();
  });
});

describe('the outbox', () => {
  it('resends after a crash between the replica and the mark: same revisions, nothing twice', async () => {
    const year = await createWorkYear(yearInput(2026));
    await setUp();
    await seedOutbox();
    for (let i = 0; i < 30; i++) await addUnit(unitInput(year.id, `单位${i}`));
    // The pusher put a batch into the replica, then the page died before marking it.
    const batch = await takeOutbox(20);
    await local.bulkDocs(batch.docs, { new_edits: false });
    await makeEngine().start();
    await until(synced, '已同步');
    const units = await server().allDocs({ startkey: 'units:', endkey: 'units:\ufff0', include_docs: true });
    expect(units.rows).toHaveLength(30);
    expect(units.rows.every((r) => r.value.rev.startsWith('1-') && r.doc?.['_conflicts'] === undefined)).toBe(true);
    expect(await pendingUploads()).toBe(0);
  });

  it('keeps changes while the server is down and sends them when it is back', async () => {
    const year = await createWorkYear(yearInput(2026));
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步');
    await couch.stop();
    for (let i = 0; i < 5; i++) await addUnit(unitInput(year.id, `离线单位${i}`));
    try {
      await until(() => engine!.current.phase === 'offline', '离线');
    } finally {
      await couch.start();
    }
    expect(await pendingUploads()).toBe(5);
    await until(async () => synced() && (await pendingUploads()) === 0, '重新同步');
    expect((await server().allDocs({ startkey: 'units:', endkey: 'units:\ufff0' })).rows).toHaveLength(5);
  });
});

describe('roles', () => {
  it('a 只读 user receives the data but cannot change it, here or on the server', async () => {
    const year = await createWorkYear(yearInput(2026));
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, 'A 已同步');
    await engine!.stop('off');
    await db.delete();
    await db.open();
    local = openLocalReplica(Pouch, `replica-r-${serial}`, 'memory');
    const reader = USERS[2]!;
    await setUp('领导的电脑', reader);
    await makeEngine(reader).start();
    await until(synced, '只读已同步');
    expect(engine!.current.role).toBe('reader');
    expect(await db.workYears.toArray()).toEqual([year]);
    await expect(addUnit(unitInput(year.id, '新单位'))).rejects.toThrow(READ_ONLY_MESSAGE);
    // The server refuses the reader whatever the app does.
    const res = await authFetch(reader.name, reader.password)(`${couch.url}/${dbName}/units:x`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'units', row: {} }),
    });
    expect(res.status).toBe(403);
  });
});

describe('restoring a backup on a synced PC', () => {
  it('sends nothing until the office decides, then sends the backup as new revisions', async () => {
    const year = await createWorkYear(yearInput(2026));
    const unit = await addUnit(unitInput(year.id, '区财政局'));
    const backup = await createBackup();
    await setUp();
    await seedOutbox();
    await makeEngine().start();
    await until(synced, '已同步');
    const before = await getSyncSettings();
    await updateUnit(unit.id, { name: '改过的名称' });
    await addUnit(unitInput(year.id, '备份之后新增'));
    await until(async () => synced() && (await pendingUploads()) === 0, '已同步');
    await engine!.stop('off');

    await restoreBackup(backup.bytes, { sourceName: 'b.dcbackup' });
    const after = await getSyncSettings();
    expect(after.restorePending?.file).toBe('b.dcbackup');
    expect(after.device?.deviceId).not.toBe(before.device?.deviceId);
    await makeEngine().start();
    expect(engine!.current.phase).toBe('restorePending');
    expect((await serverDoc(`units:${unit.id}`))['row']).toMatchObject({ name: '改过的名称' });

    expect(await sendRestoredData()).toBe(2); // the renamed unit back, the later unit deleted
    await engine!.stop('off');
    await makeEngine().start();
    await until(async () => synced() && (await pendingUploads()) === 0, '已同步');
    const doc = await serverDoc(`units:${unit.id}`);
    expect(doc['row']).toMatchObject({ name: '区财政局' });
    expect(doc['_conflicts']).toBeUndefined();
    const units = await server().allDocs({ startkey: 'units:', endkey: 'units:\ufff0' });
    expect(units.rows.filter((r) => !r.value.deleted)).toHaveLength(1);
  });
});
