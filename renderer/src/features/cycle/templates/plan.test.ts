// The 月方案 workbook: written, read back as the importer reads it, filled in as a unit would
// (with exceljs, on the written bytes) and mapped with mapPlan.
// eslint-disable-next-line no-restricted-imports -- the test plays the unit editing the sheet in Excel
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapPlan } from '../../../core/import/plan';
import { detectTemplate } from '../../../core/import/template';
import type { Grid, GridSheet } from '../../../core/import/types';
import type { Milestone } from '../../../core/model';
import { readWorkbook } from '../../../io/excel/read';
import { writeWorkbook } from '../../../io/excel/write';
import { windowMonths } from '../../../core/calendar';
import { planFileName, planMonthHeaders, planWorkbook } from './plan';
import { task, unit, year } from './testing';

const milestone = (taskId: string, month: number, text: string, plannedPercent: number): Milestone => ({
  id: `${taskId}-${month}`,
  taskId,
  yearId: 'y2026',
  month,
  text,
  plannedPercent,
});

const tasks = [
  {
    task: task('t-1', '3', '轻纺市场转型升级'),
    role: 'lead' as const,
    milestones: [milestone('t-1', 3, '完成方案编制', 10), milestone('t-1', 4, '启动招商', 20)],
  },
  { task: task('t-2', '12', '城中村改造攻坚', '2026-06-30'), role: 'co' as const, milestones: [] },
];

const months = windowMonths(year);
const headers = [
  '任务编号',
  '序号',
  '重点工作',
  '责任类型',
  ...months.flatMap((m) => [`${m}月节点目标`, `${m}月计划累计进度(%)`]),
];

async function read(bytes: Uint8Array, fileName = planFileName(unit, year)): Promise<Grid> {
  const result = await readWorkbook(fileName, bytes);
  if (!result.ok) throw new Error(result.message);
  return result.grid;
}

const texts = (row: GridSheet['rows'][number] | undefined) => (row ?? []).map((c) => (c === null ? null : c.v));

describe('planWorkbook', () => {
  it('names the file after the unit and year', () => {
    expect(planFileName(unit, year)).toBe('东城街道-2026年月方案.xlsx');
  });

  it('has the window months in the header, one row, as mapPlan reads them', () => {
    expect(months).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(planMonthHeaders(3)).toEqual({ text: '3月节点目标', percent: '3月计划累计进度(%)' });
  });

  it('reads back: title, header, hidden id column, pre-filled milestones, notes and _meta', async () => {
    const grid = await read(await writeWorkbook(planWorkbook({ year, unit, tasks, appVersion: '0.1.0' })));
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['月方案', false],
      ['_meta', true],
    ]);
    const sheet = grid.sheets[0] as GridSheet;
    expect(texts(sheet.rows[0])).toEqual(['东城街道2026年度重点工作月方案']);
    expect(texts(sheet.rows[1])).toEqual(['填报单位：东城街道    报送时间：2026年3月10日前']);
    expect(texts(sheet.rows[2])).toEqual(headers);
    expect(sheet.hiddenColumns).toEqual([0]);
    expect(texts(sheet.rows[3])).toEqual(['t-1', '3', '轻纺市场转型升级', '牵头', '完成方案编制', 10, '启动招商', 20]);
    expect(texts(sheet.rows[4])).toEqual(['t-2', '12', '城中村改造攻坚', '配合']);
    expect(sheet.rows[5] ?? []).toEqual([]);
    const note = String(sheet.rows[6]?.[0]?.v);
    expect(note.split('\n')).toEqual([
      '填报说明：',
      '1. 逐月填写“节点目标”和“计划累计进度(%)”，从第一个月填到该项工作完成时限所在的月份。',
      '2. 计划累计进度填0—100的数字，是截至当月底的累计进度，逐月不减少，完成时限所在月份为100。',
      '3. 请勿修改隐藏的“任务编号”列，勿增删行列或改动表格结构。',
    ]);
    expect(grid.sheets[1]?.rows.slice(1).map(texts)).toEqual([
      ['kind', 'plan'],
      ['year', 2026],
      ['unit', '东城街道'],
      ['unitId', 'u-dc'],
      ['appVersion', '0.1.0'],
    ]);
    expect(detectTemplate(grid)).toMatchObject({
      kind: 'plan',
      meta: { kind: 'plan', year: 2026, unit: '东城街道', unitId: 'u-dc', appVersion: '0.1.0' },
    });
  });

  it('is landscape A4, locks the given columns and validates every percent column 0–100', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook(planWorkbook({ year, unit, tasks }))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('月方案') as ExcelJS.Worksheet;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(sheet.getColumn(1).hidden).toBe(true);
    // Excel's default is locked: only unlocked cells carry a protection attribute.
    const locked = (address: string) => sheet.getCell(address).protection?.locked !== false;
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(['A4', 'B4', 'C4', 'D4', 'C3', 'E3'].map(locked)).toEqual([true, true, true, true, true, true]);
    expect(['E4', 'F4', 'V5'].map(locked)).toEqual([false, false, false]);
    for (const column of ['F', 'H', 'V']) {
      expect(sheet.getCell(`${column}4`).dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'between',
        formulae: [0, 100],
      });
    }
    expect(sheet.getCell('E4').dataValidation).toBeUndefined();
  });

  it('is read by mapPlan once a unit has filled it in', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeWorkbook(planWorkbook({ year, unit, tasks, appVersion: '0.1.0' }))) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('月方案') as ExcelJS.Worksheet;
    // Row 4: t-1 (as lead), row 5: t-2 (as co-unit, due in June). Columns E/F are March, G/H April …
    sheet.getCell('G4').value = '完成招商对接';
    sheet.getCell('H4').value = 25;
    sheet.getCell('E5').value = '摸排改造范围';
    sheet.getCell('F5').value = 20;
    sheet.getCell('G5').value = '完成征迁方案';
    sheet.getCell('H5').value = 50;
    sheet.getCell('I5').value = '签约过半';
    sheet.getCell('J5').value = 80;
    sheet.getCell('K5').value = '全面完成';
    sheet.getCell('L5').value = 100;
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = mapPlan(await read(filled, '东城街道-2026年月方案（已填）.xlsx'), { year: 2026 });
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ sheet: '月方案', unit: '东城街道', unitId: 'u-dc', year: 2026 });
    expect(result.monthColumns.slice(0, 2)).toEqual([
      { month: 3, text: 'E', percent: 'F' },
      { month: 4, text: 'G', percent: 'H' },
    ]);
    const plans = result.rows.map((row) => ({
      taskId: row.taskId,
      code: row.code,
      title: row.taskAsWritten,
      role: row.role,
      months: row.months
        .filter((m) => m.text !== '' || m.plannedPercent !== null)
        .map((m) => [m.month, m.text, m.plannedPercent]),
    }));
    expect(plans).toEqual([
      {
        taskId: 't-1',
        code: '3',
        title: '轻纺市场转型升级',
        role: 'lead',
        months: [
          [3, '完成方案编制', 10],
          [4, '完成招商对接', 25],
        ],
      },
      {
        taskId: 't-2',
        code: '12',
        title: '城中村改造攻坚',
        role: 'co',
        months: [
          [3, '摸排改造范围', 20],
          [4, '完成征迁方案', 50],
          [5, '签约过半', 80],
          [6, '全面完成', 100],
        ],
      },
    ]);
  });

  it('writes an empty plan for a unit without milestones, and leaves no validation on an empty sheet', async () => {
    const sheets = planWorkbook({ year: { ...year, windowStartMonth: 4, windowEndMonth: 6 }, unit, tasks: [] });
    expect(sheets[0]?.columns.map((c) => c.header)).toEqual([
      '任务编号',
      '序号',
      '重点工作',
      '责任类型',
      '4月节点目标',
      '4月计划累计进度(%)',
      '5月节点目标',
      '5月计划累计进度(%)',
      '6月节点目标',
      '6月计划累计进度(%)',
    ]);
    expect(sheets[0]?.rows).toEqual([]);
    const grid = await read(await writeWorkbook(sheets));
    expect(mapPlan(grid, { year: 2026 }).issues.map((i) => i.message)).toEqual(['月方案中没有读到任何重点工作']);
  });
});
