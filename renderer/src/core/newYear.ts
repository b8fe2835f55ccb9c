// 新年度: year N+1 started from year N (issue 7). What is copied: the calendar settings (the
// hand-entered holidays only where they fall in the new year), every unit with its aliases and
// ranking group, every leader, the year's rule table, and, when asked, the tasks unfinished at
// year end, marked carried over (Task.carriedOverFrom) with their units, leaders and section
// mapped onto the new year's copies. Milestones, reports, scores and reviews stay with their
// year. Pure: ids come from `newId`, the creation time from `now`.

import type { Id, Leader, ProgressReport, ScoreRule, Section, Task, Unit, WorkYear } from './model';
import { finalProgress, isUnfinished, type FinalProgress } from './review';

export interface YearSource {
  year: WorkYear;
  units: readonly Unit[];
  leaders: readonly Leader[];
  sections: readonly Section[];
  tasks: readonly Task[];
  /** The year's progress reports (for what is unfinished). */
  reports: readonly Pick<ProgressReport, 'taskId' | 'unitId' | 'month' | 'percent'>[];
  scoreRules: readonly ScoreRule[];
}

export interface NextYearOptions {
  /** Carry the unfinished tasks over. */
  carryOver: boolean;
  /** When given, carry only these of the unfinished tasks (the office may leave some behind). */
  taskIds?: readonly Id[];
  newId(): Id;
  /** ISO timestamp for the new year's createdAt. */
  now: string;
}

export interface NextYearPlan {
  year: WorkYear;
  units: Unit[];
  leaders: Leader[];
  sections: Section[];
  tasks: Task[];
  scoreRules: ScoreRule[];
}

export interface UnfinishedTask {
  task: Task;
  final: FinalProgress;
}

/** The tasks of the year not finished at its end (latest lead-unit percent below 100, or none), in the given order. */
export function unfinishedTasks(tasks: readonly Task[], reports: YearSource['reports']): UnfinishedTask[] {
  // Grouped once: a year of many tasks and reports stays linear.
  const byTask = new Map<string, YearSource['reports'][number][]>();
  for (const r of reports) {
    const list = byTask.get(r.taskId);
    if (list) list.push(r);
    else byTask.set(r.taskId, [r]);
  }
  return tasks
    .map((task) => ({ task, final: finalProgress(task, byTask.get(task.id) ?? []) }))
    .filter((t) => isUnfinished(t.final));
}

/** '2026年度重点工作' → '2027年度重点工作'; a title without the old year gets the default. */
export function nextYearTitle(title: string, from: number, to: number): string {
  const trimmed = title.trim();
  if (trimmed.includes(String(from))) return trimmed.split(String(from)).join(String(to));
  return `${to}年度重点工作`;
}

/** The new year's calendar settings: the old ones, with the extra dates that fall in the new year only. */
export function nextYearSettings(source: WorkYear): Omit<WorkYear, 'id' | 'createdAt'> {
  const to = source.year + 1;
  const inYear = (dates: readonly string[]) => dates.filter((d) => d.startsWith(`${to}-`));
  return {
    year: to,
    title: nextYearTitle(source.title, source.year, to),
    windowStartMonth: source.windowStartMonth,
    windowEndMonth: source.windowEndMonth,
    planDue: source.planDue,
    reportDueDay: source.reportDueDay,
    feedbackDueDay: source.feedbackDueDay,
    completionDue: source.completionDue,
    extraHolidays: inYear(source.extraHolidays),
    extraWorkdays: inYear(source.extraWorkdays),
  };
}

/**
 * A carried task's due date: kept when it already lies in the new year or later, else the new
 * year's completion date ('2027-11-30').
 */
export function carriedDueDate(dueDate: string, year: Pick<WorkYear, 'year' | 'completionDue'>): string {
  return dueDate >= `${year.year}-01-01` ? dueDate : `${year.year}-${year.completionDue}`;
}

/** Everything year N+1 starts with, as rows ready to store. */
export function planNextYear(source: YearSource, options: NextYearOptions): NextYearPlan {
  const yearId = options.newId();
  const year: WorkYear = { ...nextYearSettings(source.year), id: yearId, createdAt: options.now };
  const unitIds = new Map<string, string>();
  const units = [...source.units]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((u): Unit => {
      const id = options.newId();
      unitIds.set(u.id, id);
      return {
        id,
        yearId,
        name: u.name,
        kind: u.kind,
        rankingGroup: u.rankingGroup,
        aliases: [...u.aliases],
        contactPerson: u.contactPerson,
        phone: u.phone,
        sortOrder: u.sortOrder,
      };
    });
  const leaderIds = new Map<string, string>();
  const leaders = [...source.leaders]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((l): Leader => {
      const id = options.newId();
      leaderIds.set(l.id, id);
      return { id, yearId, name: l.name, title: l.title, aliases: [...l.aliases], sortOrder: l.sortOrder };
    });
  const scoreRules = source.scoreRules.map((r): ScoreRule => {
    const rule: ScoreRule = {
      id: r.id,
      yearId,
      name: r.name,
      points: r.points,
      leadUnitOnly: r.leadUnitOnly,
      enabled: r.enabled,
    };
    if (r.cap !== undefined) rule.cap = r.cap;
    return rule;
  });
  if (!options.carryOver) return { year, units, leaders, sections: [], tasks: [], scoreRules };

  const chosen = options.taskIds === undefined ? undefined : new Set(options.taskIds);
  const carried = unfinishedTasks(source.tasks, source.reports)
    .map((u) => u.task)
    .filter((t) => chosen === undefined || chosen.has(t.id));
  // Only the sections the carried tasks sit in: the new task list brings its own.
  const usedSections = new Set(carried.map((t) => t.sectionId));
  const sectionIds = new Map<string, string>();
  const sections = [...source.sections]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .filter((s) => usedSections.has(s.id))
    .map((s): Section => {
      const id = options.newId();
      sectionIds.set(s.id, id);
      return { id, yearId, name: s.name, sortOrder: s.sortOrder };
    });
  const mapped = (ids: readonly string[], map: Map<string, string>) =>
    ids.flatMap((id) => (map.has(id) ? [map.get(id)!] : []));
  const tasks = carried.map((t): Task => {
    const task: Task = {
      id: options.newId(),
      yearId,
      code: t.code,
      title: t.title,
      measures: t.measures.map((m) => ({ ...m })),
      targets: t.targets.map((g) => ({ ...g })),
      leaderIds: mapped(t.leaderIds, leaderIds),
      coUnitIds: mapped(t.coUnitIds, unitIds),
      responsiblePerson: t.responsiblePerson,
      dueDate: carriedDueDate(t.dueDate, year),
      carriedOverFrom: t.id,
    };
    if (t.sectionId !== undefined && sectionIds.has(t.sectionId)) task.sectionId = sectionIds.get(t.sectionId)!;
    if (t.leadUnitId !== undefined && unitIds.has(t.leadUnitId)) task.leadUnitId = unitIds.get(t.leadUnitId)!;
    return task;
  });
  return { year, units, leaders, sections, tasks, scoreRules };
}
