// A 第三方评估结果 sheet (PRODUCT.md §6: 单位 or 重点工作, 评价主体, 满意度得分, 样本数) → one row
// per evaluation as written, its score read on the sheet's scale and normalised to 0–100.
// Units and tasks are matched afterwards (evaluationChangeset.ts).
//
// THE SCALE of a sheet (one per file; the user may always choose another in the preview):
//   1. a hint, first found in: the score column's header ('满意度（五分制）', '满意率(%)'), the
//      title rows, the sheet name, the file name — 五分制/5分制/满分5分 → five; 十分制/满分10分 →
//      ten; 百分制/满分100分 → hundred; 满意率/%/百分比 → percent;
//   2. else the numbers: all between 0 and 1 with a fraction → 满意率 written as fractions
//      (0.92 = 92 %); all at most 5 → ambiguous (五分制, 十分制 or 百分制?): the user is asked;
//      all at most 10 → ambiguous (十分制 or 百分制?): asked; otherwise 百分制.
//   A cell written with a percent sign ('92%') or in a percent-formatted cell is a 满意率 on any
//   sheet. Until an ambiguous sheet's scale is chosen, none of its rows is imported.

import { cleanText, singleLine, toHalfWidth } from '../text';
import { normaliseScore, scaleLabels, scaleMax } from '../evaluation';
import type { EvaluationScale, RaterType } from '../model';
import type { ColumnAliasTable } from './columns';
import { describeError, issueList, type IssueList } from './issues';
import { cellName, cellText, columnLetter, numberText } from './sheet';
import { RowReader, openTable, tableRows, titleTexts, type OpenTable } from './table';
import type { Cell, Grid, ImportIssue } from './types';

export interface EvaluationSheetRow {
  /** 1-based row in the sheet, as Excel shows it. */
  sheetRow: number;
  /** 单位 as written ('' when the column is absent or empty). */
  unitAsWritten: string;
  /** 重点工作 as written: when filled, the row evaluates the task. */
  taskAsWritten: string;
  rater: RaterType;
  /** The score as written (4.5), on `scale`; a cell with a percent sign is a 满意率 whatever the sheet's scale. */
  rawScore: number;
  scale: EvaluationScale;
  /** 0–100. */
  score: number;
  sampleSize?: number;
}

export interface ScaleDecision {
  /** Undefined while the user must choose (`options`). */
  scale?: EvaluationScale;
  /** Why, in Chinese: '表头“满意度（五分制）”', '数值均大于10', '已选择'. */
  reason: string;
  /** The scales the numbers allow, when they do not settle it. */
  options?: EvaluationScale[];
  /** The numbers are fractions of 1 (0.92 = 92 %): only with the percent scale. */
  fractions?: boolean;
}

export interface EvaluationContext {
  /** The work year: a file naming another year gets a warning. */
  year: number;
  aliases?: ColumnAliasTable;
  /** The scale the user chose for this file; overrides what the sheet suggests. */
  scale?: EvaluationScale;
}

export interface EvaluationResult {
  rows: EvaluationSheetRow[];
  issues: ImportIssue[];
  sheet?: string;
  /** The sheet's scale, or the options to choose from. */
  scale?: ScaleDecision;
  /** Column letters of the fields, for the messages of the matching step. */
  columns: { unit?: string; title?: string; rater?: string; score?: string; sampleSize?: string };
}

const RATER_WORDS: [RaterType, RegExp][] = [
  ['第三方机构', /第三方|专业机构|评估机构|测评机构|调查机构/u],
  ['企业', /企业|市场主体|经营主体|营商主体|商户|个体工商户/u],
  ['群众', /群众|公众|市民|居民|村民|百姓|服务对象|社会评价/u],
];

/** 评价主体 as written → the rater type: '企业', '企业代表', '市民', '第三方评估机构' …; undefined for '专家'. */
export function raterOf(text: string): RaterType | undefined {
  const s = toHalfWidth(text).replace(/\s+/gu, '');
  if (s === '') return undefined;
  const hits = RATER_WORDS.filter(([, re]) => re.test(s)).map(([r]) => r);
  return hits.length === 1 ? hits[0] : undefined;
}

const HINTS: [EvaluationScale, RegExp][] = [
  ['five', /五分制|(?<!\d)5分制|满分(为)?5分?(?![\d.])/u],
  ['ten', /十分制|(?<!\d)10分制|满分(为)?10分?(?![\d.])/u],
  ['hundred', /百分制|100分制|满分(为)?100/u],
  ['percent', /满意率|%|百分比/u],
];

/** The scale a text names, if one. */
export function scaleHint(text: string): EvaluationScale | undefined {
  const s = toHalfWidth(text).replace(/\s+/gu, '');
  return HINTS.find(([, re]) => re.test(s))?.[0];
}

interface Reading {
  v: number;
  /** Written with a percent sign, or in a percent-formatted cell. */
  marked: boolean;
}

/** A score cell as a number: 92, '92', '92分', '４.５', '92%', 0.92 in a percent cell; undefined for text like '良好'. */
function readScore(cell: Cell | undefined): Reading | undefined {
  if (!cell) return undefined;
  if (cell.t === 'number')
    return Number.isFinite(cell.v)
      ? cell.percent
        ? { v: cell.v * 100, marked: true }
        : { v: cell.v, marked: false }
      : undefined;
  if (cell.t !== 'text') return undefined;
  const s = toHalfWidth(cell.v).replace(/\s+/gu, '').replace(/分$/u, '');
  const marked = s.endsWith('%');
  const digits = marked ? s.slice(0, -1) : s;
  if (!/^(\d+(\.\d*)?|\.\d+)$/u.test(digits)) return undefined;
  return { v: Number(digits), marked };
}

const isEmpty = (cell: Cell | undefined): boolean => !cell || (cell.t === 'text' && cell.v.trim() === '');

/**
 * The sheet's scale from its hints and numbers (see the file header). `readings` are the
 * readable score cells of its data rows.
 */
export function decideScale(
  hints: readonly { text: string; where: string }[],
  readings: readonly Reading[],
): ScaleDecision {
  const plain = readings.filter((r) => !r.marked).map((r) => r.v);
  const fractions = plain.length > 0 && plain.every((v) => v >= 0 && v <= 1) && plain.some((v) => v > 0 && v < 1);
  for (const { text, where } of hints) {
    const scale = scaleHint(text);
    if (scale === undefined) continue;
    const decision: ScaleDecision = { scale, reason: `${where}“${text}”` };
    if (scale === 'percent' && fractions) decision.fractions = true;
    return decision;
  }
  if (plain.length === 0)
    return readings.length > 0
      ? { scale: 'percent', reason: '数值带%' }
      : { scale: 'hundred', reason: '未见数值，按百分制' };
  if (fractions) return { scale: 'percent', reason: '数值均在0～1之间，按满意率（小数）读取', fractions: true };
  const max = Math.max(...plain);
  if (max <= 5) return { reason: `数值均不大于5`, options: ['five', 'ten', 'hundred'] };
  if (max <= 10) return { reason: `数值均不大于10`, options: ['ten', 'hundred'] };
  return { scale: 'hundred', reason: '数值大于10，按百分制' };
}

/** A sample size: 120, '120', '120人', '1,200份'; undefined for an empty cell; null for one that cannot be read. */
function readSample(cell: Cell | undefined): number | undefined | null {
  if (isEmpty(cell)) return undefined;
  let v: number;
  if (cell!.t === 'number') v = cell!.v;
  else if (cell!.t === 'text') {
    const s = toHalfWidth(cell!.v)
      .replace(/[\s,，]+/gu, '')
      .replace(/(人|份|个|户|家|名|人次|份问卷)$/u, '');
    if (!/^\d+(\.0*)?$/u.test(s)) return null;
    v = Number(s);
  } else return null;
  return Number.isInteger(v) && v >= 0 ? v : null;
}

/** The rater named by the texts around the table, when exactly one is named. */
function raterFromContext(texts: readonly string[]): RaterType | undefined {
  const found = new Set<RaterType>();
  for (const t of texts) {
    const s = toHalfWidth(t).replace(/\s+/gu, '');
    for (const [r, re] of RATER_WORDS) if (re.test(s)) found.add(r);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function mapRows(grid: Grid, ctx: EvaluationContext, issues: IssueList, result: EvaluationResult): void {
  const table = openTable(grid, 'evaluation', ctx.aliases, issues);
  if (!table) return;
  result.sheet = table.view.sheet.name;
  const sheetIssues = table.issues;
  const { fields } = table.layout;
  for (const f of ['unit', 'title', 'rater', 'score', 'sampleSize'] as const) {
    const c = fields[f];
    if (c !== undefined) result.columns[f] = columnLetter(c);
  }
  const { data } = tableRows(table);
  const titles = titleTexts(table);
  const year = yearOf([...titles, grid.fileName]);
  if (year !== undefined && year !== ctx.year)
    sheetIssues.add('warning', `文件写的是${year}年，当前工作年度是${ctx.year}年`);
  if (fields.unit === undefined && fields.title === undefined) {
    sheetIssues.add('error', '没有找到"单位"或"重点工作"列，不知道评价的是谁');
    return;
  }
  let sheetRater: RaterType | undefined;
  if (fields.rater === undefined) {
    sheetRater = raterFromContext([...titles, table.view.sheet.name, grid.fileName]);
    if (sheetRater === undefined) {
      sheetIssues.add('error', '没有找到"评价主体"列，标题和文件名也未写明是企业、群众还是第三方机构的评价');
      return;
    }
    sheetIssues.add('info', `没有"评价主体"列，按标题或文件名记为${sheetRater}评价`);
  }
  const scoreCol = fields.score!;
  const scale = chooseScale(table, data, scoreCol, titles, grid.fileName, ctx.scale);
  result.scale = scale;
  if (scale.scale === undefined) {
    const options = (scale.options ?? []).map((s) => scaleLabels[s]).join('、');
    sheetIssues.add(
      'error',
      `"${headerOf(table, scoreCol)}"列${scale.reason}，无法判断是${options}中的哪一种，请在上方选择评分制`,
      table.layout.headerRow,
      scoreCol,
    );
    return;
  }

  for (const r of data) {
    const read = new RowReader(table, r);
    const unitAsWritten = read.line('unit');
    const taskAsWritten = read.line('title');
    if (unitAsWritten === '' && taskAsWritten === '') {
      sheetIssues.add('warning', `第${r + 1}行没有填写单位或重点工作，已跳过`, r, fields.unit ?? fields.title);
      continue;
    }
    let rater = sheetRater;
    if (rater === undefined) {
      const written = read.line('rater');
      rater = raterOf(written);
      if (rater === undefined) {
        const c = fields.rater!;
        sheetIssues.add(
          'error',
          written === ''
            ? `${cellName(r, c)}没有填写评价主体，此行不导入`
            : `${cellName(r, c)}的评价主体"${written}"不是企业、群众或第三方机构，此行不导入`,
          r,
          c,
        );
        continue;
      }
    }
    const cell = read.cell('score');
    const shown = cleanText(cellText(cell ?? null));
    if (cell && cell.t === 'error') {
      sheetIssues.add('error', `${cellName(r, scoreCol)}是错误值${cell.v}，不是分数，此行不导入`, r, scoreCol);
      continue;
    }
    if (isEmpty(cell)) {
      sheetIssues.add('error', `${cellName(r, scoreCol)}没有填写满意度得分，此行不导入`, r, scoreCol);
      continue;
    }
    const reading = readScore(cell);
    if (!reading) {
      sheetIssues.add(
        'error',
        `${cellName(r, scoreCol)}的"${singleLine(shown)}"不是可识别的分数，此行不导入`,
        r,
        scoreCol,
      );
      continue;
    }
    const rowScale: EvaluationScale = reading.marked ? 'percent' : scale.scale;
    const rawScore = Math.round((reading.marked || !scale.fractions ? reading.v : reading.v * 100) * 10000) / 10000;
    const score = normaliseScore(rawScore, rowScale);
    if (score === undefined) {
      sheetIssues.add(
        'error',
        `${cellName(r, scoreCol)}的"${singleLine(shown)}"超出${scaleLabels[rowScale]}的范围（0～${scaleMax[rowScale]}${rowScale === 'percent' ? '%' : ''}），此行不导入`,
        r,
        scoreCol,
      );
      continue;
    }
    const row: EvaluationSheetRow = {
      sheetRow: r + 1,
      unitAsWritten,
      taskAsWritten,
      rater,
      rawScore,
      scale: rowScale,
      score,
    };
    if (fields.sampleSize !== undefined) {
      const sample = readSample(read.cell('sampleSize'));
      if (sample === null) {
        const c = fields.sampleSize;
        sheetIssues.add(
          'error',
          `${cellName(r, c)}的"${singleLine(cleanText(read.raw('sampleSize')))}"不是可识别的样本数（应为整数），此行不导入`,
          r,
          c,
        );
        continue;
      }
      if (sample !== undefined) row.sampleSize = sample;
    }
    result.rows.push(row);
  }
  if (result.rows.length === 0 && !result.issues.some((i) => i.severity === 'error'))
    sheetIssues.add('error', '评估表中没有读到任何评估结果');
}

/** The year the title rows or the file name give ('2026年度…'), first found. */
function yearOf(texts: readonly string[]): number | undefined {
  for (const t of texts) {
    const m = /(?<!\d)(19\d{2}|20\d{2})年/u.exec(toHalfWidth(t));
    if (m) return Number(m[1]);
  }
  return undefined;
}

function headerOf(table: OpenTable, col: number): string {
  return table.layout.columns.find((c) => c.index === col)?.header ?? columnLetter(col);
}

function chooseScale(
  table: OpenTable,
  data: readonly number[],
  scoreCol: number,
  titles: readonly string[],
  fileName: string,
  chosen: EvaluationScale | undefined,
): ScaleDecision {
  const readings: Reading[] = [];
  for (const r of data) {
    const reading = readScore(table.view.rows[r]?.[scoreCol] ?? undefined);
    if (reading) readings.push(reading);
  }
  if (chosen !== undefined) {
    const plain = readings.filter((x) => !x.marked).map((x) => x.v);
    const fractions =
      chosen === 'percent' &&
      plain.length > 0 &&
      plain.every((v) => v >= 0 && v <= 1) &&
      plain.some((v) => v > 0 && v < 1);
    return fractions ? { scale: chosen, reason: '已选择', fractions } : { scale: chosen, reason: '已选择' };
  }
  const hints = [
    { text: headerOf(table, scoreCol), where: '表头' },
    ...titles.map((text) => ({ text, where: '标题' })),
    { text: table.view.sheet.name, where: '工作表名' },
    { text: fileName.replace(/\.(xlsx|xlsm|xls|et)$/iu, ''), where: '文件名' },
  ];
  return decideScale(hints, readings);
}

/**
 * Reads a 第三方评估结果 sheet: header found within the first rows (title rows above it, merged
 * cells filled down), columns through the alias table, rater words normalised (企业代表 → 企业,
 * 市民 → 群众, 第三方评估机构 → 第三方机构), the score on the sheet's scale (see the file header)
 * normalised to 0–100, the sample size as a whole number ('120人' too). A cell that cannot be
 * read is an error naming it, and its row is left out; nothing else is. Never throws.
 */
export function mapEvaluation(grid: Grid, ctx: EvaluationContext): EvaluationResult {
  const file = typeof grid?.fileName === 'string' ? grid.fileName : '';
  const issues = issueList(file);
  const result: EvaluationResult = { rows: [], issues: issues.list, columns: {} };
  try {
    mapRows({ ...grid, fileName: file }, ctx, issues, result);
  } catch (e) {
    result.rows = [];
    issues.add('error', `读取评估表时出现内部错误（${describeError(e)}），请把文件发给技术支持`);
  }
  return result;
}

/** '4.5（五分制）', '92%', '90' (百分制): a score as the sheet wrote it, for the preview and the screens. */
export function rawScoreText(row: Pick<EvaluationSheetRow, 'rawScore' | 'scale'>): string {
  if (row.scale === 'percent') return `${numberText(row.rawScore)}%`;
  return row.scale === 'hundred'
    ? numberText(row.rawScore)
    : `${numberText(row.rawScore)}（${scaleLabels[row.scale]}）`;
}
