// The sync's failures in the office's words.

/** Chinese words for what went wrong with the server. */
export function describeSyncError(error: unknown): string {
  const e = error as { status?: number; name?: string; message?: string; reason?: string } | undefined;
  const status = e?.status;
  if (status === 401) return '用户名或密码不正确';
  if (status === 403) return `没有访问该数据库的权限${e?.reason ? `：${e.reason}` : ''}`;
  if (status === 404) return '服务器上没有这个数据库';
  if (e?.name === 'AbortError') return '已取消';
  const message = e?.message ?? e?.reason ?? String(error);
  if (/fetch|network|ECONNREFUSED|Failed|socket|timed? ?out|ERR_/i.test(message)) return '无法连接服务器';
  return message;
}
