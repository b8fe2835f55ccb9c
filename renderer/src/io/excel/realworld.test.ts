// The real-world suite of issue 13: files that Excel or WPS opens without a prompt, which an
// earlier reader refused or read slowly. Each file is made here (by a library or byte by byte),
// read under the hostile-file bounds (10 s, 1 GB: bounded.testing.ts), and checked for what a
// user sees: the Grid, or the exact Chinese message naming the file.
import { afterEach, describe, expect, it } from 'vitest';
import { MB, refusalOf, sheetsOf } from './bounded.testing';
import { readWorkbook } from './read';
import { fixture, packageWith, rawZip, worksheetXml } from './workbooks.testing';

afterEach(async () => {
  // The next import works: the real task list reads as ever after each file.
  const result = await readWorkbook('任务清单-2026.xlsx', fixture('任务清单-2026.xlsx'));
  expect(result.ok && result.grid.sheets[0]?.rows).toHaveLength(23);
});

/** Deterministic CJK text that deflates about 10:1, as real text does (a zip bomb check never trips on it). */
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
    ['12,000 cells, with a U+200E in the string', 12_000, '\u200e'],
  ])('%s sharing one 1 MB string: refused for the over-long cell as fast as a small file', async (_l, cells, mark) => {
    const bytes = await sharedTextEverywhere(cells, chineseText(MB) + mark);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const started = performance.now();
    expect(await refusalOf('长.xlsx', bytes)).toBe(tooLong);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('48,000 cells sharing one string of 32,767 characters with a U+200E: read, the mark taken out', async () => {
    const text = chineseText(32_766);
    const [sheet] = await sheetsOf('满.xlsx', await sharedTextEverywhere(48_000, `${text}\u200e`));
    expect(sheet?.rows).toHaveLength(4_800);
    expect(sheet?.rows[4_799]?.[9]).toEqual({ t: 'text', v: text });
  });
});
