// From the progress sheets of one month (the app's own and units' own) to what an import
// would write: one report per unit and task (the lead unit's sets the task's percent; co-units'
// are kept beside it), one submission per unit, and what could not be matched.

import type { IsoDate, ProgressReport, Submission, Task, Unit } from '../model';
import { matchName, matchTaskTitle } from './match';
import type { ProgressRow } from './progress';
import type { RowChanges } from './changeset';
import type { ImportIssue } from './types';

export interface ProgressFile {
  file: string;
  sheet?: string;
  rows: ProgressRow[];
  /** The unit as the workbook names it, and its id when the app made the workbook. */
  unitWritten?: string;
  unitId?: string;
}

export interface ProgressKnown {
  yearId: string;
  month: number;
  tasks: Task[];
  units: Unit[];
  /** The month's reports and submissions already stored. */
  reports: ProgressReport[];
  submissions: Submission[];
}

export interface ReportPreview {
  /** The month the report goes to. */
  month: number;
  file: string;
  sheetRow: number;
  taskTitle: string;
  unitName: string;
  role: 'lead' | 'co';
  kind: 'added' | 'changed' | 'unchanged';
  percentBefore?: number;
  percent: number;
}

export interface FileUnit {
  file: string;
  unitId?: string;
  /** Set when the file's unit could not be matched: the user picks one. */
  unknown?: { written: string; suggestions: { id: string; name: string }[] };
}

export interface ProgressChangeset extends RowChanges {
  previews: ReportPreview[];
  fileUnits: FileUnit[];
  issues: ImportIssue[];
}

const REPORT_FIELDS = [
  'percent',
  'statusWord',
  'doneThisMonth',
  'problems',
  'nextSteps',
  'coordination',
  'delayExplanation',
  'reporter',
  'phone',
] as const;

/**
 * `unitChoices` maps a file name to the unit the user picked for it; `today` is the import date,
 * the default received date of a new submission (a re-sent sheet keeps the first date).
 */
export function progressChangeset(
  files: ProgressFile[],
  known: ProgressKnown,
  unitChoices: Record<string, string>,
  today: IsoDate,
  newId: () => string,
): ProgressChangeset {
  const result: ProgressChangeset = { creates: [], updates: [], unchanged: 0, previews: [], fileUnits: [], issues: [] };
  const unitById = new Map(known.units.map((u) => [u.id, u]));
  const taskById = new Map(known.tasks.map((t) => [t.id, t]));
  const reportKey = (taskId: string, unitId: string) => `${taskId}/${unitId}`;
  const stored = new Map(known.reports.map((r) => [reportKey(r.taskId, r.unitId), r]));
  const seen = new Map<string, string>();
  const submitted = new Set(known.submissions.map((s) => s.unitId));
  // Indexed once for the batch: each file's own tasks and first received date by unit.
  const tasksOf = new Map<string, Task[]>();
  for (const t of known.tasks)
    for (const id of new Set([t.leadUnitId, ...t.coUnitIds]))
      if (id !== undefined) {
        const list = tasksOf.get(id);
        if (list) list.push(t);
        else tasksOf.set(id, [t]);
      }
  const receivedOn = new Map<string, IsoDate>();
  for (const s of known.submissions) if (!receivedOn.has(s.unitId)) receivedOn.set(s.unitId, s.receivedDate);

  for (const f of files) {
    const unitId = resolveUnit(f, known.units, unitById, unitChoices, result);
    if (!unitId) continue;
    const unit = unitById.get(unitId)!;
    const own = tasksOf.get(unitId) ?? [];
    let wroteAny = false;
    for (const row of f.rows) {
      const where = { severity: 'error' as const, file: f.file, sheet: f.sheet, row: row.sheetRow };
      const task = findTask(row, own, known.tasks, taskById);
      if (!task) {
        const hint = matchTaskTitle(row.taskAsWritten, own.length ? own : known.tasks)
          .suggestions.map((s) => `“${s.title}”`)
          .join('、');
        result.issues.push({
          ...where,
          message: `未找到重点工作“${row.taskAsWritten}”${hint ? `，是否为${hint}？` : ''}，此行不导入`,
        });
        continue;
      }
      if (row.percent === null) continue; // the mapper named the cell already
      const key = reportKey(task.id, unitId);
      if (seen.has(key)) {
        result.issues.push({
          ...where,
          severity: 'warning',
          message: `“${task.title}”在${seen.get(key)}已填报，此行不导入`,
        });
        continue;
      }
      seen.set(key, `${f.file} 第${row.sheetRow}行`);
      const role = task.leadUnitId === unitId ? 'lead' : 'co';
      if (role === 'co' && !task.coUnitIds.includes(unitId)) {
        result.issues.push({
          ...where,
          severity: 'warning',
          message: `${unit.name}不是“${task.title}”的责任单位，按配合单位记录`,
        });
      }
      const fields = {
        percent: row.percent,
        statusWord: row.statusWord,
        doneThisMonth: row.done,
        problems: row.problems,
        nextSteps: row.nextSteps,
        coordination: row.coordination,
        delayExplanation: row.delayExplanation,
        reporter: row.reporter,
        phone: row.phone,
      };
      const source = { sourceFile: f.file, sourceSheet: f.sheet, sourceRow: row.sheetRow };
      const before = stored.get(key);
      const preview = {
        month: known.month,
        file: f.file,
        sheetRow: row.sheetRow,
        taskTitle: task.title,
        unitName: unit.name,
        role,
        percent: row.percent,
      } as const;
      wroteAny = true;
      if (!before) {
        const report: ProgressReport = {
          id: newId(),
          yearId: known.yearId,
          month: known.month,
          taskId: task.id,
          unitId,
          isLeadUnit: role === 'lead',
          ...fields,
          receivedDate: receivedOn.get(unitId) ?? today,
          ...source,
        };
        result.creates.push({ table: 'reports', row: { ...report } });
        result.previews.push({ ...preview, kind: 'added' });
      } else if (REPORT_FIELDS.every((k) => before[k] === fields[k])) {
        result.unchanged++;
        result.previews.push({ ...preview, kind: 'unchanged', percentBefore: before.percent });
      } else {
        result.updates.push({ table: 'reports', id: before.id, patch: { ...fields, ...source } });
        result.previews.push({ ...preview, kind: 'changed', percentBefore: before.percent });
      }
    }
    if (wroteAny && !submitted.has(unitId)) {
      submitted.add(unitId);
      const submission: Submission = {
        id: newId(),
        yearId: known.yearId,
        kind: 'progress',
        month: known.month,
        unitId,
        receivedDate: today,
        fileName: f.file,
      };
      result.creates.push({ table: 'submissions', row: { ...submission } });
    }
  }
  return result;
}

function resolveUnit(
  f: ProgressFile,
  units: Unit[],
  unitById: ReadonlyMap<string, Unit>,
  choices: Record<string, string>,
  result: ProgressChangeset,
): string | undefined {
  const chosen = choices[f.file];
  const byId = f.unitId && unitById.has(f.unitId) ? f.unitId : undefined;
  // The name is matched only when neither the user's choice nor the app's own id tells the unit.
  const match = !chosen && !byId && f.unitWritten ? matchName(f.unitWritten, units) : undefined;
  const unitId = chosen ?? byId ?? match?.id;
  if (unitId) {
    result.fileUnits.push({ file: f.file, unitId });
    return unitId;
  }
  const written = f.unitWritten ?? '';
  result.fileUnits.push({ file: f.file, unknown: { written, suggestions: match?.suggestions ?? [] } });
  result.issues.push({
    severity: 'error',
    file: f.file,
    sheet: f.sheet,
    message: written
      ? `填报单位“${written}”不在单位名单中，请在上方选择是哪个单位`
      : '未能从文件中认出填报单位，请在上方选择',
  });
  return undefined;
}

/** The hidden id of the app's own sheets first; else the title among the unit's tasks, then among all. */
function findTask(row: ProgressRow, own: Task[], all: Task[], byId: Map<string, Task>): Task | undefined {
  if (row.taskId && byId.has(row.taskId)) return byId.get(row.taskId);
  for (const pool of [own, all]) {
    const match = matchTaskTitle(row.taskAsWritten, pool);
    if (match.id) return pool.find((t) => t.id === match.id);
  }
  return undefined;
}

/**
 * Why a sheet is held back from the month being imported: its hidden metadata, title, file or
 * sheet name says another month or year ('文件写的是5月的进展，正在导入的是6月'); undefined when it
 * says the same or nothing. Nothing from a held-back file is written until the office decides
 * (import it to the month it says, or to this one after all).
 */
export function heldBack(
  says: { month?: number; year?: number },
  importing: { month: number; year: number },
): string | undefined {
  const otherYear = says.year !== undefined && says.year !== importing.year;
  const otherMonth = says.month !== undefined && says.month !== importing.month;
  if (otherYear)
    return `文件写的是${says.year}年${says.month ?? importing.month}月的进展，正在导入的是${importing.year}年${importing.month}月`;
  return otherMonth ? `文件写的是${says.month}月的进展，正在导入的是${importing.month}月` : undefined;
}

/**
 * progressChangeset for files going to several months of the year (a held-back sheet the
 * office sends to the month it says): one changeset per month with that month's stored reports and
 * submissions, merged into one batch.
 */
export function progressChangesetByMonth(
  filesByMonth: ReadonlyMap<number, ProgressFile[]>,
  knownOf: (month: number) => ProgressKnown,
  unitChoices: Record<string, string>,
  today: IsoDate,
  newId: () => string,
): ProgressChangeset {
  const merged: ProgressChangeset = { creates: [], updates: [], unchanged: 0, previews: [], fileUnits: [], issues: [] };
  for (const [month, files] of [...filesByMonth].sort((a, b) => a[0] - b[0])) {
    const result = progressChangeset(files, knownOf(month), unitChoices, today, newId);
    merged.creates.push(...result.creates);
    merged.updates.push(...result.updates);
    merged.unchanged += result.unchanged;
    merged.previews.push(...result.previews);
    merged.fileUnits.push(...result.fileUnits);
    merged.issues.push(...result.issues);
  }
  return merged;
}
