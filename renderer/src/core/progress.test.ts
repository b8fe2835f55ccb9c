import { describe, expect, it } from 'vitest';
import type { Status } from './model';
import {
  assessTaskMonth,
  defaultProgressRules,
  dueMonthIndex,
  expectedPercent,
  isMismatch,
  lightLabels,
  lightOf,
  lightWithReason,
  monthEndOf,
  statusLabels,
  statusOf,
  statusWordOf,
  type LightInput,
  type LightReason,
} from './progress';

const window2026 = { year: 2026, windowStartMonth: 3, windowEndMonth: 11 };
type Plan = { month: number; plannedPercent: number }[];
const plan = (...pairs: [number, number][]): Plan =>
  pairs.map(([month, plannedPercent]) => ({ month, plannedPercent }));

describe('expectedPercent (序时进度)', () => {
  const cases: [string, string, Plan, number, number, boolean][] = [
    // name, due date, milestones, month, expected, fromPlan
    ['no plan: before the window', '2026-11-30', [], 2, 0, false],
    ['no plan: first month of the workWindow, 1/9', '2026-11-30', [], 3, 11.1, false],
    ['no plan: June, 4/9', '2026-11-30', [], 6, 44.4, false],
    ['no plan: October, 8/9', '2026-11-30', [], 10, 88.9, false],
    ['no plan: the due month', '2026-11-30', [], 11, 100, false],
    ['no plan: after the due month', '2026-11-30', [], 12, 100, false],
    ['no plan, due 06-30: March is 1/4', '2026-06-30', [], 3, 25, false],
    ['no plan, due 06-30: May is 3/4', '2026-06-30', [], 5, 75, false],
    ['no plan, due 06-30: July is past due', '2026-06-30', [], 7, 100, false],
    ['no plan, due 12-31 (after the workWindow): November is 9/10', '2026-12-31', [], 11, 90, false],
    ['no plan, due next January: November is 9/11', '2027-01-31', [], 11, 81.8, false],
    ['no plan, due before the workWindow: March is past due', '2026-02-28', [], 3, 100, false],
    ['plan: the month has a milestone', '2026-11-30', plan([3, 5], [4, 10], [5, 30]), 5, 30, true],
    ['plan: a milestone below the line is kept', '2026-11-30', plan([3, 0], [4, 0]), 4, 0, true],
    ['plan: a gap runs between its neighbours', '2026-11-30', plan([5, 30], [7, 50]), 6, 40, false],
    ['plan: a gap before the first milestone starts from 0', '2026-11-30', plan([5, 30]), 4, 20, false],
    ['plan: a gap after the last milestone runs to 100 in the due month', '2026-11-30', plan([9, 60]), 10, 80, false],
    ['plan: a milestone after the due month still counts', '2026-10-31', plan([11, 90]), 11, 90, true],
  ];
  it.each(cases)('%s', (_name, dueDate, milestones, month, percent, fromPlan) => {
    expect(expectedPercent({ dueDate }, milestones, month, window2026)).toEqual({ percent, fromPlan });
  });

  it('counts the due month from January of the work year', () => {
    expect(dueMonthIndex('2026-11-30', window2026)).toBe(11);
    expect(dueMonthIndex('2027-01-31', window2026)).toBe(13);
    expect(dueMonthIndex('2025-12-31', window2026)).toBe(0);
    expect(dueMonthIndex('not a date', window2026)).toBe(11);
  });
});

describe('statusOf', () => {
  const cases: [number, number, Status][] = [
    // p, e, status
    [100, 44.4, 'done'],
    [100, 100, 'done'],
    [60, 50, 'ahead'],
    [10, 0, 'ahead'],
    [50, 50, 'on_track'],
    [45, 50, 'on_track'], // e − 5 ≤ p: within the tolerance
    [44, 50, 'behind'],
    [44.9, 50, 'behind'],
    [6.1, 11.1, 'on_track'], // no floating-point surprise at the edge
    [6, 11.1, 'behind'],
    [0, 50, 'not_started'],
    [0, 100, 'not_started'],
    [0, 0, 'on_track'],
    [0, 3, 'on_track'], // 0 is within the tolerance of 3: the rules apply in order
    [95, 100, 'on_track'],
    [94, 100, 'behind'],
  ];
  it.each(cases)('p = %s, e = %s → %s', (p, e, status) => {
    expect(statusOf(p, e)).toBe(status);
  });

  it('takes the tolerance from the rules', () => {
    expect(statusOf(40, 50, { ...defaultProgressRules, onTrackTolerance: 10 })).toBe('on_track');
    expect(statusOf(49, 50, { ...defaultProgressRules, onTrackTolerance: 0 })).toBe('behind');
  });
});

describe('lightOf', () => {
  const base = { today: '2026-05-26', dueDate: '2026-11-30', monthEnd: '2026-05-31' };
  const cases: [
    string,
    Partial<LightInput> & Pick<LightInput, 'status' | 'percent' | 'expected'>,
    'green' | 'yellow' | 'red',
    LightReason,
  ][] = [
    ['done', { status: 'done', percent: 100, expected: 33.3 }, 'green', 'done'],
    ['ahead', { status: 'ahead', percent: 50, expected: 33.3 }, 'green', 'on_schedule'],
    ['on track', { status: 'on_track', percent: 30, expected: 33.3 }, 'green', 'on_schedule'],
    ['behind by exactly 20: yellow', { status: 'behind', percent: 30, expected: 50 }, 'yellow', 'behind'],
    ['behind by 20.1: red', { status: 'behind', percent: 29.9, expected: 50 }, 'red', 'far_behind'],
    ['behind by 6: yellow', { status: 'behind', percent: 44, expected: 50 }, 'yellow', 'behind'],
    ['not started, 15 behind: yellow', { status: 'not_started', percent: 0, expected: 15 }, 'yellow', 'behind'],
    ['not started, 25 behind: red', { status: 'not_started', percent: 0, expected: 25 }, 'red', 'far_behind'],
    ['no report: red', { status: 'no_report', percent: null, expected: 33.3 }, 'red', 'no_report'],
    [
      'due in 10 days, on track: yellow',
      { status: 'on_track', percent: 96, expected: 100, dueDate: '2026-06-05' },
      'yellow',
      'due_soon',
    ],
    [
      'due in 10 days, ahead: yellow',
      { status: 'ahead', percent: 90, expected: 80, dueDate: '2026-06-05' },
      'yellow',
      'due_soon',
    ],
    [
      'due in 11 days, on track: green',
      { status: 'on_track', percent: 96, expected: 100, dueDate: '2026-06-06' },
      'green',
      'on_schedule',
    ],
    [
      'due today, on track: yellow, not overdue',
      { status: 'on_track', percent: 96, expected: 100, dueDate: '2026-05-26' },
      'yellow',
      'due_soon',
    ],
    [
      'due in 10 days, done: green',
      { status: 'done', percent: 100, expected: 100, dueDate: '2026-06-05' },
      'green',
      'done',
    ],
    [
      'overdue by a day: red',
      { status: 'on_track', percent: 96, expected: 100, dueDate: '2026-05-25' },
      'red',
      'overdue',
    ],
    [
      'overdue but done: green',
      { status: 'done', percent: 100, expected: 100, dueDate: '2026-04-30' },
      'green',
      'done',
    ],
    [
      'May judged in December: as at 31 May, not overdue',
      { status: 'on_track', percent: 30, expected: 33.3, today: '2026-12-10' },
      'green',
      'on_schedule',
    ],
    [
      'May judged in December, task due 05-20: overdue as at 31 May',
      { status: 'behind', percent: 90, expected: 100, today: '2026-12-10', dueDate: '2026-05-20' },
      'red',
      'overdue',
    ],
  ];
  it.each(cases)('%s', (_name, input, light, reason) => {
    const full = { ...base, ...input };
    expect(lightWithReason(full)).toEqual({ light, reason });
    expect(lightOf(full)).toBe(light);
  });

  it('takes the thresholds from the rules', () => {
    const input = { ...base, status: 'behind' as const, percent: 20, expected: 50 };
    expect(lightOf(input)).toBe('red');
    expect(lightOf(input, { ...defaultProgressRules, yellowMaxBehind: 30 })).toBe('yellow');
    const soon = { ...base, status: 'on_track' as const, percent: 96, expected: 100, dueDate: '2026-06-10' };
    expect(lightOf(soon)).toBe('green');
    expect(lightOf(soon, { ...defaultProgressRules, dueSoonDays: 15 })).toBe('yellow');
  });

  it('is red when not started and due, even with a generous yellow band', () => {
    const input = { ...base, status: 'not_started' as const, percent: 0, expected: 100 };
    expect(lightWithReason(input, { ...defaultProgressRules, yellowMaxBehind: 100 })).toEqual({
      light: 'red',
      reason: 'not_started_when_due',
    });
  });

  it('without monthEnd judges as at today', () => {
    expect(
      lightOf({ status: 'on_track', percent: 30, expected: 33.3, today: '2026-12-10', dueDate: '2026-11-30' }),
    ).toBe('red');
  });
});

describe('statusWordOf', () => {
  const cases: [string, Status | undefined][] = [
    ['已完成', 'done'],
    ['完成', 'done'],
    ['超序时', 'ahead'],
    ['超前', 'ahead'],
    ['超序时推进', 'ahead'],
    ['序时推进', 'on_track'],
    ['正常推进', 'on_track'],
    ['按序时', 'on_track'],
    [' 序时 推进 ', 'on_track'],
    ['序时推进。', 'on_track'],
    ['滞后', 'behind'],
    ['落后', 'behind'],
    ['进度滞后', 'behind'],
    ['未启动', 'not_started'],
    ['未开始', 'not_started'],
    ['尚未启动', 'not_started'],
    ['\u3000未启动\u3000', 'not_started'],
    ['推进中', undefined],
    ['', undefined],
  ];
  it.each(cases)('"%s" → %s', (word, status) => {
    expect(statusWordOf(word)).toBe(status);
  });
});

describe('isMismatch', () => {
  const cases: [Status, Status, boolean][] = [
    ['on_track', 'on_track', false],
    ['on_track', 'ahead', false], // the sheet's dropdown has no 超序时
    ['behind', 'not_started', false],
    ['on_track', 'behind', true],
    ['done', 'on_track', true],
    ['ahead', 'on_track', true],
    ['not_started', 'behind', true],
  ];
  it.each(cases)('written %s, computed %s → %s', (written, computed, mismatch) => {
    expect(isMismatch(written, computed)).toBe(mismatch);
  });
});

describe('assessTaskMonth', () => {
  const task = { dueDate: '2026-11-30' };
  const may = {
    task,
    milestones: plan([3, 10], [4, 20], [5, 50]),
    month: 5,
    workWindow: window2026,
    today: '2026-05-26',
  };

  it('flags a unit that says 序时推进 while behind, and asks for an explanation', () => {
    expect(assessTaskMonth({ ...may, report: { percent: 40, statusWord: '序时推进', delayExplanation: '' } })).toEqual({
      expected: 50,
      fromPlan: true,
      percent: 40,
      status: 'behind',
      light: 'yellow',
      lightReason: 'behind',
      writtenStatus: 'on_track',
      mismatch: { written: '序时推进', computed: 'behind' },
      needsExplanation: true,
    });
  });

  it('a behind task with an explanation needs none', () => {
    const a = assessTaskMonth({
      ...may,
      report: { percent: 40, statusWord: '滞后', delayExplanation: '用地指标未到位' },
    });
    expect(a).toMatchObject({ status: 'behind', writtenStatus: 'behind', needsExplanation: false });
    expect(a.mismatch).toBeUndefined();
  });

  it('on track within the tolerance, the unit agreeing', () => {
    const a = assessTaskMonth({ ...may, report: { percent: 45, statusWord: '序时推进' } });
    expect(a).toMatchObject({ status: 'on_track', light: 'green', needsExplanation: false });
    expect(a.mismatch).toBeUndefined();
  });

  it('no report: red, no mismatch, no explanation asked', () => {
    expect(assessTaskMonth({ ...may, report: null })).toEqual({
      expected: 50,
      fromPlan: true,
      percent: null,
      status: 'no_report',
      light: 'red',
      lightReason: 'no_report',
      needsExplanation: false,
    });
    expect(assessTaskMonth({ ...may, report: { percent: null, statusWord: '序时推进' } })).toMatchObject({
      status: 'no_report',
      light: 'red',
    });
  });

  it('a task without a plan is judged against the line', () => {
    const a = assessTaskMonth({ ...may, milestones: [], report: { percent: 0, statusWord: '未启动' } });
    expect(a).toMatchObject({
      expected: 33.3,
      fromPlan: false,
      status: 'not_started',
      light: 'red',
      lightReason: 'far_behind',
      needsExplanation: true,
    });
    expect(a.mismatch).toBeUndefined();
  });

  it('done, though the unit wrote 序时推进', () => {
    expect(assessTaskMonth({ ...may, report: { percent: 100, statusWord: '序时推进' } })).toMatchObject({
      status: 'done',
      light: 'green',
      mismatch: { written: '序时推进', computed: 'done' },
    });
  });

  it('judges a past month as at its last day', () => {
    const a = assessTaskMonth({ ...may, today: '2026-12-10', report: { percent: 50, statusWord: '序时推进' } });
    expect(a).toMatchObject({ status: 'on_track', light: 'green' });
  });
});

describe('labels and helpers', () => {
  it('names every status and light in Chinese', () => {
    expect(statusLabels).toEqual({
      done: '已完成',
      ahead: '超序时',
      on_track: '序时推进',
      behind: '滞后',
      not_started: '未启动',
      no_report: '未报送',
    });
    expect(lightLabels).toEqual({ green: '绿灯', yellow: '黄灯', red: '红灯' });
  });

  it('gives the last day of a month', () => {
    expect(monthEndOf(2026, 2)).toBe('2026-02-28');
    expect(monthEndOf(2028, 2)).toBe('2028-02-29');
    expect(monthEndOf(2026, 11)).toBe('2026-11-30');
  });
});
