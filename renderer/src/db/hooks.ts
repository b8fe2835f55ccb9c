// Live queries for React: each re-renders when the tables it read change, and returns
// undefined while loading.

import { useLiveQuery } from 'dexie-react-hooks';
import type {
  AuditEntry,
  Feedback,
  ImportBatch,
  Interview,
  Leader,
  Milestone,
  MonthState,
  ProgressReport,
  RankingSnapshot,
  ScoreEntry,
  ScoreRule,
  Section,
  Submission,
  Task,
  Unit,
  WorkYear,
} from '../core/model';
import {
  getTaskStoryRows,
  getMonthState,
  getSetting,
  getTask,
  listFeedback,
  listMilestones,
  listMonthSnapshots,
  listMonthStates,
  listReports,
  listYearReports,
  listSubmissions,
  listYearSubmissions,
  listYearFeedback,
  listLatestSnapshots,
  listTaskMilestones,
  listAudit,
  listAuditOperators,
  listImportBatches,
  getImportBatch,
  listAuditNameRows,
  listInterviews,
  listLeaders,
  listScoreEntries,
  listScoreRules,
  listSections,
  listTasks,
  listUnits,
  listWorkYears,
  type TaskStoryRows,
  type AuditFilter,
} from './queries';

/** All work years, newest year first. */
export function useWorkYears(): WorkYear[] | undefined {
  return useLiveQuery(listWorkYears, []);
}

/** The units of a year by sortOrder ([] when yearId is undefined). */
export function useUnits(yearId: string | undefined): Unit[] | undefined {
  return useLiveQuery(() => listUnits(yearId), [yearId]);
}

/** The leaders of a year by sortOrder ([] when yearId is undefined). */
export function useLeaders(yearId: string | undefined): Leader[] | undefined {
  return useLiveQuery(() => listLeaders(yearId), [yearId]);
}

/** The sections (工作板块) of a year by sortOrder ([] when yearId is undefined). */
export function useSections(yearId: string | undefined): Section[] | undefined {
  return useLiveQuery(() => listSections(yearId), [yearId]);
}

// The last task list read per year. A screen that opens shows it at once while the live query
// reads the store again (a year of 100k tasks takes a second to read): the ledger paints from
// what the dashboard or an earlier visit already read, then follows any change.
const lastTasks = new Map<string, Task[]>();

async function readTasks(yearId: string | undefined): Promise<Task[]> {
  const tasks = await listTasks(yearId);
  if (yearId !== undefined) lastTasks.set(yearId, tasks);
  return tasks;
}

/** Reads a year's tasks ahead of need (at start, while the user looks at another screen). */
export function prefetchTasks(yearId: string): Promise<unknown> {
  return lastTasks.has(yearId) ? Promise.resolve() : readTasks(yearId);
}

/** The tasks of a year in ledger order (see listTasks; [] when yearId is undefined). */
export function useTasks(yearId: string | undefined): Task[] | undefined {
  const live = useLiveQuery(() => readTasks(yearId), [yearId]);
  return live ?? (yearId === undefined ? undefined : lastTasks.get(yearId));
}

/** One task (undefined while loading, when missing and when id is undefined). */
export function useTask(id: string | undefined): Task | undefined {
  return useLiveQuery(() => getTask(id), [id]);
}

/** The import batches of a year, newest first ([] when yearId is undefined). */
export function useImportBatches(yearId: string | undefined): ImportBatch[] | undefined {
  return useLiveQuery(() => listImportBatches(yearId), [yearId]);
}

/** Audit entries newest first; see listAudit. */
export function useAuditEntries(filter: AuditFilter): AuditEntry[] | undefined {
  const { entity, operator, limit } = filter;
  return useLiveQuery(() => listAudit({ entity, operator, limit }), [entity, operator, limit]);
}

/** The named rows of every year, for the 操作日志's names (undefined while loading). */
export function useAuditNameRows(): Awaited<ReturnType<typeof listAuditNameRows>> | undefined {
  return useLiveQuery(listAuditNameRows, []);
}

/** One import batch (undefined while loading, when missing and when id is undefined). */
export function useImportBatch(id: string | undefined): ImportBatch | undefined {
  return useLiveQuery(() => getImportBatch(id), [id]);
}

/** Distinct operator names of the audit log, sorted. */
export function useAuditOperators(): string[] | undefined {
  return useLiveQuery(listAuditOperators, []);
}

/** A setting's value (undefined while loading and when unset). */
export function useSetting<T>(key: string): T | undefined {
  return useLiveQuery(() => getSetting<T>(key), [key]);
}

/** A task's milestones by month ([] when taskId is undefined). */
export function useMilestones(taskId: string | undefined): Milestone[] | undefined {
  return useLiveQuery(() => listTaskMilestones(taskId), [taskId]);
}

/** Every milestone of a year by month ([] when yearId is undefined). */
export function useYearMilestones(yearId: string | undefined): Milestone[] | undefined {
  return useLiveQuery(() => listMilestones(yearId), [yearId]);
}

/** The progress reports of a year's month ([] without a year or month). */
export function useReports(yearId: string | undefined, month: number | undefined): ProgressReport[] | undefined {
  return useLiveQuery(() => listReports(yearId, month), [yearId, month]);
}

export function useYearReports(yearId: string | undefined): ProgressReport[] | undefined {
  return useLiveQuery(() => listYearReports(yearId), [yearId]);
}

/** The sheets received for plans (kind 'plan', month 0) or a month's progress ([] without a year or month). */
export function useSubmissions(
  yearId: string | undefined,
  kind: Submission['kind'],
  month: number | undefined,
): Submission[] | undefined {
  return useLiveQuery(() => listSubmissions(yearId, kind, month), [yearId, kind, month]);
}

/** Every sheet of a kind received in a year, every month ([] without a year). */
export function useYearSubmissions(yearId: string | undefined, kind: Submission['kind']): Submission[] | undefined {
  return useLiveQuery(() => listYearSubmissions(yearId, kind), [yearId, kind]);
}

/** Every feedback of a year ([] without a year). */
export function useYearFeedback(yearId: string | undefined): Feedback[] | undefined {
  return useLiveQuery(() => listYearFeedback(yearId), [yearId]);
}

/** The newest snapshot of each published month of a year ([] without a year). */
export function useLatestSnapshots(yearId: string | undefined): RankingSnapshot[] | undefined {
  return useLiveQuery(() => listLatestSnapshots(yearId), [yearId]);
}

/** The feedback of a year's month ([] without a year or month). */
export function useFeedback(yearId: string | undefined, month: number | undefined): Feedback[] | undefined {
  return useLiveQuery(() => listFeedback(yearId, month), [yearId, month]);
}

/** A month's state ({ state: 'open' } when never published; undefined while loading or without a year or month). */
export function useMonthState(yearId: string | undefined, month: number | undefined): MonthState | undefined {
  return useLiveQuery(() => getMonthState(yearId, month), [yearId, month]);
}

/** The stored month states of a year, by month ([] when yearId is undefined). */
export function useMonthStates(yearId: string | undefined): MonthState[] | undefined {
  return useLiveQuery(() => listMonthStates(yearId), [yearId]);
}

/** Every snapshot published for a year's month, newest first ([] without a year or month). */
export function useMonthSnapshots(
  yearId: string | undefined,
  month: number | undefined,
): RankingSnapshot[] | undefined {
  return useLiveQuery(() => listMonthSnapshots(yearId, month), [yearId, month]);
}

/** The rule table of a year, by rule code ([] without a year or before ensureScoreRules). */
export function useScoreRules(yearId: string | undefined): ScoreRule[] | undefined {
  return useLiveQuery(() => listScoreRules(yearId), [yearId]);
}

/** The score entries of a year's month, by id ([] without a year or month). */
export function useScoreEntries(yearId: string | undefined, month: number | undefined): ScoreEntry[] | undefined {
  return useLiveQuery(
    () => (month === undefined ? Promise.resolve([]) : listScoreEntries(yearId, month)),
    [yearId, month],
  );
}

/** Every score entry of a year, by month then id ([] without a year): quarter and year scores. */
export function useYearScoreEntries(yearId: string | undefined): ScoreEntry[] | undefined {
  return useLiveQuery(() => listScoreEntries(yearId), [yearId]);
}

/** The interviews of a year by date held ([] without a year); filter by unitId or month. */
export function useInterviews(yearId: string | undefined): Interview[] | undefined {
  return useLiveQuery(() => listInterviews(yearId), [yearId]);
}

/** What a task's story reads (getTaskStoryRows), live; undefined while loading. */
export function useTaskStoryRows(
  yearId: string,
  task: Pick<Task, 'id' | 'leadUnitId' | 'coUnitIds'>,
): TaskStoryRows | undefined {
  const { id, leadUnitId, coUnitIds } = task;
  const coUnits = coUnitIds.join('\n');
  return useLiveQuery(
    () => getTaskStoryRows(yearId, { id, leadUnitId, coUnitIds: coUnits === '' ? [] : coUnits.split('\n') }),
    [yearId, id, leadUnitId, coUnits],
  );
}
