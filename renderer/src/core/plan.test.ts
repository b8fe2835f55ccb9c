import { describe, expect, it } from 'vitest';
import { dueDate, defaultCalendarSettings, type DueDate } from './calendar';
import {
  planSubmissionStatus,
  requiredPlanMonths,
  validatePlan,
  type PlanMonth,
  type PlanRow,
  type PlanWhere,
} from './plan';

const window2026 = { year: 2026, windowStartMonth: 3, windowEndMonth: 11 };

/** Months 3..11: text 'M月节点', percents as given (null = empty). */
function months(percents: (number | null)[], from = 3): PlanMonth[] {
  return percents.map((p, i) => ({ month: from + i, text: `${from + i}月节点`, plannedPercent: p }));
}

const full = [10, 20, 30, 40, 50, 60, 70, 85, 100];
const row = (over: Partial<PlanRow> = {}): PlanRow => ({
  taskId: 't1',
  title: '重大项目攻坚年行动',
  dueDate: '2026-11-30',
  months: months(full),
  ...over,
});

/** The exported layout: 3月 in D/E, 4月 in F/G, … (A 任务编号, B 重点工作, C 责任类型). */
const letters = 'DEFGHIJKLMNOPQRSTU';
const where: PlanWhere = {
  file: '区发展和改革局-月方案.xlsx',
  sheet: '月方案',
  sheetRow: 4,
  columnOf: (month, field) => letters[(month - 3) * 2 + (field === 'text' ? 0 : 1)],
};

const messages = (r: PlanRow, w: PlanWhere = where) =>
  validatePlan(r, window2026, w).map((i) => [i.severity, i.column, i.message]);

describe('validatePlan', () => {
  it('accepts a complete, rising plan reaching 100 in the due month', () => {
    expect(validatePlan(row(), window2026, where)).toEqual([]);
  });

  it('names the cell of a missing percent and of a missing milestone text', () => {
    const m = months([10, null, 30, 40, 50, 60, 70, 85, 100]);
    m[2] = { month: 5, text: ' ', plannedPercent: 30 };
    expect(validatePlan(row({ months: m }), window2026, where)).toEqual([
      {
        severity: 'error',
        file: '区发展和改革局-月方案.xlsx',
        sheet: '月方案',
        row: 4,
        column: 'G',
        message: '重点工作"重大项目攻坚年行动"没有填写4月的计划累计进度（G列第4行）',
      },
      {
        severity: 'error',
        file: '区发展和改革局-月方案.xlsx',
        sheet: '月方案',
        row: 4,
        column: 'H',
        message: '重点工作"重大项目攻坚年行动"没有填写5月的节点目标（H列第4行）',
      },
    ]);
  });

  it('refuses a decreasing percent', () => {
    expect(messages(row({ months: months([10, 30, 20, 40, 50, 60, 70, 85, 100]) }))).toEqual([
      [
        'error',
        'I',
        '重点工作"重大项目攻坚年行动"5月的计划累计进度（I列第4行）为20%，低于4月的30%；计划累计进度不能减少',
      ],
    ]);
  });

  it('compares a later month with the highest earlier percent', () => {
    expect(messages(row({ months: months([10, 50, 20, 40, 60, 60, 70, 85, 100]) })).map((m) => m[1])).toEqual([
      'I',
      'K',
    ]);
  });

  it('refuses percents outside 0..100', () => {
    expect(messages(row({ months: months([-5, 20, 30, 40, 50, 60, 70, 85, 100]) }))).toEqual([
      ['error', 'E', '重点工作"重大项目攻坚年行动"3月的计划累计进度（E列第4行）为-5%，应在0%～100%之间'],
    ]);
  });

  it('requires 100 in the due month', () => {
    expect(messages(row({ months: months([10, 20, 30, 40, 50, 60, 70, 85, 90]) }))).toEqual([
      [
        'error',
        'U',
        '重点工作"重大项目攻坚年行动"完成时限为2026年11月30日，11月的计划累计进度（U列第4行）应为100%，现为90%',
      ],
    ]);
  });

  it('a task due in June needs March..June only, 100 in June, and may leave later months empty', () => {
    const m = months([20, 50, 80, 100, null, null, null, null, null]);
    for (const x of m.slice(4)) x.text = '';
    expect(validatePlan(row({ dueDate: '2026-06-30', months: m }), window2026, where)).toEqual([]);
    expect(messages(row({ dueDate: '2026-06-30', months: months([20, 50, 80, 90]) }))).toEqual([
      [
        'error',
        'K',
        '重点工作"重大项目攻坚年行动"完成时限为2026年6月30日，6月的计划累计进度（K列第4行）应为100%，现为90%',
      ],
    ]);
  });

  it('a task due after the workWindow needs every workWindow month but not 100', () => {
    expect(
      validatePlan(
        row({ dueDate: '2026-12-31', months: months([10, 20, 30, 40, 50, 60, 70, 80, 90]) }),
        window2026,
        where,
      ),
    ).toEqual([]);
  });

  it('says so when the sheet lacks the columns of a month', () => {
    const w: PlanWhere = {
      ...where,
      columnOf: (month, field) => (month === 3 ? undefined : where.columnOf?.(month, field)),
    };
    expect(messages(row({ months: months(full.slice(1), 4) }), w)).toEqual([
      ['error', undefined, '表中没有3月的节点目标和计划累计进度列，重点工作"重大项目攻坚年行动"缺少3月的方案'],
    ]);
  });

  it('without cells (the plan grid in the app) names the month only', () => {
    expect(messages(row({ months: months([10, 20, null, 40, 50, 60, 70, 85, 100]) }), { file: '' })).toEqual([
      ['error', undefined, '重点工作"重大项目攻坚年行动"没有填写5月的计划累计进度'],
    ]);
  });

  it('warns about content in months outside the window', () => {
    const m = [...months(full), { month: 12, text: '年终总结', plannedPercent: 100 }];
    expect(messages(row({ months: m }), { file: 'x.xlsx' })).toEqual([
      ['warning', undefined, '重点工作"重大项目攻坚年行动"12月不在工作月份（3月至11月）内，该月内容不导入'],
    ]);
  });

  it('lists the required months', () => {
    expect(requiredPlanMonths('2026-11-30', window2026)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(requiredPlanMonths('2026-06-30', window2026)).toEqual([3, 4, 5, 6]);
    expect(requiredPlanMonths('2026-12-31', window2026)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(requiredPlanMonths('2026-02-28', window2026)).toEqual([]);
  });
});

describe('planSubmissionStatus', () => {
  // 2026-03-10 is a Tuesday: not shifted. 2029-03-10 is a Saturday: due Monday 03-12.
  const due2026 = dueDate(defaultCalendarSettings(2026), 'plan');
  const due2029: DueDate = dueDate(defaultCalendarSettings(2029), 'plan');
  const units = [{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }];

  it('sorts units into submitted, late and missing after the due date', () => {
    expect(due2026.due).toBe('2026-03-10');
    const subs = [
      { unitId: 'u1', receivedDate: '2026-03-10' },
      { unitId: 'u2', receivedDate: '2026-03-13' },
    ];
    expect(planSubmissionStatus(units, subs, due2026, '2026-03-16')).toEqual([
      { unitId: 'u1', state: 'submitted', receivedDate: '2026-03-10', daysLate: 0 },
      { unitId: 'u2', state: 'late', receivedDate: '2026-03-13', daysLate: 3 },
      { unitId: 'u3', state: 'missing', daysLate: 6 },
    ]);
  });

  it('before and on the due date a unit without a plan is pending', () => {
    expect(planSubmissionStatus(units, [], due2026, '2026-03-10').map((r) => r.state)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect(planSubmissionStatus(units, [], due2026, '2026-03-11').map((r) => r.state)).toEqual([
      'missing',
      'missing',
      'missing',
    ]);
  });

  it('counts on time up to the shifted due date', () => {
    expect(due2029).toMatchObject({ nominal: '2029-03-10', due: '2029-03-12', shifted: true });
    const subs = [
      { unitId: 'u1', receivedDate: '2029-03-12' },
      { unitId: 'u2', receivedDate: '2029-03-13' },
    ];
    expect(planSubmissionStatus(units, subs, due2029, '2029-03-12').map((r) => [r.state, r.daysLate])).toEqual([
      ['submitted', 0],
      ['late', 1],
      ['pending', 0],
    ]);
  });

  it('judges a unit that sent several plans by its first', () => {
    const subs = [
      { unitId: 'u1', receivedDate: '2026-03-20' },
      { unitId: 'u1', receivedDate: '2026-03-09' },
      { unitId: 'x', receivedDate: '2026-03-01' },
    ];
    expect(planSubmissionStatus([{ id: 'u1' }], subs, due2026, '2026-03-25')).toEqual([
      { unitId: 'u1', state: 'submitted', receivedDate: '2026-03-09', daysLate: 0 },
    ]);
  });
});
