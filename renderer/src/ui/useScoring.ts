import { useMemo } from 'react';
import type { WorkYear } from '../core/model';
import { defaultListSettings, type ListSettings } from '../core/ranking';
import { effectiveScoreRules, undecidedProposals } from '../core/scoring';
import { scoreboard, type FrozenScoring, type MonthScoring, type Scoreboard } from '../core/scoreboard';
import { defaultProgressRules, type ProgressRules } from '../core/progress';
import {
  useLatestSnapshots,
  useMonthStates,
  useScoreRules,
  useSetting,
  useTasks,
  useUnits,
  useYearFeedback,
  useYearMilestones,
  useYearReports,
  useYearScoreEntries,
  useYearSubmissions,
} from '../db';
import { useMonth, type MonthView } from './useMonth';
import { todayInChina } from './today';

/** What a month's published snapshot holds beside its facts (see publishSnapshot). */
interface SnapshotData {
  scoring?: FrozenScoring;
}

/**
 * The year's published months, each with the scoring its snapshot froze (as the scoreboard and
 * the task story take them); undefined while loading.
 */
export function usePublishedMonths(yearId: string): ReadonlyMap<number, FrozenScoring | undefined> | undefined {
  const states = useMonthStates(yearId);
  const snapshots = useLatestSnapshots(yearId);
  return useMemo(() => {
    if (!states || !snapshots) return undefined;
    const frozen = new Map(snapshots.map((s) => [s.month, (s.data as SnapshotData | null)?.scoring]));
    return new Map(states.filter((s) => s.state === 'published').map((s) => [s.month, frozen.get(s.month)] as const));
  }, [states, snapshots]);
}

/**
 * The year's 赛马 (core/scoreboard.ts) from the stored facts, kept in step with them. Reading
 * it writes nothing: proposals are computed, only decisions are stored.
 */
export function useScoreboard(year: WorkYear): Scoreboard | undefined {
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const milestones = useYearMilestones(year.id);
  const reports = useYearReports(year.id);
  const submissions = useYearSubmissions(year.id, 'progress');
  const feedback = useYearFeedback(year.id);
  const storedRules = useScoreRules(year.id);
  const entries = useYearScoreEntries(year.id);
  const published = usePublishedMonths(year.id);
  const progressRules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const listSettings = useSetting<ListSettings>('listSettings') ?? defaultListSettings;
  const today = todayInChina();
  return useMemo(() => {
    if (
      !tasks ||
      !units ||
      !milestones ||
      !reports ||
      !submissions ||
      !feedback ||
      !storedRules ||
      !entries ||
      !published
    )
      return undefined;
    return scoreboard({
      year,
      units,
      tasks,
      milestones,
      reports,
      submissions,
      feedback,
      rules: effectiveScoreRules(year.id, storedRules),
      entries,
      published,
      progressRules,
      listSettings,
      today,
    });
  }, [
    tasks,
    units,
    milestones,
    reports,
    submissions,
    feedback,
    storedRules,
    entries,
    published,
    progressRules,
    listSettings,
    today,
    year,
  ]);
}

/**
 * The 赛马 of one month with the month's view (useMonth): its entries, every month's scores,
 * the ranking, the 红黑榜 and the 约谈 suggestions. Screens read this, so the board, the lists
 * and the 通报 agree.
 */
export function useScoring(year: WorkYear, month: number) {
  const view = useMonth(year, month);
  const board = useScoreboard(year);
  const storedRules = useScoreRules(year.id);
  return useMemo(() => {
    if (!view || !board || !storedRules) return undefined;
    const current = board.month(month);
    return {
      month,
      view,
      board,
      current,
      rules: effectiveScoreRules(year.id, storedRules),
      // The board's units: the scores, lists and suggestions name these (a unit removed meanwhile is in neither).
      unitById: board.unitById,
    };
  }, [view, board, storedRules, year.id, month]);
}

export type Scoring = NonNullable<ReturnType<typeof useScoring>>;

/**
 * What publishing a month stores as its snapshot: the tasks' statuses and lights, the month's
 * facts, and the scoring the month is frozen with (the undecided proposals, what kept units
 * off the red list).
 */
export function publishSnapshot(view: MonthView, scoring: MonthScoring) {
  const frozen: FrozenScoring = {
    proposals: undecidedProposals(scoring.entries),
    shortfalls: Object.fromEntries(scoring.shortfalls),
  };
  return {
    tasks: view.rows.map((r) => ({
      taskId: r.task.id,
      title: r.task.title,
      expected: r.assessment.expected,
      percent: r.assessment.percent,
      status: r.assessment.status,
      light: r.assessment.light,
    })),
    reports: view.reports,
    submissions: view.submissions,
    feedback: view.feedback,
    scoring: frozen,
  };
}
