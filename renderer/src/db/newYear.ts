// 新年度 (issue 7): year N+1 started from year N in ONE audited transaction — the year, its
// units, leaders, rule table and, when asked, the unfinished tasks carried over (what is
// copied: core/newYear.ts). Any refusal or failure stores nothing at all.

import { useLiveQuery } from 'dexie-react-hooks';
import type { Task, WorkYear } from '../core/model';
import { planNextYear } from '../core/newYear';
import { finalProgress, type FinalProgress } from '../core/review';
import { writeTransaction } from './audit';
import { nowIso } from './clock';
import { DomainError } from './errors';
import { newId } from './ids';
import { db } from './schema';
import { checkRegistryRows, checkSections, checkTasks, requireYear } from './validate';

export interface StartYearOptions {
  /** Carry the tasks unfinished at year end over (marked carriedOverFrom). */
  carryOver: boolean;
  /** With carryOver: only these of the unfinished tasks (default: all of them). */
  taskIds?: readonly string[];
}

export interface StartedYear {
  year: WorkYear;
  units: number;
  leaders: number;
  scoreRules: number;
  tasks: number;
}

/**
 * Creates year N+1 from year `sourceYearId` (N): the calendar settings, every unit (aliases,
 * ranking groups) and leader, the year's rule table and, with `carryOver`, the unfinished
 * tasks. Refused when year N+1 exists. One transaction: all or nothing, every row audited.
 */
export async function startYearFrom(sourceYearId: string, options: StartYearOptions): Promise<StartedYear> {
  const now = nowIso();
  return writeTransaction(
    [db.workYears, db.units, db.leaders, db.sections, db.tasks, db.scoreRules, db.reports],
    async (w) => {
      const year = await requireYear(sourceYearId);
      const next = year.year + 1;
      if (await db.workYears.where('year').equals(next).first())
        throw new DomainError(`${next}年度已存在，不能再从${year.year}年度新建`);
      const source = {
        year,
        units: await db.units.where('yearId').equals(sourceYearId).toArray(),
        leaders: await db.leaders.where('yearId').equals(sourceYearId).toArray(),
        sections: await db.sections.where('yearId').equals(sourceYearId).toArray(),
        tasks: await db.tasks.where('yearId').equals(sourceYearId).toArray(),
        reports: await db.reports
          .where('[yearId+month]')
          .between([sourceYearId, -Infinity], [sourceYearId, Infinity])
          .toArray(),
        scoreRules: await db.scoreRules.where('yearId').equals(sourceYearId).toArray(),
      };
      const plan = planNextYear(source, { carryOver: options.carryOver, taskIds: options.taskIds, newId, now });
      await w.add(db.workYears, plan.year);
      await w.addAll(db.units, plan.units);
      await w.addAll(db.leaders, plan.leaders);
      await w.addAll(db.sections, plan.sections);
      await w.addAll(db.scoreRules, plan.scoreRules);
      await w.addAll(db.tasks, plan.tasks);
      await checkRegistryRows(db.units, plan.year.id, plan.units);
      await checkRegistryRows(db.leaders, plan.year.id, plan.leaders);
      await checkSections(plan.year.id, plan.sections);
      await checkTasks(plan.year.id, plan.tasks);
      return {
        year: plan.year,
        units: plan.units.length,
        leaders: plan.leaders.length,
        scoreRules: plan.scoreRules.length,
        tasks: plan.tasks.length,
      };
    },
  );
}

/** Where a carried-over task came from: the old task, its year and how far it had got. */
export interface CarriedSource {
  task: Task;
  year: WorkYear;
  final: FinalProgress;
}

export async function getCarriedSource(taskId: string | undefined): Promise<CarriedSource | null> {
  if (taskId === undefined) return null;
  const task = await db.tasks.get(taskId);
  const year = task ? await db.workYears.get(task.yearId) : undefined;
  if (!task || !year) return null;
  const reports = await db.reports.where('taskId').equals(taskId).toArray();
  return { task, year, final: finalProgress(task, reports) };
}

/** The task a carried-over task came from, live (null when none or gone, undefined while loading). */
export function useCarriedSource(taskId: string | undefined): CarriedSource | null | undefined {
  return useLiveQuery(() => getCarriedSource(taskId), [taskId]);
}
