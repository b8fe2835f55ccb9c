import { DomainError, isStorageFull } from '../db';

const QUOTA =
  '磁盘空间不足（或浏览器的存储配额已满），本次修改没有保存，已有数据未受影响。请清理磁盘空间后重试，并及时备份。';

/**
 * The message to show a user for a failed action: ours verbatim; a full disk by its real cause;
 * anything else with its cause.
 */
export function userMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (isStorageFull(error)) return QUOTA;
  return `操作失败：${failureReason(error)}`;
}

// Electron passes a failure in main to the page as "Error invoking remote method 'files:save':
// Error: ENOSPC: no space left on device, write"; the office needs the cause in Chinese.
const remotePrefix = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;
const fileSystemCauses: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EACCES: '没有写入该文件夹的权限',
  EPERM: '没有写入该文件夹的权限（或文件被其他程序占用）',
  EBUSY: '文件被其他程序占用',
  EROFS: '该磁盘是只读的',
};

/** Why an action failed, without the "操作失败：" lead: for messages that say what failed first. */
export function failureReason(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(remotePrefix, '');
  const code = /^(E[A-Z]+):/.exec(text)?.[1];
  const cause = code === undefined ? undefined : fileSystemCauses[code];
  return cause === undefined ? text : `${cause}（${text}）`;
}
