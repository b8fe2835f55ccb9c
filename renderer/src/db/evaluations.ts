// 第三方评估 (issue 7): the year's evaluations as read by the screens, and the one change staff
// make by hand — accepting a small sample so that it counts in the composite (or withdrawing
// that). Evaluations themselves come in through imports (imports.ts), one batch at a time,
// undoable as a batch; an acceptance made since stops the undo, like any later edit.

import { useLiveQuery } from 'dexie-react-hooks';
import type { Evaluation } from '../core/model';
import { writeTransaction } from './audit';
import { nowIso } from './clock';
import { DomainError } from './errors';
import { requireOperator } from './operator';
import { db } from './schema';
import { checkEvaluations } from './validate';

/** The evaluations of a year, by source file and row, then id; none without a year. */
export async function listEvaluations(yearId: string | undefined): Promise<Evaluation[]> {
  if (yearId === undefined) return [];
  const rows = await db.evaluations.where('yearId').equals(yearId).toArray();
  return rows.sort(
    (a, b) =>
      (a.sourceFile ?? '').localeCompare(b.sourceFile ?? '', 'zh') ||
      (a.sourceRow ?? 0) - (b.sourceRow ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The evaluations of a year, live ([] without a year). */
export function useEvaluations(yearId: string | undefined): Evaluation[] | undefined {
  return useLiveQuery(() => listEvaluations(yearId), [yearId]);
}

/**
 * Accepts (true) a flagged evaluation's sample — it then counts in the composite — or withdraws
 * the acceptance (false). Audited, with the operator and time recorded on the row.
 */
export async function setSampleAccepted(id: string, accepted: boolean): Promise<Evaluation> {
  const operator = requireOperator();
  const at = nowIso();
  return writeTransaction(
    [db.evaluations, db.units, db.tasks],
    async (w) => {
      const before = await db.evaluations.get(id);
      if (!before) throw new DomainError('评估结果不存在（可能已被撤销导入）');
      const row: Evaluation = { ...before };
      if (accepted) {
        row.sampleAcceptedBy = operator;
        row.sampleAcceptedAt = at;
      } else {
        delete row.sampleAcceptedBy;
        delete row.sampleAcceptedAt;
      }
      await checkEvaluations(row.yearId, [row]);
      return w.put(db.evaluations, row);
    },
    { operator, at },
  );
}
