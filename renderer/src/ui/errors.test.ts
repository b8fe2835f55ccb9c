import { describe, expect, it } from 'vitest';
import { DomainError } from '../db';
import { failureReason, userMessage } from './errors';

describe('userMessage', () => {
  const quota = Object.assign(new Error('The transaction was aborted'), {
    name: 'AbortError',
    inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
  });
  it.each([
    ['our own refusal, verbatim', new DomainError('单位名称不能为空'), '单位名称不能为空'],
    [
      'a full disk, by its real cause, not "AbortError"',
      quota,
      '磁盘空间不足（或浏览器的存储配额已满），本次修改没有保存，已有数据未受影响。请清理磁盘空间后重试，并及时备份。',
    ],
    [
      'a full disk reported directly',
      Object.assign(new Error('x'), { name: 'QuotaExceededError' }),
      expect.stringContaining('磁盘空间不足'),
    ],
    ['anything else with its cause', new Error('boom'), '操作失败：boom'],
    ['a thrown string', 'boom', '操作失败：boom'],
    [
      "a full disk in main, through Electron's IPC",
      new Error("Error invoking remote method 'backups:write': Error: ENOSPC: no space left on device, write"),
      '操作失败：磁盘空间不足（ENOSPC: no space left on device, write）',
    ],
    [
      'a folder without permission',
      new Error("Error invoking remote method 'files:save': Error: EACCES: permission denied, open 'D:\\a.xlsx'"),
      "操作失败：没有写入该文件夹的权限（EACCES: permission denied, open 'D:\\a.xlsx'）",
    ],
  ])('%s', (_what, error, expected) => {
    expect(userMessage(error)).toEqual(expected);
  });
});

describe('failureReason', () => {
  it('is the cause alone, for messages that say first what failed', () => {
    expect(
      failureReason(new Error("Error invoking remote method 'backups:write': Error: ENOSPC: no space left on device")),
    ).toBe('磁盘空间不足（ENOSPC: no space left on device）');
    expect(failureReason(new Error('boom'))).toBe('boom');
  });
});
