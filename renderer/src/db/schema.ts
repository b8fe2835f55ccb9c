// The IndexedDB schema. Every published version(n) stays declared below, in order; a new
// version adds a `this.version(n + 1).stores({...})` (only the changed tables) with an
// `.upgrade()` when data must move, appends its stores to STORES_BY_VERSION, bumps
// SCHEMA_VERSION, and adds a test to upgrade.test.ts that opens a database made by version n.

import { Dexie, type Table } from 'dexie';
import type {
  AuditEntry,
  Evaluation,
  Feedback,
  ImportBatch,
  Interview,
  Leader,
  Milestone,
  MonthState,
  ProgressReport,
  RankingSnapshot,
  Review,
  ScoreEntry,
  ScoreRule,
  Section,
  Setting,
  Submission,
  Task,
  Unit,
  WorkYear,
} from '../core/model';
import type { OutboxRow, PeerAuditRow, SyncConflictRow, SyncMetaRow, SyncStateRow } from './sync/types';

/** The IndexedDB database name. Never rename it: the data lives under it. */
export const DB_NAME = 'duchaduban';
/** The newest schema version this program declares (Dexie version; IndexedDB version × 10). */
export const SCHEMA_VERSION = 3;

/** Version 1: the first published layout. */
const schemaV1 = {
  workYears: 'id, &year',
  units: 'id, yearId, name, *aliases',
  leaders: 'id, yearId, name, *aliases',
  sections: 'id, yearId',
  tasks: 'id, yearId, sectionId, leadUnitId, *coUnitIds, *leaderIds, carriedOverFrom',
  milestones: 'id, taskId, yearId, [taskId+month], [yearId+month]',
  reports: 'id, taskId, unitId, yearId, [yearId+month], [unitId+yearId+month], [taskId+month], importBatchId',
  feedback: 'id, taskId, unitId, yearId, [yearId+month], [unitId+yearId+month], [taskId+month]',
  scoreEntries: 'id, unitId, yearId, ruleId, [yearId+month], [unitId+yearId+month]',
  // A rule id is a code ('late_report', …) that each year repeats: the key is the pair.
  scoreRules: '[yearId+id], yearId',
  rankings: 'id, yearId, [yearId+month], publishedAt',
  interviews: 'id, unitId, yearId, [yearId+month]',
  evaluations: 'id, yearId, unitId, taskId, importBatchId',
  reviews: 'id, yearId, taskId',
  importBatches: 'id, yearId, importedAt',
  audit: '++seq, at, entity, operator, [entity+entityId]',
  settings: 'key',
} as const;

/**
 * Version 2 (the monthly cycle): the sheets received per unit (plans: month 0; progress:
 * month m) and the publication state of each month. No data moves.
 */
const schemaV2 = {
  submissions: 'id, yearId, [yearId+kind+month], [unitId+yearId], importBatchId',
  monthStates: 'id, yearId',
} as const;

/**
 * Version 3 (several PCs, issue 16): this PC's side of the office sync (db/sync/), none of it
 * office data — not in backups, never sent as rows: the changes waiting to be sent (outbox),
 * the revision each row shows (syncMeta), conflicts found (syncConflicts), the sync's own
 * settings and cursors (syncState), and the other PCs' audit entries (peerAudit). No data moves.
 */
const schemaV3 = {
  outbox: '++oseq, docId, stage',
  syncMeta: 'docId',
  syncConflicts: 'docId, kind',
  syncState: 'key',
  peerAudit: '[deviceId+dseq], at, deviceId',
} as const;

/**
 * The stores declared by each version (index 0 is version 1), only the tables it adds or
 * changes: for tests that build a database as an older program left it (testing.ts).
 */
export const STORES_BY_VERSION: readonly Readonly<Record<string, string | null>>[] = [schemaV1, schemaV2, schemaV3];

export class AppDb extends Dexie {
  declare workYears: Table<WorkYear, string>;
  declare units: Table<Unit, string>;
  declare leaders: Table<Leader, string>;
  declare sections: Table<Section, string>;
  declare tasks: Table<Task, string>;
  declare milestones: Table<Milestone, string>;
  declare reports: Table<ProgressReport, string>;
  declare feedback: Table<Feedback, string>;
  declare scoreEntries: Table<ScoreEntry, string>;
  declare scoreRules: Table<ScoreRule, [string, string]>;
  declare rankings: Table<RankingSnapshot, string>;
  declare interviews: Table<Interview, string>;
  declare evaluations: Table<Evaluation, string>;
  declare reviews: Table<Review, string>;
  declare importBatches: Table<ImportBatch, string>;
  declare audit: Table<AuditEntry, number>;
  declare settings: Table<Setting, string>;
  declare submissions: Table<Submission, string>;
  declare monthStates: Table<MonthState, string>;
  declare outbox: Table<OutboxRow, number>;
  declare syncMeta: Table<SyncMetaRow, string>;
  declare syncConflicts: Table<SyncConflictRow, string>;
  declare syncState: Table<SyncStateRow, string>;
  declare peerAudit: Table<PeerAuditRow, [string, number]>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3);
  }
}

/** A new handle on the database `name` (default: the app's). Opens on first use. */
export function openDatabase(name: string = DB_NAME): AppDb {
  return new AppDb(name);
}

/** The app's database. Repositories and hooks use this instance. */
export const db: AppDb = openDatabase();

/**
 * The office's data: the table names of the newest schema, for tests and the backup. The sync
 * tables of version 3 are this PC's machinery, not office data (SYNC_TABLE_NAMES).
 */
export const TABLE_NAMES = [...Object.keys(schemaV1), ...Object.keys(schemaV2)] as (
  keyof typeof schemaV1 | keyof typeof schemaV2
)[];

/** This PC's sync tables (version 3): never in a backup, never replaced by a restore. */
export const SYNC_TABLE_NAMES = Object.keys(schemaV3) as (keyof typeof schemaV3)[];
