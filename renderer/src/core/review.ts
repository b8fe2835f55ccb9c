// 复盘 (PRODUCT.md §1: 回忆目标、评估结果、分析原因、总结经验): what the data says about one
// task over its year, and the texts the four steps start from. Pure: the screen gathers the
// task's reports, feedback and evaluations; the months to look at end at `lastMonth`.

import { isOpenInMonth, windowMonths } from './calendar';
import { chineseDate } from './dates';
import type { Evaluation, Feedback, IsoDate, Light, ProgressReport, RaterType, Review, Task, Verdict } from './model';
import {
  assessTaskMonth,
  defaultProgressRules,
  lightLabels,
  monthEndOf,
  statusLabels,
  type AssessedStatus,
  type ProgressRules,
  type WorkWindow,
} from './progress';

// ---------------------------------------------------------------- the four steps

/** The text fields of a review, in the order of the steps (总结经验 holds two). */
export type ReviewTextField = 'recallGoals' | 'assessResults' | 'analyseCauses' | 'lessons' | 'nextYearPlan';

export interface ReviewStep {
  label: string;
  /** The fields the step edits. */
  fields: readonly ReviewTextField[];
}

export const reviewSteps: readonly ReviewStep[] = [
  { label: '回忆目标', fields: ['recallGoals'] },
  { label: '评估结果', fields: ['assessResults'] },
  { label: '分析原因', fields: ['analyseCauses'] },
  { label: '总结经验', fields: ['lessons', 'nextYearPlan'] },
];

export const reviewFieldLabels: Record<ReviewTextField, string> = {
  recallGoals: '回忆目标',
  assessResults: '评估结果',
  analyseCauses: '分析原因',
  lessons: '经验与不足',
  nextYearPlan: '纳入下年度计划的事项',
};

export type ReviewTexts = Record<ReviewTextField, string>;

/** A review's texts (nextYearPlan is optional in older rows). */
export function textsOf(
  review: Pick<Review, 'recallGoals' | 'assessResults' | 'analyseCauses' | 'lessons' | 'nextYearPlan'>,
): ReviewTexts {
  return {
    recallGoals: review.recallGoals,
    assessResults: review.assessResults,
    analyseCauses: review.analyseCauses,
    lessons: review.lessons,
    nextYearPlan: review.nextYearPlan ?? '',
  };
}

export type ReviewState = 'none' | 'in_progress' | 'done';
export const reviewStateLabels: Record<ReviewState, string> = { none: '未开始', in_progress: '进行中', done: '已完成' };

/** Not started (no row), in progress, or done (marked complete). */
export function reviewStateOf(review: Pick<Review, 'completedAt'> | undefined): ReviewState {
  if (!review) return 'none';
  return review.completedAt ? 'done' : 'in_progress';
}

/** '进行中（第2步：评估结果）', '已完成', '未开始'. */
export function reviewStateText(review: Pick<Review, 'completedAt' | 'step'> | undefined): string {
  const state = reviewStateOf(review);
  if (state !== 'in_progress') return reviewStateLabels[state];
  const step = Math.min(reviewSteps.length - 1, Math.max(0, review?.step ?? 0));
  return `进行中（第${step + 1}步：${reviewSteps[step]!.label}）`;
}

// ---------------------------------------------------------------- the year's facts

export interface FinalProgress {
  /** The lead unit's cumulative percent in its latest report; null without one. */
  percent: number | null;
  /** The month of that report. */
  month?: number;
}

/**
 * A task's progress at the end of the year (or as far as the year has got): the percent of the
 * lead unit's report of the latest month. A task without a lead unit, or whose lead unit never
 * reported, has none (null).
 */
export function finalProgress(
  task: Pick<Task, 'id' | 'leadUnitId'>,
  reports: readonly Pick<ProgressReport, 'taskId' | 'unitId' | 'month' | 'percent'>[],
): FinalProgress {
  let best: { month: number; percent: number } | undefined;
  for (const r of reports) {
    if (r.taskId !== task.id || r.unitId !== task.leadUnitId || task.leadUnitId === undefined) continue;
    if (typeof r.percent !== 'number' || !Number.isFinite(r.percent)) continue;
    if (!best || r.month > best.month) best = { month: r.month, percent: r.percent };
  }
  return best ? { percent: best.percent, month: best.month } : { percent: null };
}

/** Unfinished at year end: no report, or the latest percent below 100. */
export function isUnfinished(final: FinalProgress): boolean {
  return final.percent === null || final.percent < 100;
}

export interface MonthRecord {
  month: number;
  expected: number;
  percent: number | null;
  status: AssessedStatus;
  light: Light;
}

export interface EvaluationSummary {
  /** Whether the rows scored the task itself or its lead unit. */
  scope: 'task' | 'unit';
  rater: RaterType;
  /** Sample-weighted mean score, 1 decimal. */
  score: number;
  sampleSize: number;
}

export interface UnitText {
  month: number;
  unitId: string;
  text: string;
}

export interface ReviewComment extends UnitText {
  verdict?: Verdict;
}

export interface ReviewFacts {
  final: FinalProgress;
  /** Month by month, each judged as at that month's end (lights history). */
  months: MonthRecord[];
  /** Months the task was behind or not started. */
  behindMonths: number[];
  /** Months without the lead unit's report. */
  missingMonths: number[];
  /** 滞后原因说明 written by the units, by month. */
  explanations: UnitText[];
  /** The office's comments (督查反馈), by month. */
  comments: ReviewComment[];
  evaluations: EvaluationSummary[];
}

export interface ReviewFactsInput {
  task: Task;
  workWindow: WorkWindow;
  milestones: readonly { taskId: string; month: number; plannedPercent: number }[];
  /** The task's reports (any unit, any month). */
  reports: readonly ProgressReport[];
  feedback: readonly Feedback[];
  /** Evaluation rows of the task or of its lead unit. */
  evaluations: readonly Evaluation[];
  /** The last month to look at (e.g. the window's end for a past year, this month for the current one). */
  lastMonth: number;
  rules?: ProgressRules;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Sample-weighted mean per scope and rater, task first, in the order the raters first appear. */
export function summariseEvaluations(
  task: Pick<Task, 'id' | 'leadUnitId'>,
  rows: readonly Evaluation[],
): EvaluationSummary[] {
  const groups = new Map<
    string,
    { scope: 'task' | 'unit'; rater: RaterType; weighted: number; samples: number; count: number; plain: number }
  >();
  for (const row of rows) {
    const scope =
      row.taskId === task.id
        ? 'task'
        : row.taskId === undefined && row.unitId !== undefined && row.unitId === task.leadUnitId
          ? 'unit'
          : undefined;
    if (!scope || !Number.isFinite(row.score)) continue;
    const key = `${scope}:${row.rater}`;
    const g = groups.get(key) ?? { scope, rater: row.rater, weighted: 0, samples: 0, count: 0, plain: 0 };
    const size = row.sampleSize ?? 0;
    const n = Number.isFinite(size) && size > 0 ? size : 0;
    g.weighted += row.score * n;
    g.samples += n;
    g.plain += row.score;
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'task' ? -1 : 1))
    .map((g) => ({
      scope: g.scope,
      rater: g.rater,
      score: round1(g.samples > 0 ? g.weighted / g.samples : g.plain / g.count),
      sampleSize: g.samples,
    }));
}

/** What the data says about a task's year: the inputs of 评估结果 and 分析原因. */
export function reviewFacts(input: ReviewFactsInput): ReviewFacts {
  const { task, workWindow } = input;
  const rules = input.rules ?? defaultProgressRules;
  const milestones = input.milestones.filter((m) => m.taskId === task.id);
  const reports = input.reports.filter((r) => r.taskId === task.id);
  const months: MonthRecord[] = windowMonths(workWindow)
    .filter((m) => m <= input.lastMonth && isOpenInMonth(task, workWindow.year, m))
    .map((month) => {
      const report = reports.find((r) => r.month === month && r.unitId === task.leadUnitId);
      const a = assessTaskMonth(
        { task, milestones, month, workWindow, report: report ?? null, today: monthEndOf(workWindow.year, month) },
        rules,
      );
      return { month, expected: a.expected, percent: a.percent, status: a.status, light: a.light };
    });
  const byMonthThenUnit = (a: UnitText, b: UnitText) =>
    a.month - b.month || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
  const explanations = reports
    .filter((r) => r.month <= input.lastMonth && r.delayExplanation.trim() !== '')
    .map((r) => ({ month: r.month, unitId: r.unitId, text: r.delayExplanation.trim() }))
    .sort(byMonthThenUnit);
  const comments = input.feedback
    .filter(
      (f) => f.taskId === task.id && f.month <= input.lastMonth && (f.comment.trim() !== '' || f.verdict !== undefined),
    )
    .map((f) => {
      const c: ReviewComment = { month: f.month, unitId: f.unitId, text: f.comment.trim() };
      if (f.verdict !== undefined) c.verdict = f.verdict;
      return c;
    })
    .sort(byMonthThenUnit);
  return {
    final: finalProgress(
      task,
      reports.filter((r) => r.month <= input.lastMonth),
    ),
    months,
    behindMonths: months.filter((m) => m.status === 'behind' || m.status === 'not_started').map((m) => m.month),
    missingMonths: months.filter((m) => m.status === 'no_report').map((m) => m.month),
    explanations,
    comments,
    evaluations: summariseEvaluations(task, input.evaluations),
  };
}

// ---------------------------------------------------------------- the texts the steps start from

export interface ReviewNames {
  leaders: string[];
  leadUnit?: string;
  coUnits: string[];
  /** A unit's name by id, for explanations and comments. */
  unitName(id: string): string;
}

function numbered(items: readonly string[]): string[] {
  return items.map((text, i) => `${i + 1}. ${text}`);
}

function monthList(months: readonly number[]): string {
  return months.map((m) => `${m}月`).join('、');
}

/** 回忆目标: the task's targets, measures and responsibility, as set at the start of the year. */
export function recallGoalsDraft(
  task: Pick<Task, 'targets' | 'measures' | 'dueDate' | 'responsiblePerson'>,
  names: ReviewNames,
): string {
  const targets = task.targets.map((t) =>
    t.value !== undefined && !t.text.includes(String(t.value)) ? `${t.text}（${t.value}${t.unit ?? ''}）` : t.text,
  );
  const lines = [
    '工作目标：',
    ...(targets.length ? numbered(targets) : ['（未列明）']),
    '主要措施：',
    ...(task.measures.length ? numbered(task.measures.map((m) => m.text)) : ['（未列明）']),
  ];
  const duty = [
    names.leaders.length ? `分管区领导：${names.leaders.join('、')}` : '',
    names.leadUnit ? `牵头单位：${names.leadUnit}` : '',
    names.coUnits.length ? `责任单位：${names.coUnits.join('、')}` : '',
    task.responsiblePerson ? `责任人：${task.responsiblePerson}` : '',
    `完成时限：${chineseDate(task.dueDate)}`,
  ].filter(Boolean);
  return [...lines, '责任分工：', ...duty].join('\n');
}

/** '93.5分（企业，样本120）' lines of the evaluations. */
function evaluationLines(evaluations: readonly EvaluationSummary[], names: ReviewNames): string[] {
  return evaluations.map(
    (e) =>
      `${e.scope === 'task' ? '本项工作' : `牵头单位${names.leadUnit ?? ''}`}${e.rater}评价${e.score}分${e.sampleSize > 0 ? `（样本${e.sampleSize}个）` : ''}`,
  );
}

/** 评估结果: the final percent, the months behind, the lights month by month, the evaluation. */
export function assessResultsDraft(facts: ReviewFacts, names: ReviewNames): string {
  const { final } = facts;
  const lines = [
    final.percent === null
      ? '年末进度：牵头单位未报送进展。'
      : `年末进度：截至${final.month}月，累计完成${final.percent}%${final.percent >= 100 ? '，已完成。' : '，未完成。'}`,
    facts.behindMonths.length
      ? `滞后月份：${monthList(facts.behindMonths)}，共${facts.behindMonths.length}个月。`
      : '滞后月份：无。',
  ];
  if (facts.missingMonths.length) lines.push(`未报送月份：${monthList(facts.missingMonths)}。`);
  if (facts.months.length) {
    lines.push(
      `各月红黄绿灯：${facts.months.map((m) => `${m.month}月${lightLabels[m.light]}（${statusLabels[m.status]}）`).join('、')}。`,
    );
  }
  const evaluations = evaluationLines(facts.evaluations, names);
  lines.push(evaluations.length ? `第三方评估：${evaluations.join('；')}。` : '第三方评估：暂无评估结果。');
  return lines.join('\n');
}

/** 分析原因: the units' explanations and the office's comments, then room for the staff's analysis. */
export function analyseCausesDraft(facts: ReviewFacts, names: ReviewNames): string {
  const lines = ['单位说明情况：'];
  if (facts.explanations.length === 0) lines.push('（无）');
  for (const e of facts.explanations) lines.push(`${e.month}月 ${names.unitName(e.unitId)}：${e.text}`);
  lines.push('督查意见：');
  if (facts.comments.length === 0) lines.push('（无）');
  for (const c of facts.comments)
    lines.push(
      `${c.month}月 ${names.unitName(c.unitId)}${c.verdict ? `（${c.verdict}）` : ''}${c.text ? `：${c.text}` : ''}`,
    );
  lines.push('原因分析：', '');
  return lines.join('\n');
}

/** 总结经验: headings for the lessons. */
export function lessonsDraft(): string {
  return ['经验做法：', '', '存在不足：', ''].join('\n');
}

/** What to carry into next year's plan: an unfinished task is suggested for carrying over. */
export function nextYearPlanDraft(facts: ReviewFacts, nextYear: number): string {
  const { percent } = facts.final;
  if (percent !== null && percent >= 100) return '本项工作已完成，巩固成效，形成长效机制。';
  return `本项工作年末${percent === null ? '未报送进展' : `完成${percent}%`}，建议结转至${nextYear}年度继续推进。`;
}

/** The texts a review starts from when none is saved yet. */
export function reviewDrafts(task: Task, facts: ReviewFacts, names: ReviewNames, year: number): ReviewTexts {
  return {
    recallGoals: recallGoalsDraft(task, names),
    assessResults: assessResultsDraft(facts, names),
    analyseCauses: analyseCausesDraft(facts, names),
    lessons: lessonsDraft(),
    nextYearPlan: nextYearPlanDraft(facts, year + 1),
  };
}

/** The last month of a year's window that has begun by `today` (the window's end for a past year). */
export function lastMonthOf(workWindow: WorkWindow, today: IsoDate): number {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (y > workWindow.year) return workWindow.windowEndMonth;
  if (y < workWindow.year) return workWindow.windowStartMonth - 1;
  return Math.min(workWindow.windowEndMonth, m);
}

/** The four sections as printed and exported: 总结经验 holds the lessons and what goes into next year's plan. */
export function reviewSections(texts: ReviewTexts): { heading: string; text: string }[] {
  const plan = texts.nextYearPlan.trim();
  return [
    { heading: '回忆目标', text: texts.recallGoals },
    { heading: '评估结果', text: texts.assessResults },
    { heading: '分析原因', text: texts.analyseCauses },
    {
      heading: '总结经验',
      text: plan ? `${texts.lessons.trimEnd()}\n${reviewFieldLabels.nextYearPlan}：\n${plan}` : texts.lessons,
    },
  ];
}
