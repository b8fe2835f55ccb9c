// The 月度进展情况表: written, read back as the importer reads it, filled in as a unit would
// (with exceljs, on the written bytes) and mapped with mapProgress.
// eslint-disable-next-line no-restricted-imports -- the test plays the unit editing the sheet in Excel
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapProgress } from '../../../core/import/progress';
import { detectTemplate } from '../../../core/import/template';
import type { Grid, GridSheet } from '../../../core/import/types';

import { readWorkbook } from '../../../io/excel/read';
import { writeWorkbook } from '../../../io/excel/write';
import { progressFileName, progressWorkbook, type ProgressTask } from './progress';
import { task, unit, year } from './testing';

const tasks: ProgressTask[] = [
  { task: task('t-1', '3', '轻纺市场转型升级'), role: 'lead', milestoneText: '完成招商对接', lastPercent: 20 },
  { task: task('t-2', '12', '城中村改造攻坚'), role: 'co', milestoneText: '签约过半', lastPercent: null },
];

const headers = [
  '任务编号',
  '序号',
  '重点工作',
  '责任类型',
  '本月计划节点',
  '上月累计进度(%)',
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

async function read(bytes: Uint8Array, fileName = progressFileName(unit, year, 5)): Promise<Grid> {
  const result = await readWorkbook(fileName, bytes);
  if (!result.ok) throw new Error(result.message);
  return result.grid;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const texts = (row: GridSheet['rows'][number] | undefined) => (row ?? []).map((c) => (c === null ? null : c.v));

describe('progressWorkbook', () => {
  it('names the file after the unit, year and month', () => {
    expect(progressFileName(unit, year, 5)).toBe('东城街道-2026年5月进展.xlsx');
  });

  it('reads back: title, header, hidden id column, pre-filled cells, notes and _meta', async () => {
    const grid = await read(
      await writeWorkbook(progressWorkbook({ year, month: 5, unit, tasks, appVersion: '0.1.0' })),
    );
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['5月进展', false],
      ['_meta', true],
    ]);
    const sheet = grid.sheets[0] as GridSheet;
    expect(texts(sheet.rows[0])).toEqual(['东城街道2026年5月重点工作进展情况表']);
    expect(texts(sheet.rows[1])).toEqual(['填报单位：东城街道    报送时间：2026年5月25日前']);
    expect(texts(sheet.rows[2])).toEqual(headers);
    expect(sheet.hiddenColumns).toEqual([0]);
    const empty = [null, null, null, null, null, null, null];
    expect(texts(sheet.rows[3])).toEqual([
      't-1',
      '3',
      '轻纺市场转型升级',
      '牵头',
      '完成招商对接',
      20,
      ...empty,
      '王某某',
      '0575-81234567',
    ]);
    expect(texts(sheet.rows[4])).toEqual([
      't-2',
      '12',
      '城中村改造攻坚',
      '配合',
      '签约过半',
      null,
      ...empty,
      '王某某',
      '0575-81234567',
    ]);
    expect(String(sheet.rows[6]?.[0]?.v).split('\n')).toEqual([
      '填报说明：',
      '1. 请于2026年5月25日前报送。',
      '2. “累计进度(%)”填0—100的数字，是截至本月底的累计完成进度（不是本月新增），不低于上月累计进度，完成时填100。',
      '3. “状态”从下拉列表中选择；选“滞后”的，必须填写“滞后原因说明”。',
      '4. 请勿修改隐藏的“任务编号”列，勿增删行列或改动表格结构。',
    ]);
    expect(detectTemplate(grid)).toMatchObject({
      kind: 'progress',
      meta: { kind: 'progress', year: 2026, month: 5, unit: '东城街道', unitId: 'u-dc', appVersion: '0.1.0' },
    });
  });

  it('gives the shifted due date and why', async () => {
    const [sheet] = progressWorkbook({ year, month: 10, unit, tasks });
    expect(sheet?.subtitle).toMatch(
      /^填报单位：东城街道 {4}报送时间：2026年10月\d+日前（10月25日为.+，顺延至10月\d+日）$/,
    );
    expect(sheet?.name).toBe('10月进展');
  });

  it('is landscape A4 with a status dropdown, a 0–100 percent and the given cells locked', async () => {
    const workbook = await load(await writeWorkbook(progressWorkbook({ year, month: 5, unit, tasks })));
    const sheet = workbook.getWorksheet('5月进展') as ExcelJS.Worksheet;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getCell('I4').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"已完成,序时推进,滞后,未启动"'],
    });
    expect(sheet.getCell('H5').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
    });
    const locked = (address: string) => sheet.getCell(address).protection?.locked !== false;
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'H3'].every(locked)).toBe(true);
    expect(['G4', 'H4', 'I4', 'J4', 'K4', 'L4', 'M4', 'N4', 'O4'].some(locked)).toBe(false);
  });

  it('is read by mapProgress once a unit has filled it in: rows by task id, no errors', async () => {
    const workbook = await load(
      await writeWorkbook(progressWorkbook({ year, month: 5, unit, tasks, appVersion: '0.1.0' })),
    );
    const sheet = workbook.getWorksheet('5月进展') as ExcelJS.Worksheet;
    sheet.getCell('G4').value = '完成3家企业招商对接\n签订意向协议2份';
    sheet.getCell('H4').value = 45;
    sheet.getCell('I4').value = '序时推进';
    sheet.getCell('K4').value = '推进项目落地';
    sheet.getCell('G5').value = '签约率38%';
    sheet.getCell('H5').value = 38;
    sheet.getCell('I5').value = '滞后';
    sheet.getCell('J5').value = '部分户主诉求较高';
    sheet.getCell('M5').value = '征迁政策调整，签约延后';
    sheet.getCell('N5').value = '李某';
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = mapProgress(await read(filled), { year: 2026, month: 5 });
    expect(result).toMatchObject({
      sheet: '5月进展',
      unit: '东城街道',
      month: 5,
      year: 2026,
      meta: { unitId: 'u-dc' },
    });
    // The columns shown for reference (责任类型, 上月累计进度) are known and read past quietly.
    expect(result.issues).toEqual([]);
    expect(result.rows).toEqual([
      {
        sheetRow: 4,
        taskId: 't-1',
        taskAsWritten: '轻纺市场转型升级',
        milestone: '完成招商对接',
        done: '完成3家企业招商对接\n签订意向协议2份',
        percent: 45,
        statusWord: '序时推进',
        problems: '',
        nextSteps: '推进项目落地',
        coordination: '',
        delayExplanation: '',
        reporter: '王某某',
        phone: '0575-81234567',
      },
      {
        sheetRow: 5,
        taskId: 't-2',
        taskAsWritten: '城中村改造攻坚',
        milestone: '签约过半',
        done: '签约率38%',
        percent: 38,
        statusWord: '滞后',
        problems: '部分户主诉求较高',
        nextSteps: '',
        coordination: '',
        delayExplanation: '征迁政策调整，签约延后',
        reporter: '李某',
        phone: '0575-81234567',
      },
    ]);
  });

  it('reports every row left without a percent, naming the cell', async () => {
    const result = mapProgress(await read(await writeWorkbook(progressWorkbook({ year, month: 5, unit, tasks }))), {
      year: 2026,
      month: 5,
    });
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'H列第4行没有填写累计进度',
      'H列第5行没有填写累计进度',
    ]);
  });
});
