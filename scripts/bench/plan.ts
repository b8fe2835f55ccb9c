// The commit step of benchmark (a), shared by Node (fake-indexeddb, node-import.ts) and
// Chromium (browser/main.ts): the year, unit and tasks an import needs (set up untimed), the
// plan the progress import's preview builds (the app's own progressChangeset), and a split of
// what commitImport spends its time on.
import type { ProgressResult } from '../../renderer/src/core/import/progress';
import { progressChangeset } from '../../renderer/src/core/import/progressChangeset';
import type { ProgressReport, Task, Unit } from '../../renderer/src/core/model';
import { defaultCalendarSettings } from '../../renderer/src/core/calendarSettings';
import { addUnit, createWorkYear, db, setOperator, type ImportChangeset } from '../../renderer/src/db';
import { BENCH_MONTH, BENCH_YEAR } from './constants';

export interface Fixture {
  yearId: string;
  unit: Unit;
  tasks: Task[];
}

/** The tasks of the benchmark's year, shaped like model.ts Task, led by `unitId`. */
export function fixtureTasks(
  generated: readonly { id: string; title: string }[],
  yearId: string,
  unitId: string,
): Task[] {
  return generated.map((t, i) => ({
    id: t.id,
    yearId,
    code: String(i + 1),
    title: t.title,
    measures: [],
    targets: [],
    leaderIds: [],
    leadUnitId: unitId,
    coUnitIds: [],
    responsiblePerson: '',
    dueDate: `${BENCH_YEAR}-11-30`,
  }));
}

/** The year, the unit and the tasks a progress import needs (not timed). */
export async function setUpFixture(
  unitName: string,
  generated: readonly { id: string; title: string }[],
): Promise<Fixture> {
  setOperator('基准测试');
  const year = await createWorkYear({
    title: '',
    ...defaultCalendarSettings(BENCH_YEAR),
  });
  const unit = await addUnit({
    yearId: year.id,
    name: unitName,
    kind: 'department',
    rankingGroup: '',
    aliases: [],
    contactPerson: '',
    phone: '',
  });
  const tasks = fixtureTasks(generated, year.id, unit.id);
  await db.tasks.bulkAdd(tasks);
  return { yearId: year.id, unit, tasks };
}

/** What the progress import screen hands to commitImport for one mapped file (nothing stored yet for the month). */
export function importPlan(
  fx: Fixture,
  file: { name: string; sha256: string },
  mapped: ProgressResult,
): ImportChangeset {
  const plan = progressChangeset(
    [
      {
        file: file.name,
        sheet: mapped.sheet,
        rows: mapped.rows,
        unitWritten: mapped.unit,
        unitId: mapped.meta?.unitId,
      },
    ],
    { yearId: fx.yearId, month: BENCH_MONTH, tasks: fx.tasks, units: [fx.unit], reports: [], submissions: [] },
    {},
    `${BENCH_YEAR}-05-25`,
    () => crypto.randomUUID(),
  );
  const errors = plan.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`the plan has errors: ${errors[0]?.message}`);
  return {
    yearId: fx.yearId,
    kind: 'progress',
    files: [file],
    creates: plan.creates,
    updates: plan.updates,
    unchanged: plan.unchanged,
  };
}

/** How many `reports` rows a plan creates. */
export const reportCount = (plan: ImportChangeset) => plan.creates.filter((c) => c.table === 'reports').length;

const IMPORT_WRITTEN = ['reports', 'submissions', 'audit', 'importBatches'];

/** Removes what an import wrote (reports, submissions, audit entries, the batch), so each run starts alike. */
export async function clearImport(): Promise<void> {
  for (const name of IMPORT_WRITTEN) if (db.tables.some((t) => t.name === name)) await db.table(name).clear();
}

type CheckStoredRows = (tableName: string, yearId: string, rows: readonly unknown[]) => Promise<void>;

/** db/validate.ts's checkStoredRows, if it is still there under that name (only for the split). */
async function storedRowsCheck(): Promise<CheckStoredRows | undefined> {
  try {
    const validate = (await import('../../renderer/src/db/validate')) as { checkStoredRows?: CheckStoredRows };
    return typeof validate.checkStoredRows === 'function' ? validate.checkStoredRows : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What commitImport does for a plan of new reports, piece by piece, each alone in a transaction
 * of its own (plain Dexie calls, no audited writer): the id check, the three writes of every
 * row (the row, its audit entry, the batch's `changes`), and the checks of the written rows
 * (validate.ts). `gc` runs before each piece (Node: global.gc).
 */
export async function commitParts(plan: ImportChangeset, gc: () => void = () => {}): Promise<Record<string, number>> {
  const rows = plan.creates.filter((c) => c.table === 'reports').map((c) => c.row as unknown as ProgressReport);
  const at = new Date().toISOString();
  const parts: Record<string, number> = {};
  const time = async (label: string, work: () => Promise<unknown>, prepare?: () => Promise<unknown>) => {
    await clearImport();
    await prepare?.();
    gc();
    const t = performance.now();
    await work();
    parts[label] = performance.now() - t;
  };
  await time('reports.bulkGet (id check)', () =>
    db.transaction('r', db.reports, () => db.reports.bulkGet(rows.map((r) => r.id))),
  );
  await time('reports.bulkAdd', () => db.transaction('rw', db.reports, () => db.reports.bulkAdd(rows)));
  await time('audit.bulkAdd (an entry per row)', () =>
    db.transaction('rw', db.audit, () =>
      db.audit.bulkAdd(
        rows.map((r) => ({
          at,
          operator: '基准测试',
          action: 'create' as const,
          entity: 'reports',
          entityId: r.id,
          after: r,
        })),
      ),
    ),
  );
  await time('importBatches.add + its audit entry (changes of every row, twice)', () =>
    db.transaction('rw', [db.importBatches, db.audit], async () => {
      const batch = {
        id: crypto.randomUUID(),
        yearId: plan.yearId,
        kind: plan.kind,
        files: plan.files,
        importedAt: at,
        operator: '基准测试',
        counts: { created: rows.length, updated: 0, unchanged: 0 },
        changes: rows.map((r) => ({ table: 'reports', id: r.id, after: r })),
        undone: false,
      };
      await db.importBatches.add(batch);
      await db.audit.add({
        at,
        operator: '基准测试',
        action: 'create',
        entity: 'importBatches',
        entityId: batch.id,
        after: batch,
      });
    }),
  );
  const check = await storedRowsCheck();
  if (check) {
    await time(
      'checks of the written reports (validate.ts checkStoredRows)',
      () => db.transaction('r', db.tables, () => check('reports', plan.yearId, rows)),
      () => db.reports.bulkAdd(rows),
    );
  }
  await clearImport();
  return parts;
}
