import { useMemo } from 'react';
import type { Task, WorkYear } from '../../core/model';
import { defaultProgressRules, type ProgressRules } from '../../core/progress';
import {
  lastMonthOf,
  reviewDrafts,
  reviewFacts,
  type ReviewFacts,
  type ReviewNames,
  type ReviewTexts,
} from '../../core/review';
import { useLeaders, useMilestones, useSetting, useTaskRecord, useUnits } from '../../db';
import { todayInChina } from '../../ui/today';

export interface ReviewData {
  facts: ReviewFacts;
  names: ReviewNames;
  /** The texts the steps start from, made from the data. */
  drafts: ReviewTexts;
  today: string;
}

/** What a task's 复盘 looks back on, from the stored facts by the pure rules (core/review.ts). */
export function useReviewData(year: WorkYear, task: Task): ReviewData | undefined {
  const units = useUnits(year.id);
  const leaders = useLeaders(year.id);
  const milestones = useMilestones(task.id);
  const record = useTaskRecord(year.id, task.id, task.leadUnitId);
  const rules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const today = todayInChina();
  return useMemo(() => {
    if (!units || !leaders || !milestones || !record) return undefined;
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
    const names: ReviewNames = {
      leaders: task.leaderIds.map((id) => leaderName.get(id) ?? '').filter(Boolean),
      leadUnit: task.leadUnitId ? unitName.get(task.leadUnitId) : undefined,
      coUnits: task.coUnitIds.map((id) => unitName.get(id) ?? '').filter(Boolean),
      unitName: (id) => unitName.get(id) ?? '',
    };
    const facts = reviewFacts({
      task,
      workWindow: year,
      milestones,
      reports: record.reports,
      feedback: record.feedback,
      evaluations: record.evaluations,
      lastMonth: lastMonthOf(year, today),
      rules,
    });
    return { facts, names, drafts: reviewDrafts(task, facts, names, year.year), today };
  }, [units, leaders, milestones, record, rules, today, task, year]);
}
