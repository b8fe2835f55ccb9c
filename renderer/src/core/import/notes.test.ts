import { describe, expect, it } from 'vitest';
import { toCell, type CellInput } from './buildGrid';
import { isNoteRow, isNoteText, isTotalsRow, parseContactNote } from './notes';

const row = (...cells: CellInput[]) => cells.map(toCell);

describe('notes rows', () => {
  it.each<[string, boolean]>([
    ['填报人：王某某      联系电话：0575-8xxxxxxx', true],
    ['填报人:王某某', true],
    ['填 报 人：王某某', true],
    ['填报说明：进度按累计填写', true],
    ['填报说明', true],
    ['制表：区政府督查室', true],
    ['制表日期：2026年2月20日', true],
    ['注：1.进度按累计填写', true],
    ['注1、进度按累计填写', true],
    ['备注：无', true],
    ['联系电话：12345', true],
    ['审核人：李某', true],
    // Task titles that merely start with such words are data.
    ['联系人制度建设', false],
    ['说明书编制', false],
    ['注册资本招引', false],
    ['重大项目攻坚年行动', false],
  ])('%j → %s', (text, expected) => {
    expect(isNoteText(text)).toBe(expected);
  });

  it('looks at the first non-empty cell of a row', () => {
    expect(isNoteRow(row(null, '  ', '填报人：王某某'))).toBe(true);
    expect(isNoteRow(row(1, '填报人：王某某'))).toBe(false);
    expect(isNoteRow(row())).toBe(false);
  });
});

describe('totals rows', () => {
  it.each<[string, CellInput[], boolean]>([
    ['合计 in the first cell', ['合计', null, 100], true],
    ['合 计 with a space', ['合 计', 100], true],
    ['总计 after the number column', [null, '总计', 100], true],
    ['小计：', ['小计：', 5], true],
    ['a task mentioning 合计', [1, '合计完成投资', 40], false],
    ['合计 far to the right', [1, '甲', '乙', '合计'], false],
  ])('%s', (_name, cells, expected) => {
    expect(isTotalsRow(row(...cells))).toBe(expected);
  });
});

describe('parseContactNote', () => {
  it.each<[string, { reporter?: string; phone?: string }]>([
    ['填报人：王某某      联系电话：0575-8xxxxxxx', { reporter: '王某某', phone: '0575-8xxxxxxx' }],
    ['填报人：王某某联系电话：13800000000', { reporter: '王某某', phone: '13800000000' }],
    ['填报人： 王某某 电话： 0575-12345678', { reporter: '王某某', phone: '0575-12345678' }],
    ['联系人:李四 手机:１３８００００００００', { reporter: '李四', phone: '13800000000' }],
    ['填报单位：东城街道  填报日期：2026年5月26日', {}],
    ['填报人：', {}],
  ])('%j', (text, expected) => {
    expect(parseContactNote(text)).toEqual(expected);
  });
});
