import { describe, expect, it } from 'vitest';
import { dueDate, isOpenInMonth } from './calendar';
import { defaultGroupForKind, type ProgressReport } from './model';
import { assessTaskMonth, dueMonthIndex } from './progress';
import { MANUAL_RULE_ID } from './scoring';
import {
  generateSample,
  sampleCounts,
  SAMPLE_OPEN_MONTH,
  SAMPLE_PUBLISHED_MONTHS,
  SAMPLE_TITLE,
  SAMPLE_YEAR,
  type SampleData,
} from './sample';

const data = generateSample({ idPrefix: 'p' });
const rowsOf = (d: SampleData) =>
  Object.entries(d).flatMap(([table, value]) =>
    (Array.isArray(value) ? value : [value]).map((row) => ({ table, row: row as { id: string; yearId?: string } })),
  );

describe('generateSample', () => {
  it('is a past work year marked as a sample, with the default calendar', () => {
    expect(data.year).toMatchObject({
      year: SAMPLE_YEAR,
      title: SAMPLE_TITLE,
      sample: true,
      windowStartMonth: 3,
      windowEndMonth: 11,
      planDue: '03-10',
      reportDueDay: 25,
      feedbackDueDay: 30,
    });
    expect(SAMPLE_TITLE).toContain('示例数据');
  });

  it('has the cast and the work of a district: counts', () => {
    const counts = sampleCounts(data);
    expect(counts).toMatchObject({
      year: 1,
      units: 12,
      leaders: 4,
      sections: 5,
      tasks: 20,
      scoreRules: 6,
      monthStates: 8,
      rankings: 8,
      reviews: 4,
      interviews: 1,
    });
    // Every ranking group, several units each, every unit with aliases.
    const groups = new Map<string, number>();
    for (const u of data.units) groups.set(u.rankingGroup, (groups.get(u.rankingGroup) ?? 0) + 1);
    expect(groups).toEqual(
      new Map([
        ['区级部门', 5],
        ['镇街', 4],
        ['国企和平台', 3],
      ]),
    );
    for (const u of data.units) {
      expect(u.rankingGroup).toBe(defaultGroupForKind[u.kind]);
      expect(u.aliases.length).toBeGreaterThan(0);
      expect(u.contactPerson).not.toBe('');
    }
    // Every task has its three lists: measures, targets, responsibility.
    for (const t of data.tasks) {
      expect(t.measures.length).toBeGreaterThan(1);
      expect(t.targets.length).toBeGreaterThan(0);
      expect(t.leaderIds.length).toBeGreaterThan(0);
      expect(t.leadUnitId).toBeDefined();
      expect(t.sectionId).toBeDefined();
      expect(t.dueDate.startsWith(`${SAMPLE_YEAR}-`)).toBe(true);
    }
    expect(data.tasks.some((t) => t.coUnitIds.length > 0)).toBe(true);
    expect(data.tasks.some((t) => t.targets.some((g) => g.value !== undefined && g.unit))).toBe(true);
    // Every unit leads a task; every section and leader has one.
    for (const u of data.units)
      expect(data.tasks.some((t) => t.leadUnitId === u.id || t.coUnitIds.includes(u.id))).toBe(true);
    for (const s of data.sections) expect(data.tasks.some((t) => t.sectionId === s.id)).toBe(true);
    for (const l of data.leaders) expect(data.tasks.some((t) => t.leaderIds.includes(l.id))).toBe(true);
  });

  it('is deterministic: the same prefix gives the same rows, another prefix only other ids', () => {
    expect(generateSample({ idPrefix: 'p' })).toEqual(data);
    const other = generateSample({ idPrefix: 'q' });
    expect(JSON.parse(JSON.stringify(other).replaceAll('q-', 'p-'))).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('gives every row a unique id, the prefix and the sample year', () => {
    const rows = rowsOf(data);
    const keys = rows.map(({ table, row }) => `${table}/${row.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { table, row } of rows) {
      if (table === 'scoreRules') continue; // keyed by [yearId+id]: the rule codes
      expect(row.id.startsWith('p')).toBe(true);
      if (table !== 'year') expect(row.yearId).toBe(data.year.id);
    }
  });

  it('plans every task month by month inside the workWindow, rising to 100 % in the due month', () => {
    const taskIds = new Set(data.tasks.map((t) => t.id));
    for (const m of data.milestones) expect(taskIds.has(m.taskId)).toBe(true);
    for (const task of data.tasks) {
      const plan = data.milestones.filter((m) => m.taskId === task.id).sort((a, b) => a.month - b.month);
      const due = dueMonthIndex(task.dueDate, data.year);
      expect(plan.map((m) => m.month)).toEqual(Array.from({ length: due - 2 }, (_, i) => i + 3));
      for (let i = 1; i < plan.length; i += 1)
        expect(plan[i]!.plannedPercent).toBeGreaterThanOrEqual(plan[i - 1]!.plannedPercent);
      expect(plan.at(-1)!.plannedPercent).toBe(100);
      for (const m of plan) expect(m.text).not.toBe('');
    }
  });

  it('reports months 3–11 from the units that owe them, each row from a sheet that was received', () => {
    const tasks = new Map(data.tasks.map((t) => [t.id, t]));
    const units = new Set(data.units.map((u) => u.id));
    const seen = new Set<string>();
    for (const r of data.reports) {
      const task = tasks.get(r.taskId)!;
      expect(task).toBeDefined();
      expect(units.has(r.unitId)).toBe(true);
      expect(r.month).toBeGreaterThanOrEqual(3);
      expect(r.month).toBeLessThanOrEqual(SAMPLE_OPEN_MONTH);
      expect(isOpenInMonth(task, SAMPLE_YEAR, r.month)).toBe(true);
      expect(r.isLeadUnit).toBe(task.leadUnitId === r.unitId);
      expect(r.isLeadUnit || task.coUnitIds.includes(r.unitId)).toBe(true);
      expect(r.percent).toBeGreaterThanOrEqual(0);
      expect(r.percent).toBeLessThanOrEqual(100);
      const key = `${r.taskId}/${r.unitId}/${r.month}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const sheet = data.submissions.find(
        (s) => s.kind === 'progress' && s.month === r.month && s.unitId === r.unitId,
      )!;
      expect(sheet).toBeDefined();
      expect(r.receivedDate).toBe(sheet.receivedDate);
      expect(r.sourceFile).toBe(sheet.fileName);
    }
    expect(new Set(data.reports.map((r) => r.month))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9, 10, 11]));
    // One sheet per unit and month; a plan sheet from every unit.
    const sheets = data.submissions.map((s) => `${s.kind}/${s.month}/${s.unitId}`);
    expect(new Set(sheets).size).toBe(sheets.length);
    expect(data.submissions.filter((s) => s.kind === 'plan')).toHaveLength(data.units.length);
    // A lead unit's cumulative percent never goes down.
    for (const task of data.tasks) {
      const lead = data.reports.filter((r) => r.taskId === task.id && r.isLeadUnit).sort((a, b) => a.month - b.month);
      for (let i = 1; i < lead.length; i += 1) expect(lead[i]!.percent).toBeGreaterThanOrEqual(lead[i - 1]!.percent);
    }
  });

  it('has a realistic mix: every status, late sheets, missing sheets, explanations given and not', () => {
    const statuses = new Set<string>();
    const assess = (r: ProgressReport) => {
      const task = data.tasks.find((t) => t.id === r.taskId)!;
      return assessTaskMonth({
        task,
        milestones: data.milestones.filter((m) => m.taskId === task.id),
        month: r.month,
        workWindow: data.year,
        report: r,
        today: '2025-12-31',
      });
    };
    for (const r of data.reports.filter((x) => x.isLeadUnit)) {
      const a = assess(r);
      statuses.add(a.status);
      if (a.status === 'behind' || a.status === 'not_started') expect(r.problems).not.toBe('');
      else expect(r.delayExplanation).toBe('');
    }
    expect(statuses).toEqual(new Set(['done', 'ahead', 'on_track', 'behind', 'not_started']));
    const lead = data.reports.filter((r) => r.isLeadUnit);
    expect(lead.some((r) => ['behind', 'not_started'].includes(assess(r).status) && r.delayExplanation !== '')).toBe(
      true,
    );
    expect(lead.some((r) => ['behind', 'not_started'].includes(assess(r).status) && r.delayExplanation === '')).toBe(
      true,
    );
    expect(lead.some((r) => assess(r).mismatch !== undefined)).toBe(true);
    const late = data.submissions.filter(
      (s) => s.kind === 'progress' && s.receivedDate > dueDate(data.year, 'report', s.month).due,
    );
    expect(late.length).toBeGreaterThanOrEqual(3);
    const rules = new Set(data.scoreEntries.map((e) => e.ruleId));
    expect(rules).toEqual(
      new Set(['late', 'missing', 'behind', 'behind_unexplained', 'behind_twice', 'done_early', MANUAL_RULE_ID]),
    );
  });

  it('reviews the reports: every one of a published month, part of the open one', () => {
    const reportKeys = new Set(data.reports.map((r) => `${r.taskId}/${r.unitId}/${r.month}`));
    for (const f of data.feedback) {
      expect(reportKeys.has(`${f.taskId}/${f.unitId}/${f.month}`)).toBe(true);
      expect(['属实', '基本属实', '不属实']).toContain(f.verdict);
      expect(f.date.startsWith(`${SAMPLE_YEAR}-`)).toBe(true);
    }
    for (const m of SAMPLE_PUBLISHED_MONTHS)
      expect(data.feedback.filter((f) => f.month === m)).toHaveLength(data.reports.filter((r) => r.month === m).length);
    const open = data.feedback.filter((f) => f.month === SAMPLE_OPEN_MONTH).length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(data.reports.filter((r) => r.month === SAMPLE_OPEN_MONTH).length);
    expect(data.feedback.some((f) => f.explanationAccepted === true)).toBe(true);
    expect(data.feedback.some((f) => f.explanationAccepted === false)).toBe(true);
    expect(new Set(data.feedback.map((f) => f.verdict))).toEqual(new Set(['属实', '基本属实', '不属实']));
  });

  it('scores: published months decided, the open month waiting for the reviewer, evidence that exists', () => {
    const units = new Set(data.units.map((u) => u.id));
    const reports = new Set(data.reports.map((r) => r.id));
    const tasks = new Set(data.tasks.map((t) => t.id));
    const rules = new Set(data.scoreRules.map((r) => r.id));
    for (const e of data.scoreEntries) {
      expect(units.has(e.unitId)).toBe(true);
      expect(e.automatic ? rules.has(e.ruleId) : e.ruleId === MANUAL_RULE_ID).toBe(true);
      if (e.evidence?.taskId) expect(tasks.has(e.evidence.taskId)).toBe(true);
      if (e.evidence?.reportId) expect(reports.has(e.evidence.reportId)).toBe(true);
      if (e.state === 'waived') expect(e.decisionNote).toBeTruthy();
      // Only decisions are stored: proposals follow from the facts.
      expect(e.state).not.toBe('proposed');
      if (e.automatic)
        expect(e.id).toBe(`${data.year.id}:${e.month}:${e.ruleId}:${e.unitId}:${e.evidence?.taskId ?? ''}`);
    }
    // The open month waits for the reviewer: nothing of it is decided yet.
    expect(data.scoreEntries.filter((e) => e.month === SAMPLE_OPEN_MONTH && e.automatic)).toEqual([]);
    expect(data.scoreEntries.some((e) => e.state === 'waived' && e.ruleId === 'late')).toBe(true);
    expect(
      data.scoreEntries
        .filter((e) => !e.automatic)
        .map((e) => Math.sign(e.points))
        .sort(),
    ).toEqual([-1, 1]);
  });

  it('publishes months 3–10 with their snapshots; records the 约谈 the rules suggest', () => {
    expect(data.monthStates.map((s) => [s.month, s.state])).toEqual(
      SAMPLE_PUBLISHED_MONTHS.map((m) => [m, 'published']),
    );
    expect(
      data.monthStates.every(
        (s) => s.id === `${data.year.id}:${s.month}` && s.publishedAt?.startsWith(`${SAMPLE_YEAR}-`),
      ),
    ).toBe(true);
    expect(data.rankings.map((r) => [r.month, r.period])).toEqual(SAMPLE_PUBLISHED_MONTHS.map((m) => [m, 'month']));
    const [interview] = data.interviews;
    expect(interview).toMatchObject({ suggested: true });
    expect(data.units.some((u) => u.id === interview!.unitId)).toBe(true);
    expect(SAMPLE_PUBLISHED_MONTHS).toContain(interview!.month);
    expect(interview!.reason).not.toBe('');
  });

  it('fills the evaluation and retrospective tables', () => {
    const units = new Set(data.units.map((u) => u.id));
    const tasks = new Set(data.tasks.map((t) => t.id));
    for (const e of data.evaluations) {
      expect(['企业', '群众', '第三方机构']).toContain(e.rater);
      expect(e.score).toBeGreaterThanOrEqual(0);
      expect(e.score).toBeLessThanOrEqual(100);
      expect(Number.isInteger(e.sampleSize) && (e.sampleSize ?? 0) > 0).toBe(true);
      expect((e.unitId !== undefined) !== (e.taskId !== undefined)).toBe(true);
      if (e.unitId) expect(units.has(e.unitId)).toBe(true);
      if (e.taskId) expect(tasks.has(e.taskId)).toBe(true);
    }
    expect(new Set(data.evaluations.map((e) => e.rater))).toEqual(new Set(['企业', '群众', '第三方机构']));
    for (const u of data.units) expect(data.evaluations.some((e) => e.unitId === u.id)).toBe(true);
    for (const r of data.reviews) {
      expect(tasks.has(r.taskId)).toBe(true);
      for (const text of [r.recallGoals, r.assessResults, r.analyseCauses, r.lessons])
        expect(text.length).toBeGreaterThan(10);
    }
  });
});
