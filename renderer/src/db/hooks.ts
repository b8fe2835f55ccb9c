// Live queries for React: each re-renders when the tables it read change, and returns
// undefined while loading.

import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, ImportBatch, Leader, Section, Task, Unit, WorkYear } from '../core/model';
import {
  getSetting,
  getTask,
  listAudit,
  listAuditOperators,
  listImportBatches,
  listLeaders,
  listSections,
  listTasks,
  listUnits,
  listWorkYears,
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

/** The tasks of a year in ledger order (see listTasks; [] when yearId is undefined). */
export function useTasks(yearId: string | undefined): Task[] | undefined {
  return useLiveQuery(() => listTasks(yearId), [yearId]);
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

/** Distinct operator names of the audit log, sorted. */
export function useAuditOperators(): string[] | undefined {
  return useLiveQuery(listAuditOperators, []);
}

/** A setting's value (undefined while loading and when unset). */
export function useSetting<T>(key: string): T | undefined {
  return useLiveQuery(() => getSetting<T>(key), [key]);
}
