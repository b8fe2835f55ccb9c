// The sync's failures in the office's words.
import { errorChain, isStorageFull } from '../db/errors';

/** This PC could not store what arrived: the sync stops there and goes on by itself once there is room. */
export const STORAGE_FULL =
  '本机磁盘空间不足（或存储配额已满），同步停在此处；已收到的数据不受影响，清理磁盘空间后自动继续';

/** Chinese words for what went wrong with the server. */
export function describeSyncError(error: unknown): string {
  const e = error as { status?: number; name?: string; message?: string; reason?: string } | undefined;
  const status = e?.status;
  if (isStorageFull(error)) return STORAGE_FULL;
  if (status === 401) return '用户名或密码不正确';
  if (status === 403) return `没有访问该数据库的权限${e?.reason ? `：${e.reason}` : ''}`;
  if (status === 404) return '服务器上没有这个数据库';
  // A local transaction aborted by the browser is an AbortError too: its cause says why.
  const cause = errorChain(error).at(-1) as { message?: string } | undefined;
  if (e?.name === 'AbortError') return cause !== e && cause?.message ? cause.message : '已取消';
  const message = e?.message ?? e?.reason ?? String(error);
  if (/fetch|network|ECONNREFUSED|Failed|socket|timed? ?out|ERR_/i.test(message)) return '无法连接服务器';
  return message;
}

/**
 * Whether this PC's storage is (nearly) full, asked after a local failure: the replica's
 * PouchDB reports a transaction the browser aborted for want of room without its cause.
 */
export async function storageNearlyFull(): Promise<boolean> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.quota || estimate.usage === undefined) return false;
  return estimate.quota - estimate.usage < Math.max(50 * 2 ** 20, estimate.quota * 0.05);
}
