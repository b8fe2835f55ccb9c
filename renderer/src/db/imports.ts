// The commit and undo of every import (task list, monthly plans, progress reports,
// evaluations): the caller (the preview) says which rows to create and which to change; the
// whole batch is written in one audited transaction with an ImportBatch record that keeps
// before- and after-images, so that it can be undone as a batch. Inside the transactions:
// no await but Dexie, no catch (a throw anywhere stores nothing). Rows of a published month
// (reports, submissions, feedback, milestones) are refused by the writer (freeze.ts), in a
// commit and in an undo alike.
//
// The audit log holds ONE entry per batch (its creation) and one per undo, not one per row:
// a progress import can bring 15,000 rows, and 15,000 log lines cost seconds to write and
// bury everything else on the 操作日志 screen. Nothing about who changed what is lost: the
// entry names the operator, the time and the batch, and the batch's `changes` keep every
// row's before- and after-image (batches are never deleted; an undo only marks them undone).

import type { Table } from 'dexie';
import { IMPORT_TABLES, type ImportChangeset, type ImportTable } from '../core/import/changeset';
import { groupBy } from '../core/groupBy';
import { entityLabels, type ImportBatch, type ImportChange } from '../core/model';
import { writeTransaction } from './audit';
import { nowIso } from './clock';
import { deepEqual } from './equal';
import { DomainError } from './errors';
import { newId } from './ids';
import { getOperator } from './operator';
import { findReferrers, referrerLabels } from './refs';
import { db } from './schema';
import { checkStoredRows, requireYear } from './validate';

export { IMPORT_TABLES, type ImportChangeset, type ImportTable } from '../core/import/changeset';

/** A row of any import table, as this module handles them alike (by id, yearId, importBatchId). */
type Row = Record<string, unknown> & { id: string };

/** Batches are stored rows: their tables are checked again when one is undone. */
function isImportTable(name: unknown): name is ImportTable {
  return typeof name === 'string' && (IMPORT_TABLES as readonly string[]).includes(name);
}

function tableOf(name: ImportTable): Table<Row, string> {
  return db.table(name);
}

/** Whether rows of the table record the batch that wrote them (reports, submissions, evaluations). */
function recordsBatch(name: ImportTable): boolean {
  return db.table(name).schema.idxByName['importBatchId'] !== undefined;
}

/** Every table a commit or an undo reads or writes (checks and references included). */
function transactionTables(): Table[] {
  return [...IMPORT_TABLES.map((name) => db.table(name)), db.workYears, db.importBatches];
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * How a row is named in a message: '重点工作"…"', '单位"…"', or for rows without a name of
 * their own, e.g. '月度进展（区财政局，重点工作"…"，10月）'.
 */
async function describeRow(tableName: string, row: Record<string, unknown>): Promise<string> {
  const label = entityLabels[tableName] ?? tableName;
  const own = text(row['title']) ?? text(row['name']);
  if (own !== undefined) return `${label}"${own}"`;
  const parts: string[] = [];
  const unitId = row['unitId'];
  if (typeof unitId === 'string') {
    const unit = await db.units.get(unitId);
    if (unit) parts.push(unit.name);
  }
  const taskId = row['taskId'];
  if (typeof taskId === 'string') {
    const task = await db.tasks.get(taskId);
    if (task) parts.push(`重点工作"${task.title}"`);
  }
  if (typeof row['month'] === 'number') parts.push(`${row['month']}月`);
  if (parts.length === 0) parts.push(`编号 ${String(row['id'])}`);
  return `${label}（${parts.join('，')}）`;
}

const SHA256 = /^[0-9a-f]{64}$/iu;

/** Refuses a changeset whose files lack a hash or that writes a row twice, before anything is opened. */
function checkChangeset(changeset: ImportChangeset): void {
  for (const file of changeset.files)
    if (!SHA256.test(file.sha256)) throw new DomainError(`文件"${file.name}"的校验值无效`);
  const seen = new Set<string>();
  const once = (table: ImportTable, id: string): void => {
    const key = `${table}/${id}`;
    if (seen.has(key)) throw new DomainError(`导入内容中${entityLabels[table] ?? table}（编号 ${id}）出现了不止一次`);
    seen.add(key);
  };
  for (const c of changeset.creates) once(c.table, c.row.id);
  for (const u of changeset.updates) once(u.table, u.id);
}

/** `before` with `patch` applied; a field given as undefined is removed. */
function applyPatch(before: Row, patch: Record<string, unknown>): Row {
  const after: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete after[key];
    else after[key] = value;
  }
  return after as Row;
}

/** What the audit entry of a batch holds: the batch without its `changes` (kept in the batch itself). */
function batchSummary(batch: ImportBatch): Pick<ImportBatch, 'kind' | 'files' | 'counts' | 'notes'> & { rows: number } {
  const summary = { kind: batch.kind, files: batch.files, counts: batch.counts, rows: batch.changes.length };
  return batch.notes ? { ...summary, notes: batch.notes } : summary;
}

/**
 * Writes an import in one transaction: the creates, the updates (each read
 * inside the transaction; an update that changes nothing counts as unchanged and is not
 * written), the checks of the written rows against their year (tasks, units, leaders,
 * sections, milestones, reports, submissions, feedback: see validate.ts), and the ImportBatch
 * record with every row's before/after. The rows get no audit entry each: the batch gets one
 * ('create' on importBatches, with batchSummary), its `changes` being the detailed record. Rows of tables with an importBatchId (reports, submissions, evaluations) that the
 * batch creates or changes get the batch's id unless the changeset sets one. Any refusal
 * (DomainError) or failure stores nothing at all.
 */
export async function commitImport(changeset: ImportChangeset): Promise<ImportBatch> {
  checkChangeset(changeset);
  const operator = getOperator();
  const at = nowIso();
  const batchId = newId();
  // Handled alike whatever their table: by id, yearId and importBatchId.
  const creates = groupBy(
    changeset.creates.map((c) => ({ table: c.table, row: c.row as unknown as Row })),
    (c) => c.table,
  );
  const updates = groupBy(
    changeset.updates.map((u) => ({ table: u.table, id: u.id, patch: u.patch as Record<string, unknown> })),
    (u) => u.table,
  );
  return writeTransaction(
    transactionTables(),
    async (w) => {
      await requireYear(changeset.yearId);
      const changes: ImportChange[] = [];
      const written = new Map<ImportTable, Row[]>();

      for (const [tableName, items] of creates) {
        const table = tableOf(tableName);
        const stamp = recordsBatch(tableName);
        const rows = items.map((c) =>
          stamp && c.row['importBatchId'] === undefined ? { ...c.row, importBatchId: batchId } : c.row,
        );
        for (const row of rows) {
          if (row['yearId'] !== changeset.yearId)
            throw new DomainError(`${await describeRow(tableName, row)}不属于本批次的工作年度`);
        }
        const stored = await table.bulkGet(rows.map((r) => r.id));
        const taken = stored.findIndex((r) => r !== undefined);
        if (taken >= 0)
          throw new DomainError(`${await describeRow(tableName, rows[taken] as Row)}的编号已被占用，不能新增`);
        await w.addAll(table, rows, { audit: false }); // audited as part of the batch, below
        for (const row of rows) changes.push({ table: tableName, id: row.id, after: row });
        written.set(tableName, [...rows]);
      }

      let unchanged = changeset.unchanged;
      let updated = 0;
      for (const [tableName, items] of updates) {
        const table = tableOf(tableName);
        const stamp = recordsBatch(tableName);
        const befores = await table.bulkGet(items.map((u) => u.id));
        const afters: Row[] = [];
        for (const [i, item] of items.entries()) {
          const before = befores[i];
          if (before === undefined)
            throw new DomainError(
              `${await describeRow(tableName, { ...item.patch, id: item.id })}不存在（可能已被删除），无法导入对它的修改`,
            );
          const what = await describeRow(tableName, before);
          if (before['yearId'] !== changeset.yearId) throw new DomainError(`${what}不属于本批次的工作年度`);
          if ('id' in item.patch && item.patch['id'] !== item.id) throw new DomainError(`${what}的编号不能修改`);
          if ('yearId' in item.patch && item.patch['yearId'] !== changeset.yearId)
            throw new DomainError(`不能更改${what}所属的工作年度`);
          const after = applyPatch(before, item.patch);
          if (deepEqual(before, after)) unchanged += 1;
          else afters.push(stamp && !('importBatchId' in item.patch) ? { ...after, importBatchId: batchId } : after);
        }
        for (const { before, after } of await w.putAll(table, afters, { audit: false })) {
          changes.push({ table: tableName, id: after.id, before, after });
          updated += 1;
        }
        written.set(tableName, [...(written.get(tableName) ?? []), ...afters]);
      }

      for (const [tableName, rows] of written) await checkStoredRows(tableName, changeset.yearId, rows);

      const batch: ImportBatch = {
        id: batchId,
        yearId: changeset.yearId,
        kind: changeset.kind,
        files: changeset.files.map((f) => ({ name: f.name, sha256: f.sha256.toLowerCase() })),
        importedAt: at,
        operator,
        counts: { created: changeset.creates.length, updated, unchanged },
        changes,
        undone: false,
      };
      if (changeset.notes?.length) batch.notes = [...changeset.notes];
      await w.add(db.importBatches, batch, { audit: false });
      await w.log('create', db.importBatches, batch.id, undefined, batchSummary(batch));
      return batch;
    },
    { operator, at },
  );
}

/**
 * Undoes an import batch in one transaction: deletes the rows it created, restores the rows it
 * changed, marks it undone. Audited as one entry ('update' on importBatches: undone false →
 * true, with the batch's summary), not one per row: the batch's `changes` say which rows were
 * deleted and what the changed ones were restored to. Refused, storing nothing, when the batch is undone
 * already, when a row it wrote was changed or deleted since (undo the later batch first),
 * when other rows now refer to a row it created, or when a restored row no longer fits its
 * year (e.g. it refers to a unit deleted since).
 */
export function undoImport(batchId: string): Promise<void> {
  const at = nowIso();
  return writeTransaction(
    transactionTables(),
    async (w) => {
      const batch = await db.importBatches.get(batchId);
      if (!batch) throw new DomainError('导入批次不存在（可能已被删除）');
      if (batch.undone) throw new DomainError('该导入批次已经撤销，不能再次撤销');
      // Several PCs: a batch received from another PC travels without its rows (sync/ids.ts).
      if (batch.changes.length === 0 && batch.counts.created + batch.counts.updated > 0)
        throw new DomainError('此批次是在另一台电脑上导入的，本机没有它的逐行记录：请在导入的那台电脑上撤销。');

      const groups = new Map<ImportTable, ImportChange[]>();
      for (const change of batch.changes) {
        if (!isImportTable(change.table)) throw new DomainError(`导入批次含不能撤销的数据表"${change.table}"`);
        groups.set(change.table, [...(groups.get(change.table) ?? []), change]);
      }

      // Every row as the import left it?
      for (const [tableName, changes] of groups) {
        const current = await tableOf(tableName).bulkGet(changes.map((c) => c.id));
        for (const [i, change] of changes.entries()) {
          const row = current[i];
          const after = change.after as Row;
          if (row === undefined)
            throw new DomainError(`${await describeRow(tableName, after)}在导入后已被删除，无法撤销此批次`);
          if (!deepEqual(row, after))
            throw new DomainError(`${await describeRow(tableName, after)}在导入后又被修改过，无法撤销此批次`);
        }
      }

      // Nothing outside the batch refers to a row it created?
      const inBatch = new Set(batch.changes.map((c) => `${c.table}/${c.id}`));
      for (const [tableName, changes] of groups) {
        const createdIds = changes.filter((c) => c.before === undefined).map((c) => c.id);
        const referrers = await findReferrers(tableName, createdIds, batch.yearId, inBatch);
        const first = referrers[0];
        if (first === undefined) continue;
        const referred = changes.find((c) => c.id === first.id)?.after as Row;
        const labels = referrerLabels(referrers.filter((r) => r.id === first.id));
        throw new DomainError(`${await describeRow(tableName, referred)}已被${labels}引用，无法撤销此批次`);
      }

      for (const [tableName, changes] of groups) {
        await w.deleteAll(
          tableOf(tableName),
          changes.filter((c) => c.before === undefined).map((c) => c.id),
          { audit: false },
        );
      }
      const restored = new Map<ImportTable, Row[]>();
      for (const [tableName, changes] of groups) {
        const rows = changes.filter((c) => c.before !== undefined).map((c) => c.before as Row);
        await w.putAll(tableOf(tableName), rows, { audit: false });
        restored.set(tableName, rows);
      }
      for (const [tableName, rows] of restored) await checkStoredRows(tableName, batch.yearId, rows);

      await w.update(db.importBatches, batchId, { undone: true, undoneAt: at }, { audit: false });
      const summary = batchSummary(batch);
      await w.log(
        'update',
        db.importBatches,
        batchId,
        { ...summary, undone: false },
        { ...summary, undone: true, undoneAt: at },
      );
    },
    { at },
  );
}
