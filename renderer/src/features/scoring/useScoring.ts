import { useEffect, useMemo } from 'react';
import type { ScoreEntry, Unit, WorkYear } from '../../core/model';
import {
  defaultListSettings,
  interviewSuggestions,
  rankGroups,
  redBlackLists,
  type ListSettings,
  type RankedUnit,
  type RedBlackLists,
} from '../../core/ranking';
import {
  defaultScoreRules,
  explanationWaiverNote,
  monthScores,
  proposeEntries,
  type ProposedEntry,
} from '../../core/scoring';
import { defaultProgressRules, type ProgressRules } from '../../core/progress';
import {
  ensureScoreRules,
  syncProposedEntries,
  useReports,
  useScoreRules,
  useSetting,
  useYearScoreEntries,
  useYearMilestones,
} from '../../db';
import { useMonth } from '../cycle/useMonth';
import { windowMonths } from '../../core/calendar';

// A unit without a sheet cannot show its tasks are on schedule: a missing sheet keeps it off the red list too.
const BEHIND_RULES = new Set(['behind', 'behind_unexplained', 'behind_twice', 'missing']);

/** Scores of every unit for every month of the window, from the confirmed entries. */
function scoresByMonth(year: WorkYear, units: Unit[], entries: ScoreEntry[], rules: Parameters<typeof monthScores>[2]) {
  return new Map(
    windowMonths(year).map((m) => [
      m,
      monthScores(
        units,
        entries.filter((e) => e.month === m),
        rules,
      ),
    ]),
  );
}

/**
 * The 赛马 of one month: the entries the facts propose (kept in step with the store while the
 * month is open), every month's scores, the ranking with its movement, the 红黑榜 and the 约谈
 * suggestions. Screens read this, so the board, the lists and the 通报 agree.
 */
export function useScoring(year: WorkYear, month: number) {
  const view = useMonth(year, month);
  const previousReports = useReports(year.id, month - 1);
  const milestones = useYearMilestones(year.id);
  const rules = useScoreRules(year.id);
  const entries = useYearScoreEntries(year.id);
  const progressRules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const listSettings = useSetting<ListSettings>('listSettings') ?? defaultListSettings;

  useEffect(() => {
    if (rules && rules.length === 0) void ensureScoreRules(year.id, defaultScoreRules);
  }, [rules, year.id]);

  const proposals = useMemo<ProposedEntry[] | undefined>(() => {
    if (!view || !previousReports || !milestones || !rules || rules.length === 0) return undefined;
    return proposeEntries({
      year,
      month,
      units: view.units,
      tasks: view.rows.map((r) => r.task),
      reports: view.reports,
      previousReports,
      milestones,
      submissions: view.submissions,
      feedback: view.feedback,
      reportDue: view.reportDue,
      today: view.today,
      rules,
      progressRules,
    });
  }, [view, previousReports, milestones, rules, progressRules, year, month]);

  // Keep the stored proposals in step with the facts while the month is open; the store keeps
  // every decision already taken (see syncProposedEntries).
  const published = view?.published;
  const signature = proposals ? JSON.stringify(proposals) : undefined;
  useEffect(() => {
    if (!proposals || published !== false) return;
    void syncProposedEntries(
      year.id,
      month,
      proposals.map((p) => ({ ...p, waiveNote: p.waivedByExplanation ? explanationWaiverNote : undefined })),
    ).catch(() => undefined); // a refusal (e.g. published meanwhile) leaves the stored entries as they are
  }, [signature, published, year.id, month]);

  return useMemo(() => {
    if (!view || !rules || !entries) return undefined;
    const units = view.units;
    const byMonth = scoresByMonth(year, units, entries, rules);
    const monthEntries = entries.filter((e) => e.month === month);
    const hasBehind = (m: number) => (unitId: string) =>
      entries.some((e) => e.month === m && e.unitId === unitId && BEHIND_RULES.has(e.ruleId));
    const rankedOf = (m: number): RankedUnit[] =>
      [...rankGroups(byMonth.get(m) ?? [], units, byMonth.get(m - 1)).values()].flat();
    const listsOf = (m: number): RedBlackLists =>
      redBlackLists(
        rankedOf(m),
        entries.filter((e) => e.month === m),
        hasBehind(m),
        listSettings,
      );
    const lists = listsOf(month);
    const previousLists = byMonth.has(month - 1) ? listsOf(month - 1) : { red: [], black: [] };
    const suggestions = interviewSuggestions(
      new Map([
        [month, lists.black.map((l) => l.unitId)],
        [month - 1, previousLists.black.map((l) => l.unitId)],
      ]),
      month,
    );
    return {
      month,
      listsOf,
      hasBehind,
      view,
      rules,
      entries: monthEntries,
      allEntries: entries,
      byMonth,
      ranked: rankedOf(month),
      lists,
      suggestions,
      unitById: view.unitById,
    };
  }, [view, rules, entries, year, month, listSettings]);
}

export type Scoring = NonNullable<ReturnType<typeof useScoring>>;
