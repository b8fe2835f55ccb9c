import { describe, expect, it } from 'vitest';
import { monthSummary, statusByMonth } from './dashboard';
import { daysBetween } from './dates';

describe('daysBetween', () => {
  const cases: [string, string, number][] = [
    ['2026-05-25', '2026-05-30', 5],
    ['2026-05-30', '2026-05-25', -5],
    ['2026-05-25', '2026-05-25', 0],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-01', '2026-11-30', 274],
  ];
  it.each(cases)('%s → %s is %i days', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it('is NaN for something that is no date', () => {
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNaN();
    expect(daysBetween('2026-5-1', '2026-05-02')).toBeNaN();
    expect(daysBetween('', '2026-05-02')).toBeNaN();
  });
});

describe('monthSummary', () => {
  it('counts tasks by status and light, sheets received against expected, and red units', () => {
    const summary = monthSummary({
      assessments: [
        { taskId: 't1', status: 'done', light: 'green', unitIds: ['u1'] },
        { taskId: 't2', status: 'on_track', light: 'yellow', unitIds: ['u1'] },
        { taskId: 't3', status: 'behind', light: 'red', unitIds: ['u2'] },
        { taskId: 't4', status: 'no_report', light: 'red', unitIds: ['u3'] },
        { taskId: 't5', status: 'not_started', light: 'red', unitIds: ['u3', 'u3'] },
        { taskId: 't6', status: 'ahead', light: 'green' },
      ],
      expectedUnitIds: ['u1', 'u2', 'u3', 'u4', 'u2'],
      submittedUnitIds: new Set(['u1', 'u2', 'u9']),
    });
    expect(summary).toEqual({
      tasks: 6,
      byStatus: { done: 1, ahead: 1, on_track: 1, behind: 1, not_started: 1, no_report: 1 },
      byLight: { green: 2, yellow: 1, red: 3 },
      sheetsExpected: 4,
      sheetsReceived: 2,
      missingUnitIds: ['u3', 'u4'],
      sheetsUnexpected: 1,
      redUnits: [
        { unitId: 'u3', taskIds: ['t4', 't5'] },
        { unitId: 'u2', taskIds: ['t3'] },
      ],
    });
  });

  it('is all zeros for an empty month', () => {
    expect(monthSummary({ assessments: [], expectedUnitIds: [], submittedUnitIds: [] })).toMatchObject({
      tasks: 0,
      byLight: { green: 0, yellow: 0, red: 0 },
      sheetsExpected: 0,
      sheetsReceived: 0,
      redUnits: [],
    });
  });
});

describe('statusByMonth', () => {
  it('counts statuses per month, months ascending', () => {
    const series = statusByMonth([
      { month: 5, assessments: [{ status: 'behind' }, { status: 'behind' }, { status: 'done' }] },
      { month: 4, assessments: [{ status: 'on_track' }] },
    ]);
    expect(series).toEqual([
      { month: 4, byStatus: { done: 0, ahead: 0, on_track: 1, behind: 0, not_started: 0, no_report: 0 } },
      { month: 5, byStatus: { done: 1, ahead: 0, on_track: 0, behind: 2, not_started: 0, no_report: 0 } },
    ]);
  });
});
