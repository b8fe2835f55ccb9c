import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, ProgressReport, ScoreEntry } from '../core/model';
import {
  addManualEntry,
  addTask,
  addUnit,
  BASIS_CHANGED_MARK,
  confirmEntries,
  createWorkYear,
  db,
  deleteManualEntry,
  DomainError,
  ensureScoreRules,
  isBasisChanged,
  listScoreEntries,
  listScoreRules,
  publishMonth,
  reopenEntry,
  reopenMonth,
  scoreEntryId,
  setOperator,
  syncProposedEntries,
  updateScoreRule,
  waiveEntry,
  type NewWorkYear,
  type ScoreProposal,
  type ScoreRuleDefault,
} from './index';
import { TABLE_NAMES } from './schema';

const FROZEN = '5月已发布，不能修改；如需修改，请先撤销发布并说明原因';

const DEFAULTS: ScoreRuleDefault[] = [
  { id: 'late_report', name: '逾期报送', points: -2, leadUnitOnly: false, enabled: true },
  { id: 'behind', name: '进度滞后', points: -2, cap: 10, leadUnitOnly: false, enabled: true },
  { id: 'behind_unexplained', name: '滞后未说明情况', points: -3, leadUnitOnly: false, enabled: true },
  { id: 'done_early', name: '提前完成', points: 2, leadUnitOnly: true, enabled: true },
];

function yearInput(year: number): NewWorkYear {
  return {
    year,
    title: '',
    windowStartMonth: 3,
    windowEndMonth: 11,
    planDue: '03-10',
    reportDueDay: 25,
    feedbackDueDay: 30,
    completionDue: '11-30',
    extraHolidays: [],
    extraWorkdays: [],
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

function late(unitId: string, points = -2): ScoreProposal {
  return {
    key: `late_report:${unitId}`,
    unitId,
    ruleId: 'late_report',
    points,
    reason: ' 5月进展逾期报送 ',
    evidence: { file: '5月.xlsx' },
  };
}

function behind(unitId: string, points = -2): ScoreProposal {
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

describe('ensureScoreRules', () => {
  it("creates the year's copy of the rule table once, audited", async () => {
    const seq = await lastSeq();
    const rules = await ensureScoreRules(yearId, DEFAULTS);
    expect(rules.map((r) => r.id)).toEqual(['behind', 'behind_unexplained', 'done_early', 'late_report']);
    expect(rules.every((r) => r.yearId === yearId)).toBe(true);
    expect(rules.find((r) => r.id === 'behind')).toEqual({
      id: 'behind',
      yearId,
      name: '进度滞后',
      points: -2,
      cap: 10,
      leadUnitOnly: false,
      enabled: true,
    });
    expect(await listScoreRules(yearId)).toEqual(rules);
    const entries = await auditSince(seq);
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual(
      rules.map((r) => ['create', 'scoreRules', `${yearId}/${r.id}`]),
    );

    // A second call (even with other defaults) keeps the year's copy and writes nothing.
    const seq2 = await lastSeq();
    const again = await ensureScoreRules(yearId, [
      { id: 'late_report', name: '逾期', points: -9, leadUnitOnly: false, enabled: true },
    ]);
    expect(again).toEqual(rules);
    expect(await lastSeq()).toBe(seq2);

    // Another year has its own copy.
    expect(await listScoreRules(otherYearId)).toEqual([]);
    const other = await ensureScoreRules(otherYearId, DEFAULTS.slice(0, 1));
    expect(other).toEqual([{ ...DEFAULTS[0], yearId: otherYearId }]);
    expect(await listScoreRules(yearId)).toEqual(rules);
    expect(await listScoreRules(undefined)).toEqual([]);
  });

  it('keeps a changed copy: a rule edited in one year stays edited, the other year unchanged', async () => {
    await ensureScoreRules(yearId, DEFAULTS);
    await ensureScoreRules(otherYearId, DEFAULTS);
    await updateScoreRule(yearId, 'late_report', { points: -3 });
    await ensureScoreRules(yearId, DEFAULTS);
    expect((await db.scoreRules.get([yearId, 'late_report']))?.points).toBe(-3);
    expect((await db.scoreRules.get([otherYearId, 'late_report']))?.points).toBe(-2);
  });

  it.each<[string, ScoreRuleDefault[], string]>([
    ['no defaults', [], '默认评分规则为空，无法建立本年度的评分规则'],
    [
      'the code manual',
      [{ id: 'manual', name: '手工', points: 1, leadUnitOnly: false, enabled: true }],
      '规则代码"manual"留给手工加扣分，不能用作评分规则',
    ],
    [
      'a repeated code',
      [DEFAULTS[0] as ScoreRuleDefault, { ...(DEFAULTS[0] as ScoreRuleDefault), name: '另一条' }],
      '评分规则代码"late_report"重复',
    ],
    [
      'a repeated name',
      [DEFAULTS[0] as ScoreRuleDefault, { ...(DEFAULTS[1] as ScoreRuleDefault), name: '逾期报送' }],
      '评分规则名称"逾期报送"重复',
    ],
    ['an empty name', [{ ...(DEFAULTS[0] as ScoreRuleDefault), name: ' ' }], '评分规则名称不能为空'],
    [
      'points not a number',
      [{ ...(DEFAULTS[0] as ScoreRuleDefault), points: Number.NaN }],
      '评分规则"逾期报送"的分值应为有效数字',
    ],
    [
      'a cap of 0',
      [{ ...(DEFAULTS[0] as ScoreRuleDefault), cap: 0 }],
      '评分规则"逾期报送"的封顶分值应为正数（不封顶则不填）',
    ],
  ])('refuses %s and stores nothing', async (_label, defaults, message) => {
    const before = await allTables();
    await expect(ensureScoreRules(yearId, defaults)).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('refuses a missing year', async () => {
    await expect(ensureScoreRules('nope', DEFAULTS)).rejects.toThrow(new DomainError('工作年度不存在（可能已被删除）'));
  });
});

describe('updateScoreRule', () => {
  beforeEach(async () => {
    await ensureScoreRules(yearId, DEFAULTS);
  });

  it('changes the editable fields, audited; cap: undefined removes the cap', async () => {
    const seq = await lastSeq();
    const before = await db.scoreRules.get([yearId, 'behind']);
    const after = await updateScoreRule(yearId, 'behind', {
      name: ' 进度滞后（每项） ',
      points: -1,
      leadUnitOnly: true,
      enabled: false,
      cap: undefined,
    });
    expect(after).toEqual({
      id: 'behind',
      yearId,
      name: '进度滞后（每项）',
      points: -1,
      leadUnitOnly: true,
      enabled: false,
    });
    expect(await db.scoreRules.get([yearId, 'behind'])).toEqual(after);
    const entries = await auditSince(seq);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'update',
      entity: 'scoreRules',
      entityId: `${yearId}/behind`,
      operator: '张三',
      before,
      after,
    });

    // An absent cap is kept absent; a new cap is set; a patch that changes nothing logs nothing.
    expect((await updateScoreRule(yearId, 'behind', { cap: 6 })).cap).toBe(6);
    expect((await updateScoreRule(yearId, 'behind', {})).cap).toBe(6);
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
  ])('refuses %s and changes nothing', async (_label, ruleId, patch, message) => {
    const before = await allTables();
    await expect(updateScoreRule(yearId, ruleId, patch)).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('refuses a rule of a year that has no copy', async () => {
    await expect(updateScoreRule(otherYearId, 'behind', { points: -1 })).rejects.toThrow(
      new DomainError('评分规则不存在（可能已被删除）'),
    );
  });

  it('is not frozen by a published month', async () => {
    await publishMonth(yearId, 5, {});
    expect((await updateScoreRule(yearId, 'late_report', { points: -4 })).points).toBe(-4);
  });
});

// ---------------------------------------------------------------- score entries

describe('syncProposedEntries', () => {
  beforeEach(async () => {
    await ensureScoreRules(yearId, DEFAULTS);
  });

  it('stores the proposals as proposed automatic entries keyed by their key, audited', async () => {
    const seq = await lastSeq();
    expect(await syncProposedEntries(yearId, 5, [late(unitB), behind(unitA)])).toEqual({
      created: 2,
      updated: 0,
      removed: 0,
    });
    const entries = await listScoreEntries(yearId, 5);
    expect(entries).toEqual(
      [
        {
          id: scoreEntryId(yearId, 5, `late_report:${unitB}`),
          yearId,
          month: 5,
          unitId: unitB,
          ruleId: 'late_report',
          points: -2,
          reason: '5月进展逾期报送',
          state: 'proposed',
          automatic: true,
          evidence: { file: '5月.xlsx' },
        },
        {
          id: scoreEntryId(yearId, 5, `behind:${taskId}:${unitA}`),
          yearId,
          month: 5,
          unitId: unitA,
          ruleId: 'behind',
          points: -2,
          reason: '优化营商环境进度滞后',
          state: 'proposed',
          automatic: true,
          evidence: { taskId, reportId: 'r-a5', file: '发改局5月.xlsx', row: 4 },
        },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(scoreEntryId(yearId, 5, 'k')).toBe(`${yearId}:5:k`);
    expect((await auditSince(seq)).map((e) => [e.action, e.entity])).toEqual([
      ['create', 'scoreEntries'],
      ['create', 'scoreEntries'],
    ]);
    expect(await listScoreEntries(yearId, 6)).toEqual([]);
    expect(await listScoreEntries(yearId)).toEqual(entries);
    expect(await listScoreEntries(undefined, 5)).toEqual([]);
  });

  it('re-running with the same proposals writes nothing', async () => {
    await syncProposedEntries(yearId, 5, [late(unitB), behind(unitA)]);
    const seq = await lastSeq();
    expect(await syncProposedEntries(yearId, 5, [behind(unitA), late(unitB)])).toEqual({
      created: 0,
      updated: 0,
      removed: 0,
    });
    expect(await lastSeq()).toBe(seq);
  });

  it("sync twice keeps a confirmed entry's decision and points, and updates a proposed one", async () => {
    await syncProposedEntries(yearId, 5, [late(unitB), behind(unitA)]);
    const lateId = scoreEntryId(yearId, 5, `late_report:${unitB}`);
    const behindId = scoreEntryId(yearId, 5, `behind:${taskId}:${unitA}`);
    const [confirmed] = await confirmEntries([lateId]);
    // The rule's points changed: the next proposals carry −3.
    expect(await syncProposedEntries(yearId, 5, [late(unitB, -3), behind(unitA, -3)])).toEqual({
      created: 0,
      updated: 1,
      removed: 0,
    });
    expect(await entry(lateId)).toEqual(confirmed);
    expect(confirmed).toMatchObject({ state: 'confirmed', points: -2, decidedBy: '张三' });
    expect(await entry(behindId)).toMatchObject({ state: 'proposed', points: -3 });
  });

  it("keeps a waived entry's decision and note", async () => {
    await syncProposedEntries(yearId, 5, [behind(unitA)]);
    const id = scoreEntryId(yearId, 5, `behind:${taskId}:${unitA}`);
    const waived = await waiveEntry(id, '说明情况已认可');
    await syncProposedEntries(yearId, 5, [behind(unitA, -5)]);
    expect(await entry(id)).toEqual(waived);
  });

  it('removes a proposed entry whose proposal vanished; marks a decided one, once, and unmarks it when the proposal is back', async () => {
    await syncProposedEntries(yearId, 5, [late(unitA), late(unitB), behind(unitA)]);
    const lateA = scoreEntryId(yearId, 5, `late_report:${unitA}`);
    const lateB = scoreEntryId(yearId, 5, `late_report:${unitB}`);
    const behindA = scoreEntryId(yearId, 5, `behind:${taskId}:${unitA}`);
    const [confirmedB] = await confirmEntries([lateB]);
    const waivedA = await waiveEntry(behindA, '说明情况已认可');

    // The facts changed: no proposal any more for any of the three.
    const seq = await lastSeq();
    expect(await syncProposedEntries(yearId, 5, [])).toEqual({ created: 0, updated: 2, removed: 1 });
    expect(await entry(lateA)).toBeUndefined();
    const markedB = await entry(lateB);
    expect(markedB).toEqual({ ...confirmedB, reason: `5月进展逾期报送${BASIS_CHANGED_MARK}` });
    expect(await entry(behindA)).toEqual({ ...waivedA, reason: `优化营商环境进度滞后${BASIS_CHANGED_MARK}` });
    expect(markedB && isBasisChanged(markedB)).toBe(true);
    expect((await auditSince(seq)).map((e) => [e.action, e.entityId]).sort()).toEqual(
      [
        ['delete', lateA],
        ['update', behindA],
        ['update', lateB],
      ].sort(),
    );

    // Marked once: syncing again writes nothing.
    const seq2 = await lastSeq();
    expect(await syncProposedEntries(yearId, 5, [])).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(await lastSeq()).toBe(seq2);

    // The proposal is back: the mark goes, the decision stays.
    expect(await syncProposedEntries(yearId, 5, [late(unitB, -4)])).toEqual({ created: 0, updated: 1, removed: 0 });
    expect(await entry(lateB)).toEqual(confirmedB);

    // A marked entry reopened is a proposal without a fact: the next sync deletes it.
    await reopenEntry(behindA);
    await syncProposedEntries(yearId, 5, [late(unitB, -4)]);
    expect(await entry(behindA)).toBeUndefined();
  });

  it('stores a proposal with a waiveNote (an accepted explanation) as waived; a decided entry keeps its decision', async () => {
    const excused = (unitId: string): ScoreProposal => ({
      ...behind(unitId),
      key: `behind:${taskId}:${unitId}`,
      waiveNote: ' 滞后原因说明已采纳 ',
    });
    await syncProposedEntries(yearId, 5, [behind(unitA), late(unitA)]);
    const lateA = scoreEntryId(yearId, 5, `late_report:${unitA}`);
    const [confirmed] = await confirmEntries([lateA]);
    setOperator('李科长');
    expect(
      await syncProposedEntries(yearId, 5, [excused(unitA), excused(unitB), { ...late(unitA), waiveNote: '已采纳' }]),
    ).toEqual({ created: 1, updated: 1, removed: 0 });
    for (const unitId of [unitA, unitB]) {
      expect(await entry(scoreEntryId(yearId, 5, `behind:${taskId}:${unitId}`))).toMatchObject({
        unitId,
        state: 'waived',
        decisionNote: '滞后原因说明已采纳',
        decidedBy: '李科长',
        decidedAt: expect.any(String),
      });
    }
    expect(await entry(lateA)).toEqual(confirmed);
    // Decided now: syncing again writes nothing.
    const seq = await lastSeq();
    expect(await syncProposedEntries(yearId, 5, [excused(unitA), excused(unitB), late(unitA)])).toEqual({
      created: 0,
      updated: 0,
      removed: 0,
    });
    expect(await lastSeq()).toBe(seq);
    await expect(syncProposedEntries(yearId, 6, [{ ...late(unitA), waiveNote: ' ' }])).rejects.toThrow(
      new DomainError('请填写免扣原因'),
    );
  });

  it('never touches manual entries nor other months', async () => {
    const manual = await addManualEntry({ yearId, month: 5, unitId: unitA, points: 3, reason: '区长批示肯定' });
    await syncProposedEntries(yearId, 6, [{ ...late(unitA), reason: '6月逾期' }]);
    await syncProposedEntries(yearId, 5, [late(unitB)]);
    await syncProposedEntries(yearId, 5, []);
    expect(await entry(manual.id)).toEqual(manual);
    expect((await listScoreEntries(yearId, 6)).map((e) => e.reason)).toEqual(['6月逾期']);
    expect(await listScoreEntries(yearId, 5)).toEqual([manual]);
  });

  it.each<[string, () => ScoreProposal[], string | (() => string)]>([
    [
      'two proposals with one key',
      () => [late(unitA), late(unitA)],
      () => `自动加扣分的标识"late_report:${unitA}"重复`,
    ],
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
  ])('refuses %s and stores nothing', async (_label, proposals, message) => {
    await syncProposedEntries(yearId, 5, [late(unitB)]);
    await db.reports.add({ ...report('r-other', unitA, 5), yearId: otherYearId });
    const before = await allTables();
    await expect(syncProposedEntries(yearId, 5, [behind(unitA), ...proposals()])).rejects.toThrow(
      new DomainError(typeof message === 'string' ? message : message()),
    );
    expect(await allTables()).toEqual(before);
  });

  it('refuses a year without its rule table, a missing year and a month 13', async () => {
    await expect(syncProposedEntries(otherYearId, 5, [{ ...late(otherUnit), evidence: {} }])).rejects.toThrow(
      new DomainError('加扣分（区发改局，5月）的评分规则"late_report"不存在，请先建立本年度的评分规则'),
    );
    await expect(syncProposedEntries('nope', 5, [])).rejects.toThrow(new DomainError('工作年度不存在（可能已被删除）'));
    await expect(syncProposedEntries(yearId, 13, [])).rejects.toThrow(new DomainError('月份应为1至12（现为 13）'));
    expect(await db.scoreEntries.count()).toBe(0);
  });
});

describe('confirm, waive, reopen', () => {
  let lateA: string;
  let lateB: string;
  let behindA: string;

  beforeEach(async () => {
    await ensureScoreRules(yearId, DEFAULTS);
    await syncProposedEntries(yearId, 5, [late(unitA), late(unitB), behind(unitA)]);
    lateA = scoreEntryId(yearId, 5, `late_report:${unitA}`);
    lateB = scoreEntryId(yearId, 5, `late_report:${unitB}`);
    behindA = scoreEntryId(yearId, 5, `behind:${taskId}:${unitA}`);
  });

  it('confirmEntries confirms them in one audited transaction, naming the operator', async () => {
    setOperator('李科长');
    const seq = await lastSeq();
    const out = await confirmEntries([lateA, lateB, lateA]);
    expect(out.map((e) => e.id)).toEqual([lateA, lateB]);
    for (const e of out)
      expect(e).toMatchObject({ state: 'confirmed', decidedBy: '李科长', decidedAt: out[0]?.decidedAt });
    expect(await entry(lateA)).toEqual(out[0]);
    const entries = await auditSince(seq);
    expect(entries.map((e) => [e.action, e.entityId, e.operator, e.at])).toEqual([
      ['update', lateA, '李科长', out[0]?.decidedAt],
      ['update', lateB, '李科长', out[0]?.decidedAt],
    ]);
    // Confirming again changes nothing.
    setOperator('王主任');
    expect(await confirmEntries([lateA])).toEqual([out[0]]);
    expect(await confirmEntries([])).toEqual([]);
  });

  it('confirmEntries is all or nothing: a missing entry confirms none', async () => {
    const before = await allTables();
    await expect(confirmEntries([lateA, 'nope'])).rejects.toThrow(new DomainError('加扣分不存在（可能已被删除）'));
    expect(await allTables()).toEqual(before);
  });

  it.each([[''], ['   ']])('waiveEntry needs a note (%j)', async (note) => {
    const before = await allTables();
    await expect(waiveEntry(behindA, note)).rejects.toThrow(new DomainError('请填写免扣原因'));
    expect(await allTables()).toEqual(before);
  });

  it('waiveEntry waives with the note; confirming it later drops the note; reopening clears the decision', async () => {
    const waived = await waiveEntry(behindA, ' 滞后原因说明已认可 ');
    expect(waived).toMatchObject({
      state: 'waived',
      decisionNote: '滞后原因说明已认可',
      decidedBy: '张三',
      points: -2,
    });
    const seq = await lastSeq();
    expect(await waiveEntry(behindA, '滞后原因说明已认可')).toEqual(waived);
    expect(await lastSeq()).toBe(seq);
    expect((await waiveEntry(behindA, '已补交说明')).decisionNote).toBe('已补交说明');

    const [confirmed] = await confirmEntries([behindA]);
    expect(confirmed?.state).toBe('confirmed');
    expect(confirmed?.decisionNote).toBeUndefined();

    const reopened = await reopenEntry(behindA);
    expect(reopened).toEqual({
      id: behindA,
      yearId,
      month: 5,
      unitId: unitA,
      ruleId: 'behind',
      points: -2,
      reason: '优化营商环境进度滞后',
      state: 'proposed',
      automatic: true,
      evidence: { taskId, reportId: 'r-a5', file: '发改局5月.xlsx', row: 4 },
    });
    expect(await entry(behindA)).toEqual(reopened);
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'update', entity: 'scoreEntries', entityId: behindA, after: reopened });
    // Reopening a proposed entry changes nothing.
    const seq2 = await lastSeq();
    expect(await reopenEntry(behindA)).toEqual(reopened);
    expect(await lastSeq()).toBe(seq2);
  });

  it('refuses decisions without an operator, and on a missing entry', async () => {
    setOperator('');
    await expect(confirmEntries([lateA])).rejects.toThrow(new DomainError('请先填写操作人姓名'));
    await expect(waiveEntry(lateA, '理由')).rejects.toThrow(new DomainError('请先填写操作人姓名'));
    setOperator('张三');
    await expect(waiveEntry('nope', '理由')).rejects.toThrow(new DomainError('加扣分不存在（可能已被删除）'));
    await expect(reopenEntry('nope')).rejects.toThrow(new DomainError('加扣分不存在（可能已被删除）'));
    expect((await listScoreEntries(yearId, 5)).every((e) => e.state === 'proposed')).toBe(true);
  });

  it('refuses to waive or reopen a manual entry', async () => {
    const manual = await addManualEntry({ yearId, month: 5, unitId: unitA, points: -5, reason: '通报批评' });
    await expect(waiveEntry(manual.id, '理由')).rejects.toThrow(
      new DomainError('手工录入的加扣分不能免扣；如录入有误，请删除'),
    );
    await expect(reopenEntry(manual.id)).rejects.toThrow(
      new DomainError('手工录入的加扣分无需恢复为待确认；如录入有误，请删除'),
    );
    expect(await entry(manual.id)).toEqual(manual);
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
    await ensureScoreRules(yearId, DEFAULTS);
    await syncProposedEntries(yearId, 5, [late(unitA)]);
    const id = scoreEntryId(yearId, 5, `late_report:${unitA}`);
    await expect(deleteManualEntry(id)).rejects.toThrow(
      new DomainError('自动生成的加扣分不能删除；如不应扣分，请免扣'),
    );
    await expect(deleteManualEntry('nope')).rejects.toThrow(new DomainError('加扣分不存在（可能已被删除）'));
    expect(await entry(id)).toBeDefined();
  });
});

// ---------------------------------------------------------------- the freeze

describe('score entries of a published month', () => {
  let lateA: string;
  let lateB: string;
  let behindA: string;
  let manualId: string;

  beforeEach(async () => {
    await ensureScoreRules(yearId, DEFAULTS);
    await syncProposedEntries(yearId, 5, [late(unitA), late(unitB), behind(unitA)]);
    lateA = scoreEntryId(yearId, 5, `late_report:${unitA}`);
    lateB = scoreEntryId(yearId, 5, `late_report:${unitB}`);
    behindA = scoreEntryId(yearId, 5, `behind:${taskId}:${unitA}`);
    await confirmEntries([lateB]);
    manualId = (await addManualEntry({ yearId, month: 5, unitId: unitB, points: 2, reason: '荣誉表彰' })).id;
    await publishMonth(yearId, 5, { note: '5月快照' });
  });

  it.each<[string, () => Promise<unknown>]>([
    ['confirming', () => confirmEntries([lateA])],
    ['waiving', () => waiveEntry(behindA, '说明已认可')],
    ['reopening', () => reopenEntry(lateB)],
    [
      'syncing (even the same proposals)',
      () => syncProposedEntries(yearId, 5, [late(unitA), late(unitB), behind(unitA)]),
    ],
    ['syncing changed proposals', () => syncProposedEntries(yearId, 5, [late(unitA, -3)])],
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
    await syncProposedEntries(yearId, 6, [late(unitA)]);
    await confirmEntries([scoreEntryId(yearId, 6, `late_report:${unitA}`)]);
    expect((await listScoreEntries(yearId, 6)).map((e) => e.state)).toEqual(['confirmed']);
    // Confirming an entry confirmed already changes nothing, so it is not refused.
    await confirmEntries([lateB]);

    await reopenMonth(yearId, 5, '补充认定');
    await confirmEntries([lateA]);
    expect((await entry(lateA))?.state).toBe('confirmed');
  });
});
