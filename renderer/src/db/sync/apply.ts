// The puller's Dexie half: documents of the local replica (handed over by the sync layer,
// which alone reads PouchDB) are written into the app's tables through the audited writer,
// one transaction per batch with ONE audit entry for the batch (like an import), idempotently
// by revision: a document whose revision the row already shows is skipped, so a batch applied
// twice (a crash before its checkpoint) changes nothing. The checkpoint is stored in the same
// transaction.
//
// Which version shows (core/sync.ts judge): CouchDB's winner, except in a published month,
// where only the publication's sealed version may show; conflicts are recorded for the
// 同步冲突 screen. A document with a change of this PC still waiting for the local replica
// is left for later (it comes again once the pusher has put that change in).
import type { Table } from 'dexie';
import { judge, sealOf } from '../../core/sync';
import { groupBy } from '../../core/groupBy';
import { entityLabels, type MonthState } from '../../core/model';
import { writeTransaction } from '../audit';
import { DomainError } from '../errors';
import { monthStateId } from '../freeze';
import { db } from '../schema';
import { DEVICE_KEY } from './record';
import { isSealedTable, isSyncedRow, isSyncedTable, monthOf, primaryKeyOf, syncedForm } from './ids';
import { contentHash } from './revs';
import type {
  ConflictKind,
  ConflictLeaf,
  DeviceState,
  IncomingChange,
  IncomingDoc,
  PeerAuditRow,
  SyncConflictRow,
  SyncMetaRow,
} from './types';

/** syncState: a restored backup waits for the office's decision (state.ts). */
const RESTORE_KEY = 'restorePending';

/** syncState: how far the local replica's changes feed has been applied. */
export const PULL_CURSOR_KEY = 'pulledSeq';

/** The operator of the entries that record what arrived from other PCs. */
export const SYNC_OPERATOR = '多机同步';

export interface ApplyResult {
  /** A restored backup waits for the office's decision: nothing was applied, stop pulling. */
  blocked?: true;
  /** Rows written or deleted. */
  applied: number;
  /** Documents left for later (a change of this PC waits for the local replica). */
  deferred: number;
  /** Months whose publication changed here: their records must be judged again (rejudge). */
  months: { yearId: string; month: number }[];
}

export interface ApplyOptions {
  /** The local replica's sequence after this batch, stored with it. */
  checkpoint?: string | number;
  /** Judge and write again even where the row shows the revision already (a month's publication changed). */
  rejudge?: boolean;
}

type Row = Record<string, unknown>;

function leafOf(doc: IncomingDoc): ConflictLeaf {
  const leaf: ConflictLeaf = {
    rev: doc._rev,
    deleted: doc._deleted === true,
    deviceId: doc.deviceId ?? '',
    by: doc.by ?? '',
    at: doc.at ?? '',
  };
  if (doc.seal !== undefined) leaf.seal = doc.seal;
  if (doc.row !== undefined) leaf.row = doc.row;
  return leaf;
}

/** Every table a batch may write, read or check. */
function applyTables(): Table[] {
  const synced = db.tables.filter((t) => isSyncedTable(t.name));
  return [...synced, db.peerAudit, db.syncConflicts, db.monthStates];
}

interface Decision {
  change: IncomingChange;
  table: Table;
  key: unknown;
  shown: IncomingDoc | null;
  kind: ConflictKind | null;
  month?: { yearId: string; month: number };
}

/**
 * Applies a batch of changed documents (see the top of this file). Month states go first, so
 * that records arriving with their month's publication are judged against it.
 */
export async function applyIncoming(
  changes: readonly IncomingChange[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const at = new Date().toISOString();
  return writeTransaction(
    applyTables(),
    async (w) => {
      const device = (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
      if (!device) throw new DomainError('本机未启用多机同步');
      // After a restore nothing from the server may overwrite the restored data until the office decides.
      if (await db.syncState.get(RESTORE_KEY))
        return { applied: 0, deferred: changes.length, months: [], blocked: true };

      // Other PCs' audit entries: kept apart from this PC's chain.
      const peers: PeerAuditRow[] = [];
      const data: IncomingChange[] = [];
      for (const change of changes) {
        const doc = change.winner;
        if (doc.type === 'audit') {
          if (
            doc.deviceId &&
            doc.deviceId !== device.deviceId &&
            doc.entry &&
            typeof doc.dseq === 'number' &&
            !doc._deleted
          )
            peers.push({
              deviceId: doc.deviceId,
              dseq: doc.dseq,
              at: doc.entry.at,
              deviceLabel: doc.deviceLabel ?? '',
              chainStart: doc.chainStart ?? 1,
              entry: doc.entry,
            });
        } else if (doc.type && isSyncedTable(doc.type)) data.push(change);
      }
      if (peers.length > 0) await db.peerAudit.bulkPut(peers);

      const ids = data.map((c) => c.id);
      const waiting = await db.outbox.where('docId').anyOf(ids).toArray();
      const deferredIds = new Set(waiting.filter((r) => r.stage === 0).map((r) => r.docId));
      const ready = data.filter((c) => !deferredIds.has(c.id));
      const metas = new Map(
        (await db.syncMeta.bulkGet(ready.map((c) => c.id)))
          .filter((m): m is SyncMetaRow => m !== undefined)
          .map((m) => [m.docId, m]),
      );

      const knowledge: Knowledge = { states: new Map(), years: new Map(), yearsLoaded: false };
      const months = new Map<string, { yearId: string; month: number }>();
      const tables: Record<string, number> = {};
      const devices: Record<string, number> = {};
      const appliedIds: string[] = [];
      let conflicts = 0;

      // Month states first, written before the records are judged against the publications they bring.
      const groups = [
        ready.filter((c) => c.winner.type === 'monthStates'),
        ready.filter((c) => c.winner.type !== 'monthStates'),
      ];
      for (const group of groups) {
        // Judged one by one (in memory), then written a table at a time: one request per table
        // and kind of write, not several per document.
        await learn(group, knowledge);
        const decisions = group.flatMap((change) => decide(change, knowledge) ?? []);
        const conflictRows: SyncConflictRow[] = [];
        for (const { change, table, key, shown, kind, month } of decisions) {
          if (!kind) continue;
          const row: SyncConflictRow = {
            docId: change.id,
            table: table.name,
            key,
            kind,
            winner: change.winner._rev,
            shown: shown?._rev ?? null,
            // Branches ended by an earlier resolution are not versions.
            leaves: (change.leaves ?? [change.winner]).filter((l) => l.resolved !== true).map(leafOf),
            detectedAt: at,
          };
          if (month) Object.assign(row, month);
          conflictRows.push(row);
        }
        await db.syncConflicts.bulkDelete(decisions.filter((d) => !d.kind).map((d) => d.change.id));
        await db.syncConflicts.bulkPut(conflictRows);
        conflicts += conflictRows.length;

        // Idempotent by revision: rows that show their revision already are left alone.
        const due = decisions.filter(({ change, shown }) => {
          const meta = metas.get(change.id);
          const target = shown ?? change.winner;
          const hidden = !shown || shown._deleted === true;
          return options.rejudge || meta?.rev !== target._rev || (meta.deleted === true) !== hidden;
        });
        const metaRows: SyncMetaRow[] = [];
        for (const [table, list] of groupBy(due, (d) => d.table)) {
          const befores = (await table.bulkGet(list.map((d) => d.key as never))) as (Row | undefined)[];
          const removed: unknown[] = [];
          const written: Row[] = [];
          list.forEach(({ change, key, shown }, i) => {
            const before = befores[i];
            const target = shown ?? change.winner;
            const hidden = !shown || shown._deleted === true;
            if (hidden) {
              if (before !== undefined) removed.push(key);
            } else {
              let row = shown.row as Row;
              // A batch's per-row changes stay on the PC that imported it.
              if (table.name === 'importBatches' && before && Array.isArray(before['changes']))
                row = { ...row, changes: before['changes'] };
              written.push(row);
              if (table.name === 'monthStates') {
                const was = before as MonthState | undefined;
                const now = row as unknown as MonthState;
                knowledge.states.set(now.id, now);
                if (sealOf(was) !== sealOf(now)) months.set(now.id, { yearId: now.yearId, month: now.month });
              }
            }
            const next: SyncMetaRow = {
              docId: change.id,
              rev: target._rev,
              hash: hidden ? '' : contentHash(syncedForm(table.name, shown.row as Row)),
            };
            if (!hidden && shown.seal !== undefined) next.seal = shown.seal;
            if (hidden) next.deleted = true;
            metaRows.push(next);
            if (hidden && before === undefined) return; // nothing changed on screen
            tables[table.name] = (tables[table.name] ?? 0) + 1;
            const from = target.deviceId ?? '';
            devices[from] = (devices[from] ?? 0) + 1;
            appliedIds.push(change.id);
          });
          // Deletions first: a unique index (a year) may pass from a deleted row to a new one.
          await w.deleteAll(table, removed as never[], { audit: false });
          await w.putAll(table, written, { audit: false });
        }
        await db.syncMeta.bulkPut(metaRows);
      }

      if (appliedIds.length > 0 || conflicts > 0) {
        const parts = Object.entries(tables).map(([t, n]) => `${entityLabels[t] ?? t}${n}条`);
        const name = `${options.rejudge ? '重新判定已发布月份的记录' : '接收其他电脑的修改'}：${
          appliedIds.length
        }条${parts.length ? `（${parts.join('、')}）` : ''}${conflicts ? `；同步冲突${conflicts}项` : ''}`;
        const summary: Row = { name, rows: appliedIds.length, tables, devices, conflicts };
        if (appliedIds.length <= 100) summary['ids'] = appliedIds;
        await w.log('update', db.syncState, 'apply', undefined, summary);
      }
      if (options.checkpoint !== undefined) await db.syncState.put({ key: PULL_CURSOR_KEY, value: options.checkpoint });
      return { applied: appliedIds.length, deferred: deferredIds.size, months: [...months.values()] };
    },
    { replicated: true, operator: SYNC_OPERATOR, at },
  );
}

/**
 * What the decisions of a batch read, kept up to date as they are made (a batch's rows are
 * written after its decisions): the month states by id, and which row holds each year (a year
 * is unique).
 */
interface Knowledge {
  states: Map<string, MonthState | undefined>;
  years: Map<number, string>;
  yearsLoaded: boolean;
}

/** Which leaf shows and whether the document is in conflict (undefined: not a row of ours). */
function decide(change: IncomingChange, knowledge: Knowledge): Decision | undefined {
  const winner = change.winner;
  const tableName = winner.type as string;
  const table = db.table(tableName);
  const leaves = change.leaves ?? [winner];
  const sample = sampleOf(change);
  // A deletion may come without the row (a restored backup's, state.ts): its key says which.
  if (sample === undefined && !(winner._deleted && winner.key !== undefined)) return undefined;
  if (sample !== undefined && !isSyncedRow(tableName, sample)) return undefined;
  const key = winner.key ?? primaryKeyOf(table, sample);
  const month = monthOfChange(change);
  const seal = month ? sealOf(knowledge.states.get(monthStateId(month.yearId, month.month))) : undefined;
  const info = (doc: IncomingDoc) => ({
    doc,
    rev: doc._rev,
    deleted: doc._deleted === true,
    seal: doc.seal,
    resolved: doc.resolved === true,
  });
  const judged = judge(info(winner), leaves.map(info), seal);
  let shown = judged.shown?.doc ?? null;
  let kind: ConflictKind | null = judged.kind;
  // Two PCs created the same year: the year is unique, the second one is not shown.
  if (tableName === 'workYears' && sample) {
    const { year, id } = (shown && !shown._deleted ? shown.row : sample) as { year: number; id: string };
    const holder = knowledge.years.get(year);
    if (shown && !shown._deleted) {
      if (holder && holder !== id) {
        shown = null;
        kind = 'duplicate';
      } else knowledge.years.set(year, id);
    } else if (holder === id) knowledge.years.delete(year);
  }
  const decision: Decision = { change, table, key, shown, kind };
  if (month) decision.month = month;
  return decision;
}

/** A version of the document's row (the winner may be a deletion without one). */
function sampleOf(change: IncomingChange): Row | undefined {
  return (change.leaves ?? [change.winner]).find((l) => l.row !== undefined)?.row as Row | undefined;
}

/** The month a record of a published-month table belongs to. */
function monthOfChange(change: IncomingChange): { yearId: string; month: number } | undefined {
  const sample = sampleOf(change);
  const tableName = change.winner.type as string;
  return isSealedTable(tableName) && sample ? monthOf(change.winner.row ?? sample) : undefined;
}

/**
 * Loads what the decisions on `changes` read: their months' states and, for a work year, which
 * row holds each year. Decisions are then made in memory, without a request per document.
 */
async function learn(changes: readonly IncomingChange[], knowledge: Knowledge): Promise<void> {
  const ids = new Set<string>();
  for (const change of changes) {
    const month = monthOfChange(change);
    if (month) ids.add(monthStateId(month.yearId, month.month));
  }
  const missing = [...ids].filter((id) => !knowledge.states.has(id));
  const found = await db.monthStates.bulkGet(missing);
  missing.forEach((id, i) => knowledge.states.set(id, found[i]));
  if (!knowledge.yearsLoaded && changes.some((c) => c.winner.type === 'workYears')) {
    for (const y of await db.workYears.toArray()) knowledge.years.set(y.year, y.id);
    knowledge.yearsLoaded = true;
  }
}

/** The documents to judge again when a month's publication changed here: its records and conflicts. */
export async function monthDocIds(yearId: string, month: number): Promise<string[]> {
  const ids: string[] = [];
  for (const name of ['reports', 'feedback', 'milestones', 'scoreEntries', 'submissions']) {
    if (!isSealedTable(name)) continue;
    const table = db.table(name);
    const keys =
      name === 'submissions'
        ? await table
            .where('yearId')
            .equals(yearId)
            .filter((r: Row) => r['month'] === month)
            .primaryKeys()
        : await table.where('[yearId+month]').equals([yearId, month]).primaryKeys();
    for (const key of keys) ids.push(`${name}:${String(key)}`);
  }
  const held = await db.syncConflicts.where('kind').anyOf(['published', 'edit']).toArray();
  for (const c of held) if (c.yearId === yearId && c.month === month && !ids.includes(c.docId)) ids.push(c.docId);
  return ids;
}
