// Which rows point at which: a record that other rows refer to cannot be deleted (and an
// import that created it cannot be undone) while they do.

import type { Table } from 'dexie';
import { entityLabels } from '../core/model';
import { db } from './schema';

/** Rows of `table` whose indexed field `index` (a plain or multi-entry index) holds the id. */
interface IndexedReference {
  table: Table;
  index: string;
}

/** Rows of `table` of the same year whose unindexed field (as `pick` reads it) holds the id. */
interface ScannedReference {
  table: Table;
  pick: (row: Record<string, unknown>) => unknown;
}

export type Reference = IndexedReference | ScannedReference;

function evidence(row: Record<string, unknown>, field: 'taskId' | 'reportId'): unknown {
  const ev = row['evidence'];
  return typeof ev === 'object' && ev !== null ? (ev as Record<string, unknown>)[field] : undefined;
}

/** The references to rows of `tableName` (none for a table nothing points at). */
export function referencesTo(tableName: string): Reference[] {
  switch (tableName) {
    case 'units':
      return [
        { table: db.tasks, index: 'leadUnitId' },
        { table: db.tasks, index: 'coUnitIds' },
        { table: db.reports, index: 'unitId' },
        { table: db.feedback, index: 'unitId' },
        { table: db.scoreEntries, index: 'unitId' },
        { table: db.interviews, index: 'unitId' },
        { table: db.evaluations, index: 'unitId' },
        // Indexed only as [unitId+yearId]: scanned within the year.
        { table: db.submissions, pick: (row) => row['unitId'] },
      ];
    case 'leaders':
      return [{ table: db.tasks, index: 'leaderIds' }];
    case 'sections':
      return [{ table: db.tasks, index: 'sectionId' }];
    case 'tasks':
      return [
        { table: db.milestones, index: 'taskId' },
        { table: db.reports, index: 'taskId' },
        { table: db.feedback, index: 'taskId' },
        { table: db.scoreEntries, pick: (row) => evidence(row, 'taskId') },
        { table: db.evaluations, index: 'taskId' },
        { table: db.reviews, index: 'taskId' },
        { table: db.tasks, index: 'carriedOverFrom' },
      ];
    case 'reports':
      return [{ table: db.scoreEntries, pick: (row) => evidence(row, 'reportId') }];
    default:
      return [];
  }
}

/** The tables a reference check on `tableName` reads (to put in the transaction). */
export function referringTables(tableName: string): Table[] {
  return [...new Set(referencesTo(tableName).map((r) => r.table))];
}

export interface Referrer {
  /** The referred id (one of the ids asked about). */
  id: string;
  /** The referring row's table and id. */
  table: string;
  rowId: string;
}

function heldIds(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * The rows that refer to any of `ids` (rows of `tableName` in year `yearId`), leaving out the
 * rows named in `ignore` as 'table/id' (e.g. rows deleted together with them) and each row's
 * reference to itself.
 */
export async function findReferrers(
  tableName: string,
  ids: readonly string[],
  yearId: string,
  ignore: ReadonlySet<string> = new Set(),
): Promise<Referrer[]> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const found: Referrer[] = [];
  for (const ref of referencesTo(tableName)) {
    const rows: Record<string, unknown>[] =
      'index' in ref
        ? await ref.table
            .where(ref.index)
            .anyOf([...wanted])
            .toArray()
        : await ref.table.where('yearId').equals(yearId).toArray();
    for (const row of rows) {
      const rowId = String(row['id']);
      if (ignore.has(`${ref.table.name}/${rowId}`)) continue;
      const held = 'index' in ref ? heldIds(row[ref.index]) : [ref.pick(row)];
      for (const id of held) {
        if (typeof id !== 'string' || !wanted.has(id)) continue;
        if (ref.table.name === tableName && id === rowId) continue;
        found.push({ id, table: ref.table.name, rowId });
      }
    }
  }
  return found;
}

/** '月度进展、督查反馈': the distinct labels of the referring tables, in reference order. */
export function referrerLabels(referrers: readonly Referrer[]): string {
  return [...new Set(referrers.map((r) => entityLabels[r.table] ?? r.table))].join('、');
}
