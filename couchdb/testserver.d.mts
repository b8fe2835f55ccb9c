// Types of testserver.mjs for the TypeScript tests and the benchmark.
export declare const ADMIN: { user: string; password: string };
export declare const USERS: { name: string; password: string; role: string }[];
export interface LocalPouch {
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  get(id: string, options?: Record<string, unknown>): Promise<Record<string, unknown> & { _id: string; _rev: string }>;
  allDocs(options?: Record<string, unknown>): Promise<{
    rows: {
      id: string;
      value: { rev: string; deleted?: boolean };
      doc?: Record<string, unknown> & { _id: string; _rev: string };
    }[];
  }>;
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<unknown[]>;
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
}
export interface CouchServer {
  url: string;
  readonly port: number;
  readonly requests: number;
  readonly listening: boolean;
  /** Called with each request before it is answered (method and URL), or null. */
  onRequest: ((request: { method?: string; url?: string }) => void) | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
  setupOffice(db: string, users?: { name: string; password: string; role: string }[]): Promise<Record<string, number>>;
  local(db: string): LocalPouch;
}
export declare function startCouchServer(options?: { port?: number; host?: string }): Promise<CouchServer>;
