import { describe, expect, it } from 'vitest';
import { closeness, diceSimilarity, matchName, matchTaskTitle, titleKey } from './match';

describe('diceSimilarity', () => {
  it.each<[string, string, number]>([
    ['重大项目', '重大项目', 1],
    ['ab', 'cd', 0],
    ['', '', 0],
    ['提高制造业投资比重', '提高制造业投资占比', 0.75],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(diceSimilarity(a, b)).toBeCloseTo(expected, 5);
  });

  it('is symmetric', () => {
    expect(diceSimilarity('临空示范区开发', '临空示范区开发建设')).toBe(
      diceSimilarity('临空示范区开发建设', '临空示范区开发'),
    );
  });
});

describe('closeness', () => {
  it('scores containment and abbreviations', () => {
    expect(closeness('东城街道', '东城街道办事处')).toBeGreaterThan(0.7);
    expect(closeness('发改局', '区发展和改革局')).toBeGreaterThan(0.5);
    expect(closeness('区财政局', '区商务局')).toBeLessThan(0.4);
  });
});

const units = [
  { id: 'fgj', name: '区发展和改革局', aliases: ['发改局', '区发改局'] },
  { id: 'czj', name: '区财政局', aliases: [] },
  { id: 'swj', name: '区商务局', aliases: [] },
  { id: 'dc', name: '东城街道', aliases: ['东城'] },
  { id: 'xc', name: '西城街道', aliases: [] },
];

describe('matchName', () => {
  it.each<[string, string, string]>([
    ['区财政局', 'czj', 'exact'],
    [' 区 财政局 ', 'czj', 'normalised'],
    ['发改局', 'fgj', 'alias'],
    ['区发改局', 'fgj', 'alias'],
    ['东城', 'dc', 'alias'],
  ])('%j → %s by %s', (written, id, via) => {
    expect(matchName(written, units)).toEqual({ id, via, suggestions: [] });
  });

  it('never guesses: a near name gives suggestions only', () => {
    const m = matchName('东城街道办事处', units);
    expect(m.id).toBeUndefined();
    expect(m.suggestions[0]).toMatchObject({ id: 'dc', name: '东城街道' });
    expect(m.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('suggests the unit an abbreviation stands for', () => {
    expect(matchName('财政', units).suggestions[0]?.id).toBe('czj');
  });

  it('gives nothing for nothing', () => {
    expect(matchName('', units)).toEqual({ suggestions: [] });
    expect(matchName('完全不相干', units)).toEqual({ suggestions: [] });
  });

  it('is ambiguous when two records carry the same name (a clash in the registry)', () => {
    const m = matchName('区财政局', [...units, { id: 'czj2', name: '区财政局', aliases: [] }]);
    expect(m).toMatchObject({ ambiguous: true });
    expect(m.id).toBeUndefined();
    expect(m.suggestions.map((s) => s.id)).toEqual(['czj', 'czj2']);
  });
});

const tasks = [
  { id: '1', title: '重大项目攻坚年行动' },
  { id: '2', title: '促进民间投资增长' },
  { id: '3', title: '提高制造业投资比重' },
  { id: '12', title: '临空示范区开发建设' },
  { id: '17', title: '教育“双减”深化' },
  { id: '9', title: '存量土地盘活' },
  { id: '11', title: '土地征拆攻坚' },
];

describe('matchTaskTitle', () => {
  it.each<[string, string, string]>([
    ['促进民间投资增长', '2', 'exact'],
    ['促进民间 投资增长', '2', 'normalised'],
    ['教育"双减"深化', '17', 'normalised'],
    ['重大项目攻坚年', '1', 'contains'],
    ['临空示范区开发', '12', 'contains'],
    ['重大项目攻坚年行动（续）', '1', 'contains'],
    ['提高制造业投资占比', '3', 'similar'],
  ])('%j → %s by %s', (written, id, via) => {
    expect(matchTaskTitle(written, tasks)).toMatchObject({ id, via });
  });

  it('puts the matched task first among the suggestions of a containment match', () => {
    expect(matchTaskTitle('重大项目攻坚年', tasks).suggestions[0]?.id).toBe('1');
  });

  it('is ambiguous when the words are in two titles, and suggests both', () => {
    const m = matchTaskTitle('土地', [...tasks, { id: 'x', title: '土地' + '整治' }]);
    expect(m.id).toBeUndefined();
    const both = matchTaskTitle('土地攻坚', [
      { id: 'a', title: '土地攻坚一' },
      { id: 'b', title: '土地攻坚二' },
    ]);
    expect(both).toMatchObject({ ambiguous: true });
    expect(both.suggestions.map((s) => s.id).sort()).toEqual(['a', 'b']);
  });

  it('does not match by a short containment, but suggests', () => {
    const m = matchTaskTitle('投资', tasks);
    expect(m.id).toBeUndefined();
    expect(m.suggestions.length).toBeGreaterThan(0);
  });

  it('containment does not depend on the threshold; a far title gives at most 3 suggestions', () => {
    const m = matchTaskTitle('民间投资', tasks, { threshold: 0.99 });
    expect(m.id).toBe('2');
    const far = matchTaskTitle('招商引资', tasks);
    expect(far.id).toBeUndefined();
    expect(far.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('is ambiguous for two equal titles', () => {
    expect(
      matchTaskTitle('甲', [
        { id: 'a', title: '甲' },
        { id: 'b', title: '甲' },
      ]),
    ).toMatchObject({ ambiguous: true });
  });

  it('gives nothing for nothing', () => {
    expect(matchTaskTitle('', tasks)).toEqual({ suggestions: [] });
    expect(matchTaskTitle('——', tasks)).toEqual({ suggestions: [] });
    expect(matchTaskTitle('甲', [])).toEqual({ suggestions: [] });
  });

  it('titleKey drops spaces, quotes and brackets', () => {
    expect(titleKey(' 教育“双减” 深化（试点）')).toBe('教育双减深化试点');
  });
});
