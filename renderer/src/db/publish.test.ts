import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, ProgressReport, Submission } from '../core/model';
import {
  addTask,
  addUnit,
  commitImport,
  createWorkYear,
  db,
  deleteTask,
  DomainError,
  getMonthState,
  listMonthSnapshots,
  listMonthStates,
  publishMonth,
  reopenMonth,
  saveFeedback,
  setOperator,
  setReceivedDate,
  setTaskPlan,
  undoImport,
  type ImportChangeset,
  type NewWorkYear,
} from './index';
import { TABLE_NAMES } from './schema';
import { defaultCalendarSettings } from '../core/calendarSettings';

const FROZEN = '5月已发布，不能修改；如需修改，请先撤销发布并说明原因';

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

let yearId: string;
let unitA: string;
let unitB: string;
let taskId: string;
/** A task with a plan only (nothing else refers to it), to try deleting. */
let planOnlyTask: string;
/** A task without a plan. */
let bareTask: string;
/** The batch that imported May's reports and submissions. */
let mayBatch: string;

function report(id: string, unitId: string, month: number, more: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id,
    yearId,
    month,
    taskId,
    unitId,
    isLeadUnit: unitId === unitA,
    percent: 40,
    statusWord: '序时推进',
    doneThisMonth: '推进中',
    problems: '',
    nextSteps: '',
    coordination: '',
    delayExplanation: '',
    reporter: '李四',
    phone: '12345',
    receivedDate: '2026-05-26',
    ...more,
  };
}

function submission(id: string, unitId: string, month: number): Submission {
  return {
    id,
    yearId,
    kind: 'progress',
    month,
    unitId,
    receivedDate: '2026-05-26',
    fileName: `${unitId}-${month}月.xlsx`,
  };
}

let hashSeed = 0;
function importOf(creates: ImportChangeset['creates'], updates: ImportChangeset['updates'] = []): ImportChangeset {
  hashSeed += 1;
  return {
    yearId,
    kind: 'progress',
    files: [{ name: `进展-${hashSeed}.xlsx`, sha256: hashSeed.toString(16).padStart(64, '0') }],
    creates,
    updates,
    unchanged: 0,
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
  unitA = (
    await addUnit({
      yearId,
      name: '区发改局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
  unitB = (
    await addUnit({
      yearId,
      name: '区财政局',
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
      code: '1',
      title: '优化营商环境',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unitA,
      coUnitIds: [unitB],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    })
  ).id;
  planOnlyTask = (
    await addTask({
      yearId,
      code: '2',
      title: '改善民生',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unitB,
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    })
  ).id;
  bareTask = (
    await addTask({
      yearId,
      code: '3',
      title: '乡村振兴',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unitB,
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    })
  ).id;
  await setTaskPlan(taskId, [
    { month: 4, text: '完成调研', plannedPercent: 30 },
    { month: 5, text: '启动实施', plannedPercent: 50 },
    { month: 6, text: '全面实施', plannedPercent: 70 },
  ]);
  await setTaskPlan(planOnlyTask, [{ month: 5, text: '启动', plannedPercent: 20 }]);
  mayBatch = (
    await commitImport(
      importOf([
        { table: 'reports', row: { ...report('r-a5', unitA, 5) } },
        { table: 'submissions', row: { ...submission('s-a5', unitA, 5) } },
      ]),
    )
  ).id;
  await saveFeedback({ yearId, month: 5, taskId, unitId: unitA, verdict: '属实', comment: '属实', date: '2026-05-29' });
});

describe('publishMonth', () => {
  it('publishes the month and stores the snapshot, both audited', async () => {
    expect(await getMonthState(yearId, 5)).toEqual({ id: `${yearId}:5`, yearId, month: 5, state: 'open' });
    const seq = (await db.audit.orderBy('seq').last())?.seq ?? 0;
    const data = { units: [{ unitId: unitA, score: 98, rank: 1 }] };
    const snapshot = await publishMonth(yearId, 5, data);
    expect(snapshot).toEqual({
      id: expect.any(String),
      yearId,
      period: 'month',
      month: 5,
      publishedAt: expect.any(String),
      publishedBy: '张三',
      data,
    });
    const state = await getMonthState(yearId, 5);
    expect(state).toEqual({
      id: `${yearId}:5`,
      yearId,
      month: 5,
      state: 'published',
      publishedAt: snapshot.publishedAt,
      publishedBy: '张三',
    });
    expect(await listMonthStates(yearId)).toEqual([state]);
    expect(await listMonthSnapshots(yearId, 5)).toEqual([snapshot]);
    const entries: AuditEntry[] = await db.audit.where('seq').above(seq).toArray();
    expect(entries.map((e) => [e.action, e.entity, e.entityId, e.operator, e.at])).toEqual([
      ['create', 'monthStates', `${yearId}:5`, '张三', snapshot.publishedAt],
      ['create', 'rankings', snapshot.id, '张三', snapshot.publishedAt],
    ]);
    // Other months stay open.
    expect((await getMonthState(yearId, 6))?.state).toBe('open');
    expect(await getMonthState(undefined, 5)).toBeUndefined();
  });

  it('refuses a month published already, a month 0, a missing year, and no operator', async () => {
    await publishMonth(yearId, 5, {});
    const before = await allTables();
    await expect(publishMonth(yearId, 5, {})).rejects.toThrow(
      new DomainError('5月已发布；如需重新发布，请先撤销发布并说明原因'),
    );
    await expect(publishMonth(yearId, 0, {})).rejects.toThrow(new DomainError('月份应为1至12（现为 0）'));
    await expect(publishMonth('nope', 6, {})).rejects.toThrow(new DomainError('工作年度不存在（可能已被删除）'));
    setOperator('');
    await expect(publishMonth(yearId, 6, {})).rejects.toThrow(new DomainError('请先填写操作人姓名'));
    expect(await allTables()).toEqual(before);
  });
});

describe('the freeze of a published month', () => {
  beforeEach(async () => {
    await publishMonth(yearId, 5, { note: '5月快照' });
  });

  it.each([
    [
      "changing the month's milestone",
      () =>
        setTaskPlan(taskId, [
          { month: 4, text: '完成调研', plannedPercent: 30 },
          { month: 5, text: '改了', plannedPercent: 50 },
          { month: 6, text: '全面实施', plannedPercent: 70 },
        ]),
    ],
    [
      "dropping the month's milestone",
      () =>
        setTaskPlan(taskId, [
          { month: 4, text: '完成调研', plannedPercent: 30 },
          { month: 6, text: '全面实施', plannedPercent: 70 },
        ]),
    ],
    [
      'adding a milestone for the month',
      () =>
        setTaskPlan(bareTask, [
          { month: 4, text: '准备', plannedPercent: 10 },
          { month: 5, text: '启动', plannedPercent: 20 },
        ]),
    ],
    ['deleting a task whose plan covers the month', () => deleteTask(planOnlyTask)],
    [
      "changing the month's feedback",
      () =>
        saveFeedback({
          yearId,
          month: 5,
          taskId,
          unitId: unitA,
          verdict: '不属实',
          comment: '复核不属实',
          date: '2026-06-01',
        }),
    ],
    [
      'adding feedback for the month',
      () => saveFeedback({ yearId, month: 5, taskId, unitId: unitB, comment: '未报送', date: '2026-06-01' }),
    ],
    ['setting a received date in the month', () => setReceivedDate('s-a5', '2026-05-24', '邮件24日已到')],
    [
      'importing a report into the month',
      () => commitImport(importOf([{ table: 'reports', row: { ...report('r-b5', unitB, 5) } }])),
    ],
    [
      'importing a submission for the month',
      () => commitImport(importOf([{ table: 'submissions', row: { ...submission('s-b5', unitB, 5) } }])),
    ],
    [
      "importing a change of the month's report",
      () => commitImport(importOf([], [{ table: 'reports', id: 'r-a5', patch: { percent: 60 } }])),
    ],
    [
      'importing feedback for the month',
      () =>
        commitImport(
          importOf([
            {
              table: 'feedback',
              row: {
                id: 'f-x',
                yearId,
                month: 5,
                taskId,
                unitId: unitB,
                comment: '',
                reviewer: '张三',
                date: '2026-05-30',
              },
            },
          ]),
        ),
    ],
    ["undoing the import of the month's reports", () => undoImport(mayBatch)],
  ])('refuses %s and changes nothing', async (_label, write) => {
    const before = await allTables();
    await expect(write()).rejects.toThrow(new DomainError(FROZEN));
    expect(await allTables()).toEqual(before);
  });

  it("lets other months be written: another month's plan, feedback and reports", async () => {
    await setTaskPlan(taskId, [
      { month: 4, text: '完成调研', plannedPercent: 30 },
      { month: 5, text: '启动实施', plannedPercent: 50 },
      { month: 6, text: '深化实施', plannedPercent: 75 },
    ]);
    await saveFeedback({ yearId, month: 6, taskId, unitId: unitA, comment: '6月意见', date: '2026-06-29' });
    await commitImport(importOf([{ table: 'reports', row: { ...report('r-a6', unitA, 6) } }]));
    expect((await db.milestones.where('[taskId+month]').equals([taskId, 6]).first())?.text).toBe('深化实施');
    expect(await db.feedback.count()).toBe(2);
    expect(await db.reports.count()).toBe(2);
  });

  it('does not refuse a save that changes nothing', async () => {
    const seq = (await db.audit.orderBy('seq').last())?.seq;
    await setTaskPlan(taskId, [
      { month: 4, text: '完成调研', plannedPercent: 30 },
      { month: 5, text: '启动实施', plannedPercent: 50 },
      { month: 6, text: '全面实施', plannedPercent: 70 },
    ]);
    await saveFeedback({
      yearId,
      month: 5,
      taskId,
      unitId: unitA,
      verdict: '属实',
      comment: '属实',
      date: '2026-06-01',
    });
    expect((await db.audit.orderBy('seq').last())?.seq).toBe(seq);
  });
});

describe('reopenMonth', () => {
  beforeEach(async () => {
    await publishMonth(yearId, 5, { version: 1 });
  });

  it.each([[''], ['  ']])('needs a reason (%j) and changes nothing', async (reason) => {
    const before = await allTables();
    await expect(reopenMonth(yearId, 5, reason)).rejects.toThrow(new DomainError('请填写撤销发布的原因'));
    expect(await allTables()).toEqual(before);
  });

  it('refuses a month that is not published', async () => {
    await expect(reopenMonth(yearId, 6, '误操作')).rejects.toThrow(new DomainError('6月尚未发布，无需撤销发布'));
    expect(await db.monthStates.count()).toBe(1);
  });

  it('reopens with the reason, audited, and then the month can be written again', async () => {
    const published = await getMonthState(yearId, 5);
    setOperator('李主任');
    await reopenMonth(yearId, 5, ' 区财政局补报材料 ');
    const state = await getMonthState(yearId, 5);
    expect(state).toEqual({
      ...published,
      state: 'open',
      reopenedAt: expect.any(String),
      reopenReason: '区财政局补报材料',
    });
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({
      action: 'update',
      entity: 'monthStates',
      entityId: `${yearId}:5`,
      operator: '李主任',
      at: state?.reopenedAt,
      before: published,
      after: state,
    });

    await saveFeedback({
      yearId,
      month: 5,
      taskId,
      unitId: unitA,
      verdict: '基本属实',
      comment: '复核后基本属实',
      date: '2026-06-02',
    });
    await setReceivedDate('s-a5', '2026-05-24', '邮件24日已到');
    await commitImport(importOf([{ table: 'reports', row: { ...report('r-b5', unitB, 5) } }]));
    expect((await db.feedback.toArray()).map((f) => f.verdict)).toEqual(['基本属实']);
    expect((await db.reports.get('r-a5'))?.receivedDate).toBe('2026-05-24');
    expect(await db.reports.count()).toBe(2);
  });

  it('re-publishing adds a second snapshot and keeps the first', async () => {
    const [first] = await listMonthSnapshots(yearId, 5);
    await reopenMonth(yearId, 5, '更正评分');
    const second = await publishMonth(yearId, 5, { version: 2 });
    const snapshots = await listMonthSnapshots(yearId, 5);
    expect(snapshots).toEqual([second, first]);
    expect(second.publishedAt > (first?.publishedAt ?? '')).toBe(true);
    const state = await getMonthState(yearId, 5);
    expect(state).toMatchObject({
      state: 'published',
      publishedAt: second.publishedAt,
      publishedBy: '张三',
      reopenReason: '更正评分',
    });
    // Frozen again.
    await expect(
      saveFeedback({ yearId, month: 5, taskId, unitId: unitA, comment: '再改', date: '2026-06-03' }),
    ).rejects.toThrow(new DomainError(FROZEN));
  });
});
