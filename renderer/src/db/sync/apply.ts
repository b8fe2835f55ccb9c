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
      const ordered = [
        ...ready.filter((c) => c.winner.type === 'monthStates'),
        ...ready.filter((c) => c.winner.type !== 'monthStates'),
      ];
      const metas = new Map(
        (await db.syncMeta.bulkGet(ordered.map((c) => c.id)))
          .filter((m): m is SyncMetaRow => m !== undefined)
          .map((m) => [m.docId, m]),
      );

      const states = new Map<string, MonthState | undefined>();
      const monthState = async (yearId: string, month: number) => {
        const id = monthStateId(yearId, month);
        if (!states.has(id)) states.set(id, await db.monthStates.get(id));
        return states.get(id);
      };
      const months = new Map<string, { yearId: string; month: number }>();
      const tables: Record<string, number> = {};
      const devices: Record<string, number> = {};
      const appliedIds: string[] = [];
      let conflicts = 0;

      for (const change of ordered) {
        const decision = await decide(change, monthState);
        if (!decision) continue;
        const { table, shown, kind } = decision;
        const id = change.id;

        // The conflict list
        if (kind) {
          const row: SyncConflictRow = {
            docId: id,
            table: table.name,
            key: decision.key,
            kind,
            winner: change.winner._rev,
            shown: shown?._rev ?? null,
            // Branches ended by an earlier resolution are not versions.
            leaves: (change.leaves ?? [change.winner]).filter((l) => l.resolved !== true).map(leafOf),
            detectedAt: at,
          };
          if (decision.month) Object.assign(row, decision.month);
          await db.syncConflicts.put(row);
          conflicts++;
        } else {
          await db.syncConflicts.delete(id);
        }

        // Idempotent by revision: the row shows this revision already.
        const target = shown ?? change.winner;
        const hidden = !shown || shown._deleted === true;
        const meta = metas.get(id);
        if (!options.rejudge && meta?.rev === target._rev && (meta.deleted === true) === hidden) continue;

        const key = decision.key as never;
        const before = (await table.get(key)) as Row | undefined;
        if (hidden) {
          if (before !== undefined) await w.delete(table, key, { audit: false });
        } else {
          let row = shown.row as Row;
          // A batch's per-row changes stay on the PC that imported it.
          if (table.name === 'importBatches' && before && Array.isArray(before['changes']))
            row = { ...row, changes: before['changes'] };
          await w.put(table, row, { audit: false });
          if (table.name === 'monthStates') {
            const was = before as MonthState | undefined;
            const now = row as unknown as MonthState;
            states.set(now.id, now);
            if (sealOf(was) !== sealOf(now)) months.set(now.id, { yearId: now.yearId, month: now.month });
          }
        }
        const next: SyncMetaRow = {
          docId: id,
          rev: target._rev,
          hash: hidden ? '' : contentHash(syncedForm(table.name, shown.row as Row)),
        };
        if (!hidden && shown.seal !== undefined) next.seal = shown.seal;
        if (hidden) next.deleted = true;
        await db.syncMeta.put(next);
        if (hidden && before === undefined) continue; // nothing changed on screen
        tables[table.name] = (tables[table.name] ?? 0) + 1;
        const from = target.deviceId ?? '';
        devices[from] = (devices[from] ?? 0) + 1;
        appliedIds.push(id);
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

/** Which leaf shows and whether the document is in conflict (undefined: not a row of ours). */
async function decide(
  change: IncomingChange,
  monthState: (yearId: string, month: number) => Promise<MonthState | undefined>,
): Promise<Decision | undefined> {
  const winner = change.winner;
  const tableName = winner.type as string;
  const table = db.table(tableName);
  const leaves = change.leaves ?? [winner];
  const sample = leaves.find((l) => l.row !== undefined)?.row;
  // A deletion may come without the row (a restored backup's, state.ts): its key says which.
  if (sample === undefined && !(winner._deleted && winner.key !== undefined)) return undefined;
  if (sample !== undefined && !isSyncedRow(tableName, sample)) return undefined;
  const key = winner.key ?? primaryKeyOf(table, sample);
  const month = isSealedTable(tableName) && sample ? monthOf(winner.row ?? sample) : undefined;
  const seal = month ? sealOf(await monthState(month.yearId, month.month)) : undefined;
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
  if (tableName === 'workYears' && shown && !shown._deleted) {
    const year = (shown.row as Row)['year'];
    const taken = await db.workYears
      .where('year')
      .equals(year as number)
      .first();
    if (taken && taken.id !== (shown.row as Row)['id']) {
      shown = null;
      kind = 'duplicate';
    }
  }
  const decision: Decision = { change, table, key, shown, kind };
  if (month) decision.month = month;
  return decision;
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
