import { describe, expect, it } from 'vitest';
import { describeSyncError, STORAGE_FULL } from './errors';

describe('describeSyncError', () => {
  const aborted = (inner?: Error) =>
    Object.assign(new Error('Transaction aborted'), { name: 'AbortError', ...(inner && { inner }) });
  it.each([
    ['a wrong password', Object.assign(new Error('unauthorized'), { status: 401 }), '用户名或密码不正确'],
    ['no such database', Object.assign(new Error('not_found'), { status: 404 }), '服务器上没有这个数据库'],
    ['the server unreachable', new TypeError('Failed to fetch'), '无法连接服务器'],
    ['a replication the app stopped', aborted(), '已取消'],
    // Dexie reports a transaction the browser could not write as an AbortError around the cause.
    [
      "this PC's disk full while writing what arrived, not 已取消",
      aborted(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })),
      STORAGE_FULL,
    ],
    [
      'another local failure, by its cause',
      aborted(Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' })),
      'Internal error opening backing store',
    ],
  ])('%s', (_what, error, expected) => {
    expect(describeSyncError(error)).toBe(expected);
  });
});
