// The hostile-workbook suite of issue 6. Every file is made here, byte by byte where no honest
// tool would write it. Each one is either refused with one Chinese message naming the file (and
// the sheet and cell where the problem is a cell), or read correctly; always within 10 s and
// without the process growing by 1 GB; and a good file reads normally right after it.
// (Nothing can be written: readWorkbook is a pure function of the bytes. That the import as a
// whole writes nothing is shown in features/import/hostile-import.test.ts and e2e/hostile.spec.ts.)
import * as XLSX from '@e965/xlsx';
import { inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { cellText } from '../../core/import/sheet';
import { MB, refusalOf, sheetsOf } from './bounded.testing';
import { readWorkbook } from './read';
import { readWithSheetJs } from './read-xls';
import { writeWorkbook } from './write';
import { crc32 } from './zip';
import {
  biffNumber,
  biffRecord,
  biffStream,
  biffWorkbook,
  cfb,
  entry,
  fixture,
  packageWith,
  rawZip,
  repeatedEntry,
  worksheetXml,
  xlsxBytes,
  type RawEntry,
} from './workbooks.testing';

/**
 * A test may take longer than the read it checks: building a million-row sheet or a 1 GB bomb
 * takes seconds on a busy machine. The issue's bound applies to the read (readBounded).
 */
const buildingTimeout = { timeout: 60_000 };

/** A one-sheet package whose worksheet part is `sheetData` (and what follows it). */
const withSheet = async (sheetData: string, after = '') =>
  rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': worksheetXml(sheetData, after) }));

/** An inline-string cell, escaped for XML. */
const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</t></is></c>`;

afterEach(async () => {
  // The next import works: the real task list reads as ever after each hostile file.
  const result = await readWorkbook('任务清单-2026.xlsx', fixture('任务清单-2026.xlsx'));
  expect(result.ok && result.grid.sheets[0]?.rows).toHaveLength(23);
});

/** A real sheet of 1 GB of zeros, deflated to ~1 MB (the issue's zip bomb), built once. */
let gigabyteOfZeros: RawEntry | undefined;
const zipBombSheet = () =>
  (gigabyteOfZeros ??= repeatedEntry('xl/worksheets/sheet1.xml', '', new Uint8Array(16 * MB), 64, ''));

/** A well-formed worksheet XML of over 512 MB (rows padded with spaces), deflated to ~0.6 MB, built once. */
let hugeSheetXml: RawEntry | undefined;
const hugeSheet = () =>
  (hugeSheetXml ??= repeatedEntry(
    'xl/worksheets/sheet1.xml',
    worksheetXml(inline('A1', '序号')).replace('</sheetData></worksheet>', ''),
    new Uint8Array(16 * MB).fill(0x20),
    33,
    '</sheetData></worksheet>',
  ));

describe('the builders', () => {
  it('repeatedEntry deflates exactly head + unit × times + tail, with the right CRC', () => {
    const built = repeatedEntry('x.xml', '<a>', new Uint8Array(MB).fill(0x62), 3, '</a>');
    const inflated = inflateSync(built.data);
    expect(inflated.length).toBe(built.size);
    expect(built.size).toBe(3 + 3 * MB + 4);
    expect(new TextDecoder().decode(inflated)).toBe(`<a>${'b'.repeat(3 * MB)}</a>`);
    expect(crc32(inflated)).toBe(built.crc);
  });
});

describe('refused, with one message naming the file', buildingTimeout, () => {
  it('a zero-byte file', async () => {
    expect(await refusalOf('空.xlsx', new Uint8Array(0))).toBe('"空.xlsx"：文件为空');
  });

  it('a truncated zip (a real workbook cut in half)', async () => {
    const whole = await xlsxBytes((wb) => wb.addWorksheet('数据').addRow(['序号', '重点工作']));
    expect(await refusalOf('半截.xlsx', whole.subarray(0, whole.length >> 1))).toBe(
      '"半截.xlsx"：文件不完整（可能下载或复制时中断），请重新获取',
    );
  });

  it.each([
    [
      'CSV',
      '序号,重点工作,牵头单位\r\n1,重大项目攻坚年行动,区发展和改革局\r\n',
      '是文本文件（如CSV）改成了Excel的扩展名',
    ],
    [
      'HTML',
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td></tr></table></body></html>',
      '是网页文件（HTML）改成了Excel的扩展名',
    ],
  ])('%s renamed to .xlsx', async (_kind, content, reason) => {
    expect(await refusalOf('改名.xlsx', strToU8(content))).toBe(
      `"改名.xlsx"：${reason}，并不是真正的Excel文件，请用Excel打开后另存为.xlsx再导入`,
    );
  });

  it('an encrypted .xlsx whose encryption data are garbage (OLE2 EncryptionInfo + EncryptedPackage of zeros)', async () => {
    const bytes = cfb({ EncryptionInfo: new Uint8Array(300), EncryptedPackage: new Uint8Array(6000) });
    expect(await refusalOf('加密.xlsx', bytes)).toBe('"加密.xlsx"：文件已加密或不是Excel文件');
  });

  it('an .xls with an open password (BIFF FILEPASS whose verifier no password matches)', async () => {
    expect(await refusalOf('加密.xls', cfb({ Workbook: biffStream(true, 9000) }))).toBe(
      '"加密.xls"：文件设有打开密码，请在Excel中取消密码后再导入',
    );
  });

  it('a zip bomb: a real 1 GB sheet in a ~1 MB file, declared honestly, refused before inflating', async () => {
    const bomb = zipBombSheet();
    expect(bomb.size).toBe(1024 * MB);
    expect(bomb.data.length).toBeLessThan(1.2 * MB);
    const bytes = rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': bomb }));
    expect(await refusalOf('炸弹.xlsx', bytes)).toBe(
      '"炸弹.xlsx"：文件解压后超过200MB，疑似恶意文件（压缩炸弹），已拒绝',
    );
  });

  it('the same zip bomb declaring 2 KB: inflating stops at the declared size', async () => {
    const bomb = zipBombSheet();
    const bytes = rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': bomb }), (e) =>
      e === bomb ? { size: 2048 } : {},
    );
    expect(await refusalOf('炸弹.xlsx', bytes)).toBe('"炸弹.xlsx"：文件不完整（可能下载或复制时中断），请重新获取');
  });

  it('XML with DOCTYPE/ENTITY (billion laughs) in the shared strings', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol0 "lol">${entities}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`;
    const bytes = rawZip(await packageWith({ 'xl/sharedStrings.xml': xml }));
    expect(await refusalOf('笑.xlsx', bytes)).toBe('"笑.xlsx"：文件含有不安全的XML声明，已拒绝');
  });

  it('100,000 zip entries (counted in the ZIP64 end record)', async () => {
    const entries = [
      ...(await packageWith({})),
      ...Array.from({ length: 100_000 }, (_, i) => entry(`xl/media/p${i}.bin`, new Uint8Array(0), 0)),
    ];
    expect(await refusalOf('十万.xlsx', rawZip(entries))).toBe(
      '"十万.xlsx"：文件内部部件超过2000个，不像正常的表格，疑似恶意文件，已拒绝',
    );
  });

  it.each(['../../evil.xml', 'xl/../../../tmp/evil.sh', 'xl\\..\\..\\evil.bat', '..'])(
    'an entry named %s (escaping the folder it would be unpacked to)',
    async (name) => {
      const bytes = rawZip(await packageWith({ [name]: '<x/>' }));
      expect(await refusalOf('路径.xlsx', bytes)).toBe(
        '"路径.xlsx"：文件内部含有异常的路径（如"../"），疑似恶意文件，已拒绝',
      );
    },
  );

  it('a package without its workbook part', async () => {
    const bytes = rawZip(await packageWith({ 'xl/workbook.xml': null }));
    expect(await refusalOf('缺.xlsx', bytes)).toBe(
      '"缺.xlsx"：文件已损坏或格式不受支持，无法读取，请用Excel打开后另存为.xlsx再导入',
    );
  });

  it.each(['99', '-1', 'x'])(
    'a shared-string index out of range (%s), in the only sheet or beside a sound one',
    async (index) => {
      const bad = worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>${index}</v></c></row>`);
      const corrupt = '"串.xlsx"：文件已损坏或格式不受支持，无法读取，请用Excel打开后另存为.xlsx再导入';
      expect(await refusalOf('串.xlsx', rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': bad })))).toBe(corrupt);
      // Not the other sheet read and this one silently left out.
      const twoSheets = await xlsxBytes((wb) => {
        wb.addWorksheet('好').getCell('A1').value = '序号';
        wb.addWorksheet('坏').getCell('A1').value = '序号';
      });
      const parts = unzipSync(twoSheets);
      parts['xl/worksheets/sheet2.xml'] = strToU8(bad);
      expect(await refusalOf('串.xlsx', zipSync(parts))).toBe(corrupt);
    },
  );

  it('merged ranges that overlap (Excel calls such a file damaged), even 30,000 of them each to the end of the sheet', async () => {
    const overlapping = await withSheet(
      `<row r="1">${inline('A1', '序号')}</row>`,
      '<mergeCells count="2"><mergeCell ref="A1:C3"/><mergeCell ref="B2:D4"/></mergeCells>',
    );
    expect(await refusalOf('叠.xlsx', overlapping)).toBe(
      '"叠.xlsx"：工作表"数据"的合并单元格A1:C3与B2:D4相互重叠，文件已损坏，请用Excel打开后另存为.xlsx再导入',
    );
    const refs = Array.from({ length: 30_000 }, (_, i) => `<mergeCell ref="A${i + 1}:XFD1048576"/>`).join('');
    const many = await withSheet(
      `<row r="1">${inline('A1', '序号')}</row>`,
      `<mergeCells count="30000">${refs}</mergeCells>`,
    );
    expect(await refusalOf('叠.xlsx', many)).toBe(
      '"叠.xlsx"：工作表"数据"的合并单元格A1:XFD1048576与A2:XFD1048576相互重叠，文件已损坏，请用Excel打开后另存为.xlsx再导入',
    );
  });

  it.each([
    [
      '1,000,000 empty formatted rows',
      (r: number) => `<row r="${r}" s="1" customFormat="1" ht="20" customHeight="1"/>`,
    ],
    ['1,000,000 empty formatted cells', (r: number) => `<row r="${r}"><c r="A${r}" s="1"/></row>`],
    [
      '1,000,000 cells with a number (with an x: prefix)',
      (r: number) => `<x:row r="${r}"><x:c r="A${r}"><x:v>${r}</x:v></x:c></x:row>`,
    ],
  ])('%s', async (_label, row) => {
    const rows = [`<row r="1">${inline('A1', '序号')}</row>`];
    for (let r = 2; r <= 1_000_000; r++) rows.push(row(r));
    const sheet = entry('xl/worksheets/sheet1.xml', worksheetXml(rows.join('')));
    expect(sheet.data.length).toBeLessThan(20 * MB);
    const bytes = rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': sheet }));
    expect(await refusalOf('空行.xlsx', bytes)).toBe(
      '"空行.xlsx"：表格的行和单元格超过30万个（常见原因是整行或整列设置了格式），请在Excel中删除表格以外多余的行和列，另存后再导入',
    );
  });

  it('a cell over 32,767 characters (the most Excel holds; only a hand-made file has more)', async () => {
    const long = await withSheet(
      `<row r="1">${inline('A1', '序号')}</row><row r="3">${inline('B3', '长'.repeat(32_768))}</row>`,
    );
    expect(await refusalOf('长.xlsx', long)).toBe(
      '"长.xlsx"：工作表"数据"B3单元格的文字超过Excel的上限（32767个字符），无法导入，请缩短后再导入',
    );
    const longest = await withSheet(`<row r="1">${inline('A1', '长'.repeat(32_767))}</row>`);
    expect((await sheetsOf('长.xlsx', longest))[0]?.rows[0]?.[0]).toEqual({ t: 'text', v: '长'.repeat(32_767) });
  });

  it.each([
    [
      '1,000,000 numbers (NUMBER records, 18 MB)',
      () => Array.from({ length: 1_000_000 }, (_, i) => biffNumber(1 + (i >> 4), i & 15, i)),
    ],
    [
      '6,500,000 blank formatted cells (MULBLANK records, 13 MB)',
      () =>
        Array.from({ length: 65_535 }, (_, r) => {
          const data = new Uint8Array(6 + 2 * 100);
          const view = new DataView(data.buffer);
          view.setUint16(0, r + 1, true);
          view.setUint16(4 + 2 * 100, 99, true); // columns A…CV
          return biffRecord(0x00be, data);
        }),
    ],
  ])('a legacy .xls of %s', async (_label, cells) => {
    const bytes = cfb({ Workbook: biffWorkbook([biffNumber(0, 0, 1), ...cells()]) });
    expect(bytes.length).toBeLessThan(20 * MB);
    expect(await refusalOf('旧.xls', bytes)).toBe(
      '"旧.xls"：表格的行和单元格超过30万个（常见原因是整行或整列设置了格式），请在Excel中删除表格以外多余的行和列，另存后再导入',
    );
  });

  it('a sheet XML over 512 MB, declared honestly', async () => {
    const sheet = hugeSheet();
    expect(sheet.size).toBeGreaterThan(512 * MB);
    expect(sheet.data.length).toBeLessThan(MB);
    const bytes = rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': sheet }));
    expect(await refusalOf('大表.xlsx', bytes)).toBe(
      '"大表.xlsx"：文件解压后超过200MB，疑似恶意文件（压缩炸弹），已拒绝',
    );
  });

  it('the same sheet XML declaring 4 KB', async () => {
    const sheet = hugeSheet();
    const bytes = rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': sheet }), (e) =>
      e === sheet ? { size: 4096 } : {},
    );
    expect(await refusalOf('大表.xlsx', bytes)).toBe('"大表.xlsx"：文件不完整（可能下载或复制时中断），请重新获取');
  });
});

describe('read correctly', buildingTimeout, () => {
  it('30,000 merged ranges', async () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i + 1}</v></c><c r="B${i + 2}"><v>0</v></c></row>`,
    ).join('');
    const refs = Array.from({ length: 30_000 }, (_, i) => `<mergeCell ref="A${i + 2}:C${i + 2}"/>`).join('');
    const [sheet] = await sheetsOf(
      '合并.xlsx',
      await withSheet(
        `<row r="1">${inline('A1', '序号')}</row>${rows}`,
        `<mergeCells count="30000">${refs}</mergeCells>`,
      ),
    );
    expect(sheet?.merges).toHaveLength(30_000);
    expect(sheet?.merges[29_999]).toEqual({ top: 30_000, left: 0, bottom: 30_000, right: 2 });
    expect(sheet?.rows).toHaveLength(30_001);
    expect(sheet?.rows[30_000]).toEqual([{ t: 'number', v: 30_000 }]); // B hidden under the merge: dropped
  });

  it('one merge over the whole sheet (A1:XFD1048576), and the same merge written twice', async () => {
    const merges =
      '<mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A1:XFD1048576"/></mergeCells>';
    const [sheet] = await sheetsOf(
      '合并.xlsx',
      await withSheet(`<row r="1">${inline('A1', '序号')}${inline('B1', '藏')}</row>`, merges),
    );
    expect(sheet?.rows).toEqual([[{ t: 'text', v: '序号' }]]);
    expect(sheet?.merges).toEqual([{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]);
  });

  it('merge references no Excel writes are left out; a reversed one is put right', async () => {
    const refs = ['A0:B1', 'XFE1:XFF2', '=A1:B2', 'A1:B2:C3', '', 'C3:B2']
      .map((ref) => `<mergeCell ref="${ref}"/>`)
      .join('');
    const [sheet] = await sheetsOf(
      '合并.xlsx',
      await withSheet(`<row r="1">${inline('A1', '序号')}</row>`, `<mergeCells count="6">${refs}</mergeCells>`),
    );
    expect(sheet?.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });

  it('a stray character in XFD1048576: a million rows, all but two empty (the mapping caps them: core/import/taskList.test.ts)', async () => {
    const [sheet] = await sheetsOf(
      '远.xlsx',
      await withSheet(`<row r="1">${inline('A1', '序号')}</row><row r="1048576">${inline('XFD1048576', 'x')}</row>`),
    );
    expect(sheet?.rows).toHaveLength(1_048_576);
    expect(sheet?.rows[1_048_575]?.[16_383]).toEqual({ t: 'text', v: 'x' });
    expect(sheet?.rows[500]).toEqual([]);
  });

  it('the 1904 date system', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.properties.date1904 = true;
      const cell = wb.addWorksheet('S').getCell('A1');
      cell.value = new Date(Date.UTC(2026, 2, 25));
      cell.numFmt = 'yyyy-mm-dd';
    });
    expect(new TextDecoder().decode(unzipSync(bytes)['xl/workbook.xml'])).toContain('date1904="1"');
    expect((await sheetsOf('1904.xlsx', bytes))[0]?.rows).toEqual([[{ t: 'date', v: '2026-03-25' }]]);
    expect(readWithSheetJs(bytes)[0]?.rows).toEqual([[{ t: 'date', v: '2026-03-25' }]]);
  });

  describe('serial dates 0, 60 and 61 (Excel counts a 1900-02-29 that never was)', () => {
    // Shown by Excel as 1900/1/0, 1900/1/1, 1900/2/28, 1900/2/29, 1900/3/1, and 12:00 (a time, no day).
    const serials = [0, 1, 59, 60, 61, 0.5];
    const formats = ['yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm-dd', 'hh:mm'];
    const expected = [
      { t: 'number', v: 0 }, // no such day: the number, for the mapping to call it no date
      { t: 'date', v: '1900-01-01' },
      { t: 'date', v: '1900-02-28' },
      { t: 'number', v: 60 },
      { t: 'date', v: '1900-03-01' },
      { t: 'number', v: 0.5 },
    ];

    it('.xlsx (exceljs, and the SheetJS fallback)', async () => {
      const bytes = await xlsxBytes((wb) => {
        const sheet = wb.addWorksheet('S');
        serials.forEach((v, i) => {
          sheet.getCell(1, i + 1).value = v;
          sheet.getCell(1, i + 1).numFmt = formats[i] as string;
        });
      });
      expect((await sheetsOf('日期.xlsx', bytes))[0]?.rows).toEqual([expected]);
      expect(readWithSheetJs(bytes)[0]?.rows).toEqual([expected]);
    });

    it('.xls (SheetJS)', async () => {
      const sheet = XLSX.utils.aoa_to_sheet([serials]);
      serials.forEach((_, i) => ((sheet[XLSX.utils.encode_cell({ r: 0, c: i })] as XLSX.CellObject).z = formats[i]));
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, 'S');
      const bytes = new Uint8Array(XLSX.write(book, { bookType: 'xls', type: 'array' }) as ArrayBuffer);
      expect((await sheetsOf('日期.xls', bytes))[0]?.rows).toEqual([expected]);
    });

    it('in the 1904 date system serial 0 is a real day', async () => {
      const bytes = await xlsxBytes((wb) => {
        wb.properties.date1904 = true;
        const cell = wb.addWorksheet('S').getCell('A1');
        cell.value = 0;
        cell.numFmt = 'yyyy-mm-dd';
      });
      expect((await sheetsOf('1904.xlsx', bytes))[0]?.rows).toEqual([[{ t: 'date', v: '1904-01-01' }]]);
    });
  });

  describe('text that hides or pretends: as inert text, the hidden characters taken out', () => {
    // Excel writes characters XML cannot carry as _xHHHH_; exceljs decodes them in shared
    // strings but not in inline strings, SheetJS in both: the reader makes them agree.
    const sharedStrings = (...texts: string[]) =>
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`;

    it.each([
      [
        'control characters (shared string)',
        '<c r="A1" t="s"><v>0</v></c>',
        '进度_x0007_正常_x000D_\n完成_x001F_',
        '进度正常\n完成',
      ],
      [
        'control characters (inline string)',
        '<c r="A1" t="inlineStr"><is><t>甲_x0001_乙_x000D_\n丙</t></is></c>',
        '',
        '甲乙\n丙',
      ],
      ['a carriage return alone', '<c r="A1" t="s"><v>0</v></c>', '一_x000D_二', '一\n二'],
      [
        'RTL override and other bidi controls',
        '<c r="A1" t="s"><v>0</v></c>',
        '区财政局\u202Egnp.exe\u202C\u2066甲\u2069\u200F',
        '区财政局gnp.exe甲',
      ],
      ['nothing but hidden characters', '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c>', '_x0001_\u202E', null],
    ])('%s', async (_label, cells, shared, expected) => {
      const bytes = rawZip(
        await packageWith({
          'xl/worksheets/sheet1.xml': worksheetXml(`<row r="1">${cells}</row>`),
          'xl/sharedStrings.xml': sharedStrings(shared),
        }),
      );
      const [sheet] = await sheetsOf('隐.xlsx', bytes);
      expect(sheet?.rows[0]?.[0]).toEqual(expected === null ? null : { t: 'text', v: expected });
      expect(readWithSheetJs(bytes)[0]?.rows).toEqual(sheet?.rows);
    });

    it('markup such as <img onerror> is text, character for character', async () => {
      const texts = [
        '<img src=x onerror=alert(1)>',
        '<script>alert("x")</script>',
        '"><svg onload=alert(1)>',
        '&lt;b&gt;',
      ];
      const [sheet] = await sheetsOf(
        '标记.xlsx',
        await withSheet(`<row r="1">${texts.map((t, i) => inline(`${'ABCD'[i]}1`, t)).join('')}</row>`),
      );
      expect(sheet?.rows).toEqual([texts.map((v) => ({ t: 'text', v }))]);
    });
  });

  it('an 18-digit ID number stored as a number: the number Excel kept (15 significant digits); stored as text: exact', async () => {
    const bytes = await xlsxBytes((wb) => {
      const sheet = wb.addWorksheet('S');
      // What Excel stores when one types the ID into a General cell: a double, digits lost.
      // eslint-disable-next-line no-loss-of-precision -- the loss is the case under test
      sheet.getCell('A1').value = 110105199001011234;
      sheet.getCell('B1').value = '110105199001011234';
    });
    const [sheet] = await sheetsOf('证件.xlsx', bytes);
    expect(sheet?.rows).toEqual([
      [
        { t: 'number', v: 110105199001011230 },
        { t: 'text', v: '110105199001011234' },
      ],
    ]);
    // How the mapping shows that number (as Excel does with format 0), and warns: core/import/taskList.test.ts.
    expect(cellText(sheet?.rows[0]?.[0] ?? null)).toBe('110105199001011000');
  });

  it('formula-looking text stays text; a real formula gives its cached value, never the formula', async () => {
    const texts = ["=cmd|' /C calc'!A0", '+SUM(1)', '@SUM(A1)', '-1+1'];
    const cells = texts.map((t, i) => inline(`${'ABCD'[i]}1`, t)).join('');
    const formulas = `<c r="A2" t="str"><f>cmd|' /C calc'!A0</f><v>0</v></c><c r="B2"><f>SUM(1)</f></c>`;
    const sheet = (
      await sheetsOf('公式.xlsx', await withSheet(`<row r="1">${cells}</row><row r="2">${formulas}</row>`))
    )[0];
    expect(sheet?.rows).toEqual([texts.map((v) => ({ t: 'text', v })), [{ t: 'text', v: '0' }]]);
  });

  it('formula-looking text exported by the app is written as text (no <f>) and reads back as text', async () => {
    const texts = ["=cmd|' /C calc'!A0", '+SUM(1)', '@SUM(A1)', '-1+1'];
    const bytes = await writeWorkbook([
      { name: '台账', columns: [{ header: '重点工作', key: 'title' }], rows: texts.map((title) => ({ title })) },
    ]);
    const xml = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).not.toMatch(/<f[ >]/);
    expect((await sheetsOf('台账.xlsx', bytes))[0]?.rows.slice(1)).toEqual(texts.map((v) => [{ t: 'text', v }]));
  });
});
