// PouchDB 9 assembled from its modules (the CouchDB client of the office sync, issue 16): the
// IndexedDB adapter for this PC's replica, the HTTP adapter for the server, the replicator.
// The only place that imports PouchDB (a lint wall keeps it here).
import PouchDB, { type PouchDatabase, type PouchStatic } from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';

export type { PouchDatabase, PouchStatic };

let assembled: PouchStatic | undefined;

/** PouchDB with the replicator and the HTTP adapter, plus `adapter` for the local replica. */
export function pouchWith(adapter: unknown = IndexedDbAdapter): PouchStatic {
  if (adapter === IndexedDbAdapter && assembled) return assembled;
  // Plugins patch the one PouchDB class: each is added once (a test may add another adapter).
  const Pouch = PouchDB as PouchStatic & { adapters: Record<string, unknown>; prototype: object };
  let made = Pouch.plugin(adapter);
  if (!Pouch.adapters['http']) made = made.plugin(HttpAdapter);
  if (!('replicate' in Pouch.prototype)) made = made.plugin(Replication);
  if (adapter === IndexedDbAdapter) assembled = made;
  return made;
}

/** This PC's replica of the office database (beside the app's Dexie database, never instead of it). */
export const LOCAL_REPLICA = 'duchaduban-sync';

export function openLocalReplica(
  Pouch: PouchStatic = pouchWith(),
  name = LOCAL_REPLICA,
  adapter = 'indexeddb',
): PouchDatabase {
  // auto_compaction: old revisions' bodies are dropped; the revision tree stays.
  return new Pouch(name, { adapter, auto_compaction: true });
}

/** The office database on the server, every request through `fetch` (the desktop shell's or the page's). */
export function openRemote(
  Pouch: PouchStatic,
  url: string,
  fetch: (url: string, init?: RequestInit) => Promise<Response>,
): PouchDatabase {
  return new Pouch(url, { adapter: 'http', fetch, skip_setup: true });
}
