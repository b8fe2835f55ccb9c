// 第三方评估 (PRODUCT.md §1 "把评判权交给企业和群众", §5 year composite, §6 template; issue 7).
// Pure: scores on their scales → 0–100, the small-sample flag, a unit's evaluation score from
// its rater types, and the year composite with its parts.
//
// THE RULES (defaults are settings, see defaultEvaluationSettings and scoring.ts
// defaultCompositeWeights):
// - Scales: 百分制 0–100 as is; 五分制 0–5 × 20; 十分制 0–10 × 10; 满意率 a percent as is (92 % →
//   92; the mapper reads 0.92 in a fraction column as 92 %). A value outside its scale is refused.
// - Small sample: a row whose 样本数 is below minSample (default 30), or a 企业/群众 row without a
//   样本数 (a survey of unknown size), is flagged 样本偏少. A flagged row is shown everywhere but
//   does NOT count until staff accept it (sampleAcceptedBy); a 第三方机构 row without 样本数 is an
//   institution's assessment, not a survey, and counts.
// - Which unit: a unit row counts for that unit; a task row (重点工作) for the task's lead unit.
// - A unit's score per rater type: the mean of its counted rows of that type, weighted by sample
//   size when every one of them has one (else the plain mean).
// - A unit's evaluation score: the rater types' scores weighted by raterWeights (default 企业 40,
//   群众 40, 第三方机构 20), renormalised over the types the unit has (企业 95 and 群众 90 at 70/30
//   → 93.5; only 企业 → the 企业 score). No counted row (or only types weighted 0) → none.
// - Year composite: process × (1 − w) + evaluation × w (scoring.ts yearComposite, w default
//   20 %); a unit without an evaluation score keeps its process score and is marked so.
// Every figure is rounded to 2 decimals where it is shown, and computed from what is shown.

import { RATER_TYPES, type Evaluation, type EvaluationScale, type RaterType, type Task } from './model';
import { round2, yearComposite, type CompositeWeights } from './scoring';

export const scaleLabels: Record<EvaluationScale, string> = {
  hundred: '百分制',
  five: '五分制',
  ten: '十分制',
  percent: '满意率(%)',
};

/** The highest value of each scale. */
export const scaleMax: Record<EvaluationScale, number> = { hundred: 100, five: 5, ten: 10, percent: 100 };

/** A score on its scale → 0–100 (2 decimals); undefined when it is not a number of that scale. */
export function normaliseScore(value: number, scale: EvaluationScale): number | undefined {
  const max = scaleMax[scale];
  if (typeof value !== 'number' || !Number.isFinite(value) || max === undefined || value < 0 || value > max)
    return undefined;
  return round2((value * 100) / max);
}

/** The settings key of the rater weights and the small-sample threshold. */
export const EVALUATION_SETTINGS_KEY = 'evaluationSettings';

export interface EvaluationSettings {
  /** Weight of each rater type, in percent (any positive numbers; they are renormalised). */
  raterWeights: Record<RaterType, number>;
  /** A sample below this is flagged 样本偏少. */
  minSample: number;
}

export const defaultEvaluationSettings: EvaluationSettings = {
  raterWeights: { 企业: 40, 群众: 40, 第三方机构: 20 },
  minSample: 30,
};

/** The stored settings over the defaults, with anything unusable replaced by its default. */
export function evaluationSettingsOf(stored: Partial<EvaluationSettings> | undefined): EvaluationSettings {
  const weights = { ...defaultEvaluationSettings.raterWeights };
  for (const r of RATER_TYPES) {
    const w = stored?.raterWeights?.[r];
    if (typeof w === 'number' && Number.isFinite(w) && w >= 0) weights[r] = w;
  }
  const min = stored?.minSample;
  return {
    raterWeights: weights,
    minSample: typeof min === 'number' && Number.isFinite(min) && min >= 0 ? min : defaultEvaluationSettings.minSample,
  };
}

export type SampleFlag = 'small' | 'missing';

/** 'small': below minSample; 'missing': a 企业/群众 row without a sample size; else undefined. */
export function sampleFlag(
  e: Pick<Evaluation, 'rater' | 'sampleSize'>,
  settings: Pick<EvaluationSettings, 'minSample'>,
): SampleFlag | undefined {
  const n = e.sampleSize;
  if (typeof n !== 'number' || !Number.isFinite(n)) return e.rater === '第三方机构' ? undefined : 'missing';
  return n < settings.minSample ? 'small' : undefined;
}

/** Whether a row counts: not flagged, or flagged and accepted by staff. */
export function countsInComposite(
  e: Pick<Evaluation, 'rater' | 'sampleSize' | 'sampleAcceptedBy'>,
  settings: Pick<EvaluationSettings, 'minSample'>,
): boolean {
  return sampleFlag(e, settings) === undefined || (typeof e.sampleAcceptedBy === 'string' && e.sampleAcceptedBy !== '');
}

/** What the flag says, for screens and messages. */
export function sampleFlagText(flag: SampleFlag, settings: Pick<EvaluationSettings, 'minSample'>): string {
  return flag === 'missing' ? '未填样本数' : `样本数少于${settings.minSample}`;
}

/** The unit a row counts for: its own unit, or the lead unit of its task. */
export function creditedUnit(
  e: Pick<Evaluation, 'unitId' | 'taskId'>,
  leadOf: ReadonlyMap<string, string | undefined>,
): string | undefined {
  if (e.taskId !== undefined) return leadOf.get(e.taskId);
  return e.unitId;
}

export interface RaterPart {
  rater: RaterType;
  /** The rater type's score (0–100, 2 decimals). */
  score: number;
  /** Its share of the unit's evaluation score after renormalisation (0–1). */
  share: number;
  /** Counted rows and their total sample (undefined when some row has none). */
  rows: number;
  sample?: number;
}

export interface UnitEvaluation {
  unitId: string;
  /** Undefined when nothing counts. */
  score?: number;
  parts: RaterPart[];
  /** Every row credited to the unit (counted or not), in the order given. */
  rows: Evaluation[];
  /** Flagged rows not (yet) accepted: shown, not counted. */
  excluded: Evaluation[];
}

/** The mean of the rows' scores, weighted by sample when every row has a positive one. */
function raterScore(rows: readonly Evaluation[]): { score: number; sample?: number } {
  const weighted = rows.every((r) => typeof r.sampleSize === 'number' && r.sampleSize > 0);
  if (weighted) {
    const sample = rows.reduce((n, r) => n + r.sampleSize!, 0);
    return { score: round2(rows.reduce((s, r) => s + r.score * r.sampleSize!, 0) / sample), sample };
  }
  return { score: round2(rows.reduce((s, r) => s + r.score, 0) / rows.length) };
}

/**
 * Every unit's evaluation (units without any row are absent). `tasks` gives the lead unit of
 * task rows; a task row whose task is unknown or has no lead unit counts for nobody.
 */
export function unitEvaluations(
  evaluations: readonly Evaluation[],
  tasks: readonly Pick<Task, 'id' | 'leadUnitId'>[],
  settings: EvaluationSettings = defaultEvaluationSettings,
): Map<string, UnitEvaluation> {
  const leadOf = new Map(tasks.map((t) => [t.id, t.leadUnitId]));
  const out = new Map<string, UnitEvaluation>();
  for (const e of evaluations) {
    const unitId = creditedUnit(e, leadOf);
    if (unitId === undefined || !Number.isFinite(e.score)) continue;
    let u = out.get(unitId);
    if (!u) out.set(unitId, (u = { unitId, parts: [], rows: [], excluded: [] }));
    u.rows.push(e);
    if (!countsInComposite(e, settings)) u.excluded.push(e);
  }
  for (const u of out.values()) {
    const counted = u.rows.filter((e) => !u.excluded.includes(e));
    const present: { rater: RaterType; weight: number; score: number; rows: number; sample?: number }[] = [];
    for (const rater of RATER_TYPES) {
      const rows = counted.filter((e) => e.rater === rater);
      if (rows.length === 0) continue;
      const w = settings.raterWeights[rater];
      const { score, sample } = raterScore(rows);
      present.push({
        rater,
        weight: Number.isFinite(w) && w > 0 ? w : 0,
        score,
        rows: rows.length,
        ...(sample === undefined ? {} : { sample }),
      });
    }
    const total = present.reduce((s, p) => s + p.weight, 0);
    u.parts = present.map(({ weight, ...p }) => ({ ...p, share: total > 0 ? weight / total : 0 }));
    if (total > 0) u.score = round2(present.reduce((s, p) => s + (p.score * p.weight) / total, 0));
  }
  return out;
}

export interface CompositeParts {
  unitId: string;
  /** Mean of the monthly scores (scoring.ts periodScore). */
  process: number;
  /** The unit's evaluation score; undefined when it has none (the score is then the process score). */
  evaluation?: number;
  /** The year composite. */
  score: number;
}

/** The weights as shares (0–1) of their sum: { process: 0.8, evaluation: 0.2 }. */
export function compositeShares(weights: CompositeWeights): { process: number; evaluation: number } {
  const wp = Number.isFinite(weights.process) && weights.process > 0 ? weights.process : 0;
  const we = Number.isFinite(weights.evaluation) && weights.evaluation > 0 ? weights.evaluation : 0;
  if (wp + we <= 0) return { process: 1, evaluation: 0 };
  return { process: wp / (wp + we), evaluation: we / (wp + we) };
}

/** The year composite of each unit with a process score, with its parts. */
export function compositeScores(
  processScores: readonly { unitId: string; score: number }[],
  evaluations: ReadonlyMap<string, Pick<UnitEvaluation, 'score'>>,
  weights: CompositeWeights,
): CompositeParts[] {
  return processScores.map(({ unitId, score: process }) => {
    const evaluation = evaluations.get(unitId)?.score;
    const parts: CompositeParts = { unitId, process, score: yearComposite(process, evaluation, weights) };
    if (evaluation !== undefined) parts.evaluation = evaluation;
    return parts;
  });
}

/** '企业 70%、群众 30%': the rater weights in words, for the settings and the ranking's note. */
export function raterWeightsText(settings: EvaluationSettings): string {
  return RATER_TYPES.map((r) => `${r}${round2(settings.raterWeights[r])}%`).join('、');
}

/** A percentage share for display: 0.8 → '80%'. */
export function shareText(share: number): string {
  return `${round2(share * 100)}%`;
}
