import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, ImportBatch, Task, Unit } from '../core/model';
import { writeTransaction } from './audit';
import {
  addTask,
  addUnit,
  commitImport,
  createWorkYear,
  db,
  deleteTask,
  DomainError,
  findImportedFiles,
  IMPORT_TABLES,
  listImportBatches,
  listTasks,
  setOperator,
  sha256Hex,
  undoImport,
  updateTask,
  updateUnit,
  type ImportChangeset,
  type NewWorkYear,
} from './index';
import { TABLE_NAMES } from './schema';
import { defaultCalendarSettings } from '../core/calendarSettings';

function yearInput(year: number): NewWorkYear {
  return {
    title: '',
    ...defaultCalendarSettings(year),
  };
}

const HASH_A = 'a'.repeat(64);
const HASH_B = 'B'.repeat(64);

let yearId: string;
let unitA: Unit;
let stored: Task;

function taskRow(id: string, title: string, more: Partial<Task> = {}): Task {
  return {
    id,
    yearId,
    code: '',
    title,
    measures: [],
    targets: [],
    leaderIds: [],
    coUnitIds: [],
    responsiblePerson: '',
    dueDate: '2026-11-30',
    ...more,
  };
}

function unitRow(id: string, name: string): Unit {
  return {
    id,
    yearId,
    name,
    kind: 'department',
    rankingGroup: '区级部门',
    aliases: [],
    contactPerson: '',
    phone: '',
    sortOrder: 10,
  };
}

/** A task-list import: a new unit, a new section and two new tasks (the first leading with the new unit), one changed task. */
function changeset(more: Partial<ImportChangeset> = {}): ImportChangeset {
  return {
    yearId,
    kind: 'tasks',
    files: [{ name: '任务清单-2026.xlsx', sha256: HASH_A }],
    creates: [
      {
        table: 'tasks',
        row: {
          ...taskRow('t-new', '新建重点工作', {
            code: '2',
            sectionId: 's-new',
            leadUnitId: 'u-new',
            coUnitIds: [unitA.id],
          }),
        },
      },
      { table: 'units', row: { ...unitRow('u-new', '区数据局') } },
      { table: 'sections', row: { id: 's-new', yearId, name: '数字政府', sortOrder: 1 } },
      { table: 'tasks', row: { ...taskRow('t-new2', '第二项新工作', { code: '3' }) } },
    ],
    updates: [{ table: 'tasks', id: stored.id, patch: { measures: [{ text: '新增措施' }], leadUnitId: undefined } }],
    unchanged: 5,
    ...more,
  };
}

/** Every table of the schema, rows in key order. */
async function allTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

function without<T extends Record<string, unknown>>(tables: T, ...names: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(tables).filter(([k]) => !names.includes(k))) as Partial<T>;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
  unitA = await addUnit({
    yearId,
    name: '区发改局',
    kind: 'department',
    rankingGroup: '',
    aliases: [],
    contactPerson: '',
    phone: '',
  });
  stored = await addTask({
    yearId,
    code: '1',
    title: '已有重点工作',
    measures: [{ text: '原措施' }],
    targets: [],
    leaderIds: [],
    leadUnitId: unitA.id,
    coUnitIds: [],
    responsiblePerson: '',
    dueDate: '2026-11-30',
  });
});

describe('commitImport', () => {
  it('writes creates and updates and a batch with before- and after-images, audited as one entry for the batch', async () => {
    const auditBefore = await db.audit.count();
    const batch = await commitImport(changeset());
    const changed: Task = { ...stored, measures: [{ text: '新增措施' }] };
    delete changed.leadUnitId;
    expect(await db.tasks.get(stored.id)).toEqual(changed);
    expect(Object.keys((await db.tasks.get(stored.id)) ?? {})).not.toContain('leadUnitId');
    expect(await db.units.get('u-new')).toEqual(unitRow('u-new', '区数据局'));
    expect((await listTasks(yearId)).map((t) => t.title)).toEqual(['新建重点工作', '已有重点工作', '第二项新工作']);

    const expected: ImportBatch = {
      id: batch.id,
      yearId,
      kind: 'tasks',
      files: [{ name: '任务清单-2026.xlsx', sha256: HASH_A }],
      importedAt: expect.any(String) as string,
      operator: '张三',
      counts: { created: 4, updated: 1, unchanged: 5 },
      changes: [
        { table: 'tasks', id: 't-new', after: changeset().creates[0]?.row },
        { table: 'tasks', id: 't-new2', after: changeset().creates[3]?.row },
        { table: 'units', id: 'u-new', after: unitRow('u-new', '区数据局') },
        { table: 'sections', id: 's-new', after: { id: 's-new', yearId, name: '数字政府', sortOrder: 1 } },
        { table: 'tasks', id: stored.id, before: stored, after: changed },
      ],
      undone: false,
    };
    expect(batch).toEqual(expected);
    expect(await db.importBatches.get(batch.id)).toEqual(batch);

    // One entry: the batch without its changes (they are in the batch), with a summary.
    const entries: AuditEntry[] = (await db.audit.toArray()).slice(auditBefore);
    expect(entries).toEqual([
      {
        seq: expect.any(Number) as number,
        at: batch.importedAt,
        operator: '张三',
        action: 'create',
        entity: 'importBatches',
        entityId: batch.id,
        after: {
          kind: 'tasks',
          files: [{ name: '任务清单-2026.xlsx', sha256: HASH_A }],
          counts: { created: 4, updated: 1, unchanged: 5 },
          rows: 5,
        },
        prevHash: expect.any(String) as string,
        hash: expect.any(String) as string,
      },
    ]);
  });

  it('writes exactly one audit entry for a 2,000-row import, and one for its undo', async () => {
    const auditBefore = await db.audit.count();
    const creates = Array.from({ length: 2000 }, (_, i) => ({
      table: 'tasks' as const,
      row: { ...taskRow(`bulk-${i}`, `批量工作${i}`, { code: String(i + 10) }) },
    }));
    const batch = await commitImport(changeset({ creates, updates: [], unchanged: 0 }));
    expect(await db.tasks.count()).toBe(2001);
    expect(batch.counts).toEqual({ created: 2000, updated: 0, unchanged: 0 });
    expect((await db.importBatches.get(batch.id))?.changes).toHaveLength(2000);
    expect(await db.audit.count()).toBe(auditBefore + 1);
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      action: 'create',
      entity: 'importBatches',
      entityId: batch.id,
      after: { kind: 'tasks', rows: 2000, counts: batch.counts },
    });

    await undoImport(batch.id);
    expect(await db.tasks.count()).toBe(1);
    expect(await db.audit.count()).toBe(auditBefore + 2);
  });

  it('counts an update that changes nothing as unchanged and writes nothing for it', async () => {
    const batch = await commitImport(
      changeset({
        creates: [],
        updates: [{ table: 'tasks', id: stored.id, patch: { title: '已有重点工作', code: '1' } }],
        unchanged: 2,
      }),
    );
    expect(batch.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(batch.changes).toEqual([]);
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ entity: 'importBatches' });
  });

  it.each([
    [
      'an update of a missing row',
      () =>
        changeset({
          updates: [...changeset().updates, { table: 'tasks', id: 'gone', patch: { title: '消失的工作' } }],
        }),
      '重点工作"消失的工作"不存在（可能已被删除），无法导入对它的修改',
    ],
    [
      'a create with a stored id',
      () =>
        changeset({
          creates: [...changeset().creates, { table: 'tasks', row: { ...taskRow(stored.id, '另一项') } }],
          updates: [],
        }),
      '重点工作"另一项"的编号已被占用，不能新增',
    ],
    [
      'a row twice',
      () => changeset({ updates: [{ table: 'tasks', id: 't-new', patch: { code: '9' } }] }),
      '导入内容中重点工作（编号 t-new）出现了不止一次',
    ],
    [
      'a row of another year',
      () => changeset({ creates: [{ table: 'units', row: { ...unitRow('u-x', '区某局'), yearId: 'other' } }] }),
      '单位"区某局"不属于本批次的工作年度',
    ],
    ['a missing year', () => changeset({ yearId: 'nope', creates: [], updates: [] }), '工作年度不存在（可能已被删除）'],
    [
      'a duplicate title among the new tasks',
      () =>
        changeset({
          creates: [...changeset().creates, { table: 'tasks', row: { ...taskRow('t-dup', '新建重点工作 ') } }],
        }),
      '重点工作"新建重点工作"已存在',
    ],
    [
      'a task leading with a unit that neither exists nor is created',
      () => changeset({ creates: changeset().creates.filter((c) => c.table !== 'units') }),
      '重点工作"新建重点工作"的牵头单位不存在（可能已被删除）',
    ],
    [
      'a new unit whose name is taken',
      () => changeset({ creates: [{ table: 'units', row: { ...unitRow('u-x', '区发改局') } }] }),
      '单位名称"区发改局"与已有单位"区发改局"重复',
    ],
    [
      'a changed title that clashes',
      () => changeset({ creates: [], updates: [{ table: 'tasks', id: stored.id, patch: { title: '新建重点工作' } }] }),
      '',
    ],
    ['a bad file hash', () => changeset({ files: [{ name: 'a.xlsx', sha256: 'xyz' }] }), '文件"a.xlsx"的校验值无效'],
  ])('refuses %s and writes nothing at all', async (_label, makePlan, message) => {
    if (message === '') {
      // Clash with a task stored before: rename the plan's target onto another stored title.
      await addTask({
        yearId,
        code: '',
        title: '新建重点工作',
        measures: [],
        targets: [],
        leaderIds: [],
        coUnitIds: [],
        responsiblePerson: '',
        dueDate: '2026-11-30',
      });
      message = '重点工作"新建重点工作"已存在';
    }
    const before = await allTables();
    await expect(commitImport(makePlan())).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it("a failure of the batch's audit entry (after every row and the batch were written) leaves every table as before", async () => {
    const before = await allTables();
    let calls = 0;
    const boom = (): void => {
      calls += 1;
      throw new Error('disk full');
    };
    db.audit.hook('creating', boom);
    try {
      await expect(commitImport(changeset())).rejects.toThrow('disk full');
    } finally {
      db.audit.hook('creating').unsubscribe(boom);
    }
    expect(calls).toBe(1);
    expect(await allTables()).toEqual(before);
  });

  it('a failure writing the batch record leaves no rows, no batch and no audit entry', async () => {
    const before = await allTables();
    const boom = (): void => {
      throw new Error('disk full');
    };
    db.importBatches.hook('creating', boom);
    try {
      await expect(commitImport(changeset())).rejects.toThrow('disk full');
    } finally {
      db.importBatches.hook('creating').unsubscribe(boom);
    }
    expect(await allTables()).toEqual(before);
  });

  it('a failure in the middle (a duplicate id reaching the store) leaves every table as before', async () => {
    // The plan checks refuse duplicates; this drives the writer itself into a ConstraintError.
    const before = await allTables();
    const failing = writeTransaction([db.tasks, db.importBatches], async (w) => {
      await w.addAll(db.tasks, [taskRow('x1', '甲'), taskRow('x2', '乙')]);
      await w.addAll(db.tasks, [taskRow('x3', '丙'), taskRow('x1', '丁')]);
    });
    await expect(failing).rejects.toThrow();
    expect(await allTables()).toEqual(before);
  });

  it('the tables an import may write: rows keyed by id, with a yearId index', () => {
    expect([...IMPORT_TABLES].sort()).toEqual(
      TABLE_NAMES.filter(
        (n) => !['audit', 'importBatches', 'settings', 'workYears', 'scoreRules', 'monthStates'].includes(n),
      ).sort(),
    );
    for (const name of IMPORT_TABLES) {
      const schema = db.table(name).schema;
      expect(schema.primKey.keyPath).toBe('id');
      expect(schema.idxByName['yearId']).toBeDefined();
    }
  });
});

describe('undoImport', () => {
  it('restores every table to its state before the commit; the batch is kept, marked undone', async () => {
    const before = await allTables();
    const batch = await commitImport(changeset());
    const auditAfterCommit = await db.audit.count();
    await undoImport(batch.id);
    const after = await allTables();
    expect(without(after, 'audit', 'importBatches')).toEqual(without(before, 'audit', 'importBatches'));
    const undone = await db.importBatches.get(batch.id);
    expect(undone).toEqual({ ...batch, undone: true, undoneAt: expect.any(String) as string });
    // One entry for the undo: the batch's summary, undone false → true.
    const entries = (await db.audit.toArray()).slice(auditAfterCommit);
    const summary = { kind: 'tasks', files: batch.files, counts: { created: 4, updated: 1, unchanged: 5 }, rows: 5 };
    expect(entries).toEqual([
      {
        seq: expect.any(Number) as number,
        at: undone?.undoneAt,
        operator: '张三',
        action: 'update',
        entity: 'importBatches',
        entityId: batch.id,
        before: { ...summary, undone: false },
        after: { ...summary, undone: true, undoneAt: undone?.undoneAt },
        prevHash: expect.any(String) as string,
        hash: expect.any(String) as string,
      },
    ]);
    await expect(undoImport(batch.id)).rejects.toThrow(new DomainError('该导入批次已经撤销，不能再次撤销'));
    await expect(undoImport('nope')).rejects.toThrow(new DomainError('导入批次不存在（可能已被删除）'));
  });

  it.each([
    [
      'a created task was edited',
      () => updateTask('t-new', { responsiblePerson: '李四' }),
      '重点工作"新建重点工作"在导入后又被修改过，无法撤销此批次',
    ],
    [
      'an updated task was edited',
      () => updateTask(stored.id, { code: '1.1' }),
      '重点工作"已有重点工作"在导入后又被修改过，无法撤销此批次',
    ],
    [
      'a created unit was edited',
      () => updateUnit('u-new', { phone: '123' }),
      '单位"区数据局"在导入后又被修改过，无法撤销此批次',
    ],
    [
      'a created task was deleted',
      () => deleteTask('t-new2'),
      '重点工作"第二项新工作"在导入后已被删除，无法撤销此批次',
    ],
    [
      'a task entered since leads with a created unit',
      () =>
        addTask({
          yearId,
          code: '',
          title: '后加的工作',
          measures: [],
          targets: [],
          leaderIds: [],
          leadUnitId: 'u-new',
          coUnitIds: [],
          responsiblePerson: '',
          dueDate: '2026-11-30',
        }),
      '单位"区数据局"已被重点工作引用，无法撤销此批次',
    ],
    [
      'a progress report refers to a created task',
      () =>
        db.reports.add({
          id: 'r1',
          yearId,
          month: 3,
          taskId: 't-new',
          unitId: unitA.id,
          isLeadUnit: false,
          percent: 10,
          statusWord: '',
          doneThisMonth: '',
          problems: '',
          nextSteps: '',
          coordination: '',
          delayExplanation: '',
          reporter: '',
          phone: '',
          receivedDate: '2026-03-25',
        }),
      '重点工作"新建重点工作"已被月度进展引用，无法撤销此批次',
    ],
  ])('is refused when %s, and changes nothing', async (_label, change, message) => {
    const batch = await commitImport(changeset());
    await change();
    const before = await allTables();
    await expect(undoImport(batch.id)).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('a later batch over the same rows must be undone first', async () => {
    const first = await commitImport(changeset());
    const second = await commitImport({
      ...changeset(),
      files: [{ name: '任务清单-修订.xlsx', sha256: HASH_B }],
      creates: [],
      updates: [{ table: 'tasks', id: 't-new', patch: { dueDate: '2026-10-31' } }],
      unchanged: 0,
    });
    await expect(undoImport(first.id)).rejects.toThrow('重点工作"新建重点工作"在导入后又被修改过，无法撤销此批次');
    await undoImport(second.id);
    await undoImport(first.id);
    expect(await db.tasks.count()).toBe(1);
    expect(await db.tasks.get(stored.id)).toEqual(stored);
  });

  it('refuses to restore a row that no longer fits its year', async () => {
    // The batch moved the task off unit B; B was deleted since; restoring would point at nothing.
    const unitB = await addUnit({
      yearId,
      name: '区财政局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    });
    await updateTask(stored.id, { coUnitIds: [unitB.id] });
    const batch = await commitImport(
      changeset({ creates: [], updates: [{ table: 'tasks', id: stored.id, patch: { coUnitIds: [] } }] }),
    );
    await db.units.delete(unitB.id);
    const before = await allTables();
    await expect(undoImport(batch.id)).rejects.toThrow(
      new DomainError('重点工作"已有重点工作"的责任单位不存在（可能已被删除）'),
    );
    expect(await allTables()).toEqual(before);
  });
});

describe('import history and file recognition', () => {
  it("lists a year's batches newest first and recognises files of batches not undone", async () => {
    const first = await commitImport(changeset());
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct importedAt
    const second = await commitImport({
      ...changeset(),
      files: [{ name: '任务清单-修订.xlsx', sha256: HASH_B }],
      creates: [],
      updates: [],
      unchanged: 7,
    });
    expect(second.files[0]?.sha256).toBe(HASH_B.toLowerCase());
    expect((await listImportBatches(yearId)).map((b) => b.id)).toEqual([second.id, first.id]);
    expect(await listImportBatches(undefined)).toEqual([]);

    expect(await findImportedFiles([HASH_B, 'c'.repeat(64), HASH_A.toUpperCase()])).toEqual([
      { sha256: HASH_B.toLowerCase(), name: '任务清单-修订.xlsx', importedAt: second.importedAt, batchId: second.id },
      { sha256: HASH_A, name: '任务清单-2026.xlsx', importedAt: first.importedAt, batchId: first.id },
    ]);
    await undoImport(second.id);
    expect(await findImportedFiles([HASH_B, HASH_A])).toEqual([
      { sha256: HASH_A, name: '任务清单-2026.xlsx', importedAt: first.importedAt, batchId: first.id },
    ]);
    expect(await findImportedFiles([])).toEqual([]);
  });
});

describe('sha256Hex', () => {
  it('matches the standard test vectors', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const bytes = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(bytes.subarray(2, 5))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('writeTransaction', () => {
  it('keeps the transaction across nested async helpers', async () => {
    const deep = async (n: number): Promise<number> => (n === 0 ? db.tasks.count() : deep(n - 1));
    const result = await writeTransaction([db.tasks], async (w) => {
      const before = await deep(5);
      await w.addAll(db.tasks, [taskRow('n1', '嵌套一')]);
      await deep(5);
      await w.putAll(db.tasks, [taskRow('n1', '嵌套二')]);
      await deep(5);
      await w.deleteAll(db.tasks, ['n1']);
      return before + (await deep(5));
    });
    expect(result).toBe(2);
  });
});
