// 催报 (issue 4): from the report due date on, the units whose sheet for the month has not come
// in, with their contact, phone and the tasks they answer for. Pure: today is a parameter.

import { type DueDate } from './calendar';
import { chineseDate, daysBetween, monthStart } from './dates';
import type { IsoDate, Task, Unit } from './model';

export type TaskRole = 'lead' | 'co';

export interface ResponsibleTask {
  taskId: string;
  title: string;
  role: TaskRole;
}

export interface ReminderRow {
  unitId: string;
  unitName: string;
  contactPerson: string;
  phone: string;
  /** The tasks the unit reports on this month, in the order of the task list given. */
  tasks: ResponsibleTask[];
  /** Days after the due date: 0 on the due date itself. */
  daysOverdue: number;
}

export type ReminderTask = Pick<Task, 'id' | 'title' | 'leadUnitId' | 'coUnitIds' | 'dueDate'>;
export type ReminderUnit = Pick<Unit, 'id' | 'name' | 'contactPerson' | 'phone' | 'sortOrder'>;

/**
 * The units that owe a progress sheet for a month, with their tasks: every lead and co-unit of
 * each task still running in the month (due date on or after the month's first day). A unit
 * named both lead and co-unit of a task counts once, as lead. Map order: first appearance.
 * The same set is the dashboard's sheetsExpected.
 */
export function responsibleUnits(
  tasks: readonly ReminderTask[],
  year: number,
  month: number,
): Map<string, ResponsibleTask[]> {
  const first = monthStart(year, month);
  const out = new Map<string, ResponsibleTask[]>();
  const add = (unitId: string | undefined, task: ReminderTask, role: TaskRole): void => {
    if (!unitId) return;
    const list = out.get(unitId) ?? [];
    if (list.some((t) => t.taskId === task.id)) return;
    list.push({ taskId: task.id, title: task.title, role });
    out.set(unitId, list);
  };
  for (const task of tasks) {
    // An unreadable due date keeps the task in (better one reminder too many than one missed).
    if (daysBetween(first, task.dueDate) < 0) continue;
    add(task.leadUnitId, task, 'lead');
    for (const unitId of task.coUnitIds ?? []) add(unitId, task, 'co');
  }
  return out;
}

export interface ReminderInput {
  month: number;
  /** The month's report due date (calendar.ts dueDate(settings, 'report', month)); its year is the work year. */
  due: DueDate;
  today: IsoDate;
  units: readonly ReminderUnit[];
  tasks: readonly ReminderTask[];
  /** Units whose sheet for the month was received (on time or late). */
  submittedUnitIds: ReadonlySet<string>;
}

/**
 * The 催报 list. Before the (shifted) due date it is empty: nobody is late yet (the dashboard
 * shows the sheets still outstanding). From the due date on: every unit of responsibleUnits
 * without a sheet for the month, with its contact, phone, tasks and days past the due date
 * (0 on the due date), sorted by the unit's sortOrder, then name. Units not in `units` are
 * left out.
 */
export function reminderList(input: ReminderInput): ReminderRow[] {
  const daysOverdue = daysBetween(input.due.due, input.today);
  if (!(daysOverdue >= 0)) return [];
  const year = Number(input.due.nominal.slice(0, 4));
  const owing = responsibleUnits(input.tasks, year, input.month);
  const rows: (ReminderRow & { sortOrder: number })[] = [];
  for (const unit of input.units) {
    const tasks = owing.get(unit.id);
    if (!tasks || input.submittedUnitIds.has(unit.id)) continue;
    rows.push({
      unitId: unit.id,
      unitName: unit.name,
      contactPerson: unit.contactPerson,
      phone: unit.phone,
      tasks,
      daysOverdue,
      sortOrder: unit.sortOrder,
    });
  }
  rows.sort((a, b) => a.sortOrder - b.sortOrder || a.unitName.localeCompare(b.unitName, 'zh'));
  return rows.map(({ sortOrder: _sortOrder, ...row }) => row);
}

const roleLabels: Record<TaskRole, string> = { lead: '牵头', co: '配合' };

/** A task as the 催报 list and its message name it: 临空示范区开发建设（牵头）. */
export function reminderTaskLabel(task: ResponsibleTask): string {
  return `${task.title}（${roleLabels[task.role]}）`;
}

/**
 * The message the office pastes into its messaging tools for one unit on the 催报 list: the unit
 * and its contact, the month's sheet not received, the tasks it still owes, the (shifted) due
 * date and how far past it, and where to send. Plain text, one paragraph per part.
 */
export function reminderMessage(row: ReminderRow, month: number, due: DueDate, office = '区政府督查室'): string {
  const year = Number(due.nominal.slice(0, 4));
  const contact = row.contactPerson ? `（联系人：${row.contactPerson}）` : '';
  const late = row.daysOverdue > 0 ? `，已逾期${row.daysOverdue}天` : '，今天截止';
  const tasks = row.tasks.map((t, i) => `${i + 1}. ${reminderTaskLabel(t)}`).join('\n');
  return [
    `【催报】${row.unitName}${contact}：`,
    `贵单位${year}年${month}月重点工作进展情况表尚未报送，截止日期为${chineseDate(due.due)}${late}。`,
    `未报事项：\n${tasks}`,
    `请尽快填报并报送${office}。`,
  ].join('\n');
}
