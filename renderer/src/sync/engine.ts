// The office sync engine (issue 16): the bridge between this PC's Dexie database (the app's
// only store) and PouchDB, whose replicator speaks CouchDB's replication protocol with the
// office server. Nothing on the wire is home-made.
//
//   app write ─(one Dexie transaction, db/sync/record.ts)─► row + audit entry + outbox row
//   pusher:   outbox ─► local replica, PouchDB bulkDocs new_edits:false with the revision the
//             writer chose (db/sync/outbox.ts); the own audit chain follows by a cursor
//   PouchDB:  local replica ⇄ server (live, retrying; a 只读 user only pulls)
//   puller:   local replica's changes feed ─► Dexie through the audited writer, by revision
//             (db/sync/apply.ts), with the checkpoint in the same transaction
//   outbox rows are dropped once the server has their revision (the replicator's push
//   events, and a revs_diff check whenever the replication is idle).
//
// The first sync on a PC: what it holds goes into the local replica, the server's documents
// are downloaded, written into Dexie (month states first), and this PC's are uploaded —
// each step with progress and an estimate, each resumable (the replicator's checkpoints,
// the puller's cursor, the outbox).
import { estimateSecondsLeft, type InitialProgress, type SyncPhase } from '../core/sync';
import {
  applyIncoming,
  confirmUploaded,
  getSyncSettings,
  INITIAL_KEY,
  LAST_SYNCED_KEY,
  markPushed,
  monthDocIds,
  setSyncValue,
  takeOutbox,
  unconfirmed,
  watchOutbox,
  ROLE_KEY,
  type IncomingChange,
  type IncomingDoc,
} from '../db/sync';
import type { PouchDatabase, PouchDoc, Replication, ReplicationInfo } from 'pouchdb-core';
import { isStorageFull } from '../db/errors';
import { describeSyncError, STORAGE_FULL, storageNearlyFull } from './errors';

export { describeSyncError };

export interface EngineStatus {
  phase: SyncPhase;
  reason?: string;
  progress?: InitialProgress;
  role?: 'editor' | 'reader';
  lastSynced?: string;
}

export interface SessionInfo {
  name: string | null;
  roles: string[];
}

export interface EngineOptions {
  local: PouchDatabase;
  remote: PouchDatabase;
  /** Who the server says the user is (GET /_session). */
  session(): Promise<SessionInfo>;
  onStatus?(status: EngineStatus): void;
  /** The longest wait between retries while the server cannot be reached. */
  maxBackoffMs?: number;
  batchSize?: number;
}

const EDITOR = '编辑';
const READER = '只读';

/** A task that runs one at a time; asked again while running, it runs once more after. */
class Runner {
  private running: Promise<void> | null = null;
  private again = false;
  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.task();
        } catch (error) {
          this.onError(error);
        }
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}

export class SyncEngine {
  private status: EngineStatus = { phase: 'connecting' };
  private replication: Replication | undefined;
  private replications: Replication[] = [];
  private stopped = false;
  private role: 'editor' | 'reader' = 'editor';
  private unwatch: (() => void) | undefined;
  private readonly batchSize: number;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly pusher: Runner;
  private readonly puller: Runner;
  private readonly reconciler: Runner;

  constructor(private readonly options: EngineOptions) {
    this.batchSize = options.batchSize ?? 500;
    const fail = (error: unknown) => this.update({ phase: 'error', reason: describeSyncError(error) });
    this.pusher = new Runner(async () => {
      await this.pushOnce();
    }, fail);
    this.puller = new Runner(async () => {
      await this.pullOnce();
    }, fail);
    this.reconciler = new Runner(
      () => this.reconcile(),
      () => undefined,
    );
  }

  get current(): EngineStatus {
    return this.status;
  }

  private update(patch: Partial<EngineStatus>): void {
    if (this.stopped) return;
    this.status = { ...this.status, ...patch };
    if (patch.phase !== undefined && patch.phase !== 'initial') delete this.status.progress;
    this.options.onStatus?.(this.status);
  }

  /** Push and pull share the outbox and the revisions: one at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  // ---------------------------------------------------------------- pusher

  /** Moves what waits in the outbox (and new own audit entries) into the local replica. */
  pushOnce(): Promise<number> {
    return this.exclusive(async () => {
      let pushed = 0;
      for (;;) {
        const batch = await takeOutbox(this.batchSize);
        if (batch.docs.length === 0) return pushed;
        const results = (await this.options.local.bulkDocs(batch.docs, { new_edits: false })) as {
          error?: string;
          reason?: string;
        }[];
        const failed = results.find((r) => r && typeof r === 'object' && 'error' in r && r.error);
        if (failed) throw new Error(`写入本机同步副本失败：${failed.reason ?? failed.error}`);
        await markPushed(batch);
        pushed += batch.docs.length;
      }
    });
  }

  // ---------------------------------------------------------------- puller

  /** The leaves of a document with several (deleted ones too), the winner first. */
  private async leavesOf(id: string, winner: IncomingDoc): Promise<IncomingDoc[]> {
    const open = await this.options.local.get(id, { open_revs: 'all' });
    const docs = open.flatMap((x) => ('ok' in x ? [x.ok as unknown as IncomingDoc] : []));
    return [winner, ...docs.filter((d) => d._rev !== winner._rev)];
  }

  /** Applies the local replica's changes to Dexie from the stored cursor on; returns rows changed. */
  pullOnce(onProgress?: (seq: number) => void): Promise<number> {
    return this.exclusive(async () => {
      let applied = 0;
      for (;;) {
        const since = (await getSyncSettings()).pulledSeq ?? 0;
        const res = await this.options.local.changes({
          since,
          limit: this.batchSize,
          include_docs: true,
          style: 'all_docs',
          return_docs: true,
        });
        if (res.results.length === 0) break;
        const changes: IncomingChange[] = [];
        for (const r of res.results) {
          if (r.id.startsWith('_design/') || !r.doc) continue;
          const winner = r.doc as unknown as IncomingDoc;
          const change: IncomingChange = { id: r.id, winner };
          if (r.changes.length > 1) change.leaves = await this.leavesOf(r.id, winner);
          changes.push(change);
        }
        const result = await applyIncoming(changes, { checkpoint: res.last_seq });
        if (result.blocked) break;
        applied += result.applied;
        for (const month of result.months) applied += await this.rejudge(month.yearId, month.month);
        onProgress?.(Number(res.last_seq));
      }
      return applied;
    });
  }

  /** A month's publication changed here: its records are judged again (the sealed version shows). */
  private async rejudge(yearId: string, month: number): Promise<number> {
    const ids = await monthDocIds(yearId, month);
    let applied = 0;
    for (let i = 0; i < ids.length; i += this.batchSize) {
      const keys = ids.slice(i, i + this.batchSize);
      const found = await this.options.local.allDocs({ keys, include_docs: true, conflicts: true });
      const changes: IncomingChange[] = [];
      for (const row of found.rows) {
        if (row.error || !row.value) continue; // not in the replica yet: the outbox holds it
        let winner = row.doc as unknown as IncomingDoc | null;
        if (!winner) {
          const open = await this.options.local.get(row.id, { open_revs: [row.value.rev] });
          const first = open[0];
          if (!first || !('ok' in first)) continue;
          winner = first.ok as unknown as IncomingDoc;
        }
        const change: IncomingChange = { id: row.id, winner };
        if ((row.doc?._conflicts?.length ?? 0) > 0 || row.value.deleted)
          change.leaves = await this.leavesOf(row.id, winner);
        changes.push(change);
      }
      if (changes.length > 0) applied += (await applyIncoming(changes, { rejudge: true })).applied;
    }
    return applied;
  }

  // ---------------------------------------------------------------- confirmation

  /** Drops outbox rows whose revision the server has (asked with revs_diff). */
  private async reconcile(): Promise<void> {
    if (this.role === 'reader') return;
    for (;;) {
      const waiting = await unconfirmed(500);
      if (waiting.length === 0) return;
      const diff: Record<string, string[]> = {};
      for (const { id, rev } of waiting) (diff[id] ??= []).push(rev);
      const missing = await this.options.remote.revsDiff(diff);
      const there = waiting.filter(({ id, rev }) => !missing[id]?.missing.includes(rev));
      if (there.length === 0) return;
      // Confirming a revision confirms its ancestors: fewer may wait after than were found there.
      const removed = await confirmUploaded(there);
      if (removed === 0) return;
    }
  }

  // ---------------------------------------------------------------- the session

  /** Asks the server who we are; sets the role (a 只读 user only pulls, and the app refuses edits). */
  async checkSession(): Promise<'editor' | 'reader'> {
    const session = await this.options.session();
    if (!session.name) throw Object.assign(new Error('用户名或密码不正确'), { status: 401 });
    const roles = session.roles;
    const role =
      roles.includes('_admin') || roles.includes(EDITOR) ? 'editor' : roles.includes(READER) ? 'reader' : undefined;
    if (!role) throw Object.assign(new Error(`用户“${session.name}”没有“${EDITOR}”或“${READER}”角色`), { status: 403 });
    this.role = role;
    await setSyncValue(ROLE_KEY, role);
    this.update({ role });
    return role;
  }

  // ---------------------------------------------------------------- first sync

  private progress(step: InitialProgress['step'], total: number): (done: number) => void {
    const started = Date.now();
    const report = (done: number) => {
      const progress: InitialProgress = { step, done, total: Math.max(total, done) };
      const left = estimateSecondsLeft(done, progress.total, Date.now() - started);
      if (left !== undefined) progress.secondsLeft = left;
      this.update({ phase: 'initial', progress });
    };
    report(0);
    return report;
  }

  private runOnce(replication: Replication, onChange: (info: ReplicationInfo) => void): Promise<void> {
    this.replication = replication;
    return new Promise<void>((resolve, reject) => {
      replication.on('change', onChange);
      replication.on('complete', (info) => {
        const result = info as { status?: string; errors?: unknown[] } | undefined;
        if (result?.status === 'cancelled') reject(Object.assign(new Error('已取消'), { name: 'AbortError' }));
        else resolve();
      });
      replication.on('error', reject);
      replication.on('denied', () => undefined);
    });
  }

  /** The first sync (download, apply, upload), resumable; then live. */
  async initial(): Promise<void> {
    const { local, remote } = this.options;
    // 1. What this PC holds (seeded into the outbox before) goes into its replica.
    if (this.role === 'editor') await this.pushOnce();
    // 2. Download.
    const info = await remote.info();
    const down = this.progress('download', info.doc_count);
    let read = 0;
    await this.runOnce(local.replicate.from(remote, { batch_size: this.batchSize, batches_limit: 5 }), (change) => {
      read = change.docs_read ?? read;
      down(read);
    });
    if (this.stopped) return;
    // 3. Into Dexie: month states first, so each record is judged against its month's publication.
    const states = await local.allDocs({
      startkey: 'monthStates:',
      endkey: 'monthStates:\ufff0',
      include_docs: true,
      conflicts: true,
    });
    const monthChanges: IncomingChange[] = [];
    for (const row of states.rows) {
      if (!row.doc) continue;
      const winner = row.doc as unknown as IncomingDoc;
      const change: IncomingChange = { id: row.id, winner };
      if ((row.doc._conflicts?.length ?? 0) > 0) change.leaves = await this.leavesOf(row.id, winner);
      monthChanges.push(change);
    }
    if (monthChanges.length > 0) await this.exclusive(() => applyIncoming(monthChanges));
    const localInfo = await local.info();
    const apply = this.progress('apply', Number(localInfo.update_seq) || 0);
    await this.pullOnce(apply);
    if (this.stopped) return;
    // 4. Upload what this PC had.
    if (this.role === 'editor') {
      await this.pushOnce();
      const waiting = (await unconfirmed(1_000_000)).length;
      const up = this.progress('upload', waiting);
      let written = 0;
      await this.runOnce(local.replicate.to(remote, { batch_size: this.batchSize, batches_limit: 5 }), (change) => {
        written = change.docs_written ?? written;
        if (change.docs) void confirmUploaded(change.docs.map((d: PouchDoc) => ({ id: d._id, rev: d._rev })));
        up(written);
      });
      await this.reconcile();
    }
    if (this.stopped) return;
    await setSyncValue(INITIAL_KEY, true);
  }

  // ---------------------------------------------------------------- live

  private live(): void {
    const { local, remote } = this.options;
    const max = this.options.maxBackoffMs ?? 10_000;
    const options = {
      live: true,
      retry: true,
      batch_size: this.batchSize,
      batches_limit: 5,
      back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(max, delay * 2)),
    };
    // Two one-way replications rather than sync(): each reports its own errors (sync() drops them).
    const directions: { name: 'pull' | 'push'; replication: Replication }[] = [
      { name: 'pull', replication: local.replicate.from(remote, options) },
    ];
    if (this.role === 'editor') directions.push({ name: 'push', replication: local.replicate.to(remote, options) });
    const state = new Map<'pull' | 'push', 'active' | 'idle' | 'failed'>();
    const settle = () => {
      const states = [...state.values()];
      if (states.includes('failed')) return;
      if (states.includes('active') || states.length < directions.length) {
        this.update({ phase: 'syncing' });
        return;
      }
      void this.reconciler.request().then(async () => {
        if ([...state.values()].some((s) => s !== 'idle')) return;
        const at = new Date().toISOString();
        await setSyncValue(LAST_SYNCED_KEY, at);
        this.update({ phase: 'synced', lastSynced: at });
      });
    };
    for (const { name, replication } of directions) {
      replication.on('change', (info) => {
        const docs = info.docs ?? info.change?.docs ?? [];
        if (name === 'push') void confirmUploaded(docs.map((d) => ({ id: d._id, rev: d._rev })));
        else void this.puller.request();
      });
      replication.on('active', () => {
        state.set(name, 'active');
        settle();
      });
      replication.on('paused', (error) => {
        if (error) {
          state.set(name, 'failed');
          this.update({ phase: 'offline', reason: describeSyncError(error) });
          return;
        }
        state.set(name, 'idle');
        settle();
      });
      (replication as unknown as { on(event: 'requestError', listener: (error: unknown) => void): void }).on(
        'requestError',
        (error) => {
          state.set(name, 'failed');
          this.update({ phase: 'offline', reason: describeSyncError(error) });
        },
      );
      replication.on('denied', (error) => {
        const e = error as { reason?: string; message?: string };
        this.update({ reason: `服务器拒绝了修改：${e.reason ?? e.message ?? ''}` });
      });
      replication.on('error', (error) => this.update({ phase: 'error', reason: describeSyncError(error) }));
    }
    this.replications = directions.map((d) => d.replication);
    if (this.role === 'editor') {
      this.unwatch = watchOutbox((count) => {
        if (count > 0) void this.pusher.request().then(() => this.puller.request());
      });
    }
    void this.puller.request();
  }

  // ---------------------------------------------------------------- lifecycle

  /** Connects, runs the first sync if this PC has not finished one, then syncs live. */
  async start(): Promise<void> {
    this.stopped = false;
    const settings = await getSyncSettings();
    if (settings.restorePending) {
      this.update({ phase: 'restorePending' });
      return;
    }
    if (settings.paused) {
      this.update({ phase: 'paused' });
      return;
    }
    this.update({ phase: 'connecting', ...(settings.lastSynced ? { lastSynced: settings.lastSynced } : {}) });
    try {
      await this.checkSession();
      if (this.stopped) return;
      if (!settings.initialDone) await this.initial();
      if (this.stopped) return;
      this.update({ phase: 'syncing' });
      this.live();
    } catch (error) {
      if (this.stopped) return;
      const status = (error as { status?: number }).status;
      const refused = !!status && status < 500;
      // Unreachable, or this PC's disk full: try again later (the server's refusals wait for a person).
      const full = !refused && (isStorageFull(error) || (await storageNearlyFull()));
      if (this.stopped) return;
      this.update({
        phase: full || refused ? 'error' : 'offline',
        reason: full ? STORAGE_FULL : describeSyncError(error),
      });
      if (!refused) this.retryLater();
    }
  }

  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 1000;

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) void this.start();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.options.maxBackoffMs ?? 10_000, this.retryDelay * 2);
  }

  /** Stops replicating (pause, or the app leaving); what is queued stays queued. */
  async stop(phase: SyncPhase = 'paused'): Promise<void> {
    clearTimeout(this.retryTimer);
    this.unwatch?.();
    this.unwatch = undefined;
    this.replication?.cancel();
    this.replication = undefined;
    for (const replication of this.replications) replication.cancel();
    this.replications = [];
    this.update({ phase });
    this.stopped = true;
    await this.pusher.idle();
    await this.puller.idle();
    await this.lock.catch(() => undefined);
  }

  /** Waits until the push and pull runs in progress are done (tests). */
  async settle(): Promise<void> {
    await this.pusher.idle();
    await this.puller.idle();
    await this.reconciler.idle();
    await this.lock.catch(() => undefined);
  }
}
