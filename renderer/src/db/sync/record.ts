// The writer's half of the sync (audit.ts calls it): every change of a synced row made through
// the AuditedWriter also becomes an outbox row and the row's new revision (syncMeta), in the
// same transaction as the change and its audit entry. So a change is either stored, logged and
// queued for the server together, or not at all; a crash can neither lose nor half-send it.
// While sync is not set up on this PC (no 'device' in syncState) nothing is recorded.
//
// Publishing across PCs: when a month becomes published — publishMonth, or a month state
// written published by the sample or a restore — every record of the month that freezes with
// it gets a "seal" revision in the same transaction: same content, `seal` set, a child of the
// revision the row shows. An edit made on another PC from the revision before the seal is then
// a genuine CouchDB conflict with it, and every PC shows the sealed version (apply.ts). An edit
// the publishing PC had already received is sealed too: no conflict.
import { Dexie, type IndexableType, type Table } from 'dexie';
import { DomainError } from '../errors';
import { db } from '../schema';
import { sealOf } from '../../core/sync';
import type { MonthState } from '../../core/model';
import { FROZEN_TABLES } from '../freeze';
import { docIdOf, isSyncedRow, primaryKeyOf, syncedForm } from './ids';
import { contentHash, nextRev } from './revs';
import type { DeviceState, OutboxRow, SyncBody, SyncMetaRow } from './types';

/** syncState keys read by the writer. */
export const DEVICE_KEY = 'device';
export const ROLE_KEY = 'role';

/** The message of a local write refused on a 只读 PC. */
export const READ_ONLY_MESSAGE = '本机以“只读”用户连接多机同步（领导查看用），不能修改数据。';

interface Recording {
  device: DeviceState | undefined;
  readOnly: boolean;
}

/** Per IndexedDB transaction: this PC's device, read once. */
const recordings = new WeakMap<object, Promise<Recording>>();

function recordingOf(): Promise<Recording> {
  const trans = Dexie.currentTransaction;
  if (!trans?.idbtrans) throw new Error('同步记录只能在写入事务中进行');
  let found = recordings.get(trans.idbtrans);
  if (!found) {
    found = db.syncState.bulkGet([DEVICE_KEY, ROLE_KEY]).then(([device, role]) => ({
      device: device?.value as DeviceState | undefined,
      readOnly: role?.value === 'reader',
    }));
    recordings.set(trans.idbtrans, found);
  }
  return found;
}

/** One change of a row: after is undefined for a deletion. */
export interface RowChange {
  key: IndexableType;
  before: unknown;
  after: unknown;
}

/** Records changes of rows of `table` (one transaction, inside the writer). */
export async function recordChanges(
  table: Table,
  changes: readonly RowChange[],
  by: string,
  at: string,
  seal?: string,
): Promise<void> {
  const synced = changes.filter((c) => isSyncedRow(table.name, c.after ?? c.before));
  if (synced.length === 0) return;
  const { device, readOnly } = await recordingOf();
  if (readOnly) throw new DomainError(READ_ONLY_MESSAGE);
  if (!device) return;
  const ids = synced.map((c) => docIdOf(table.name, c.key));
  const metas = await db.syncMeta.bulkGet(ids);
  const outbox: OutboxRow[] = [];
  const revisions: SyncMetaRow[] = [];
  synced.forEach((change, i) => {
    const docId = ids[i] as string;
    const parent = metas[i]?.rev;
    const deleted = change.after === undefined;
    const row = syncedForm(table.name, (change.after ?? change.before) as Record<string, unknown>);
    const body: SyncBody = { type: table.name, key: change.key, row, deviceId: device.deviceId, by, at };
    if (seal !== undefined) body.seal = seal;
    const rev = nextRev(parent, body, deleted);
    const item: OutboxRow = { docId, rev, body, stage: 0 };
    if (parent !== undefined) item.parent = parent;
    if (deleted) item.deleted = true;
    outbox.push(item);
    const meta: SyncMetaRow = { docId, rev, hash: deleted ? '' : contentHash(row) };
    if (seal !== undefined) meta.seal = seal;
    if (deleted) meta.deleted = true;
    revisions.push(meta);
  });
  await db.outbox.bulkAdd(outbox);
  await db.syncMeta.bulkPut(revisions);
  if (table.name === db.monthStates.name) {
    for (const change of synced) {
      const after = change.after as MonthState | undefined;
      const seal = sealOf(after);
      if (after && seal !== undefined && seal !== sealOf(change.before as MonthState | undefined))
        await sealMonth(after.yearId, after.month, seal, by, at);
    }
  }
}

/** Writes the seal revisions of a month just published (see the top of this file). */
async function sealMonth(yearId: string, month: number, seal: string, by: string, at: string): Promise<void> {
  for (const name of FROZEN_TABLES) {
    const table = db.table(name);
    const rows =
      name === 'submissions'
        ? await table
            .where('yearId')
            .equals(yearId)
            .filter((r: { month?: unknown }) => r.month === month)
            .toArray()
        : await table.where('[yearId+month]').equals([yearId, month]).toArray();
    if (rows.length === 0) continue;
    await recordChanges(
      table,
      rows.map((row) => ({ key: primaryKeyOf(table, row), before: row, after: row })),
      by,
      at,
      seal,
    );
  }
}

/** Whether sync is set up on this PC (read inside or outside a transaction). */
export async function syncDevice(): Promise<DeviceState | undefined> {
  return (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
}
