// 月方案 (issue 4 "Monthly plans"): checking one task's plan, and which units have sent theirs
// by the plan due date (03-10, shifted by the calendar). Pure.

import type { DueDate } from './calendar';
import { chineseDate, daysBetween } from './dates';
import type { IsoDate } from './model';
import { dueMonthIndex, type WorkWindow } from './progress';
import type { ImportIssue } from './import/types';

export interface PlanMonth {
  month: number;
  /** 节点目标 as written ('' when empty). */
  text: string;
  /** 计划累计进度, 0..100; null when empty (or unreadable: the mapper has reported that cell). */
  plannedPercent: number | null;
}

export interface PlanRow {
  taskId: string;
  title: string;
  dueDate: IsoDate;
  months: PlanMonth[];
}

export interface PlanWhere {
  file: string;
  sheet?: string;
  /** 1-based, as Excel shows it. */
  sheetRow?: number;
  /** The column letter of a month's cell, when the sheet has that column. */
  columnOf?: (month: number, field: 'text' | 'percent') => string | undefined;
}

/**
 * The months a plan must fill: from the window's first month to the task's due month (or the
 * window's last month, if the task is due later). Empty for a task due before the window.
 */
export function requiredPlanMonths(dueDate: IsoDate, workWindow: WorkWindow): number[] {
  const last = Math.min(workWindow.windowEndMonth, dueMonthIndex(dueDate, workWindow));
  const months: number[] = [];
  for (let m = workWindow.windowStartMonth; m <= last; m++) months.push(m);
  return months;
}

const formatPercent = (v: number): string => `${Math.round(v * 10000) / 10000}%`;

/**
 * The problems of one task's plan, each naming the task and, where the sheet has it, the cell:
 *
 * - every month of requiredPlanMonths needs a 节点目标 text and a 计划累计进度 (error when
 *   missing; a sheet without that month's columns says so);
 * - percents lie within 0..100 and never decrease from one month to the next (error);
 * - the task's due month, when it lies in the window, plans 100 % (error);
 * - months outside the window are not kept (warning, only when something is written there);
 *   months after the due month may stay empty (the task is done by then).
 *
 * Every problem is an 'error' except the months outside the window. The row's months may come
 * in any order.
 */
export function validatePlan(row: PlanRow, workWindow: WorkWindow, where: PlanWhere): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const title = row.title.trim() === '' ? row.taskId : row.title.trim();
  const cellOf = (month: number, field: 'text' | 'percent'): string | undefined =>
    where.columnOf?.(month, field) || undefined;
  const add = (severity: ImportIssue['severity'], message: string, column?: string): void => {
    const issue: ImportIssue = { severity, file: where.file, message };
    if (where.sheet !== undefined) issue.sheet = where.sheet;
    if (where.sheetRow !== undefined) issue.row = where.sheetRow;
    if (column !== undefined) issue.column = column;
    issues.push(issue);
  };
  /** '重点工作"甲"3月的计划累计进度（D列第5行）'. */
  const place = (month: number, field: 'text' | 'percent'): string => {
    const column = cellOf(month, field);
    const label = field === 'text' ? '节点目标' : '计划累计进度';
    if (column === undefined || where.sheetRow === undefined) return `${month}月的${label}`;
    return `${month}月的${label}（${column}列第${where.sheetRow}行）`;
  };

  const byMonth = new Map<number, PlanMonth>();
  for (const m of row.months) if (!byMonth.has(m.month)) byMonth.set(m.month, m);
  const inWindow = (m: number): boolean => m >= workWindow.windowStartMonth && m <= workWindow.windowEndMonth;

  for (const m of [...byMonth.values()].sort((a, b) => a.month - b.month)) {
    if (!inWindow(m.month) && (m.text.trim() !== '' || m.plannedPercent !== null)) {
      add(
        'warning',
        `重点工作"${title}"${m.month}月不在工作月份（${workWindow.windowStartMonth}月至${workWindow.windowEndMonth}月）内，该月内容不导入`,
        cellOf(m.month, 'text'),
      );
    }
  }

  const required = new Set(requiredPlanMonths(row.dueDate, workWindow));
  const knowsColumns = where.columnOf !== undefined;
  for (const month of required) {
    const m = byMonth.get(month);
    if (knowsColumns && cellOf(month, 'text') === undefined && cellOf(month, 'percent') === undefined) {
      add('error', `表中没有${month}月的节点目标和计划累计进度列，重点工作"${title}"缺少${month}月的方案`);
      continue;
    }
    if (!m || m.text.trim() === '')
      add('error', `重点工作"${title}"没有填写${place(month, 'text')}`, cellOf(month, 'text'));
    if (!m || m.plannedPercent === null)
      add('error', `重点工作"${title}"没有填写${place(month, 'percent')}`, cellOf(month, 'percent'));
  }

  // Percents: within 0..100, never decreasing, 100 in the due month.
  let previous: { month: number; percent: number } | undefined;
  for (const m of [...byMonth.values()].filter((x) => inWindow(x.month)).sort((a, b) => a.month - b.month)) {
    const p = m.plannedPercent;
    if (p === null) continue;
    if (!Number.isFinite(p) || p < 0 || p > 100) {
      add(
        'error',
        `重点工作"${title}"${place(m.month, 'percent')}为${Number.isFinite(p) ? formatPercent(p) : String(p)}，应在0%～100%之间`,
        cellOf(m.month, 'percent'),
      );
      continue;
    }
    if (previous && p < previous.percent) {
      add(
        'error',
        `重点工作"${title}"${place(m.month, 'percent')}为${formatPercent(p)}，低于${previous.month}月的${formatPercent(previous.percent)}；计划累计进度不能减少`,
        cellOf(m.month, 'percent'),
      );
    }
    if (!previous || p >= previous.percent) previous = { month: m.month, percent: p };
  }

  const dueMonth = dueMonthIndex(row.dueDate, workWindow);
  if (inWindow(dueMonth)) {
    const atDue = byMonth.get(dueMonth)?.plannedPercent;
    if (typeof atDue === 'number' && Number.isFinite(atDue) && atDue >= 0 && atDue < 100) {
      add(
        'error',
        `重点工作"${title}"完成时限为${chineseDate(row.dueDate)}，${place(dueMonth, 'percent')}应为100%，现为${formatPercent(atDue)}`,
        cellOf(dueMonth, 'percent'),
      );
    }
  }
  return issues;
}

export type PlanState = 'submitted' | 'late' | 'pending' | 'missing';

export const planStateLabels: Record<PlanState, string> = {
  submitted: '已按时报送',
  late: '逾期报送',
  pending: '未报送（未到截止日）',
  missing: '逾期未报送',
};

export interface PlanStatusRow {
  unitId: string;
  state: PlanState;
  /** The earliest received date of the unit's plan. */
  receivedDate?: IsoDate;
  /** Days after the due date: for 'late' (received) and 'missing' (as of today); else 0. */
  daysLate: number;
}

/**
 * Which units have sent their plan, one row per unit in the order given:
 * submitted = received on or before the (shifted) due date; late = received after it;
 * pending = nothing received and today is on or before the due date; missing = nothing
 * received and the due date has passed. A unit that sent several plans (a corrected copy) is
 * judged by its earliest received date. Submissions of units not listed are ignored.
 */
export function planSubmissionStatus(
  units: readonly { id: string }[],
  submissions: readonly { unitId: string; receivedDate: IsoDate }[],
  due: DueDate,
  today: IsoDate,
): PlanStatusRow[] {
  const earliest = new Map<string, IsoDate>();
  for (const s of submissions) {
    const known = earliest.get(s.unitId);
    if (known === undefined || daysBetween(s.receivedDate, known) > 0) earliest.set(s.unitId, s.receivedDate);
  }
  return units.map(({ id }) => {
    const received = earliest.get(id);
    if (received !== undefined) {
      const late = daysBetween(due.due, received);
      return late > 0
        ? { unitId: id, state: 'late', receivedDate: received, daysLate: late }
        : { unitId: id, state: 'submitted', receivedDate: received, daysLate: 0 };
    }
    const overdue = daysBetween(due.due, today);
    return overdue > 0
      ? { unitId: id, state: 'missing', daysLate: overdue }
      : { unitId: id, state: 'pending', daysLate: 0 };
  });
}
