// The writer's half of the sync (audit.ts calls it): every change of a synced row made through
// the AuditedWriter also becomes an outbox row and the row's new revision (syncMeta), in the
// same transaction as the change and its audit entry. So a change is either stored, logged and
// queued for the server together, or not at all; a crash can neither lose nor half-send it.
// While sync is not set up on this PC (no 'device' in syncState) nothing is recorded.
import { Dexie, type IndexableType, type Table } from 'dexie';
import { DomainError } from '../errors';
import { db } from '../schema';
import { docIdOf, isSyncedRow, syncedForm } from './ids';
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
}

/** Whether sync is set up on this PC (read inside or outside a transaction). */
export async function syncDevice(): Promise<DeviceState | undefined> {
  return (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
}
