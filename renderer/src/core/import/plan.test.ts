import { describe, expect, it } from 'vitest';
import { validatePlan } from '../plan';
import { gridOf, pct, sheetOf, type CellInput } from './buildGrid';
import { mapPlan, planColumnHeaders, planColumnOf } from './plan';
import { META_SHEET_NAME, metaRows } from './template';
import type { MergeRange } from './types';

const workWindow = [3, 4, 5, 6, 7, 8, 9, 10, 11];
const ctx = { year: 2026 };

/** The exported workbook: title row, the two header rows of planColumnHeaders, data rows, a 填报说明 note. */
function exported(dataRows: CellInput[][], months = workWindow) {
  const header = planColumnHeaders(months);
  const width = header.columns.length;
  const shift = (m: MergeRange): MergeRange => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 });
  const rows: CellInput[][] = [
    ['区发展和改革局2026年重点工作月方案'],
    header.rows[0].map((t) => (t === '' ? null : t)),
    header.rows[1].map((t) => (t === '' ? null : t)),
    ...dataRows,
    ['填报说明：1、计划累计进度填0～100的数字；\n2、每月节点目标必填。'],
  ];
  const noteRow = rows.length - 1;
  return gridOf(
    '区发展和改革局-2026年月方案.xlsx',
    sheetOf('月方案', rows, {
      hiddenColumns: header.hiddenColumns,
      merges: [
        { top: 0, left: 0, bottom: 0, right: width - 1 },
        ...header.merges.map(shift),
        { top: noteRow, left: 0, bottom: noteRow, right: width - 1 },
      ],
    }),
    sheetOf(
      META_SHEET_NAME,
      metaRows({ kind: 'plan', year: 2026, unit: '区发展和改革局', unitId: 'u-fgj', appVersion: '0.1.0' }),
      { hidden: true },
    ),
  );
}

/** A data row of the exported layout: id, title, role, then text/percent per month. */
function dataRow(id: string, title: string, role: string, percents: CellInput[]): CellInput[] {
  return [id, title, role, ...percents.flatMap((p, i) => [`${workWindow[i]}月节点`, p])];
}

describe('planColumnHeaders', () => {
  it('writes 任务编号 (hidden), 重点工作, 责任类型, then each month over 节点目标 and 计划累计进度(%)', () => {
    const h = planColumnHeaders([3, 4]);
    expect(h.rows).toEqual([
      ['任务编号', '重点工作', '责任类型', '3月', '', '4月', ''],
      ['', '', '', '节点目标', '计划累计进度(%)', '节点目标', '计划累计进度(%)'],
    ]);
    expect(h.hiddenColumns).toEqual([0]);
    expect(h.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
    ]);
    expect(h.columns.map((c) => [c.key, c.month, c.header])).toEqual([
      ['taskId', undefined, '任务编号'],
      ['title', undefined, '重点工作'],
      ['role', undefined, '责任类型'],
      ['text', 3, '3月/节点目标'],
      ['percent', 3, '3月/计划累计进度(%)'],
      ['text', 4, '4月/节点目标'],
      ['percent', 4, '4月/计划累计进度(%)'],
    ]);
  });
});

describe('mapPlan', () => {
  it("reads back the app's own workbook: ids, roles, every month, unit and unitId from _meta", () => {
    const grid = exported([
      dataRow('t1', '重大项目攻坚年行动', '牵头', [10, 20, 30, 40, 50, 60, 70, 85, 100]),
      dataRow('t2', '促进民间投资增长', '配合', ['10%', '20%', '30%', '40%', '50%', '60%', '70%', '80%', '100%']),
    ]);
    const result = mapPlan(grid, ctx);
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ sheet: '月方案', unit: '区发展和改革局', unitId: 'u-fgj', year: 2026 });
    expect(result.monthColumns[0]).toEqual({ month: 3, text: 'D', percent: 'E' });
    expect(result.monthColumns[8]).toEqual({ month: 11, text: 'T', percent: 'U' });
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({
      sheetRow: 4,
      taskId: 't1',
      taskAsWritten: '重大项目攻坚年行动',
      role: 'lead',
    });
    expect(result.rows[0]?.months[0]).toEqual({
      month: 3,
      text: '3月节点',
      plannedPercent: 10,
      column: { text: 'D', percent: 'E' },
    });
    expect(result.rows[0]?.months.map((m) => m.plannedPercent)).toEqual([10, 20, 30, 40, 50, 60, 70, 85, 100]);
    expect(result.rows[1]).toMatchObject({ taskId: 't2', role: 'co' });
    expect(result.rows[1]?.months.map((m) => m.plannedPercent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 100]);
  });

  it('names the cell of a percent it cannot read, and leaves empty ones to validatePlan', () => {
    const grid = exported([dataRow('t1', '重大项目攻坚年行动', '牵头', [10, '八成', 30, 120, null, 60, 70, 85, 100])]);
    const result = mapPlan(grid, ctx);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        file: '区发展和改革局-2026年月方案.xlsx',
        sheet: '月方案',
        row: 4,
        column: 'G',
        message: 'G列第4行的"八成"不是可识别的百分比',
      },
      {
        severity: 'error',
        file: '区发展和改革局-2026年月方案.xlsx',
        sheet: '月方案',
        row: 4,
        column: 'K',
        message: 'K列第4行的"120"超出0%～100%的范围',
      },
    ]);
    const row = result.rows[0];
    expect(row?.months.map((m) => m.plannedPercent)).toEqual([10, null, 30, null, null, 60, 70, 85, 100]);
    // validatePlan then reports the unreadable (now empty) April and June and the empty July, naming their cells.
    if (!row) throw new Error('no row');
    const issues = validatePlan(
      { taskId: row.taskId ?? '', title: row.taskAsWritten, dueDate: '2026-11-30', months: row.months },
      { year: 2026, windowStartMonth: 3, windowEndMonth: 11 },
      { file: 'x.xlsx', sheet: result.sheet, sheetRow: row.sheetRow, columnOf: planColumnOf(row) },
    );
    expect(issues.map((i) => [i.column, i.message])).toEqual([
      ['G', '重点工作"重大项目攻坚年行动"没有填写4月的计划累计进度（G列第4行）'],
      ['K', '重点工作"重大项目攻坚年行动"没有填写6月的计划累计进度（K列第4行）'],
      ['M', '重点工作"重大项目攻坚年行动"没有填写7月的计划累计进度（M列第4行）'],
    ]);
  });

  it('reads a sheet rebuilt by hand: no ids, month headers without merges, title row, 填报单位', () => {
    const grid = gridOf(
      '月方案.xlsx',
      sheetOf('Sheet1', [
        ['2026年重点工作月度推进计划'],
        ['填报单位：东城街道'],
        ['序号', '重点工作', '3月', null, '4月', null, '5月', null, '备注'],
        [null, null, '节点目标', '计划进度', '节点目标', '计划进度', '节点目标', '计划进度'],
        [1, '轻纺市场转型升级', '摸排市场主体', '10%', '出台方案', '25%', '启动改造', '40%', ''],
        [2, null, '无', null, null, null, null, null, ''],
        [3, '出租房安全整治', '开展排查', 0.1, '整改隐患', 0.2, '复查', 0.35, '共性问题'],
      ]),
    );
    const result = mapPlan(grid, ctx);
    expect(result).toMatchObject({ sheet: 'Sheet1', unit: '东城街道' });
    expect(result.unitId).toBeUndefined();
    expect(result.monthColumns).toEqual([
      { month: 3, text: 'C', percent: 'D' },
      { month: 4, text: 'E', percent: 'F' },
      { month: 5, text: 'G', percent: 'H' },
    ]);
    expect(
      result.rows.map((r) => [
        r.sheetRow,
        r.taskId,
        r.code,
        r.taskAsWritten,
        r.months.map((m) => [m.text, m.plannedPercent]),
      ]),
    ).toEqual([
      [
        5,
        undefined,
        '1',
        '轻纺市场转型升级',
        [
          ['摸排市场主体', 10],
          ['出台方案', 25],
          ['启动改造', 40],
        ],
      ],
      [
        7,
        undefined,
        '3',
        '出租房安全整治',
        [
          ['开展排查', 10],
          ['整改隐患', 20],
          ['复查', 35],
        ],
      ],
    ]);
    expect(result.issues.map((i) => [i.severity, i.row, i.column, i.message])).toEqual([
      ['info', 3, 'I', 'I列"备注"不是可识别的列名，已忽略（可在"列名别名"中添加）'],
      ['warning', 6, 'B', '第6行没有填写重点工作，已跳过'],
    ]);
  });

  it('reads one-row headers such as 3月节点目标 and 3月计划进度(%)', () => {
    const grid = gridOf(
      '区商务局月方案.xlsx',
      sheetOf('方案', [
        ['重点工作', '3月节点目标', '3月计划进度(%)', '４月节点目标', '4月计划进度（%）'],
        ['轻纺市场转型升级', '摸排', 10, '方案', 30],
      ]),
    );
    const result = mapPlan(grid, ctx);
    expect(result.issues).toEqual([]);
    expect(result.unit).toBe('区商务局');
    expect(result.rows[0]?.months).toEqual([
      { month: 3, text: '摸排', plannedPercent: 10, column: { text: 'B', percent: 'C' } },
      { month: 4, text: '方案', plannedPercent: 30, column: { text: 'D', percent: 'E' } },
    ]);
  });

  it("reads the exporter's one-row variant: hidden id, 序号, then '3月节点目标' / '3月计划累计进度(%)'", () => {
    const grid = gridOf(
      '东城街道-2026年月方案.xlsx',
      sheetOf(
        '月方案',
        [
          [
            '任务编号',
            '序号',
            '重点工作',
            '责任类型',
            '3月节点目标',
            '3月计划累计进度(%)',
            '4月节点目标',
            '4月计划累计进度(%)',
          ],
          ['t5', '5', '轻纺市场转型升级', '配合', '摸排', 20, '方案', 100],
        ],
        {
          hiddenColumns: [0],
        },
      ),
      sheetOf(META_SHEET_NAME, metaRows({ kind: 'plan', year: 2026, unit: '东城街道', unitId: 'u-dc' }), {
        hidden: true,
      }),
    );
    const result = mapPlan(grid, ctx);
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      {
        sheetRow: 2,
        taskId: 't5',
        code: '5',
        taskAsWritten: '轻纺市场转型升级',
        role: 'co',
        months: [
          { month: 3, text: '摸排', plannedPercent: 20, column: { text: 'E', percent: 'F' } },
          { month: 4, text: '方案', plannedPercent: 100, column: { text: 'G', percent: 'H' } },
        ],
      },
    ]);
  });

  it('judges fractions over all months: 0.5 … 1 is 50 % … 100 %, a November of 1s included', () => {
    const header = planColumnHeaders([10, 11]);
    const grid = gridOf(
      '东城街道-月方案.xlsx',
      sheetOf(
        '月方案',
        [
          header.rows[0],
          header.rows[1],
          ['t1', '甲', '牵头', 'a', 0.5, 'b', 1],
          ['t2', '乙', '配合', 'c', 0.8, 'd', 1],
        ].map((r) => r.map((t) => (t === '' ? null : t))),
        { merges: header.merges, hiddenColumns: header.hiddenColumns },
      ),
    );
    const result = mapPlan(grid, ctx);
    expect(result.rows.map((r) => r.months.map((m) => m.plannedPercent))).toEqual([
      [50, 100],
      [80, 100],
    ]);
    expect(result.issues).toEqual([]);
  });

  it('reads 0.8 in a percent-formatted cell as 80 %', () => {
    const grid = exported([
      dataRow('t1', '甲', '牵头', [
        pct(0.1),
        pct(0.2),
        pct(0.3),
        pct(0.4),
        pct(0.5),
        pct(0.6),
        pct(0.7),
        pct(0.8),
        pct(1),
      ]),
    ]);
    expect(mapPlan(grid, ctx).rows[0]?.months.map((m) => m.plannedPercent)).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 100,
    ]);
  });

  it('warns about a task written twice', () => {
    const grid = exported([dataRow('t1', '甲', '牵头', [10]), dataRow('t1', '甲', '牵头', [10])], [3]);
    expect(mapPlan(grid, ctx).issues.map((i) => [i.row, i.message])).toEqual([[5, '第5行的重点工作"甲"与第4行重复']]);
  });

  it('refuses a workbook whose _meta says it is another template', () => {
    const grid = gridOf(
      '进展.xlsx',
      sheetOf('进展', [['重点工作', '累计进度(%)']]),
      sheetOf(META_SHEET_NAME, metaRows({ kind: 'progress', month: 5 }), { hidden: true }),
    );
    expect(mapPlan(grid, ctx)).toMatchObject({
      rows: [],
      issues: [{ severity: 'error', file: '进展.xlsx', message: '该文件是本系统导出的月度进展情况表，不是月方案' }],
    });
  });

  it('says what the header needs when it finds none', () => {
    const grid = gridOf(
      'x.xlsx',
      sheetOf('Sheet1', [
        ['序号', '名称'],
        [1, '甲'],
      ]),
    );
    expect(mapPlan(grid, ctx).issues.map((i) => i.message)).toEqual([
      '未找到月方案的表头：前15行中应有一行包含"重点工作"（或"任务编号"）以及"节点目标"或"计划累计进度(%)"',
    ]);
  });

  it('is an error when no column names its month', () => {
    const grid = gridOf(
      'x.xlsx',
      sheetOf('Sheet1', [
        ['重点工作', '节点目标', '计划累计进度(%)'],
        ['甲', '开工', 10],
      ]),
    );
    const result = mapPlan(grid, ctx);
    expect(result.rows).toEqual([]);
    expect(result.issues.map((i) => [i.severity, i.column, i.message])).toEqual([
      ['warning', 'B', 'B列"节点目标"没有标明月份，已忽略（表头应写成"3月"下分"节点目标""计划累计进度(%)"）'],
      ['warning', 'C', 'C列"计划累计进度(%)"没有标明月份，已忽略（表头应写成"3月"下分"节点目标""计划累计进度(%)"）'],
      ['error', undefined, '没有找到按月份填写的列：表头应为"3月""4月"……，每月下分"节点目标"和"计划累计进度(%)"两列'],
    ]);
  });

  it('warns about the year of another work year', () => {
    const grid = exported([dataRow('t1', '甲', '牵头', [10])], [3]);
    expect(mapPlan(grid, { year: 2027 }).issues.map((i) => i.message)).toEqual([
      '文件写的是2026年，当前工作年度是2027年',
    ]);
  });

  it('never throws on a broken grid', () => {
    expect(mapPlan({ fileName: 'x.xlsx', sheets: [] }, ctx).issues.map((i) => i.message)).toEqual(['文件中没有工作表']);
    expect(() => mapPlan({ fileName: 'x.xlsx', sheets: [null as never, { name: 'a' } as never] }, ctx)).not.toThrow();
  });
});
