// Live queries of the sync tables for the screens.
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../schema';
import type { SyncConflictRow } from './types';
import { getSyncSettings, type SyncSettings } from './state';

export function useSyncConflicts(): SyncConflictRow[] | undefined {
  return useLiveQuery(() => db.syncConflicts.orderBy('docId').toArray(), []);
}

export function conflictCount(): Promise<number> {
  return db.syncConflicts.count();
}

/** Changes waiting to be sent and conflicts: the header's counts, pushed on every change. */
export function useSyncCounts(): { pending: number; conflicts: number } | undefined {
  return useLiveQuery(
    async () => ({ pending: await db.outbox.count(), conflicts: await db.syncConflicts.count() }),
    [],
  );
}

/** Calls `listener` with the outbox's size whenever it changes (the pusher's trigger). */
export function watchOutbox(listener: (count: number) => void): () => void {
  const subscription = liveQuery(() => db.outbox.where('stage').equals(0).count()).subscribe({
    next: listener,
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** This PC's sync settings, live. */
export function useSyncSettings(): SyncSettings | undefined {
  return useLiveQuery(getSyncSettings, []);
}

/** Keys (as text) of a table's records now in conflict: the screens mark them. */
export function useConflictKeys(table: string): Set<string> {
  const keys = useLiveQuery(
    async () =>
      (await db.syncConflicts.where('docId').startsWith(`${table}:`).primaryKeys()).map((id) =>
        String(id).slice(table.length + 1),
      ),
    [table],
  );
  return new Set(keys ?? []);
}

/** Calls `listener` whenever a restored backup starts or stops waiting for the office's decision. */
export function watchRestorePending(listener: (pending: boolean) => void): () => void {
  const subscription = liveQuery(async () => (await db.syncState.get('restorePending')) !== undefined).subscribe({
    next: listener,
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
