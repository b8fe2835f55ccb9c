// The rows of this PC's sync tables (schema version 3) and the documents the office database
// holds. A record of table T with key K is the CouchDB document `T:K` (ids.ts); its body is a
// SyncBody. Revisions are CouchDB's ("3-…"): the writer picks each local one (revs.ts).
import type { AuditEntry } from '../../core/model';

/** The body of an office document (everything but _id, _rev, _deleted, _revisions). */
export interface SyncBody {
  /** The table, e.g. 'reports'; the id starts with it. */
  type: string;
  /** The row's primary key (scoreRules: [yearId, id]). */
  key: unknown;
  /** The row as the table holds it (importBatches without their per-row `changes`); for a deletion, the row before it. */
  row?: Record<string, unknown>;
  /** The PC that wrote this revision, who and when (shown beside a conflict). */
  deviceId: string;
  by: string;
  at: string;
  /** Set on the revisions a publication wrote (publish.ts): `${yearId}:${month}@${publishedAt}`. */
  seal?: string;
  /** A deletion written to settle a conflict (the branch it ends lost), not a user's deletion. */
  resolved?: true;
}

/** A change waiting to be sent: stage 0 until it is in the local replica, 1 until the server has it. */
export interface OutboxRow {
  oseq?: number;
  docId: string;
  rev: string;
  /** The revision it continues; absent for a document's first. */
  parent?: string;
  deleted?: true;
  body: SyncBody;
  stage: 0 | 1;
}

/** Which revision of a document the row in Dexie shows. */
export interface SyncMetaRow {
  docId: string;
  rev: string;
  /** Hash of the synced form of the row shown ('' when deleted or not shown). */
  hash: string;
  seal?: string;
  /** The revision is a deletion, or no version may be shown (a published month's conflict). */
  deleted?: true;
}

/** One version of a document in conflict, as the 同步冲突 screen shows it. */
export interface ConflictLeaf {
  rev: string;
  deleted: boolean;
  deviceId: string;
  by: string;
  at: string;
  seal?: string;
  row?: Record<string, unknown>;
}

export type ConflictKind =
  /** Two PCs changed the same record: CouchDB's winner is shown, marked, until a person picks. */
  | 'edit'
  /** A change to a month published meanwhile: the published version is shown. */
  | 'published'
  /** Two PCs created a work year for the same year: the other one is not shown. */
  | 'duplicate';

export interface SyncConflictRow {
  docId: string;
  table: string;
  key: unknown;
  kind: ConflictKind;
  /** CouchDB's winning revision. */
  winner: string;
  /** The revision shown in the app (null: none, the record is hidden). */
  shown: string | null;
  leaves: ConflictLeaf[];
  /** For records of a month: which one. */
  yearId?: string;
  month?: number;
  detectedAt: string;
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** Another PC's audit entry, as it came from the server. */
export interface PeerAuditRow {
  deviceId: string;
  /** Its seq on that PC. */
  dseq: number;
  at: string;
  deviceLabel: string;
  /** The first seq that PC sent: its chain is checked from there. */
  chainStart: number;
  entry: AuditEntry;
}

/** This PC's identity in the office sync; present while sync is set up. */
export interface DeviceState {
  deviceId: string;
  /** How other PCs name this one in the log, e.g. "张三的电脑". */
  label: string;
  /** The first audit seq this device sends (its chain starts there). */
  chainStart: number;
  createdAt: string;
}

/** Where this PC synchronises: no secret here (the password is kept by the desktop shell). */
export interface SyncConfig {
  /** 'https://couch.example:6984' */
  server: string;
  /** The database, e.g. 'duchaduban'. */
  database: string;
  username: string;
}

/** A document as the local replica hands it over (the sync layer reads PouchDB, db/ never does). */
export interface IncomingDoc extends Partial<SyncBody> {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  // audit documents
  dseq?: number;
  chainStart?: number;
  deviceLabel?: string;
  entry?: AuditEntry;
}

/** A changed document: its winning revision and, when it has several, every leaf (deleted ones too). */
export interface IncomingChange {
  id: string;
  winner: IncomingDoc;
  /** All leaves including the winner; absent when the document has a single leaf. */
  leaves?: IncomingDoc[];
}
