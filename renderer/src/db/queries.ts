// Reads. Plain async functions over the app's database, so that hooks.ts can observe them
// with useLiveQuery and tests can call them directly.

import type { Collection } from 'dexie';
import type { AuditEntry, Leader, Unit, WorkYear } from '../core/model';
import { db } from './schema';

/** Audit log filter; an empty string counts as no filter (a "全部" choice in a select). */
export interface AuditFilter {
  entity?: string;
  operator?: string;
  /** Newest `limit` entries; all when omitted. */
  limit?: number;
}

/** All work years, newest year first. */
export async function listWorkYears(): Promise<WorkYear[]> {
  return db.workYears.orderBy('year').reverse().toArray();
}

/** The units of a year by sortOrder; none without a year. */
export async function listUnits(yearId: string | undefined): Promise<Unit[]> {
  if (yearId === undefined) return [];
  return db.units.where('yearId').equals(yearId).sortBy('sortOrder');
}

/** The leaders of a year by sortOrder; none without a year. */
export async function listLeaders(yearId: string | undefined): Promise<Leader[]> {
  if (yearId === undefined) return [];
  return db.leaders.where('yearId').equals(yearId).sortBy('sortOrder');
}

/** Audit entries, newest first (seq descending), filtered by entity and/or operator. */
export async function listAudit(filter: AuditFilter): Promise<AuditEntry[]> {
  const entity = filter.entity || undefined;
  const operator = filter.operator || undefined;
  let entries: Collection<AuditEntry, number>;
  if (entity !== undefined) {
    // Within one index value IndexedDB orders by primary key, so reverse() is seq descending.
    entries = db.audit.where('entity').equals(entity);
    if (operator !== undefined) entries = entries.and((e) => e.operator === operator);
  } else if (operator !== undefined) {
    entries = db.audit.where('operator').equals(operator);
  } else {
    entries = db.audit.toCollection();
  }
  entries = entries.reverse();
  if (filter.limit !== undefined) entries = entries.limit(filter.limit);
  return entries.toArray();
}

/** Every operator name that appears in the audit log, sorted ('' — no operator set — left out). */
export async function listAuditOperators(): Promise<string[]> {
  const keys = await db.audit.orderBy('operator').uniqueKeys();
  return keys.map((k) => String(k)).filter((name) => name !== '');
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row?.value as T | undefined;
}
