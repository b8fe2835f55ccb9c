// What the templates sent to the units share: which tasks a unit answers for and in which
// role, the hidden _meta sheet, dates in words, and the 填报说明 block.

import { PLAN_ROLE_HEADER, planRoleLabels, type PlanRole } from '../../../core/import/plan';
import { META_SHEET_NAME, metaRows, type WorkbookMeta } from '../../../core/import/template';
import type { Task } from '../../../core/model';
import type { SheetSpec } from '../../../io/excel/write';

/** A unit answers for a task as its lead unit (牵头) or as one of its co-units (配合). */
export type TaskRole = PlanRole;

/**
 * The column saying whether the unit leads or assists, as the plan mapper reads it
 * (core/import/plan.ts): header 责任类型, values 牵头 / 配合. The progress sheet shows it too.
 */
export const ROLE_HEADER = PLAN_ROLE_HEADER;
export const roleLabels: Record<TaskRole, string> = planRoleLabels;

/** The role of a unit on a task, or undefined when the task is not the unit's. */
export function roleOf(task: Pick<Task, 'leadUnitId' | 'coUnitIds'>, unitId: string): TaskRole | undefined {
  if (task.leadUnitId === unitId) return 'lead';
  if (task.coUnitIds.includes(unitId)) return 'co';
  return undefined;
}

const byCode = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The tasks a unit answers for, in the order of its sheet: those it leads first, then those
 * it assists, each in the order of the task list's 序号.
 */
export function tasksForUnit<T extends Task>(tasks: readonly T[], unitId: string): { task: T; role: TaskRole }[] {
  const out: { task: T; role: TaskRole }[] = [];
  for (const task of tasks) {
    const role = roleOf(task, unitId);
    if (role) out.push({ task, role });
  }
  const rank = (role: TaskRole) => (role === 'lead' ? 0 : 1);
  return out.sort((a, b) => rank(a.role) - rank(b.role) || byCode.compare(a.task.code, b.task.code));
}

/** The hidden sheet that tells the importer what a returned workbook is (template.ts readMeta). */
export function metaSheet(meta: WorkbookMeta): SheetSpec {
  return {
    name: META_SHEET_NAME,
    hidden: true,
    freezeHeader: false,
    columns: [
      { header: 'key', key: 'key' },
      { header: 'value', key: 'value' },
    ],
    rows: metaRows(meta).map(([key, value]) => ({ key, value })),
  };
}

/**
 * The 填报说明 as ONE note cell of numbered lines. One cell, because the importer skips a row
 * below the table only when its first cell reads as a note ('填报说明：…'); a second row
 * starting '2. …' would be read as a task.
 */
export function instructions(lines: readonly string[]): string[] {
  return [['填报说明：', ...lines.map((line, i) => `${i + 1}. ${line}`)].join('\n')];
}
