import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cell, Grid, GridSheet, ReadResult } from '../../core/import/types';
import { readWorkbook } from './read';
import { readWithSheetJs } from './read-xls';
import { readXlsxSheets } from './read-xlsx';
import { fixture, hostileFileLimitMs, xlsxBytes } from './workbooks.testing';

const expected = JSON.parse(readFileSync('test/fixtures/expected.json', 'utf8')) as Record<
  string,
  { rows: [string, number, string][] }
>;

function grid(result: ReadResult): Grid {
  if (!result.ok) throw new Error(result.message);
  return result.grid;
}

function only(result: ReadResult): GridSheet {
  const sheets = grid(result).sheets;
  expect(sheets).toHaveLength(1);
  return sheets[0] as GridSheet;
}

const at = (sheet: GridSheet, row: number, column: number): Cell => sheet.rows[row]?.[column] ?? null;

describe('the task list fixture (saved by LibreOffice, merged 工作板块)', () => {
  it('reads one visible sheet with the merged ranges', async () => {
    const sheet = only(await readWorkbook('任务清单-2026.xlsx', fixture('任务清单-2026.xlsx')));
    expect(sheet.name).toBe('重点工作任务清单');
    expect(sheet.hidden).toBe(false);
    expect(sheet.hiddenColumns).toEqual([]);
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 }); // A1:I1 title
    expect(sheet.merges).toContainEqual({ top: 3, left: 1, bottom: 5, right: 1 }); // B4:B6
    expect(sheet.merges).toContainEqual({ top: 20, left: 1, bottom: 22, right: 1 }); // B21:B23
    expect(sheet.merges).toHaveLength(10);
  });

  it('keeps the header, the merged cells empty below their first, and multi-line lists intact', async () => {
    const sheet = only(await readWorkbook('任务清单-2026.xlsx', fixture('任务清单-2026.xlsx')));
    expect(sheet.rows[0]).toEqual([{ t: 'text', v: '2026年度区政府重点工作任务清单' }]); // rich text joined; B1:I1 hidden under the merge
    expect(sheet.rows[2]?.map((c) => c && c.v)).toEqual([
      '序号',
      '工作板块',
      '重点工作',
      '工作目标',
      '主要措施',
      '分管区领导',
      '牵头单位',
      '责任单位',
      '完成时限',
    ]);
    expect(at(sheet, 3, 0)).toEqual({ t: 'number', v: 1 });
    expect(at(sheet, 3, 1)).toEqual({ t: 'text', v: '一、扩大有效投资' });
    expect(at(sheet, 4, 1)).toBeNull();
    expect(at(sheet, 5, 1)).toBeNull();
    expect(at(sheet, 3, 4)).toEqual({
      t: 'text',
      v: '1、建立重大项目月度推进清单\n2、实行区领导联系重大项目制度\n3、每月召开项目协调会',
    });
    expect(sheet.rows).toHaveLength(23); // title, subtitle, header, 20 tasks
    expect(at(sheet, 22, 0)).toEqual({ t: 'number', v: 20 });
  });

  it('gives due dates as LibreOffice saved them: text like 11月底前, or real dates', async () => {
    const sheet = only(await readWorkbook('任务清单-2026.xlsx', fixture('任务清单-2026.xlsx')));
    expect(at(sheet, 3, 8)).toEqual({ t: 'text', v: '11月底前' });
    // I5 is a date cell formatted yyyy/m/d (shown as 2026/11/30).
    expect(at(sheet, 4, 8)).toEqual({ t: 'date', v: '2026-11-30' });
    expect(at(sheet, 19, 8)).toEqual({ t: 'date', v: '2026-08-31' });
  });
});

describe('the progress fixtures', () => {
  it('发改局 (.xlsx): percents are numbers formatted as percent; "33%" inside text stays text', async () => {
    const sheet = only(await readWorkbook('区发展和改革局-5月进展.xlsx', fixture('区发展和改革局-5月进展.xlsx')));
    expect(sheet.name).toBe('5月');
    expect(at(sheet, 2, 4)).toEqual({ t: 'number', v: 0.33, percent: true });
    expect(at(sheet, 2, 3)).toEqual({ t: 'text', v: '建立重大项目月度推进清单，已完成33%工作量' });
    const rows = expected['区发展和改革局-5月进展']?.rows ?? [];
    rows.forEach(([, percent, status], i) => {
      const cell = at(sheet, 2 + i, 4);
      expect(cell?.t === 'number' && cell.percent && Math.round(cell.v * 100)).toBe(percent);
      expect(at(sheet, 2 + i, 5)).toEqual({ t: 'text', v: status });
    });
    expect(at(sheet, 10, 0)).toEqual({ t: 'text', v: '填报人：王某某      联系电话：0575-8xxxxxxx' });
  });

  it('东城街道 (legacy .xls): the two-row merged header, its merges and the values', async () => {
    const sheet = only(await readWorkbook('东城街道-5月进展.xls', fixture('东城街道-5月进展.xls')));
    expect(sheet.name).toBe('5月');
    expect(sheet.merges).toContainEqual({ top: 1, left: 4, bottom: 1, right: 5 }); // E2:F2 进度情况
    expect(sheet.merges).toContainEqual({ top: 1, left: 0, bottom: 2, right: 0 }); // A2:A3 序号
    expect(sheet.merges).toContainEqual({ top: 1, left: 9, bottom: 2, right: 9 }); // J2:J3
    expect(sheet.rows[1]).toEqual([
      { t: 'text', v: '序号' },
      { t: 'text', v: '重点工作' },
      { t: 'text', v: '本月计划节点' },
      { t: 'text', v: '本月完成情况' },
      { t: 'text', v: '进度情况' },
      null,
      { t: 'text', v: '状态' },
      { t: 'text', v: '存在问题' },
      { t: 'text', v: '下步措施' },
      { t: 'text', v: '需协调事项' },
    ]);
    expect(sheet.rows[2]).toEqual([null, null, null, null, { t: 'text', v: '计划(%)' }, { t: 'text', v: '实际(%)' }]);
    const rows = expected['东城街道-5月进展']?.rows ?? [];
    rows.forEach(([task, percent, status], i) => {
      expect(at(sheet, 3 + i, 1)).toEqual({ t: 'text', v: task });
      expect(at(sheet, 3 + i, 5)).toEqual({ t: 'number', v: percent });
      expect(at(sheet, 3 + i, 6)).toEqual({ t: 'text', v: status });
    });
  });

  it('falls back to SheetJS when exceljs would miss a worksheet with an unusual part name', async () => {
    const parts = unzipSync(
      await xlsxBytes((wb) => {
        wb.addWorksheet('一').getCell('A1').value = 'a';
        wb.addWorksheet('二').getCell('A1').value = 'b';
      }),
    );
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    parts['xl/worksheets/data2.xml'] = parts['xl/worksheets/sheet2.xml'] as (typeof parts)[string];
    delete parts['xl/worksheets/sheet2.xml'];
    parts['xl/_rels/workbook.xml.rels'] = strToU8(
      text('xl/_rels/workbook.xml.rels').replace('worksheets/sheet2.xml', 'worksheets/data2.xml'),
    );
    parts['[Content_Types].xml'] = strToU8(
      text('[Content_Types].xml').replace('/xl/worksheets/sheet2.xml', '/xl/worksheets/data2.xml'),
    );
    const bytes = zipSync(parts);
    expect(await readXlsxSheets(bytes)).toHaveLength(1); // exceljs alone loses 二
    expect(grid(await readWorkbook('x.xlsx', bytes)).sheets.map((s) => [s.name, s.rows])).toEqual([
      ['一', [[{ t: 'text', v: 'a' }]]],
      ['二', [[{ t: 'text', v: 'b' }]]],
    ]);
  });

  it('exceljs and the SheetJS fallback read the .xlsx fixtures identically', async () => {
    for (const name of ['任务清单-2026.xlsx', '区发展和改革局-5月进展.xlsx']) {
      expect(readWithSheetJs(fixture(name))).toEqual(await readXlsxSheets(fixture(name)));
    }
  });
});

// More refusals, and the files made to hurt, are in hostile.test.ts (issue 6).
describe('refused files: one message with the file name', () => {
  it.each([
    ['bad/empty.xlsx', '"empty.xlsx"：文件为空'],
    ['bad/truncated.xlsx', '"truncated.xlsx"：文件不完整（可能下载或复制时中断），请重新获取'],
    [
      'bad/csv-renamed.xlsx',
      '"csv-renamed.xlsx"：是文本文件（如CSV）改成了Excel的扩展名，并不是真正的Excel文件，请用Excel打开后另存为.xlsx再导入',
    ],
  ])('%s', async (path, message) => {
    const name = path.slice(4);
    expect(await readWorkbook(name, fixture(path))).toEqual({ ok: false, fileName: name, message });
  });

  it('a file over the size cap', async () => {
    const result = await readWorkbook('大.xlsx', fixture('任务清单-2026.xlsx'), { maxBytes: 4096 });
    expect(result).toEqual({
      ok: false,
      fileName: '大.xlsx',
      message: '"大.xlsx"：文件超过4KB，请确认是否为正确的表格',
    });
  });

  it('a package that passes the checks but is not a readable workbook', async () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="x" r:id="nope"'),
    });
    const result = await readWorkbook('坏.xlsx', zip);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(/^"坏\.xlsx"：(文件已损坏|文件中没有)/);
  });

  it('never throws on damaged bytes: every outcome is a grid or one message', async () => {
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 0x1_0000_0000) * n);
    const scramble = (bytes: Uint8Array, times: number) => {
      for (let k = 0; k < times; k++) bytes[random(bytes.length)] = random(256);
      return bytes;
    };
    const xlsx = fixture('区发展和改革局-5月进展.xlsx');
    const parts = unzipSync(xlsx);
    const outcomes = new Set<string>();
    for (let i = 0; i < 90; i++) {
      let damaged: Uint8Array;
      if (i % 3 === 0)
        damaged = scramble(xlsx.slice(0, 1 + random(xlsx.length)), 3); // cut and scrambled
      else if (i % 3 === 1) {
        // Damage inside the XML, re-zipped soundly: only the parsers can notice.
        const name = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml'][
          random(4)
        ] as string;
        damaged = zipSync({ ...parts, [name]: scramble((parts[name] as Uint8Array).slice(), 1 + random(20)) });
      } else damaged = scramble(fixture('东城街道-5月进展.xls'), 1 + random(30)); // no checksums in BIFF
      const result = await readWorkbook('d.xlsx', damaged);
      if (!result.ok) expect(result.message.startsWith('"d.xlsx"：')).toBe(true);
      outcomes.add(result.ok ? 'ok' : result.message);
    }
    expect(outcomes.size).toBeGreaterThan(2);
  });
});

describe('cell typing (.xlsx, generated with exceljs)', () => {
  const bytes = xlsxBytes((wb) => {
    const ws = wb.addWorksheet('数据');
    ws.getCell('B1').value = 2;
    ws.getCell('A1').value = { formula: 'B1*2', result: 4 };
    ws.getCell('A2').value = 0.8;
    ws.getCell('A2').numFmt = '0%';
    ws.getCell('A3').value = new Date(Date.UTC(2026, 2, 25));
    ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    ws.getCell('A4').value = true;
    ws.getCell('A5').value = { error: '#DIV/0!' };
    ws.getCell('A6').value = { text: '政府网站', hyperlink: 'https://www.gov.cn' };
    ws.getCell('A7').value = { richText: [{ text: '已完成' }, { text: '80%', font: { bold: true } }] };
    ws.getCell('A8').value = { formula: 'B1/0' } as ExcelJS.CellFormulaValue; // never calculated: no cached result
    ws.getCell('A9').value = '';
    ws.getCell('A10').value = { formula: 'TEXT(B1,"0")', result: '2' };
    ws.getCell('A11').value = { formula: 'DATE(2026,11,30)', result: new Date(Date.UTC(2026, 10, 30)) };
    ws.getCell('A11').numFmt = 'yyyy/m/d';
    ws.getCell('A12').value = 80;
    ws.getCell('A12').numFmt = '0"%"'; // a literal percent sign: 80 shows as "80%" but is not scaled
    ws.getCell('A13').value = 46356;
    ws.getCell('A13').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('A14').value = 0.456;
    ws.getCell('A14').numFmt = '0.0%';
    ws.getCell('A15').value = '=SUM(A1:A3)';
    ws.fillFormula('C1:C3', 'B1+1', [3, 4, 5]);
    ws.getCell('D1').value = '隐藏列';
    ws.getColumn(4).hidden = true;
    ws.getColumn(30).hidden = true; // right of the table: not reported
    ws.mergeCells('E1:F2');
    ws.getCell('E1').value = '合并';
    wb.addWorksheet('元数据', { state: 'hidden' }).getCell('A1').value = 'kind=progress';
    wb.addWorksheet('内部', { state: 'veryHidden' }).getCell('A1').value = 1;
  });

  it('types every kind of cell', async () => {
    const sheets = grid(await readWorkbook('gen.xlsx', await bytes)).sheets;
    const sheet = sheets[0] as GridSheet;
    const column = (c: number) => sheet.rows.map((row) => row[c] ?? null);
    expect(column(0)).toEqual([
      { t: 'number', v: 4 }, // formula → cached result
      { t: 'number', v: 0.8, percent: true },
      { t: 'date', v: '2026-03-25' },
      { t: 'bool', v: true },
      { t: 'error', v: '#DIV/0!' },
      { t: 'text', v: '政府网站' },
      { t: 'text', v: '已完成80%' },
      null, // formula without a cached result
      null, // empty string
      { t: 'text', v: '2' },
      { t: 'date', v: '2026-11-30' }, // formula with a date result
      { t: 'number', v: 80 },
      { t: 'date', v: '2026-11-30' },
      { t: 'number', v: 0.456, percent: true },
      { t: 'text', v: '=SUM(A1:A3)' },
    ]);
    expect(column(2).slice(0, 3)).toEqual([
      { t: 'number', v: 3 },
      { t: 'number', v: 4 }, // shared formulas too
      { t: 'number', v: 5 },
    ]);
    expect(sheet.hiddenColumns).toEqual([3]);
    expect(sheet.merges).toEqual([{ top: 0, left: 4, bottom: 1, right: 5 }]);
    expect(at(sheet, 0, 4)).toEqual({ t: 'text', v: '合并' });
    expect(at(sheet, 0, 5)).toBeNull();
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['数据', false],
      ['元数据', true],
      ['内部', true],
    ]);
  });

  it('the SheetJS fallback types them the same way', async () => {
    expect(readWithSheetJs(await bytes)).toEqual(await readXlsxSheets(await bytes));
  });

  it('gives the same calendar dates whatever the PC time zone', async () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        const sheet = grid(await readWorkbook('gen.xlsx', await bytes)).sheets[0] as GridSheet;
        expect([at(sheet, 2, 0), at(sheet, 10, 0)]).toEqual([
          { t: 'date', v: '2026-03-25' },
          { t: 'date', v: '2026-11-30' },
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('drops trailing blank rows and cells, even a lone space typed in row 1048576', async () => {
    const sparse = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '序号';
      ws.getCell('C1').value = ' ';
      ws.getCell('A2').value = ' ';
      ws.getCell('B2').value = 1;
      ws.getCell('A1048576').value = '  ';
    });
    const started = performance.now();
    const sheet = only(await readWorkbook('s.xlsx', sparse));
    expect(performance.now() - started).toBeLessThan(hostileFileLimitMs);
    expect(sheet.rows).toEqual([
      [{ t: 'text', v: '序号' }],
      [
        { t: 'text', v: ' ' },
        { t: 'number', v: 1 },
      ],
    ]);
  });
});

describe('cell typing (.xls and .xlsb, generated with SheetJS)', () => {
  function sheetJsBook(): XLSX.WorkBook {
    const ws = XLSX.utils.aoa_to_sheet([
      ['名称', '比例', '日期', '是否', '编号'],
      ['甲', 0.8, 46356, true, 'T-001'],
    ]);
    (ws['B2'] as XLSX.CellObject).z = '0%';
    (ws['C2'] as XLSX.CellObject).z = 'yyyy-mm-dd';
    ws['!cols'] = [{}, {}, {}, {}, { hidden: true }];
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '进展');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['kind', 'progress']]), '元数据');
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    return wb;
  }

  it.each(['xls', 'xlsb'] as const)('%s: percent, date, boolean, merges, hidden column and sheet', async (bookType) => {
    const bytes = new Uint8Array(XLSX.write(sheetJsBook(), { bookType, type: 'array' }) as ArrayBuffer);
    const sheets = grid(await readWorkbook(`x.${bookType}`, bytes)).sheets;
    expect(sheets[0]).toEqual({
      name: '进展',
      hidden: false,
      rows: [
        [{ t: 'text', v: '名称' }, null, { t: 'text', v: '日期' }, { t: 'text', v: '是否' }, { t: 'text', v: '编号' }],
        [
          { t: 'text', v: '甲' },
          { t: 'number', v: 0.8, percent: true },
          { t: 'date', v: '2026-11-30' },
          { t: 'bool', v: true },
          { t: 'text', v: 'T-001' },
        ],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      hiddenColumns: [4],
    });
    expect(sheets[1]).toMatchObject({ name: '元数据', hidden: true });
  });

  it('Excel 5/95 (BIFF5) text in the GBK code page', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['QZ', 1]]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'biff5', type: 'array' }) as ArrayBuffer);
    // SheetJS writes BIFF5 in code page 1252; make it what a Chinese Excel 95 wrote: GBK.
    const raw = Buffer.from(bytes.buffer);
    const marker = raw.indexOf('QZ');
    raw.set([0xbc, 0xd7], marker); // 甲 in GBK
    const codepage = raw.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00, 0xe4, 0x04])); // CODEPAGE 1252
    raw.set([0xa8, 0x03], codepage + 4); // → 936
    expect(only(await readWorkbook('老.xls', bytes)).rows).toEqual([
      [
        { t: 'text', v: '甲' },
        { t: 'number', v: 1 },
      ],
    ]);
  });
});
