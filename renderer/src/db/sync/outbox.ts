// The pusher's Dexie half (the sync layer moves the documents into the local replica):
// take what waits, as documents with their explicit revisions; mark them as in the replica;
// drop them once the server has them. Own audit entries follow by a cursor: the log is
// append-only, so each entry is sent once as `audit:<deviceId>:<seq>` (revision 1-<its hash>).
import type { AuditEntry } from '../../core/model';
import { db } from '../schema';
import { DEVICE_KEY } from './record';
import { auditDocId, docIdOf } from './ids';
import { auditRev, contentHash, revGen, revHash } from './revs';
import type { DeviceState, OutboxRow } from './types';

/** syncState: the last own audit seq copied into the local replica. */
export const AUDIT_CURSOR_KEY = 'auditPushedSeq';

/** A document for the local replica, written there as is (PouchDB `new_edits: false`). */
export interface PushDoc {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: string[] };
  _deleted?: true;
  [field: string]: unknown;
}

export interface PushBatch {
  docs: PushDoc[];
  /** The outbox rows the documents come from. */
  oseqs: number[];
  /** The newest own audit seq among the documents (undefined: none). */
  auditSeq?: number;
}

function docOf(row: OutboxRow): PushDoc {
  const ids = row.parent ? [revHash(row.rev), revHash(row.parent)] : [revHash(row.rev)];
  const doc: PushDoc = { _id: row.docId, _rev: row.rev, _revisions: { start: revGen(row.rev), ids }, ...row.body };
  if (row.deleted) doc._deleted = true;
  return doc;
}

function auditDocOf(device: DeviceState, entry: AuditEntry): PushDoc {
  const { seq, ...content } = entry;
  const rev = auditRev(entry.hash ?? contentHash(content));
  return {
    _id: auditDocId(device.deviceId, seq ?? 0),
    _rev: rev,
    _revisions: { start: 1, ids: [revHash(rev)] },
    type: 'audit',
    deviceId: device.deviceId,
    deviceLabel: device.label,
    chainStart: device.chainStart,
    dseq: seq ?? 0,
    entry: content,
  };
}

/**
 * The next changes to put into the local replica, oldest first: at most `limit` outbox rows
 * (stopping before a document's second revision, which goes in the next batch after its
 * parent) and `limit` own audit entries. Empty when nothing waits or sync is not set up.
 */
export async function takeOutbox(limit = 500): Promise<PushBatch> {
  return db.transaction('r', [db.outbox, db.audit, db.syncState], async () => {
    const device = (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
    // Nothing goes out while a restored backup waits for the office's decision (state.ts).
    if (!device || (await db.syncState.get('restorePending'))) return { docs: [], oseqs: [] };
    const waiting = await db.outbox.where('stage').equals(0).limit(limit).toArray();
    const rows: OutboxRow[] = [];
    const seen = new Set<string>();
    for (const row of waiting.sort((a, b) => (a.oseq ?? 0) - (b.oseq ?? 0))) {
      if (seen.has(row.docId)) break;
      seen.add(row.docId);
      rows.push(row);
    }
    const cursor = ((await db.syncState.get(AUDIT_CURSOR_KEY))?.value as number | undefined) ?? device.chainStart - 1;
    const entries = await db.audit.where('seq').above(cursor).limit(limit).toArray();
    const docs = [...rows.map(docOf), ...entries.map((e) => auditDocOf(device, e))];
    const batch: PushBatch = { docs, oseqs: rows.map((r) => r.oseq as number) };
    const last = entries.at(-1)?.seq;
    if (last !== undefined) batch.auditSeq = last;
    return batch;
  });
}

/** The batch is in the local replica: its rows wait for the server now, the audit cursor moves. */
export async function markPushed(batch: PushBatch): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncState], async () => {
    const rows = (await db.outbox.bulkGet(batch.oseqs)).filter((r): r is OutboxRow => r !== undefined);
    await db.outbox.bulkPut(rows.map((r) => ({ ...r, stage: 1 as const })));
    if (batch.auditSeq !== undefined) await db.syncState.put({ key: AUDIT_CURSOR_KEY, value: batch.auditSeq });
  });
}

/** The server has these revisions: their outbox rows are done. Returns how many were removed. */
export async function confirmUploaded(revisions: readonly { id: string; rev: string }[]): Promise<number> {
  if (revisions.length === 0) return 0;
  const wanted = new Set(revisions.map((r) => `${r.id}\u0000${r.rev}`));
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox
      .where('docId')
      .anyOf([...new Set(revisions.map((r) => r.id))])
      .toArray();
    // A revision on the server brings its ancestors with it (its history): the rows of earlier
    // revisions of the same branch are done too, though the replicator sent only the newest
    // (and a PouchDB server's revs_diff calls such bodiless ancestors missing).
    const byRev = new Map(rows.filter((r) => r.stage === 1).map((r) => [`${r.docId}\u0000${r.rev}`, r]));
    const done = new Set<OutboxRow>();
    for (const key of wanted) {
      let row = byRev.get(key);
      while (row && !done.has(row)) {
        done.add(row);
        row = row.parent === undefined ? undefined : byRev.get(`${row.docId}\u0000${row.parent}`);
      }
    }
    await db.outbox.bulkDelete([...done].map((r) => r.oseq as number));
    return done.size;
  });
}

/** Revisions in the local replica not yet confirmed on the server (for a revs_diff check). */
export async function unconfirmed(limit = 1000): Promise<{ id: string; rev: string }[]> {
  const rows = await db.outbox.where('stage').equals(1).limit(limit).toArray();
  return rows.map((r) => ({ id: r.docId, rev: r.rev }));
}

/** Changes made on this PC and not yet on the server (the header's "N项待上传"). */
export function pendingUploads(): Promise<number> {
  return db.outbox.count();
}

/** Outbox rows of a document still waiting for the local replica (the puller waits for them). */
export async function waitingDocIds(docIds: readonly string[]): Promise<Set<string>> {
  if (docIds.length === 0) return new Set();
  const rows = await db.outbox
    .where('docId')
    .anyOf([...docIds])
    .toArray();
  return new Set(rows.filter((r) => r.stage === 0).map((r) => r.docId));
}

export { docIdOf };
