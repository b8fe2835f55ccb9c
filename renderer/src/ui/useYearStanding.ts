import { useMemo } from 'react';
import {
  compositeScores,
  compositeShares,
  countsInComposite,
  EVALUATION_SETTINGS_KEY,
  evaluationSettingsOf,
  unitEvaluations,
  type CompositeParts,
  type EvaluationSettings,
  type UnitEvaluation,
} from '../core/evaluation';
import type { Evaluation, Task, Unit, WorkYear } from '../core/model';
import {
  defaultListSettings,
  rankGroups,
  redBlackLists,
  type ListSettings,
  type RankedUnit,
  type RedBlackLists,
} from '../core/ranking';
import { defaultCompositeWeights, periodScore, type CompositeWeights } from '../core/scoring';
import { windowMonths } from '../core/calendar';
import { useEvaluations, useSetting, useTasks } from '../db';
import type { Scoring } from './useScoring';

export interface EvaluationData {
  evaluations: Evaluation[];
  tasks: Task[];
  settings: EvaluationSettings;
  weights: CompositeWeights;
  /** Each evaluated unit's score and parts (core/evaluation.ts unitEvaluations). */
  byUnit: Map<string, UnitEvaluation>;
  /** Flagged rows not yet accepted: shown, not counted. */
  pending: Evaluation[];
}

/** The year's evaluations with the office's settings, and every unit's evaluation score. */
export function useEvaluationData(year: WorkYear): EvaluationData | undefined {
  const evaluations = useEvaluations(year.id);
  const tasks = useTasks(year.id);
  const stored = useSetting<Partial<EvaluationSettings>>(EVALUATION_SETTINGS_KEY);
  const weights = useSetting<CompositeWeights>('compositeWeights') ?? defaultCompositeWeights;
  return useMemo(() => {
    if (!evaluations || !tasks) return undefined;
    const settings = evaluationSettingsOf(stored);
    return {
      evaluations,
      tasks,
      settings,
      weights,
      byUnit: unitEvaluations(evaluations, tasks, settings),
      pending: evaluations.filter((e) => !countsInComposite(e, settings)),
    };
  }, [evaluations, tasks, stored, weights]);
}

export interface YearStanding {
  /** The window months up to the chosen one: the process score is their mean. */
  months: number[];
  parts: Map<string, CompositeParts>;
  groups: Map<string, RankedUnit[]>;
  ranked: RankedUnit[];
  lists: RedBlackLists;
  shares: { process: number; evaluation: number };
  /** Units ranked without an evaluation score, in groups where another unit has one. */
  unevaluated: Unit[];
}

/** Each unit's mean monthly score over `months` (scoring.ts periodScore). */
function processScores(
  scoring: Scoring,
  units: readonly Unit[],
  months: readonly number[],
): { unitId: string; score: number }[] {
  return units.flatMap((u) => {
    const monthly = months.flatMap((m) => {
      const score = scoring.board.scoreOf(m, u.id);
      return score === undefined ? [] : [{ month: m, score }];
    });
    const score = periodScore(monthly, months);
    return score === undefined ? [] : [{ unitId: u.id, score }];
  });
}

/**
 * The year's standing up to `month`: the composite of every unit (process × (1 − w) +
 * evaluation × w), ranked within groups with the movement against the standing a month
 * earlier, and the year's 红黑榜 (held off the red list: a shortfall in the chosen month).
 */
export function yearStanding(
  scoring: Scoring,
  year: WorkYear,
  month: number,
  data: EvaluationData,
  listSettings: ListSettings = defaultListSettings,
): YearStanding {
  const units = [...scoring.unitById.values()];
  const months = windowMonths(year).filter((m) => m <= month);
  const compositeOver = (ms: number[]) => compositeScores(processScores(scoring, units, ms), data.byUnit, data.weights);
  const current = compositeOver(months);
  // Movement only against a standing with data (reports received or a month published).
  const before = months.slice(0, -1);
  const previous = before.some((m) => scoring.board.month(m).hasData) ? compositeOver(before) : undefined;
  const groups = rankGroups(current, units, previous);
  const ranked = [...groups.values()].flat();
  const confirmed = months.flatMap((m) => scoring.board.month(m).entries);
  const lists = redBlackLists(ranked, confirmed, scoring.board.month(month).shortfallOf, listSettings);
  const parts = new Map(current.map((p) => [p.unitId, p]));
  const unevaluated: Unit[] = [];
  for (const list of groups.values()) {
    if (!list.some((r) => parts.get(r.unitId)?.evaluation !== undefined)) continue;
    for (const r of list)
      if (parts.get(r.unitId)?.evaluation === undefined) unevaluated.push(scoring.unitById.get(r.unitId)!);
  }
  return { months, parts, groups, ranked, lists, shares: compositeShares(data.weights), unevaluated };
}

/** yearStanding, kept in step with the data. */
export function useYearStanding(
  scoring: Scoring | undefined,
  year: WorkYear,
  month: number,
  enabled = true,
): { standing?: YearStanding; data?: EvaluationData } {
  const data = useEvaluationData(year);
  const listSettings = useSetting<ListSettings>('listSettings') ?? defaultListSettings;
  const standing = useMemo(
    () => (enabled && scoring && data ? yearStanding(scoring, year, month, data, listSettings) : undefined),
    [enabled, scoring, data, year, month, listSettings],
  );
  return { standing, data };
}
