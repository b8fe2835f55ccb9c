// Manual backup to a file and verified restore from one (PRODUCT.md §8).
//
// The file (.dcbackup) is UTF-8 JSON, readable in a text editor, its header first:
//
//   {
//     "format": "duchaduban-backup",   always; anything else is not a backup
//     "formatVersion": 1,               this layout; a newer one is refused
//     "appVersion": "0.1.0",            the program that wrote it ('' when unknown)
//     "schemaVersion": 2,               the database's structure version (schema.ts)
//     "createdAt": "2026-05-27T02:30:00.000Z",
//     "counts": { "audit": 12, "units": 3, … },   rows per table
//     "sha256": "…64 hex digits…",
//     "payload": "{\"formatName\":\"dexie\",…}"  the whole database as dexie-export-import wrote it
//   }
//
// `sha256` is the SHA-256 of `signedText`: the header's other fields as canonical JSON (counts
// sorted by table name), a newline, then the payload string; hashed as UTF-8. So a change to a
// row, a count, a date or a version is refused alike. The counts are also checked against the
// rows of the payload, so the preview shows what will really be restored.
//
// Restore, in order: the file is checked; its rows are revived (dexie-export-import's types,
// e.g. undefined fields) by importing them into a scratch database, which the current AppDb
// then opens — a backup of an older structure version passes through the same upgrades as an
// installed database; a backup of the current state is taken (handed to the caller, who saves
// it before anything is replaced); then ONE read-write transaction over every table clears it
// and adds the backup's rows, awaiting nothing but Dexie: all or nothing.
//
// The audit log is data like any other: after a restore it is the backup's log, plus one entry
// (action 'update', entity 'settings', entityId 'restore', before: what the database held,
// after: what the backup held) saying who restored which file when. The entries the database
// had gained since the backup are in the safety backup, not in the log. IndexedDB never lowers
// an auto-increment counter, so when the database had already numbered further than the
// backup's log, the restored entries are renumbered by a constant offset (order, content and
// any hashes unchanged) so that seq stays gap-free up to the restore entry and the next one.
//
// The setting 'operator' (who sits at this computer) keeps its current value (the backup's
// only where there is none), so that the next start does not silently record changes under
// the name of whoever made the backup.

import { appendAuditEntries } from './auditChain';
import { now as clockNow, nowIso } from './clock';
import { Dexie, type Table } from 'dexie';
import { countsHoldWork } from '../core/backupSchedule';
import type { AuditEntry } from '../core/model';
import { newerDatabaseNotice } from './audit';
import { DomainError } from './errors';
import { sha256Hex } from './hash';
import { getOperator } from './operator';
import { AppDb, DB_NAME, SCHEMA_VERSION, TABLE_NAMES, db } from './schema';
import { dataTables, markRestored } from './sync/state';

export const BACKUP_FORMAT = 'duchaduban-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.dcbackup';
/** The name a manual backup file starts with. */
export const BACKUP_LABEL = '督查督办备份';
/** The name of the backup restoreBackup takes of the current state before replacing it. */
export const SAFETY_BACKUP_LABEL = '督查督办恢复前自动备份';

export type BackupTable = (typeof TABLE_NAMES)[number];

/** What a backup (or the current database) holds. */
export interface BackupSummary {
  /** The program version that wrote it; '' when unknown. */
  appVersion: string;
  /** Structure version of the database it was taken from (schema.ts). */
  schemaVersion: number;
  /** When it was taken (describeCurrent: now), ISO. */
  createdAt: string;
  /** Rows per table, every table of this program's schema (0 when empty or absent). */
  counts: Record<BackupTable, number>;
  /** Rows in all tables. */
  total: number;
  /** The file's SHA-256 (hex) as verified; absent for describeCurrent. */
  sha256?: string;
}

export interface CreatedBackup {
  bytes: Uint8Array;
  fileName: string;
  summary: BackupSummary;
}

export interface BackupOptions {
  /** The program's version, recorded in the file (default: VITE_APP_VERSION, else ''). */
  appVersion?: string;
  /** The time it is taken (default: now); also names the file. */
  now?: Date;
  /** How the file name starts (default BACKUP_LABEL). */
  label?: string;
  /** The database to back up (default: the app's). */
  source?: Dexie;
}

export type BackupCheck = { ok: true; summary: BackupSummary } | { ok: false; message: string };

export interface RestoreOptions {
  /** The program's version, recorded in the safety backup. */
  appVersion?: string;
  /** The restored file's name, recorded in the audit entry. */
  sourceName?: string;
  /**
   * Receives the backup of the current state before anything is replaced, to save it; resolve
   * false (the save dialog was closed) to abandon the restore with nothing changed.
   */
  keepSafetyBackup?: (backup: CreatedBackup) => Promise<boolean>;
}

export interface RestoreResult {
  /** The backup of the state before the restore (already handed to keepSafetyBackup, if given). */
  safetyBackup: Uint8Array;
  safetyFileName: string;
  /** What was restored. */
  summary: BackupSummary;
}

// ---------------------------------------------------------------- messages

const notBackup = '所选文件不是督查督办备份文件（.dcbackup），不能恢复。';
const truncated = '备份文件不完整或已损坏（可能在复制时被截断），不能恢复。';
const checksumFailed = '备份文件校验失败：内容已被修改或损坏，不能恢复。';
const inconsistent = '备份文件的内容与其说明不一致（可能已损坏），不能恢复。';
const newerFormat = '此备份文件的格式较新，本程序不能读取，请使用新版本程序恢复。';
const newerSchema = (version: number) =>
  `此备份来自较新版本的程序（数据结构版本 ${version}，本程序为 ${SCHEMA_VERSION}），本程序不能恢复，请使用新版本程序。`;

// ---------------------------------------------------------------- the file

/** The part of a dexie-export-import file this module reads (its JSON format, version 1). */
interface DexieExport {
  formatName: 'dexie';
  formatVersion: 1;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
    data: { tableName: string; inbound: boolean; rows: unknown[] }[];
  };
}

interface Header {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
}

interface Envelope extends Header {
  sha256: string;
  payload: string;
}

const tableNames: readonly string[] = TABLE_NAMES;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** The text the checksum covers (see the top of this file). */
function signedText(header: Header, payload: string): string {
  const counts = Object.fromEntries(Object.entries(header.counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const { format, formatVersion, appVersion, schemaVersion, createdAt } = header;
  return `${JSON.stringify({ format, formatVersion, appVersion, schemaVersion, createdAt, counts })}\n${payload}`;
}

function allCounts(partial: Readonly<Record<string, number>>): Record<BackupTable, number> {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, partial[name] ?? 0])) as Record<BackupTable, number>;
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

const chinaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `督查督办备份-2026-05-27-1030.dcbackup`: the label and the time in China, to the minute. */
export function backupFileName(at: Date, label: string = BACKUP_LABEL): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    chinaTime.formatToParts(at).find((p) => p.type === type)?.value ?? '00';
  return `${label}-${part('year')}-${part('month')}-${part('day')}-${part('hour')}${part('minute')}${BACKUP_EXTENSION}`;
}

/**
 * The structure version of `source` as installed (newer than SCHEMA_VERSION after a newer
 * program). The pre-release prototype (native version 1) counts as 1.
 */
async function installedSchemaVersion(source: Dexie = db): Promise<number> {
  if (!source.isOpen()) await source.open();
  return Math.max(1, source.verno, Math.floor(source.backendDB().version / 10));
}

const defaultAppVersion = (): string => import.meta.env.VITE_APP_VERSION ?? '';

// ---------------------------------------------------------------- backup

/** The whole database as a backup file (one read transaction: a consistent state). */
export async function createBackup(options: BackupOptions = {}): Promise<CreatedBackup> {
  const { exportDB } = await import('dexie-export-import');
  const source = options.source ?? db;
  const schemaVersion = await installedSchemaVersion(source);
  const now = options.now ?? clockNow();
  // Office data only: the sync tables (schema 3) are this PC's machinery (db/sync/).
  const skipTables = source.tables.map((t) => t.name).filter((name) => !tableNames.includes(name));
  const payload = await (await exportDB(source, { skipTables })).text();
  const exported = JSON.parse(payload) as DexieExport;
  const counts = Object.fromEntries(exported.data.tables.map((t) => [t.name, t.rowCount]));
  const header: Header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion ?? defaultAppVersion(),
    schemaVersion,
    createdAt: now.toISOString(),
    counts,
  };
  const sha256 = await sha256Hex(new TextEncoder().encode(signedText(header, payload)));
  const envelope: Envelope = { ...header, sha256, payload };
  // The header indented (readable in an editor); the payload is one long line.
  const bytes = new TextEncoder().encode(JSON.stringify(envelope, null, 2));
  const summary: BackupSummary = {
    appVersion: header.appVersion,
    schemaVersion,
    createdAt: header.createdAt,
    counts: allCounts(counts),
    total: sum(counts),
    sha256,
  };
  return { bytes, fileName: backupFileName(now, options.label), summary };
}

/**
 * A backup of the database as an older program left it, taken before this program upgrades it
 * (PRODUCT.md §8); undefined when there is nothing to upgrade: no database yet, or one already
 * at this program's version or newer. Call it before anything opens the app's database: the
 * old database is opened as it is (no version declared, so Dexie never upgrades it) and closed.
 */
export async function createUpgradeBackup(
  options: Omit<BackupOptions, 'source'> = {},
  name: string = DB_NAME,
): Promise<CreatedBackup | undefined> {
  if (!(await Dexie.exists(name))) return undefined;
  const installed = new Dexie(name);
  try {
    await installed.open();
    if (Math.floor(installed.backendDB().version / 10) >= SCHEMA_VERSION) return undefined;
    return await createBackup({ ...options, source: installed });
  } finally {
    installed.close();
  }
}

/**
 * Whether the database holds any work (countsHoldWork: entering the operator's name on the
 * first start writes a setting and an audit entry, which do not count). An empty database
 * while backups exist may be a loss (App.tsx asks).
 */
export async function holdsWork(): Promise<boolean> {
  const counts = await db.transaction('r', dataTables(), async () => {
    const found: Record<string, number> = {};
    for (const table of dataTables()) found[table.name] = await table.limit(1).count();
    return found;
  });
  return countsHoldWork(counts);
}

/** What the database holds now, for the restore preview. */
export async function describeCurrent(appVersion: string = defaultAppVersion()): Promise<BackupSummary> {
  const schemaVersion = await installedSchemaVersion();
  const counts = await db.transaction('r', dataTables(), async () => {
    const found: Record<string, number> = {};
    for (const table of dataTables()) found[table.name] = await table.count();
    return found;
  });
  return {
    appVersion,
    schemaVersion,
    createdAt: nowIso(),
    counts: allCounts(counts),
    total: sum(counts),
  };
}

// ---------------------------------------------------------------- reading a file

type Parsed = { ok: true; summary: BackupSummary; exported: DexieExport } | { ok: false; message: string };

const refuse = (message: string): Parsed => ({ ok: false, message });

/** Whether the text starts like one of our files (then a parse error means damage, not a wrong file). */
const looksLikeBackup = (text: string) => /^\s*\{\s*"format"\s*:\s*"duchaduban-backup"/.test(text.slice(0, 200));

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function readHeader(value: Record<string, unknown>): Envelope | undefined {
  const { format, formatVersion, appVersion, schemaVersion, createdAt, counts, sha256, payload } = value;
  if (format !== BACKUP_FORMAT || typeof formatVersion !== 'number') return undefined;
  if (typeof appVersion !== 'string' || typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    return undefined;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) return undefined;
  if (!isRecord(counts) || !Object.values(counts).every(isCount)) return undefined;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof payload !== 'string') return undefined;
  return {
    format,
    formatVersion,
    appVersion,
    schemaVersion,
    createdAt,
    counts: counts as Record<string, number>,
    sha256,
    payload,
  };
}

/** The payload's rows agree with the header: known tables, inline keys, the stated counts. */
function readPayload(payload: string, header: Header): DexieExport | undefined {
  let exported: unknown;
  try {
    exported = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (
    !isRecord(exported) ||
    exported.formatName !== 'dexie' ||
    exported.formatVersion !== 1 ||
    !isRecord(exported.data)
  )
    return undefined;
  const { databaseName, databaseVersion, tables, data } = exported.data;
  if (databaseName !== DB_NAME || typeof databaseVersion !== 'number' || !Array.isArray(tables) || !Array.isArray(data))
    return undefined;
  const stated = new Map<string, number>();
  for (const table of tables as unknown[]) {
    if (
      !isRecord(table) ||
      typeof table.name !== 'string' ||
      !tableNames.includes(table.name) ||
      typeof table.schema !== 'string'
    )
      return undefined;
    if (!isCount(table.rowCount) || stated.has(table.name)) return undefined;
    stated.set(table.name, table.rowCount);
  }
  const found = new Map<string, number>();
  for (const entry of data as unknown[]) {
    if (
      !isRecord(entry) ||
      typeof entry.tableName !== 'string' ||
      !stated.has(entry.tableName) ||
      found.has(entry.tableName)
    )
      return undefined;
    if (entry.inbound !== true || !Array.isArray(entry.rows)) return undefined;
    found.set(entry.tableName, entry.rows.length);
  }
  const names = new Set([...Object.keys(header.counts), ...stated.keys()]);
  for (const name of names) {
    const count = header.counts[name] ?? 0;
    if (!tableNames.includes(name) || (stated.get(name) ?? 0) !== count || (found.get(name) ?? 0) !== count)
      return undefined;
  }
  return exported as unknown as DexieExport;
}

async function parseBackup(bytes: Uint8Array): Promise<Parsed> {
  if (bytes.byteLength === 0) return refuse(notBackup);
  const text = decode(bytes);
  if (text === undefined) {
    return refuse(looksLikeBackup(new TextDecoder().decode(bytes.subarray(0, 200))) ? truncated : notBackup);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(looksLikeBackup(text) ? truncated : notBackup);
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) return refuse(notBackup);
  if (typeof value.formatVersion === 'number' && value.formatVersion > BACKUP_FORMAT_VERSION)
    return refuse(newerFormat);
  const envelope = readHeader(value);
  if (!envelope || envelope.formatVersion !== BACKUP_FORMAT_VERSION) return refuse(inconsistent);
  const actual = await sha256Hex(new TextEncoder().encode(signedText(envelope, envelope.payload)));
  if (actual !== envelope.sha256) return refuse(checksumFailed);
  if (envelope.schemaVersion > SCHEMA_VERSION) return refuse(newerSchema(envelope.schemaVersion));
  const exported = readPayload(envelope.payload, envelope);
  if (!exported) return refuse(inconsistent);
  const summary: BackupSummary = {
    appVersion: envelope.appVersion,
    schemaVersion: envelope.schemaVersion,
    createdAt: envelope.createdAt,
    counts: allCounts(envelope.counts),
    total: sum(envelope.counts),
    sha256: envelope.sha256,
  };
  return { ok: true, summary, exported };
}

/**
 * Checks a backup file without changing anything: what it holds, or why it cannot be restored
 * (not a backup, cut short or damaged, checksum mismatch, from a newer program).
 */
export async function readBackup(bytes: Uint8Array): Promise<BackupCheck> {
  const parsed = await parseBackup(bytes);
  return parsed.ok ? { ok: true, summary: parsed.summary } : parsed;
}

// ---------------------------------------------------------------- restore

/** The setting that holds the operator's name (repo.ts). */
const OPERATOR_KEY = 'operator';

/** The scratch database a backup's rows are revived in; deleted after each restore. */
const STAGING_NAME = `${DB_NAME}-restore-staging`;

/**
 * The backup's rows as IndexedDB stores them, per table of the current schema: imported into
 * a scratch database by dexie-export-import (which revives the types it encoded), opened with
 * the current AppDb (which upgrades an older structure), read, and deleted.
 */
async function stageRows(
  exported: DexieExport,
  expected: Readonly<Record<string, number>>,
): Promise<Map<string, unknown[]>> {
  const { importDB } = await import('dexie-export-import');
  // The whole file is already parsed: hand it over as a finished stream (no Blob, no FileReader).
  const stream = {
    result: exported,
    done: () => true,
    eof: () => true,
    pullAsync: async () => exported,
    pullSync: () => exported,
  };
  await Dexie.delete(STAGING_NAME);
  try {
    (await importDB(stream as unknown as Parameters<typeof importDB>[0], { name: STAGING_NAME })).close();
    const staged = new AppDb(STAGING_NAME);
    try {
      await staged.open();
      const tables = staged.tables.filter((t) => tableNames.includes(t.name));
      const rows = await staged.transaction('r', tables, async () => {
        const found = new Map<string, unknown[]>();
        for (const table of tables) found.set(table.name, await table.toArray());
        return found;
      });
      for (const [name, count] of Object.entries(expected)) {
        if ((rows.get(name)?.length ?? 0) !== count) throw new DomainError(inconsistent);
      }
      return rows;
    } finally {
      staged.close();
    }
  } finally {
    await Dexie.delete(STAGING_NAME);
  }
}

/** The restore's audit entry: who replaced what with which backup. */
function restoreEntry(
  seq: number,
  before: BackupSummary & { file: string },
  after: BackupSummary & { file: string },
): AuditEntry {
  const describe = ({
    file,
    createdAt,
    appVersion,
    schemaVersion,
    total,
    counts,
    sha256,
  }: BackupSummary & { file: string }) => ({
    name: '从备份恢复',
    file,
    createdAt,
    appVersion,
    schemaVersion,
    total,
    counts,
    sha256,
  });
  return {
    seq,
    at: nowIso(),
    operator: getOperator(),
    action: 'update',
    entity: 'settings',
    entityId: 'restore',
    before: describe(before),
    after: describe(after),
  };
}

/**
 * Replaces the whole database with a backup's content, in one transaction, after taking a
 * backup of the current state (returned, and handed to keepSafetyBackup before anything is
 * replaced). Refused with a DomainError when the file cannot be restored (see readBackup),
 * when a newer program has upgraded the current database, or when the safety backup was not
 * kept. See the top of this file for the audit log and the operator.
 */
export async function restoreBackup(bytes: Uint8Array, options: RestoreOptions = {}): Promise<RestoreResult> {
  const notice = await newerDatabaseNotice();
  if (notice) throw new DomainError(notice);
  const parsed = await parseBackup(bytes);
  if (!parsed.ok) throw new DomainError(parsed.message);
  const { summary } = parsed;
  const staged = await stageRows(parsed.exported, parsed.summary.counts);

  const safety = await createBackup({ appVersion: options.appVersion, label: SAFETY_BACKUP_LABEL });
  // The safety copy must itself be restorable before the data it holds is replaced.
  if (!(await readBackup(safety.bytes)).ok) throw new Error('恢复前的自动备份未通过校验，已取消恢复，数据没有改变。');
  if (options.keepSafetyBackup && !(await options.keepSafetyBackup(safety))) {
    throw new DomainError('恢复前的数据没有保存为备份文件，已取消恢复，数据没有改变。');
  }

  const auditRows = (staged.get(db.audit.name) ?? []) as AuditEntry[];
  const lastSeq = auditRows.reduce((max, e) => Math.max(max, e.seq ?? 0), 0);
  // The office data is replaced; this PC's sync tables stay (a synced PC asks before sending it).
  const tables: Table[] = dataTables();
  await db.transaction('rw', [...tables, db.syncState], async () => {
    // The number the audit table would give next (the probe goes with the clear below).
    const next = await db.audit.add({
      at: '',
      operator: '',
      action: 'update',
      entity: 'settings',
      entityId: 'restore-probe',
    });
    const offset = Math.max(0, next - (lastSeq + 1));
    const operator = await db.settings.get(OPERATOR_KEY);
    for (const table of tables) await table.clear();
    for (const table of tables) {
      let rows = staged.get(table.name) ?? [];
      if (table.name === db.audit.name && offset > 0)
        rows = auditRows.map((e) => ({ ...e, seq: (e.seq ?? 0) + offset }));
      if (rows.length > 0) await table.bulkAdd(rows);
    }
    if (operator) await db.settings.put(operator);
    // Chained to the restored log like any entry, so 校验日志完整性 still passes after a restore.
    await appendAuditEntries([
      restoreEntry(
        lastSeq + offset + 1,
        { ...safety.summary, file: safety.fileName },
        { ...summary, file: options.sourceName ?? '' },
      ),
    ]);
    await markRestored(options.sourceName ?? '', nowIso());
  });
  return { safetyBackup: safety.bytes, safetyFileName: safety.fileName, summary };
}
