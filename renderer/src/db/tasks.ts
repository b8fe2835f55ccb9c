// Tasks (重点工作) entered or edited by hand; imports write them through imports.ts with the
// same checks (validate.ts).

import type { Task } from '../core/model';
import { writeTransaction } from './audit';
import { DomainError } from './errors';
import { newId } from './ids';
import { findReferrers, referrerLabels, referringTables } from './refs';
import { db } from './schema';
import { checkTasks, requireYear, taskLabel } from './validate';

export type NewTask = Omit<Task, 'id'>;

/** Optional fields that a patch clears when it names them with the value undefined. */
const CLEARABLE = ['sectionId', 'leadUnitId', 'carriedOverFrom'] as const;

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Trims the texts, drops empty list items, removes repeated ids and empty optional ids. */
function cleanTask(input: NewTask): NewTask {
  const out: NewTask = {
    yearId: input.yearId,
    code: input.code.trim(),
    title: input.title.trim(),
    measures: input.measures.map((m) => ({ text: m.text.trim() })).filter((m) => m.text !== ''),
    targets: input.targets
      .map((g) => {
        const target: Task['targets'][number] = { text: g.text.trim() };
        if (g.value !== undefined) target.value = g.value;
        const unit = g.unit?.trim();
        if (unit) target.unit = unit;
        return target;
      })
      .filter((g) => g.text !== '' || g.value !== undefined),
    leaderIds: unique(input.leaderIds),
    coUnitIds: unique(input.coUnitIds),
    responsiblePerson: input.responsiblePerson.trim(),
    dueDate: input.dueDate.trim(),
  };
  for (const field of CLEARABLE) {
    const value = input[field];
    if (value !== undefined && value !== '') out[field] = value;
  }
  return out;
}

/**
 * Adds a task: title required and unique in the year (spaces and full-width forms ignored),
 * section, leaders and units of the same year, due date 'YYYY-MM-DD'.
 */
export function addTask(input: NewTask): Promise<Task> {
  return writeTransaction([db.tasks, db.workYears, db.units, db.leaders, db.sections], async (w) => {
    await requireYear(input.yearId);
    const task: Task = { id: newId(), ...cleanTask(input) };
    await checkTasks(task.yearId, [task]);
    return w.add(db.tasks, task);
  });
}

/**
 * Changes a task with the checks of addTask. A field absent from `patch` (or undefined) is
 * kept, except the optional ids sectionId, leadUnitId and carriedOverFrom: naming one with
 * the value undefined clears it. A task cannot move to another year.
 */
export function updateTask(id: string, patch: Partial<NewTask>): Promise<void> {
  return writeTransaction([db.tasks, db.units, db.leaders, db.sections], async (w) => {
    const before = await db.tasks.get(id);
    if (!before) throw new DomainError('重点工作不存在（可能已被删除）');
    if (patch.yearId !== undefined && patch.yearId !== before.yearId)
      throw new DomainError('不能更改重点工作所属的工作年度');
    const merged: Record<string, unknown> = { ...before };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) merged[key] = value;
      else if ((CLEARABLE as readonly string[]).includes(key)) delete merged[key];
    }
    const task: Task = { id, ...cleanTask(merged as unknown as NewTask) };
    await checkTasks(task.yearId, [task]);
    await w.put(db.tasks, task);
  });
}

/**
 * Deletes a task and its monthly-plan milestones (each audited). Refused while progress
 * reports, feedback, score entries, evaluations, reviews or a next year's carried-over task
 * refer to it.
 */
export function deleteTask(id: string): Promise<void> {
  return writeTransaction([db.tasks, db.milestones, ...referringTables('tasks')], async (w) => {
    const task = await db.tasks.get(id);
    if (!task) throw new DomainError('重点工作不存在（可能已被删除）');
    const referrers = (await findReferrers('tasks', [id], task.yearId)).filter((r) => r.table !== db.milestones.name);
    if (referrers.length > 0) throw new DomainError(`${taskLabel(task)}已被${referrerLabels(referrers)}引用，不能删除`);
    const milestones = await db.milestones.where('taskId').equals(id).primaryKeys();
    await w.deleteAll(db.milestones, milestones);
    await w.delete(db.tasks, id);
  });
}
