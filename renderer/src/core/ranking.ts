// 赛马排名 and 红黑榜 (PRODUCT.md §5, issue 5). Pure: scores in, ranks and lists out.
//
// - Units are ranked within their ranking group only (departments never against towns).
// - Ties share a rank, standard competition ranking: 1, 2, 2, 4. Scores are compared rounded to
//   2 decimals. Order within a rank: the unit's sortOrder, then its name.
// - Red list (红榜) and black list (黑榜) per group, by ListSettings.mode:
//     red   rank:      rank ≤ redTop                          and no behind task
//           threshold: score ≥ redMinScore                    and no behind task
//           both:      rank ≤ redTop and score ≥ redMinScore  and no behind task   (default)
//     black rank:      among the bottom blackBottom
//           threshold: score < blackBelow
//           both:      either of the two (the union)                                (default)
//   Ties at a cut-off are all included: top 3 of 98, 97, 96, 96 is four units (rank ≤ 3), the
//   bottom 3 of 90, 80, 80, 70 is 80, 80, 70 and so are the bottom 2. "Bottom N" counts
//   from the end: a unit is in it when fewer than N units of its group score lower. A unit
//   tied for first place is never on the black list by rank alone (a group where everyone
//   scores the same has no bottom).
//   Never both lists: a unit that would be on both (a small group where the top N and the
//   bottom N overlap, or red by rank only) goes on the red list if its score is at least
//   redMinScore, otherwise on the black list.
// - Two black-list months running → a 约谈 suggestion.

import { defaultGroupForKind, type ScoreEntryState, type Unit } from './model';
import { round2 } from './scoring';

export interface RankedUnit {
  unitId: string;
  group: string;
  score: number;
  /** 1, 2, 2, 4 within the group. */
  rank: number;
  /** The unit's rank last period within the same group (by the previous scores); absent when it had no score then. */
  previousRank?: number;
  /** previousRank − rank: positive = up by that many places, negative = down. */
  movement?: number;
}

export type RankableUnit = Pick<Unit, 'id' | 'name' | 'kind' | 'rankingGroup' | 'sortOrder'>;

/** The unit's ranking group: its rankingGroup, or the default of its kind when that is blank. */
export function groupOf(unit: Pick<Unit, 'kind' | 'rankingGroup'>): string {
  const g = typeof unit.rankingGroup === 'string' ? unit.rankingGroup.trim() : '';
  return g || defaultGroupForKind[unit.kind] || '其他';
}

interface Scored {
  unit: RankableUnit;
  score: number;
  key: number;
}

/** Competition ranks of units already sorted by score desc: 1, 2, 2, 4. */
function competitionRanks(sorted: readonly { key: number }[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    ranks.push(i > 0 && prev !== undefined && prev.key === s.key ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}

const collator = new Intl.Collator('zh');

function sortScored(list: Scored[]): Scored[] {
  return list.sort(
    (a, b) =>
      b.key - a.key ||
      a.unit.sortOrder - b.unit.sortOrder ||
      collator.compare(a.unit.name, b.unit.name) ||
      (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
  );
}

/**
 * Ranks the units per ranking group. Only units in `units` with a (finite) score are ranked;
 * a unit listed twice in `scores` counts once (the last one). Groups come in the order of
 * their first unit by sortOrder; within a group by score (desc), then sortOrder, then name.
 * With `previous` (last month's, last quarter's … scores), each unit gets the rank it had then
 * among the units of its current group that had a score then, and its movement.
 */
export function rankGroups(
  scores: readonly { unitId: string; score: number }[],
  units: readonly RankableUnit[],
  previous?: readonly { unitId: string; score: number }[],
): Map<string, RankedUnit[]> {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const groupOrder = [...units].sort((a, b) => a.sortOrder - b.sortOrder).map(groupOf);
  const byGroup = (list: readonly { unitId: string; score: number }[]): Map<string, Scored[]> => {
    const latest = new Map<string, number>();
    for (const s of list) if (unitById.has(s.unitId) && Number.isFinite(s.score)) latest.set(s.unitId, s.score);
    const groups = new Map<string, Scored[]>();
    for (const g of groupOrder) if (!groups.has(g)) groups.set(g, []);
    for (const [unitId, score] of latest) {
      const unit = unitById.get(unitId)!;
      groups.get(groupOf(unit))!.push({ unit, score, key: round2(score) });
    }
    for (const [g, l] of groups) groups.set(g, sortScored(l));
    return groups;
  };

  const current = byGroup(scores);
  const before = previous ? byGroup(previous) : undefined;
  const result = new Map<string, RankedUnit[]>();
  for (const [group, list] of current) {
    if (list.length === 0) continue;
    const ranks = competitionRanks(list);
    const prevRank = new Map<string, number>();
    const prevList = before?.get(group) ?? [];
    competitionRanks(prevList).forEach((r, i) => prevRank.set(prevList[i]!.unit.id, r));
    result.set(
      group,
      list.map((s, i) => {
        const rank = ranks[i]!;
        const ranked: RankedUnit = { unitId: s.unit.id, group, score: s.score, rank };
        const p = prevRank.get(s.unit.id);
        if (p !== undefined) {
          ranked.previousRank = p;
          ranked.movement = p - rank;
        }
        return ranked;
      }),
    );
  }
  return result;
}

// ---------------------------------------------------------------------------
// 红黑榜

export interface ListSettings {
  mode: 'rank' | 'threshold' | 'both';
  /** Red: the top N per group (3). */
  redTop: number;
  /** Red: at least this score (95). */
  redMinScore: number;
  /** Black: the bottom N per group (3). */
  blackBottom: number;
  /** Black: below this score (85). */
  blackBelow: number;
}

export const defaultListSettings: ListSettings = {
  mode: 'both',
  redTop: 3,
  redMinScore: 95,
  blackBottom: 3,
  blackBelow: 85,
};

export interface ListedUnit {
  unitId: string;
  group: string;
  score: number;
  rank: number;
  /** Red: its main highlight; black: its main problems (from its confirmed entries). */
  reason: string;
}

export interface RedBlackLists {
  /** By rank (best first), groups in the order given. */
  red: ListedUnit[];
  /** Worst first (rank descending), groups in the order given. */
  black: ListedUnit[];
  /**
   * Units that meet the red list's rank and score but have a shortfall (a behind or not started
   * report, a missing sheet), by rank: reason '1项滞后，不列入红榜'. Not on the black list.
   */
  heldOff: ListedUnit[];
  /** Why a group has no red list, for every group without one, in the order given. */
  noRed: { group: string; reason: string }[];
}

/** At most this many entry reasons make up a list reason; the rest are counted (“等5项”). */
const REASONS_SHOWN = 3;

/** The reasons of the largest entries in the given direction, joined by '；'. */
function mainReasons(entries: readonly { points: number; reason: string }[], sign: 1 | -1): string | undefined {
  const chosen = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => Math.sign(e.points) === sign && e.reason.trim() !== '')
    .sort((a, b) => sign * (b.e.points - a.e.points) || a.i - b.i);
  const reasons: string[] = [];
  for (const { e } of chosen) if (!reasons.includes(e.reason.trim())) reasons.push(e.reason.trim());
  if (reasons.length === 0) return undefined;
  const shown = reasons.slice(0, REASONS_SHOWN).join('；');
  return reasons.length > REASONS_SHOWN ? `${shown}等${reasons.length}项` : shown;
}

const fmt = (v: number): string => String(round2(v));

/**
 * The 红黑榜 of ranked units (rankGroups' lists; several groups may be passed together, each is
 * judged on its own). `shortfallOf` says in words what keeps a unit off the red list in the
 * period ('1项滞后', scoring.ts shortfallText), or undefined when nothing does; `entries` are the
 * period's score entries (only confirmed ones are used, for the reasons). Reasons: red — the
 * unit's largest additions (“提前完成…”), else '无扣分事项' when it has no deductions, else its
 * score and rank; black — its largest deductions, up to three and '等N项', else its score
 * against the threshold or its place from the bottom; held off — its shortfall.
 */
export function redBlackLists(
  ranked: readonly RankedUnit[],
  entries: readonly { unitId: string; points: number; reason: string; state: ScoreEntryState }[],
  shortfallOf: (unitId: string) => string | undefined,
  settings: ListSettings = defaultListSettings,
): RedBlackLists {
  const confirmed = new Map<string, { points: number; reason: string }[]>();
  for (const e of entries) {
    if (e.state !== 'confirmed' || !Number.isFinite(e.points)) continue;
    const list = confirmed.get(e.unitId) ?? [];
    list.push({ points: e.points, reason: typeof e.reason === 'string' ? e.reason : '' });
    confirmed.set(e.unitId, list);
  }
  const useRank = settings.mode !== 'threshold';
  const useThreshold = settings.mode !== 'rank';
  const groups = new Map<string, RankedUnit[]>();
  for (const r of ranked) {
    const list = groups.get(r.group) ?? [];
    list.push(r);
    groups.set(r.group, list);
  }

  const red: ListedUnit[] = [];
  const black: ListedUnit[] = [];
  const heldOff: ListedUnit[] = [];
  const noRed: RedBlackLists['noRed'] = [];
  for (const [group, list] of groups) {
    const keys = list.map((r) => round2(r.score));
    const ascending = [...keys].sort((a, b) => a - b);
    /** How many units of the group score lower than `key`. */
    const lower = (key: number): number => {
      let lo = 0;
      let hi = ascending.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ascending[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const best = ascending[ascending.length - 1]!;
    const size = list.length;
    const groupRed: ListedUnit[] = [];
    const groupBlack: (ListedUnit & { fromBottom: number })[] = [];
    const groupHeld: ListedUnit[] = [];
    list.forEach((r, i) => {
      const key = keys[i]!;
      const fromBottom = 1 + lower(key);
      const inTop = r.rank <= settings.redTop;
      const qualifies =
        settings.mode === 'both'
          ? inTop && key >= settings.redMinScore
          : settings.mode === 'rank'
            ? inTop
            : key >= settings.redMinScore;
      const inBottom = fromBottom <= settings.blackBottom && key < best;
      const isBlack = (useRank && inBottom) || (useThreshold && key < settings.blackBelow);
      const own = confirmed.get(r.unitId) ?? [];
      const redSide = qualifies && (!isBlack || key >= settings.redMinScore);
      const shortfall = redSide ? shortfallOf(r.unitId) : undefined;
      if (redSide && shortfall && !isBlack) {
        groupHeld.push({ unitId: r.unitId, group, score: r.score, rank: r.rank, reason: `${shortfall}，不列入红榜` });
      } else if (redSide && !shortfall) {
        const reason =
          mainReasons(own, 1) ??
          (own.some((e) => e.points < 0) ? `得分${fmt(r.score)}，本组第${r.rank}名` : '无扣分事项');
        groupRed.push({ unitId: r.unitId, group, score: r.score, rank: r.rank, reason });
      } else if (isBlack) {
        const fallback =
          useThreshold && key < settings.blackBelow
            ? `得分${fmt(r.score)}，低于${fmt(settings.blackBelow)}分`
            : `得分${fmt(r.score)}，本组倒数第${fromBottom}名（共${size}个单位）`;
        groupBlack.push({
          unitId: r.unitId,
          group,
          score: r.score,
          rank: r.rank,
          reason: mainReasons(own, -1) ?? fallback,
          fromBottom,
        });
      }
    });
    red.push(
      ...groupRed
        .map((u, i) => ({ u, i }))
        .sort((a, b) => a.u.rank - b.u.rank || a.i - b.i)
        .map(({ u }) => u),
    );
    heldOff.push(...groupHeld);
    if (groupRed.length === 0) noRed.push({ group, reason: noRedReason(groupHeld.length, best, settings) });
    black.push(
      ...groupBlack
        .map((u, i) => ({ u, i }))
        .sort((a, b) => b.u.rank - a.u.rank || a.i - b.i)
        .map(({ u: { fromBottom: _fromBottom, ...u } }) => u),
    );
  }
  return { red, black, heldOff, noRed };
}

/** Why a group has no red list: its candidates all have a shortfall, or none reaches the mark. */
function noRedReason(held: number, best: number, settings: ListSettings): string {
  if (held > 0) return '符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜';
  if (settings.mode !== 'rank' && best < settings.redMinScore)
    return `本组没有得分达到${fmt(settings.redMinScore)}分的单位`;
  return '本组没有符合红榜条件的单位';
}

/** One group's part of the 红黑榜, as printed: its lists, the units held off the red list, and why it has no red list. */
export interface ListGroup {
  name: string;
  red: ListedUnit[];
  black: ListedUnit[];
  heldOff: ListedUnit[];
  /** Set when the group has no red list. */
  noRed?: string;
}

/** The lists by group, in the order of `groups` (the ranking's groups). */
export function listGroups(lists: RedBlackLists, groups: Iterable<string>): ListGroup[] {
  return [...new Set(groups)].map((name) => {
    const group: ListGroup = {
      name,
      red: lists.red.filter((l) => l.group === name),
      black: lists.black.filter((l) => l.group === name),
      heldOff: lists.heldOff.filter((l) => l.group === name),
    };
    const noRed = lists.noRed.find((n) => n.group === name)?.reason;
    if (noRed !== undefined) group.noRed = noRed;
    return group;
  });
}

/**
 * 约谈 suggestions: the units on the black list of `month` and of the month before, in this
 * month's list order. `blackByMonth` maps a month to its black-listed unit ids.
 */
export function interviewSuggestions(blackByMonth: ReadonlyMap<number, readonly string[]>, month: number): string[] {
  const before = new Set(blackByMonth.get(month - 1) ?? []);
  const out: string[] = [];
  for (const id of blackByMonth.get(month) ?? []) if (before.has(id) && !out.includes(id)) out.push(id);
  return out;
}
