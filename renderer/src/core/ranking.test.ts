import { describe, expect, it } from 'vitest';
import type { ScoreEntryState, Unit } from './model';
import {
  defaultListSettings,
  groupOf,
  interviewSuggestions,
  rankGroups,
  redBlackLists,
  type ListSettings,
  type RankableUnit,
  type RankedUnit,
} from './ranking';

const dept = (id: string, sortOrder: number, rankingGroup = '区级部门'): RankableUnit => ({
  id,
  name: `部门${id}`,
  kind: 'department',
  rankingGroup,
  sortOrder,
});
const town = (id: string, sortOrder: number): RankableUnit => ({
  id,
  name: `街道${id}`,
  kind: 'town',
  rankingGroup: '镇街',
  sortOrder,
});
const scores = (pairs: Record<string, number>) => Object.entries(pairs).map(([unitId, score]) => ({ unitId, score }));
const ranksOf = (list: RankedUnit[] | undefined) => (list ?? []).map((r) => [r.unitId, r.score, r.rank]);

describe('rankGroups', () => {
  const units = [dept('d1', 1), dept('d2', 2), dept('d3', 3), dept('d4', 4), town('t1', 5), town('t2', 6)];

  it('ties share a rank: 1, 2, 2, 4; ties ordered by sortOrder; groups never mixed', () => {
    const groups = rankGroups(scores({ d4: 96, d1: 90, d2: 98, d3: 96, t1: 99, t2: 80 }), units);
    expect([...groups.keys()]).toEqual(['区级部门', '镇街']);
    expect(ranksOf(groups.get('区级部门'))).toEqual([
      ['d2', 98, 1],
      ['d3', 96, 2],
      ['d4', 96, 2],
      ['d1', 90, 4],
    ]);
    expect(ranksOf(groups.get('镇街'))).toEqual([
      ['t1', 99, 1],
      ['t2', 80, 2],
    ]);
  });

  const tieCases: [string, Record<string, number>, number[]][] = [
    ['all equal: 1, 1, 1, 1', { d1: 95, d2: 95, d3: 95, d4: 95 }, [1, 1, 1, 1]],
    ['two pairs: 1, 1, 3, 3', { d1: 99, d2: 99, d3: 90, d4: 90 }, [1, 1, 3, 3]],
    ['last two tied: 1, 2, 3, 3', { d1: 99, d2: 98, d3: 90, d4: 90 }, [1, 2, 3, 3]],
    ['float noise is a tie: 95.1 + 0.2 vs 95.3', { d1: 95.1 + 0.2, d2: 95.3, d3: 90, d4: 80 }, [1, 1, 3, 4]],
  ];
  it.each(tieCases)('%s', (_name, s, ranks) => {
    expect(
      rankGroups(scores(s), units)
        .get('区级部门')!
        .map((r) => r.rank),
    ).toEqual(ranks);
  });

  it('movement against the previous period: positive = up', () => {
    const now = scores({ d1: 90, d2: 98, d3: 96, d4: 97 });
    const before = scores({ d1: 99, d2: 92, d3: 96, t1: 80 });
    const ranked = rankGroups(now, units, before).get('区级部门')!;
    expect(ranked.map((r) => [r.unitId, r.rank, r.previousRank, r.movement])).toEqual([
      ['d2', 1, 3, 2],
      ['d4', 2, undefined, undefined], // no score last period
      ['d3', 3, 2, -1],
      ['d1', 4, 1, -3],
    ]);
  });

  it('ranks only units in the list with a score; a blank group falls back to the kind default', () => {
    const groups = rankGroups(scores({ d1: 90, x9: 100, t1: Number.NaN }), [dept('d1', 1, '  '), town('t1', 2)]);
    expect([...groups.keys()]).toEqual(['区级部门']);
    expect(ranksOf(groups.get('区级部门'))).toEqual([['d1', 90, 1]]);
    expect(groupOf({ kind: 'soe', rankingGroup: '' } as Pick<Unit, 'kind' | 'rankingGroup'>)).toBe('国企和平台');
  });
});

describe('redBlackLists', () => {
  // Six departments: 100, 98, 96, 90, 84, 80.
  const six = [dept('a', 1), dept('b', 2), dept('c', 3), dept('d', 4), dept('e', 5), dept('f', 6)];
  const rankSix = (s: Record<string, number>) => rankGroups(scores(s), six).get('区级部门')!;
  const base = rankSix({ a: 100, b: 98, c: 96, d: 90, e: 84, f: 80 });
  const none = (): string | undefined => undefined;
  const ids = (l: { unitId: string }[]) => l.map((u) => u.unitId);
  const settings = (patch: Partial<ListSettings>): ListSettings => ({ ...defaultListSettings, ...patch });

  it('defaults: both, top 3 ≥ 95, bottom 3 or below 85', () => {
    expect(defaultListSettings).toEqual({ mode: 'both', redTop: 3, redMinScore: 95, blackBottom: 3, blackBelow: 85 });
  });

  type Case = [string, RankedUnit[], Partial<ListSettings>, (id: string) => string | undefined, string[], string[]];
  const cases: Case[] = [
    ['both: top 3 ≥ 95; bottom 3 ∪ below 85 (worst first)', base, {}, none, ['a', 'b', 'c'], ['f', 'e', 'd']],
    [
      'a unit with a behind task is not red (no one moves up)',
      base,
      {},
      (id) => (id === 'b' ? '1项滞后' : undefined),
      ['a', 'c'],
      ['f', 'e', 'd'],
    ],
    [
      'rank: top 3 / bottom 3, no thresholds',
      rankSix({ a: 94, b: 93, c: 92, d: 91, e: 90, f: 89 }),
      { mode: 'rank' },
      none,
      ['a', 'b', 'c'],
      ['f', 'e', 'd'],
    ],
    [
      'both: the top 3 below 95 are not red',
      rankSix({ a: 94, b: 93, c: 92, d: 91, e: 90, f: 89 }),
      {},
      none,
      [],
      ['f', 'e', 'd'],
    ],
    ['threshold: ≥ 95 red, < 85 black, however many', base, { mode: 'threshold' }, none, ['a', 'b', 'c'], ['f', 'e']],
    [
      'threshold: 85 itself is not below 85',
      rankSix({ a: 100, b: 99, c: 98, d: 97, e: 85, f: 84.99 }),
      { mode: 'threshold' },
      none,
      ['a', 'b', 'c', 'd'],
      ['f'],
    ],
    [
      'both: below 85 beyond the bottom 3 is black too',
      rankSix({ a: 100, b: 84, c: 83, d: 82, e: 81, f: 80 }),
      {},
      none,
      ['a'],
      ['f', 'e', 'd', 'c', 'b'],
    ],
    [
      'ties at the top cut-off: 100, 98, 96, 96 → four red',
      rankSix({ a: 100, b: 98, c: 96, d: 96, e: 84, f: 80 }),
      {},
      none,
      ['a', 'b', 'c', 'd'],
      ['f', 'e'],
    ],
    // rank mode: c, d, e share rank 3 (top 3) and are in the bottom 3 too; below 95 they go black.
    [
      'ties at the bottom cut-off: 90, 90, 90 above 80 → four black',
      rankSix({ a: 100, b: 98, c: 90, d: 90, e: 90, f: 80 }),
      { mode: 'rank' },
      none,
      ['a', 'b'],
      ['f', 'c', 'd', 'e'],
    ],
  ];
  it.each(cases)('%s', (_name, ranked, patch, behind, red, black) => {
    const lists = redBlackLists(ranked, [], behind, settings(patch));
    expect(ids(lists.red)).toEqual(red);
    expect(ids(lists.black)).toEqual(black);
  });

  describe('never on both lists', () => {
    const four = [dept('a', 1), dept('b', 2), dept('c', 3), dept('d', 4)];
    const rankFour = (s: Record<string, number>) => rankGroups(scores(s), four).get('区级部门')!;
    const overlap: [
      string,
      Record<string, number>,
      Partial<ListSettings>,
      (id: string) => string | undefined,
      string[],
      string[],
    ][] = [
      [
        'four at 100, 99, 98, 97 (top 3 and bottom 3 overlap): ≥ 95 goes red',
        { a: 100, b: 99, c: 98, d: 97 },
        { mode: 'rank' },
        none,
        ['a', 'b', 'c'],
        ['d'],
      ],
      [
        'four at 90, 80, 70, 60 by rank: below 95 goes black',
        { a: 90, b: 80, c: 70, d: 60 },
        { mode: 'rank' },
        none,
        ['a'],
        ['d', 'c', 'b'],
      ],
      [
        'all tied for first: no bottom, even when none is red',
        { a: 100, b: 100, c: 100, d: 100 },
        {},
        () => '1项滞后',
        [],
        [],
      ],
      [
        'all tied at 80: black by the threshold only',
        { a: 80, b: 80, c: 80, d: 80 },
        {},
        none,
        [],
        ['a', 'b', 'c', 'd'],
      ],
    ];
    it.each(overlap)('%s', (_name, s, patch, behind, red, black) => {
      const lists = redBlackLists(rankFour(s), [], behind, settings(patch));
      expect(ids(lists.red)).toEqual(red);
      expect(ids(lists.black)).toEqual(black);
      expect(ids(lists.red).filter((id) => ids(lists.black).includes(id))).toEqual([]);
    });
  });

  it('lists who is held off the red list and why, and why a group has no red list', () => {
    const held = redBlackLists(base, [], (id) => (id === 'b' ? '1项滞后、未报送进展' : undefined), settings({}));
    expect(held.heldOff.map((u) => [u.unitId, u.score, u.reason])).toEqual([
      ['b', 98, '1项滞后、未报送进展，不列入红榜'],
    ]);
    expect(held.noRed).toEqual([]);
    // Every candidate held off: the group has no red list, and says so.
    const allHeld = redBlackLists(
      base,
      [],
      (id) => (['a', 'b', 'c'].includes(id) ? '1项滞后' : undefined),
      settings({}),
    );
    expect(allHeld.red).toEqual([]);
    expect(allHeld.noRed).toEqual([
      { group: '区级部门', reason: '符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜' },
    ]);
    // Nobody reaches 95: said as such; by rank alone some unit always qualifies.
    const low = rankSix({ a: 94, b: 93, c: 92, d: 91, e: 90, f: 89 });
    expect(redBlackLists(low, [], none, settings({})).noRed).toEqual([
      { group: '区级部门', reason: '本组没有得分达到95分的单位' },
    ]);
    // A unit held off that is also in the bottom (a small group) goes on the black list, not both.
    const two = rankGroups(scores({ a: 100, b: 99 }), [dept('a', 1), dept('b', 2)]).get('区级部门')!;
    const small = redBlackLists(two, [], (id) => (id === 'b' ? '1项滞后' : undefined), settings({ mode: 'rank' }));
    expect(ids(small.black)).toEqual(['b']);
    expect(small.heldOff).toEqual([]);
  });

  it('judges each group on its own when several are passed', () => {
    const units = [dept('d1', 1), dept('d2', 2), town('t1', 3), town('t2', 4)];
    const groups = rankGroups(scores({ d1: 100, d2: 90, t1: 99, t2: 70 }), units);
    const lists = redBlackLists([...groups.values()].flat(), [], none, settings({ redTop: 1, blackBottom: 1 }));
    expect(lists.red.map((u) => [u.unitId, u.group, u.rank])).toEqual([
      ['d1', '区级部门', 1],
      ['t1', '镇街', 1],
    ]);
    expect(lists.black.map((u) => [u.unitId, u.group, u.rank])).toEqual([
      ['d2', '区级部门', 2],
      ['t2', '镇街', 2],
    ]);
  });

  it('reasons: the main highlight for red, the largest deductions for black, from confirmed entries', () => {
    const entry = (unitId: string, points: number, reason: string, state: ScoreEntryState = 'confirmed') => ({
      unitId,
      points,
      reason,
      state,
    });
    const entries = [
      entry('a', 2, '“轻纺市场转型升级”提前完成（5月累计100%，完成时限11月30日）'),
      entry('a', 5, '区长批示肯定'),
      entry('b', -2, '5月进展逾期报送（5月27日收到，截止5月25日）'),
      entry('e', -2, '“促进民间投资增长”滞后（累计10%，序时40%）'),
      entry('e', -5, '“促进民间投资增长”连续两个月滞后（4月累计5%，序时30%；5月累计10%，序时40%）'),
      entry('e', -3, '“促进民间投资增长”滞后且未说明原因'),
      entry('e', -5, '5月进展未报送（“印染产业提质增效”，截止5月25日）', 'proposed'),
      entry('f', -5, '5月进展未报送（“A”，截止5月25日）'),
      entry('f', -5, '5月进展未报送（“B”，截止5月25日）'),
      entry('f', -5, '5月进展未报送（“C”，截止5月25日）'),
      entry('f', -5, '5月进展未报送（“D”，截止5月25日）'),
      entry('f', -2, '5月进展逾期报送'),
    ];
    const lists = redBlackLists(base, entries, none, defaultListSettings);
    expect(lists.red.map((u) => [u.unitId, u.score, u.rank, u.reason])).toEqual([
      ['a', 100, 1, '区长批示肯定；“轻纺市场转型升级”提前完成（5月累计100%，完成时限11月30日）'],
      ['b', 98, 2, '得分98，本组第2名'],
      ['c', 96, 3, '无扣分事项'],
    ]);
    expect(lists.black.map((u) => [u.unitId, u.reason])).toEqual([
      [
        'f',
        '5月进展未报送（“A”，截止5月25日）；5月进展未报送（“B”，截止5月25日）；5月进展未报送（“C”，截止5月25日）等5项',
      ],
      [
        'e',
        '“促进民间投资增长”连续两个月滞后（4月累计5%，序时30%；5月累计10%，序时40%）；“促进民间投资增长”滞后且未说明原因；“促进民间投资增长”滞后（累计10%，序时40%）',
      ],
      ['d', '得分90，本组倒数第3名（共6个单位）'],
    ]);
    const threshold = redBlackLists(base, [], none, settings({ mode: 'threshold' }));
    expect(threshold.black.map((u) => u.reason)).toEqual(['得分80，低于85分', '得分84，低于85分']);
  });
});

describe('interviewSuggestions', () => {
  const black = new Map<number, string[]>([
    [4, ['e', 'f']],
    [5, ['f', 'd', 'e']],
    [6, ['d']],
    [8, ['d']],
  ]);
  const cases: [number, string[]][] = [
    [4, []], // nothing in March
    [5, ['f', 'e']], // on both April's and May's list, in May's order
    [6, ['d']],
    [7, []],
    [8, []], // July was not black: months must run on
  ];
  it.each(cases)('month %i → %j', (month, expected) => {
    expect(interviewSuggestions(black, month)).toEqual(expected);
  });
});
