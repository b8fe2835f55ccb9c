import { describe, expect, it } from 'vitest';
import type { Evaluation, Feedback, ProgressReport, Task } from './model';
import {
  analyseCausesDraft,
  assessResultsDraft,
  finalProgress,
  isUnfinished,
  lastMonthOf,
  nextYearPlanDraft,
  recallGoalsDraft,
  reviewDrafts,
  reviewFacts,
  reviewSections,
  reviewStateOf,
  reviewStateText,
  summariseEvaluations,
  type ReviewNames,
} from './review';

const workWindow = { year: 2026, windowStartMonth: 3, windowEndMonth: 11 };

const task: Task = {
  id: 't1',
  yearId: 'y',
  code: '3',
  title: '提高制造业投资比重',
  measures: [{ text: '引进大好高项目' }, { text: '技改奖补' }],
  targets: [{ text: '制造业投资占比提高到', value: 40, unit: '%' }],
  leaderIds: ['l1'],
  leadUnitId: 'u1',
  coUnitIds: ['u2'],
  responsiblePerson: '王五',
  dueDate: '2026-11-30',
};

function report(month: number, percent: number, more: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: `r${month}${more.unitId ?? 'u1'}`,
    yearId: 'y',
    month,
    taskId: 't1',
    unitId: 'u1',
    isLeadUnit: true,
    percent,
    statusWord: '',
    doneThisMonth: '',
    problems: '',
    nextSteps: '',
    coordination: '',
    delayExplanation: '',
    reporter: '',
    phone: '',
    receivedDate: '2026-05-25',
    ...more,
  };
}

function feedback(month: number, comment: string, more: Partial<Feedback> = {}): Feedback {
  return {
    id: `f${month}`,
    yearId: 'y',
    month,
    taskId: 't1',
    unitId: 'u1',
    comment,
    reviewer: '钱主任',
    date: '2026-05-30',
    ...more,
  };
}

const names: ReviewNames = {
  leaders: ['张明'],
  leadUnit: '区经信局',
  coUnits: ['区发改局'],
  unitName: (id) => ({ u1: '区经信局', u2: '区发改局' })[id] ?? '',
};

describe('finalProgress and isUnfinished', () => {
  it.each([
    ['the latest lead-unit report sets it', [report(4, 30), report(6, 60), report(5, 45)], { percent: 60, month: 6 }],
    ['co-units do not count', [report(4, 30), report(6, 100, { unitId: 'u2' })], { percent: 30, month: 4 }],
    ['no report: null', [], { percent: null }],
    ['other tasks do not count', [report(5, 100, { taskId: 't2' })], { percent: null }],
  ])('%s', (_label, reports, expected) => {
    expect(finalProgress(task, reports)).toEqual(expected);
  });

  it('a task without a lead unit has no final percent', () => {
    expect(finalProgress({ id: 't1' }, [report(5, 100)])).toEqual({ percent: null });
  });

  it.each([
    [{ percent: null }, true],
    [{ percent: 0, month: 3 }, true],
    [{ percent: 99.9, month: 11 }, true],
    [{ percent: 100, month: 9 }, false],
  ])('%j unfinished: %s', (final, expected) => {
    expect(isUnfinished(final)).toBe(expected);
  });
});

describe('reviewFacts', () => {
  const input = {
    task,
    workWindow,
    milestones: [],
    feedback: [],
    evaluations: [],
    lastMonth: 6,
    reports: [
      report(3, 11),
      report(4, 22),
      // May: 20 against 33.3 expected: behind by 13.3 → yellow; with an explanation.
      report(5, 20, { delayExplanation: '项目审批延后' }),
      report(5, 30, { unitId: 'u2', isLeadUnit: false, delayExplanation: ' 配合单位说明 ' }),
      // June: no lead report.
      report(7, 90),
    ],
  };

  it('judges each month up to lastMonth as at its end: lights history, behind and missing months', () => {
    const facts = reviewFacts(input);
    expect(facts.months.map((m) => [m.month, m.status, m.light])).toEqual([
      [3, 'on_track', 'green'],
      [4, 'on_track', 'green'],
      [5, 'behind', 'yellow'],
      [6, 'no_report', 'red'],
    ]);
    expect(facts.behindMonths).toEqual([5]);
    expect(facts.missingMonths).toEqual([6]);
    // July is after lastMonth: its report does not count.
    expect(facts.final).toEqual({ percent: 20, month: 5 });
  });

  it('collects the explanations of every unit and the office comments, by month', () => {
    const facts = reviewFacts({
      ...input,
      feedback: [
        feedback(5, '说明属实，需加快审批', { verdict: '属实' }),
        feedback(4, '', { verdict: '基本属实' }),
        feedback(3, ''),
        feedback(5, '别的任务', { taskId: 't2' }),
      ],
    });
    expect(facts.explanations).toEqual([
      { month: 5, unitId: 'u1', text: '项目审批延后' },
      { month: 5, unitId: 'u2', text: '配合单位说明' },
    ]);
    expect(facts.comments).toEqual([
      { month: 4, unitId: 'u1', text: '', verdict: '基本属实' },
      { month: 5, unitId: 'u1', text: '说明属实，需加快审批', verdict: '属实' },
    ]);
  });

  it('leaves out months after the task is due', () => {
    const facts = reviewFacts({ ...input, task: { ...task, dueDate: '2026-04-30' }, lastMonth: 11 });
    expect(facts.months.map((m) => m.month)).toEqual([3, 4]);
  });
});

describe('summariseEvaluations', () => {
  const ev = (id: string, more: Partial<Evaluation>): Evaluation => ({
    id,
    yearId: 'y',
    rater: '企业',
    score: 90,
    sampleSize: 10,
    ...more,
  });

  it('weights by sample size, per scope and rater, the task before its lead unit', () => {
    expect(
      summariseEvaluations(task, [
        ev('1', { unitId: 'u1', rater: '群众', score: 80, sampleSize: 100 }),
        ev('2', { taskId: 't1', score: 90, sampleSize: 30 }),
        ev('3', { taskId: 't1', score: 80, sampleSize: 10 }),
        ev('4', { unitId: 'u2', score: 10 }),
        ev('5', { taskId: 't2', score: 10 }),
      ]),
    ).toEqual([
      { scope: 'task', rater: '企业', score: 87.5, sampleSize: 40 },
      { scope: 'unit', rater: '群众', score: 80, sampleSize: 100 },
    ]);
  });

  it('falls back to the plain mean without sample sizes', () => {
    expect(
      summariseEvaluations(task, [
        ev('1', { taskId: 't1', score: 90, sampleSize: 0 }),
        ev('2', { taskId: 't1', score: 85, sampleSize: 0 }),
      ]),
    ).toEqual([{ scope: 'task', rater: '企业', score: 87.5, sampleSize: 0 }]);
  });
});

describe('the drafts the steps start from', () => {
  const facts = reviewFacts({
    task,
    workWindow,
    milestones: [],
    lastMonth: 6,
    reports: [report(3, 11), report(4, 22), report(5, 20, { delayExplanation: '项目审批延后' })],
    feedback: [feedback(5, '需加快审批', { verdict: '属实' })],
    evaluations: [{ id: 'e', yearId: 'y', taskId: 't1', rater: '企业', score: 92, sampleSize: 50 }],
  });

  it('回忆目标 lists targets, measures and who answers for them', () => {
    const text = recallGoalsDraft(task, names);
    expect(text).toContain('1. 制造业投资占比提高到（40%）');
    expect(text).toContain('2. 技改奖补');
    expect(text).toContain('牵头单位：区经信局');
    expect(text).toContain('分管区领导：张明');
    expect(text).toContain('完成时限：2026年11月30日');
  });

  it('评估结果 gives the final percent, the behind months, the lights and the evaluation', () => {
    const text = assessResultsDraft(facts, names);
    expect(text).toContain('截至5月，累计完成20%，未完成');
    expect(text).toContain('滞后月份：5月，共1个月');
    expect(text).toContain('未报送月份：6月');
    expect(text).toContain('5月黄灯（滞后）');
    expect(text).toContain('本项工作企业评价92分（样本50个）');
  });

  it('分析原因 quotes the units and the office, then leaves room', () => {
    const text = analyseCausesDraft(facts, names);
    expect(text).toContain('5月 区经信局：项目审批延后');
    expect(text).toContain('5月 区经信局（属实）：需加快审批');
    expect(text.endsWith('原因分析：\n')).toBe(true);
  });

  it('纳入下年度计划 suggests carrying an unfinished task over', () => {
    expect(nextYearPlanDraft(facts, 2027)).toBe('本项工作年末完成20%，建议结转至2027年度继续推进。');
    expect(nextYearPlanDraft({ ...facts, final: { percent: 100, month: 9 } }, 2027)).toContain('已完成');
    expect(reviewDrafts(task, facts, names, 2026).nextYearPlan).toContain('2027年度');
  });

  it('assessResults without data says so', () => {
    const empty = reviewFacts({
      task,
      workWindow,
      milestones: [],
      reports: [],
      feedback: [],
      evaluations: [],
      lastMonth: 2,
    });
    expect(assessResultsDraft(empty, names)).toBe(
      '年末进度：牵头单位未报送进展。\n滞后月份：无。\n第三方评估：暂无评估结果。',
    );
  });
});

describe('review state and the months to look at', () => {
  it.each<[{ step?: number; completedAt?: string } | undefined, string, string]>([
    [undefined, 'none', '未开始'],
    [{ step: 1 }, 'in_progress', '进行中（第2步：评估结果）'],
    [{}, 'in_progress', '进行中（第1步：回忆目标）'],
    [{ step: 3, completedAt: '2026-12-01T00:00:00Z' }, 'done', '已完成'],
  ])('%j is %s', (review, state, text) => {
    expect(reviewStateOf(review)).toBe(state);
    expect(reviewStateText(review)).toBe(text);
  });

  it.each([
    ['2026-05-27', 5],
    ['2026-01-10', 1],
    ['2026-12-15', 11],
    ['2027-02-01', 11],
    ['2025-12-31', 2],
  ])('on %s the last month of 2026 is %i', (today, month) => {
    expect(lastMonthOf(workWindow, today)).toBe(month);
  });
});

describe('reviewSections', () => {
  const texts = {
    recallGoals: '目标',
    assessResults: '结果',
    analyseCauses: '原因',
    lessons: '经验做法：调度\n',
    nextYearPlan: ' 结转 ',
  };

  it('gives the four headings; 总结经验 carries what goes into next year', () => {
    expect(reviewSections(texts)).toEqual([
      { heading: '回忆目标', text: '目标' },
      { heading: '评估结果', text: '结果' },
      { heading: '分析原因', text: '原因' },
      { heading: '总结经验', text: '经验做法：调度\n纳入下年度计划的事项：\n结转' },
    ]);
  });

  it('leaves the plan out when empty', () => {
    expect(reviewSections({ ...texts, nextYearPlan: '  ' })[3]).toEqual({
      heading: '总结经验',
      text: '经验做法：调度\n',
    });
  });
});
