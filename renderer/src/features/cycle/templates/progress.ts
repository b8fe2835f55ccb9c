// The 月度进展情况表 sent to one unit for one month (PRODUCT.md §6): the unit's tasks with the
// month's milestone and last month's percent filled in, to be completed by the unit. Its
// headers are those mapProgress reads (columnLabels.progress in core/import/columns.ts).

import { dueDate } from '../../../core/calendar';
import { chineseDate } from '../../../core/dates';
import { columnLabels } from '../../../core/import/columns';
import type { Task, Unit, WorkYear } from '../../../core/model';
import type { CellInput, ColumnSpec, SheetSpec } from '../../../io/excel/write';
import { ROLE_HEADER, instructions, metaSheet, roleLabels, type TaskRole } from './common';

export interface ProgressTask {
  task: Task;
  role: TaskRole;
  /** The month's 节点目标 from the plan ('' when the plan has none). */
  milestoneText: string;
  /** The unit's 累计进度 of the month before, when it reported one. */
  lastPercent: number | null;
}

export interface ProgressWorkbookInput {
  year: WorkYear;
  month: number;
  unit: Unit;
  tasks: ProgressTask[];
  appVersion?: string;
}

/** The status dropdown: the words statusWordOf (core/progress.ts) reads; 超序时 is computed, not chosen. */
export const STATUS_CHOICES = ['已完成', '序时推进', '滞后', '未启动'] as const;

/** Last month's percent, shown for reference; not a column of the template (the importer ignores it). */
export const LAST_PERCENT_HEADER = '上月累计进度(%)';

export function progressSheetName(month: number): string {
  return `${month}月进展`;
}

export function progressFileName(unit: Pick<Unit, 'name'>, year: Pick<WorkYear, 'year'>, month: number): string {
  return `${unit.name}-${year.year}年${month}月进展.xlsx`;
}

const label = columnLabels.progress;
const text = (field: string) => label[field] ?? field;

/** 任务编号 (hidden) · 序号 · 重点工作 · 责任类型 · 本月计划节点 · 上月累计进度(%) — locked; then what the unit fills. */
const PROGRESS_COLUMNS: ColumnSpec[] = [
  { header: text('taskId'), key: 'taskId', hidden: true, locked: true, width: 12 },
  { header: text('code'), key: 'code', locked: true, width: 6 },
  { header: text('title'), key: 'title', locked: true, wrap: true, width: 22 },
  { header: ROLE_HEADER, key: 'role', locked: true, width: 7 },
  { header: text('milestone'), key: 'milestone', locked: true, wrap: true, width: 22 },
  { header: LAST_PERCENT_HEADER, key: 'lastPercent', locked: true, width: 9 },
  { header: text('done'), key: 'done', wrap: true, width: 30 },
  { header: text('percent'), key: 'percent', range: { min: 0, max: 100 }, width: 9 },
  { header: text('statusWord'), key: 'statusWord', list: [...STATUS_CHOICES], width: 10 },
  { header: text('problems'), key: 'problems', wrap: true, width: 18 },
  { header: text('nextSteps'), key: 'nextSteps', wrap: true, width: 18 },
  { header: text('coordination'), key: 'coordination', wrap: true, width: 16 },
  { header: text('delayExplanation'), key: 'delayExplanation', wrap: true, width: 16 },
  { header: text('reporter'), key: 'reporter', width: 9 },
  { header: text('phone'), key: 'phone', width: 13 },
];

/** What every unit's 进展情况表 of a month shares: described once per export (progressLayout), not per unit. */
export interface ProgressLayout {
  sheetName: string;
  dueText: string;
  notes: string[];
}

export function progressLayout(year: WorkYear, month: number): ProgressLayout {
  const due = dueDate(year, 'report', month);
  const dueText = `${chineseDate(due.due)}前${due.shifted && due.reason ? `（${due.reason}）` : ''}`;
  return {
    sheetName: progressSheetName(month),
    dueText,
    notes: instructions([
      `请于${dueText}报送。`,
      '“累计进度(%)”填0—100的数字，是截至本月底的累计完成进度（不是本月新增），不低于上月累计进度，完成时填100。',
      '“状态”从下拉列表中选择；选“滞后”的，必须填写“滞后原因说明”。',
      '请勿修改隐藏的“任务编号”列，勿增删行列或改动表格结构。',
    ]),
  };
}

/** The 月度进展情况表 of one unit and month: the month's sheet and the hidden _meta sheet. */
export function progressWorkbook(
  input: ProgressWorkbookInput,
  layout: ProgressLayout = progressLayout(input.year, input.month),
): SheetSpec[] {
  const { year, month, unit, tasks } = input;
  const rows = tasks.map((item, index): Record<string, CellInput> => ({
    taskId: item.task.id,
    code: item.task.code.trim() || String(index + 1),
    title: item.task.title,
    role: roleLabels[item.role],
    milestone: item.milestoneText,
    lastPercent: item.lastPercent !== null && Number.isFinite(item.lastPercent) ? item.lastPercent : null,
    // The unit's registered contact, to be corrected by whoever fills the sheet.
    reporter: unit.contactPerson,
    phone: unit.phone,
  }));
  return [
    {
      name: layout.sheetName,
      title: `${unit.name}${year.year}年${month}月重点工作进展情况表`,
      subtitle: `填报单位：${unit.name}    报送时间：${layout.dueText}`,
      landscape: true,
      columns: PROGRESS_COLUMNS,
      rows,
      notes: layout.notes,
    },
    metaSheet({
      kind: 'progress',
      year: year.year,
      month,
      unit: unit.name,
      unitId: unit.id,
      appVersion: input.appVersion,
    }),
  ];
}
