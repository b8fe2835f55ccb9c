// What a person types is never lost (DEVELOPERS.md): every free-text field saves as it is
// typed — debounced, within a second — through the audited writer, shows 保存中/已保存, and is
// flushed when the page is hidden and when the window closes. Between a keystroke and its save
// the edit waits in a journal in localStorage, written synchronously; an edit still in the
// journal when the app starts (the window was closed or reloaded before its save finished) is
// saved then. A value arriving from the database never overwrites what is being typed.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  putSetting,
  saveReview,
  setTaskPlan,
  updateFeedback,
  updateLeader,
  updateScoreRule,
  updateTask,
  updateUnit,
  updateWorkYear,
  type ScoreRulePatch,
} from '../db';
import { userMessage } from './errors';

/** Every kind of typed edit and the write that stores it: the journal replays an edit by its kind. */
const savers = {
  feedback: (a: { key: Parameters<typeof updateFeedback>[0]; patch: Parameters<typeof updateFeedback>[1] }) =>
    updateFeedback(a.key, a.patch),
  review: (a: Parameters<typeof saveReview>[0]) => saveReview(a),
  task: (a: { id: string; patch: Parameters<typeof updateTask>[1] }) => updateTask(a.id, a.patch),
  taskPlan: (a: { taskId: string; months: Parameters<typeof setTaskPlan>[1] }) => setTaskPlan(a.taskId, a.months),
  unit: (a: { id: string; patch: Parameters<typeof updateUnit>[1] }) => updateUnit(a.id, a.patch),
  leader: (a: { id: string; patch: Parameters<typeof updateLeader>[1] }) => updateLeader(a.id, a.patch),
  workYear: (a: { id: string; patch: Parameters<typeof updateWorkYear>[1] }) => updateWorkYear(a.id, a.patch),
  setting: (a: { key: string; value: unknown }) => putSetting(a.key, a.value),
  // The journal is JSON, which drops a field whose value is undefined: a cap removed is null.
  scoreRule: (a: { yearId: string; ruleId: string; patch: Omit<ScoreRulePatch, 'cap'> & { cap?: number | null } }) => {
    const { cap, ...rest } = a.patch;
    return updateScoreRule(a.yearId, a.ruleId, cap === undefined ? rest : { ...rest, cap: cap ?? undefined });
  },
};

export type Edit = {
  [K in keyof typeof savers]: { kind: K; args: Parameters<(typeof savers)[K]>[0] };
}[keyof typeof savers];

function store(edit: Edit): Promise<unknown> {
  return (savers[edit.kind] as (args: unknown) => Promise<unknown>)(edit.args);
}

// ---------------------------------------------------------------- the journal

const JOURNAL_KEY = 'duchaduban.unsavedEdits';

interface Journaled {
  edit: Edit;
  /** What the person sees it as (for the notice when it cannot be saved). */
  label: string;
  /** Why its last save failed. */
  error?: string;
}

function readJournal(): Record<string, Journaled> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, Journaled>) : {};
  } catch {
    return {};
  }
}

function writeJournal(journal: Record<string, Journaled>): void {
  if (Object.keys(journal).length === 0) localStorage.removeItem(JOURNAL_KEY);
  else localStorage.setItem(JOURNAL_KEY, JSON.stringify(journal));
  for (const listener of journalListeners) listener();
}

function journal(id: string, entry: Journaled | undefined): void {
  const all = readJournal();
  if (entry) all[id] = entry;
  else delete all[id];
  writeJournal(all);
}

const journalListeners = new Set<() => void>();

/** Takes `edit` out of the journal once saved, unless a newer edit of the same object replaced it meanwhile. */
function saved(id: string, edit: Edit): void {
  if (JSON.stringify(readJournal()[id]?.edit) === JSON.stringify(edit)) journal(id, undefined);
}

/**
 * Saves the edits left in the journal by a window closed or reloaded before their save
 * finished; call once the operator is known, before the screens open. An edit that still
 * cannot be saved stays in the journal with its reason (unsavedEdits lists them).
 */
export async function replayUnsavedEdits(): Promise<void> {
  for (const [id, entry] of Object.entries(readJournal())) {
    try {
      await store(entry.edit);
      saved(id, entry.edit);
    } catch (e) {
      journal(id, { ...entry, error: userMessage(e) });
    }
  }
}

/** The edits that could not be saved (a reason each), for a notice. */
export function useUnsavedEdits(): { id: string; label: string; error: string; retry(): void; discard(): void }[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    journalListeners.add(listener);
    return () => void journalListeners.delete(listener);
  }, []);
  return useMemo(() => {
    void version;
    return Object.entries(readJournal())
      .filter(([, e]) => e.error !== undefined)
      .map(([id, e]) => ({
        id,
        label: e.label,
        error: e.error ?? '',
        retry: () => void replayUnsavedEdits(),
        discard: () => journal(id, undefined),
      }));
  }, [version]);
}

// ---------------------------------------------------------------- flushing

const flushers = new Set<() => Promise<void>>();

/** Saves every edit still waiting (page hidden, window closing, before a backup). */
export async function flushEdits(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void flushEdits());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushEdits();
  });
}

// ---------------------------------------------------------------- the hook

/** The typing pause after which a draft is saved, and the longest any typing waits. */
const PAUSE_MS = 400;
const MAX_WAIT_MS = 1000;

export type SaveStatus = 'saved' | 'saving' | 'error' | 'invalid';

export interface Autosave<T> {
  /** What the field shows: the stored value until the person types, then what they typed. */
  draft: T;
  change(next: T | ((draft: T) => T)): void;
  status: SaveStatus;
  /** Why a save failed, or why the draft cannot be saved yet. */
  message?: string;
  /** Saves now whatever is waiting, and ends the typing (stored values show again once saved). */
  flush(): Promise<void>;
  /** Something was typed here since the field opened (its status is then worth showing). */
  edited: boolean;
}

/**
 * Equal once strings are trimmed (the writer trims them) and whatever the order of the keys:
 * a saved value coming back is no news.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, canonical) === JSON.stringify(b, canonical);
}
function canonical(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

/**
 * A field (or form) saved as it is typed. `stored` is the value in the database (a live query).
 * While the person types — until the typing pauses and what was typed is saved — a stored value
 * arriving does not replace the draft; after, it does. `edit` turns a draft into the write that
 * stores it; `check` says why a draft cannot be saved yet (shown, not saved).
 */
export function useAutosave<T>(options: {
  /** The edited object: one journal entry per id. */
  id: string;
  stored: T;
  /** The write of a draft; `changed`: its fields changed since the typing began (see byField). */
  edit(draft: T, changed: ReadonlySet<keyof T>): Edit;
  /** What the person sees it as, for the notice when its save fails at start. */
  label: string;
  check?(draft: T): string | undefined;
  /**
   * What the writer keeps of a value, when it does more than trim strings (drops empty rows,
   * splits a list typed as text): a draft is compared with the stored value through it, so
   * that an empty row just added, or a separator just typed, is not taken back when the save
   * comes back.
   */
  asStored?(value: T): unknown;
  /**
   * A form whose write names only the fields changed: while the person types in some fields,
   * the others follow the stored value (a change made meanwhile elsewhere shows, and is kept).
   */
  byField?: boolean;
}): Autosave<T> {
  const { id, stored } = options;
  const latest = useRef(options);
  latest.current = options;
  const same = (a: T, b: T) =>
    options.asStored ? sameValue(options.asStored(a), options.asStored(b)) : sameValue(a, b);
  const [state, setState] = useState({ draft: stored, seen: stored, pending: false, overtaken: false });
  const [status, setStatus] = useState<{ status: SaveStatus; message?: string }>({ status: 'saved' });
  const current = useRef({
    draft: stored,
    /** Something typed waits to be saved. */
    pending: false,
    /** A value stored elsewhere while this was typed differs from it. */
    overtaken: false,
    /** The fields changed since the typing began. */
    changed: new Set<keyof T>(),
    /** Counts the changes: a save answers for the draft it wrote, not for one typed since. */
    version: 0,
  });
  // A stored value arriving (compared by content: a caller may build `stored` afresh on each
  // render) is taken over when the person is not typing (`state.pending`); while they type,
  // only into the fields they have not changed (byField), and if it differs from what is typed,
  // that is noted: what was typed is stored again once the typing ends, so that the database
  // holds what the field shows.
  let draft = state.draft;
  if (state.seen !== stored && !same(state.seen, stored)) {
    if (!state.pending) draft = same(state.draft, stored) ? state.draft : stored;
    else if (options.byField) draft = { ...stored, ...pick(state.draft, current.current.changed) };
    const overtaken = state.overtaken || (state.pending && !same(draft, stored));
    setState({ ...state, draft, seen: stored, overtaken });
  }
  current.current.draft = draft;
  current.current.overtaken = state.overtaken;
  const timer = useRef<{ pause?: ReturnType<typeof setTimeout>; max?: ReturnType<typeof setTimeout> }>({});
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Saves the draft if something typed waits; resolves once every save queued is done. */
  const write = useCallback((): Promise<void> => {
    const mine = current.current;
    if (!mine.pending) return queue.current;
    mine.pending = false;
    const version = mine.version;
    const { edit, check } = latest.current;
    const invalid = check?.(mine.draft);
    if (invalid !== undefined) {
      mine.pending = true; // kept: what was typed stays on screen until it can be saved
      setStatus({ status: 'invalid', message: invalid });
      return queue.current;
    }
    // The write as it is now, not as the draft would make it once the saves before it are done.
    const written = edit(mine.draft, new Set(mine.changed));
    setStatus({ status: 'saving' });
    queue.current = queue.current
      .then(() => store(written))
      .then(
        () => {
          saved(id, written);
          if (current.current.version === version) setStatus({ status: 'saved' });
        },
        (e: unknown) => {
          // Still waiting: the next change or flush tries again, and the journal keeps it.
          if (current.current.version === version) current.current.pending = true;
          setStatus({ status: 'error', message: userMessage(e) });
        },
      );
    return queue.current;
  }, [id]);

  /**
   * Saves now whatever waits, and ends the typing: once saved, with nothing typed since, the
   * field takes stored values again.
   */
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current.pause);
    clearTimeout(timer.current.max);
    timer.current = {};
    const version = current.current.version;
    return write().then((): Promise<void> | void => {
      const mine = current.current;
      if (mine.version !== version || mine.pending || timer.current.pause !== undefined) return;
      if (mine.overtaken) {
        // Stored elsewhere while this was typed: what was typed here is stored again, last.
        mine.overtaken = false;
        mine.pending = true;
        setState((s) => ({ ...s, overtaken: false }));
        return flush();
      }
      mine.changed.clear();
      setState((s) => ({ ...s, pending: false }));
    });
  }, [write]);

  useEffect(() => {
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      void flush();
    };
  }, [flush]);

  const change = useCallback(
    (next: T | ((draft: T) => T)) => {
      const mine = current.current;
      const value = typeof next === 'function' ? (next as (d: T) => T)(mine.draft) : next;
      for (const key of changedFields(mine.draft, value)) mine.changed.add(key);
      mine.draft = value;
      mine.pending = true;
      mine.version += 1;
      setState((s) => ({ ...s, draft: value, pending: true }));
      const { edit, check, label } = latest.current;
      const invalid = check?.(value);
      // The journal holds what is on screen, when it can be saved: an earlier draft is not
      // saved behind the person's back at the next start.
      journal(id, invalid === undefined ? { edit: edit(value, new Set(mine.changed)), label } : undefined);
      setStatus(invalid === undefined ? { status: 'saving' } : { status: 'invalid', message: invalid });
      // Saved after a pause in the typing, and at least every MAX_WAIT_MS while it goes on; the
      // typing ends (stored values are taken over again) only with the pause.
      clearTimeout(timer.current.pause);
      timer.current.pause = setTimeout(() => void flush(), PAUSE_MS);
      timer.current.max ??= setTimeout(() => {
        timer.current.max = undefined;
        void write();
      }, MAX_WAIT_MS);
    },
    [id, flush, write],
  );

  return { draft, change, status: status.status, message: status.message, flush, edited: current.current.version > 0 };
}

/** The fields of an object `value` whose value `next` changes (none for other values). */
function changedFields<T>(value: T, next: T): (keyof T)[] {
  if (typeof value !== 'object' || value === null || typeof next !== 'object' || next === null) return [];
  const keys = new Set([...Object.keys(value), ...Object.keys(next)] as (keyof T)[]);
  return [...keys].filter((key) => !sameValue(value[key], next[key]));
}

/** The named fields of `value`. */
function pick<T>(value: T, fields: ReadonlySet<keyof T>): Partial<T> {
  return Object.fromEntries([...fields].map((key) => [key, value[key]])) as Partial<T>;
}

/** The words for a save status: 保存中… / 已保存 / 保存失败：… */
export function saveStatusText(save: Pick<Autosave<unknown>, 'status' | 'message'>): string {
  switch (save.status) {
    case 'saving':
      return '保存中…';
    case 'saved':
      return '已保存';
    case 'invalid':
      return `未保存：${save.message ?? ''}`;
    default:
      return `保存失败：${save.message ?? ''}`;
  }
}
