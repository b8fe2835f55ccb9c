// 复盘 (issue 7): one review per task, written as the office types (the screen saves a draft a
// moment after each change) and each step taken. Every save is one audited transaction with
// its checks inside; a save that changes nothing writes nothing. Reviews do not freeze with a
// month: they look back over the whole year.

import { useLiveQuery } from 'dexie-react-hooks';
import type { Evaluation, Feedback, ProgressReport, Review } from '../core/model';
import { reviewSteps, type ReviewTexts } from '../core/review';
import { writeTransaction } from './audit';
import { nowIso } from './clock';
import { deepEqual } from './equal';
import { DomainError } from './errors';
import { newId } from './ids';
import { db } from './schema';
import { taskLabel } from './validate';

export interface ReviewInput extends ReviewTexts {
  yearId: string;
  taskId: string;
  /** The step being worked on (0 回忆目标 … 3 总结经验). */
  step: number;
  /** true: marked complete (completedAt set once, kept on later saves); false: not (cleared). */
  completed: boolean;
}

const TEXT_FIELDS = ['recallGoals', 'assessResults', 'analyseCauses', 'lessons', 'nextYearPlan'] as const;

/**
 * Saves the review of a task: creates it, or replaces the stored one (the input is the whole
 * review). The task must exist in the year. updatedAt is now; a save equal to the stored
 * review (updatedAt aside) writes nothing and logs nothing. Audited.
 */
export async function saveReview(input: ReviewInput): Promise<Review> {
  for (const field of TEXT_FIELDS)
    if (typeof input[field] !== 'string') throw new DomainError(`复盘的数据不完整（${field}）`);
  if (!Number.isInteger(input.step) || input.step < 0 || input.step >= reviewSteps.length)
    throw new DomainError(`复盘步骤应为1至${reviewSteps.length}`);
  const now = nowIso();
  return writeTransaction([db.reviews, db.tasks], async (w) => {
    const task = await db.tasks.get(input.taskId);
    if (!task) throw new DomainError('重点工作不存在（可能已被删除）');
    if (task.yearId !== input.yearId) throw new DomainError(`${taskLabel(task)}不属于本工作年度`);
    const stored = await db.reviews.where('taskId').equals(input.taskId).first();
    const row: Review = {
      id: stored?.id ?? newId(),
      yearId: input.yearId,
      taskId: input.taskId,
      recallGoals: input.recallGoals,
      assessResults: input.assessResults,
      analyseCauses: input.analyseCauses,
      lessons: input.lessons,
      nextYearPlan: input.nextYearPlan,
      step: input.step,
      updatedAt: now,
    };
    if (input.completed) row.completedAt = stored?.completedAt ?? now;
    if (stored && deepEqual({ ...stored, updatedAt: now }, row)) return stored;
    return w.put(db.reviews, row);
  });
}

// ---------------------------------------------------------------- reads

/** The reviews of a year ([] without a year). */
export async function listReviews(yearId: string | undefined): Promise<Review[]> {
  if (yearId === undefined) return [];
  return db.reviews.where('yearId').equals(yearId).toArray();
}

/** A task's review; undefined when none is saved. */
export async function getTaskReview(taskId: string | undefined): Promise<Review | undefined> {
  if (taskId === undefined) return undefined;
  return db.reviews.where('taskId').equals(taskId).first();
}

/** What a review looks back on: the task's reports and feedback, and the evaluations of the task or its lead unit. */
export interface TaskRecord {
  reports: ProgressReport[];
  feedback: Feedback[];
  evaluations: Evaluation[];
}

export async function getTaskRecord(
  yearId: string,
  taskId: string,
  leadUnitId: string | undefined,
): Promise<TaskRecord> {
  const [reports, feedback, byTask, byUnit] = await Promise.all([
    db.reports.where('taskId').equals(taskId).toArray(),
    db.feedback.where('taskId').equals(taskId).toArray(),
    db.evaluations.where('taskId').equals(taskId).toArray(),
    leadUnitId === undefined ? Promise.resolve([]) : db.evaluations.where('unitId').equals(leadUnitId).toArray(),
  ]);
  const evaluations = [...byTask, ...byUnit.filter((e) => e.taskId === undefined)].filter((e) => e.yearId === yearId);
  return { reports, feedback, evaluations };
}

/** The reviews of a year, live ([] without a year). */
export function useReviews(yearId: string | undefined): Review[] | undefined {
  return useLiveQuery(() => listReviews(yearId), [yearId]);
}

/** A task's review, live: null when none is saved, undefined while loading. */
export function useTaskReview(taskId: string | undefined): Review | null | undefined {
  return useLiveQuery(async () => (await getTaskReview(taskId)) ?? null, [taskId]);
}

/** A task's reports, feedback and evaluations, live (undefined while loading). */
export function useTaskRecord(yearId: string, taskId: string, leadUnitId: string | undefined): TaskRecord | undefined {
  return useLiveQuery(() => getTaskRecord(yearId, taskId, leadUnitId), [yearId, taskId, leadUnitId]);
}
