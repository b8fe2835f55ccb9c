// The 月方案 sent to one unit (PRODUCT.md §6): the unit's tasks, as lead and as co-unit, with
// per month of the work window a 节点目标 and a 计划累计进度(%), pre-filled with the milestones
// the app already has. Read back by mapPlan (core/import/plan.ts), whose planColumnHeaders
// gives the columns.

import { dueDate, windowMonths } from '../../../core/calendar';
import { chineseDate } from '../../../core/dates';
import { PLAN_PERCENT_HEADER, PLAN_TEXT_HEADER, planColumnHeaders } from '../../../core/import/plan';
import { columnLabels } from '../../../core/import/columns';
import type { Milestone, Task, Unit, WorkYear } from '../../../core/model';
import type { CellInput, ColumnSpec, SheetSpec } from '../../../io/excel/write';
import { instructions, metaSheet, roleLabels, type TaskRole } from './common';

export interface PlanTask {
  task: Task;
  role: TaskRole;
  /** The task's milestones already known (any month; those outside the window are left out). */
  milestones: Milestone[];
}

export interface PlanWorkbookInput {
  year: WorkYear;
  unit: Unit;
  tasks: PlanTask[];
  appVersion?: string;
}

export const PLAN_SHEET_NAME = '月方案';

/**
 * The one-row headers of a month: '3月节点目标', '3月计划累计进度(%)' — the texts of
 * planColumnHeaders' month group with the month in front, which mapPlan reads as that month.
 */
export function planMonthHeaders(month: number): { text: string; percent: string } {
  return { text: `${month}月${PLAN_TEXT_HEADER}`, percent: `${month}月${PLAN_PERCENT_HEADER}` };
}

export const planTextKey = (month: number) => `text${month}`;
export const planPercentKey = (month: number) => `percent${month}`;

export function planFileName(unit: Pick<Unit, 'name'>, year: Pick<WorkYear, 'year'>): string {
  return `${unit.name}-${year.year}年月方案.xlsx`;
}

/**
 * The columns, in planColumnHeaders' order (任务编号 hidden, 重点工作, 责任类型, then per month
 * 节点目标 and 计划累计进度(%)), with 序号 after the hidden id. One header row: writeWorkbook
 * writes one, so each month's two headers carry the month ('3月节点目标').
 */
function planColumns(months: readonly number[]): ColumnSpec[] {
  const columns: ColumnSpec[] = [];
  for (const column of planColumnHeaders(months).columns) {
    switch (column.key) {
      case 'taskId':
        columns.push({ header: column.header, key: 'id', hidden: true, locked: true, width: 12 });
        columns.push({ header: columnLabels.plan.code ?? '序号', key: 'code', locked: true, width: 6 });
        break;
      case 'title':
        columns.push({ header: column.header, key: 'title', locked: true, wrap: true, width: 26 });
        break;
      case 'role':
        columns.push({ header: column.header, key: 'role', locked: true, width: 7 });
        break;
      case 'text': {
        const month = column.month ?? 0;
        columns.push({ header: planMonthHeaders(month).text, key: planTextKey(month), wrap: true, width: 18 });
        break;
      }
      case 'percent': {
        const month = column.month ?? 0;
        columns.push({
          header: planMonthHeaders(month).percent,
          key: planPercentKey(month),
          range: { min: 0, max: 100 },
          width: 10,
        });
        break;
      }
    }
  }
  return columns;
}

function planRow(item: PlanTask, index: number, months: readonly number[]): Record<string, CellInput> {
  const row: Record<string, CellInput> = {
    id: item.task.id,
    code: item.task.code.trim() || String(index + 1),
    title: item.task.title,
    role: roleLabels[item.role],
  };
  for (const month of months) {
    const milestone = item.milestones.find((m) => m.month === month);
    if (!milestone) continue;
    row[planTextKey(month)] = milestone.text;
    row[planPercentKey(month)] = Number.isFinite(milestone.plannedPercent) ? milestone.plannedPercent : null;
  }
  return row;
}

/** What every unit's 月方案 of a year shares: described once per export (planLayout), not per unit. */
export interface PlanLayout {
  months: number[];
  columns: ColumnSpec[];
  dueText: string;
  notes: string[];
}

export function planLayout(year: WorkYear): PlanLayout {
  const months = windowMonths(year);
  return {
    months,
    columns: planColumns(months),
    dueText: `${chineseDate(dueDate(year, 'plan').due)}前`,
    notes: instructions([
      '逐月填写“节点目标”和“计划累计进度(%)”，从第一个月填到该项工作完成时限所在的月份。',
      '计划累计进度填0—100的数字，是截至当月底的累计进度，逐月不减少，完成时限所在月份为100。',
      '请勿修改隐藏的“任务编号”列，勿增删行列或改动表格结构。',
    ]),
  };
}

/** The 月方案 of one unit: the sheet 月方案 and the hidden _meta sheet. */
export function planWorkbook(input: PlanWorkbookInput, layout: PlanLayout = planLayout(input.year)): SheetSpec[] {
  const { year, unit, tasks } = input;
  return [
    {
      name: PLAN_SHEET_NAME,
      title: `${unit.name}${year.year}年度重点工作月方案`,
      subtitle: `填报单位：${unit.name}    报送时间：${layout.dueText}`,
      landscape: true,
      columns: layout.columns,
      rows: tasks.map((item, index) => planRow(item, index, layout.months)),
      notes: layout.notes,
    },
    metaSheet({ kind: 'plan', year: year.year, unit: unit.name, unitId: unit.id, appVersion: input.appVersion }),
  ];
}
