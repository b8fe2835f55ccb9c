// Schema upgrades (ARCHITECTURE: each upgrade has a test that opens a database made by the
// previous version). When version(n + 1) is declared, add a test that builds the version-n
// layout with createLegacyDatabase (native version n × 10) and opens it with AppDb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, DB_NAME, db, DomainError, openDatabase, SCHEMA_VERSION } from './index';
import { addUnit, createWorkYear } from './repo';
import { listUnits } from './queries';
import { TABLE_NAMES } from './schema';
import { createLegacyDatabase, deleteRawDatabase, layoutOf } from './testing';

const opened: AppDb[] = [];
function open(name: string): AppDb {
  const handle = openDatabase(name);
  opened.push(handle);
  return handle;
}

afterEach(async () => {
  const handles = opened.splice(0);
  for (const handle of handles) handle.close();
  for (const name of new Set(handles.map((h) => h.name))) await deleteRawDatabase(name);
});

function rawStoreNames(handle: AppDb): string[] {
  return [...handle.backendDB().objectStoreNames].sort();
}

describe('schema', () => {
  it('declares version SCHEMA_VERSION with every table of the model', async () => {
    const handle = open('fresh');
    await handle.open();
    expect(handle.verno).toBe(SCHEMA_VERSION);
    expect(handle.backendDB().version).toBe(SCHEMA_VERSION * 10);
    expect(rawStoreNames(handle)).toEqual([...TABLE_NAMES].sort());
    expect(TABLE_NAMES).toHaveLength(17);
    expect(DB_NAME).toBe('duchaduban');
  });
});

describe('upgrade from the pre-release prototype (native version 1: units only)', () => {
  const prototypeUnits = [
    { id: 'u1', yearId: 'y1', name: '区财政局', kind: 'department', rankingGroup: '区级部门', aliases: ['财政局'], contactPerson: '', phone: '', sortOrder: 1 },
    { id: 'u2', yearId: 'y1', name: '城南街道', kind: 'town', rankingGroup: '镇街', aliases: [], contactPerson: '', phone: '', sortOrder: 2 },
  ];

  it('keeps the rows, builds the indexes, adds the missing tables', async () => {
    await createLegacyDatabase('prototype', 1, { units: { keyPath: 'id', rows: prototypeUnits } });
    const handle = open('prototype');
    await handle.open();
    expect(handle.backendDB().version).toBe(SCHEMA_VERSION * 10);
    expect(rawStoreNames(handle)).toEqual([...TABLE_NAMES].sort());
    expect(await handle.units.toArray()).toEqual(prototypeUnits);
    // The indexes of version 1 exist over the old rows.
    expect((await handle.units.where('name').equals('城南街道').toArray()).map((u) => u.id)).toEqual(['u2']);
    expect((await handle.units.where('aliases').equals('财政局').toArray()).map((u) => u.id)).toEqual(['u1']);
    expect(await handle.units.where('yearId').equals('y1').count()).toBe(2);
    // The new tables work.
    expect(await handle.tasks.count()).toBe(0);
    await handle.audit.add({ at: '2026-03-01T00:00:00.000Z', operator: '张三', action: 'create', entity: 'units', entityId: 'u3' });
    expect(await handle.audit.where('[entity+entityId]').equals(['units', 'u3']).count()).toBe(1);
  });
});

describe('a database made by version 1', () => {
  const unit = { id: 'u1', yearId: 'y1', name: '区财政局', kind: 'department', rankingGroup: '区级部门', aliases: [], contactPerson: '', phone: '', sortOrder: 1 } as const;

  it('made by Dexie: reopens with the current program unchanged', async () => {
    const first = open('v1');
    await first.units.add({ ...unit, aliases: [] });
    first.close();
    const second = open('v1');
    await second.open();
    expect(second.backendDB().version).toBe(10);
    expect(await second.units.get('u1')).toEqual(unit);
  });

  it('built raw from the version-1 layout (the template for the version-2 test)', async () => {
    await createLegacyDatabase('v1-raw', 10, layoutOf(new AppDb('layout-only'), { units: [unit], settings: [{ key: 'operator', value: '张三' }] }));
    const handle = open('v1-raw');
    await handle.open();
    expect(handle.backendDB().version).toBe(10);
    expect(await handle.settings.get('operator')).toEqual({ key: 'operator', value: '张三' });
    expect(await handle.units.where('name').equals('区财政局').first()).toEqual(unit);
  });
});

describe('a database upgraded by a newer program', () => {
  afterEach(async () => {
    db.close();
    await deleteRawDatabase(DB_NAME);
  });

  it('opens for reading but refuses every write', async () => {
    await db.delete();
    const year = { id: 'y1', year: 2026, title: '', windowStartMonth: 3, windowEndMonth: 11, planDue: '03-10', reportDueDay: 25, feedbackDueDay: 30, completionDue: '11-30', extraHolidays: [], extraWorkdays: [], createdAt: '2026-01-01T00:00:00.000Z' };
    // Version 2 (native 20) with the version-1 stores and one more.
    const layout = layoutOf(new AppDb('layout-only'), { workYears: [year] });
    layout['futureTable'] = { keyPath: 'id', rows: [] };
    await createLegacyDatabase(DB_NAME, 20, layout);
    await db.open();
    expect(await listUnits('y1')).toEqual([]);
    await expect(createWorkYear({ ...year, year: 2027 })).rejects.toThrow(DomainError);
    await expect(addUnit({ yearId: 'y1', name: '区财政局', kind: 'department', rankingGroup: '', aliases: [], contactPerson: '', phone: '' })).rejects.toThrow(
      '数据库已由较新版本的程序升级（结构版本 2，本程序为 1），本程序不能修改其中的数据，请使用新版本程序。',
    );
    expect(await db.workYears.count()).toBe(1);
    expect(await db.units.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
