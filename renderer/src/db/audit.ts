// The one way to write: a read-write transaction over the changed tables and the audit
// table, in which every change goes through an AuditedWriter that stores the change and its
// AuditEntry together. A throw anywhere in the scope aborts the transaction: neither the
// change nor its audit entry is kept. Inside the scope await nothing but Dexie calls and
// catch nothing. The writer also refuses every change to a row of a published month
// (freeze.ts), whichever function makes it.
//
// One exception to "an entry per change": an import batch (imports.ts) writes its rows with
// { audit: false } and is audited as ONE entry (writer.log) for the whole batch, because its
// ImportBatch record already keeps every row's before- and after-image (a 15,000-row import
// would otherwise log 15,000 entries). Such writes still pass the freeze check and still run
// in the same transaction as that one entry: all or nothing.
// The sample year (sample.ts) is logged the same way: one entry per table for its load and
// for its removal.
//
// The entries form a hash chain (auditChain.ts): each holds the hash of the one before it,
// so the 操作日志 screen can show where the log was edited outside the program.
//
// Several PCs (issue 16): while sync is set up on this PC, every change of a synced row also
// goes to the outbox with its new revision (sync/record.ts), in the same transaction. Changes
// arriving from the office server are written by sync/apply.ts through this writer too, with
// { replicated: true }: not sent back, and not refused by the freeze (which version of a
// published month's record shows is decided there, by its seal).

import { Dexie, type IndexableType, type Table } from 'dexie';
import { entityLabels, type AuditAction, type AuditEntry } from '../core/model';
import { DomainError } from './errors';
import { nowIso } from './clock';
import { deepEqual } from './equal';
import { appendAuditEntries } from './auditChain';
import { assertMonthsOpen, FROZEN_TABLES, isFrozenTable } from './freeze';
import { getOperator } from './operator';
import { db, SCHEMA_VERSION } from './schema';
import { recordChanges, type RowChange } from './sync/record';

/** Options of one write. */
export interface RowWriteOptions {
  /**
   * false: write without an audit entry per row. Only for the rows of an import batch and its
   * undo (imports.ts), whose ImportBatch record keeps every row's before/after and which is
   * audited as one entry through `log`; likewise the sample year (sample.ts). The freeze check runs all the same.
   */
  audit?: false;
}

/** Writes that leave an audit entry. Only obtainable inside writeTransaction. */
export interface AuditedWriter {
  /** Inserts a new row; fails (and aborts) if its key exists. */
  add<T, K extends IndexableType>(table: Table<T, K>, row: T, options?: RowWriteOptions): Promise<T>;
  /** Inserts or replaces a row (create or update in the log); an identical row is not rewritten. */
  put<T, K extends IndexableType>(table: Table<T, K>, row: T, options?: RowWriteOptions): Promise<T>;
  /**
   * Merges the defined fields of `patch` into the row with `key` and returns the new row.
   * A patch that changes nothing writes nothing and logs nothing.
   */
  update<T, K extends IndexableType>(
    table: Table<T, K>,
    key: K,
    patch: Partial<T>,
    options?: RowWriteOptions,
  ): Promise<T>;
  /** Deletes the row with `key` and returns what it was. */
  delete<T, K extends IndexableType>(table: Table<T, K>, key: K, options?: RowWriteOptions): Promise<T>;
  /** `add` for many rows in one request per table (imports): fails (and aborts) if any key exists. */
  addAll<T, K extends IndexableType>(table: Table<T, K>, rows: readonly T[], options?: RowWriteOptions): Promise<T[]>;
  /**
   * `put` for many rows (imports, undo): rows equal to the stored ones are not rewritten nor
   * logged. Returns the rows written with what they replaced (undefined for a new row).
   */
  putAll<T, K extends IndexableType>(
    table: Table<T, K>,
    rows: readonly T[],
    options?: RowWriteOptions,
  ): Promise<{ before: T | undefined; after: T }[]>;
  /** `delete` for many keys; fails (and aborts) if any row is missing. Returns what they were. */
  deleteAll<T, K extends IndexableType>(
    table: Table<T, K>,
    keys: readonly K[],
    options?: RowWriteOptions,
  ): Promise<T[]>;
  /**
   * Writes one audit entry (this transaction's operator and time) for a change made in the
   * same transaction with { audit: false }: e.g. an import batch, logged once with a summary.
   */
  log(action: AuditAction, table: Table, key: IndexableType, before: unknown, after: unknown): Promise<void>;
}

export interface WriteOptions {
  /** Operator recorded in this transaction's entries (default: getOperator()). */
  operator?: string;
  /** Timestamp of this transaction's entries (default: now), e.g. to match a record's own date. */
  at?: string;
  /**
   * Rows arriving from the office server (sync/apply.ts only): they skip the freeze and the
   * outbox. Everything else about the transaction is the same.
   */
  replicated?: true;
}

function primaryKeyOf(table: Table, row: unknown): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  const record = row as Record<string, unknown>;
  if (Array.isArray(keyPath)) return keyPath.map((p) => record[p]) as IndexableType;
  if (typeof keyPath === 'string' && keyPath !== '') return record[keyPath] as IndexableType;
  throw new Error(`${table.name}: 只支持内联主键`);
}

function entityIdOf(key: IndexableType): string {
  return Array.isArray(key) ? key.map((part) => String(part)).join('/') : String(key);
}

function missing(table: Table): DomainError {
  return new DomainError(`${entityLabels[table.name] ?? table.name}不存在（可能已被删除）`);
}

function definedFields<T>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const sameData = deepEqual;

function makeWriter(operator: string, at: string, replicated: boolean): AuditedWriter {
  const entry = (
    action: AuditAction,
    table: Table,
    key: IndexableType,
    before: unknown,
    after: unknown,
  ): AuditEntry => {
    const e: AuditEntry = { at, operator, action, entity: table.name, entityId: entityIdOf(key) };
    if (before !== undefined) e.before = before;
    if (after !== undefined) e.after = after;
    return e;
  };
  // Every entry is added through appendAuditEntries, which chains it to the one before it
  // (auditChain.ts): prevHash and hash.
  const log = (action: AuditAction, table: Table, key: IndexableType, before: unknown, after: unknown): Promise<void> =>
    appendAuditEntries([entry(action, table, key, before, after)]);
  const logAll = (entries: AuditEntry[]): Promise<void> => appendAuditEntries(entries);
  /** Whether this write leaves its own entries (see RowWriteOptions). */
  const audited = (options: RowWriteOptions | undefined): boolean => options?.audit !== false;
  const guard = (table: Table): void => {
    if (table.name === db.audit.name) throw new Error('操作日志不能经由 AuditedWriter 改写');
  };
  /** Refuses a change to rows (before- or after-images) of a published month (freeze.ts). */
  const open = async (table: Table, rows: readonly unknown[]): Promise<void> => {
    if (!replicated && isFrozenTable(table.name)) await assertMonthsOpen(rows.filter((r) => r !== undefined));
  };
  /** Queues the changes for the office server (sync/record.ts; nothing while sync is off). */
  const record = (table: Table, changes: RowChange[]): Promise<void> =>
    replicated ? Promise.resolve() : recordChanges(table, changes, operator, at);

  async function add<T, K extends IndexableType>(table: Table<T, K>, row: T, options?: RowWriteOptions): Promise<T> {
    guard(table);
    await open(table, [row]);
    const key = await table.add(row);
    await record(table, [{ key, before: undefined, after: row }]);
    if (audited(options)) await log('create', table, key, undefined, row);
    return row;
  }
  async function put<T, K extends IndexableType>(table: Table<T, K>, row: T, options?: RowWriteOptions): Promise<T> {
    guard(table);
    const key = primaryKeyOf(table, row) as K;
    const before = await table.get(key);
    if (before !== undefined && sameData(before, row)) return row;
    await open(table, [before, row]);
    await table.put(row);
    await record(table, [{ key, before, after: row }]);
    if (audited(options)) await log(before === undefined ? 'create' : 'update', table, key, before, row);
    return row;
  }
  async function update<T, K extends IndexableType>(
    table: Table<T, K>,
    key: K,
    patch: Partial<T>,
    options?: RowWriteOptions,
  ): Promise<T> {
    guard(table);
    const before = await table.get(key);
    if (before === undefined) throw missing(table);
    const after: T = { ...before, ...definedFields(patch) };
    if (entityIdOf(primaryKeyOf(table, after)) !== entityIdOf(key)) throw new Error(`${table.name}: 主键不能修改`);
    if (sameData(before, after)) return before;
    await open(table, [before, after]);
    await table.put(after);
    await record(table, [{ key, before, after }]);
    if (audited(options)) await log('update', table, key, before, after);
    return after;
  }
  async function remove<T, K extends IndexableType>(table: Table<T, K>, key: K, options?: RowWriteOptions): Promise<T> {
    guard(table);
    const before = await table.get(key);
    if (before === undefined) throw missing(table);
    await open(table, [before]);
    await table.delete(key);
    await record(table, [{ key, before, after: undefined }]);
    if (audited(options)) await log('delete', table, key, before, undefined);
    return before;
  }
  async function addAll<T, K extends IndexableType>(
    table: Table<T, K>,
    rows: readonly T[],
    options?: RowWriteOptions,
  ): Promise<T[]> {
    guard(table);
    if (rows.length === 0) return [];
    await open(table, rows);
    await table.bulkAdd(rows as T[]);
    await record(
      table,
      rows.map((row) => ({ key: primaryKeyOf(table, row), before: undefined, after: row })),
    );
    if (audited(options))
      await logAll(rows.map((row) => entry('create', table, primaryKeyOf(table, row), undefined, row)));
    return [...rows];
  }
  async function putAll<T, K extends IndexableType>(
    table: Table<T, K>,
    rows: readonly T[],
    options?: RowWriteOptions,
  ): Promise<{ before: T | undefined; after: T }[]> {
    guard(table);
    if (rows.length === 0) return [];
    const keys = rows.map((row) => primaryKeyOf(table, row) as K);
    const befores = await table.bulkGet(keys);
    const written = rows
      .map((after, i) => ({ key: keys[i] as K, before: befores[i], after }))
      .filter((c) => c.before === undefined || !sameData(c.before, c.after));
    if (written.length === 0) return [];
    await open(
      table,
      written.flatMap((c) => [c.before, c.after]),
    );
    await table.bulkPut(written.map((c) => c.after));
    await record(table, written);
    if (audited(options))
      await logAll(
        written.map((c) => entry(c.before === undefined ? 'create' : 'update', table, c.key, c.before, c.after)),
      );
    return written.map(({ before, after }) => ({ before, after }));
  }
  async function deleteAll<T, K extends IndexableType>(
    table: Table<T, K>,
    keys: readonly K[],
    options?: RowWriteOptions,
  ): Promise<T[]> {
    guard(table);
    if (keys.length === 0) return [];
    const befores = await table.bulkGet(keys as K[]);
    const found: T[] = [];
    for (const before of befores) {
      if (before === undefined) throw missing(table);
      found.push(before);
    }
    await open(table, found);
    await table.bulkDelete(keys as K[]);
    await record(
      table,
      keys.map((key, i) => ({ key, before: found[i], after: undefined })),
    );
    if (audited(options)) await logAll(keys.map((key, i) => entry('delete', table, key, found[i], undefined)));
    return found;
  }
  async function logOne(
    action: AuditAction,
    table: Table,
    key: IndexableType,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    guard(table);
    await log(action, table, key, before, after);
  }
  return { add, put, update, delete: remove, addAll, putAll, deleteAll, log: logOne };
}

/**
 * Refuses to write to a database that a newer program has upgraded (PRODUCT §8: an app
 * older than the database refuses to write to it). Dexie 4 still opens such a database.
 */
async function assertWritable(): Promise<void> {
  const notice = await newerDatabaseNotice();
  if (notice) throw new DomainError(notice);
}

/** Why this program must not write, when a newer program has upgraded the database; else undefined. */
export async function newerDatabaseNotice(): Promise<string | undefined> {
  if (!db.isOpen()) await db.open();
  const installed = Math.floor(db.backendDB().version / 10);
  return installed > SCHEMA_VERSION
    ? `数据库已由较新版本的程序升级（结构版本 ${installed}，本程序为 ${SCHEMA_VERSION}），本程序不能修改其中的数据，请使用新版本程序。`
    : undefined;
}

/**
 * Runs `scope` in one read-write transaction over `tables` and the audit table (and the month
 * states, read by the freeze, when a table of a month is among them); every write in it goes
 * through the given AuditedWriter. Tables only read for checks belong in `tables` too.
 */
export async function writeTransaction<R>(
  tables: Table[],
  scope: (w: AuditedWriter) => Promise<R>,
  options: WriteOptions = {},
): Promise<R> {
  if (!Dexie.currentTransaction) await assertWritable();
  const writer = makeWriter(options.operator ?? getOperator(), options.at ?? nowIso(), options.replicated === true);
  // The scope must be an async function: Dexie then keeps the transaction's zone across native
  // awaits of nested async helpers (with a plain arrow it loses it after a few microtasks and
  // the next call runs outside the transaction: PrematureCommitError).
  // The sync tables are always in scope: whether a change is queued is read inside (record.ts).
  const scopeTables = [...tables, db.audit, db.outbox, db.syncMeta, db.syncState];
  if (tables.some((t) => isFrozenTable(t.name)) && !tables.some((t) => t.name === db.monthStates.name))
    scopeTables.push(db.monthStates);
  // Publishing a month seals its records for the sync (sync/record.ts): they must be in scope.
  if (tables.some((t) => t.name === db.monthStates.name))
    for (const name of FROZEN_TABLES) scopeTables.push(db.table(name));
  const unique = [...new Map(scopeTables.map((t) => [t.name, t])).values()];
  return db.transaction('rw', unique, async () => scope(writer));
}
