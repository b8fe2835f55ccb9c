import { isOpenInMonth } from '../../core/calendar';
import type { Milestone, WorkYear } from '../../core/model';
import { listMilestones, listReports, listTasks, listUnits } from '../../db';
import { tasksForUnit } from './templates/common';
import {
  exportPlanWorkbooks,
  exportProgressWorkbooks,
  type ExportProgress,
  type TemplateExportResult,
} from './templates/export';

/** Every unit's 月度进展情况表 for the month, pre-filled with the milestone and last month's percent. */
export async function exportProgressTemplates(
  year: WorkYear,
  month: number,
  unitIds: string[] | undefined,
  onProgress: ExportProgress,
): Promise<TemplateExportResult> {
  const [tasks, units, milestones, lastMonth] = await Promise.all([
    listTasks(year.id),
    listUnits(year.id),
    listMilestones(year.id),
    listReports(year.id, month - 1),
  ]);
  const open = tasks.filter((t) => isOpenInMonth(t, year.year, month));
  const chosen = unitIds ? units.filter((u) => unitIds.includes(u.id)) : units;
  // Looked up by key, not searched per unit and task.
  const milestoneText = new Map(milestones.filter((m) => m.month === month).map((m) => [m.taskId, m.text]));
  const lastPercent = new Map(lastMonth.map((r) => [`${r.taskId}/${r.unitId}`, r.percent]));
  return exportProgressWorkbooks(
    {
      year,
      month,
      units: chosen.map((unit) => ({
        unit,
        tasks: tasksForUnit(open, unit.id).map(({ task, role }) => ({
          task,
          role,
          milestoneText: milestoneText.get(task.id) ?? '',
          lastPercent: lastPercent.get(`${task.id}/${unit.id}`) ?? null,
        })),
      })),
    },
    onProgress,
  );
}

/** Every chosen unit's 月方案 workbook, pre-filled with the milestones already planned. */
export async function exportPlanTemplates(
  year: WorkYear,
  unitIds: string[] | undefined,
  onProgress: ExportProgress,
): Promise<TemplateExportResult> {
  const [tasks, units, milestones] = await Promise.all([
    listTasks(year.id),
    listUnits(year.id),
    listMilestones(year.id),
  ]);
  const chosen = unitIds ? units.filter((u) => unitIds.includes(u.id)) : units;
  const milestonesOf = new Map<string, Milestone[]>();
  for (const m of milestones) {
    const list = milestonesOf.get(m.taskId);
    if (list) list.push(m);
    else milestonesOf.set(m.taskId, [m]);
  }
  return exportPlanWorkbooks(
    {
      year,
      units: chosen.map((unit) => ({
        unit,
        tasks: tasksForUnit(tasks, unit.id).map(({ task, role }) => ({
          task,
          role,
          milestones: milestonesOf.get(task.id) ?? [],
        })),
      })),
    },
    onProgress,
  );
}
