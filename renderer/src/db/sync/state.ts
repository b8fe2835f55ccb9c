// This PC's sync settings and bookkeeping (syncState), and the transitions that change what
// the PC sends: setting sync up, the first upload of what the PC already holds, replacing the
// PC's data with the server's, the decision after a backup was restored, and stopping sync.
// Each transition that touches office data or the PC's identity is logged in the audit chain.
import type { Table } from 'dexie';
import { writeTransaction } from '../audit';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { getOperator } from '../operator';
import { db, SYNC_TABLE_NAMES, TABLE_NAMES } from '../schema';
import { AUDIT_CURSOR_KEY } from './outbox';
import { PULL_CURSOR_KEY } from './apply';
import { DEVICE_KEY, ROLE_KEY } from './record';
import {
  docIdOf,
  keyOfDocId,
  isSealedTable,
  isSyncedRow,
  isSyncedTable,
  monthOf,
  primaryKeyOf,
  syncedForm,
} from './ids';
import { sealOf } from '../../core/sync';
import { monthStateId } from '../freeze';
import { contentHash, nextRev } from './revs';
import type { DeviceState, OutboxRow, SyncBody, SyncConfig, SyncMetaRow } from './types';

export const CONFIG_KEY = 'config';
export const PAUSED_KEY = 'paused';
/** A backup was restored while sync was set up: nothing moves until the office decides. */
export const RESTORE_KEY = 'restorePending';
/** The first sync finished (download, apply, upload). */
export const INITIAL_KEY = 'initialDone';
export const LAST_SYNCED_KEY = 'lastSynced';

export interface RestorePending {
  at: string;
  file: string;
}

export interface SyncSettings {
  config?: SyncConfig;
  device?: DeviceState;
  role?: 'editor' | 'reader';
  paused: boolean;
  restorePending?: RestorePending;
  initialDone: boolean;
  lastSynced?: string;
  pulledSeq?: string | number;
}

export async function getSyncSettings(): Promise<SyncSettings> {
  const keys = [
    CONFIG_KEY,
    DEVICE_KEY,
    ROLE_KEY,
    PAUSED_KEY,
    RESTORE_KEY,
    INITIAL_KEY,
    LAST_SYNCED_KEY,
    PULL_CURSOR_KEY,
  ];
  const [config, device, role, paused, restore, initial, last, pulled] = await db.syncState.bulkGet(keys);
  const settings: SyncSettings = { paused: paused?.value === true, initialDone: initial?.value === true };
  if (config) settings.config = config.value as SyncConfig;
  if (device) settings.device = device.value as DeviceState;
  if (role) settings.role = role.value as 'editor' | 'reader';
  if (restore) settings.restorePending = restore.value as RestorePending;
  if (last) settings.lastSynced = last.value as string;
  if (pulled) settings.pulledSeq = pulled.value as string | number;
  return settings;
}

/** A bookkeeping value of the sync (cursors, flags): not office data, not logged. */
export async function setSyncValue(key: string, value: unknown): Promise<void> {
  if (value === undefined) await db.syncState.delete(key);
  else await db.syncState.put({ key, value });
}

const auditSyncState = (name: string, detail: Record<string, unknown> = {}) => ({ name, rows: 0, ...detail });

/**
 * Sets sync up on this PC (or changes the server): the address and user (the password is
 * kept by the desktop shell), and — the first time — this PC's device id, which names its
 * audit chain on the server. Logged.
 */
export async function setUpSync(config: SyncConfig, label: string): Promise<DeviceState> {
  return writeTransaction([db.syncState], async (w) => {
    const existing = (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
    const previous = (await db.syncState.get(CONFIG_KEY))?.value as SyncConfig | undefined;
    const serverChanged =
      previous !== undefined && (previous.server !== config.server || previous.database !== config.database);
    if (existing && serverChanged) throw new DomainError('要改用另一台服务器或数据库，请先“停用同步”，再重新设置。');
    await db.syncState.put({ key: CONFIG_KEY, value: config });
    let device = existing;
    if (!device) {
      const first = await db.audit.orderBy('seq').first();
      const last = await db.audit.orderBy('seq').last();
      device = {
        deviceId: newId(),
        label: label.trim() || `${getOperator() || '未命名'}的电脑`,
        // The chain this device sends starts at its oldest entry (the whole log goes up).
        chainStart: first?.seq ?? (last?.seq ?? 0) + 1,
        createdAt: new Date().toISOString(),
      };
      await db.syncState.put({ key: DEVICE_KEY, value: device });
    } else if (label.trim() && label.trim() !== device.label) {
      device = { ...device, label: label.trim() };
      await db.syncState.put({ key: DEVICE_KEY, value: device });
    }
    await w.log(
      'update',
      db.syncState,
      'config',
      previous ? { server: previous.server, database: previous.database, username: previous.username } : undefined,
      auditSyncState(
        `设置多机同步：${config.server}/${config.database}，用户 ${config.username}，本机“${device.label}”`,
        {
          server: config.server,
          database: config.database,
          username: config.username,
          deviceId: device.deviceId,
        },
      ),
    );
    return device;
  });
}

/**
 * The seal a first revision of `row` must carry: a row of a month already published (before
 * sync was set up, or in a restored backup) is sent as that publication's version, so that
 * every PC shows it as published (apply.ts). Read inside the caller's transaction (monthStates).
 */
async function sealForRow(table: string, row: unknown): Promise<string | undefined> {
  if (!isSealedTable(table)) return undefined;
  const month = monthOf(row);
  if (!month) return undefined;
  return sealOf(await db.monthStates.get(monthStateId(month.yearId, month.month)));
}

/** Every table of office data that syncs. */
function syncedTables(): Table[] {
  return db.tables.filter((t) => isSyncedTable(t.name));
}

/**
 * Queues every row this PC holds that has never been sent (no syncMeta) as its document's
 * first revision: the first upload of a PC that had data before sync was set up. Runs in
 * chunks (resumable: rows done have their syncMeta). Returns how many rows were queued.
 */
export async function seedOutbox(onProgress?: (done: number) => void, chunk = 2000): Promise<number> {
  let queued = 0;
  const device = (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
  if (!device) throw new DomainError('本机未启用多机同步');
  const by = getOperator();
  for (const table of syncedTables()) {
    let offset = 0;
    for (;;) {
      const done = await db.transaction('rw', [table, db.outbox, db.syncMeta, db.monthStates], async () => {
        const rows = await table.offset(offset).limit(chunk).toArray();
        if (rows.length === 0) return -1;
        const ids = rows.map((row) => docIdOf(table.name, primaryKeyOf(table, row)));
        const metas = await db.syncMeta.bulkGet(ids);
        const at = new Date().toISOString();
        const outbox: OutboxRow[] = [];
        const meta: SyncMetaRow[] = [];
        for (const [i, row] of rows.entries()) {
          if (metas[i] !== undefined || !isSyncedRow(table.name, row)) continue;
          const synced = syncedForm(table.name, row as Record<string, unknown>);
          const body: SyncBody = {
            type: table.name,
            key: primaryKeyOf(table, row),
            row: synced,
            deviceId: device.deviceId,
            by,
            at,
          };
          const seal = await sealForRow(table.name, row);
          if (seal !== undefined) body.seal = seal;
          const rev = nextRev(undefined, body, false);
          outbox.push({ docId: ids[i] as string, rev, body, stage: 0 });
          const m: SyncMetaRow = { docId: ids[i] as string, rev, hash: contentHash(synced) };
          if (seal !== undefined) m.seal = seal;
          meta.push(m);
        }
        await db.outbox.bulkAdd(outbox);
        await db.syncMeta.bulkPut(meta);
        return outbox.length;
      });
      if (done < 0) break;
      queued += done;
      offset += chunk;
      onProgress?.(queued);
    }
  }
  return queued;
}

/** Rows of office data on this PC (setting 'operator' and the log aside). */
export async function localDataCount(): Promise<number> {
  let n = 0;
  for (const table of syncedTables()) {
    n +=
      table.name === 'settings'
        ? await table.filter((r: { key: string }) => r.key !== 'operator').count()
        : await table.count();
  }
  return n;
}

/**
 * Empties this PC's office data (the log and who sits here stay) so that the server's copy
 * can be written in its place: after "以服务器数据为准" (the caller has taken a backup) or
 * after a restored backup the office chose not to send. The local replica is applied again
 * from its start. Logged as one entry.
 */
export async function clearForServerCopy(reason: string): Promise<void> {
  const tables = syncedTables();
  await writeTransaction(
    [...tables, db.syncConflicts],
    async (w) => {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        if (table.name === 'settings') {
          const keys = await table.filter((r: { key: string }) => r.key !== 'operator').primaryKeys();
          counts[table.name] = keys.length;
          await table.bulkDelete(keys);
        } else {
          counts[table.name] = await table.count();
          await table.clear();
        }
      }
      await db.outbox.clear();
      await db.syncMeta.clear();
      await db.syncConflicts.clear();
      await db.syncState.bulkDelete([PULL_CURSOR_KEY, RESTORE_KEY]);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      await w.log('delete', db.syncState, 'data', undefined, {
        name: `${reason}：清空本机数据 ${total} 条，改从服务器下载`,
        rows: total,
        counts,
      });
    },
    { replicated: true },
  );
}

/**
 * After a restored backup: sends it as the office's data. Each row that differs from the
 * version it replaced becomes a new revision of that version; each record the backup does not
 * hold is deleted. Other PCs receive these as ordinary edits. Resumable (rows done match
 * their syncMeta). Returns how many changes were queued.
 */
export async function sendRestoredData(): Promise<number> {
  const device = (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
  if (!device) throw new DomainError('本机未启用多机同步');
  const by = getOperator();
  const at = new Date().toISOString();
  let queued = 0;
  const change = (docId: string, parent: SyncMetaRow | undefined, body: SyncBody, deleted: boolean) => {
    const rev = nextRev(parent?.rev, body, deleted);
    const row: OutboxRow = { docId, rev, body, stage: 0 };
    if (parent) row.parent = parent.rev;
    if (deleted) row.deleted = true;
    const meta: SyncMetaRow = { docId, rev, hash: deleted ? '' : contentHash(body.row) };
    if (deleted) meta.deleted = true;
    return { row, meta };
  };
  for (const table of syncedTables()) {
    const present = new Set<string>();
    await db.transaction('rw', [table, db.outbox, db.syncMeta, db.monthStates], async () => {
      const rows = await table.toArray();
      const ids = rows.map((row) => docIdOf(table.name, primaryKeyOf(table, row)));
      const metas = await db.syncMeta.bulkGet(ids);
      const outbox: OutboxRow[] = [];
      const next: SyncMetaRow[] = [];
      for (const [i, row] of rows.entries()) {
        const docId = ids[i] as string;
        present.add(docId);
        if (!isSyncedRow(table.name, row)) continue;
        const synced = syncedForm(table.name, row as Record<string, unknown>);
        const meta = metas[i];
        const seal = await sealForRow(table.name, row);
        if (meta && !meta.deleted && meta.hash === contentHash(synced) && meta.seal === seal) continue;
        const key = primaryKeyOf(table, row);
        const body: SyncBody = { type: table.name, key, row: synced, deviceId: device.deviceId, by, at };
        if (seal !== undefined) body.seal = seal;
        const made = change(docId, meta, body, false);
        if (seal !== undefined) made.meta.seal = seal;
        outbox.push(made.row);
        next.push(made.meta);
      }
      // Records shown before the restore that the backup does not hold.
      const prefix = `${table.name}:`;
      const shown = await db.syncMeta
        .where('docId')
        .between(prefix, `${prefix}\uffff`)
        .filter((m) => !m.deleted && !present.has(m.docId))
        .toArray();
      for (const meta of shown) {
        const key = keyOfDocId(table, meta.docId);
        const made = change(meta.docId, meta, { type: table.name, key, deviceId: device.deviceId, by, at }, true);
        outbox.push(made.row);
        next.push(made.meta);
      }
      await db.outbox.bulkAdd(outbox);
      await db.syncMeta.bulkPut(next);
      queued += outbox.length;
    });
  }
  await writeTransaction([db.syncState], async (w) => {
    await db.syncState.delete(RESTORE_KEY);
    await w.log('update', db.syncState, 'restore', undefined, {
      name: `将恢复的备份数据发送到服务器：${queued}项修改`,
      rows: queued,
    });
  });
  return queued;
}

/**
 * Stops sync on this PC: forgets the server, this PC's revisions, conflicts and the other PCs'
 * log entries. The office data stays as it is. Logged.
 */
export async function stopSync(): Promise<void> {
  await writeTransaction(
    SYNC_TABLE_NAMES.map((name) => db.table(name)),
    async (w) => {
      const config = (await db.syncState.get(CONFIG_KEY))?.value as SyncConfig | undefined;
      const pending = await db.outbox.count();
      for (const name of SYNC_TABLE_NAMES) await db.table(name).clear();
      await w.log('update', db.syncState, 'config', config, {
        name: `停用多机同步${pending ? `（${pending}项修改未发送）` : ''}`,
        rows: 0,
      });
    },
  );
}

/**
 * Called in the restore's transaction (backup.ts): when sync is set up, the restored data must
 * not flow to the server before the office decides, and the restored log (renumbered) is a new
 * chain: this PC takes a new device id for it.
 */
export async function markRestored(file: string, at: string): Promise<void> {
  const device = (await db.syncState.get(DEVICE_KEY))?.value as DeviceState | undefined;
  if (!device) return;
  const first = await db.audit.orderBy('seq').first();
  const renewed: DeviceState = { ...device, deviceId: newId(), chainStart: first?.seq ?? 1, createdAt: at };
  await db.syncState.bulkPut([
    { key: DEVICE_KEY, value: renewed },
    { key: RESTORE_KEY, value: { at, file } satisfies RestorePending },
  ]);
  await db.syncState.delete(AUDIT_CURSOR_KEY);
}

/** The data tables a restore replaces (backup.ts): never the sync tables. */
export function dataTables(): Table[] {
  return TABLE_NAMES.map((name) => db.table(name));
}
