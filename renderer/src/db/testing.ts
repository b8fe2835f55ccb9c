// Test helpers for schema upgrades: build a database the way an earlier program left it,
// with plain IndexedDB (no Dexie), then open it with the current AppDb.

import { Dexie } from 'dexie';
import { STORES_BY_VERSION } from './schema';

export interface LegacyIndex {
  name: string;
  keyPath: string | string[];
  unique?: boolean;
  multiEntry?: boolean;
}

export interface LegacyStore {
  /** Inline key path; omit only together with autoIncrement. */
  keyPath?: string | string[];
  autoIncrement?: boolean;
  indexes?: LegacyIndex[];
  rows: unknown[];
}

/**
 * Creates database `name` at native IndexedDB version `idbVersion` with exactly `stores`
 * and their rows, then closes it. Dexie's version(n) is native version n × 10, so
 * idbVersion 1..9 is older than version(1), 10..19 is version(1), and so on.
 */
export function createLegacyDatabase(
  name: string,
  idbVersion: number,
  stores: Record<string, LegacyStore>,
  factory: IDBFactory = indexedDB,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, idbVersion);
    request.onupgradeneeded = () => {
      const idb = request.result;
      for (const [storeName, spec] of Object.entries(stores)) {
        const store = idb.createObjectStore(storeName, {
          keyPath: spec.keyPath ?? null,
          autoIncrement: spec.autoIncrement ?? false,
        });
        for (const index of spec.indexes ?? []) {
          store.createIndex(index.name, index.keyPath, {
            unique: index.unique ?? false,
            multiEntry: index.multiEntry ?? false,
          });
        }
        for (const row of spec.rows) store.add(row);
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error(`cannot create ${name}`));
    request.onblocked = () => reject(new Error(`opening ${name} is blocked by another connection`));
  });
}

/** Deletes database `name` (waits until it is gone). */
export function deleteRawDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`));
  });
}

/**
 * The stores of `appDb`'s declared schema (key paths and indexes as Dexie creates them),
 * filled with `rows` per store: to build a database as a given program version left it.
 */
export function layoutOf(appDb: Dexie, rows: Record<string, unknown[]> = {}): Record<string, LegacyStore> {
  const stores: Record<string, LegacyStore> = {};
  for (const table of appDb.tables) {
    const { primKey, indexes } = table.schema;
    stores[table.name] = {
      keyPath: primKey.keyPath ?? undefined,
      autoIncrement: primKey.auto ?? false,
      indexes: indexes.map((index) => ({
        name: index.name,
        keyPath: index.keyPath ?? index.name,
        unique: index.unique ?? false,
        multiEntry: index.multi ?? false,
      })),
      rows: rows[table.name] ?? [],
    };
  }
  return stores;
}

/**
 * The layout of schema version `version` (1 … SCHEMA_VERSION) as that program declared it,
 * filled with `rows`: pass it to createLegacyDatabase with native version `version * 10`.
 */
export function layoutOfVersion(version: number, rows: Record<string, unknown[]> = {}): Record<string, LegacyStore> {
  if (!Number.isInteger(version) || version < 1 || version > STORES_BY_VERSION.length)
    throw new Error(`no schema version ${version}`);
  const declared = new Dexie(`layout-of-version-${version}`);
  STORES_BY_VERSION.slice(0, version).forEach((stores, i) => declared.version(i + 1).stores({ ...stores }));
  return layoutOf(declared, rows);
}

// The browser globals dexie-export-import touches, which Node lacks: `self` when it loads, and
// FileReader.readAsArrayBuffer in the cleanup at the end of every export.
export function provideExportGlobals(): void {
  const browser = globalThis as { self?: unknown; FileReader?: unknown };
  browser.self ??= globalThis;
  browser.FileReader ??= class {
    result: ArrayBuffer | null = null;
    onload?: (event: { target: unknown }) => void;
    onerror?: (event: { target: { error: unknown } }) => void;
    onabort?: () => void;
    readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then(
        (buffer) => {
          this.result = buffer;
          this.onload?.({ target: this });
        },
        (error: unknown) => this.onerror?.({ target: { error } }),
      );
    }
  };
}
