import { describe, expect, it } from 'vitest';
import { gridOf, pct, sheetOf, type CellInput, type SheetOptions } from './buildGrid';
import { decideScale, mapEvaluation, rawScoreText, raterOf, scaleHint } from './evaluation';
import type { EvaluationScale } from '../model';

const header = ['单位', '评价主体', '满意度得分', '样本数'];

function map(
  rows: CellInput[][],
  options: { file?: string; sheet?: string; scale?: EvaluationScale; sheetOptions?: SheetOptions } = {},
) {
  const grid = gridOf(options.file ?? '评估.xlsx', sheetOf(options.sheet ?? 'Sheet1', rows, options.sheetOptions));
  return mapEvaluation(grid, { year: 2026, scale: options.scale });
}

describe('mapEvaluation', () => {
  it('reads a 百分制 sheet with a title row: units, rater words, scores and samples', () => {
    const result = map([
      ['2026年度镇街满意度测评结果'],
      header,
      ['东城街道', '企业', 90, 200],
      ['东城街道', '群众', '80分', '300人'],
      ['北塘街道', '第三方评估机构', '95.5', ''],
    ]);
    expect(result.issues).toEqual([]);
    expect(result.scale).toEqual({ scale: 'hundred', reason: '数值大于10，按百分制' });
    expect(result.columns).toEqual({ unit: 'A', rater: 'B', score: 'C', sampleSize: 'D' });
    expect(result.rows).toEqual([
      {
        sheetRow: 3,
        unitAsWritten: '东城街道',
        taskAsWritten: '',
        rater: '企业',
        rawScore: 90,
        scale: 'hundred',
        score: 90,
        sampleSize: 200,
      },
      {
        sheetRow: 4,
        unitAsWritten: '东城街道',
        taskAsWritten: '',
        rater: '群众',
        rawScore: 80,
        scale: 'hundred',
        score: 80,
        sampleSize: 300,
      },
      {
        sheetRow: 5,
        unitAsWritten: '北塘街道',
        taskAsWritten: '',
        rater: '第三方机构',
        rawScore: 95.5,
        scale: 'hundred',
        score: 95.5,
      },
    ]);
  });

  it('a 五分制 header hint: 4.5 → 90, and the header still matches the score column', () => {
    const result = map([
      ['单位', '评价主体', '满意度（五分制）', '样本数'],
      ['安桥镇', '企业', 4.5, 60],
      ['平水镇', '企业', '３.５', 60],
    ]);
    expect(result.scale).toEqual({ scale: 'five', reason: '表头“满意度（五分制）”' });
    expect(result.rows.map((r) => [r.rawScore, r.score, r.scale])).toEqual([
      [4.5, 90, 'five'],
      [3.5, 70, 'five'],
    ]);
    expect(rawScoreText(result.rows[0]!)).toBe('4.5（五分制）');
  });

  it('a 十分制 hint in the title row: 8.6 → 86', () => {
    const result = map([['群众满意度测评（满分10分）'], header, ['东城街道', '群众', 8.6, 100]]);
    expect(result.scale?.scale).toBe('ten');
    expect(result.rows[0]!.score).toBe(86);
  });

  it('满意率: "92%", 92 % in a percent cell, and a fraction column under a 满意率 header', () => {
    expect(
      map([
        ['重点工作', '评价主体', '满意率', '样本数'],
        ['轻纺市场转型升级', '第三方机构', '92%', 50],
      ]).rows[0],
    ).toMatchObject({ taskAsWritten: '轻纺市场转型升级', rawScore: 92, scale: 'percent', score: 92 });
    expect(
      map([header, ['东城街道', '群众', pct(0.875), 100], ['西城街道', '群众', 95, 100]]).rows.map((r) => [
        r.scale,
        r.score,
      ]),
    ).toEqual([
      ['percent', 87.5],
      ['hundred', 95],
    ]);
    const fractions = map([
      ['单位', '评价主体', '满意率(%)', '样本数'],
      ['东城街道', '群众', 0.92, 100],
      ['西城街道', '群众', 1, 100],
    ]);
    expect(fractions.scale).toMatchObject({ scale: 'percent', fractions: true });
    expect(fractions.rows.map((r) => r.score)).toEqual([92, 100]);
  });

  it('values of at most 5 without a hint: the user is asked, nothing is read until then', () => {
    const rows = [header, ['安桥镇', '企业', 4.5, 60], ['平水镇', '企业', 3.5, 60]];
    const asked = map(rows, { file: '企业评价.xlsx' });
    expect(asked.rows).toEqual([]);
    expect(asked.scale).toEqual({ reason: '数值均不大于5', options: ['five', 'ten', 'hundred'] });
    expect(asked.issues).toEqual([
      {
        severity: 'error',
        file: '企业评价.xlsx',
        sheet: 'Sheet1',
        row: 1,
        column: 'C',
        message: '"满意度得分"列数值均不大于5，无法判断是五分制、十分制、百分制中的哪一种，请在上方选择评分制',
      },
    ]);
    const chosen = map(rows, { file: '企业评价.xlsx', scale: 'five' });
    expect(chosen.issues).toEqual([]);
    expect(chosen.scale).toEqual({ scale: 'five', reason: '已选择' });
    expect(chosen.rows.map((r) => r.score)).toEqual([90, 70]);
  });

  it('values of at most 10: 十分制 or 百分制 is asked', () => {
    expect(map([header, ['东城街道', '企业', 8, 60]]).scale?.options).toEqual(['ten', 'hundred']);
  });

  it('the file name can give the scale', () => {
    expect(map([header, ['东城街道', '企业', 4, 60]], { file: '企业评价-五分制.xlsx' }).scale).toEqual({
      scale: 'five',
      reason: '文件名“企业评价-五分制”',
    });
  });

  it('a chosen scale is checked against the numbers: 85 on 五分制 is out of range, naming file, sheet, row and column', () => {
    const result = map([header, ['东城街道', '企业', 85, 60], ['西城街道', '企业', 4, 60]], {
      scale: 'five',
      file: 'a.xlsx',
      sheet: '评估',
    });
    expect(result.rows.map((r) => r.unitAsWritten)).toEqual(['西城街道']);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        file: 'a.xlsx',
        sheet: '评估',
        row: 2,
        column: 'C',
        message: 'C列第2行的"85"超出五分制的范围（0～5），此行不导入',
      },
    ]);
  });

  it('bad cells are errors that name the cell; only their rows are left out', () => {
    const result = map(
      [
        header,
        ['东城街道', '企业', '良好', 60],
        ['东城街道', '专家', 90, 60],
        ['西城街道', '企业', 90, '约百人'],
        ['南湖街道', '群众', '', 60],
        ['北塘街道', '企业', 91, 12.5],
        ['北塘街道', '群众', 93, 300],
      ],
      { file: '镇街.xlsx', sheet: '测评' },
    );
    expect(result.rows.map((r) => `${r.unitAsWritten}${r.rater}`)).toEqual(['北塘街道群众']);
    expect(result.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'C', 'C列第2行的"良好"不是可识别的分数，此行不导入'],
      [3, 'B', 'B列第3行的评价主体"专家"不是企业、群众或第三方机构，此行不导入'],
      [4, 'D', 'D列第4行的"约百人"不是可识别的样本数（应为整数），此行不导入'],
      [5, 'C', 'C列第5行没有填写满意度得分，此行不导入'],
      [6, 'D', 'D列第6行的"12.5"不是可识别的样本数（应为整数），此行不导入'],
    ]);
    expect(result.issues.every((i) => i.file === '镇街.xlsx' && i.sheet === '测评' && i.severity === 'error')).toBe(
      true,
    );
  });

  it('a unit merged over its two rater rows fills down; totals and notes are skipped', () => {
    const result = map(
      [header, ['东城街道', '企业', 90, 200], [null, '群众', 80, 300], ['平均', '', 85, ''], ['填报人：王某某']],
      { sheetOptions: { merges: ['A2:A3'] } },
    );
    expect(result.rows.map((r) => `${r.unitAsWritten}/${r.rater}`)).toEqual(['东城街道/企业', '东城街道/群众']);
  });

  it('without a 评价主体 column the rater comes from the title or the file name, else it is an error', () => {
    const byTitle = map([['2026年企业满意度调查结果'], ['单位', '满意度得分', '样本数'], ['东城街道', 90, 100]]);
    expect(byTitle.rows[0]!.rater).toBe('企业');
    expect(byTitle.issues.map((i) => i.severity)).toEqual(['info']);
    const none = map([
      ['单位', '满意度得分', '样本数'],
      ['东城街道', 90, 100],
    ]);
    expect(none.rows).toEqual([]);
    expect(none.issues[0]!.message).toContain('没有找到"评价主体"列');
  });

  it('a sheet that is not an evaluation sheet is refused with what it needs', () => {
    const result = map([
      ['序号', '名称'],
      [1, '甲'],
    ]);
    expect(result.rows).toEqual([]);
    expect(result.issues[0]!.message).toContain('未找到第三方评估结果的表头');
  });

  it('warns about another year', () => {
    expect(map([['2025年度满意度测评'], header, ['东城街道', '企业', 90, 100]]).issues.map((i) => i.message)).toEqual([
      '文件写的是2025年，当前工作年度是2026年',
    ]);
  });
});

describe('scale words and rater words', () => {
  it.each([
    ['满意度（五分制）', 'five'],
    ['满分5分', 'five'],
    ['5分制', 'five'],
    ['十分制', 'ten'],
    ['满分10分', 'ten'],
    ['百分制', 'hundred'],
    ['满分100分', 'hundred'],
    ['满意率', 'percent'],
    ['满意度(%)', 'percent'],
    ['满意度得分', undefined],
    ['满分50分', undefined],
  ])('%s → %s', (text, scale) => {
    expect(scaleHint(text)).toBe(scale);
  });

  it.each([
    ['企业', '企业'],
    ['企业代表', '企业'],
    ['市场主体', '企业'],
    ['群众', '群众'],
    ['市民', '群众'],
    ['社会公众', '群众'],
    ['第三方', '第三方机构'],
    ['第三方评估机构', '第三方机构'],
    ['专家', undefined],
    ['企业和群众', undefined],
  ])('%s → %s', (text, rater) => {
    expect(raterOf(text)).toBe(rater);
  });

  it('decideScale: a header hint wins over the numbers', () => {
    expect(decideScale([{ text: '得分（百分制）', where: '表头' }], [{ v: 4, marked: false }]).scale).toBe('hundred');
  });
});
