// Schema upgrades (ARCHITECTURE: each upgrade has a test that opens a database made by the
// previous version). When version(n + 1) is declared, add a test that builds the version-n
// layout with createLegacyDatabase (native version n × 10) and opens it with AppDb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AppDb,
  DB_NAME,
  db,
  DomainError,
  openDatabase,
  publishMonth,
  saveFeedback,
  SCHEMA_VERSION,
  setOperator,
  setTaskPlan,
} from './index';
import { addUnit, createWorkYear } from './repo';
import { listFeedback, listMonthSnapshots, listUnits } from './queries';
import { SYNC_TABLE_NAMES, TABLE_NAMES } from './schema';
import { createLegacyDatabase, deleteRawDatabase, layoutOf, layoutOfVersion } from './testing';

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
    expect(rawStoreNames(handle)).toEqual([...TABLE_NAMES, ...SYNC_TABLE_NAMES].sort());
    expect(TABLE_NAMES).toHaveLength(19);
    expect(DB_NAME).toBe('duchaduban');
  });

  it('declares in STORES_BY_VERSION what the AppDb constructor declares', () => {
    expect(layoutOfVersion(SCHEMA_VERSION)).toEqual(layoutOf(new AppDb('layout-only')));
    expect(Object.keys(layoutOfVersion(1))).toHaveLength(17);
    expect(Object.keys(layoutOfVersion(1))).not.toContain('submissions');
  });
});

describe('upgrade from the pre-release prototype (native version 1: units only)', () => {
  const prototypeUnits = [
    {
      id: 'u1',
      yearId: 'y1',
      name: '区财政局',
      kind: 'department',
      rankingGroup: '区级部门',
      aliases: ['财政局'],
      contactPerson: '',
      phone: '',
      sortOrder: 1,
    },
    {
      id: 'u2',
      yearId: 'y1',
      name: '城南街道',
      kind: 'town',
      rankingGroup: '镇街',
      aliases: [],
      contactPerson: '',
      phone: '',
      sortOrder: 2,
    },
  ];

  it('keeps the rows, builds the indexes, adds the missing tables', async () => {
    await createLegacyDatabase('prototype', 1, { units: { keyPath: 'id', rows: prototypeUnits } });
    const handle = open('prototype');
    await handle.open();
    expect(handle.backendDB().version).toBe(SCHEMA_VERSION * 10);
    expect(rawStoreNames(handle)).toEqual([...TABLE_NAMES, ...SYNC_TABLE_NAMES].sort());
    expect(await handle.units.toArray()).toEqual(prototypeUnits);
    // The indexes of version 1 exist over the old rows.
    expect((await handle.units.where('name').equals('城南街道').toArray()).map((u) => u.id)).toEqual(['u2']);
    expect((await handle.units.where('aliases').equals('财政局').toArray()).map((u) => u.id)).toEqual(['u1']);
    expect(await handle.units.where('yearId').equals('y1').count()).toBe(2);
    // The new tables work.
    expect(await handle.tasks.count()).toBe(0);
    await handle.audit.add({
      at: '2026-03-01T00:00:00.000Z',
      operator: '张三',
      action: 'create',
      entity: 'units',
      entityId: 'u3',
    });
    expect(await handle.audit.where('[entity+entityId]').equals(['units', 'u3']).count()).toBe(1);
  });
});

describe('a database made by the current version', () => {
  const unit = {
    id: 'u1',
    yearId: 'y1',
    name: '区财政局',
    kind: 'department',
    rankingGroup: '区级部门',
    aliases: [],
    contactPerson: '',
    phone: '',
    sortOrder: 1,
  } as const;

  it('made by Dexie: reopens with the current program unchanged', async () => {
    const first = open('current');
    await first.units.add({ ...unit, aliases: [] });
    first.close();
    const second = open('current');
    await second.open();
    expect(second.backendDB().version).toBe(SCHEMA_VERSION * 10);
    expect(await second.units.get('u1')).toEqual(unit);
  });
});

// Rows as version 1 stored them (the monthly tables that already existed included).
const v1Year = {
  id: 'y1',
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
  createdAt: '2026-01-05T01:00:00.000Z',
};
const v1Unit = {
  id: 'u1',
  yearId: 'y1',
  name: '区财政局',
  kind: 'department',
  rankingGroup: '区级部门',
  aliases: ['财政局'],
  contactPerson: '王五',
  phone: '12345',
  sortOrder: 1,
};
const v1Task = {
  id: 't1',
  yearId: 'y1',
  code: '1',
  title: '优化营商环境',
  measures: [],
  targets: [],
  leaderIds: [],
  leadUnitId: 'u1',
  coUnitIds: [],
  responsiblePerson: '',
  dueDate: '2026-11-30',
};
const v1Milestone = { id: 'm1', taskId: 't1', yearId: 'y1', month: 5, text: '完成调研', plannedPercent: 30 };
const v1Report = {
  id: 'r1',
  yearId: 'y1',
  month: 5,
  taskId: 't1',
  unitId: 'u1',
  isLeadUnit: true,
  percent: 30,
  statusWord: '序时推进',
  doneThisMonth: '完成调研',
  problems: '',
  nextSteps: '',
  coordination: '',
  delayExplanation: '',
  reporter: '李四',
  phone: '12345',
  receivedDate: '2026-05-22',
};
const v1Feedback = {
  id: 'f1',
  yearId: 'y1',
  month: 4,
  taskId: 't1',
  unitId: 'u1',
  comment: '属实',
  reviewer: '张三',
  date: '2026-04-29',
};
const v1Audit = [
  {
    seq: 1,
    at: '2026-01-05T01:00:00.000Z',
    operator: '张三',
    action: 'create',
    entity: 'workYears',
    entityId: 'y1',
    after: v1Year,
  },
  {
    seq: 2,
    at: '2026-01-05T01:01:00.000Z',
    operator: '张三',
    action: 'create',
    entity: 'units',
    entityId: 'u1',
    after: v1Unit,
  },
];
const v1Rows: Record<string, unknown[]> = {
  workYears: [v1Year],
  units: [v1Unit],
  tasks: [v1Task],
  milestones: [v1Milestone],
  reports: [v1Report],
  feedback: [v1Feedback],
  audit: v1Audit,
  settings: [{ key: 'operator', value: '张三' }],
};

describe('upgrade from version 1 to version 2 (submissions, monthStates)', () => {
  it('keeps every row and index of version 1 and adds working submission and month-state tables', async () => {
    await createLegacyDatabase('v1', 10, layoutOfVersion(1, v1Rows));
    const handle = open('v1');
    await handle.open();
    expect(handle.backendDB().version).toBe(SCHEMA_VERSION * 10);
    expect(rawStoreNames(handle)).toEqual([...TABLE_NAMES, ...SYNC_TABLE_NAMES].sort());
    for (const [table, rows] of Object.entries(v1Rows)) expect(await handle.table(table).toArray()).toEqual(rows);
    // The indexes of version 1 still serve the old rows.
    expect(await handle.reports.where('[yearId+month]').equals(['y1', 5]).count()).toBe(1);
    expect(await handle.units.where('aliases').equals('财政局').count()).toBe(1);
    expect(await handle.milestones.where('[taskId+month]').equals(['t1', 5]).count()).toBe(1);
    // The new tables and their indexes.
    await handle.submissions.add({
      id: 's1',
      yearId: 'y1',
      kind: 'progress',
      month: 5,
      unitId: 'u1',
      receivedDate: '2026-05-22',
      fileName: '区财政局5月.xlsx',
      importBatchId: 'b1',
    });
    expect(
      (await handle.submissions.where('[yearId+kind+month]').equals(['y1', 'progress', 5]).toArray()).map((s) => s.id),
    ).toEqual(['s1']);
    expect(await handle.submissions.where('[unitId+yearId]').equals(['u1', 'y1']).count()).toBe(1);
    expect(await handle.submissions.where('importBatchId').equals('b1').count()).toBe(1);
    await handle.monthStates.add({
      id: 'y1:5',
      yearId: 'y1',
      month: 5,
      state: 'published',
      publishedAt: '2026-05-31T08:00:00.000Z',
      publishedBy: '张三',
    });
    expect(await handle.monthStates.where('yearId').equals('y1').count()).toBe(1);
    // The audit sequence continues after the old entries.
    expect(
      await handle.audit.add({
        at: '2026-06-01T00:00:00.000Z',
        operator: '张三',
        action: 'create',
        entity: 'submissions',
        entityId: 's1',
      }),
    ).toBe(3);
  });

  describe('as the app database', () => {
    afterEach(async () => {
      db.close();
      await deleteRawDatabase(DB_NAME);
    });

    it('runs the monthly cycle on the upgraded data', async () => {
      await db.delete();
      await createLegacyDatabase(DB_NAME, 10, layoutOfVersion(1, v1Rows));
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      setOperator('张三');
      await setTaskPlan('t1', [
        { month: 5, text: '完成调研', plannedPercent: 30 },
        { month: 6, text: '形成方案', plannedPercent: 60 },
      ]);
      await saveFeedback({
        yearId: 'y1',
        month: 5,
        taskId: 't1',
        unitId: 'u1',
        verdict: '属实',
        comment: '进展属实',
        date: '2026-05-29',
      });
      const snapshot = await publishMonth('y1', 5, { units: [{ unitId: 'u1', score: 100 }] });
      expect(await listMonthSnapshots('y1', 5)).toEqual([snapshot]);
      await expect(
        saveFeedback({
          yearId: 'y1',
          month: 5,
          taskId: 't1',
          unitId: 'u1',
          verdict: '不属实',
          comment: '改',
          date: '2026-05-30',
        }),
      ).rejects.toThrow(new DomainError('5月已发布，不能修改；如需修改，请先撤销发布并说明原因'));
      expect((await listFeedback('y1', 5)).map((f) => f.verdict)).toEqual(['属实']);
      expect(await db.reports.get('r1')).toEqual(v1Report);
      expect((await db.audit.orderBy('seq').toArray()).map((e) => [e.seq, e.entity])).toEqual([
        [1, 'workYears'],
        [2, 'units'],
        [3, 'milestones'],
        [4, 'feedback'],
        [5, 'monthStates'],
        [6, 'rankings'],
      ]);
    });
  });
});

describe('a database upgraded by a newer program', () => {
  afterEach(async () => {
    db.close();
    await deleteRawDatabase(DB_NAME);
  });

  it('opens for reading but refuses every write', async () => {
    await db.delete();
    const year = {
      id: 'y1',
      year: 2026,
      title: '',
      windowStartMonth: 3,
      windowEndMonth: 11,
      planDue: '03-10',
      reportDueDay: 25,
      feedbackDueDay: 30,
      completionDue: '11-30',
      extraHolidays: [],
      extraWorkdays: [],
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    // The next version (native (SCHEMA_VERSION + 1) × 10) with the current stores and one more.
    const layout = layoutOf(new AppDb('layout-only'), { workYears: [year] });
    layout['futureTable'] = { keyPath: 'id', rows: [] };
    await createLegacyDatabase(DB_NAME, (SCHEMA_VERSION + 1) * 10, layout);
    await db.open();
    expect(await listUnits('y1')).toEqual([]);
    await expect(createWorkYear({ ...year, year: 2027 })).rejects.toThrow(DomainError);
    await expect(
      addUnit({
        yearId: 'y1',
        name: '区财政局',
        kind: 'department',
        rankingGroup: '',
        aliases: [],
        contactPerson: '',
        phone: '',
      }),
    ).rejects.toThrow(
      `数据库已由较新版本的程序升级（结构版本 ${SCHEMA_VERSION + 1}，本程序为 ${SCHEMA_VERSION}），本程序不能修改其中的数据，请使用新版本程序。`,
    );
    expect(await db.workYears.count()).toBe(1);
    expect(await db.units.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('upgrade from version 2 to version 3 (this PC’s sync tables)', () => {
  const v2Rows: Record<string, unknown[]> = {
    ...v1Rows,
    submissions: [
      {
        id: 's1',
        yearId: 'y1',
        kind: 'progress',
        month: 5,
        unitId: 'u1',
        receivedDate: '2026-05-22',
        fileName: '区财政局5月.xlsx',
      },
    ],
    monthStates: [{ id: 'y1:4', yearId: 'y1', month: 4, state: 'published', publishedAt: '2026-04-30T08:00:00.000Z' }],
  };

  afterEach(async () => {
    db.close();
    await deleteRawDatabase(DB_NAME);
  });

  it('keeps every row of version 2, adds empty sync tables, and writes as before while sync is not set up', async () => {
    await db.delete();
    await createLegacyDatabase(DB_NAME, 20, layoutOfVersion(2, v2Rows));
    await db.open();
    expect(db.backendDB().version).toBe(30);
    expect(rawStoreNames(db)).toEqual([...TABLE_NAMES, ...SYNC_TABLE_NAMES].sort());
    for (const [table, rows] of Object.entries(v2Rows)) expect(await db.table(table).toArray()).toEqual(rows);
    for (const name of SYNC_TABLE_NAMES) expect(await db.table(name).count()).toBe(0);
    // The indexes of the new tables.
    await db.outbox.add({ docId: 'units:u1', rev: '1-a', body: {} as never, stage: 0 });
    expect(await db.outbox.where('stage').equals(0).count()).toBe(1);
    expect(await db.outbox.where('docId').equals('units:u1').count()).toBe(1);
    await db.peerAudit.add({
      deviceId: 'd2',
      dseq: 1,
      at: '2026-05-01T00:00:00.000Z',
      deviceLabel: '李四的电脑',
      chainStart: 1,
      entry: v1Audit[0] as never,
    });
    expect(await db.peerAudit.where('[deviceId+dseq]').equals(['d2', 1]).count()).toBe(1);
    await db.outbox.clear();
    // No server set up: a change is written and logged as before, and queued for no one.
    setOperator('张三');
    await addUnit({
      yearId: 'y1',
      name: '区教育局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    });
    expect(await db.units.count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
    expect(await db.audit.count()).toBe(v1Audit.length + 1);
  });
});
