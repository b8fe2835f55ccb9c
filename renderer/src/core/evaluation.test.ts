import { describe, expect, it } from 'vitest';
import {
  compositeScores,
  compositeShares,
  countsInComposite,
  defaultEvaluationSettings,
  evaluationSettingsOf,
  normaliseScore,
  sampleFlag,
  unitEvaluations,
  type EvaluationSettings,
} from './evaluation';
import type { Evaluation, EvaluationScale, RaterType } from './model';

let next = 0;
function ev(
  target: { unitId?: string; taskId?: string },
  rater: RaterType,
  score: number,
  sampleSize?: number,
  extra: Partial<Evaluation> = {},
): Evaluation {
  const e: Evaluation = { id: `e${++next}`, yearId: 'y', ...target, rater, score, ...extra };
  if (sampleSize !== undefined) e.sampleSize = sampleSize;
  return e;
}

const settings = (weights: Partial<Record<RaterType, number>>, minSample = 30): EvaluationSettings => ({
  raterWeights: { 企业: 0, 群众: 0, 第三方机构: 0, ...weights },
  minSample,
});

describe('normaliseScore: each scale to 0–100', () => {
  const cases: [string, number, EvaluationScale, number | undefined][] = [
    ['百分制 92 → 92', 92, 'hundred', 92],
    ['百分制 0 and 100 are in range', 100, 'hundred', 100],
    ['百分制 100.5 is out of range', 100.5, 'hundred', undefined],
    ['五分制 4.5 → 90', 4.5, 'five', 90],
    ['五分制 5 → 100', 5, 'five', 100],
    ['五分制 4.37 → 87.4', 4.37, 'five', 87.4],
    ['五分制 6 is out of range', 6, 'five', undefined],
    ['十分制 8.6 → 86', 8.6, 'ten', 86],
    ['十分制 11 is out of range', 11, 'ten', undefined],
    ['满意率 92.5 % → 92.5', 92.5, 'percent', 92.5],
    ['满意率 120 % is out of range', 120, 'percent', undefined],
    ['a negative score is refused', -1, 'hundred', undefined],
    ['NaN is refused', Number.NaN, 'five', undefined],
    ['五分制 1/3 → 6.67 (2 decimals)', 1 / 3, 'five', 6.67],
  ];
  it.each(cases)('%s', (_name, value, scale, expected) => {
    expect(normaliseScore(value, scale)).toBe(expected);
  });
});

describe('small sample', () => {
  const s = { minSample: 30 };
  it('flags a sample below the threshold, not one at it', () => {
    expect(sampleFlag({ rater: '企业', sampleSize: 29 }, s)).toBe('small');
    expect(sampleFlag({ rater: '群众', sampleSize: 30 }, s)).toBeUndefined();
    expect(sampleFlag({ rater: '第三方机构', sampleSize: 5 }, s)).toBe('small');
  });
  it('flags a survey (企业, 群众) without a sample size; a 第三方机构 assessment needs none', () => {
    expect(sampleFlag({ rater: '企业' }, s)).toBe('missing');
    expect(sampleFlag({ rater: '群众' }, s)).toBe('missing');
    expect(sampleFlag({ rater: '第三方机构' }, s)).toBeUndefined();
  });
  it('a flagged row counts only once accepted', () => {
    expect(countsInComposite({ rater: '企业', sampleSize: 12 }, s)).toBe(false);
    expect(countsInComposite({ rater: '企业', sampleSize: 12, sampleAcceptedBy: '钱主任' }, s)).toBe(true);
    expect(countsInComposite({ rater: '企业', sampleSize: 120 }, s)).toBe(true);
  });
  it('the threshold is a setting: 0 flags nothing given', () => {
    expect(sampleFlag({ rater: '企业', sampleSize: 3 }, { minSample: 0 })).toBeUndefined();
  });
  it('a flagged row is kept in the unit’s rows but left out of its score', () => {
    const u = unitEvaluations(
      [ev({ unitId: 'u' }, '企业', 60, 100), ev({ unitId: 'u' }, '群众', 70, 20)],
      [],
      settings({ 企业: 70, 群众: 30 }),
    ).get('u')!;
    expect(u.rows).toHaveLength(2);
    expect(u.excluded.map((e) => e.score)).toEqual([70]);
    expect(u.score).toBe(60);
    expect(u.parts).toEqual([{ rater: '企业', score: 60, share: 1, rows: 1, sample: 100 }]);
  });
  it('accepted, it counts: 60 × 0.7 + 70 × 0.3 = 63', () => {
    const u = unitEvaluations(
      [ev({ unitId: 'u' }, '企业', 60, 100), ev({ unitId: 'u' }, '群众', 70, 20, { sampleAcceptedBy: '钱主任' })],
      [],
      settings({ 企业: 70, 群众: 30 }),
    ).get('u')!;
    expect(u.excluded).toHaveLength(0);
    expect(u.score).toBe(63);
  });
  it('a unit with only flagged rows has no score', () => {
    const u = unitEvaluations([ev({ unitId: 'u' }, '企业', 90, 10)], [], defaultEvaluationSettings).get('u')!;
    expect(u.score).toBeUndefined();
  });
});

describe('rater weights', () => {
  it('企业 70 %, 群众 30 %: 95 × 0.7 + 90 × 0.3 = 93.5', () => {
    const u = unitEvaluations(
      [ev({ unitId: 'u' }, '企业', 95, 120), ev({ unitId: 'u' }, '群众', 90, 200)],
      [],
      settings({ 企业: 70, 群众: 30 }),
    ).get('u')!;
    expect(u.score).toBe(93.5);
    expect(u.parts.map((p) => [p.rater, p.share])).toEqual([
      ['企业', 0.7],
      ['群众', 0.3],
    ]);
  });
  it('renormalised over the rater types present: 40/40/20 with no 第三方机构 is 50/50', () => {
    const u = unitEvaluations(
      [ev({ unitId: 'u' }, '企业', 90, 100), ev({ unitId: 'u' }, '群众', 80, 100)],
      [],
      defaultEvaluationSettings,
    ).get('u')!;
    expect(u.score).toBe(85);
    expect(u.parts.map((p) => p.share)).toEqual([0.5, 0.5]);
  });
  it('all three at 40/40/20: 90 × 0.4 + 80 × 0.4 + 70 × 0.2 = 82', () => {
    const rows = [
      ev({ unitId: 'u' }, '企业', 90, 100),
      ev({ unitId: 'u' }, '群众', 80, 100),
      ev({ unitId: 'u' }, '第三方机构', 70),
    ];
    expect(unitEvaluations(rows, [], defaultEvaluationSettings).get('u')!.score).toBe(82);
  });
  it('a rater type weighted 0 is shown but does not count; only such types → no score', () => {
    const rows = [ev({ unitId: 'u' }, '企业', 90, 100), ev({ unitId: 'u' }, '第三方机构', 50)];
    const u = unitEvaluations(rows, [], settings({ 企业: 100 })).get('u')!;
    expect(u.score).toBe(90);
    expect(u.parts.find((p) => p.rater === '第三方机构')?.share).toBe(0);
    expect(
      unitEvaluations([ev({ unitId: 'v' }, '第三方机构', 50)], [], settings({ 企业: 100 })).get('v')!.score,
    ).toBeUndefined();
  });
  it('several rows of one rater type: weighted by sample (90 × 300 + 60 × 100) / 400 = 82.5', () => {
    const rows = [ev({ unitId: 'u' }, '群众', 90, 300), ev({ unitId: 'u' }, '群众', 60, 100)];
    const u = unitEvaluations(rows, [], defaultEvaluationSettings).get('u')!;
    expect(u.score).toBe(82.5);
    expect(u.parts[0]).toMatchObject({ rows: 2, sample: 400 });
  });
  it('… and the plain mean when a row has no sample (第三方机构): (80 + 70) / 2 = 75', () => {
    const rows = [ev({ unitId: 'u' }, '第三方机构', 80, 50), ev({ unitId: 'u' }, '第三方机构', 70)];
    expect(unitEvaluations(rows, [], defaultEvaluationSettings).get('u')!.score).toBe(75);
  });
  it('a task’s evaluation counts for its lead unit; an unknown task or one without a lead counts for nobody', () => {
    const tasks = [
      { id: 't1', leadUnitId: 'lead' },
      { id: 't2', leadUnitId: undefined },
    ];
    const rows = [
      ev({ taskId: 't1' }, '群众', 88, 100),
      ev({ taskId: 't2' }, '群众', 50, 100),
      ev({ taskId: 't9' }, '群众', 50, 100),
    ];
    const map = unitEvaluations(rows, tasks, defaultEvaluationSettings);
    expect([...map.keys()]).toEqual(['lead']);
    expect(map.get('lead')!.score).toBe(88);
  });
  it('stored settings are read over the defaults; unusable values fall back', () => {
    expect(evaluationSettingsOf(undefined)).toEqual(defaultEvaluationSettings);
    expect(
      evaluationSettingsOf({ raterWeights: { 企业: 70, 群众: 30, 第三方机构: -5 }, minSample: Number.NaN }),
    ).toEqual({
      raterWeights: { 企业: 70, 群众: 30, 第三方机构: 20 },
      minSample: 30,
    });
  });
});

describe('year composite', () => {
  const evals = new Map([
    ['a', { score: 93.5 }],
    ['b', { score: 60 }],
    ['c', {}],
  ]);
  it('process × 0.8 + evaluation × 0.2 by default; no evaluation → the process score', () => {
    const parts = compositeScores(
      [
        { unitId: 'a', score: 96.67 },
        { unitId: 'b', score: 94 },
        { unitId: 'c', score: 95 },
        { unitId: 'd', score: 100 },
      ],
      evals,
      { process: 0.8, evaluation: 0.2 },
    );
    // 96.67 × 0.8 + 93.5 × 0.2 = 77.336 + 18.7 = 96.036 → 96.04; 94 × 0.8 + 60 × 0.2 = 87.2.
    expect(parts).toEqual([
      { unitId: 'a', process: 96.67, evaluation: 93.5, score: 96.04 },
      { unitId: 'b', process: 94, evaluation: 60, score: 87.2 },
      { unitId: 'c', process: 95, score: 95 },
      { unitId: 'd', process: 100, score: 100 },
    ]);
  });
  it('the weight is a setting: 30 % → 96.67 × 0.7 + 93.5 × 0.3 = 95.719 → 95.72', () => {
    expect(compositeScores([{ unitId: 'a', score: 96.67 }], evals, { process: 0.7, evaluation: 0.3 })[0]!.score).toBe(
      95.72,
    );
  });
  it('shares of the weights', () => {
    expect(compositeShares({ process: 80, evaluation: 20 })).toEqual({ process: 0.8, evaluation: 0.2 });
    expect(compositeShares({ process: 0, evaluation: 0 })).toEqual({ process: 1, evaluation: 0 });
  });
});
