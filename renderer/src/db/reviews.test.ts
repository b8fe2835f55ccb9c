import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../core/model';
import {
  addTask,
  addUnit,
  createWorkYear,
  db,
  DomainError,
  getTaskRecord,
  getTaskReview,
  listReviews,
  saveReview,
  setOperator,
  type NewWorkYear,
  type ReviewInput,
} from './index';
import { TABLE_NAMES } from './schema';
import { defaultCalendarSettings } from '../core/calendarSettings';

function yearInput(year: number): NewWorkYear {
  return {
    title: '',
    ...defaultCalendarSettings(year),
  };
}

async function allTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

async function lastSeq(): Promise<number> {
  return (await db.audit.orderBy('seq').last())?.seq ?? 0;
}

async function auditSince(seq: number): Promise<AuditEntry[]> {
  return db.audit.where('seq').above(seq).toArray();
}

let yearId: string;
let otherYearId: string;
let taskId: string;
let unitId: string;

function input(more: Partial<ReviewInput> = {}): ReviewInput {
  return {
    yearId,
    taskId,
    recallGoals: '目标：制造业投资占比40%',
    assessResults: '',
    analyseCauses: '',
    lessons: '',
    nextYearPlan: '',
    step: 0,
    completed: false,
    ...more,
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('钱主任');
  yearId = (await createWorkYear(yearInput(2026))).id;
  otherYearId = (await createWorkYear(yearInput(2027))).id;
  unitId = (
    await addUnit({
      yearId,
      name: '区经信局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
  taskId = (
    await addTask({
      yearId,
      code: '3',
      title: '提高制造业投资比重',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unitId,
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    })
  ).id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saveReview', () => {
  it('creates the review of a task on the first save, audited under the operator', async () => {
    const seq = await lastSeq();
    const review = await saveReview(input());
    expect(review).toMatchObject({ yearId, taskId, recallGoals: '目标：制造业投资占比40%', step: 0, nextYearPlan: '' });
    expect(review).not.toHaveProperty('completedAt');
    expect(Date.parse(review.updatedAt)).not.toBeNaN();
    expect(await getTaskReview(taskId)).toEqual(review);
    const entries = await auditSince(seq);
    expect(entries).toMatchObject([
      { action: 'create', entity: 'reviews', entityId: review.id, operator: '钱主任', after: review },
    ]);
  });

  it('replaces it on later saves (one row per task), each step logged with before and after', async () => {
    const first = await saveReview(input());
    const seq = await lastSeq();
    const second = await saveReview(input({ assessResults: '年末完成20%', step: 1 }));
    expect(second.id).toBe(first.id);
    expect(await listReviews(yearId)).toHaveLength(1);
    const [entry] = await auditSince(seq);
    expect(entry).toMatchObject({
      action: 'update',
      entity: 'reviews',
      before: { assessResults: '', step: 0 },
      after: { assessResults: '年末完成20%', step: 1 },
    });
  });

  it('writes nothing when nothing changed', async () => {
    const first = await saveReview(input());
    const seq = await lastSeq();
    expect(await saveReview(input())).toEqual(first);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('sets completedAt when completed, keeps it on later saves, clears it when reopened', async () => {
    const done = await saveReview(input({ step: 3, completed: true }));
    expect(done.completedAt).toBeDefined();
    const again = await saveReview(input({ step: 3, completed: true, lessons: '经验' }));
    expect(again.completedAt).toBe(done.completedAt);
    const reopened = await saveReview(input({ step: 3, completed: false, lessons: '经验' }));
    expect(reopened).not.toHaveProperty('completedAt');
  });

  it.each([
    ['a missing task', () => input({ taskId: 'gone' }), '重点工作不存在'],
    ['a task of another year', () => input({ yearId: otherYearId }), '不属于本工作年度'],
    ['a step out of range', () => input({ step: 4 }), '复盘步骤应为1至4'],
    ['a text that is not text', () => input({ lessons: 3 as unknown as string }), '复盘的数据不完整'],
  ])('refuses %s and stores nothing', async (_label, make, message) => {
    const before = await allTables();
    await expect(saveReview(make())).rejects.toThrow(DomainError);
    await expect(saveReview(make())).rejects.toThrow(message);
    expect(await allTables()).toStrictEqual(before);
  });

  it('keeps neither the review nor its audit entry when the audit write fails', async () => {
    const before = await allTables();
    type TableThis = { name: string };
    const tableApi = Object.getPrototypeOf(db.audit) as {
      add: (this: TableThis, ...args: unknown[]) => Promise<unknown>;
    };
    const add = tableApi.add;
    vi.spyOn(tableApi, 'add').mockImplementation(function (this: TableThis, ...args: unknown[]) {
      return this.name === 'audit' ? Promise.reject(new Error('QuotaExceededError')) : add.apply(this, args);
    });
    await expect(saveReview(input())).rejects.toThrow('QuotaExceededError');
    vi.restoreAllMocks();
    expect(await allTables()).toStrictEqual(before);
  });
});

describe('getTaskRecord', () => {
  it('reads the task reports, feedback and the evaluations of the task or its lead unit in the year', async () => {
    await db.reports.add({
      id: 'r5',
      yearId,
      month: 5,
      taskId,
      unitId,
      isLeadUnit: true,
      percent: 20,
      statusWord: '滞后',
      doneThisMonth: '',
      problems: '',
      nextSteps: '',
      coordination: '',
      delayExplanation: '项目审批延后',
      reporter: '',
      phone: '',
      receivedDate: '2026-05-25',
    });
    await db.feedback.add({
      id: 'f5',
      yearId,
      month: 5,
      taskId,
      unitId,
      comment: '需加快',
      reviewer: '钱主任',
      date: '2026-05-30',
    });
    await db.evaluations.bulkAdd([
      { id: 'e1', yearId, taskId, rater: '企业', score: 90, sampleSize: 10 },
      { id: 'e2', yearId, unitId, rater: '群众', score: 80, sampleSize: 10 },
      { id: 'e3', yearId: otherYearId, unitId, rater: '群众', score: 70, sampleSize: 10 },
      { id: 'e4', yearId, unitId: 'other', rater: '群众', score: 60, sampleSize: 10 },
    ]);
    const record = await getTaskRecord(yearId, taskId, unitId);
    expect(record.reports.map((r) => r.id)).toEqual(['r5']);
    expect(record.feedback.map((f) => f.id)).toEqual(['f5']);
    expect(record.evaluations.map((e) => e.id).sort()).toEqual(['e1', 'e2']);
  });
});
