// The office sync's network path and credentials (issue 16). Requests go out with Electron's
// network stack from a session of their own (the default session blocks every remote request
// of the renderer: security.ts), only to the configured server and database (sync-rules.ts).
// The password is kept with safeStorage (DPAPI on Windows) in userData, or — where the system
// offers no real protection — in memory for this session only.
import { safeStorage, session } from 'electron';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  SyncCredentialsRequest,
  SyncCredentialsState,
  SyncFetchRequest,
  SyncFetchResponse,
} from '../shared/contract';
import { writeDurably } from './backups';
import {
  credentialsFileName,
  isAllowedSyncUrl,
  outgoingHeaders,
  parseCredentialsFile,
  passwordStorage,
  type CredentialsFile,
} from './sync-rules';

interface Loaded {
  file?: CredentialsFile;
  /** The password in clear, in main's memory only. */
  password?: string;
}

let loaded: Loaded | undefined;
const running = new Map<string, AbortController>();

function storage(): 'encrypted' | 'session' {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  return passwordStorage(process.platform, safeStorage.isEncryptionAvailable(), backend);
}

async function load(folder: string): Promise<Loaded> {
  if (loaded) return loaded;
  let file: CredentialsFile | undefined;
  try {
    file = parseCredentialsFile(await readFile(path.join(folder, credentialsFileName), 'utf8'));
  } catch {
    file = undefined;
  }
  let password: string | undefined;
  if (file?.password !== undefined && storage() === 'encrypted') {
    try {
      password = (await safeStorage.decryptStringAsync(Buffer.from(file.password, 'base64'))).result;
    } catch {
      password = undefined; // another user's or another machine's file: ask again
    }
  }
  loaded = { ...(file ? { file } : {}), ...(password !== undefined ? { password } : {}) };
  return loaded;
}

function stateOf(current: Loaded): SyncCredentialsState {
  const file = current.file;
  if (!file) return { origin: '', database: '', username: '', hasPassword: false, storage: 'none' };
  return {
    origin: file.origin,
    database: file.database,
    username: file.username,
    hasPassword: current.password !== undefined,
    storage: storage(),
  };
}

export async function getSyncCredentials(folder: string): Promise<SyncCredentialsState> {
  return stateOf(await load(folder));
}

export async function setSyncCredentials(
  folder: string,
  request: SyncCredentialsRequest,
): Promise<SyncCredentialsState> {
  const current = await load(folder);
  const sameTarget =
    current.file?.origin === request.origin &&
    current.file.database === request.database &&
    current.file.username === request.username;
  const password = request.password ?? (sameTarget ? current.password : undefined);
  const file: CredentialsFile = { origin: request.origin, database: request.database, username: request.username };
  if (password !== undefined && storage() === 'encrypted')
    file.password = (await safeStorage.encryptStringAsync(password)).toString('base64');
  await writeDurably(folder, credentialsFileName, new TextEncoder().encode(JSON.stringify(file, null, 2)));
  loaded = { file, ...(password !== undefined ? { password } : {}) };
  return stateOf(loaded);
}

export async function clearSyncCredentials(folder: string): Promise<void> {
  for (const controller of running.values()) controller.abort();
  running.clear();
  await rm(path.join(folder, credentialsFileName), { force: true });
  loaded = {};
}

export async function syncFetch(folder: string, request: SyncFetchRequest): Promise<SyncFetchResponse> {
  const current = await load(folder);
  const file = current.file;
  if (!file) throw new Error('尚未设置同步服务器');
  if (!isAllowedSyncUrl(request.url, file)) throw new Error('已拒绝：只能连接设置的同步服务器和数据库');
  if (current.password === undefined) throw new Error('尚未输入同步密码');
  const controller = new AbortController();
  running.set(request.id, controller);
  try {
    const response = await session.fromPartition('duchaduban-sync').fetch(request.url, {
      method: request.method,
      headers: outgoingHeaders(request.headers, file.username, current.password),
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: 'error',
      credentials: 'omit',
      signal: controller.signal,
    });
    const body = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
  } finally {
    running.delete(request.id);
  }
}

export async function syncAbort(id: string): Promise<void> {
  running.get(id)?.abort();
  running.delete(id);
}
