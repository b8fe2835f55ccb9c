import { describe, expect, it } from 'vitest';
import { DomainError } from '../db';
import { userMessage } from './errors';

describe('userMessage', () => {
  const quota = Object.assign(new Error('The transaction was aborted'), { name: 'AbortError', inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }) });
  it.each([
    ['our own refusal, verbatim', new DomainError('单位名称不能为空'), '单位名称不能为空'],
    ['a full disk, by its real cause, not "AbortError"', quota, '磁盘空间不足（或浏览器的存储配额已满），本次修改没有保存，已有数据未受影响。请清理磁盘空间后重试，并及时备份。'],
    ['a full disk reported directly', Object.assign(new Error('x'), { name: 'QuotaExceededError' }), expect.stringContaining('磁盘空间不足')],
    ['anything else with its cause', new Error('boom'), '操作失败：boom'],
    ['a thrown string', 'boom', '操作失败：boom'],
  ])('%s', (_what, error, expected) => {
    expect(userMessage(error)).toEqual(expected);
  });
});
