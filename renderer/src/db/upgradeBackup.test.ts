// The backup taken before this program upgrades a database an older program left
// (PRODUCT.md §8), and the "holds work" check behind the start-up loss warning.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createUpgradeBackup,
  db,
  DB_NAME,
  holdsWork,
  readBackup,
  restoreBackup,
  SCHEMA_VERSION,
  setOperator,
} from './index';
import { addUnit, createWorkYear, saveOperator } from './repo';
import { createLegacyDatabase, deleteRawDatabase, layoutOfVersion, provideExportGlobals } from './testing';

provideExportGlobals();

afterEach(async () => {
  db.close();
  await deleteRawDatabase(DB_NAME);
});

const version1Year = {
  id: 'y1',
  year: 2025,
  title: '2025年区政府重点工作',
  windowStartMonth: 3,
  windowEndMonth: 11,
  planDue: '03-10',
  reportDueDay: 25,
  feedbackDueDay: 30,
  completionDue: '11-30',
  extraHolidays: [],
  extraWorkdays: [],
  createdAt: '2025-02-01T00:00:00.000Z',
};
const version1Unit = {
  id: 'u1',
  yearId: 'y1',
  name: '区财政局',
  kind: 'department',
  rankingGroup: '区级部门',
  aliases: [],
  contactPerson: '',
  phone: '',
  sortOrder: 1,
};

describe('createUpgradeBackup', () => {
  it('backs up a database of an older version as it is, without upgrading it', async () => {
    await createLegacyDatabase(DB_NAME, 10, layoutOfVersion(1, { workYears: [version1Year], units: [version1Unit] }));
    const backup = await createUpgradeBackup({ now: new Date('2026-11-26T08:00:00Z') });
    expect(backup).toBeDefined();
    const check = await readBackup(backup!.bytes);
    expect(check).toMatchObject({ ok: true, summary: { schemaVersion: 1, total: 2 } });
    if (check.ok) expect(check.summary.counts).toMatchObject({ workYears: 1, units: 1, submissions: 0 });

    // Still version 1 on disk: the app's own open does the upgrade afterwards, rows intact.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(raw.version).toBe(10);
    raw.close();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.units.toArray()).toEqual([version1Unit]);
  });

  it('restores into the upgraded program: the old backup passes through the upgrades', async () => {
    await createLegacyDatabase(DB_NAME, 10, layoutOfVersion(1, { workYears: [version1Year], units: [version1Unit] }));
    const backup = await createUpgradeBackup();
    await db.open();
    setOperator('李娜');
    await db.units.clear();
    await restoreBackup(backup!.bytes, { keepSafetyBackup: async () => true });
    expect(await db.units.toArray()).toEqual([version1Unit]);
  });

  it('takes nothing when there is no database, or it is already current', async () => {
    expect(await createUpgradeBackup()).toBeUndefined();
    await db.open();
    db.close();
    expect(await createUpgradeBackup()).toBeUndefined();
  });
});

describe('holdsWork', () => {
  it('is false for a new database with only the operator setting, true once anything is entered', async () => {
    await saveOperator('李娜');
    setOperator('李娜');
    expect(await holdsWork()).toBe(false);
    const year = await createWorkYear({
      year: 2026,
      title: '2026年区政府重点工作',
      windowStartMonth: 3,
      windowEndMonth: 11,
      planDue: '03-10',
      reportDueDay: 25,
      feedbackDueDay: 30,
      completionDue: '11-30',
      extraHolidays: [],
      extraWorkdays: [],
    });
    expect(await holdsWork()).toBe(true);
    await addUnit({
      yearId: year.id,
      name: '区财政局',
      kind: 'department',
      rankingGroup: '区级部门',
      aliases: [],
      contactPerson: '',
      phone: '',
    });
    expect(await holdsWork()).toBe(true);
  });
});
