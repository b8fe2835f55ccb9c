// 约谈 records (issue 5, PRODUCT §5): suggested by the rules (two black-list months running),
// recorded by staff with date, attendees, reason, outcome and follow-up. Each write is one
// audited transaction with its checks inside. Interviews do not freeze with their month: an
// interview about May is usually held and recorded after May is published.

import type { Interview } from '../core/model';
import { writeTransaction } from './audit';
import { DomainError } from './errors';
import { newId } from './ids';
import { db } from './schema';
import { checkInterviews, requireYear } from './validate';

export type NewInterview = Omit<Interview, 'id'>;
/** The fields an edit may change (not the year). */
export type InterviewPatch = Partial<Omit<Interview, 'id' | 'yearId'>>;

function trimmed(s: unknown): unknown {
  return typeof s === 'string' ? s.trim() : s;
}

function cleanInterview(input: Interview): Interview {
  return {
    id: input.id,
    yearId: input.yearId,
    month: input.month,
    unitId: input.unitId,
    date: trimmed(input.date) as string,
    attendees: trimmed(input.attendees) as string,
    reason: trimmed(input.reason) as string,
    outcome: trimmed(input.outcome) as string,
    followUp: trimmed(input.followUp) as string,
    suggested: input.suggested,
  };
}

/**
 * Records an interview, audited: a unit of the year, the month it concerns (1–12), the date
 * held ('YYYY-MM-DD', required), the reason (required), attendees, outcome, follow-up (texts,
 * may be empty) and whether the rules suggested it.
 */
export async function addInterview(input: NewInterview): Promise<Interview> {
  return writeTransaction([db.interviews, db.units, db.tasks, db.workYears], async (w) => {
    await requireYear(input.yearId);
    const row = cleanInterview({ ...input, id: newId() });
    await checkInterviews(row.yearId, [row]);
    return w.add(db.interviews, row);
  });
}

/**
 * Changes an interview with the checks of addInterview, audited; fields absent from `patch`
 * (or undefined) are kept. An interview cannot move to another year. Returns the new row.
 */
export async function updateInterview(id: string, patch: InterviewPatch): Promise<Interview> {
  return writeTransaction([db.interviews, db.units, db.tasks], async (w) => {
    const before = await db.interviews.get(id);
    if (!before) throw new DomainError('约谈记录不存在（可能已被删除）');
    const { yearId } = patch as Partial<Interview>;
    if (yearId !== undefined && yearId !== before.yearId) throw new DomainError('不能更改约谈记录所属的工作年度');
    const merged: Interview = { ...before };
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined && key !== 'id') (merged as unknown as Record<string, unknown>)[key] = value;
    const row = cleanInterview(merged);
    await checkInterviews(row.yearId, [row]);
    return w.put(db.interviews, row);
  });
}

/** Deletes an interview record, audited. */
export async function deleteInterview(id: string): Promise<void> {
  await writeTransaction([db.interviews], async (w) => {
    const before = await db.interviews.get(id);
    if (!before) throw new DomainError('约谈记录不存在（可能已被删除）');
    await w.delete(db.interviews, id);
  });
}
