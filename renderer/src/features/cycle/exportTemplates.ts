import { isOpenInMonth } from '../../core/calendar';
import type { WorkYear } from '../../core/model';
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
  return exportProgressWorkbooks(
    {
      year,
      month,
      units: chosen.map((unit) => ({
        unit,
        tasks: tasksForUnit(open, unit.id).map(({ task, role }) => ({
          task,
          role,
          milestoneText: milestones.find((m) => m.taskId === task.id && m.month === month)?.text ?? '',
          lastPercent: lastMonth.find((r) => r.taskId === task.id && r.unitId === unit.id)?.percent ?? null,
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
  return exportPlanWorkbooks(
    {
      year,
      units: chosen.map((unit) => ({
        unit,
        tasks: tasksForUnit(tasks, unit.id).map(({ task, role }) => ({
          task,
          role,
          milestones: milestones.filter((m) => m.taskId === task.id),
        })),
      })),
    },
    onProgress,
  );
}
