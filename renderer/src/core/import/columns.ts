// Column names: the fields of each template, the header texts (aliases) that stand for them,
// and the normalisation that lets '累计进度（%）', '累计进度(%)' and '累计 进度' meet.
// The office extends the table in the app; its entries are merged over the defaults.

import { toHalfWidth } from '../text';
import type { TemplateKind } from './types';

export const taskListFields = [
  'code',
  'section',
  'title',
  'targets',
  'measures',
  'leader',
  'leadUnit',
  'coUnits',
  'due',
] as const;
export type TaskListField = (typeof taskListFields)[number];

export const progressFields = [
  'taskId',
  'code',
  'title',
  'milestone',
  'done',
  'percent',
  'plannedPercent',
  'statusWord',
  'problems',
  'nextSteps',
  'coordination',
  'delayExplanation',
  'reporter',
  'phone',
  // Shown in the app's own template for reference and read past without a note.
  'role',
  'lastPercent',
] as const;
export type ProgressField = (typeof progressFields)[number];

/** The monthly plan's fixed columns; its per-month columns belong to the plan mapper. */
export const planFields = ['taskId', 'code', 'title', 'milestone', 'plannedPercent'] as const;
export type PlanField = (typeof planFields)[number];

export const evaluationFields = ['unit', 'title', 'rater', 'score', 'sampleSize'] as const;
export type EvaluationField = (typeof evaluationFields)[number];

/** Field → the header texts that stand for it. */
export type ColumnAliases = Record<string, string[]>;
/** Aliases per template; the office's own table (edited in the app) has this shape too. */
export type ColumnAliasTable = Partial<Record<TemplateKind, ColumnAliases>>;

/**
 * The built-in aliases. The first text of each field is the canonical header the app writes
 * (PRODUCT.md §6); the others are what units' own sheets were seen to use. Texts are compared
 * through headerKey, so '(%)', spaces, full-width forms and a month number ('5月计划') need no
 * entries of their own.
 */
export const defaultColumnAliases = {
  tasks: {
    code: ['序号', '编号'],
    section: ['工作板块', '板块', '工作类别', '类别', '分类', '工作领域', '领域'],
    title: ['重点工作', '工作任务', '重点任务', '重点工作任务', '任务名称', '项目名称'],
    targets: ['工作目标', '目标', '目标任务', '目标清单', '年度目标'],
    measures: ['主要措施', '措施', '工作措施', '具体措施', '推进措施', '措施清单'],
    leader: ['分管区领导', '分管领导', '责任领导', '区领导', '联系区领导', '牵头区领导'],
    leadUnit: ['牵头单位', '牵头部门', '主办单位', '牵头责任单位'],
    coUnits: ['责任单位', '配合单位', '协办单位', '参与单位', '协同单位', '配合部门', '责任部门', '责任清单'],
    due: ['完成时限', '完成时间', '时间节点', '时限', '截止时间', '完成期限', '办结时限'],
  },
  progress: {
    taskId: ['任务编号', '任务ID'],
    code: ['序号', '编号'],
    title: ['重点工作', '工作任务', '重点任务', '重点工作任务', '任务名称', '项目名称'],
    milestone: [
      '本月计划节点',
      '本月计划',
      '计划节点',
      '本月节点',
      '本月节点目标',
      '本月目标',
      '月度计划',
      '本月工作计划',
      '节点目标',
    ],
    done: [
      '本月完成情况',
      '本月进展情况',
      '进展情况',
      '完成情况',
      '本月进展',
      '工作进展',
      '推进情况',
      '进展',
      '本月工作完成情况',
      '目前进展',
      '工作完成情况',
    ],
    percent: [
      '累计进度(%)',
      '完成进度',
      '进度情况',
      '进度情况/实际',
      '实际',
      '实际进度',
      '累计完成进度',
      '累计完成',
      '累计完成比例',
      '完成比例',
      '完成率',
      '完成百分比',
      '总体进度',
      '形象进度',
      '工作进度',
      '目前进度',
      '进度',
    ],
    plannedPercent: ['计划累计进度', '进度情况/计划', '计划', '计划进度', '序时进度'],
    statusWord: ['状态', '目前状态', '当前状态', '进度状态', '完成状态', '推进状态', '工作状态'],
    problems: [
      '存在问题',
      '存在困难和问题',
      '存在的问题',
      '存在问题和困难',
      '存在困难',
      '困难和问题',
      '困难问题',
      '问题',
    ],
    nextSteps: [
      '下步措施',
      '下一步打算',
      '下一步措施',
      '下步打算',
      '下一步计划',
      '下步计划',
      '下一步工作计划',
      '下月计划',
    ],
    coordination: [
      '需协调事项',
      '需协调解决事项',
      '需协调解决的问题',
      '需要协调的事项',
      '需区领导协调事项',
      '协调事项',
    ],
    delayExplanation: ['滞后原因说明', '滞后原因', '滞后说明', '未完成原因', '情况说明', '说明情况'],
    reporter: ['填报人', '填表人', '联系人'],
    phone: ['联系电话', '电话', '手机', '联系方式'],
    role: ['责任类型'],
    lastPercent: ['上月累计进度(%)', '上月累计进度', '上月进度'],
  },
  plan: {
    taskId: ['任务编号', '任务ID'],
    code: ['序号', '编号'],
    title: ['重点工作', '工作任务', '重点任务', '任务名称'],
    milestone: ['节点目标', '月度节点', '节点'],
    plannedPercent: ['计划累计进度(%)', '计划进度', '计划累计进度'],
  },
  evaluation: {
    unit: ['单位', '单位名称', '被评价单位', '责任单位', '被测评单位', '部门名称', '镇街名称'],
    title: ['重点工作', '工作任务', '评价项目'],
    rater: ['评价主体', '评价类型', '评价方', '测评主体', '调查对象'],
    score: ['满意度得分', '满意度', '得分', '评价得分', '满意率', '测评得分', '满意度评分', '评分'],
    sampleSize: ['样本数', '样本量', '有效样本数', '样本数量', '有效样本', '调查样本数', '有效问卷数', '问卷数'],
  },
} satisfies {
  tasks: Record<TaskListField, string[]>;
  progress: Record<ProgressField, string[]>;
  plan: Record<PlanField, string[]>;
  evaluation: Record<EvaluationField, string[]>;
};

/** The canonical header of every field (the first alias), for export and for the alias editor. */
export const columnLabels: Record<TemplateKind, Record<string, string>> = {
  tasks: labelsOf(defaultColumnAliases.tasks),
  progress: labelsOf(defaultColumnAliases.progress),
  plan: labelsOf(defaultColumnAliases.plan),
  evaluation: labelsOf(defaultColumnAliases.evaluation),
};

function labelsOf(aliases: ColumnAliases): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, texts] of Object.entries(aliases)) out[field] = texts[0] ?? field;
  return out;
}

/** Decorations that say "this is a percent": '(%)', '（%）', '(百分比)', a bare '%'. */
const PERCENT_DECORATION = /\((%|百分比|百分数)\)|%/gu;
/** A scale written beside a score: '满意度（五分制）', '得分(满分10分)' (the evaluation mapper reads it from the header as written). */
const SCALE_DECORATION = /\((百分制|五分制|十分制|\d{1,3}分制|满分\d{1,3}分?)\)/gu;
/** A month at the start of a header part: '5月计划', '十一月份进展' → '本月…'. */
const MONTH_PREFIX = /(^|\/)(\d{1,2}|[一二三四五六七八九十]{1,3}|当|本)月份?/gu;

/**
 * The form of a header used for matching only: full-width made half-width, all spaces and line
 * breaks dropped, percent and scale decorations ('(%)', '(五分制)') dropped, a leading month ('5月', '当月', '本月份') made
 * '本月', a trailing colon or '*' (required mark) dropped, Latin letters lower-cased. The parts
 * of a flattened two-row header stay separated by '/'.
 */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/gu, '')
    .replace(PERCENT_DECORATION, '')
    .replace(SCALE_DECORATION, '')
    .replace(/^\*+|[*:]+$/gu, '')
    .replace(MONTH_PREFIX, '$1本月')
    .toLowerCase();
}

/** Header key → field, for one template: the defaults, then the office's entries over them. */
export type AliasIndex = Map<string, string>;

export function aliasIndex(kind: TemplateKind, extra?: ColumnAliasTable): AliasIndex {
  const index: AliasIndex = new Map();
  for (const [field, texts] of Object.entries(defaultColumnAliases[kind] as ColumnAliases)) {
    for (const text of texts) {
      const key = headerKey(text);
      if (key !== '' && !index.has(key)) index.set(key, field);
    }
  }
  const own = extra?.[kind];
  if (own && typeof own === 'object') {
    for (const [field, texts] of Object.entries(own)) {
      if (!Array.isArray(texts)) continue;
      for (const text of texts) {
        if (typeof text !== 'string') continue;
        const key = headerKey(text);
        if (key !== '') index.set(key, field);
      }
    }
  }
  return index;
}

/**
 * The field a header stands for: its whole key first; for a flattened header ('进度情况/实际')
 * then its lower part alone ('实际'). Undefined for a header that is no known column.
 */
export function fieldOfHeader(text: string, index: AliasIndex): string | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  const whole = index.get(key);
  if (whole !== undefined) return whole;
  const slash = key.lastIndexOf('/');
  return slash >= 0 ? index.get(key.slice(slash + 1)) : undefined;
}
