// Pure rules of the office sync (issue 16): which version of a record a PC shows and whether
// it is a conflict, the seal of a published month, the status line and the first sync's
// estimate. No database, no network, no clock.

/** One leaf of a document's revision tree, as far as the rules need it. */
export interface LeafInfo {
  rev: string;
  deleted: boolean;
  /** The publication that wrote it (a seal revision), if any. */
  seal?: string;
  /** A deletion written to settle a conflict: the branch it ends lost, it is not a version. */
  resolved?: boolean;
}

export type Judged<L> = { shown: L | null; kind: 'edit' | 'published' | null };

/**
 * Which leaf a PC shows and whether the document is in conflict. `winner` is CouchDB's winning
 * revision (the same on every PC); `leaves` every leaf, the winner and deleted ones included.
 * `seal` is the seal of the record's month when that month is published and the record's
 * table freezes with it (else undefined).
 *
 * - Open month (or no month): the winner is shown; two live leaves, or a live one beside a
 *   user's deletion, are an 'edit' conflict.
 * - Published month: a leaf the publication did not seal (an edit made elsewhere before the
 *   publication arrived, a record created there, a deletion beside the sealed version) is a
 *   'published' conflict, and the sealed version is shown — none when there is none (a record
 *   created offline in a month published meanwhile is not shown).
 * Depends on replicated data only, so every PC decides the same.
 */
export function judge<L extends LeafInfo>(winner: L, leaves: readonly L[], seal: string | undefined): Judged<L> {
  const all = leaves.length > 0 ? leaves : [winner];
  const live = all.filter((l) => !l.deleted);
  const userDeletions = all.filter((l) => l.deleted && !l.resolved);
  const plain: Judged<L> = {
    shown: winner.deleted ? null : winner,
    kind: live.length > 1 || (live.length > 0 && userDeletions.length > 0) ? 'edit' : null,
  };
  if (seal === undefined) return plain;
  const sealed = live.filter((l) => l.seal === seal);
  const contenders = all.filter((l) => l.seal !== seal && !l.resolved && (!l.deleted || sealed.length > 0));
  if (contenders.length === 0) return plain;
  const shown = sealed.find((l) => l.rev === winner.rev) ?? sealed[0] ?? null;
  return { shown, kind: 'published' };
}

/** The seal of a published month: the month's id and when it was published. */
export function sealOf(state: { id: string; state: string; publishedAt?: string } | undefined): string | undefined {
  return state?.state === 'published' && state.publishedAt ? `${state.id}@${state.publishedAt}` : undefined;
}

// ---------------------------------------------------------------- status

export type SyncPhase =
  /** No server set up: the app works as a single PC. */
  | 'off'
  /** Set up, but the password of this session is not entered yet (browser build). */
  | 'needsPassword'
  | 'connecting'
  /** The first sync: download, write into this PC's database, upload. */
  | 'initial'
  | 'syncing'
  | 'synced'
  | 'offline'
  | 'paused'
  /** A backup was restored: nothing is sent or applied until the office decides. */
  | 'restorePending'
  /** Server refused: wrong password, no access, database missing. */
  | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** Changes of this PC not yet on the server. */
  pending: number;
  /** Records in conflict. */
  conflicts: number;
  /** Why offline or in error, in Chinese. */
  reason?: string;
  /** The first sync's progress. */
  progress?: InitialProgress;
  /** The role the server gave this PC's user. */
  role?: 'editor' | 'reader';
  /** When the server last had everything of this PC (ISO). */
  lastSynced?: string;
}

export interface InitialProgress {
  step: 'download' | 'apply' | 'upload';
  done: number;
  /** An estimate of the total (the server's document count); 0 while unknown. */
  total: number;
  /** Estimated seconds left; undefined while too early to say. */
  secondsLeft?: number;
}

const stepLabels: Record<InitialProgress['step'], string> = {
  download: '下载',
  apply: '写入本机',
  upload: '上传',
};

/** The header's words for a status: 已同步 / 同步中 / 离线，3项待上传 / 冲突2项 … */
export function statusLabel(status: SyncStatus): string {
  const waiting = status.pending > 0 ? `，${status.pending}项待上传` : '';
  const conflicts = status.conflicts > 0 ? `冲突${status.conflicts}项` : '';
  const withConflicts = (text: string) => (conflicts ? `${conflicts} · ${text}` : text);
  switch (status.phase) {
    case 'off':
      return '未启用同步';
    case 'needsPassword':
      return withConflicts(`同步未连接：请输入密码${waiting}`);
    case 'connecting':
      return withConflicts(`正在连接${waiting}`);
    case 'initial': {
      const p = status.progress;
      if (!p) return '首次同步';
      const percent = p.total > 0 ? `${Math.min(99, Math.floor((p.done / p.total) * 100))}%` : `${p.done}项`;
      return `首次同步（${stepLabels[p.step]}）${percent}`;
    }
    case 'syncing':
      return withConflicts(`同步中${waiting}`);
    case 'synced':
      return conflicts || (status.pending > 0 ? `同步中${waiting}` : '已同步');
    case 'offline':
      return withConflicts(`离线${waiting}`);
    case 'paused':
      return withConflicts(`同步已暂停${waiting}`);
    case 'restorePending':
      return '已恢复备份：同步暂停，待确认';
    case 'error':
      return withConflicts(`同步出错${waiting}`);
  }
}

/**
 * Seconds left at the rate so far, or undefined before 3 seconds or 1 % of the work (too early
 * to say). `elapsedMs` is the time spent on `done` items.
 */
export function estimateSecondsLeft(done: number, total: number, elapsedMs: number): number | undefined {
  if (total <= 0 || done <= 0 || elapsedMs < 3000 || done < total / 100) return undefined;
  const left = Math.max(0, total - done);
  return Math.ceil((left * elapsedMs) / done / 1000);
}

const stepWords: Record<InitialProgress['step'], string> = {
  download: '从服务器下载',
  apply: '写入本机数据库',
  upload: '上传本机数据',
};

/**
 * The 多机同步 panel's line for a first sync's step: what is done of about how much, and the
 * time left. Once the count is reached the step may still be checking with the server (an
 * upload's replication reads the whole replica): it says so rather than "estimating".
 */
export function progressText(p: InitialProgress): string {
  const counted = `首次同步：${stepWords[p.step]} ${p.done} / ${p.total > 0 ? `约 ${p.total}` : '?'} 项`;
  if (p.total > 0 && p.done >= p.total) return `${counted}，正在与服务器核对`;
  if (p.secondsLeft !== undefined) return `${counted}，预计还需${durationText(p.secondsLeft)}`;
  return `${counted}，正在估算所需时间`;
}

/** '约 3 分钟' / '约 40 秒' / '不到 10 秒'. */
export function durationText(seconds: number): string {
  if (seconds < 10) return '不到 10 秒';
  if (seconds < 90) return `约 ${Math.round(seconds / 10) * 10} 秒`;
  if (seconds < 90 * 60) return `约 ${Math.round(seconds / 60)} 分钟`;
  return `约 ${(seconds / 3600).toFixed(1)} 小时`;
}
