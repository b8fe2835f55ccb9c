// The sample year (示例数据, issue 8): loaded in ONE audited transaction, removed in ONE.
//
// Loading writes the rows core/sample.ts generates, table by table, with the checks the forms
// and imports run (validate.ts) after each table, inside the transaction: any refusal or
// failure stores nothing at all (no half sample). Like an import batch (imports.ts), the rows
// are written with { audit: false } and each table is logged as ONE entry ("加载示例数据…：N
// 条"): a sample is some 1,000 rows that anyone can generate again, and 1,000 log lines would
// bury the office's own changes on the 操作日志 screen. The year row itself is logged in full.
// The month states go last: once a month is published, the writer refuses its rows (freeze.ts).
//
// Removing deletes every row of the sample year from every table that has a yearId (whatever
// tables later versions add), its import batches included, then the year, in one transaction,
// one audit entry per table. Only a year marked `sample` can be removed this way; other years
// are never read for writing, and a removal is refused while another year's task is carried
// over from a sample task (it would point at nothing).

import type { Table } from 'dexie';
import { entityLabels, type WorkYear } from '../core/model';
import type { SampleData } from '../core/sample';
import { writeTransaction, type AuditedWriter } from './audit';
import { DomainError } from './errors';
import { db } from './schema';
import {
  checkFeedback,
  checkInterviews,
  checkMilestones,
  checkRegistryRows,
  checkReports,
  checkScoreEntries,
  checkScoreRules,
  checkSections,
  checkSubmissions,
  checkTasks,
} from './validate';

/** Progress of a load or a removal: tables done out of all. */
export type SampleProgress = (done: number, total: number) => void;

type RowTable = keyof Omit<SampleData, 'year'>;

/** The order of writing: every row after what it refers to; the month states last (they freeze). */
const LOAD_ORDER: readonly RowTable[] = [
  'scoreRules',
  'units',
  'leaders',
  'sections',
  'tasks',
  'milestones',
  'submissions',
  'reports',
  'feedback',
  'scoreEntries',
  'interviews',
  'evaluations',
  'reviews',
  'rankings',
  'monthStates',
];

/** The domain checks of a table's rows as stored now (the ones the forms and imports run). */
const CHECKS: Partial<Record<RowTable, (yearId: string, rows: never[]) => Promise<void>>> = {
  scoreRules: checkScoreRules,
  units: (yearId, rows) => checkRegistryRows(db.units, yearId, rows),
  leaders: (yearId, rows) => checkRegistryRows(db.leaders, yearId, rows),
  sections: checkSections,
  tasks: checkTasks,
  milestones: checkMilestones,
  submissions: checkSubmissions,
  reports: checkReports,
  feedback: checkFeedback,
  scoreEntries: checkScoreEntries,
  interviews: checkInterviews,
};

/** The tables holding rows of a year (a 'yearId' index), in the schema's order. */
function yearTables(): Table[] {
  return db.tables.filter((t) => t.schema.idxByName['yearId'] !== undefined);
}

function summary(
  action: '加载' | '删除',
  year: WorkYear,
  table: Table,
  rows: number,
): { name: string; yearId: string; rows: number } {
  return {
    name: `${action}示例数据（${year.year}年度）：${entityLabels[table.name] ?? table.name} ${rows} 条`,
    yearId: year.id,
    rows,
  };
}

/**
 * Whether the last change to the work years was the removal of a sample year: a database left
 * empty by it was emptied on purpose (the automatic backups hold the sample), not lost.
 */
export async function emptiedBySampleRemoval(): Promise<boolean> {
  const last = await db.audit.where('entity').equals(db.workYears.name).last();
  return (
    last?.action === 'delete' &&
    (last.before as Partial<WorkYear> | undefined)?.sample === true &&
    (await db.workYears.count()) === 0
  );
}

/** The sample years stored (normally none or one). */
export async function listSampleYears(): Promise<WorkYear[]> {
  return (await db.workYears.toArray()).filter((y) => y.sample === true);
}

/**
 * Loads a generated sample (core/sample.ts generateSample) in one audited transaction and
 * returns its year. Refused, storing nothing, when a year with the same number exists (a real
 * one, or the sample already loaded), and whenever a row fails the app's checks.
 */
export async function loadSample(data: SampleData, onProgress?: SampleProgress): Promise<WorkYear> {
  const { year } = data;
  if (year.sample !== true) throw new Error('loadSample: the year is not marked as a sample');
  const total = LOAD_ORDER.length + 1;
  return writeTransaction([db.workYears, ...yearTables()], async (w) => {
    const taken = await db.workYears.where('year').equals(year.year).first();
    if (taken?.sample === true) throw new DomainError(`示例数据已经加载（${taken.year}年度），无需重复加载。`);
    if (taken) {
      throw new DomainError(
        `已有${year.year}年度的数据。示例数据使用${year.year}年度，为免与正式数据混在一起，不能加载；如需体验，请在另一台电脑或浏览器中加载。`,
      );
    }
    await w.add(db.workYears, year);
    onProgress?.(1, total);
    for (const [i, name] of LOAD_ORDER.entries()) {
      const table = db.table(name);
      const rows = data[name] as { yearId: string }[];
      if (rows.some((r) => r.yearId !== year.id)) throw new Error(`loadSample: ${name} holds a row of another year`);
      await w.addAll(table, rows, { audit: false }); // audited once per table, below
      await CHECKS[name]?.(year.id, rows as never[]);
      await w.log('create', table, year.id, undefined, summary('加载', year, table, rows.length));
      onProgress?.(i + 2, total);
    }
    return year;
  });
}

/**
 * Removes the sample year `yearId` and every row of it, from every table, in one audited
 * transaction (one entry per table, the year's own entry in full). Refused, storing nothing,
 * for a year that is not a sample. Returns the number of rows removed (the year included).
 */
export async function removeSample(yearId: string, onProgress?: SampleProgress): Promise<number> {
  const tables = yearTables();
  // The month states first: while a month is published the writer refuses to delete its rows.
  tables.sort((a, b) => Number(b.name === db.monthStates.name) - Number(a.name === db.monthStates.name));
  return writeTransaction([db.workYears, ...tables], async (w) => {
    const year = await db.workYears.get(yearId);
    if (!year) throw new DomainError('示例数据不存在（可能已被删除）');
    if (year.sample !== true) throw new DomainError(`${year.year}年度不是示例数据，不能用“删除示例数据”删除`);
    await refuseCarriedOver(year);
    let removed = 0;
    for (const [i, table] of tables.entries()) {
      removed += await removeRows(w, year, table);
      onProgress?.(i + 1, tables.length + 1);
    }
    await w.delete(db.workYears, yearId);
    onProgress?.(tables.length + 1, tables.length + 1);
    return removed + 1;
  });
}

async function removeRows(w: AuditedWriter, year: WorkYear, table: Table): Promise<number> {
  const keys = await table.where('yearId').equals(year.id).primaryKeys();
  if (keys.length === 0) return 0;
  await w.deleteAll(table, keys, { audit: false }); // audited once per table, below
  await w.log('delete', table, year.id, summary('删除', year, table, keys.length), undefined);
  return keys.length;
}

/** Refuses while a task of another year is carried over from a task of the sample year. */
async function refuseCarriedOver(year: WorkYear): Promise<void> {
  const taskIds = (await db.tasks.where('yearId').equals(year.id).primaryKeys()) as string[];
  if (taskIds.length === 0) return;
  const carried = await db.tasks
    .where('carriedOverFrom')
    .anyOf(taskIds)
    .filter((t) => t.yearId !== year.id)
    .toArray();
  if (carried.length === 0) return;
  const other = await db.workYears.get(carried[0]!.yearId);
  throw new DomainError(
    `${other ? `${other.year}年度` : '其他年度'}有${carried.length}项重点工作（如"${carried[0]!.title}"）是从示例数据结转的，删除示例数据后它们将失去来源，因此不能删除。请先删除或重新建立这些重点工作。`,
  );
}
