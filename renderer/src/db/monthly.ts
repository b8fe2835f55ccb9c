// The monthly cycle's writes made in the app (issue 4): a task's monthly plan edited on the
// task page, the real received date of a unit's sheet, and the office's review (督查反馈).
// Each runs in one audited transaction with its checks inside; rows of a published month are
// refused by the writer (freeze.ts). Imports of plans and reports go through imports.ts.

import type { Feedback, IsoDate, Milestone, Verdict } from '../core/model';
import { writeTransaction, type AuditedWriter } from './audit';
import { chinaToday } from './clock';
import { deepEqual } from './equal';
import { DomainError } from './errors';
import { newId } from './ids';
import { requireOperator } from './operator';
import { db } from './schema';
import { isIsoDate } from '../core/dates';
import { checkFeedback, checkMilestones, checkMonth, requireYear } from './validate';

// ---------------------------------------------------------------- monthly plan (月方案)

/** One month of a task's plan: the milestone text and the planned cumulative percent. */
export interface PlanMonth {
  month: number;
  text: string;
  plannedPercent: number;
}

/**
 * Replaces a task's monthly plan in one audited transaction: a month in `months` and stored
 * is updated (written only if it changed), a new month is added, a stored month missing from
 * `months` is deleted. Checks: months inside the year's work window, each once, percents
 * 0–100 that never decrease from month to month (see checkMilestones). Refused, storing
 * nothing, when a month it would change is published.
 */
export async function setTaskPlan(taskId: string, months: readonly PlanMonth[]): Promise<void> {
  const seen = new Set<number>();
  for (const m of months) {
    if (seen.has(m.month)) throw new DomainError(`月方案中${m.month}月出现了不止一次`);
    seen.add(m.month);
  }
  const clean = months
    .map((m) => ({
      month: m.month,
      text: typeof m.text === 'string' ? m.text.trim() : m.text,
      plannedPercent: m.plannedPercent,
    }))
    .sort((a, b) => a.month - b.month);
  await writeTransaction([db.milestones, db.tasks, db.units, db.workYears], async (w) => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new DomainError('重点工作不存在（可能已被删除）');
    const stored = new Map((await db.milestones.where('taskId').equals(taskId).toArray()).map((m) => [m.month, m]));
    const written: Milestone[] = [];
    for (const m of clean) {
      const before = stored.get(m.month);
      if (before) {
        stored.delete(m.month);
        written.push(await w.update(db.milestones, before.id, { text: m.text, plannedPercent: m.plannedPercent }));
      } else {
        written.push(await w.add(db.milestones, { id: newId(), taskId, yearId: task.yearId, ...m }));
      }
    }
    await w.deleteAll(
      db.milestones,
      [...stored.values()].map((m) => m.id),
    );
    await checkMilestones(task.yearId, written);
  });
}

// ---------------------------------------------------------------- received date

/**
 * Sets the real date a unit's sheet was received (e.g. the e-mail came on the 24th) with the
 * reason, on the submission and on that unit's progress reports of that month, in one
 * audited transaction. The reason is required.
 */
export async function setReceivedDate(submissionId: string, date: IsoDate, reason: string): Promise<void> {
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (why === '') throw new DomainError('请填写更改收到日期的原因');
  if (!isIsoDate(date)) throw new DomainError('收到日期应为有效日期（YYYY-MM-DD）');
  await writeTransaction([db.submissions, db.reports], async (w) => {
    const submission = await db.submissions.get(submissionId);
    if (!submission) throw new DomainError('报送记录不存在（可能已被删除）');
    const patch = { receivedDate: date, receivedDateReason: why };
    await w.update(db.submissions, submissionId, patch);
    if (submission.kind !== 'progress') return;
    const reports = await db.reports
      .where('[unitId+yearId+month]')
      .equals([submission.unitId, submission.yearId, submission.month])
      .toArray();
    for (const report of reports) await w.update(db.reports, report.id, patch);
  });
}

// ---------------------------------------------------------------- review (督查反馈)

export interface FeedbackInput {
  yearId: string;
  month: number;
  taskId: string;
  unitId: string;
  /** 核查结论; absent: none (clears a stored one). */
  verdict?: Verdict;
  comment: string;
  /** Whether the unit's explanation is accepted; absent: not decided (clears a stored decision). */
  explanationAccepted?: boolean;
  /** The review date (default: today in China). */
  date?: IsoDate;
}

/** Which review: one unit's report on one task for a month. */
export type FeedbackKey = Pick<FeedbackInput, 'yearId' | 'month' | 'taskId' | 'unitId'>;

/** A change of some fields of a review; null clears a verdict or a decision. */
export interface FeedbackPatch {
  verdict?: Verdict | null;
  comment?: string;
  explanationAccepted?: boolean | null;
}

/**
 * Saves the office's review of one unit's report on one task for a month: creates it, or
 * replaces the stored one for the same year, month, task and unit (the input is the whole
 * review: an absent verdict or decision clears it). The reviewer is the current operator and
 * the date today (or `date`); a save that changes neither verdict, comment nor decision writes
 * nothing and keeps the stored reviewer and date. Audited; refused while the month is
 * published.
 */
export function saveFeedback(input: FeedbackInput): Promise<Feedback> {
  const { verdict, comment, explanationAccepted } = input;
  return writeFeedback(input, () => ({ verdict, comment, explanationAccepted }), input.date);
}

/**
 * Changes some fields of a review (typing in 反馈意见, choosing a verdict), merged with the stored
 * review inside the transaction, so that a comment saved as it is typed never undoes a verdict
 * chosen meanwhile. Otherwise as saveFeedback.
 */
export function updateFeedback(key: FeedbackKey, patch: FeedbackPatch): Promise<Feedback> {
  return writeFeedback(key, (stored) => ({
    verdict: patch.verdict === undefined ? stored?.verdict : (patch.verdict ?? undefined),
    comment: patch.comment ?? stored?.comment ?? '',
    explanationAccepted:
      patch.explanationAccepted === undefined ? stored?.explanationAccepted : (patch.explanationAccepted ?? undefined),
  }));
}

async function writeFeedback(
  key: FeedbackKey,
  fieldsOf: (stored: Feedback | undefined) => Pick<FeedbackInput, 'verdict' | 'comment' | 'explanationAccepted'>,
  date?: IsoDate,
): Promise<Feedback> {
  const reviewer = requireOperator();
  const month = checkMonth(key.month);
  const day = reviewDate(date);
  return writeTransaction([db.feedback, db.tasks, db.units, db.workYears], async (w) => {
    await requireYear(key.yearId);
    return (await putFeedback(w, { ...key, month }, fieldsOf, reviewer, day)).feedback;
  });
}

/**
 * 全部属实: gives every report in `keys` that has no verdict yet the verdict `verdict`, keeping its
 * comment and decision, in one audited transaction; a report already judged (perhaps meanwhile,
 * on another screen) keeps its verdict. Returns how many were written. Refused while the month
 * is published.
 */
export async function setMissingVerdicts(
  yearId: string,
  month: number,
  keys: readonly Pick<FeedbackKey, 'taskId' | 'unitId'>[],
  verdict: Verdict,
): Promise<number> {
  const reviewer = requireOperator();
  checkMonth(month);
  const day = reviewDate();
  return writeTransaction([db.feedback, db.tasks, db.units, db.workYears], async (w) => {
    await requireYear(yearId);
    let written = 0;
    for (const { taskId, unitId } of keys) {
      const { changed } = await putFeedback(
        w,
        { yearId, month, taskId, unitId },
        (stored) => ({
          verdict: stored?.verdict ?? verdict,
          comment: stored?.comment ?? '',
          explanationAccepted: stored?.explanationAccepted,
        }),
        reviewer,
        day,
      );
      if (changed) written += 1;
    }
    return written;
  });
}

function reviewDate(date?: IsoDate): IsoDate {
  const day = date ?? chinaToday();
  if (!isIsoDate(day)) throw new DomainError('督查反馈的日期应为有效日期（YYYY-MM-DD）');
  return day;
}

/** Writes one review inside a transaction (see saveFeedback); unchanged, it writes nothing. */
async function putFeedback(
  w: AuditedWriter,
  key: FeedbackKey,
  fieldsOf: (stored: Feedback | undefined) => Pick<FeedbackInput, 'verdict' | 'comment' | 'explanationAccepted'>,
  reviewer: string,
  day: IsoDate,
): Promise<{ feedback: Feedback; changed: boolean }> {
  const { yearId, month, taskId, unitId } = key;
  const stored = await db.feedback
    .where('[unitId+yearId+month]')
    .equals([unitId, yearId, month])
    .filter((f) => f.taskId === taskId)
    .first();
  const fields = fieldsOf(stored);
  const row: Feedback = {
    id: stored?.id ?? newId(),
    yearId,
    month,
    taskId,
    unitId,
    comment: typeof fields.comment === 'string' ? fields.comment.trim() : fields.comment,
    reviewer,
    date: day,
  };
  if (fields.verdict !== undefined) row.verdict = fields.verdict;
  if (fields.explanationAccepted !== undefined) row.explanationAccepted = fields.explanationAccepted;
  if (stored && deepEqual({ ...stored, reviewer, date: day }, row)) return { feedback: stored, changed: false };
  await checkFeedback(yearId, [row]);
  return { feedback: await w.put(db.feedback, row), changed: true };
}
