// The real-world suite of issue 13: files that Excel or WPS opens without a prompt, which an
// earlier reader refused or read slowly. Each file is made here (by a library or byte by byte),
// read under the hostile-file bounds (10 s, 1 GB: bounded.testing.ts), and checked for what a
// user sees: the Grid, or the exact Chinese message naming the file.
import * as XLSX from '@e965/xlsx';
import type ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { MB, readBounded, refusalOf, sheetsOf } from './bounded.testing';
import { readWorkbook } from './read';
import {
  biffRecord,
  cfb,
  encryptBiff,
  encryptXlsx,
  fixture,
  noise,
  packageWith,
  rawZip,
  repeatedEntry,
  sheetJsXls,
  workbookStreamOf,
  worksheetXml,
  xlsxBytes,
} from './workbooks.testing';

afterEach(async () => {
  // The next import works: the real task list reads as ever after each file.
  const result = await readWorkbook('任务清单-2026.xlsx', fixture('任务清单-2026.xlsx'));
  expect(result.ok && result.grid.sheets[0]?.rows).toHaveLength(23);
});

/** Deterministic CJK text that deflates well, as real text does, yet below the zip-bomb ratio. */
function chineseText(length: number): string {
  let seed = 13;
  const block = Array.from({ length: 4096 }, () =>
    String.fromCharCode(0x4e00 + ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 26)),
  ).join('');
  return block.repeat(Math.ceil(length / block.length)).slice(0, length);
}

/** A one-sheet package whose `cells` cells (10 a row) all show shared string 0, `text`. */
async function sharedTextEverywhere(cells: number, text: string): Promise<Uint8Array> {
  const rows: string[] = [];
  for (let r = 1; r <= cells / 10; r++) {
    const row = Array.from({ length: 10 }, (_, c) => `<c r="${'ABCDEFGHIJ'[c]}${r}" t="s"><v>0</v></c>`);
    rows.push(`<row r="${r}">${row.join('')}</row>`);
  }
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${cells}" uniqueCount="1"><si><t>${text}</t></si></sst>`;
  return rawZip(
    await packageWith({ 'xl/worksheets/sheet1.xml': worksheetXml(rows.join('')), 'xl/sharedStrings.xml': sst }),
  );
}

describe('cost per cell bounded by the cell', () => {
  const tooLong = '"长.xlsx"：工作表"数据"A1单元格的文字超过Excel的上限（32767个字符），无法导入，请缩短后再导入';

  it.each([
    ['12,000 cells', 12_000, ''],
    ['48,000 cells', 48_000, ''],
    ['12,000 cells (the string ending in a U+200E)', 12_000, '\u200e'],
  ])(
    '%s sharing one 1 MB string: refused for the over-long cell in the time the string and the cells cost apart',
    async (_l, cells, mark) => {
      const long = chineseText(MB) + mark;
      const bytes = await sharedTextEverywhere(cells, long);
      expect(bytes.length).toBeLessThan(400 * 1024);
      const timed = async (read: () => Promise<unknown>) => {
        const started = performance.now();
        await read();
        return performance.now() - started;
      };
      const refused = await timed(async () => expect(await refusalOf('长.xlsx', bytes)).toBe(tooLong));
      // What the string costs in one row, and the cells with a short text: each paid once.
      const oneRow = await sharedTextEverywhere(10, long);
      const stringAlone = await timed(async () => expect(await refusalOf('长.xlsx', oneRow)).toBe(tooLong));
      const short = await sharedTextEverywhere(cells, '重大项目攻坚年行动');
      const cellsAlone = await timed(async () =>
        expect((await sheetsOf('短.xlsx', short))[0]?.rows).toHaveLength(cells / 10),
      );
      expect(refused).toBeLessThan(2 * (stringAlone + cellsAlone) + 500);
    },
  );

  it('48,000 cells sharing one string of 32,767 characters with a U+200E: read, the mark taken out', async () => {
    const text = chineseText(32_766);
    const [sheet] = await sheetsOf('满.xlsx', await sharedTextEverywhere(48_000, `${text}\u200e`));
    expect(sheet?.rows).toHaveLength(4_800);
    expect(sheet?.rows[4_799]?.[9]).toEqual({ t: 'text', v: text });
  });
});

const TASKS = [
  ['序号', '重点工作', '牵头单位', '完成时限'],
  [1, '重大项目攻坚年行动', '区发展和改革局', '11月底前'],
  [2, '优化营商环境', '区政务服务中心', '2026-06-30'],
];
const TASK_ROWS = TASKS.map((row) => row.map((v) => (typeof v === 'number' ? { t: 'number', v } : { t: 'text', v })));
const taskListXlsx = () => xlsxBytes((wb) => wb.addWorksheet('数据').addRows(TASKS));
const openPassword = (name: string) => `"${name}"：文件设有打开密码，请在Excel中取消密码后再导入`;

describe("Excel's default password (VelvetSweatshop): opened as Excel opens it, without a prompt", () => {
  it.each([
    ['Agile (Excel 2010+)', undefined],
    ['Standard (Excel 2007)', 'standard'],
  ] as const)('an .xlsx, %s: read; with a password of its own: refused, saying so', async (_label, type) => {
    const xlsx = await taskListXlsx();
    expect((await sheetsOf('保护.xlsx', encryptXlsx(xlsx, 'VelvetSweatshop', type)))[0]?.rows).toEqual(TASK_ROWS);
    expect(await refusalOf('密码.xlsx', encryptXlsx(xlsx, '督查室2026', type))).toBe(openPassword('密码.xlsx'));
  });

  it.each([
    ['RC4 (Excel 97/2000)', { kind: 'rc4' }],
    ['RC4 CryptoAPI 40-bit (Excel 2002/2003)', { kind: 'cryptoapi', keyBits: 40 }],
    ['RC4 CryptoAPI 128-bit', { kind: 'cryptoapi', keyBits: 128 }],
  ] as const)('an .xls, %s: read; with a password of its own: refused, saying so', async (_label, scheme) => {
    const stream = workbookStreamOf(sheetJsXls(TASKS));
    const xls = (password: string) => cfb({ Workbook: encryptBiff(stream, password, scheme) });
    expect((await sheetsOf('保护.xls', xls('VelvetSweatshop')))[0]?.rows).toEqual(TASK_ROWS);
    expect(await refusalOf('密码.xls', xls('1234'))).toBe(openPassword('密码.xls'));
  });

  it('a large one (an .xlsx of 5,000 rows, an .xls of 20,000) within the same bounds', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [i + 1, `重点工作${i + 1}`, '区发展和改革局', '11月底前']);
    const xlsx = await xlsxBytes((wb) => wb.addWorksheet('数据').addRows([TASKS[0]!, ...rows]));
    expect((await sheetsOf('大.xlsx', encryptXlsx(xlsx, 'VelvetSweatshop')))[0]?.rows).toHaveLength(5_001);
    const many = Array.from({ length: 20_000 }, (_, i) => [i + 1, `重点工作${i + 1}`, '区发展和改革局', '11月底前']);
    const xls = cfb({ Workbook: encryptBiff(workbookStreamOf(sheetJsXls(many)), 'VelvetSweatshop', { kind: 'rc4' }) });
    expect((await sheetsOf('大.xls', xls))[0]?.rows).toHaveLength(20_000);
  });

  it('what is inside gets every check a plain file gets: a zip bomb behind the default password is refused as one', async () => {
    const bomb = repeatedEntry('xl/worksheets/sheet1.xml', '', new Uint8Array(16 * MB), 16, '');
    const encrypted = encryptXlsx(rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': bomb })), 'VelvetSweatshop');
    expect(await refusalOf('炸弹.xlsx', encrypted)).toBe(
      '"炸弹.xlsx"：文件解压后超过200MB，疑似恶意文件（压缩炸弹），已拒绝',
    );
  });

  it('an Agile file asking for 2,000,000,000 rounds of hashing is refused at once', async () => {
    const encrypted = encryptXlsx(await taskListXlsx(), 'VelvetSweatshop');
    const container = XLSX.CFB.read(encrypted, { type: 'array' });
    const info = XLSX.CFB.find(container, '/EncryptionInfo')!;
    const xml = new TextDecoder().decode(new Uint8Array(info.content as ArrayLike<number>).subarray(8));
    const hostile = cfb({
      EncryptionInfo: new Uint8Array([
        ...new Uint8Array(info.content as ArrayLike<number>).subarray(0, 8),
        ...new TextEncoder().encode(xml.replace('spinCount="100000"', 'spinCount="2000000000"')),
      ]),
      EncryptedPackage: new Uint8Array(XLSX.CFB.find(container, '/EncryptedPackage')!.content as ArrayLike<number>),
    });
    expect(xml).toContain('spinCount="100000"');
    expect(await refusalOf('慢.xlsx', hostile)).toBe('"慢.xlsx"：文件已加密或不是Excel文件');
  });
});

describe('Excel 2.x–4.0 files (a bare BIFF2/3/4 stream, no OLE2 container)', () => {
  it.each(['biff2', 'biff3', 'biff4'] as const)('%s written by SheetJS: numbers, text and a date', async (bookType) => {
    const book = XLSX.utils.book_new();
    const rows = [
      ['No', 'Task', 'Due'],
      [1, 'Investment', new Date(Date.UTC(2026, 10, 30))],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'S');
    const bytes = new Uint8Array(
      XLSX.write(book, { bookType: bookType as XLSX.BookType, type: 'array' }) as ArrayBuffer,
    );
    expect(bytes[0]).toBe(0x09); // BOF, not an OLE2 container
    const [sheet] = await sheetsOf('旧.xls', bytes);
    expect(sheet?.rows).toEqual([
      ['No', 'Task', 'Due'].map((v) => ({ t: 'text', v })),
      [
        { t: 'number', v: 1 },
        { t: 'text', v: 'Investment' },
        { t: 'date', v: '2026-11-30' },
      ],
    ]);
  });

  it('an Excel 4.0 sheet saved on a Chinese PC: its text in the GBK code page', async () => {
    const label = (row: number, column: number, bytes: number[]) => {
      const data = new Uint8Array(8 + bytes.length);
      const view = new DataView(data.buffer);
      view.setUint16(0, row, true);
      view.setUint16(2, column, true);
      view.setUint16(6, bytes.length, true);
      data.set(bytes, 8);
      return biffRecord(0x0204, data);
    };
    const bof = new Uint8Array(6);
    new DataView(bof.buffer).setUint16(2, 0x0010, true); // a worksheet
    const number = new Uint8Array(14);
    new DataView(number.buffer).setUint16(0, 1, true);
    new DataView(number.buffer).setFloat64(6, 1, true);
    const records = [
      biffRecord(0x0409, bof),
      biffRecord(0x0042, new Uint8Array([0xa8, 0x03])), // CODEPAGE 936
      label(0, 0, [0xd0, 0xf2, 0xba, 0xc5]), // 序号
      label(0, 1, [0xd6, 0xd8, 0xb5, 0xe3, 0xb9, 0xa4, 0xd7, 0xf7]), // 重点工作
      biffRecord(0x0203, number),
      label(1, 1, [0xd3, 0xc5, 0xbb, 0xaf, 0xd3, 0xaa, 0xc9, 0xcc, 0xbb, 0xb7, 0xbe, 0xb3]), // 优化营商环境
      biffRecord(0x000a),
    ];
    const bytes = new Uint8Array(records.reduce((n, r) => n + r.length, 0));
    records.reduce((at, r) => (bytes.set(r, at), at + r.length), 0);
    const [sheet] = await sheetsOf('旧.xls', bytes);
    expect(sheet?.rows).toEqual([
      [
        { t: 'text', v: '序号' },
        { t: 'text', v: '重点工作' },
      ],
      [
        { t: 'number', v: 1 },
        { t: 'text', v: '优化营商环境' },
      ],
    ]);
  });
});

describe('damaged metadata', () => {
  it('an .xls whose property streams (SummaryInformation, DocumentSummaryInformation, CompObj) are garbage: its sheets are read', async () => {
    // Only the Workbook stream reaches SheetJS, which would otherwise parse these streams too
    // (and throws on some damage, or takes their code page for the next file).
    const stream = workbookStreamOf(sheetJsXls(TASKS));
    const bytes = cfb({
      Workbook: stream,
      '\u0005SummaryInformation': noise(9000),
      '\u0005DocumentSummaryInformation': new Uint8Array(300).fill(0xff),
      '\u0001CompObj': noise(100),
    });
    expect((await sheetsOf('元数据.xls', bytes))[0]?.rows).toEqual(TASK_ROWS);
  });
});

describe('parts not under xl/ (the package relationships say where the workbook is)', () => {
  /** A package by exceljs with every xl/ part moved to `folder`/, its relationships and content types to match. */
  async function moved(folder: string, build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const parts = unzipSync(await xlsxBytes(build));
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(parts)) {
      const text = ['_rels/.rels', '[Content_Types].xml'].includes(name)
        ? strToU8(strFromU8(data).replaceAll('/xl/', `/${folder}/`).replaceAll('"xl/', `"${folder}/`))
        : data;
      out[name.replace(/^xl\//, `${folder}/`)] = text;
    }
    return zipSync(out);
  }

  it('a workbook in excel/ with two sheets: both read', async () => {
    const bytes = await moved('excel', (wb) => {
      wb.addWorksheet('数据').addRows(TASKS);
      wb.addWorksheet('说明').addRow(['填报说明']);
    });
    expect(Object.keys(unzipSync(bytes)).some((n) => n.startsWith('xl/'))).toBe(false);
    const sheets = await sheetsOf('别处.xlsx', bytes);
    expect(sheets.map((s) => s.name)).toEqual(['数据', '说明']);
    expect(sheets[0]?.rows).toEqual(TASK_ROWS);
  });

  it('a package whose main part is a Word document, wherever it lies, is called one', async () => {
    const bytes = await moved('doc', (wb) => wb.addWorksheet('数据').addRows(TASKS));
    const parts = unzipSync(bytes);
    parts['[Content_Types].xml'] = strToU8(
      strFromU8(parts['[Content_Types].xml']!).replace(
        'spreadsheetml.sheet.main+xml',
        'wordprocessingml.document.main+xml',
      ),
    );
    expect(await refusalOf('文档.xlsx', zipSync(parts))).toBe('"文档.xlsx"：是Word文档（.docx），不是Excel文件');
  });
});

describe('WPS 表格', () => {
  it('an .et that is an .xls or an .xlsx inside is read as one', async () => {
    expect((await sheetsOf('进展.et', sheetJsXls(TASKS)))[0]?.rows).toEqual(TASK_ROWS);
    expect((await sheetsOf('进展.et', await taskListXlsx()))[0]?.rows).toEqual(TASK_ROWS);
  });

  it('an .et in a format of its own: refused with the way out (the same bytes as .xls: the usual message)', async () => {
    const own = cfb({ WpsContent: noise(6000), ETExtData: noise(700) });
    expect(await refusalOf('进展.et', own)).toBe(
      '"进展.et"：是WPS表格文件，无法直接读取，请在WPS中另存为.xlsx后再导入',
    );
    expect(await refusalOf('进展.xls', own)).toBe('"进展.xls"：文件已加密或不是Excel文件');
    expect(await refusalOf('模板.ett', noise(3000))).toBe(
      '"模板.ett"：是WPS表格文件，无法直接读取，请在WPS中另存为.xlsx后再导入',
    );
  });

  const picture = (ref: string, cached: string) =>
    `<c r="${ref}" t="${cached.startsWith('#') ? 'e' : 'str'}"><f>_xlfn.DISPIMG("ID_6F2A81C0B9D84E7C",1)</f><v>${cached}</v></c>`;

  it('cells holding an embedded picture (=DISPIMG) are empty, each with a warning naming the sheet and cell', async () => {
    const sheet = worksheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>重点工作</t></is></c><c r="B1" t="inlineStr"><is><t>现场照片</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>老旧小区改造</t></is></c>${picture('B2', '=DISPIMG("ID_6F2A81C0B9D84E7C",1)')}${picture('C2', '#NAME?')}</row>`,
    );
    const result = await readBounded('照片.xlsx', rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': sheet })));
    if (!result.ok) throw new Error(result.message);
    expect(result.grid.sheets[0]?.rows).toEqual([
      [
        { t: 'text', v: '重点工作' },
        { t: 'text', v: '现场照片' },
      ],
      [{ t: 'text', v: '老旧小区改造' }],
    ]);
    expect(result.grid.issues).toEqual(
      ['B2', 'C2'].map((cell) => ({
        severity: 'warning',
        file: '照片.xlsx',
        sheet: '数据',
        row: 2,
        column: cell[0],
        message: `${cell}单元格是WPS嵌入单元格的图片，图片无法导入，该单元格按空白读取`,
      })),
    );
  });

  it('the same through SheetJS (an .xls whose cached text is the formula), and 25 of them: 20 named, the rest counted', async () => {
    const rows = [
      ['重点工作', '照片'],
      ...Array.from({ length: 25 }, (_, i) => [`任务${i + 1}`, '=DISPIMG("ID_1",1)']),
    ];
    const result = await readBounded('照片.xls', sheetJsXls(rows));
    if (!result.ok) throw new Error(result.message);
    expect(result.grid.sheets[0]?.rows[25]).toEqual([{ t: 'text', v: '任务25' }]);
    expect(result.grid.issues).toHaveLength(21);
    expect(result.grid.issues?.[0]).toMatchObject({ sheet: '数据', row: 2, column: 'B' });
    expect(result.grid.issues?.[20]).toEqual({
      severity: 'warning',
      file: '照片.xls',
      message: '另有5个单元格是WPS嵌入单元格的图片，均按空白读取',
    });
  });
});
