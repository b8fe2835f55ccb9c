// Publishing across PCs (issue 16): publishMonth writes, in its transaction, a "seal" revision
// of every record of the month that freezes with it — same content, `seal` set — as a child of
// the revision each row shows. An edit made on another PC from the revision before the seal
// is then a genuine CouchDB conflict with it, and every PC shows the sealed version (apply.ts).
// An edit the publishing PC had already received is sealed too: no conflict.
import { db } from '../schema';
import { FROZEN_TABLES } from '../freeze';
import { recordChanges } from './record';
import { primaryKeyOf } from './ids';

/** Writes the seal revisions of month `month` (inside publishMonth's transaction; nothing while sync is off). */
export async function sealMonth(yearId: string, month: number, seal: string, by: string, at: string): Promise<void> {
  for (const name of FROZEN_TABLES) {
    const table = db.table(name);
    const rows =
      name === 'submissions'
        ? await table
            .where('yearId')
            .equals(yearId)
            .filter((r: { month?: unknown }) => r.month === month)
            .toArray()
        : await table.where('[yearId+month]').equals([yearId, month]).toArray();
    if (rows.length === 0) continue;
    await recordChanges(
      table,
      rows.map((row) => ({ key: primaryKeyOf(table, row), before: row, after: row })),
      by,
      at,
      seal,
    );
  }
}

/** The tables sealMonth reads: publishMonth's transaction must include them. */
export function sealedTables() {
  return FROZEN_TABLES.map((name) => db.table(name));
}
