// What an import would write — its changeset — typed by table: new rows and changes of stored
// rows, each with the row type of its table, so the compiler checks every import's writes.
// The mapping (taskList.ts, progress.ts, …) reads sheets; the *Changeset.ts modules turn what
// they read into a changeset; db/imports.ts commits it in one transaction.

import type {
  Evaluation,
  Feedback,
  Interview,
  Leader,
  Milestone,
  ProgressReport,
  RankingSnapshot,
  Review,
  ScoreEntry,
  Section,
  Submission,
  Task,
  Unit,
} from '../model';
import type { TemplateKind } from './types';

/** The rows an import may write, by table: rows with an id and a yearId. */
export interface ImportRows {
  units: Unit;
  leaders: Leader;
  sections: Section;
  tasks: Task;
  milestones: Milestone;
  reports: ProgressReport;
  submissions: Submission;
  feedback: Feedback;
  scoreEntries: ScoreEntry;
  rankings: RankingSnapshot;
  interviews: Interview;
  evaluations: Evaluation;
  reviews: Review;
}

export type ImportTable = keyof ImportRows;

export const IMPORT_TABLES = [
  'units',
  'leaders',
  'sections',
  'tasks',
  'milestones',
  'reports',
  'submissions',
  'feedback',
  'scoreEntries',
  'rankings',
  'interviews',
  'evaluations',
  'reviews',
] as const satisfies readonly ImportTable[];

/** A new row of one table. */
export type RowCreate = { [T in ImportTable]: { table: T; row: ImportRows[T] } }[ImportTable];

/** A change of a stored row: the fields to set (a field given as undefined is removed). */
export type RowUpdate = {
  [T in ImportTable]: { table: T; id: string; patch: { [K in keyof ImportRows[T]]?: ImportRows[T][K] | undefined } };
}[ImportTable];

/** The writes of an import, as the preview shows them and the commit stores them. */
export interface RowChanges {
  creates: RowCreate[];
  updates: RowUpdate[];
  /** Rows the files hold that match the stored ones (for the batch's counts). */
  unchanged: number;
}

/** One import batch to commit: its year, its kind, its files and its writes. */
export interface ImportChangeset extends RowChanges {
  yearId: string;
  kind: TemplateKind;
  files: { name: string; sha256: string }[];
  /** What the office decided for this batch, logged with it (a sheet imported to another month than it says). */
  notes?: string[];
}

/** An empty set of writes, to fill. */
export function noChanges(): RowChanges {
  return { creates: [], updates: [], unchanged: 0 };
}
