// The month freeze (PRODUCT §5, issues 4 and 5): while a month is published, its reports,
// submissions, feedback, milestones and score entries cannot change. The check lives here, once, and runs
// inside the AuditedWriter (audit.ts) on every row it is about to add, change or delete in
// one of FROZEN_TABLES, before and after images alike, so that every write path — forms,
// imports, undo, deletes of the rows' parents — is refused the same way, inside its
// transaction (a refusal stores nothing). A write that changes nothing is not refused.

import type { MonthState } from '../core/model';
import { DomainError } from './errors';
import { db } from './schema';

/**
 * The tables whose rows (with yearId and month) freeze with their month; plan submissions
 * have month 0, which is never published. Interviews do not freeze (one about May is held
 * after May is published); the rule table has no month (a published month's scores are in
 * its snapshot and its entries keep their points).
 */
export const FROZEN_TABLES: readonly string[] = ['reports', 'submissions', 'feedback', 'milestones', 'scoreEntries'];

export function isFrozenTable(tableName: string): boolean {
  return FROZEN_TABLES.includes(tableName);
}

/** The key of a month's row in monthStates. */
export function monthStateId(yearId: string, month: number): string {
  return `${yearId}:${month}`;
}

/** The refusal of a write to a published month. */
export function monthFrozenError(month: number): DomainError {
  return new DomainError(`${month}月已发布，不能修改；如需修改，请先撤销发布并说明原因`);
}

/**
 * Refuses (DomainError) when any of `rows` (rows with yearId and month; others are ignored)
 * belongs to a published month. Call inside a transaction that includes db.monthStates.
 */
export async function assertMonthsOpen(rows: readonly unknown[]): Promise<void> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { yearId, month } = row as Record<string, unknown>;
    if (typeof yearId === 'string' && typeof month === 'number') ids.add(monthStateId(yearId, month));
  }
  if (ids.size === 0) return;
  const states = await db.monthStates.bulkGet([...ids]);
  const published = states.filter((s): s is MonthState => s?.state === 'published').sort((a, b) => a.month - b.month);
  const first = published[0];
  if (first !== undefined) throw monthFrozenError(first.month);
}

/** Refuses (DomainError) when month `month` of year `yearId` is published. */
export function assertMonthOpen(yearId: string, month: number): Promise<void> {
  return assertMonthsOpen([{ yearId, month }]);
}
