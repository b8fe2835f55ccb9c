import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GridSheet, ReadResult } from '../../core/import/types';
import { readWorkbook } from './read';
import { readWithSheetJs } from './read-xls';
import { readXlsxSheets } from './read-xlsx';
import { columnLetter, uniqueSheetNames, writeWorkbook, type SheetSpec } from './write';

const STATUSES = ['未开始', '序时推进', '滞后', '已完成'];

const ledger: SheetSpec = {
  name: '台账',
  title: '2026年度区政府重点工作台账',
  subtitle: '区政府督查室  导出日期：2026年5月26日',
  landscape: true,
  protectHeader: true,
  columns: [
    { header: '任务ID', key: 'id', hidden: true, locked: true },
    { header: '序号', key: 'no', width: 6 },
    { header: '重点工作', key: 'title', wrap: true },
    { header: '主要措施', key: 'measures', wrap: true, width: 40 },
    { header: '完成时限', key: 'due' },
    { header: '累计进度', key: 'percent', numFmt: '0%', range: { min: 0, max: 1 } },
    { header: '状态', key: 'status', list: STATUSES },
    { header: '是否重点', key: 'key' },
  ],
  rows: [
    {
      id: 't-001',
      no: 1,
      title: '重大项目攻坚年行动',
      measures: '1、建立重大项目月度推进清单\n2、实行区领导联系重大项目制度',
      due: new Date('2026-11-30'),
      percent: 0.8,
      status: '序时推进',
      key: true,
    },
    {
      id: 't-002',
      no: 2,
      title: '促进民间投资增长',
      measures: '',
      due: null,
      percent: 0.03,
      status: '滞后',
      key: false,
    },
    {
      id: 't-003',
      no: 3,
      title: '=SUM(A1:A9)',
      measures: '+86 0575',
      due: undefined,
      percent: Number.NaN,
      status: '-',
      key: null,
    },
  ],
  notes: ['填报说明：', '1、累计进度填写0%—100%；2、状态从下拉列表中选择。'],
};

const meta: SheetSpec = {
  name: '元数据',
  hidden: true,
  freezeHeader: false,
  columns: [
    { header: 'key', key: 'k' },
    { header: 'value', key: 'v' },
  ],
  rows: [{ k: 'kind', v: 'ledger' }],
};

function sheetOf(result: ReadResult, index = 0): GridSheet {
  if (!result.ok) throw new Error(result.message);
  return result.grid.sheets[index] as GridSheet;
}

async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const part = (bytes: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(bytes)[name]);

describe('writeWorkbook → readWorkbook', () => {
  it('round-trips the values, typed', async () => {
    const bytes = await writeWorkbook([ledger, meta]);
    const sheet = sheetOf(await readWorkbook('台账.xlsx', bytes));
    expect(sheet.rows[0]).toEqual([{ t: 'text', v: '2026年度区政府重点工作台账' }]);
    expect(sheet.rows[1]).toEqual([{ t: 'text', v: '区政府督查室  导出日期：2026年5月26日' }]);
    expect(sheet.rows[2]?.map((c) => c && c.v)).toEqual(ledger.columns.map((c) => c.header));
    expect(sheet.rows.slice(3, 6)).toEqual([
      [
        { t: 'text', v: 't-001' },
        { t: 'number', v: 1 },
        { t: 'text', v: '重大项目攻坚年行动' },
        { t: 'text', v: '1、建立重大项目月度推进清单\n2、实行区领导联系重大项目制度' },
        { t: 'date', v: '2026-11-30' },
        { t: 'number', v: 0.8, percent: true },
        { t: 'text', v: '序时推进' },
        { t: 'bool', v: true },
      ],
      [
        { t: 'text', v: 't-002' },
        { t: 'number', v: 2 },
        { t: 'text', v: '促进民间投资增长' },
        null,
        null,
        { t: 'number', v: 0.03, percent: true },
        { t: 'text', v: '滞后' },
        { t: 'bool', v: false },
      ],
      [
        { t: 'text', v: 't-003' },
        { t: 'number', v: 3 },
        { t: 'text', v: '=SUM(A1:A9)' },
        { t: 'text', v: '+86 0575' },
        null,
        null,
        { t: 'text', v: '-' },
      ],
    ]);
    expect(sheet.rows[6]).toEqual([]);
    expect(sheet.rows.slice(7)).toEqual([
      [{ t: 'text', v: '填报说明：' }],
      [{ t: 'text', v: '1、累计进度填写0%—100%；2、状态从下拉列表中选择。' }],
    ]);
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 7 },
        { top: 1, left: 0, bottom: 1, right: 7 },
        { top: 7, left: 0, bottom: 7, right: 7 },
      ]),
    );
  });

  it('reads the same through exceljs and through SheetJS (validations, protection, print setup and all)', async () => {
    const bytes = await writeWorkbook([ledger, meta]);
    expect(await readXlsxSheets(bytes)).toEqual(readWithSheetJs(bytes));
  });

  it('round-trips a hidden sheet and a hidden column', async () => {
    const result = await readWorkbook('台账.xlsx', await writeWorkbook([ledger, meta]));
    expect(sheetOf(result).hiddenColumns).toEqual([0]);
    expect(sheetOf(result, 1)).toMatchObject({
      name: '元数据',
      hidden: true,
      rows: [
        [
          { t: 'text', v: 'key' },
          { t: 'text', v: 'value' },
        ],
        [
          { t: 'text', v: 'kind' },
          { t: 'text', v: 'ledger' },
        ],
      ],
    });
  });

  it('writes every string as text, never as a formula (= + - @ stay literal)', async () => {
    const risky = ['=SUM(A1)', '+1+1', '-2', '@SUM(A1)', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","点我")'];
    const bytes = await writeWorkbook([
      { name: 'S', columns: [{ header: '内容', key: 'v' }], rows: risky.map((v) => ({ v })) },
    ]);

    const sheetXml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');

    const worksheet = (await loadWithExcelJs(bytes)).getWorksheet('S') as ExcelJS.Worksheet;
    risky.forEach((text, i) => {
      const cell = worksheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    });

    const sheetJs = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets['S'] as XLSX.WorkSheet;
    risky.forEach((text, i) => {
      const cell = sheetJs[`A${i + 2}`] as XLSX.CellObject;
      expect(cell.t).toBe('s');
      expect(cell.v).toBe(text);
      expect(cell.f).toBeUndefined();
    });
  });

  it('writes dates as date cells formatted 2026年6月25日 (yyyy"年"m"月"d"日"), by their UTC calendar day', async () => {
    const bytes = await writeWorkbook([
      {
        name: 'S',
        columns: [{ header: '日期', key: 'd' }],
        rows: [{ d: new Date('2026-03-25') }, { d: new Date(Date.UTC(2026, 11, 31, 23, 59)) }],
      },
    ]);
    const worksheet = (await loadWithExcelJs(bytes)).getWorksheet('S') as ExcelJS.Worksheet;
    expect(worksheet.getCell('A2').type).toBe(ExcelJS.ValueType.Date);
    expect(worksheet.getCell('A2').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(part(bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<c r="A2" s="\d+"><v>46106<\/v><\/c>/); // a whole serial day
    expect(sheetOf(await readWorkbook('d.xlsx', bytes)).rows.slice(1)).toEqual([
      [{ t: 'date', v: '2026-03-25' }],
      [{ t: 'date', v: '2026-12-31' }],
    ]);
  });

  it('drops characters XML cannot carry, and refuses text longer than Excel allows', async () => {
    const bytes = await writeWorkbook([
      { name: 'S', columns: [{ header: 'a', key: 'a' }], rows: [{ a: '进度\u0001\u0008正常\t完成' }] },
    ]);
    expect(sheetOf(await readWorkbook('c.xlsx', bytes)).rows[1]).toEqual([{ t: 'text', v: '进度正常\t完成' }]);
    await expect(
      writeWorkbook([{ name: 'S', columns: [{ header: 'a', key: 'a' }], rows: [{ a: 'x'.repeat(32768) }] }]),
    ).rejects.toThrow(/A2单元格的文字超过Excel上限/);
  });
});

describe('the workbook as Excel sees it', () => {
  it('has dropdown and range validations on the data rows', async () => {
    const sheetXml = part(await writeWorkbook([ledger]), 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toMatch(
      /<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]*sqref="G4:G6"><formula1>&quot;未开始,序时推进,滞后,已完成&quot;<\/formula1>/,
    );
    expect(sheetXml).toMatch(
      /<dataValidation type="decimal" allowBlank="1" showErrorMessage="1"[^>]*sqref="F4:F6"><formula1>0<\/formula1><formula2>1<\/formula2>/,
    );
    const worksheet = (await loadWithExcelJs(await writeWorkbook([ledger]))).getWorksheet('台账') as ExcelJS.Worksheet;
    expect(worksheet.getCell('G5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"未开始,序时推进,滞后,已完成"'],
    });
  });

  it('puts a list too long for a formula on a very hidden sheet', async () => {
    const units = Array.from({ length: 60 }, (_, i) => `区第${i + 1}个责任单位`);
    const bytes = await writeWorkbook([
      { name: 'S', columns: [{ header: '单位', key: 'u', list: units }], rows: [{ u: units[0] }] },
    ]);
    expect(part(bytes, 'xl/worksheets/sheet1.xml')).toContain('<formula1>&apos;_lists&apos;!$A$1:$A$60</formula1>');
    const result = await readWorkbook('s.xlsx', bytes);
    const lists = sheetOf(result, 1);
    expect(lists).toMatchObject({ name: '_lists', hidden: true });
    expect(lists.rows.map((row) => row[0] && row[0].v)).toEqual(units);
    expect(part(bytes, 'xl/workbook.xml')).toContain('state="veryHidden"');
  });

  it('prints on A4, fitted to the page width, with the header row repeated and the panes frozen below it', async () => {
    const bytes = await writeWorkbook([ledger, { ...meta, landscape: false }]);
    const workbook = await loadWithExcelJs(bytes);
    const worksheet = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    expect(worksheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      horizontalCentered: true,
    });
    expect(worksheet.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 });
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect((workbook.getWorksheet('元数据') as ExcelJS.Worksheet).pageSetup.orientation).toBe('portrait');
    expect(part(bytes, 'xl/workbook.xml')).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;台账&apos;!$3:$3</definedName>',
    );
    expect(part(bytes, 'xl/worksheets/sheet1.xml')).toContain(
      '<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>',
    );
  });

  it('styles the title, header and data cells', async () => {
    const worksheet = (await loadWithExcelJs(await writeWorkbook([ledger]))).getWorksheet('台账') as ExcelJS.Worksheet;
    expect(worksheet.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(worksheet.getCell('C3').font).toMatchObject({ name: '宋体', bold: true });
    expect(worksheet.getCell('C3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(worksheet.getCell('C3').border?.bottom).toMatchObject({ style: 'thin' });
    expect(worksheet.getCell('C4').font).toMatchObject({ name: '仿宋', size: 11 });
    expect(worksheet.getCell('C4').border?.left).toMatchObject({ style: 'thin' });
    expect(worksheet.getCell('D4').alignment).toMatchObject({ wrapText: true });
    expect(worksheet.getColumn(4).width).toBe(40);
    expect(worksheet.getColumn(1).hidden).toBe(true);
    expect(worksheet.getColumn(3).width).toBeGreaterThanOrEqual(20); // estimated from 重大项目攻坚年行动
  });

  it('protects the header and the locked id column; the rest stays editable', async () => {
    const bytes = await writeWorkbook([ledger]);
    expect(part(bytes, 'xl/worksheets/sheet1.xml')).toMatch(
      /<sheetProtection sheet="1" formatColumns="0" formatRows="0"\/>/,
    );
    const worksheet = (await loadWithExcelJs(bytes)).getWorksheet('台账') as ExcelJS.Worksheet;
    expect(worksheet.getCell('C3').protection?.locked).not.toBe(false); // header: locked (the default)
    expect(worksheet.getCell('A1').protection?.locked).not.toBe(false);
    expect(worksheet.getCell('A4').protection?.locked).not.toBe(false); // the id column
    expect(worksheet.getCell('G4').protection?.locked).toBe(false);
    expect(worksheet.getCell('C4').protection?.locked).toBe(false);
    expect(worksheet.getCell('C9').protection?.locked).not.toBe(false); // notes
    expect(worksheet.getColumn(3).protection?.locked).toBe(false); // blank cells below the table
  });

  it('wraps text wider than its column and makes its row tall enough for every line', async () => {
    const reason = '5月进展未报送（“临空示范区开发建设”，截止5月25日）；'.repeat(6);
    const bytes = await writeWorkbook([
      {
        name: '红黑榜',
        title: '2026年5月重点工作红黑榜',
        columns: [
          { header: '单位', key: 'unit', width: 22 },
          { header: '得分', key: 'score', width: 8 },
          { header: '主要情况', key: 'reason', width: 50 },
        ],
        rows: [
          { unit: '区自然资源和规划分局', score: 75, reason },
          { unit: '东城街道', score: 98, reason: '无扣分事项' },
        ],
      },
    ]);
    const worksheet = (await loadWithExcelJs(bytes)).getWorksheet('红黑榜') as ExcelJS.Worksheet;
    // Row 2 is the header; 3 the long reason, 4 a short one.
    expect(worksheet.getCell('C3').alignment).toMatchObject({ wrapText: true });
    const long = worksheet.getRow(3).height;
    const short = worksheet.getRow(4).height;
    // Six times 30 CJK characters (about 380 units) in a 50-unit column: at least 8 lines.
    expect(long).toBeGreaterThan(8 * 11 * 1.2);
    expect(short).toBeGreaterThanOrEqual(15);
    expect(short).toBeLessThan(30);
    // Three narrow columns: portrait.
    expect(worksheet.pageSetup.orientation).toBe('portrait');
  });

  it('prints landscape when the columns would not fit a portrait page', async () => {
    const columns = [...Array(12).keys()].map((i) => ({ header: `第${i + 1}列`, key: `c${i}`, width: 14 }));
    const worksheet = (await loadWithExcelJs(await writeWorkbook([{ name: '宽表', columns, rows: [] }]))).getWorksheet(
      '宽表',
    ) as ExcelJS.Worksheet;
    expect(worksheet.pageSetup.orientation).toBe('landscape');
  });

  it('marks every visible sheet of a sample-year workbook above its title and in its page header', async () => {
    const bytes = await writeWorkbook([ledger, meta], { mark: '示例数据 · 非正式文件' });
    const workbook = await loadWithExcelJs(bytes);
    const worksheet = workbook.getWorksheet('台账') as ExcelJS.Worksheet;
    expect(worksheet.getCell('A1').value).toBe('示例数据 · 非正式文件');
    expect(worksheet.getCell('A2').value).toBe(ledger.title);
    expect(worksheet.getCell('C4').value).toBe('重点工作');
    expect(worksheet.pageSetup.printTitlesRow).toBe('4:4');
    expect(worksheet.headerFooter.oddHeader).toContain('示例数据 · 非正式文件');
    const hidden = workbook.getWorksheet('元数据') as ExcelJS.Worksheet;
    expect(hidden.getCell('A1').value).toBe('key');
  });

  it('leaves a sheet unprotected unless asked', async () => {
    expect(part(await writeWorkbook([meta]), 'xl/worksheets/sheet1.xml')).not.toContain('sheetProtection');
  });
});

describe('helpers', () => {
  it('makes sheet names Excel accepts', () => {
    expect(
      uniqueSheetNames(['5月', '5月', 'a/b:c', '', 'History', "'引号'", '很'.repeat(40), 'SHEET', 'sheet']),
    ).toEqual(['5月', '5月(2)', 'a_b_c', 'Sheet4', 'History_', '引号', '很'.repeat(31), 'SHEET', 'sheet(2)']);
  });

  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
