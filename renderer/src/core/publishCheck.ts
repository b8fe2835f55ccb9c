// What is still open in a month when someone moves to publish it (PRODUCT.md §5: publishing
// freezes the month). Pure: the month's facts in, counts out.

import type { Feedback, ProgressReport } from './model';

export interface OpenItems {
  /** Reports without a 核查结论. */
  unchecked: number;
  /** Units that owe a sheet and sent none (no sheet and no report). */
  silentUnits: number;
  /** Automatic 加扣分 proposals nobody has confirmed or waived. */
  undecided: number;
  /** 滞后原因说明 given in a report and neither accepted nor refused in the review. */
  unanswered: number;
}

export function openItems(input: {
  reports: readonly ProgressReport[];
  feedback: readonly Feedback[];
  /** Units owing a sheet this month. */
  owingUnitIds: Iterable<string>;
  /** Units whose sheet came in. */
  submittedUnitIds: Iterable<string>;
  undecided: number;
}): OpenItems {
  const review = new Map(input.feedback.map((f) => [`${f.taskId}\u0000${f.unitId}`, f]));
  const reviewOf = (r: ProgressReport) => review.get(`${r.taskId}\u0000${r.unitId}`);
  const heard = new Set([...input.submittedUnitIds, ...input.reports.map((r) => r.unitId)]);
  return {
    unchecked: input.reports.filter((r) => !reviewOf(r)?.verdict).length,
    silentUnits: [...new Set(input.owingUnitIds)].filter((id) => !heard.has(id)).length,
    undecided: input.undecided,
    unanswered: input.reports.filter(
      (r) => (r.delayExplanation ?? '').trim() !== '' && reviewOf(r)?.explanationAccepted === undefined,
    ).length,
  };
}

export function hasOpenItems(items: OpenItems): boolean {
  return items.unchecked + items.silentUnits + items.undecided + items.unanswered > 0;
}
