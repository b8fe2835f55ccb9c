// Publishing a month (PRODUCT §5): the reviewer publishes the month with a snapshot of what was
// computed (statuses, lights, scores, lists); from then on its reports, submissions, feedback,
// milestones and score entries are frozen (freeze.ts). Reopening needs a reason; re-publishing adds a new
// snapshot and keeps the old ones (table rankings, period 'month').

import type { MonthState, RankingSnapshot } from '../core/model';
import { writeTransaction } from './audit';
import { nowIso } from './clock';
import { DomainError } from './errors';
import { monthStateId } from './freeze';
import { newId } from './ids';
import { requireOperator } from './operator';
import { db } from './schema';
import { checkMonth, requireYear } from './validate';

/**
 * Publishes month `month` of a year: its state becomes published (publishedAt, publishedBy =
 * the current operator) and `snapshot` is stored as a new RankingSnapshot, both audited in one
 * transaction. Refused when the month is published already. Returns the snapshot row.
 */
export async function publishMonth(yearId: string, month: number, snapshot: unknown): Promise<RankingSnapshot> {
  const operator = requireOperator();
  checkMonth(month);
  const at = nowIso();
  return writeTransaction(
    [db.monthStates, db.rankings, db.workYears],
    async (w) => {
      await requireYear(yearId);
      const id = monthStateId(yearId, month);
      const before = await db.monthStates.get(id);
      if (before?.state === 'published')
        throw new DomainError(`${month}月已发布；如需重新发布，请先撤销发布并说明原因`);
      // Snapshots are ordered by publishedAt: keep it after the last one even within a millisecond.
      const previous = await db.rankings.where('[yearId+month]').equals([yearId, month]).toArray();
      const last = previous.reduce((max, r) => (r.publishedAt > max ? r.publishedAt : max), '');
      const publishedAt = last < at ? at : new Date(Date.parse(last) + 1).toISOString();
      const state: MonthState = {
        ...(before ?? { id, yearId, month }),
        state: 'published',
        publishedAt,
        publishedBy: operator,
      };
      await w.put(db.monthStates, state);
      return w.add(db.rankings, {
        id: newId(),
        yearId,
        period: 'month',
        month,
        publishedAt,
        publishedBy: operator,
        data: snapshot,
      });
    },
    { operator, at },
  );
}

/**
 * Reopens a published month so that its data can be changed again: the state goes back to
 * open with reopenedAt and the reason (required), audited. The snapshots stay.
 */
export async function reopenMonth(yearId: string, month: number, reason: string): Promise<void> {
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (why === '') throw new DomainError('请填写撤销发布的原因');
  const operator = requireOperator();
  checkMonth(month);
  const at = nowIso();
  await writeTransaction(
    [db.monthStates],
    async (w) => {
      const id = monthStateId(yearId, month);
      const before = await db.monthStates.get(id);
      if (before?.state !== 'published') throw new DomainError(`${month}月尚未发布，无需撤销发布`);
      await w.update(db.monthStates, id, { state: 'open', reopenedAt: at, reopenReason: why });
    },
    { operator, at },
  );
}
