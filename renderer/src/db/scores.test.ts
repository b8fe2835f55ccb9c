import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, ProgressReport, ScoreEntry } from '../core/model';
import {
  addManualEntry,
  addTask,
  addUnit,
  confirmProposals,
  createWorkYear,
  db,
  deleteManualEntry,
  DomainError,
  listScoreEntries,
  listScoreRules,
  publishMonth,
  reopenMonth,
  setOperator,
  updateScoreRule,
  waiveProposal,
  withdrawDecision,
  type NewWorkYear,
  type Proposal,
} from './index';
import { defaultScoreRules, scoreEntryId } from '../core/scoring';
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

async function lastSeq(): Promise<number> {
  return (await db.audit.orderBy('seq').last())?.seq ?? 0;
}

async function auditSince(seq: number): Promise<AuditEntry[]> {
  return db.audit.where('seq').above(seq).toArray();
}

let yearId: string;
let otherYearId: string;
let unitA: string;
let unitB: string;
let otherUnit: string;
let taskId: string;

function report(id: string, unitId: string, month: number): ProgressReport {
  return {
    id,
    yearId,
    month,
    taskId,
    unitId,
    isLeadUnit: unitId === unitA,
    percent: 20,
    statusWord: '滞后',
    doneThisMonth: '',
    problems: '',
    nextSteps: '',
    coordination: '',
    delayExplanation: '',
    reporter: '李四',
    phone: '',
    receivedDate: '2026-05-27',
    sourceFile: '发改局5月.xlsx',
    sourceRow: 4,
  };
}

function late(unitId: string, points = -2): Proposal {
  return {
    key: `late:${unitId}:`,
    unitId,
    ruleId: 'late',
    points,
    reason: ' 5月进展逾期报送 ',
    evidence: { file: '5月.xlsx' },
  };
}

function behind(unitId: string, points = -2): Proposal {
  return {
    key: `behind:${taskId}:${unitId}`,
    unitId,
    ruleId: 'behind',
    points,
    reason: '优化营商环境进度滞后',
    evidence: { taskId, reportId: 'r-a5', file: '发改局5月.xlsx', row: 4 },
  };
}

async function entry(id: string): Promise<ScoreEntry | undefined> {
  return db.scoreEntries.get(id);
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
  otherYearId = (await createWorkYear(yearInput(2025))).id;
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
  otherUnit = (
    await addUnit({
      yearId: otherYearId,
      name: '区发改局',
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
  await db.reports.add(report('r-a5', unitA, 5));
});

// ---------------------------------------------------------------- rule table

describe('updateScoreRule', () => {
  it("reads the defaults until the office edits a rule; the first edit stores the year's copy, audited", async () => {
    expect(await listScoreRules(yearId)).toEqual([]);
    const seq = await lastSeq();
    const after = await updateScoreRule(yearId, 'behind', {
      name: ' 进度滞后（每项） ',
      points: -1,
      leadUnitOnly: false,
      enabled: false,
      cap: 6,
    });
    expect(after).toEqual({
      id: 'behind',
      yearId,
      name: '进度滞后（每项）',
      points: -1,
      cap: 6,
      leadUnitOnly: false,
      enabled: false,
    });
    const rules = await listScoreRules(yearId);
    expect(rules.map((r) => r.id).sort()).toEqual(defaultScoreRules.map((r) => r.id).sort());
    expect(rules.find((r) => r.id === 'late')).toEqual({ ...defaultScoreRules.find((r) => r.id === 'late'), yearId });
    const entries = await auditSince(seq);
    expect(
      entries
        .filter((e) => e.action === 'create')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual(defaultScoreRules.map((r) => `${yearId}/${r.id}`).sort());
    expect(entries.at(-1)).toMatchObject({
      action: 'update',
      entity: 'scoreRules',
      entityId: `${yearId}/behind`,
      after,
    });
    // The other year still reads the defaults.
    expect(await listScoreRules(otherYearId)).toEqual([]);

    // cap: undefined removes the cap; an absent cap is kept; a patch that changes nothing logs nothing.
    expect((await updateScoreRule(yearId, 'behind', { cap: undefined })).cap).toBeUndefined();
    expect((await updateScoreRule(yearId, 'behind', { cap: 8 })).cap).toBe(8);
    expect((await updateScoreRule(yearId, 'behind', {})).cap).toBe(8);
    const seq2 = await lastSeq();
    await updateScoreRule(yearId, 'behind', { points: -1 });
    expect(await lastSeq()).toBe(seq2);
  });

  it.each<[string, string, Parameters<typeof updateScoreRule>[2], string]>([
    ['a missing rule', 'nope', { points: -1 }, '评分规则不存在（可能已被删除）'],
    ['an empty name', 'behind', { name: '  ' }, '评分规则名称不能为空'],
    ['a name of another rule', 'behind', { name: '逾期报送' }, '评分规则名称"逾期报送"重复'],
    ['points not a number', 'behind', { points: Number.POSITIVE_INFINITY }, '评分规则"进度滞后"的分值应为有效数字'],
    ['a negative cap', 'behind', { cap: -5 }, '评分规则"进度滞后"的封顶分值应为正数（不封顶则不填）'],
  ])('refuses %s and changes nothing (not even the copy)', async (_label, ruleId, patch, message) => {
    const before = await allTables();
    await expect(updateScoreRule(yearId, ruleId, patch)).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('refuses a missing year', async () => {
    await expect(updateScoreRule('nope', 'behind', { points: -1 })).rejects.toThrow(
      new DomainError('工作年度不存在（可能已被删除）'),
    );
  });

  it('is not frozen by a published month', async () => {
    await publishMonth(yearId, 5, {});
    expect((await updateScoreRule(yearId, 'late', { points: -4 })).points).toBe(-4);
  });
});

// ---------------------------------------------------------------- decisions

describe('confirm, waive, withdraw', () => {
  const lateId = (unitId: string) => scoreEntryId(yearId, 5, `late:${unitId}:`);
  const behindId = (unitId: string) => scoreEntryId(yearId, 5, `behind:${taskId}:${unitId}`);

  it('confirmProposals stores each as a confirmed decision under its id, in one audited transaction', async () => {
    setOperator('李科长');
    const seq = await lastSeq();
    const out = await confirmProposals(yearId, 5, [late(unitA), behind(unitA)]);
    expect(out.map((e) => e.id)).toEqual([lateId(unitA), behindId(unitA)]);
    expect(await db.scoreEntries.get(behindId(unitA))).toEqual({
      id: behindId(unitA),
      yearId,
      month: 5,
      unitId: unitA,
      ruleId: 'behind',
      points: -2,
      reason: '优化营商环境进度滞后',
      state: 'confirmed',
      automatic: true,
      evidence: { taskId, reportId: 'r-a5', file: '发改局5月.xlsx', row: 4 },
      decidedBy: '李科长',
      decidedAt: out[0]?.decidedAt,
    });
    expect((await entry(lateId(unitA)))?.reason).toBe('5月进展逾期报送');
    expect((await auditSince(seq)).map((e) => [e.action, e.entityId, e.operator])).toEqual([
      ['create', lateId(unitA), '李科长'],
      ['create', behindId(unitA), '李科长'],
    ]);
    // Confirming again changes nothing.
    const seq2 = await lastSeq();
    setOperator('王主任');
    expect(await confirmProposals(yearId, 5, [late(unitA)])).toEqual([]);
    expect(await confirmProposals(yearId, 5, [])).toEqual([]);
    expect(await lastSeq()).toBe(seq2);
    expect(await listScoreEntries(yearId, 6)).toEqual([]);
  });

  it.each([[''], ['   ']])('waiveProposal needs a note (%j)', async (note) => {
    const before = await allTables();
    await expect(waiveProposal(yearId, 5, behind(unitA), note)).rejects.toThrow(new DomainError('请填写免扣原因'));
    expect(await allTables()).toEqual(before);
  });

  it('waives with the note; confirming it later drops the note; withdrawing deletes the decision, audited', async () => {
    const waived = await waiveProposal(yearId, 5, behind(unitA), ' 滞后原因说明已认可 ');
    expect(waived).toMatchObject({
      state: 'waived',
      decisionNote: '滞后原因说明已认可',
      decidedBy: '张三',
      points: -2,
    });
    const seq = await lastSeq();
    expect(await waiveProposal(yearId, 5, behind(unitA), '滞后原因说明已认可')).toEqual(waived);
    expect(await lastSeq()).toBe(seq);
    expect((await waiveProposal(yearId, 5, behind(unitA), '已补交说明')).decisionNote).toBe('已补交说明');

    const [confirmed] = await confirmProposals(yearId, 5, [behind(unitA)]);
    expect(confirmed?.state).toBe('confirmed');
    expect(confirmed?.decisionNote).toBeUndefined();

    await withdrawDecision(behindId(unitA));
    expect(await entry(behindId(unitA))).toBeUndefined();
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      action: 'delete',
      entity: 'scoreEntries',
      entityId: behindId(unitA),
      before: confirmed,
    });
  });

  it.each<[string, () => Proposal[], string | (() => string)]>([
    ['two proposals with one key', () => [late(unitA), late(unitA)], () => `自动加扣分的标识"late:${unitA}:"重复`],
    ['an empty key', () => [{ ...late(unitA), key: '' }], '自动加扣分缺少标识（key）'],
    [
      "a rule not in the year's table",
      () => [{ ...late(unitA), ruleId: 'nope' }],
      '加扣分（区发改局，5月）的评分规则"nope"不存在，请先建立本年度的评分规则',
    ],
    [
      'the manual rule',
      () => [{ ...late(unitA), ruleId: 'manual' }],
      '加扣分（区发改局，5月）的评分规则"manual"不存在，请先建立本年度的评分规则',
    ],
    ['a unit of another year', () => [late(otherUnit)], '加扣分（5月）的单位不存在（可能已被删除）'],
    ['an empty reason', () => [{ ...late(unitA), reason: '  ' }], '加扣分（区发改局，5月）的原因不能为空'],
    ['points not a number', () => [late(unitA, Number.NaN)], '加扣分（区发改局，5月）的分值应为有效数字'],
    [
      'a missing task as evidence',
      () => [{ ...late(unitA), evidence: { taskId: 'nope' } }],
      '加扣分（区发改局，5月）所依据的重点工作不存在（可能已被删除）',
    ],
    [
      'a missing report as evidence',
      () => [{ ...late(unitA), evidence: { reportId: 'nope' } }],
      '加扣分（区发改局，5月）所依据的月度进展不存在（可能已被删除）',
    ],
    [
      'a report of another year as evidence',
      () => [{ ...late(unitA), evidence: { reportId: 'r-other' } }],
      '加扣分（区发改局，5月）所依据的月度进展不存在（可能已被删除）',
    ],
    [
      'a row number that is not a whole number',
      () => [{ ...late(unitA), evidence: { row: 2.5 } }],
      '加扣分（区发改局，5月）的数据不完整（依据行号）',
    ],
  ])('confirmProposals refuses %s and stores nothing', async (_label, proposals, message) => {
    await confirmProposals(yearId, 5, [late(unitB)]);
    await db.reports.add({ ...report('r-other', unitA, 5), yearId: otherYearId });
    const before = await allTables();
    await expect(confirmProposals(yearId, 5, [behind(unitA), ...proposals()])).rejects.toThrow(
      new DomainError(typeof message === 'string' ? message : message()),
    );
    expect(await allTables()).toEqual(before);
  });

  it('refuses a missing year, a month 13, no operator, and withdrawing a missing or manual entry', async () => {
    await expect(confirmProposals('nope', 5, [])).rejects.toThrow(new DomainError('工作年度不存在（可能已被删除）'));
    await expect(confirmProposals(yearId, 13, [])).rejects.toThrow(new DomainError('月份应为1至12（现为 13）'));
    setOperator('');
    await expect(confirmProposals(yearId, 5, [late(unitA)])).rejects.toThrow(new DomainError('请先填写操作人姓名'));
    await expect(waiveProposal(yearId, 5, late(unitA), '理由')).rejects.toThrow(new DomainError('请先填写操作人姓名'));
    setOperator('张三');
    await expect(withdrawDecision('nope')).rejects.toThrow(new DomainError('加扣分不存在（可能已被删除）'));
    const manual = await addManualEntry({ yearId, month: 5, unitId: unitA, points: -5, reason: '通报批评' });
    await expect(withdrawDecision(manual.id)).rejects.toThrow(
      new DomainError('手工录入的加扣分无需撤回；如录入有误，请删除'),
    );
    expect(await listScoreEntries(yearId, 5)).toEqual([manual]);
  });
});

describe('manual entries', () => {
  it('addManualEntry stores a confirmed manual entry, audited; deleteManualEntry removes it, audited', async () => {
    const seq = await lastSeq();
    const added = await addManualEntry({ yearId, month: 5, unitId: unitA, points: 3, reason: ' 区长批示肯定 ' });
    expect(added).toEqual({
      id: expect.any(String),
      yearId,
      month: 5,
      unitId: unitA,
      ruleId: 'manual',
      points: 3,
      reason: '区长批示肯定',
      state: 'confirmed',
      automatic: false,
      decidedBy: '张三',
      decidedAt: expect.any(String),
    });
    expect(await listScoreEntries(yearId, 5)).toEqual([added]);
    await deleteManualEntry(added.id);
    expect(await listScoreEntries(yearId, 5)).toEqual([]);
    expect((await auditSince(seq)).map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['create', 'scoreEntries', added.id],
      ['delete', 'scoreEntries', added.id],
    ]);
  });

  it.each<[string, Partial<Parameters<typeof addManualEntry>[0]>, string]>([
    ['no reason', { reason: '' }, '请填写加扣分原因'],
    ['a blank reason', { reason: '   ' }, '请填写加扣分原因'],
    ['0 points', { points: 0 }, '加扣分的分值不能为0'],
    ['points not a number', { points: Number.NaN }, '加扣分（区发改局，5月）的分值应为有效数字'],
    ['a month 0', { month: 0 }, '月份应为1至12（现为 0）'],
    ['a missing year', { yearId: 'nope' }, '工作年度不存在（可能已被删除）'],
    ['a unit of another year', { unitId: 'other' }, '加扣分（5月）的单位不存在（可能已被删除）'],
  ])('addManualEntry refuses %s and stores nothing', async (_label, more, message) => {
    const before = await allTables();
    await expect(
      addManualEntry({ yearId, month: 5, unitId: unitA, points: 3, reason: '批示肯定', ...more }),
    ).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('addManualEntry needs an operator', async () => {
    setOperator('');
    await expect(addManualEntry({ yearId, month: 5, unitId: unitA, points: 3, reason: '批示肯定' })).rejects.toThrow(
      new DomainError('请先填写操作人姓名'),
    );
  });

  it('deleteManualEntry refuses an automatic entry and a missing one', async () => {
    await confirmProposals(yearId, 5, [late(unitA)]);
    const id = scoreEntryId(yearId, 5, `late:${unitA}:`);
    await expect(deleteManualEntry(id)).rejects.toThrow(
      new DomainError('自动生成的加扣分不能删除；如不应扣分，请免扣'),
    );
    await expect(deleteManualEntry('nope')).rejects.toThrow(new DomainError('加扣分不存在（可能已被删除）'));
    expect(await entry(id)).toBeDefined();
  });
});

// ---------------------------------------------------------------- the freeze

describe('score entries of a published month', () => {
  let lateB: string;
  let manualId: string;

  beforeEach(async () => {
    await confirmProposals(yearId, 5, [late(unitB)]);
    lateB = scoreEntryId(yearId, 5, `late:${unitB}:`);
    manualId = (await addManualEntry({ yearId, month: 5, unitId: unitB, points: 2, reason: '荣誉表彰' })).id;
    await publishMonth(yearId, 5, { note: '5月快照' });
  });

  it.each<[string, () => Promise<unknown>]>([
    ['confirming', () => confirmProposals(yearId, 5, [late(unitA)])],
    ['waiving', () => waiveProposal(yearId, 5, behind(unitA), '说明已认可')],
    ['withdrawing', () => withdrawDecision(lateB)],
    [
      'adding a manual entry',
      () => addManualEntry({ yearId, month: 5, unitId: unitA, points: -1, reason: '通报批评' }),
    ],
    ['deleting a manual entry', () => deleteManualEntry(manualId)],
  ])('refuses %s and changes nothing', async (_label, write) => {
    const before = await allTables();
    await expect(write()).rejects.toThrow(new DomainError(FROZEN));
    expect(await allTables()).toEqual(before);
  });

  it('lets other months be scored, and the month again once reopened', async () => {
    await confirmProposals(yearId, 6, [late(unitA)]);
    expect((await listScoreEntries(yearId, 6)).map((e) => e.state)).toEqual(['confirmed']);
    await reopenMonth(yearId, 5, '补充认定');
    await confirmProposals(yearId, 5, [late(unitA)]);
    expect((await entry(scoreEntryId(yearId, 5, `late:${unitA}:`)))?.state).toBe('confirmed');
  });
});
