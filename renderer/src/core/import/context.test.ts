import { describe, expect, it } from 'vitest';
import { contextFromFileName, contextFromTexts, mergeContext, monthFromSheetName } from './context';

describe('contextFromTexts', () => {
  it.each<[string, string[], object]>([
    ['a report title', ['区发展和改革局2026年5月重点工作进展情况表'], { unit: '区发展和改革局', year: 2026, month: 5 }],
    ['a title without year', ['东城街道5月份重点工作推进情况'], { unit: '东城街道', month: 5 }],
    [
      '填报单位 and a 填报日期 that gives no month',
      ['填报单位：东城街道        填报日期：2026年5月26日'],
      { unit: '东城街道' },
    ],
    ['填报单位 with 盖章', ['填报单位（盖章）：区商务局', '填报单位：区商务局（盖章）'], { unit: '区商务局' }],
    ['a title without unit', ['2026年5月重点工作进展情况表'], { year: 2026, month: 5 }],
    [
      'the task list title gives nothing',
      ['2026年度区政府重点工作任务清单', '区政府督查室  制表日期：2026年2月20日'],
      {},
    ],
    [
      'first finding wins',
      ['填报单位：西城街道', '东城街道2026年5月进展情况表'],
      { unit: '西城街道', year: 2026, month: 5 },
    ],
    ['not a unit', ['关于2026年5月重点工作进展情况的报告'], { year: 2026, month: 5 }],
    ['nothing', [], {}],
  ])('%s', (_name, texts, expected) => {
    expect(contextFromTexts(texts)).toEqual(expected);
  });
});

describe('contextFromFileName', () => {
  it.each<[string, object]>([
    ['东城街道-5月进展.xls', { unit: '东城街道', month: 5 }],
    ['区发展和改革局-5月进展.xlsx', { unit: '区发展和改革局', month: 5 }],
    ['C:\\Users\\督查室\\Desktop\\区商务局_2026年5月.xlsx', { unit: '区商务局', year: 2026, month: 5 }],
    ['/home/a/东城街道5月进展.xls', { unit: '东城街道', month: 5 }],
    ['5月进展-临江镇（终稿）.xlsx', { unit: '临江镇', month: 5 }],
    ['区商务局重点工作进展情况表.xlsx', { unit: '区商务局' }],
    ['任务清单-2026.xlsx', { year: 2026 }],
    ['新建 Microsoft Excel 工作表.xlsx', {}],
    ['', {}],
  ])('%j', (name, expected) => {
    expect(contextFromFileName(name)).toEqual(expected);
  });
});

describe('monthFromSheetName', () => {
  it.each<[string, number | undefined]>([
    ['5月', 5],
    ['5月份', 5],
    ['11月进展', 11],
    ['五月', 5],
    ['十一月', 11],
    ['十月', 10],
    ['13月', undefined],
    ['Sheet1', undefined],
  ])('%j → %s', (name, expected) => {
    expect(monthFromSheetName(name)).toBe(expected);
  });
});

describe('mergeContext', () => {
  it('takes each item from the first that has it', () => {
    expect(mergeContext({ month: 5 }, { unit: '东城街道', month: 4, year: 2026 })).toEqual({
      unit: '东城街道',
      month: 5,
      year: 2026,
    });
  });
});
