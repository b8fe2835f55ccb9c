import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../core/model';
import {
  addLeader,
  addTask,
  addUnit,
  addUnits,
  backupFileName,
  createBackup,
  createWorkYear,
  db,
  deleteLeader,
  describeCurrent,
  DomainError,
  updateScoreRule,
  putSetting,
  readBackup,
  restoreBackup,
  saveOperator,
  SCHEMA_VERSION,
  setOperator,
  setTaskPlan,
  updateUnit,
  type NewUnit,
  type NewWorkYear,
} from './index';
import { sha256Hex } from './hash';
import { verifyAuditChain } from './auditChain';
import { TABLE_NAMES } from './schema';
import { provideExportGlobals } from './testing';
import { defaultCalendarSettings } from '../core/calendarSettings';

provideExportGlobals();

const yearInput = (year: number): NewWorkYear => ({
  title: `${year}年区政府重点工作`,
  ...defaultCalendarSettings(year),
});

const unitInput = (yearId: string, name: string): NewUnit => ({
  yearId,
  name,
  kind: 'department',
  rankingGroup: '',
  aliases: [],
  contactPerson: '',
  phone: '',
});

type Dump = Record<string, unknown[]>;

/** Every table's rows in key order. */
async function dump(): Promise<Dump> {
  const out: Dump = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const auditOf = (d: Dump) => d.audit as AuditEntry[];
const withoutSeq = (entries: AuditEntry[]) => entries.map(({ seq: _seq, ...rest }) => rest);
const isRestoreEntry = (e: AuditEntry) => e.entity === 'settings' && e.entityId === 'restore';

let yearId: string;
let leaderId: string;
let spareLeaderId: string;
let unitIds: string[];

/** A database touched by most repositories, and a setting with values JSON cannot hold. */
async function seed(): Promise<void> {
  yearId = (await createWorkYear(yearInput(2026))).id;
  unitIds = (
    await addUnits([unitInput(yearId, '区发改局'), unitInput(yearId, '区财政局'), unitInput(yearId, '东城街道')])
  ).map((u) => u.id);
  leaderId = (await addLeader({ yearId, name: '王副区长', title: '副区长', aliases: ['王区长'] })).id;
  spareLeaderId = (await addLeader({ yearId, name: '陈副区长', title: '副区长', aliases: [] })).id;
  const task = await addTask({
    yearId,
    code: '1',
    title: '推进重大项目建设',
    measures: [{ text: '开工 10 个项目' }],
    targets: [],
    leadUnitId: unitIds[0],
    coUnitIds: [unitIds[1] ?? ''],
    leaderIds: [leaderId],
    responsiblePerson: '李明',
    dueDate: '2026-11-30',
  });
  await setTaskPlan(task.id, [
    { month: 3, text: '完成选址', plannedPercent: 10 },
    { month: 6, text: '开工', plannedPercent: 50 },
  ]);
  await updateScoreRule(yearId, 'late', { points: -3 });
  await putSetting('backupProbe', {
    missing: undefined,
    sparse: [1, undefined, 3],
    when: new Date('2026-05-27T02:30:00Z'),
    notANumber: Number.NaN,
    text: '换行\n与"引号"',
  });
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  setOperator('张三');
  await seed();
});

function tamper(bytes: Uint8Array, find: string, replace: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  expect(text).toContain(find);
  return new TextEncoder().encode(text.replace(find, replace));
}

/** Rewrites a backup's header and payload as another program would, with a valid checksum. */
async function rewrite(
  bytes: Uint8Array,
  change: (
    file: Record<string, unknown>,
    payload: { data: { databaseVersion: number; tables: { name: string }[]; data: { tableName: string }[] } },
  ) => void,
): Promise<Uint8Array> {
  const file = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  const payload = JSON.parse(file.payload as string);
  change(file, payload);
  file.payload = JSON.stringify(payload);
  const counts = Object.fromEntries(
    Object.entries(file.counts as Record<string, number>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const { format, formatVersion, appVersion, schemaVersion, createdAt } = file;
  const signed = `${JSON.stringify({ format, formatVersion, appVersion, schemaVersion, createdAt, counts })}\n${file.payload as string}`;
  file.sha256 = await sha256Hex(new TextEncoder().encode(signed));
  return new TextEncoder().encode(JSON.stringify(file));
}

describe('createBackup / readBackup', () => {
  it('writes the whole database with versions, counts and a checksum, and reads it back', async () => {
    const now = new Date('2026-05-27T02:30:00Z');
    const backup = await createBackup({ appVersion: '9.9.9', now });
    expect(backup.fileName).toBe('督查督办备份-2026-05-27-1030.dcbackup');
    const current = await describeCurrent('9.9.9');
    expect(backup.summary).toEqual({
      ...current,
      createdAt: now.toISOString(),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(backup.summary.counts).toMatchObject({
      workYears: 1,
      units: 3,
      leaders: 2,
      tasks: 1,
      milestones: 2,
      scoreRules: 6,
      submissions: 0,
    });
    expect(Object.keys(backup.summary.counts).sort()).toEqual([...TABLE_NAMES].sort());
    expect(backup.summary.total).toBe(Object.values(backup.summary.counts).reduce((a, b) => a + b, 0));

    const file = JSON.parse(new TextDecoder().decode(backup.bytes));
    expect(file).toMatchObject({
      format: 'duchaduban-backup',
      formatVersion: 1,
      appVersion: '9.9.9',
      schemaVersion: SCHEMA_VERSION,
      createdAt: now.toISOString(),
    });
    expect(JSON.parse(file.payload)).toMatchObject({ formatName: 'dexie', data: { databaseName: 'duchaduban' } });

    expect(await readBackup(backup.bytes)).toEqual({ ok: true, summary: backup.summary });
  });

  it('names the file by the time in China', () => {
    expect(backupFileName(new Date('2026-12-31T16:05:00Z'))).toBe('督查督办备份-2027-01-01-0005.dcbackup');
    expect(backupFileName(new Date('2026-05-27T02:30:00Z'), '督查督办恢复前自动备份')).toBe(
      '督查督办恢复前自动备份-2026-05-27-1030.dcbackup',
    );
  });

  it("refuses a changed byte, a cut-short file, other files and a newer program's backup", async () => {
    const { bytes } = await createBackup();
    const checksum = '备份文件校验失败：内容已被修改或损坏';
    const refused = async (b: Uint8Array) => {
      const check = await readBackup(b);
      expect(check.ok).toBe(false);
      return check.ok ? '' : check.message;
    };
    // One character of a row, of a count, of the date.
    expect(await refused(tamper(bytes, '区财政局', '区财攻局'))).toContain(checksum);
    expect(await refused(tamper(bytes, '"units": 3', '"units": 4'))).toContain(checksum);
    expect(await refused(tamper(bytes, '"createdAt": "20', '"createdAt": "19'))).toContain(checksum);
    // Cut short (also inside a multi-byte character).
    for (const length of [bytes.length - 1, Math.floor(bytes.length / 2), 120, 40]) {
      expect(await refused(bytes.slice(0, length))).toBe('备份文件不完整或已损坏（可能在复制时被截断），不能恢复。');
    }
    const notBackup = '所选文件不是督查督办备份文件（.dcbackup），不能恢复。';
    expect(await refused(new TextEncoder().encode('{"name":"区财政局","units":[1,2,3]}'))).toBe(notBackup);
    expect(await refused(new TextEncoder().encode(JSON.parse(new TextDecoder().decode(bytes)).payload))).toBe(
      notBackup,
    ); // a bare Dexie export
    expect(await refused(new TextEncoder().encode('单位名称,联系人\n区财政局,李明\n'))).toBe(notBackup);
    expect(await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]))).toBe(notBackup);
    expect(await refused(new Uint8Array())).toBe(notBackup);

    const newer = await rewrite(bytes, (file, payload) => {
      file.schemaVersion = SCHEMA_VERSION + 1;
      payload.data.databaseVersion = SCHEMA_VERSION + 1;
    });
    expect(await refused(newer)).toBe(
      `此备份来自较新版本的程序（数据结构版本 ${SCHEMA_VERSION + 1}，本程序为 ${SCHEMA_VERSION}），本程序不能恢复，请使用新版本程序。`,
    );
    const newerFormat = await rewrite(bytes, (file) => {
      file.formatVersion = 2;
    });
    expect(await refused(newerFormat)).toContain('格式较新');
    // A checksum that matches but counts that do not: refused, not trusted.
    const lying = await rewrite(bytes, (file) => {
      (file.counts as Record<string, number>).units = 7;
    });
    expect(await refused(lying)).toContain('不一致');
  });
});

describe('restoreBackup', () => {
  it('puts back every table exactly, takes a backup of the state it replaces, and logs the restore', async () => {
    const original = await dump();
    const backup = await createBackup({ appVersion: '0.1.0' });

    // Change things, and wipe a table outright.
    await addUnit(unitInput(yearId, '西湖街道'));
    await updateUnit(unitIds[0] ?? '', { contactPerson: '赵六' });
    await deleteLeader(spareLeaderId);
    await putSetting('backupProbe', 'changed');
    await db.milestones.clear();
    await saveOperator('李四');
    const changed = await dump();
    const changedAudit = auditOf(changed);

    const keep = vi.fn(async () => true);
    const result = await restoreBackup(backup.bytes, {
      sourceName: backup.fileName,
      appVersion: '0.2.0',
      keepSafetyBackup: keep,
    });
    expect(result.summary).toEqual(backup.summary);
    expect(result.safetyFileName).toMatch(/^督查督办恢复前自动备份-\d{4}-\d{2}-\d{2}-\d{4}\.dcbackup$/);
    expect(keep).toHaveBeenCalledOnce();
    expect(keep.mock.calls[0]).toEqual([
      expect.objectContaining({ bytes: result.safetyBackup, fileName: result.safetyFileName }),
    ]);

    const restored = await dump();
    const restoredAudit = auditOf(restored);
    const entry = restoredAudit.at(-1);
    // Every table deep-equal, undefined fields, NaN and dates included …
    for (const name of TABLE_NAMES) {
      if (name === 'audit' || name === 'settings') expect.soft(restored[name]).not.toBeUndefined();
      else expect.soft(restored[name], name).toStrictEqual(original[name]);
    }
    // … the settings but the operator, who stays the one at this computer …
    expect(restored.settings).toStrictEqual(
      [
        ...(original.settings as { key: string }[]).filter((s) => s.key !== 'operator'),
        { key: 'operator', value: '李四' },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    // … the backup's log in order (renumbered after the entries the database had numbered
    // since: seq has no gap up to the restore entry) and one entry for the restore.
    expect(withoutSeq(restoredAudit.filter((e) => !isRestoreEntry(e)))).toStrictEqual(withoutSeq(auditOf(original)));
    const seqs = restoredAudit.map((e) => e.seq ?? 0);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    expect(entry?.seq).toBe((changedAudit.at(-1)?.seq ?? 0) + 1);
    expect(restoredAudit.filter(isRestoreEntry)).toHaveLength(1);
    expect(entry).toMatchObject({
      operator: '李四',
      action: 'update',
      entity: 'settings',
      entityId: 'restore',
      before: {
        name: '从备份恢复',
        file: result.safetyFileName,
        appVersion: '0.2.0',
        counts: { units: 4, leaders: 1, milestones: 0 },
      },
      after: {
        name: '从备份恢复',
        file: backup.fileName,
        appVersion: '0.1.0',
        createdAt: backup.summary.createdAt,
        counts: backup.summary.counts,
        sha256: backup.summary.sha256,
      },
    });
    // The next change is numbered right after the restore, and the log's hash chain holds.
    await addUnit(unitInput(yearId, '北山街道'));
    expect((await db.audit.orderBy('seq').last())?.seq).toBe((entry?.seq ?? 0) + 1);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // The safety backup holds the replaced state and restores it in turn.
    const safety = await readBackup(result.safetyBackup);
    expect(safety.ok && safety.summary.counts).toMatchObject({
      units: 4,
      leaders: 1,
      milestones: 0,
      audit: changedAudit.length,
    });
    await restoreBackup(result.safetyBackup);
    const back = await dump();
    for (const name of TABLE_NAMES)
      if (name !== 'audit' && name !== 'settings') expect.soft(back[name], name).toStrictEqual(changed[name]);
    expect(withoutSeq(auditOf(back).filter((e) => !isRestoreEntry(e)))).toStrictEqual(withoutSeq(changedAudit));
  });

  it('into an empty database (a new computer): identical, seq included', async () => {
    const original = await dump();
    const backup = await createBackup();
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(backup.bytes);
    const restored = await dump();
    for (const name of TABLE_NAMES)
      if (name !== 'audit') expect.soft(restored[name], name).toStrictEqual(original[name]);
    const audit = auditOf(restored);
    expect(audit.slice(0, -1)).toStrictEqual(auditOf(original));
    expect(audit.at(-1)).toMatchObject({
      seq: (auditOf(original).at(-1)?.seq ?? 0) + 1,
      entityId: 'restore',
      before: { total: 0 },
    });
  });

  it('restores a backup of an older structure version through the upgrades', async () => {
    const backup = await createBackup();
    const older = await rewrite(backup.bytes, (file, payload) => {
      file.schemaVersion = 1;
      payload.data.databaseVersion = 1;
      payload.data.tables = payload.data.tables.filter((t) => t.name !== 'submissions' && t.name !== 'monthStates');
      payload.data.data = payload.data.data.filter(
        (t) => t.tableName !== 'submissions' && t.tableName !== 'monthStates',
      );
      const counts = file.counts as Record<string, number>;
      delete counts.submissions;
      delete counts.monthStates;
    });
    const check = await readBackup(older);
    expect(check.ok && check.summary).toMatchObject({ schemaVersion: 1, counts: { submissions: 0, units: 3 } });
    const original = await dump();
    await db.submissions.add({ id: 'x' } as never);
    await restoreBackup(older);
    const restored = await dump();
    expect(restored.units).toStrictEqual(original.units);
    expect(restored.submissions).toEqual([]);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('refuses a tampered, cut-short or foreign file and changes nothing', async () => {
    const backup = await createBackup();
    await addUnit(unitInput(yearId, '西湖街道'));
    const before = await dump();
    const keep = vi.fn(async () => true);
    for (const bad of [
      tamper(backup.bytes, '区财政局', '区财攻局'),
      backup.bytes.slice(0, -10),
      new TextEncoder().encode('{"hello":"world"}'),
    ]) {
      await expect(restoreBackup(bad, { keepSafetyBackup: keep })).rejects.toThrow(DomainError);
    }
    await expect(restoreBackup(tamper(backup.bytes, '区财政局', '区财攻局'))).rejects.toThrow(
      '备份文件校验失败：内容已被修改或损坏',
    );
    expect(keep).not.toHaveBeenCalled();
    expect(await dump()).toStrictEqual(before);
  });

  it('is all or nothing: a failure in the middle of the replace leaves the database as it was', async () => {
    const backup = await createBackup();
    await addUnit(unitInput(yearId, '西湖街道'));
    const before = await dump();
    // The units are written after the tables before them were cleared and refilled.
    type TableThis = { name: string; db: unknown };
    const tableApi = Object.getPrototypeOf(db.units) as {
      bulkAdd: (this: TableThis, ...args: unknown[]) => Promise<unknown>;
    };
    const bulkAdd = tableApi.bulkAdd;
    const written: string[] = [];
    const failing = vi.spyOn(tableApi, 'bulkAdd').mockImplementation(function (this: TableThis, ...args: unknown[]) {
      if (this.db !== db) return bulkAdd.apply(this, args); // the scratch database
      written.push(this.name);
      return this.name === 'units' ? Promise.reject(new Error('QuotaExceededError')) : bulkAdd.apply(this, args);
    });
    await expect(restoreBackup(backup.bytes)).rejects.toThrow('QuotaExceededError');
    failing.mockRestore();
    expect(written).toEqual(['workYears', 'units']);
    expect(await dump()).toStrictEqual(before);
  });

  it('changes nothing when the safety backup is not kept', async () => {
    const backup = await createBackup();
    await addUnit(unitInput(yearId, '西湖街道'));
    const before = await dump();
    await expect(restoreBackup(backup.bytes, { keepSafetyBackup: async () => false })).rejects.toThrow('已取消恢复');
    expect(await dump()).toStrictEqual(before);
  });

  it('refuses to write to a database a newer program has upgraded', async () => {
    const backup = await createBackup();
    db.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('duchaduban', (SCHEMA_VERSION + 1) * 10);
      request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await db.open();
    const before = await dump();
    await expect(restoreBackup(backup.bytes)).rejects.toThrow('本程序不能修改其中的数据');
    expect(await dump()).toStrictEqual(before);
    // Reading it is fine: a backup of it records its structure version.
    expect((await describeCurrent()).schemaVersion).toBe(SCHEMA_VERSION + 1);
  });
});
