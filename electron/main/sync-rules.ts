// Pure rules of the office sync's network path (issue 16). The renderer's PouchDB client sends
// each request through IPC; main sends it on only to the server and database the office set up,
// with the credentials it keeps (the renderer never holds the password), and never follows a
// redirect. What the renderer hands over is checked here first: it is the less trusted side.
import type { SyncCredentialsRequest, SyncFetchRequest } from '../shared/contract';
import { isAllowedSyncUrl, syncOrigin, type SyncTarget } from '../shared/sync-url';

export { isAllowedSyncUrl, syncOrigin, type SyncTarget };

/** The file in userData that keeps the server, the user and the encrypted password. */
export const credentialsFileName = 'sync-credentials.json';

/** The biggest request body accepted (a batch of documents; CouchDB's own limit is 4 GB). */
export const maxSyncBodyBytes = 64 * 1024 * 1024;
const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
/** Headers the renderer may not set: main sets who is asking. */
const reservedHeaders = new Set([
  'authorization',
  'cookie',
  'host',
  'origin',
  'referer',
  'proxy-authorization',
  'connection',
  'content-length',
  'transfer-encoding',
]);
const databasePattern = /^[a-z][a-z0-9_$()+/-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSyncFetchRequest(input: unknown): SyncFetchRequest {
  if (!isRecord(input)) throw new TypeError('同步请求无效');
  const { id, url, method, headers, body } = input;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) throw new TypeError('同步请求：编号无效');
  if (typeof url !== 'string' || url.length > 16_384) throw new TypeError('同步请求：地址无效');
  if (typeof method !== 'string' || !methods.has(method)) throw new TypeError('同步请求：方法无效');
  if (!Array.isArray(headers) || headers.length > 64) throw new TypeError('同步请求：请求头无效');
  const pairs: [string, string][] = [];
  for (const pair of headers) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      throw new TypeError('同步请求：请求头无效');
    if (pair[0].length > 200 || pair[1].length > 8192) throw new TypeError('同步请求：请求头过长');
    pairs.push([pair[0], pair[1]]);
  }
  if (body !== undefined && (typeof body !== 'string' || body.length > maxSyncBodyBytes))
    throw new TypeError('同步请求：内容无效或过大');
  return { id, url, method, headers: pairs, ...(body !== undefined ? { body } : {}) };
}

export function parseSyncCredentialsRequest(input: unknown): SyncCredentialsRequest {
  if (!isRecord(input)) throw new TypeError('同步设置无效');
  const { origin, database, username, password } = input;
  if (typeof origin !== 'string' || syncOrigin(origin) !== origin) throw new TypeError('同步设置：服务器地址无效');
  if (typeof database !== 'string' || database.length > 200 || !databasePattern.test(database))
    throw new TypeError('同步设置：数据库名无效');
  if (typeof username !== 'string' || username.length === 0 || username.length > 200 || /[:\r\n]/.test(username))
    throw new TypeError('同步设置：用户名无效');
  if (password !== undefined && (typeof password !== 'string' || password.length > 1000 || /[\r\n]/.test(password)))
    throw new TypeError('同步设置：密码无效');
  return { origin, database, username, ...(password !== undefined ? { password } : {}) };
}

/** The request headers main sends: the renderer's, minus the reserved ones, plus the credentials. */
export function outgoingHeaders(
  headers: readonly [string, string][],
  username: string,
  password: string,
): [string, string][] {
  const kept = headers.filter(([name]) => !reservedHeaders.has(name.toLowerCase()));
  const token = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return [...kept, ['Authorization', `Basic ${token}`]];
}

/** Whether the password can be stored encrypted (else it is kept in memory for the session only). */
export function passwordStorage(
  platform: NodeJS.Platform,
  encryptionAvailable: boolean,
  linuxBackend: string,
): 'encrypted' | 'session' {
  if (!encryptionAvailable) return 'session';
  // Without a keyring Electron "encrypts" with a fixed key: that is plain text in disguise.
  if (platform === 'linux' && (linuxBackend === 'basic_text' || linuxBackend === 'unknown')) return 'session';
  return 'encrypted';
}

/** The credentials file: never the password in clear; `password` is the safeStorage ciphertext in base64. */
export interface CredentialsFile {
  origin: string;
  database: string;
  username: string;
  password?: string;
}

export function parseCredentialsFile(text: string): CredentialsFile | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { origin, database, username, password } = value;
  if (typeof origin !== 'string' || syncOrigin(origin) !== origin) return undefined;
  if (typeof database !== 'string' || !databasePattern.test(database)) return undefined;
  if (typeof username !== 'string' || username === '') return undefined;
  if (password !== undefined && (typeof password !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(password)))
    return undefined;
  return { origin, database, username, ...(password !== undefined ? { password } : {}) };
}
