// The browser build's side of the office sync's network path (the desktop app's is main:
// electron/main/sync.ts). With no safeStorage here, the password is kept in this page's
// memory only and asked again after every reload; server, database and user come from the
// app's own settings. Requests go only to the configured origin and database, within the
// page's narrowed connect-src (connectPolicy.ts).
import type {
  SyncCredentialsRequest,
  SyncCredentialsState,
  SyncFetchRequest,
  SyncFetchResponse,
} from '../../../electron/shared/contract';
import { isAllowedSyncUrl } from '../../../electron/shared/sync-url';
import { connectPolicyAllows } from './connectPolicy';

let current: SyncCredentialsRequest | undefined;
const running = new Map<string, AbortController>();

function state(): SyncCredentialsState {
  if (!current) return { origin: '', database: '', username: '', hasPassword: false, storage: 'none' };
  return {
    origin: current.origin,
    database: current.database,
    username: current.username,
    hasPassword: current.password !== undefined,
    storage: 'session',
  };
}

const basic = (user: string, password: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)))}`;

export const browserSync = {
  async syncFetch(request: SyncFetchRequest): Promise<SyncFetchResponse> {
    if (!current) throw new Error('尚未设置同步服务器');
    if (!isAllowedSyncUrl(request.url, current)) throw new Error('已拒绝：只能连接设置的同步服务器和数据库');
    if (!connectPolicyAllows(current.origin))
      throw new Error('浏览器版更改服务器地址后需重新加载页面，才能连接新的地址。');
    if (current.password === undefined) throw new Error('尚未输入同步密码');
    const headers = new Headers(request.headers.filter(([name]) => name.toLowerCase() !== 'authorization'));
    headers.set('Authorization', basic(current.username, current.password));
    const controller = new AbortController();
    running.set(request.id, controller);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        credentials: 'omit',
        redirect: 'error',
        cache: 'no-store',
        signal: controller.signal,
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
    } finally {
      running.delete(request.id);
    }
  },
  async syncAbort(id: string): Promise<void> {
    running.get(id)?.abort();
    running.delete(id);
  },
  async setSyncCredentials(request: SyncCredentialsRequest): Promise<SyncCredentialsState> {
    const same =
      current?.origin === request.origin &&
      current.database === request.database &&
      current.username === request.username;
    const password = request.password ?? (same ? current?.password : undefined);
    current = { ...request, ...(password !== undefined ? { password } : {}) };
    if (password === undefined) delete current.password;
    return state();
  },
  async getSyncCredentials(): Promise<SyncCredentialsState> {
    return state();
  },
  async clearSyncCredentials(): Promise<void> {
    for (const controller of running.values()) controller.abort();
    running.clear();
    current = undefined;
  },
};
