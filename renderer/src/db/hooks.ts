// Live queries for React: each re-renders when the tables it read change, and returns
// undefined while loading.

import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, Leader, Unit, WorkYear } from '../core/model';
import { getSetting, listAudit, listAuditOperators, listLeaders, listUnits, listWorkYears, type AuditFilter } from './queries';

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
