import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Evaluation, Task, Unit } from '../core/model';
import {
  addTask,
  addUnit,
  commitImport,
  createWorkYear,
  db,
  deleteUnit,
  DomainError,
  listEvaluations,
  setOperator,
  setSampleAccepted,
  undoImport,
  type ImportChangeset,
} from './index';
import { defaultCalendarSettings } from '../core/calendarSettings';

const HASH = 'c'.repeat(64);
let yearId: string;
let town: Unit;
let task: Task;

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('钱主任');
  yearId = (
    await createWorkYear({
      title: '',
      ...defaultCalendarSettings(2026),
    })
  ).id;
  town = await addUnit({
    yearId,
    name: '东城街道',
    kind: 'town',
    rankingGroup: '',
    aliases: [],
    contactPerson: '',
    phone: '',
  });
  task = await addTask({
    yearId,
    code: '1',
    title: '轻纺市场转型升级',
    measures: [],
    targets: [],
    leaderIds: [],
    leadUnitId: town.id,
    coUnitIds: [],
    responsiblePerson: '',
    dueDate: '2026-11-30',
  });
});

function evaluation(id: string, more: Partial<Evaluation> = {}): Evaluation {
  return {
    id,
    yearId,
    unitId: town.id,
    rater: '企业',
    score: 90,
    rawScore: 4.5,
    scale: 'five',
    sampleSize: 20,
    sourceFile: '测评.xlsx',
    sourceRow: 3,
    ...more,
  };
}

function plan(creates: Evaluation[]): ImportChangeset {
  return {
    yearId,
    kind: 'evaluation',
    files: [{ name: '测评.xlsx', sha256: HASH }],
    creates: creates.map((row) => ({ table: 'evaluations', row: { ...row } })),
    updates: [],
    unchanged: 0,
  };
}

describe('evaluations in the data layer', () => {
  it('an import writes them with its batch id; undo removes them', async () => {
    const batch = await commitImport(
      plan([evaluation('e1'), evaluation('e2', { rater: '群众', unitId: undefined, taskId: task.id })]),
    );
    expect((await listEvaluations(yearId)).map((e) => [e.id, e.importBatchId])).toEqual([
      ['e1', batch.id],
      ['e2', batch.id],
    ]);
    await undoImport(batch.id);
    expect(await listEvaluations(yearId)).toEqual([]);
  });

  it('refuses a bad row and writes nothing: score out of range, no target, two rows for the same unit and rater', async () => {
    await expect(commitImport(plan([evaluation('e1', { score: 120 })]))).rejects.toThrow(
      '第三方评估（东城街道，企业）的得分应为0至100之间的数',
    );
    await expect(commitImport(plan([evaluation('e1', { unitId: undefined })]))).rejects.toThrow(
      '应评价一个单位或一项重点工作',
    );
    await expect(commitImport(plan([evaluation('e1', { sampleSize: 2.5 })]))).rejects.toThrow('样本数应为整数');
    await expect(commitImport(plan([evaluation('e1'), evaluation('e2', { score: 80 })]))).rejects.toThrow(DomainError);
    expect(await db.evaluations.count()).toBe(0);
    expect(await db.importBatches.count()).toBe(0);
  });

  it('accepting a small sample is audited with who and when; it then stops the batch’s undo until withdrawn', async () => {
    const batch = await commitImport(plan([evaluation('e1')]));
    const accepted = await setSampleAccepted('e1', true);
    expect(accepted.sampleAcceptedBy).toBe('钱主任');
    expect(accepted.sampleAcceptedAt).toEqual(expect.any(String));
    const entry = (await db.audit.toArray()).at(-1)!;
    expect(entry).toMatchObject({ entity: 'evaluations', entityId: 'e1', action: 'update', operator: '钱主任' });
    await expect(undoImport(batch.id)).rejects.toThrow('在导入后又被修改过');
    const withdrawn = await setSampleAccepted('e1', false);
    expect(withdrawn).toEqual(evaluation('e1', { importBatchId: batch.id }));
    await undoImport(batch.id);
    expect(await db.evaluations.count()).toBe(0);
  });

  it('a unit with an evaluation cannot be deleted', async () => {
    const other = await addUnit({
      yearId,
      name: '西城街道',
      kind: 'town',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    });
    await commitImport(plan([evaluation('e1', { unitId: other.id })]));
    await expect(deleteUnit(other.id)).rejects.toThrow(DomainError);
  });
});
