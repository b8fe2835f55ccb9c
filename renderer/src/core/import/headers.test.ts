import { describe, expect, it } from 'vitest';
import { sheetOf, type CellInput } from './buildGrid';
import { findHeader, type HeaderLayout } from './headers';
import { sheetView } from './sheet';

function headerOf(rows: CellInput[][], merges: string[] = [], hiddenColumns: number[] = []): HeaderLayout | undefined {
  return findHeader(sheetView(sheetOf('表', rows, { merges, hiddenColumns })));
}

const taskHeader = [
  '序号',
  '工作板块',
  '重点工作',
  '工作目标',
  '主要措施',
  '分管区领导',
  '牵头单位',
  '责任单位',
  '完成时限',
];

describe('findHeader', () => {
  it('finds the header on row 3 after two title rows', () => {
    const layout = headerOf(
      [
        ['2026年度区政府重点工作任务清单'],
        ['区政府督查室  制表日期：2026年2月20日'],
        taskHeader,
        [1, '一、扩大有效投资', '重大项目攻坚年行动', '', '', '张明', '区发展和改革局', '区财政局', '11月底前'],
      ],
      ['A1:I1', 'A2:I2'],
    );
    expect(layout).toMatchObject({ kind: 'tasks', headerRow: 2, headerRows: 1, dataStartRow: 3 });
    expect(layout?.fields).toEqual({
      code: 0,
      section: 1,
      title: 2,
      targets: 3,
      measures: 4,
      leader: 5,
      leadUnit: 6,
      coUnits: 7,
      due: 8,
    });
  });

  it('flattens a two-row merged header: 进度情况 over 计划(%) and 实际(%)', () => {
    const layout = headerOf(
      [
        ['填报单位：东城街道        填报日期：2026年5月26日'],
        [
          '序号',
          '重点工作',
          '本月计划节点',
          '本月完成情况',
          '进度情况',
          null,
          '状态',
          '存在问题',
          '下步措施',
          '需协调事项',
        ],
        [null, null, null, null, '计划(%)', '实际(%)'],
        [1, '轻纺市场转型升级', '培育国际物流通道', '累计完成43%', 33, 43, '序时推进', null, '下月完成节点'],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:F2', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:J3'],
    );
    expect(layout).toMatchObject({ kind: 'progress', headerRow: 1, headerRows: 2, dataStartRow: 3 });
    expect(layout?.columns.map((c) => c.header)).toEqual([
      '序号',
      '重点工作',
      '本月计划节点',
      '本月完成情况',
      '进度情况/计划(%)',
      '进度情况/实际(%)',
      '状态',
      '存在问题',
      '下步措施',
      '需协调事项',
    ]);
    expect(layout?.fields).toMatchObject({
      title: 1,
      milestone: 2,
      done: 3,
      plannedPercent: 4,
      percent: 5,
      statusWord: 6,
    });
    expect(layout?.duplicates).toEqual([]);
  });

  it('flattens a two-row header written without merges', () => {
    const layout = headerOf([
      ['序号', '重点工作', '进度情况', null, '状态'],
      [null, null, '计划(%)', '实际(%)'],
      [1, '轻纺市场转型升级', 33, 43, '序时推进'],
    ]);
    expect(layout).toMatchObject({ headerRows: 2, dataStartRow: 2 });
    expect(layout?.columns.map((c) => c.header)).toEqual([
      '序号',
      '重点工作',
      '进度情况/计划(%)',
      '进度情况/实际(%)',
      '状态',
    ]);
    expect(layout?.fields).toMatchObject({ plannedPercent: 2, percent: 3 });
  });

  it('does not take a first data row of texts for a sub-header', () => {
    const layout = headerOf([
      ['重点工作', '完成进度', '目前状态', null],
      ['轻纺市场转型升级', '43%', '序时推进', '备注文字'],
    ]);
    expect(layout).toMatchObject({ headerRows: 1, dataStartRow: 1 });
  });

  it('a header merged across one row gives its text to its first column only', () => {
    const layout = headerOf(
      [
        ['重点工作', '完成进度', null, '目前状态'],
        ['甲', '43%', null, '序时推进'],
      ],
      ['B1:C1'],
    );
    expect(layout?.columns.map((c) => c.header)).toEqual(['重点工作', '完成进度', '目前状态']);
    expect(layout?.duplicates).toEqual([]);
  });

  it('picks the row with the most known columns; a tie goes to the earlier row', () => {
    const layout = headerOf([
      ['重点工作', '状态'],
      ['重点工作', '状态'],
      ['重点工作', '状态', '累计进度', '存在问题'],
    ]);
    expect(layout?.headerRow).toBe(2);
    const tie = headerOf([
      ['重点工作', '状态'],
      ['重点工作', '状态'],
    ]);
    expect(tie?.headerRow).toBe(0);
  });

  it('looks within the first 15 rows only', () => {
    const titles: CellInput[][] = Array.from({ length: 15 }, (_, i) => [`说明第${i + 1}行`]);
    expect(headerOf([...titles, ['重点工作', '累计进度', '状态']])).toBeUndefined();
    expect(headerOf([...titles.slice(1), ['重点工作', '累计进度', '状态']])?.headerRow).toBe(14);
  });

  it('skips a row of column numbers under the header', () => {
    const layout = headerOf([
      ['重点工作', '累计进度', '状态'],
      [1, 2, 3],
      ['甲', 40, '序时推进'],
    ]);
    expect(layout?.dataStartRow).toBe(2);
  });

  it('lets a visible column win over a hidden one of the same field', () => {
    const layout = headerOf([['重点工作', '重点工作', '累计进度']], [], [0]);
    expect(layout?.fields.title).toBe(1);
    expect(layout?.duplicates.map((c) => c.letter)).toEqual(['A']);
  });

  it('numbers are data, not headers', () => {
    expect(
      headerOf([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toBeUndefined();
  });

  it('does not call a sheet a template without its required columns', () => {
    expect(headerOf([['序号', '重点工作', '备注']])).toBeUndefined();
  });

  it('recognises an evaluation sheet', () => {
    expect(headerOf([['单位', '评价主体', '满意度得分', '样本数']])?.kind).toBe('evaluation');
  });

  it('recognises a monthly plan with per-month two-row headers', () => {
    const layout = headerOf(
      [
        ['任务编号', '重点工作', '3月', null, '4月', null],
        [null, null, '节点目标', '计划累计进度(%)', '节点目标', '计划累计进度(%)'],
      ],
      ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1'],
    );
    expect(layout).toMatchObject({ kind: 'plan', headerRows: 2, dataStartRow: 2 });
    expect(layout?.columns.map((c) => c.header)).toEqual([
      '任务编号',
      '重点工作',
      '3月/节点目标',
      '3月/计划累计进度(%)',
      '4月/节点目标',
      '4月/计划累计进度(%)',
    ]);
  });
});
