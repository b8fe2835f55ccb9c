// The office sync in the running app: one engine, its status for the header and the 多机同步
// panel, and the steps the office takes (set up, test, first sync, pause, password, stop, the
// decision after a restore). Started from main.tsx before the app renders; with no server set
// up it installs the page's strict connect policy and does nothing else: the app behaves as a
// single PC.
import { useSyncExternalStore } from 'react';
import type { SyncCredentialsState } from '../../../electron/shared/contract';
import { connectPolicyAllows, installConnectPolicy } from '../io/connectPolicy';
import { desktop, isDesktopShell } from '../io/desktop';
import {
  clearForServerCopy,
  getSyncSettings,
  localDataCount,
  PAUSED_KEY,
  seedOutbox,
  sendRestoredData,
  setSyncValue,
  setUpSync,
  stopSync,
  watchRestorePending,
  CONFIG_KEY,
  type SyncConfig,
} from '../db/sync';
import { parseServerAddress } from './address';
import type { EngineStatus, SessionInfo, SyncEngine } from './engine';
import { describeSyncError } from './errors';
import type { PouchDatabase } from './pouch';
import { transportFetch } from './transport';

/** PouchDB and the engine load only on a PC that syncs (the single-PC app does not carry them). */
const loadEngine = () => Promise.all([import('./engine'), import('./pouch')]);

let status: EngineStatus = { phase: 'off' };
let engine: SyncEngine | undefined;
let replica: PouchDatabase | undefined;
const listeners = new Set<() => void>();

function setStatus(next: EngineStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentSyncStatus(): EngineStatus {
  return status;
}

/** The engine's status (phase, reason, first-sync progress, role), live. */
export function useSyncStatus(): EngineStatus {
  return useSyncExternalStore(subscribe, currentSyncStatus);
}

const fetchVia = transportFetch(desktop);

async function session(server: string): Promise<SessionInfo> {
  const res = await fetchVia(`${server}/_session`, { headers: { Accept: 'application/json' } });
  if (res.status === 401) throw Object.assign(new Error('用户名或密码不正确'), { status: 401 });
  if (!res.ok) throw Object.assign(new Error(`服务器回答 ${res.status}`), { status: res.status });
  const body = (await res.json()) as { userCtx?: SessionInfo };
  return body.userCtx ?? { name: null, roles: [] };
}

/** Keeps the desktop shell's idea of the server in step with the app's settings (never the password). */
async function credentialsFor(config: SyncConfig): Promise<SyncCredentialsState> {
  const origin = parseServerAddress(config.server, config.database);
  if (!origin.ok) throw new Error(origin.message);
  const held = await desktop.getSyncCredentials();
  if (held.origin === origin.origin && held.database === origin.database && held.username === config.username)
    return held;
  return desktop.setSyncCredentials({ origin: origin.origin, database: origin.database, username: config.username });
}

async function startEngine(config: SyncConfig): Promise<void> {
  await engine?.stop('connecting');
  const address = parseServerAddress(config.server, config.database);
  if (!address.ok) {
    setStatus({ phase: 'error', reason: address.message });
    return;
  }
  const [{ SyncEngine }, { openLocalReplica, openRemote, pouchWith }] = await loadEngine();
  replica ??= openLocalReplica();
  engine = new SyncEngine({
    local: replica,
    remote: openRemote(pouchWith(), address.url, fetchVia),
    session: () => session(address.origin),
    onStatus: setStatus,
  });
  void engine.start();
}

/**
 * At start, before the app renders: narrows the page's connect policy to the configured
 * server (or to nothing), then starts syncing when this PC is set up and has its password.
 */
export async function initSync(): Promise<void> {
  // A backup restored on this PC stops the sync at once: nothing old is sent, nothing new
  // overwrites it, until the office decides (SyncNotices asks).
  watchRestorePending((pending) => {
    if (!pending || status.phase === 'restorePending' || status.phase === 'off') return;
    void (engine?.stop('restorePending') ?? Promise.resolve()).then(() =>
      setStatus({ ...status, phase: 'restorePending' }),
    );
  });
  const settings = await getSyncSettings();
  installConnectPolicy(isDesktopShell ? null : settings.config ? serverOrigin(settings.config) : null);
  if (!settings.config || !settings.device) {
    setStatus({ phase: 'off' });
    return;
  }
  const held = await credentialsFor(settings.config);
  if (!held.hasPassword) {
    setStatus({ phase: 'needsPassword', ...(settings.role ? { role: settings.role } : {}) });
    return;
  }
  await startEngine(settings.config);
}

function serverOrigin(config: SyncConfig): string | null {
  const address = parseServerAddress(config.server, config.database);
  return address.ok ? address.origin : null;
}

/** Whether this page may reach `server` now (the browser build needs a reload after a new address). */
export function canReach(server: string, database: string): boolean {
  if (isDesktopShell) return true;
  const address = parseServerAddress(server, database);
  return address.ok && connectPolicyAllows(address.origin);
}

/** The browser build: keeps the address (no password) and reloads so that the page may reach it. */
export async function saveAddressAndReload(config: SyncConfig): Promise<void> {
  await setSyncValue(CONFIG_KEY, config);
  window.location.reload();
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  role?: 'editor' | 'reader';
  /** Whether the server's database holds office data already. */
  serverHasData?: boolean;
  documents?: number;
}

/** 测试连接: who the server says the user is, and whether the database is there and readable. */
export async function testConnection(config: SyncConfig, password: string | undefined): Promise<ConnectionTest> {
  const address = parseServerAddress(config.server, config.database);
  if (!address.ok) return { ok: false, message: address.message };
  if (!canReach(config.server, config.database))
    return { ok: false, message: '浏览器版需先保存地址并重新加载页面，才能连接新的服务器。' };
  try {
    await desktop.setSyncCredentials({
      origin: address.origin,
      database: address.database,
      username: config.username,
      ...(password ? { password } : {}),
    });
    const who = await session(address.origin);
    if (!who.name) return { ok: false, message: '用户名或密码不正确' };
    const roles = who.roles;
    const role =
      roles.includes('_admin') || roles.includes('编辑') ? 'editor' : roles.includes('只读') ? 'reader' : undefined;
    if (!role) return { ok: false, message: `用户“${who.name}”没有“编辑”或“只读”角色，请联系信息科在服务器上设置。` };
    const info = await fetchVia(address.url, { headers: { Accept: 'application/json' } });
    if (info.status === 404)
      return { ok: false, message: `服务器上没有数据库“${address.database}”，请联系信息科创建。` };
    if (info.status === 401 || info.status === 403)
      return { ok: false, message: `用户“${who.name}”没有访问数据库“${address.database}”的权限。` };
    if (!info.ok) return { ok: false, message: `服务器回答 ${info.status}` };
    const docs = await fetchVia(`${address.url}/_all_docs?limit=5`, { headers: { Accept: 'application/json' } });
    const rows = ((await docs.json()) as { rows?: { id: string }[] }).rows ?? [];
    const documents = ((await info.json()) as { doc_count?: number }).doc_count ?? 0;
    const serverHasData = rows.some((r) => !r.id.startsWith('_design/'));
    return {
      ok: true,
      role,
      serverHasData,
      documents,
      message: `连接成功：用户“${who.name}”（${role === 'editor' ? '编辑' : '只读'}），服务器上${
        serverHasData ? `已有约 ${documents} 项数据` : '还没有数据'
      }。`,
    };
  } catch (error) {
    return { ok: false, message: describeSyncError(error) };
  }
}

/** How the first sync treats what this PC and the server hold. */
export type FirstSyncPlan =
  /** Upload this PC's data (the server is empty) or download the server's (this PC is empty). */
  | 'merge'
  /** Both hold data: this PC's is replaced by the server's (after a backup the caller took). */
  | 'replace';

/** What the first sync will do, before asking: local and server data. */
export async function firstSyncSituation(test: ConnectionTest): Promise<{ local: number; server: boolean }> {
  return { local: await localDataCount(), server: test.serverHasData === true };
}

/** 开始同步: sets this PC up (device id, logged), queues what it holds, starts. */
export async function beginSync(config: SyncConfig, label: string, plan: FirstSyncPlan): Promise<void> {
  if (plan === 'replace') await clearForServerCopy('以服务器数据为准');
  await setUpSync(config, label);
  await setSyncValue(PAUSED_KEY, false);
  if (plan === 'merge' && (await localDataCount()) > 0) await seedOutbox();
  await startEngine(config);
}

/** The browser build: the password of this session. */
export async function enterPassword(password: string): Promise<void> {
  const settings = await getSyncSettings();
  if (!settings.config) return;
  const held = await credentialsFor(settings.config);
  await desktop.setSyncCredentials({ origin: held.origin, database: held.database, username: held.username, password });
  await startEngine(settings.config);
}

export async function pauseSync(): Promise<void> {
  await setSyncValue(PAUSED_KEY, true);
  await engine?.stop('paused');
  setStatus({ ...status, phase: 'paused' });
}

export async function resumeSync(): Promise<void> {
  await setSyncValue(PAUSED_KEY, false);
  const settings = await getSyncSettings();
  if (settings.config) await startEngine(settings.config);
}

/** 停用同步 on this PC: forgets the server, the password and the local replica; the data stays. */
export async function stopSyncHere(): Promise<void> {
  await engine?.stop('off');
  engine = undefined;
  await stopSync();
  await desktop.clearSyncCredentials();
  const [, { openLocalReplica }] = await loadEngine();
  const local = replica ?? openLocalReplica();
  replica = undefined;
  await local.destroy().catch(() => undefined);
  setStatus({ phase: 'off' });
}

/** After a restored backup: send it to the server, or take the server's data instead. */
export async function decideRestore(choice: 'send' | 'server'): Promise<void> {
  if (choice === 'send') await sendRestoredData();
  else await clearForServerCopy('恢复备份后改用服务器数据');
  const settings = await getSyncSettings();
  if (settings.config) await startEngine(settings.config);
}

/** For the e2e tests and the benchmark: wait until the engine's runs in progress are done. */
export async function settleSync(): Promise<void> {
  await engine?.settle();
}
