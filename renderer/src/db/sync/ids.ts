// Which tables the office sync carries, and how a row is named as a CouchDB document.
//
// Every table of office data syncs, row by row, except:
// - audit: each PC's log travels as its own chain of append-only documents
//   (`audit:<deviceId>:<seq>`, outbox.ts), never as rows of this table;
// - the setting 'operator' (who sits at this PC) stays on this PC;
// - importBatches travel without their per-row `changes` (a large import's before- and
//   after-images exceed CouchDB's 8 MB document limit); undoing a batch stays on the PC that
//   imported it (imports.ts refuses elsewhere, saying so).
import type { IndexableType, Table } from 'dexie';
import { TABLE_NAMES } from '../schema';
import { FROZEN_TABLES } from '../freeze';

/** The tables whose rows are documents of the office database. */
export const SYNCED_TABLES: readonly string[] = TABLE_NAMES.filter((name) => name !== 'audit');

/** Settings that belong to this PC. */
const LOCAL_SETTINGS = new Set(['operator']);

export function isSyncedTable(name: string): boolean {
  return SYNCED_TABLES.includes(name);
}

/** Whether this row of `table` travels (tables of SYNCED_TABLES, minus this PC's own settings). */
export function isSyncedRow(table: string, row: unknown): boolean {
  if (!isSyncedTable(table)) return false;
  if (table === 'settings') return !LOCAL_SETTINGS.has(String((row as { key?: unknown } | undefined)?.key));
  return true;
}

/** The key as text: compound keys joined by '/' (as the audit log's entityId). */
export function keyText(key: IndexableType | unknown): string {
  return Array.isArray(key) ? key.map((part) => String(part)).join('/') : String(key);
}

/** The document id of the row with `key` in `table`: 'reports:8f3…', 'scoreRules:<yearId>/late_report'. */
export function docIdOf(table: string, key: unknown): string {
  return `${table}:${keyText(key)}`;
}

/** The table a document id belongs to ('' for none). */
export function tableOfDocId(docId: string): string {
  const i = docId.indexOf(':');
  return i < 0 ? '' : docId.slice(0, i);
}

/** The key a document id names, typed as the table's primary key ('y1/late_report' → ['y1', 'late_report']). */
export function keyOfDocId(table: Table, docId: string): IndexableType {
  const text = docId.slice(docId.indexOf(':') + 1);
  return Array.isArray(table.schema.primKey.keyPath) ? text.split('/') : text;
}

/** The primary key of `row` in `table`. */
export function primaryKeyOf(table: Table, row: unknown): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  const record = row as Record<string, unknown>;
  if (Array.isArray(keyPath)) return keyPath.map((p) => record[p]) as IndexableType;
  return record[keyPath as string] as IndexableType;
}

/** The row as it travels: importBatches without their per-row changes. */
export function syncedForm(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'importBatches' && Array.isArray(row['changes'])) return { ...row, changes: [] };
  return row;
}

/** Whether a table's rows freeze with their month (freeze.ts): they are sealed on publication. */
export function isSealedTable(table: string): boolean {
  return FROZEN_TABLES.includes(table);
}

/** The month a row belongs to, when it has one. */
export function monthOf(row: unknown): { yearId: string; month: number } | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const { yearId, month } = row as Record<string, unknown>;
  return typeof yearId === 'string' && typeof month === 'number' ? { yearId, month } : undefined;
}

/** The id of an audit document: the device, then its seq in ten digits (so ids sort by seq). */
export function auditDocId(deviceId: string, seq: number): string {
  return `audit:${deviceId}:${String(seq).padStart(10, '0')}`;
}
