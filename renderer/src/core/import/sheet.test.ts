import { describe, expect, it } from 'vitest';
import { pct, sheetOf, type CellInput } from './buildGrid';
import { MAX_COLUMNS, MAX_ROWS, cellName, cellText, columnLetter, sheetView, soundCell } from './sheet';

describe('columnLetter and cellName', () => {
  it.each<[number, string]>([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [255, 'IV'],
    [16383, 'XFD'],
  ])('%d → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  it('names a cell the way messages do', () => {
    expect(cellName(4, 4)).toBe('E列第5行');
  });
});

describe('cellText', () => {
  it.each([
    [{ t: 'text', v: ' 甲 ' }, ' 甲 '],
    [{ t: 'number', v: 0.1 + 0.2 }, '0.3'],
    [{ t: 'number', v: 46356 }, '46356'],
    [pct(0.33), '33%'],
    [{ t: 'date', v: '2026-11-30' }, '2026-11-30'],
    [{ t: 'bool', v: true }, 'TRUE'],
    [{ t: 'error', v: '#REF!' }, ''],
    [null, ''],
  ] as const)('%j → %j', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('soundCell', () => {
  it('repairs or drops cells that break their type', () => {
    expect(soundCell({ t: 'text', v: 42 })).toEqual({ t: 'text', v: '42' });
    expect(soundCell({ t: 'text', v: null })).toBeNull();
    expect(soundCell({ t: 'number', v: '40' })).toEqual({ t: 'number', v: 40 });
    expect(soundCell({ t: 'mystery' })).toBeNull();
    expect(soundCell('text')).toBeNull();
    const fine = { t: 'number', v: 1, percent: true };
    expect(soundCell(fine)).toBe(fine);
  });
});

describe('sheetView', () => {
  it('fills vertical merges down, leaves merges within one row alone', () => {
    const view = sheetView(
      sheetOf(
        'S',
        [
          ['标题', null, null],
          ['一、板块', '甲', null],
          [null, '乙'],
          [null, '丙', '丁'],
        ],
        { merges: ['A1:C1', 'A2:A4'] },
      ),
    );
    expect(view.rows.map((r) => r.map(cellText))).toEqual([
      ['标题', '', ''],
      ['一、板块', '甲', ''],
      ['一、板块', '乙', ''],
      ['一、板块', '丙', '丁'],
    ]);
    // The raw rows keep what was written.
    expect(view.raw[2]?.map(cellText)).toEqual(['', '乙', '']);
    expect(view.width).toBe(3);
  });

  it('caps the width', () => {
    const view = sheetView(sheetOf('S', [Array.from({ length: MAX_COLUMNS + 5 }, (_, i) => i)]));
    expect(view.width).toBe(MAX_COLUMNS);
    expect(view.truncated).toBe(true);
  });

  it('caps the height, and rows with nothing in them share one empty row', () => {
    // A stray character typed in XFD1048576: a million rows, all but two empty.
    const rows: CellInput[][] = [['重点工作', '牵头单位']];
    rows[1_048_575] = [...new Array<CellInput>(16_383).fill(null), 'x'];
    const heapBefore = process.memoryUsage().heapUsed;
    const view = sheetView(sheetOf('S', rows, { merges: ['A1:A1048576'] }));
    // The view is alive here: all it holds is counted (a dense view would be gigabytes).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(view.raw).toHaveLength(MAX_ROWS);
    expect(view.truncatedRows).toBe(true);
    expect(view.width).toBe(MAX_COLUMNS);
    expect(view.raw[5]).toBe(view.raw[6]);
    expect(view.rows[MAX_ROWS - 1]?.[0]).toEqual({ t: 'text', v: '重点工作' }); // filled down, to the cap
    expect(view.raw[MAX_ROWS - 1]?.[0]).toBeNull();
  });
});
