import { describe, expect, it } from 'vitest';
import { err, gridOf, pct, sheetOf, type CellInput, type SheetOptions } from './buildGrid';
import { heldBack } from './progressChangeset';
import { mapProgress } from './progress';
import { META_SHEET_NAME, metaRows } from './template';

const ownHeader = [
  '任务编号',
  '重点工作',
  '本月计划节点',
  '本月完成情况',
  '累计进度(%)',
  '状态',
  '存在问题',
  '下步措施',
  '需协调事项',
  '滞后原因说明',
  '填报人',
  '联系电话',
];

function map(fileName: string, rows: CellInput[][], options: SheetOptions = {}, month?: number) {
  return mapProgress(
    gridOf(fileName, sheetOf('5月', rows, options)),
    month === undefined ? { year: 2026 } : { year: 2026, month },
  );
}

describe('mapProgress', () => {
  it("reads the app's own sheet: hidden id column, every field, unit and month from _meta", () => {
    const grid = gridOf(
      '进展.xlsx',
      sheetOf(
        '进展',
        [
          ['东城街道2026年5月重点工作进展情况表'],
          ownHeader,
          [
            't-1',
            '轻纺市场转型升级',
            '培育国际物流通道',
            '本月推进\n双轮驱动',
            43,
            '序时推进',
            '无',
            '下月完成节点',
            '需区里协调用地',
            '',
            '王某某',
            '0575-1',
          ],
        ],
        { hiddenColumns: [0] },
      ),
      sheetOf(META_SHEET_NAME, metaRows({ kind: 'progress', year: 2026, month: 5, unit: '东城街道' }), {
        hidden: true,
      }),
    );
    const result = mapProgress(grid, { year: 2026 });
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ sheet: '进展', unit: '东城街道', month: 5, year: 2026 });
    expect(result.rows).toEqual([
      {
        sheetRow: 3,
        taskId: 't-1',
        taskAsWritten: '轻纺市场转型升级',
        milestone: '培育国际物流通道',
        done: '本月推进\n双轮驱动',
        percent: 43,
        statusWord: '序时推进',
        problems: '无',
        nextSteps: '下月完成节点',
        coordination: '需区里协调用地',
        delayExplanation: '',
        reporter: '王某某',
        phone: '0575-1',
      },
    ]);
  });

  it('refuses a workbook whose _meta says it is another template', () => {
    const grid = gridOf(
      '清单.xlsx',
      sheetOf('清单', [ownHeader]),
      sheetOf(META_SHEET_NAME, metaRows({ kind: 'tasks' }), { hidden: true }),
    );
    const result = mapProgress(grid, { year: 2026 });
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      { severity: 'error', file: '清单.xlsx', message: '该文件是本系统导出的重点工作任务清单，不是月度进展情况表' },
    ]);
  });

  it('reads 80%, 80, ８０％ and 0.8 in a percent cell as 80', () => {
    const { rows } = map('东城街道-5月进展.xlsx', [
      ['重点工作', '累计进度(%)', '状态'],
      ['甲', '80%', '序时推进'],
      ['乙', 80, '序时推进'],
      ['丙', '８０％', '序时推进'],
      ['丁', pct(0.8), '序时推进'],
    ]);
    expect(rows.map((r) => r.percent)).toEqual([80, 80, 80, 80]);
  });

  it('reads a column of bare fractions as fractions', () => {
    const { rows, issues } = map('东城街道-5月进展.xlsx', [
      ['重点工作', '完成进度', '状态'],
      ['甲', 0.33, '序时推进'],
      ['乙', 1, '已完成'],
      ['丙', 0, '未启动'],
    ]);
    expect(rows.map((r) => r.percent)).toEqual([33, 100, 0]);
    expect(issues).toEqual([]);
  });

  it('warns about a bare 0.5 among percent points', () => {
    const { rows, issues } = map('东城街道-5月进展.xlsx', [
      ['重点工作', '完成进度', '状态'],
      ['甲', 40, '序时推进'],
      ['乙', 0.5, '滞后'],
    ]);
    expect(rows.map((r) => r.percent)).toEqual([40, 0.5]);
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: '东城街道-5月进展.xlsx',
        sheet: '5月',
        row: 3,
        column: 'B',
        message: 'B列第3行的0.5按0.5%读取；如果是指50%，请填写"50%"',
      },
    ]);
  });

  it('keeps a row whose percent reads "八成" with percent null and an error naming the cell', () => {
    const { rows, issues } = map('东城街道-5月进展.xlsx', [
      ['序号', '重点工作', '完成进度', '状态'],
      [1, '甲', '八成', '序时推进'],
      [2, '乙', null, '滞后'],
      [3, '丙', err('#N/A'), '滞后'],
    ]);
    expect(rows.map((r) => [r.taskAsWritten, r.percent])).toEqual([
      ['甲', null],
      ['乙', null],
      ['丙', null],
    ]);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: '东城街道-5月进展.xlsx',
        sheet: '5月',
        row: 2,
        column: 'C',
        message: 'C列第2行的"八成"不是可识别的百分比',
      },
      {
        severity: 'error',
        file: '东城街道-5月进展.xlsx',
        sheet: '5月',
        row: 3,
        column: 'C',
        message: 'C列第3行没有填写累计进度',
      },
      {
        severity: 'error',
        file: '东城街道-5月进展.xlsx',
        sheet: '5月',
        row: 4,
        column: 'C',
        message: 'C列第4行是错误值#N/A，不是百分比',
      },
    ]);
  });

  it('is an error when the sheet has a status but no percent column', () => {
    const { rows, issues } = map('东城街道-5月进展.xlsx', [
      ['重点工作', '状态'],
      ['甲', '序时推进'],
    ]);
    expect(rows).toMatchObject([{ taskAsWritten: '甲', percent: null }]);
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      '没有找到"累计进度(%)"列（或"完成进度""进度情况/实际(%)"等）',
    ]);
  });

  it('takes reporter and phone from a note row when there are no such columns', () => {
    const { rows } = map('东城街道-5月进展.xlsx', [
      ['重点工作', '完成进度', '状态'],
      ['甲', '40%', '序时推进'],
      [],
      ['填报人：王某某      联系电话：0575-8xxxxxxx'],
    ]);
    expect(rows).toMatchObject([{ reporter: '王某某', phone: '0575-8xxxxxxx' }]);
  });

  it('skips totals and rows without a task, with a warning for the latter', () => {
    const { rows, issues } = map('东城街道-5月进展.xlsx', [
      ['序号', '重点工作', '完成进度', '状态'],
      [1, '甲', '40%', '序时推进'],
      [2, null, '50%', '序时推进'],
      ['合计', null, null, null],
    ]);
    expect(rows.map((r) => r.taskAsWritten)).toEqual(['甲']);
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: '东城街道-5月进展.xlsx',
        sheet: '5月',
        row: 3,
        column: 'B',
        message: '第3行没有填写重点工作，已跳过',
      },
    ]);
  });

  it('takes unit and month from the file name, also when the chosen month differs (the file is then held back)', () => {
    const result = map(
      '区商务局-4月进展.xlsx',
      [
        ['重点工作', '完成进度', '状态'],
        ['甲', '40%', '序时推进'],
      ],
      {},
      5,
    );
    expect(result).toMatchObject({ unit: '区商务局', month: 4 });
    expect(heldBack(result, { year: 2026, month: 5 })).toBe('文件写的是4月的进展，正在导入的是5月');
    expect(heldBack({ month: 5 }, { year: 2026, month: 5 })).toBeUndefined();
    expect(heldBack({ year: 2025, month: 5 }, { year: 2026, month: 5 })).toBe(
      '文件写的是2025年5月的进展，正在导入的是2026年5月',
    );
  });

  it('uses the chosen month when the file says none, and asks for one when neither does', () => {
    const grid = (name: string) =>
      gridOf(
        name,
        sheetOf('Sheet1', [
          ['重点工作', '完成进度', '状态'],
          ['甲', '40%', '序时推进'],
        ]),
      );
    expect(mapProgress(grid('区商务局.xlsx'), { year: 2026, month: 6 })).toMatchObject({ month: 6, issues: [] });
    const none = mapProgress(grid('区商务局.xlsx'), { year: 2026 });
    expect(none.month).toBeUndefined();
    expect(none.issues.map((i) => i.message)).toEqual(['无法从文件中看出是几月的进展，请在导入时选择月份']);
  });

  it('reports columns it does not know (info) and columns read twice (warning)', () => {
    const { issues } = map('东城街道-5月进展.xlsx', [
      ['重点工作', '完成进度', '状态', '备注', '目前状态'],
      ['甲', '40%', '序时推进', '', ''],
    ]);
    expect(issues.map((i) => [i.severity, i.row, i.column, i.message])).toEqual([
      ['info', 1, 'D', 'D列"备注"不是可识别的列名，已忽略（可在"列名别名"中添加）'],
      ['warning', 1, 'E', 'E列"目前状态"与C列是同一项，只读取了C列'],
    ]);
  });

  it('reads the sheet of the chosen month from a workbook with a sheet per month', () => {
    const header = ['重点工作', '完成进度', '状态'];
    const grid = gridOf(
      '区商务局进展.xlsx',
      sheetOf('4月', [header, ['甲', '30%', '序时推进']]),
      sheetOf('5月', [header, ['甲', '40%', '序时推进']]),
      sheetOf('6月', [header]),
    );
    const may = mapProgress(grid, { year: 2026, month: 5 });
    expect(may).toMatchObject({ sheet: '5月', month: 5, unit: '区商务局', rows: [{ percent: 40 }] });
    expect(may.issues.map((i) => [i.sheet, i.message])).toEqual([
      ['4月', '工作表"4月"也像月度进展情况表，但只读取了工作表"5月"'],
      ['6月', '工作表"6月"也像月度进展情况表，但只读取了工作表"5月"'],
    ]);
    expect(mapProgress(grid, { year: 2026 })).toMatchObject({ sheet: '4月', month: 4 });
  });
});
