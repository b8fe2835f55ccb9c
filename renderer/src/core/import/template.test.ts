import { describe, expect, it } from 'vitest';
import { gridOf, sheetOf } from './buildGrid';
import { META_SHEET_NAME, detectTemplate, metaRows, readMeta, type WorkbookMeta } from './template';

const progressHeader = ['任务编号', '重点工作', '本月计划节点', '本月完成情况', '累计进度(%)', '状态'];
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

describe('_meta sheet', () => {
  it('reads back what metaRows writes', () => {
    const meta: WorkbookMeta = {
      kind: 'progress',
      year: 2026,
      month: 5,
      unit: '东城街道',
      unitId: 'u-1',
      appVersion: '0.1.0',
    };
    const rows = metaRows(meta);
    expect(rows).toEqual([
      ['kind', 'progress'],
      ['year', 2026],
      ['month', 5],
      ['unit', '东城街道'],
      ['unitId', 'u-1'],
      ['appVersion', '0.1.0'],
    ]);
    expect(readMeta(sheetOf(META_SHEET_NAME, rows, { hidden: true }))).toEqual(meta);
  });

  it('reads numbers written as text, ignores unknown keys and values that do not fit', () => {
    const sheet = sheetOf(META_SHEET_NAME, [
      ['key', 'value'],
      ['KIND', 'tasks'],
      ['year', '2026'],
      ['month', 13],
      ['colour', 'red'],
    ]);
    expect(readMeta(sheet)).toEqual({ kind: 'tasks', year: 2026 });
  });

  it('is nothing without a valid kind', () => {
    expect(readMeta(sheetOf(META_SHEET_NAME, [['kind', 'ledger']]))).toBeUndefined();
    expect(readMeta(sheetOf(META_SHEET_NAME, []))).toBeUndefined();
  });
});

describe('detectTemplate', () => {
  it('takes the kind from _meta and finds its sheet', () => {
    const grid = gridOf(
      '东城街道-2026年5月进展.xlsx',
      sheetOf(
        '5月进展',
        [['东城街道2026年5月重点工作进展情况表'], progressHeader, ['t1', '甲', '', '', 40, '序时推进']],
        { hiddenColumns: [0] },
      ),
      sheetOf(META_SHEET_NAME, metaRows({ kind: 'progress', year: 2026, month: 5, unit: '东城街道' }), {
        hidden: true,
      }),
    );
    const found = detectTemplate(grid);
    expect(found.kind).toBe('progress');
    expect(found.sheet?.name).toBe('5月进展');
    expect(found.meta).toEqual({ kind: 'progress', year: 2026, month: 5, unit: '东城街道' });
    expect(found.layout?.fields).toMatchObject({ taskId: 0, title: 1, percent: 4 });
  });

  it('recognises a task list and a progress sheet by their headers', () => {
    expect(detectTemplate(gridOf('a.xlsx', sheetOf('清单', [['标题'], taskHeader]))).kind).toBe('tasks');
    expect(detectTemplate(gridOf('b.xlsx', sheetOf('5月', [['序号', '工作任务', '完成进度', '目前状态']]))).kind).toBe(
      'progress',
    );
    expect(detectTemplate(gridOf('c.xlsx', sheetOf('评估', [['单位', '评价主体', '满意度得分', '样本数']]))).kind).toBe(
      'evaluation',
    );
  });

  it('chooses the first visible sheet that matches and names the others', () => {
    const grid = gridOf(
      'a.xlsx',
      sheetOf('说明', [['填报说明：…']]),
      sheetOf('隐藏', [taskHeader], { hidden: true }),
      sheetOf('清单', [taskHeader]),
      sheetOf('清单(2)', [taskHeader]),
    );
    const found = detectTemplate(grid);
    expect(found.sheet?.name).toBe('清单');
    expect(found.otherSheets).toEqual(['清单(2)']);
  });

  it('is null for a workbook it does not recognise', () => {
    expect(
      detectTemplate(
        gridOf(
          'x.xlsx',
          sheetOf('Sheet1', [
            ['a', 'b'],
            [1, 2],
          ]),
        ),
      ),
    ).toEqual({ kind: null, otherSheets: [] });
    expect(detectTemplate(gridOf('x.xlsx'))).toEqual({ kind: null, otherSheets: [] });
  });

  it('keeps the _meta kind even when no sheet has its header', () => {
    const found = detectTemplate(
      gridOf('x.xlsx', sheetOf('Sheet1', [['a']]), sheetOf(META_SHEET_NAME, [['kind', 'plan']], { hidden: true })),
    );
    expect(found.kind).toBe('plan');
    expect(found.sheet).toBeUndefined();
  });
});
