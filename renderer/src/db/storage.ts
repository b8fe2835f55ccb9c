import { db } from './schema';

// The browser's side of data safety (PRODUCT.md §8): IndexedDB may be evicted under storage
// pressure unless the origin is granted persistent storage, so the app asks at start and shows
// the answer with the space used on the 数据安全 screen.

export interface StorageStatus {
  /** Whether the browser keeps the data even when the disk runs low; undefined where unknown. */
  persisted?: boolean;
  usage?: number;
  quota?: number;
}

export async function requestPersistentStorage(): Promise<boolean | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return undefined;
  return (await storage.persisted()) || storage.persist();
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return {};
  const [persisted, estimate] = await Promise.all([storage.persisted?.(), storage.estimate?.()]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/**
 * Calls `listener` when another window (or a newer program) upgrades, restores over or deletes
 * the database: this window's connection is closed so it never blocks the other, and the screen
 * must be reloaded. Returns the unsubscribe function.
 */
export function onDatabaseReplaced(listener: () => void): () => void {
  const handler = () => {
    db.close();
    listener();
    return false;
  };
  db.on('versionchange', handler);
  return () => db.on('versionchange').unsubscribe(handler);
}
