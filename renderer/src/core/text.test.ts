import { describe, expect, it } from 'vitest';
import { cleanText, singleLine, splitList, splitNames, toHalfWidth } from './text';

describe('toHalfWidth', () => {
  it.each([
    ['８０％', '80%'],
    ['（１）', '(1)'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['２０２６／３／２５', '2026/3/25'],
    ['区\u3000财政局', '区 财政局'],
    ['80﹪', '80%'],
    // CJK punctuation without an ASCII twin stays.
    ['区财政局、区商务局。“双减”', '区财政局、区商务局。“双减”'],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('keeps the length, so indexes carry over', () => {
    const s = '１、建立清单（２）';
    expect(toHalfWidth(s)).toHaveLength(s.length);
  });
});

describe('cleanText', () => {
  it.each([
    ['  区财政局  ', '区财政局'],
    ['区\u3000\u3000财政局', '区 财政局'],
    ['区\u00A0财政局', '区 财政局'],
    ['\u200B区财政局\uFEFF', '区财政局'],
    ['a \t b', 'a b'],
    ['1、甲 \r\n 2、乙', '1、甲\n2、乙'],
    ['1、甲\r2、乙', '1、甲\n2、乙'],
    ['甲\n\n\n乙\n', '甲\n乙'],
    ['   \n \u3000 ', ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('singleLine', () => {
  it.each([
    ['重大项目\n攻坚年行动', '重大项目攻坚年行动'],
    ['PM2.5\nplan', 'PM2.5 plan'],
    ['  区 财政局 ', '区 财政局'],
  ])('%j → %j', (input, expected) => {
    expect(singleLine(input)).toBe(expected);
  });
});

describe('splitList', () => {
  it.each<[string, string, string[]]>([
    ['one line, no number', '全年完成重大项目投资120亿元', ['全年完成重大项目投资120亿元']],
    ['one line with 、 is one item', '区领导挂帅、属地为主', ['区领导挂帅、属地为主']],
    [
      'numbered 1、 on new lines',
      '1、全年完成重大项目投资120亿元\n2、新开工亿元以上项目30个',
      ['全年完成重大项目投资120亿元', '新开工亿元以上项目30个'],
    ],
    ['one numbered item', '1、民间投资增速不低于8%', ['民间投资增速不低于8%']],
    ['an item that starts with a number', '1、17项GDP核算权重指标应统尽统', ['17项GDP核算权重指标应统尽统']],
    ['items that start with numbers, inline', '1、3000亩2、1500亩', ['3000亩', '1500亩']],
    ['a decimal is not 1.', '1.5亿元以上项目', ['1.5亿元以上项目']],
    ['1. numbering, decimals kept', '1.投资2.5亿元\n2.新开工3个', ['投资2.5亿元', '新开工3个']],
    ['（1） numbering', '（1）建立清单；\n（2）实行制度。', ['建立清单', '实行制度']],
    ['(1) numbering inline', '(1)建立清单;(2)实行制度', ['建立清单', '实行制度']],
    ['1、 numbering inline', '1、建立清单；2、实行制度；3、每月调度', ['建立清单', '实行制度', '每月调度']],
    ['inline needs the next number: 12、 is not 2、', '1、完成12、13号地块2、交地', ['完成12、13号地块', '交地']],
    ['circled numbers', '①环境提档②维稳安保\n③交通组织', ['环境提档', '维稳安保', '交通组织']],
    ['full-width digits', '１、甲\n２、乙', ['甲', '乙']],
    ['plain lines', '环境提档\n维稳安保', ['环境提档', '维稳安保']],
    [
      'wrapped line continues the numbered item',
      '1、建立重大项目\n月度推进清单\n2、实行制度',
      ['建立重大项目月度推进清单', '实行制度'],
    ],
    ['a heading line before the numbers stays an item', '主要措施：\n1、甲\n2、乙', ['主要措施：', '甲', '乙']],
    ['Chinese numerals at line start', '一、扩大投资\n二、推动转型', ['扩大投资', '推动转型']],
    ['Chinese numerals inline do not split', '统一、规范', ['统一、规范']],
    ['3、 without a 1 before it does not split', '完成3、4月任务', ['完成3、4月任务']],
    ['a decimal at line start is not a number', '3.5亿元以上', ['3.5亿元以上']],
    ['bullets', '• 甲\n• 乙', ['甲', '乙']],
    ['empty', '', []],
    ['spaces only', ' \u3000 \n ', []],
    ['numbers only', '1、\n2、', []],
  ])('%s', (_name, input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });
});

describe('splitNames', () => {
  it.each<[string, string[]]>([
    ['区财政局、区自然资源和规划分局', ['区财政局', '区自然资源和规划分局']],
    ['东城街道，西城街道,南湖街道；北塘街道;临江镇', ['东城街道', '西城街道', '南湖街道', '北塘街道', '临江镇']],
    ['区财政局\n区商务局', ['区财政局', '区商务局']],
    ['区财政局/区商务局', ['区财政局', '区商务局']],
    [' 区财政局 、 区财政局 ', ['区财政局']],
    ['区发展和改革局（区粮食局、区物价局）、区商务局', ['区发展和改革局（区粮食局、区物价局）', '区商务局']],
    ['1、区财政局\n2、区商务局', ['区财政局', '区商务局']],
    ['1.区财政局 2.区商务局', ['区财政局', '区商务局']],
    ['张明', ['张明']],
    ['', []],
    ['、、', []],
  ])('%j', (input, expected) => {
    expect(splitNames(input)).toEqual(expected);
  });
});
