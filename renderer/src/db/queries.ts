// Reads. Plain async functions over the app's database, so that hooks.ts can observe them
// with useLiveQuery and tests can call them directly.

import type { Collection } from 'dexie';
import type {
  AuditEntry,
  Feedback,
  ImportBatch,
  Interview,
  Leader,
  Milestone,
  MonthState,
  ProgressReport,
  RankingSnapshot,
  ScoreEntry,
  ScoreRule,
  Section,
  Submission,
  Task,
  Unit,
  WorkYear,
} from '../core/model';
import { monthStateId } from './freeze';
import { db } from './schema';

/** Chinese order with numbers compared by value ('2' before '10'). */
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Audit log filter; an empty string counts as no filter (a "全部" choice in a select). */
export interface AuditFilter {
  entity?: string;
  operator?: string;
  /** Newest `limit` entries; all when omitted. */
  limit?: number;
}

/** All work years, newest year first. */
export async function listWorkYears(): Promise<WorkYear[]> {
  return db.workYears.orderBy('year').reverse().toArray();
}

/** The units of a year by sortOrder; none without a year. */
export async function listUnits(yearId: string | undefined): Promise<Unit[]> {
  if (yearId === undefined) return [];
  return db.units.where('yearId').equals(yearId).sortBy('sortOrder');
}

/** The leaders of a year by sortOrder; none without a year. */
export async function listLeaders(yearId: string | undefined): Promise<Leader[]> {
  if (yearId === undefined) return [];
  return db.leaders.where('yearId').equals(yearId).sortBy('sortOrder');
}

/** The sections (工作板块) of a year by sortOrder, then name; none without a year. */
export async function listSections(yearId: string | undefined): Promise<Section[]> {
  if (yearId === undefined) return [];
  const sections = await db.sections.where('yearId').equals(yearId).toArray();
  return sections.sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name));
}

/**
 * The tasks of a year in ledger order: by their section's sortOrder (tasks without a section
 * last), then by code compared as numbers where numeric ('2' before '10'; no code last),
 * then by title. None without a year.
 */
export async function listTasks(yearId: string | undefined): Promise<Task[]> {
  if (yearId === undefined) return [];
  const sections = await listSections(yearId);
  const tasks = await db.tasks.where('yearId').equals(yearId).toArray();
  const sectionRank = new Map(sections.map((s, i) => [s.id, i]));
  // Keys computed once per task: a long ledger (100k rows) sorts in tens of milliseconds, with
  // the collator only for codes that are not plain numbers and for ties.
  const keyed = tasks.map((t) => ({
    t,
    rank: (t.sectionId === undefined ? undefined : sectionRank.get(t.sectionId)) ?? sections.length,
    noCode: t.code === '' ? 1 : 0,
    number: /^\d{1,15}$/.test(t.code) ? Number(t.code) : undefined,
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.noCode - b.noCode ||
      (a.number !== undefined && b.number !== undefined ? a.number - b.number : collator.compare(a.t.code, b.t.code)) ||
      collator.compare(a.t.title, b.t.title) ||
      (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0),
  );
  return keyed.map((k) => k.t);
}

/** One task; undefined when missing or without an id. */
export async function getTask(id: string | undefined): Promise<Task | undefined> {
  return id === undefined ? undefined : db.tasks.get(id);
}

/** The import batches of a year, newest first (undone ones included); none without a year. */
export async function listImportBatches(yearId: string | undefined): Promise<ImportBatch[]> {
  if (yearId === undefined) return [];
  const batches = await db.importBatches.where('yearId').equals(yearId).toArray();
  return batches.sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
}

/** One import batch with its rows' before- and after-images (undefined when missing). */
export async function getImportBatch(id: string | undefined): Promise<ImportBatch | undefined> {
  return id === undefined ? undefined : db.importBatches.get(id);
}

/** What the 操作日志 names objects by: the named rows of every year (ids are unique across years). */
export async function listAuditNameRows() {
  const [units, tasks, leaders, sections, workYears, scoreRules] = await Promise.all([
    db.units.toArray(),
    db.tasks.toArray(),
    db.leaders.toArray(),
    db.sections.toArray(),
    db.workYears.toArray(),
    db.scoreRules.toArray(),
  ]);
  return { units, tasks, leaders, sections, workYears, scoreRules };
}

export interface ImportedFile {
  sha256: string;
  name: string;
  importedAt: string;
  batchId: string;
}

/**
 * Which of these files (by SHA-256, any case) were imported already, in any year, by a batch
 * not undone: one entry per file and batch, newest first. Scans the batches (they are few).
 */
export async function findImportedFiles(sha256s: readonly string[]): Promise<ImportedFile[]> {
  const wanted = new Set(sha256s.map((h) => h.toLowerCase()));
  if (wanted.size === 0) return [];
  const found: ImportedFile[] = [];
  await db.importBatches.each((batch) => {
    if (batch.undone) return;
    for (const file of batch.files) {
      const sha256 = file.sha256.toLowerCase();
      if (wanted.has(sha256)) found.push({ sha256, name: file.name, importedAt: batch.importedAt, batchId: batch.id });
    }
  });
  return found.sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
}

/** Audit entries, newest first (seq descending), filtered by entity and/or operator. */
export async function listAudit(filter: AuditFilter): Promise<AuditEntry[]> {
  const entity = filter.entity || undefined;
  const operator = filter.operator || undefined;
  let entries: Collection<AuditEntry, number>;
  if (entity !== undefined) {
    // Within one index value IndexedDB orders by primary key, so reverse() is seq descending.
    entries = db.audit.where('entity').equals(entity);
    if (operator !== undefined) entries = entries.and((e) => e.operator === operator);
  } else if (operator !== undefined) {
    entries = db.audit.where('operator').equals(operator);
  } else {
    entries = db.audit.toCollection();
  }
  entries = entries.reverse();
  if (filter.limit !== undefined) entries = entries.limit(filter.limit);
  return entries.toArray();
}

/** Every operator name that appears in the audit log, sorted ('' — no operator set — left out). */
export async function listAuditOperators(): Promise<string[]> {
  const keys = await db.audit.orderBy('operator').uniqueKeys();
  return keys.map((k) => String(k)).filter((name) => name !== '');
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row?.value as T | undefined;
}

// ---------------------------------------------------------------- the monthly cycle

function byMonthThenId<T extends { month: number; id: string }>(a: T, b: T): number {
  return a.month - b.month || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A task's milestones (月方案节点) by month; none without a task. */
export async function listTaskMilestones(taskId: string | undefined): Promise<Milestone[]> {
  if (taskId === undefined) return [];
  return db.milestones.where('taskId').equals(taskId).sortBy('month');
}

/** Every milestone of a year, by month (group them by taskId); none without a year. */
export async function listMilestones(yearId: string | undefined): Promise<Milestone[]> {
  if (yearId === undefined) return [];
  const rows = await db.milestones.where('yearId').equals(yearId).toArray();
  return rows.sort(byMonthThenId);
}

/** The progress reports of a year's month (every unit's, lead and co-units'); none without a year or month. */
export async function listReports(yearId: string | undefined, month: number | undefined): Promise<ProgressReport[]> {
  if (yearId === undefined || month === undefined) return [];
  const rows = await db.reports.where('[yearId+month]').equals([yearId, month]).toArray();
  return rows.sort(byId);
}

/** Every progress report of a year, for the month-by-month charts ([] without a year). */
export async function listYearReports(yearId: string | undefined): Promise<ProgressReport[]> {
  if (yearId === undefined) return [];
  const rows = await db.reports.where('[yearId+month]').between([yearId, -Infinity], [yearId, Infinity]).toArray();
  return rows.sort(byId);
}

/**
 * What a task's story reads (core/story.ts TaskStoryFacts), by index rather than the whole
 * year: the task's milestones, reports and feedback; and, for its units (lead, co-units and any
 * that reported on it), their reports on every task, their progress sheets and score entries.
 */
export interface TaskStoryRows {
  milestones: Milestone[];
  reports: ProgressReport[];
  unitReports: ProgressReport[];
  submissions: Submission[];
  feedback: Feedback[];
  entries: ScoreEntry[];
}

export async function getTaskStoryRows(
  yearId: string,
  task: Pick<Task, 'id' | 'leadUnitId' | 'coUnitIds'>,
): Promise<TaskStoryRows> {
  const ofYear = <T extends { yearId: string }>(rows: T[]) => rows.filter((r) => r.yearId === yearId);
  const [milestones, reports, feedback] = await Promise.all([
    db.milestones.where('taskId').equals(task.id).sortBy('month'),
    db.reports.where('taskId').equals(task.id).toArray(),
    db.feedback.where('taskId').equals(task.id).toArray(),
  ]);
  const unitIds = [
    ...new Set([...(task.leadUnitId ? [task.leadUnitId] : []), ...task.coUnitIds, ...reports.map((r) => r.unitId)]),
  ];
  const [unitReports, submissions, entries] = await Promise.all([
    db.reports.where('unitId').anyOf(unitIds).toArray(),
    db.submissions
      .where('[unitId+yearId]')
      .anyOf(unitIds.map((u) => [u, yearId]))
      .toArray(),
    db.scoreEntries.where('unitId').anyOf(unitIds).toArray(),
  ]);
  return {
    milestones: ofYear(milestones),
    reports: ofYear(reports).sort(byId),
    unitReports: ofYear(unitReports).sort(byId),
    submissions: submissions.filter((s) => s.kind === 'progress').sort(byId),
    feedback: ofYear(feedback).sort(byId),
    entries: ofYear(entries).sort(byMonthThenId),
  };
}

/**
 * The sheets received for a year's plans (kind 'plan', month 0) or a month's progress: one per
 * unit that sent one; none without a year or month.
 */
export async function listSubmissions(
  yearId: string | undefined,
  kind: Submission['kind'],
  month: number | undefined,
): Promise<Submission[]> {
  if (yearId === undefined || month === undefined) return [];
  const rows = await db.submissions.where('[yearId+kind+month]').equals([yearId, kind, month]).toArray();
  return rows.sort(byId);
}

/** Every sheet of a kind received in a year, every month ([] without a year). */
export async function listYearSubmissions(yearId: string | undefined, kind: Submission['kind']): Promise<Submission[]> {
  if (yearId === undefined) return [];
  const rows = await db.submissions
    .where('[yearId+kind+month]')
    .between([yearId, kind, -Infinity], [yearId, kind, Infinity])
    .toArray();
  return rows.sort(byMonthThenId);
}

/** Every feedback (督查反馈) of a year, every month ([] without a year). */
export async function listYearFeedback(yearId: string | undefined): Promise<Feedback[]> {
  if (yearId === undefined) return [];
  const rows = await db.feedback.where('[yearId+month]').between([yearId, -Infinity], [yearId, Infinity]).toArray();
  return rows.sort(byMonthThenId);
}

/** The feedback (督查反馈) of a year's month; none without a year or month. */
export async function listFeedback(yearId: string | undefined, month: number | undefined): Promise<Feedback[]> {
  if (yearId === undefined || month === undefined) return [];
  const rows = await db.feedback.where('[yearId+month]').equals([yearId, month]).toArray();
  return rows.sort(byId);
}

/**
 * Whether a month is published: the stored state, or { state: 'open' } for a month never
 * published. Undefined only without a year or month.
 */
export async function getMonthState(
  yearId: string | undefined,
  month: number | undefined,
): Promise<MonthState | undefined> {
  if (yearId === undefined || month === undefined) return undefined;
  const id = monthStateId(yearId, month);
  return (await db.monthStates.get(id)) ?? { id, yearId, month, state: 'open' };
}

/** The stored month states of a year (months never published have none), by month. */
export async function listMonthStates(yearId: string | undefined): Promise<MonthState[]> {
  if (yearId === undefined) return [];
  const rows = await db.monthStates.where('yearId').equals(yearId).toArray();
  return rows.sort((a, b) => a.month - b.month);
}

/** Every snapshot published for a year's month, newest first; none without a year or month. */
export async function listMonthSnapshots(
  yearId: string | undefined,
  month: number | undefined,
): Promise<RankingSnapshot[]> {
  if (yearId === undefined || month === undefined) return [];
  const rows = await db.rankings.where('[yearId+month]').equals([yearId, month]).toArray();
  return rows
    .filter((r) => r.period === 'month')
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : byId(a, b)));
}

/** The newest snapshot of each published month of a year, by month ([] without a year). */
export async function listLatestSnapshots(yearId: string | undefined): Promise<RankingSnapshot[]> {
  if (yearId === undefined) return [];
  const latest = new Map<number, RankingSnapshot>();
  for (const r of await db.rankings.where('yearId').equals(yearId).toArray()) {
    if (r.period !== 'month') continue;
    const known = latest.get(r.month);
    if (!known || r.publishedAt > known.publishedAt) latest.set(r.month, r);
  }
  return [...latest.values()].sort((a, b) => a.month - b.month);
}

// ---------------------------------------------------------------- scoring and interviews

/** The rule table (评分规则) of a year, by rule code; none without a year or before ensureScoreRules. */
export async function listScoreRules(yearId: string | undefined): Promise<ScoreRule[]> {
  if (yearId === undefined) return [];
  const rows = await db.scoreRules.where('yearId').equals(yearId).toArray();
  return rows.sort(byId);
}

/**
 * The score entries (加扣分) of a year's month, or of the whole year when `month` is omitted:
 * automatic and manual, every state, by month then id (an automatic entry's id ends with its
 * proposal key). None without a year.
 */
export async function listScoreEntries(yearId: string | undefined, month?: number): Promise<ScoreEntry[]> {
  if (yearId === undefined) return [];
  const rows =
    month === undefined
      ? await db.scoreEntries.where('[yearId+month]').between([yearId, -Infinity], [yearId, Infinity]).toArray()
      : await db.scoreEntries.where('[yearId+month]').equals([yearId, month]).toArray();
  return rows.sort(byMonthThenId);
}

/** The interviews (约谈) of a year by date held, then month and id; none without a year. */
export async function listInterviews(yearId: string | undefined): Promise<Interview[]> {
  if (yearId === undefined) return [];
  const rows = await db.interviews.where('yearId').equals(yearId).toArray();
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byMonthThenId(a, b)));
}
