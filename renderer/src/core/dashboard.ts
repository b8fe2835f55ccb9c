// The month at a glance (首页, issue 4 "Dashboard"): tasks by status and light, sheets received
// against sheets expected, the units with red lights, and the status counts month by month for
// the chart. Pure: the screen gathers the month's assessments (progress.ts) and submissions.

import type { Light, Status } from './model';

export type StatusOrNoReport = Status | 'no_report';

/** Display order of the statuses: best first, then no report. */
export const statusOrder: readonly StatusOrNoReport[] = [
  'done',
  'ahead',
  'on_track',
  'behind',
  'not_started',
  'no_report',
];
export const lightOrder: readonly Light[] = ['green', 'yellow', 'red'];

export interface AssessedTask {
  taskId: string;
  status: StatusOrNoReport;
  light: Light;
  /** The units answerable for the light (usually the lead unit); used for redUnits. */
  unitIds?: readonly string[];
}

export interface MonthSummaryInput {
  /** One per task of the month (the lead unit's report decides the task's status). */
  assessments: readonly AssessedTask[];
  /** Units that owe a sheet this month (see reminders.ts responsibleUnits). */
  expectedUnitIds: Iterable<string>;
  /** Units whose sheet for the month was received (on time or late). */
  submittedUnitIds: Iterable<string>;
}

export interface RedUnit {
  unitId: string;
  /** The unit's red tasks, in the order of the assessments. */
  taskIds: string[];
}

export interface MonthSummary {
  /** Number of tasks assessed. */
  tasks: number;
  byStatus: Record<StatusOrNoReport, number>;
  byLight: Record<Light, number>;
  sheetsExpected: number;
  /** Expected units whose sheet came in: never more than sheetsExpected. */
  sheetsReceived: number;
  /** Expected units without a sheet, in the order of expectedUnitIds. */
  missingUnitIds: string[];
  /** Sheets from units that owe none this month (not counted in sheetsReceived). */
  sheetsUnexpected: number;
  /** Units with at least one red task: most red tasks first, then in order of first appearance. */
  redUnits: RedUnit[];
}

export function emptyStatusCounts(): Record<StatusOrNoReport, number> {
  return { done: 0, ahead: 0, on_track: 0, behind: 0, not_started: 0, no_report: 0 };
}

export function emptyLightCounts(): Record<Light, number> {
  return { green: 0, yellow: 0, red: 0 };
}

/** Tasks by status and light, sheets received vs expected, units with red lights. */
export function monthSummary(input: MonthSummaryInput): MonthSummary {
  const byStatus = emptyStatusCounts();
  const byLight = emptyLightCounts();
  const red = new Map<string, string[]>();
  for (const a of input.assessments) {
    if (a.status in byStatus) byStatus[a.status] += 1;
    if (a.light in byLight) byLight[a.light] += 1;
    if (a.light !== 'red') continue;
    for (const unitId of new Set(a.unitIds ?? [])) {
      const list = red.get(unitId) ?? [];
      list.push(a.taskId);
      red.set(unitId, list);
    }
  }
  const expected = [...new Set(input.expectedUnitIds)];
  const expectedSet = new Set(expected);
  const submitted = new Set(input.submittedUnitIds);
  const missingUnitIds = expected.filter((id) => !submitted.has(id));
  let sheetsUnexpected = 0;
  for (const id of submitted) if (!expectedSet.has(id)) sheetsUnexpected += 1;
  const redUnits = [...red.entries()]
    .map(([unitId, taskIds], order) => ({ unitId, taskIds, order }))
    .sort((a, b) => b.taskIds.length - a.taskIds.length || a.order - b.order)
    .map(({ unitId, taskIds }) => ({ unitId, taskIds }));
  return {
    tasks: input.assessments.length,
    byStatus,
    byLight,
    sheetsExpected: expected.length,
    sheetsReceived: expected.length - missingUnitIds.length,
    missingUnitIds,
    sheetsUnexpected,
    redUnits,
  };
}

export interface MonthStatusCounts {
  month: number;
  byStatus: Record<StatusOrNoReport, number>;
}

/** Status counts per month, for the chart of the year; months in ascending order. */
export function statusByMonth(
  months: readonly { month: number; assessments: readonly { status: StatusOrNoReport }[] }[],
): MonthStatusCounts[] {
  return [...months]
    .sort((a, b) => a.month - b.month)
    .map(({ month, assessments }) => {
      const byStatus = emptyStatusCounts();
      for (const a of assessments) if (a.status in byStatus) byStatus[a.status] += 1;
      return { month, byStatus };
    });
}
