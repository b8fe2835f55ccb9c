// The 赛马 of a year, month by month, from the year's stored facts (PRODUCT.md §5): the
// proposals of a month (never stored: computed here wherever they are shown), the decisions
// and manual entries put with them, each unit's score, the ranking with its movement, the
// 红黑榜 with the units held off the red list and why, and the 约谈 suggestions. Every screen
// that shows scores reads this, so the board, the lists, the 通报 and the year report agree.
// Pure: today is a parameter; each month is computed once, when first asked for.

import { dueDate, windowMonths } from './calendar';
import { byMonth } from './groupBy';
import type {
  Feedback,
  IsoDate,
  Milestone,
  ProgressReport,
  ScoreEntry,
  ScoreRule,
  Submission,
  Task,
  Unit,
  WorkYear,
} from './model';
import type { ProgressRules } from './progress';
import {
  interviewSuggestions,
  rankGroups,
  redBlackLists,
  type ListSettings,
  type RankedUnit,
  type RedBlackLists,
} from './ranking';
import {
  monthEntries,
  monthScores,
  monthShortfalls,
  proposeEntries,
  shortfallText,
  type MonthEntry,
  type MonthFacts,
  type ProposedEntry,
  type Shortfall,
  type UnitMonthScore,
} from './scoring';

/** What publishing a month freezes beside its facts (stored in the month's snapshot). */
export interface FrozenScoring {
  /** The proposals nobody had decided when the month was published. */
  proposals: ProposedEntry[];
  /** What kept units off the red list. */
  shortfalls: Record<string, Shortfall>;
}

export interface YearFacts {
  year: WorkYear;
  units: readonly Unit[];
  tasks: readonly Task[];
  milestones: readonly Milestone[];
  /** The year's progress reports, every month. */
  reports: readonly ProgressReport[];
  /** The year's progress sheets received, every month. */
  submissions: readonly Submission[];
  feedback: readonly Feedback[];
  /** The year's rule table (effectiveScoreRules). */
  rules: readonly ScoreRule[];
  /** The year's stored score entries (decisions and manual entries). */
  entries: readonly ScoreEntry[];
  /**
   * Published months, with what their latest snapshot froze (undefined for months published
   * before snapshots carried it: their stored entries are shown as they are).
   */
  published: ReadonlyMap<number, FrozenScoring | undefined>;
  progressRules: ProgressRules;
  listSettings: ListSettings;
  today: IsoDate;
}

export interface MonthScoring {
  month: number;
  published: boolean;
  /** The month's entries as shown (monthEntries). Computed when first read. */
  readonly entries: MonthEntry[];
  /** Undecided proposals of the month (not waived by an accepted explanation). Computed when first read. */
  readonly undecided: MonthEntry[];
  scores: UnitMonthScore[];
  /** Ranked within groups; movement only against a previous month with data. */
  ranked: RankedUnit[];
  lists: RedBlackLists;
  shortfalls: ReadonlyMap<string, Shortfall>;
  /** What keeps a unit off the red list, in words ('1项滞后'); undefined when nothing does. */
  shortfallOf(unitId: string): string | undefined;
  /** Units on the black list this month and last: a 约谈 is suggested. */
  suggestions: string[];
  /** Reports or sheets came in, or the month is published. */
  hasData: boolean;
}

export interface Scoreboard {
  /** The units scored (the year's, as read with the rest of the facts). */
  units: readonly Unit[];
  unitById: ReadonlyMap<string, Unit>;
  months: number[];
  month(m: number): MonthScoring;
  /** A unit's score in a month (undefined outside the window). */
  scoreOf(m: number, unitId: string): number | undefined;
}

/** The 赛马 of every month of the year's window, each computed once when first asked for. */
export function scoreboard(facts: YearFacts): Scoreboard {
  const { year, units } = facts;
  const months = windowMonths(year);
  const reports = byMonth(facts.reports);
  const submissions = byMonth(facts.submissions.filter((s) => s.kind === 'progress'));
  const feedback = byMonth(facts.feedback);
  const entries = byMonth(facts.entries);

  // One facts object per month: proposeEntries and monthShortfalls share its index (core/scoring.ts).
  const factsCache = new Map<number, MonthFacts>();
  const monthFacts = (m: number): MonthFacts => {
    let known = factsCache.get(m);
    if (!known) factsCache.set(m, (known = buildMonthFacts(m)));
    return known;
  };
  const buildMonthFacts = (m: number): MonthFacts => ({
    year,
    month: m,
    units,
    tasks: facts.tasks,
    reports: reports.get(m) ?? [],
    previousReports: reports.get(m - 1) ?? [],
    milestones: facts.milestones,
    submissions: submissions.get(m) ?? [],
    feedback: feedback.get(m) ?? [],
    reportDue: dueDate(year, 'report', m),
    today: facts.today,
    rules: facts.rules,
    progressRules: facts.progressRules,
  });
  const hasData = (m: number): boolean =>
    facts.published.has(m) || (reports.get(m)?.length ?? 0) > 0 || (submissions.get(m)?.length ?? 0) > 0;
  const scoresCache = new Map<number, UnitMonthScore[]>();
  const scoresOf = (m: number): UnitMonthScore[] => {
    let s = scoresCache.get(m);
    if (!s) scoresCache.set(m, (s = monthScores(units, entries.get(m) ?? [], facts.rules)));
    return s;
  };
  const scoreMaps = new Map<number, Map<string, number>>();
  const scoreMapOf = (m: number): Map<string, number> => {
    let map = scoreMaps.get(m);
    if (!map) scoreMaps.set(m, (map = new Map(scoresOf(m).map((s) => [s.unitId, s.score]))));
    return map;
  };
  /** The month's ranking and lists (cached: a month's suggestions read last month's black list). */
  const standingCache = new Map<number, Pick<MonthScoring, 'ranked' | 'lists' | 'shortfalls' | 'shortfallOf'>>();
  const standingOf = (m: number) => {
    const known = standingCache.get(m);
    if (known) return known;
    const frozen = facts.published.get(m);
    const shortfalls: ReadonlyMap<string, Shortfall> = frozen
      ? new Map(Object.entries(frozen.shortfalls))
      : monthShortfalls(monthFacts(m));
    const previous = months.includes(m - 1) && hasData(m - 1) ? scoresOf(m - 1) : undefined;
    const ranked = [...rankGroups(scoresOf(m), units, previous).values()].flat();
    const shortfallOf = (unitId: string): string | undefined => {
      const s = shortfalls.get(unitId);
      return s ? shortfallText(s) || undefined : undefined;
    };
    const standing = {
      ranked,
      lists: redBlackLists(ranked, entries.get(m) ?? [], shortfallOf, facts.listSettings),
      shortfalls,
      shortfallOf,
    };
    standingCache.set(m, standing);
    return standing;
  };
  const cache = new Map<number, MonthScoring>();

  const month = (m: number): MonthScoring => {
    const known = cache.get(m);
    if (known) return known;
    const published = facts.published.has(m);
    const frozen = facts.published.get(m);
    const { ranked, lists, shortfalls, shortfallOf } = standingOf(m);
    const blackOf = (k: number): string[] => (months.includes(k) ? standingOf(k).lists.black.map((l) => l.unitId) : []);
    const suggestions = interviewSuggestions(
      new Map([
        [m, blackOf(m)],
        [m - 1, blackOf(m - 1)],
      ]),
      m,
    );
    let shown: MonthEntry[] | undefined;
    const entriesOf = (): MonthEntry[] =>
      (shown ??= monthEntries({
        yearId: year.id,
        month: m,
        units,
        proposals: published ? (frozen?.proposals ?? []) : proposeEntries(monthFacts(m)),
        stored: entries.get(m) ?? [],
        published,
      }));
    const result: MonthScoring = {
      month: m,
      published,
      get entries() {
        return entriesOf();
      },
      get undecided() {
        return entriesOf().filter((e) => !e.decided && e.state === 'proposed');
      },
      scores: scoresOf(m),
      ranked,
      lists,
      shortfalls,
      shortfallOf,
      suggestions,
      hasData: hasData(m),
    };
    cache.set(m, result);
    return result;
  };

  return {
    units,
    unitById: new Map(units.map((u) => [u.id, u])),
    months,
    month,
    scoreOf: (m, unitId) => (months.includes(m) ? scoreMapOf(m).get(unitId) : undefined),
  };
}
