import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, Feedback, Milestone, ProgressReport, Submission } from '../core/model';
import { chinaToday, nowIso } from './clock';
import {
  addTask,
  addUnit,
  commitImport,
  createWorkYear,
  db,
  DomainError,
  listFeedback,
  listMilestones,
  listReports,
  listSubmissions,
  listTaskMilestones,
  saveFeedback,
  setOperator,
  setReceivedDate,
  publishMonth,
  setMissingVerdicts,
  setTaskPlan,
  undoImport,
  updateFeedback,
  type ImportChangeset,
  type NewWorkYear,
  type PlanMonth,
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

/** Audit entries written since `seq` (exclusive), as [action, entity]. */
async function auditSince(seq: number): Promise<[string, string][]> {
  const entries: AuditEntry[] = await db.audit.where('seq').above(seq).toArray();
  return entries.map((e) => [e.action, e.entity]);
}

async function lastSeq(): Promise<number> {
  return (await db.audit.orderBy('seq').last())?.seq ?? 0;
}

let yearId: string;
let unitA: string;
let unitB: string;
let taskId: string;

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

function submission(id: string, unitId: string, month: number, more: Partial<Submission> = {}): Submission {
  return {
    id,
    yearId,
    kind: 'progress',
    month,
    unitId,
    receivedDate: '2026-05-26',
    fileName: `${unitId}-${month}月.xlsx`,
    ...more,
  };
}

function importOf(creates: ImportChangeset['creates'], updates: ImportChangeset['updates'] = []): ImportChangeset {
  return {
    yearId,
    kind: 'progress',
    files: [{ name: '5月进展.xlsx', sha256: 'c'.repeat(64) }],
    creates,
    updates,
    unchanged: 0,
  };
}

const PLAN: PlanMonth[] = [
  { month: 3, text: '制定方案', plannedPercent: 10 },
  { month: 4, text: '完成调研', plannedPercent: 30 },
  { month: 5, text: '启动实施', plannedPercent: 50 },
];

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
});

describe("the data layer's clock", () => {
  it.each([
    ['2026-05-24T15:59:59.999Z', '2026-05-24'],
    ['2026-05-24T16:00:00.000Z', '2026-05-25'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
  ])('%s is %s in China', (instant, date) => {
    vi.useFakeTimers({ now: new Date(instant), toFake: ['Date'] });
    try {
      expect(chinaToday()).toBe(date);
      expect(nowIso()).toBe(instant);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('setTaskPlan', () => {
  it('creates the milestones, each audited; the same plan again writes nothing', async () => {
    const seq = await lastSeq();
    await setTaskPlan(taskId, [...PLAN].reverse());
    const stored = await listTaskMilestones(taskId);
    expect(
      stored.map(({ month, text, plannedPercent, taskId: t, yearId: y }) => ({ month, text, plannedPercent, t, y })),
    ).toEqual(PLAN.map((p) => ({ ...p, t: taskId, y: yearId })));
    expect(await auditSince(seq)).toEqual([
      ['create', 'milestones'],
      ['create', 'milestones'],
      ['create', 'milestones'],
    ]);
    const before = await allTables();
    await setTaskPlan(
      taskId,
      PLAN.map((p) => ({ ...p, text: ` ${p.text} ` })),
    );
    expect(await allTables()).toEqual(before);
  });

  it('updates the changed months, adds new ones, deletes dropped ones, and leaves the rest alone', async () => {
    await setTaskPlan(taskId, PLAN);
    const [march, april, may] = await listTaskMilestones(taskId);
    const seq = await lastSeq();
    await setTaskPlan(taskId, [
      { month: 3, text: '制定方案', plannedPercent: 10 },
      { month: 5, text: '全面实施', plannedPercent: 50 },
      { month: 6, text: '中期评估', plannedPercent: 70 },
    ]);
    const entries: AuditEntry[] = await db.audit.where('seq').above(seq).toArray();
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['update', 'milestones', may?.id],
      ['create', 'milestones', expect.any(String)],
      ['delete', 'milestones', april?.id],
    ]);
    expect(entries[0]).toMatchObject({ before: may, after: { ...may, text: '全面实施' } });
    const stored = await listTaskMilestones(taskId);
    expect(stored.map((m) => [m.month, m.text])).toEqual([
      [3, '制定方案'],
      [5, '全面实施'],
      [6, '中期评估'],
    ]);
    expect(stored[0]).toEqual(march);
    // An empty plan deletes every milestone.
    await setTaskPlan(taskId, []);
    expect(await listTaskMilestones(taskId)).toEqual([]);
  });

  it("lists a year's milestones by month", async () => {
    const other = (
      await addTask({
        yearId,
        code: '2',
        title: '改善民生',
        measures: [],
        targets: [],
        leaderIds: [],
        leadUnitId: unitA,
        coUnitIds: [],
        responsiblePerson: '',
        dueDate: '2026-11-30',
      })
    ).id;
    await setTaskPlan(taskId, PLAN);
    await setTaskPlan(other, [{ month: 4, text: '启动', plannedPercent: 20 }]);
    const all: Milestone[] = await listMilestones(yearId);
    expect(all.map((m) => m.month)).toEqual([3, 4, 4, 5]);
    expect(all.filter((m) => m.taskId === other)).toHaveLength(1);
    expect(await listMilestones(undefined)).toEqual([]);
    expect(await listTaskMilestones(undefined)).toEqual([]);
  });

  it.each([
    [
      'a month outside the work window',
      [{ month: 12, text: '收尾', plannedPercent: 100 }],
      '重点工作"优化营商环境"的月方案月份应在3月至11月之间（现为 12）',
    ],
    ['a month twice', [PLAN[0], PLAN[0]], '月方案中3月出现了不止一次'],
    [
      'a percent above 100',
      [{ month: 3, text: '制定方案', plannedPercent: 120 }],
      '重点工作"优化营商环境"的3月节点的计划累计进度应为0至100之间的数',
    ],
    [
      'a percent that is not a number',
      [{ month: 3, text: '制定方案', plannedPercent: Number.NaN }],
      '重点工作"优化营商环境"的3月节点的计划累计进度应为0至100之间的数',
    ],
    [
      'a percent lower than the month before',
      [PLAN[0], { month: 4, text: '完成调研', plannedPercent: 5 }],
      '重点工作"优化营商环境"的计划累计进度不能逐月减少（4月 5% 低于3月 10%）',
    ],
  ])('refuses %s and stores nothing', async (_label, months, message) => {
    await setTaskPlan(taskId, [{ month: 3, text: '旧方案', plannedPercent: 5 }]);
    const before = await allTables();
    await expect(setTaskPlan(taskId, months as PlanMonth[])).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('refuses a missing task', async () => {
    await expect(setTaskPlan('nope', PLAN)).rejects.toThrow(new DomainError('重点工作不存在（可能已被删除）'));
    expect(await db.milestones.count()).toBe(0);
  });

  it('applies the same checks to imported milestones', async () => {
    await setTaskPlan(taskId, PLAN);
    const before = await allTables();
    const row = { id: 'm-x', taskId, yearId, month: 6, text: '回落', plannedPercent: 20 };
    await expect(commitImport({ ...importOf([{ table: 'milestones', row }]), kind: 'plan' })).rejects.toThrow(
      new DomainError('重点工作"优化营商环境"的计划累计进度不能逐月减少（6月 20% 低于5月 50%）'),
    );
    expect(await allTables()).toEqual(before);
  });
});

describe('reports and submissions', () => {
  it("an import creates reports and the units' submissions in one batch, stamped with the batch, audited once; undo removes them", async () => {
    const before = await allTables();
    const seq = await lastSeq();
    const batch = await commitImport(
      importOf([
        { table: 'reports', row: { ...report('r-a5', unitA, 5) } },
        { table: 'reports', row: { ...report('r-b5', unitB, 5) } },
        { table: 'submissions', row: { ...submission('s-a5', unitA, 5) } },
        { table: 'submissions', row: { ...submission('s-b5', unitB, 5) } },
      ]),
    );
    expect(batch.counts.created).toBe(4);
    expect(await auditSince(seq)).toEqual([['create', 'importBatches']]);
    expect((await listReports(yearId, 5)).map((r) => [r.id, r.importBatchId])).toEqual([
      ['r-a5', batch.id],
      ['r-b5', batch.id],
    ]);
    expect((await listSubmissions(yearId, 'progress', 5)).map((s) => [s.id, s.importBatchId])).toEqual([
      ['s-a5', batch.id],
      ['s-b5', batch.id],
    ]);
    expect(batch.changes.every((c) => (c.after as Record<string, unknown>)['importBatchId'] === batch.id)).toBe(true);
    expect(await listSubmissions(yearId, 'plan', 0)).toEqual([]);
    expect(await listReports(yearId, 6)).toEqual([]);
    expect(await listReports(undefined, 5)).toEqual([]);
    const undoSeq = await lastSeq();
    await undoImport(batch.id);
    expect(await auditSince(undoSeq)).toEqual([['update', 'importBatches']]);
    const after = await allTables();
    expect({ ...after, audit: [], importBatches: [] }).toEqual({ ...before, audit: [], importBatches: [] });
  });

  it('a later import that changes a report records its own batch', async () => {
    const first = await commitImport(importOf([{ table: 'reports', row: { ...report('r-a5', unitA, 5) } }]));
    const second = await commitImport({
      ...importOf([], [{ table: 'reports', id: 'r-a5', patch: { percent: 45 } }]),
      files: [{ name: '5月进展-补报.xlsx', sha256: 'd'.repeat(64) }],
    });
    expect(await db.reports.get('r-a5')).toMatchObject({ percent: 45, importBatchId: second.id });
    await undoImport(second.id);
    expect(await db.reports.get('r-a5')).toMatchObject({ percent: 40, importBatchId: first.id });
  });

  it.each<[string, () => ImportChangeset['creates'], string]>([
    [
      'a second report of a unit on a task for a month',
      () => [{ table: 'reports', row: { ...report('r-a5-2', unitA, 5) } }],
      '月度进展（区发改局，重点工作"优化营商环境"，5月）已存在，不能重复',
    ],
    [
      'a second submission of a unit for a month',
      () => [{ table: 'submissions', row: { ...submission('s-a5-2', unitA, 5) } }],
      '区发改局的5月进展报送记录已存在，不能重复',
    ],
    [
      'a report of an unknown unit',
      () => [{ table: 'reports', row: { ...report('r-x', 'ghost', 6) } }],
      '月度进展（重点工作"优化营商环境"，6月）的单位不存在（可能已被删除）',
    ],
    [
      'a report with a percent above 100',
      () => [{ table: 'reports', row: { ...report('r-x', unitB, 6, { percent: 180 }) } }],
      '月度进展（区财政局，重点工作"优化营商环境"，6月）的累计进度应为0至100之间的数',
    ],
    [
      'a plan submission with a month',
      () => [{ table: 'submissions', row: { ...submission('s-x', unitB, 3, { kind: 'plan' }) } }],
      '区财政局的月方案报送记录的月份无效（月方案为0，月度进展为1至12）',
    ],
  ])('refuses %s and stores nothing', async (_label, creates, message) => {
    await commitImport(
      importOf([
        { table: 'reports', row: { ...report('r-a5', unitA, 5) } },
        { table: 'submissions', row: { ...submission('s-a5', unitA, 5) } },
      ]),
    );
    const before = await allTables();
    await expect(
      commitImport({ ...importOf(creates()), files: [{ name: 'x.xlsx', sha256: 'e'.repeat(64) }] }),
    ).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });
});

describe('setReceivedDate', () => {
  beforeEach(async () => {
    await commitImport(
      importOf([
        { table: 'reports', row: { ...report('r-a5', unitA, 5) } },
        { table: 'reports', row: { ...report('r-b5', unitB, 5) } },
        { table: 'reports', row: { ...report('r-a6', unitA, 6, { receivedDate: '2026-06-24' }) } },
        { table: 'submissions', row: { ...submission('s-a5', unitA, 5) } },
        { table: 'submissions', row: { ...submission('s-a6', unitA, 6, { receivedDate: '2026-06-24' }) } },
      ]),
    );
  });

  it.each([
    ['', '请填写更改收到日期的原因'],
    ['   ', '请填写更改收到日期的原因'],
  ])('refuses the reason %j and changes nothing', async (reason, message) => {
    const before = await allTables();
    await expect(setReceivedDate('s-a5', '2026-05-24', reason)).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('refuses a date that is not a date, and a missing submission', async () => {
    const before = await allTables();
    await expect(setReceivedDate('s-a5', '2026-02-30', '邮件24日已到')).rejects.toThrow(
      new DomainError('收到日期应为有效日期（YYYY-MM-DD）'),
    );
    await expect(setReceivedDate('nope', '2026-05-24', '邮件24日已到')).rejects.toThrow(
      new DomainError('报送记录不存在（可能已被删除）'),
    );
    expect(await allTables()).toEqual(before);
  });

  it("sets the date and the reason on the submission and on that unit's reports of that month, audited", async () => {
    const seq = await lastSeq();
    await setReceivedDate('s-a5', '2026-05-24', ' 邮件24日已到 ');
    expect(await db.submissions.get('s-a5')).toMatchObject({
      receivedDate: '2026-05-24',
      receivedDateReason: '邮件24日已到',
    });
    expect(await db.reports.get('r-a5')).toMatchObject({
      receivedDate: '2026-05-24',
      receivedDateReason: '邮件24日已到',
    });
    // Another unit's report and the same unit's other month are left alone.
    expect(await db.reports.get('r-b5')).toEqual({ ...report('r-b5', unitB, 5), importBatchId: expect.any(String) });
    expect((await db.reports.get('r-a6'))?.receivedDate).toBe('2026-06-24');
    expect(await auditSince(seq)).toEqual([
      ['update', 'submissions'],
      ['update', 'reports'],
    ]);
    // The same date and reason again write nothing.
    const again = await lastSeq();
    await setReceivedDate('s-a5', '2026-05-24', '邮件24日已到');
    expect(await lastSeq()).toBe(again);
  });
});

describe('saveFeedback', () => {
  const base = (): Parameters<typeof saveFeedback>[0] => ({
    yearId,
    month: 5,
    taskId,
    unitId: unitA,
    verdict: '属实',
    comment: ' 进展属实 ',
    explanationAccepted: true,
    date: '2026-05-29',
  });

  it('creates the feedback with the operator as reviewer, audited', async () => {
    const seq = await lastSeq();
    const saved = await saveFeedback(base());
    const expected: Feedback = {
      id: saved.id,
      yearId,
      month: 5,
      taskId,
      unitId: unitA,
      verdict: '属实',
      comment: '进展属实',
      explanationAccepted: true,
      reviewer: '张三',
      date: '2026-05-29',
    };
    expect(saved).toEqual(expected);
    expect(await listFeedback(yearId, 5)).toEqual([expected]);
    const entries: AuditEntry[] = await db.audit.where('seq').above(seq).toArray();
    expect(entries).toEqual([
      {
        seq: seq + 1,
        at: expect.any(String),
        operator: '张三',
        action: 'create',
        entity: 'feedback',
        entityId: saved.id,
        after: expected,
        prevHash: expect.any(String),
        hash: expect.any(String),
      },
    ]);
  });

  it('upserts by year, month, task and unit: same id, new reviewer and date; absent fields are cleared', async () => {
    const first = await saveFeedback(base());
    setOperator('李科长');
    const second = await saveFeedback({
      yearId,
      month: 5,
      taskId,
      unitId: unitA,
      comment: '说明不充分',
      explanationAccepted: false,
      date: '2026-05-30',
    });
    expect(second).toEqual({
      id: first.id,
      yearId,
      month: 5,
      taskId,
      unitId: unitA,
      comment: '说明不充分',
      explanationAccepted: false,
      reviewer: '李科长',
      date: '2026-05-30',
    });
    expect(await db.feedback.count()).toBe(1);
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({
      action: 'update',
      entity: 'feedback',
      entityId: first.id,
      operator: '李科长',
      before: first,
      after: second,
    });
    // Another unit or month is another feedback.
    await saveFeedback({ ...base(), unitId: unitB });
    await saveFeedback({ ...base(), month: 6 });
    expect(await db.feedback.count()).toBe(3);
    expect((await listFeedback(yearId, 5)).map((f) => f.unitId).sort()).toEqual([unitA, unitB].sort());
  });

  it('writes nothing when verdict, comment and decision are unchanged (keeps the first reviewer and date)', async () => {
    const first = await saveFeedback(base());
    const seq = await lastSeq();
    setOperator('李科长');
    expect(await saveFeedback({ ...base(), date: '2026-06-02' })).toEqual(first);
    expect(await lastSeq()).toBe(seq);
  });

  it('dates the feedback today in China when no date is given', async () => {
    const saved = await saveFeedback({ ...base(), date: undefined });
    expect(saved.date).toBe(chinaToday());
  });

  it.each([
    [
      'a bad verdict',
      { verdict: '大致属实' },
      '督查反馈（区发改局，重点工作"优化营商环境"，5月）的核查结论应为属实、基本属实或不属实',
    ],
    ['an unknown unit', { unitId: 'ghost' }, '督查反馈（重点工作"优化营商环境"，5月）的单位不存在（可能已被删除）'],
    ['an unknown task', { taskId: 'ghost' }, '督查反馈（区发改局，5月）的重点工作不存在（可能已被删除）'],
    ['a month 13', { month: 13 }, '月份应为1至12（现为 13）'],
    ['a missing year', { yearId: 'nope' }, '工作年度不存在（可能已被删除）'],
    ['a bad date', { date: '2026/05/29' }, '督查反馈的日期应为有效日期（YYYY-MM-DD）'],
  ])('refuses %s and stores nothing', async (_label, patch, message) => {
    const before = await allTables();
    await expect(saveFeedback({ ...base(), ...(patch as object) })).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('needs an operator name', async () => {
    setOperator('');
    await expect(saveFeedback(base())).rejects.toThrow(new DomainError('请先填写操作人姓名'));
    expect(await db.feedback.count()).toBe(0);
  });
});

describe('setMissingVerdicts (全部属实)', () => {
  it('gives the unjudged reviews the verdict, keeps a judged one and every comment, audited in one go', async () => {
    await updateFeedback({ yearId, month: 5, taskId, unitId: unitA }, { comment: '请补充附件' });
    const judged = await saveFeedback({ yearId, month: 5, taskId, unitId: unitB, verdict: '不属实', comment: '' });
    const seq = await lastSeq();
    setOperator('李科长');
    const written = await setMissingVerdicts(
      yearId,
      5,
      [
        { taskId, unitId: unitA },
        { taskId, unitId: unitB },
      ],
      '属实',
    );
    expect(written).toBe(1);
    const byUnit = new Map((await listFeedback(yearId, 5)).map((f) => [f.unitId, f]));
    expect(byUnit.get(unitA)).toMatchObject({ verdict: '属实', comment: '请补充附件', reviewer: '李科长' });
    expect(byUnit.get(unitB)).toEqual(judged);
    const entries = await db.audit.where('seq').above(seq).toArray();
    expect(entries.map((e) => [e.action, e.entity, e.operator])).toEqual([['update', 'feedback', '李科长']]);
  });

  it('refuses a published month and stores nothing', async () => {
    await publishMonth(yearId, 5, {});
    const before = await allTables();
    await expect(setMissingVerdicts(yearId, 5, [{ taskId, unitId: unitA }], '属实')).rejects.toThrow(DomainError);
    expect(await allTables()).toEqual(before);
  });
});
