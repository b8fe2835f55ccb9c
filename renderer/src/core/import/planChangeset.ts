// From returned 月方案 workbooks to what an import would write: the lead unit's plan becomes the
// task's milestones (all months of a task or none: a plan that fails validation is left out
// whole), a co-unit's rows are acknowledged only, and each unit gets its plan submission.

import type { IsoDate, Milestone, Submission, Task, Unit, WorkYear } from '../model';
import { validatePlan } from '../plan';
import { matchName, matchTaskTitle } from './match';
import { planColumnOf, type PlanSheetRow } from './plan';
import type { RowChanges } from './changeset';
import type { ImportIssue } from './types';

export interface PlanFile {
  file: string;
  sheet?: string;
  rows: PlanSheetRow[];
  unitWritten?: string;
  unitId?: string;
}

export interface PlanKnown {
  year: Pick<WorkYear, 'id' | 'year' | 'windowStartMonth' | 'windowEndMonth'>;
  tasks: Task[];
  units: Unit[];
  milestones: Milestone[];
  submissions: Submission[];
}

export interface PlanPreview {
  file: string;
  sheetRow: number;
  taskTitle: string;
  unitName: string;
  role: 'lead' | 'co';
  kind: 'added' | 'changed' | 'unchanged' | 'reference';
  /** e.g. '5月：30% → 40%'. */
  changes: string[];
}

export interface PlanChangeset extends RowChanges {
  previews: PlanPreview[];
  /** Files whose unit must be picked by the user. */
  unknownUnits: { file: string; written: string }[];
  issues: ImportIssue[];
}

export function planChangeset(
  files: PlanFile[],
  known: PlanKnown,
  unitChoices: Record<string, string>,
  today: IsoDate,
  newId: () => string,
): PlanChangeset {
  const out: PlanChangeset = { creates: [], updates: [], unchanged: 0, previews: [], unknownUnits: [], issues: [] };
  const submitted = new Set(known.submissions.map((s) => s.unitId));
  const done = new Set<string>();
  for (const f of files) {
    const unitId =
      unitChoices[f.file] ??
      (f.unitId && known.units.some((u) => u.id === f.unitId) ? f.unitId : undefined) ??
      (f.unitWritten ? matchName(f.unitWritten, known.units).id : undefined);
    if (!unitId) {
      out.unknownUnits.push({ file: f.file, written: f.unitWritten ?? '' });
      out.issues.push({
        severity: 'error',
        file: f.file,
        sheet: f.sheet,
        message: `未能认出填报单位“${f.unitWritten ?? ''}”，请在上方选择`,
      });
      continue;
    }
    const unit = known.units.find((u) => u.id === unitId)!;
    const own = known.tasks.filter((t) => t.leadUnitId === unitId || t.coUnitIds.includes(unitId));
    let anyRow = false;
    for (const row of f.rows) {
      const task = (row.taskId && known.tasks.find((t) => t.id === row.taskId)) || byTitle(row.taskAsWritten, own);
      if (!task) {
        out.issues.push({
          severity: 'error',
          file: f.file,
          sheet: f.sheet,
          row: row.sheetRow,
          message: `未找到重点工作“${row.taskAsWritten}”，此行不导入`,
        });
        continue;
      }
      anyRow = true;
      const base = { file: f.file, sheetRow: row.sheetRow, taskTitle: task.title, unitName: unit.name };
      if (task.leadUnitId !== unitId) {
        out.previews.push({ ...base, role: 'co', kind: 'reference', changes: [] });
        continue;
      }
      if (done.has(task.id)) {
        out.issues.push({
          severity: 'warning',
          file: f.file,
          sheet: f.sheet,
          row: row.sheetRow,
          message: `“${task.title}”的月方案已在本批次中出现，此行不导入`,
        });
        continue;
      }
      const problems = validatePlan(
        { taskId: task.id, title: task.title, dueDate: task.dueDate, months: row.months },
        known.year,
        { file: f.file, sheet: f.sheet, sheetRow: row.sheetRow, columnOf: planColumnOf(row) },
      );
      out.issues.push(...problems);
      if (problems.some((p) => p.severity === 'error')) continue;
      done.add(task.id);
      const changes: string[] = [];
      let created = false;
      for (const cell of row.months) {
        if (cell.plannedPercent === null && cell.text === '') continue;
        const fields = { text: cell.text, plannedPercent: cell.plannedPercent ?? 0 };
        const existing = known.milestones.find((m) => m.taskId === task.id && m.month === cell.month);
        if (!existing) {
          const milestone: Milestone = {
            id: newId(),
            taskId: task.id,
            yearId: known.year.id,
            month: cell.month,
            ...fields,
          };
          out.creates.push({ table: 'milestones', row: { ...milestone } });
          created = true;
        } else if (existing.text !== fields.text || existing.plannedPercent !== fields.plannedPercent) {
          out.updates.push({ table: 'milestones', id: existing.id, patch: fields });
          changes.push(
            `${cell.month}月：${existing.plannedPercent}% → ${fields.plannedPercent}%${existing.text !== fields.text ? '（节点目标有改动）' : ''}`,
          );
        }
      }
      const kind = changes.length ? 'changed' : created ? 'added' : 'unchanged';
      if (kind === 'unchanged') out.unchanged++;
      out.previews.push({ ...base, role: 'lead', kind, changes });
    }
    if (anyRow && !submitted.has(unitId)) {
      submitted.add(unitId);
      const submission: Submission = {
        id: newId(),
        yearId: known.year.id,
        kind: 'plan',
        month: 0,
        unitId,
        receivedDate: today,
        fileName: f.file,
      };
      out.creates.push({ table: 'submissions', row: { ...submission } });
    }
  }
  return out;
}

function byTitle(written: string, tasks: Task[]): Task | undefined {
  const match = matchTaskTitle(written, tasks);
  return match.id ? tasks.find((t) => t.id === match.id) : undefined;
}
