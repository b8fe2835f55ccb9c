// The part of PouchDB 9's API the sync layer uses (the packages ship no types).
declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  export interface ChangesResult {
    results: {
      id: string;
      seq: number | string;
      deleted?: boolean;
      changes: { rev: string }[];
      doc?: PouchDoc;
    }[];
    last_seq: number | string;
  }
  export interface ChangesFeed {
    on(event: 'change', listener: (change: unknown) => void): ChangesFeed;
    on(event: 'error' | 'complete', listener: (value: unknown) => void): ChangesFeed;
    cancel(): void;
  }
  export interface ReplicationInfo {
    direction?: 'push' | 'pull';
    change?: ReplicationChange;
    docs_read?: number;
    docs_written?: number;
    docs?: PouchDoc[];
    pending?: number;
    last_seq?: number | string;
  }
  export interface ReplicationChange {
    docs: PouchDoc[];
    docs_read: number;
    docs_written: number;
    pending?: number;
    last_seq?: number | string;
  }
  export interface Replication extends PromiseLike<unknown> {
    on(event: 'change', listener: (info: ReplicationInfo) => void): Replication;
    on(event: 'paused', listener: (error?: unknown) => void): Replication;
    on(event: 'active', listener: () => void): Replication;
    on(event: 'denied' | 'error' | 'complete', listener: (value: unknown) => void): Replication;
    cancel(): void;
  }
  export interface ReplicateOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    back_off_function?: (delay: number) => number;
    heartbeat?: number | false;
    timeout?: number | false;
  }
  export interface PouchDatabase {
    name: string;
    info(): Promise<{ doc_count: number; update_seq: number | string; doc_del_count?: number }>;
    get(id: string, options?: { revs?: boolean; conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
    get(id: string, options: { open_revs: 'all' | string[] }): Promise<({ ok: PouchDoc } | { missing: string })[]>;
    allDocs(options: {
      keys?: string[];
      startkey?: string;
      endkey?: string;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    }): Promise<{
      total_rows?: number;
      rows: {
        id: string;
        key: string;
        value?: { rev: string; deleted?: boolean };
        doc?: PouchDoc | null;
        error?: string;
      }[];
    }>;
    bulkDocs(
      docs: object[],
      options?: { new_edits?: boolean },
    ): Promise<({ ok?: boolean; id?: string; error?: string; reason?: string } | unknown)[]>;
    changes(options: {
      since?: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      style?: 'all_docs' | 'main_only';
      live?: false;
      return_docs?: boolean;
    }): Promise<ChangesResult>;
    revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
    replicate: {
      to(target: PouchDatabase, options?: ReplicateOptions): Replication;
      from(source: PouchDatabase, options?: ReplicateOptions): Replication;
    };
    sync(remote: PouchDatabase, options?: ReplicateOptions): Replication;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
