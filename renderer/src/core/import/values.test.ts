import { describe, expect, it } from 'vitest';
import { date, err, pct, toCell, type CellInput } from './buildGrid';
import { excelSerialToDate, isFractionColumn, lastDayOfMonth, parseDate, parsePercent } from './values';

describe('parsePercent', () => {
  it.each<[string, CellInput, number]>([
    ['text with %', '80%', 80],
    ['full-width digits and ％', '８０％', 80],
    ['spaces around', ' 80 % ', 80],
    ['a number', 80, 80],
    ['numeric text', '80', 80],
    ['0.8 in a percent cell', pct(0.8), 80],
    ['0.33 in a percent cell, no float noise', pct(0.33), 33],
    ['1 in a percent cell', pct(1), 100],
    ['decimals kept', '33.5%', 33.5],
    ['zero', 0, 0],
    ['100', '100', 100],
    ['0% text', '0%', 0],
  ])('%s', (_name, input, expected) => {
    expect(parsePercent(toCell(input))).toEqual({ ok: true, value: expected });
  });

  it('reads unmarked fractions as fractions when the column is a fraction column', () => {
    expect(parsePercent(toCell(0.8), { fractions: true })).toEqual({ ok: true, value: 80 });
    expect(parsePercent(toCell('0.33'), { fractions: true })).toEqual({ ok: true, value: 33 });
    // A marked value is never multiplied twice.
    expect(parsePercent(toCell('80%'), { fractions: true })).toEqual({ ok: true, value: 80 });
    expect(parsePercent(pct(0.8), { fractions: true })).toEqual({ ok: true, value: 80 });
  });

  it('reads a bare 0.8 outside a fraction column as 0.8 % with a warning note', () => {
    const r = parsePercent(toCell(0.8));
    expect(r).toMatchObject({ ok: true, value: 0.8 });
    expect(r.ok && r.note).toBe('的0.8按0.8%读取；如果是指80%，请填写"80%"');
  });

  it.each<[string, CellInput, string]>([
    ['Chinese words', '八成', '的"八成"不是可识别的百分比'],
    ['words around a number', '约80%', '的"约80%"不是可识别的百分比'],
    ['over 100', 120, '的"120"超出0%～100%的范围'],
    ['over 100 as text', '120%', '的"120%"超出0%～100%的范围'],
    ['negative', '-5', '的"-5"超出0%～100%的范围'],
    ['80 typed into a percent cell shows 8000%', pct(80), '的"8000%"超出0%～100%的范围'],
    ['an error cell', err('#DIV/0!'), '是错误值#DIV/0!，不是百分比'],
    ['a date', date('2026-05-01'), '的"2026-05-01"不是可识别的百分比'],
    ['a boolean', true, '的"TRUE"不是可识别的百分比'],
    ['a dash', '—', '的"—"不是可识别的百分比'],
  ])('%s → error', (_name, input, reason) => {
    expect(parsePercent(toCell(input))).toEqual({ ok: false, empty: false, reason });
  });

  it.each<[string, CellInput]>([
    ['null', null],
    ['empty text', ''],
    ['spaces', ' \u3000 '],
  ])('%s → empty', (_name, input) => {
    expect(parsePercent(toCell(input))).toEqual({ ok: false, empty: true, reason: '未填写' });
  });

  it('refuses NaN and Infinity', () => {
    expect(parsePercent({ t: 'number', v: Number.NaN }).ok).toBe(false);
    expect(parsePercent({ t: 'number', v: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });
});

describe('isFractionColumn', () => {
  it.each<[string, CellInput[], boolean]>([
    ['all between 0 and 1 with a fraction', [0.33, 0.5, 1, 0, null], true],
    ['fractions as text', ['0.33', '0.5'], true],
    ['percent points', [33, 50, 100], false],
    ['a 0.5 among points', [40, 0.5, 60], false],
    ['only 0 and 1', [0, 1, 1], false],
    ['percent-formatted cells are not counted', [pct(0.33), pct(0.5)], false],
    ['marked texts are not counted, the rest decides', ['33%', 0.5], true],
    ['nothing', [null, '', '八成'], false],
  ])('%s', (_name, cells, expected) => {
    expect(isFractionColumn(cells.map(toCell))).toBe(expected);
  });
});

describe('parseDate', () => {
  const y2026 = { year: 2026 };
  it.each<[string, CellInput, string]>([
    ['a date cell', date('2026-11-30'), '2026-11-30'],
    ['2026年3月25日', '2026年3月25日', '2026-03-25'],
    ['2026/3/25', '2026/3/25', '2026-03-25'],
    ['2026-03-25', '2026-03-25', '2026-03-25'],
    ['2026.3.25', '2026.3.25', '2026-03-25'],
    ['ISO with time', '2026-11-30T00:00:00.000Z', '2026-11-30'],
    ['full-width digits', '２０２６年３月２５日', '2026-03-25'],
    ['spaces inside', '2026 年 3 月 25 日', '2026-03-25'],
    ['20260325 as text', '20260325', '2026-03-25'],
    ['20260325 as a number', 20260325, '2026-03-25'],
    ['3月25日 in the work year', '3月25日', '2026-03-25'],
    ['3月25号', '3月25号', '2026-03-25'],
    ['3/25', '3/25', '2026-03-25'],
    ['3月25日前', '3月25日前', '2026-03-25'],
    ['11月底前 → 11-30', '11月底前', '2026-11-30'],
    ['11月底', '11月底', '2026-11-30'],
    ['11月末', '11月末', '2026-11-30'],
    ['11月份', '11月份', '2026-11-30'],
    ['11月', '11月', '2026-11-30'],
    ['11月内', '11月内', '2026-11-30'],
    ['11月底前完成', '11月底前完成', '2026-11-30'],
    ['9月底前 → 09-30', '9月底前', '2026-09-30'],
    ['12月底 → 12-31', '12月底', '2026-12-31'],
    ['2月底 in 2026 → 02-28', '2月底', '2026-02-28'],
    ['6月上旬', '6月上旬', '2026-06-10'],
    ['6月中旬', '6月中旬', '2026-06-20'],
    ['6月下旬', '6月下旬', '2026-06-30'],
    ['2027年3月', '2027年3月', '2027-03-31'],
    ['年底前 → 12-31', '年底前', '2026-12-31'],
    ['年底', '年底', '2026-12-31'],
    ['年内', '年内', '2026-12-31'],
    ['2026年底前', '2026年底前', '2026-12-31'],
    ['an Excel serial number', 46356, '2026-11-30'],
    ['a serial with a time of day', 46356.75, '2026-11-30'],
  ])('%s', (_name, input, expected) => {
    expect(parseDate(toCell(input), y2026)).toEqual({ ok: true, value: expected });
  });

  it('2月底 takes the leap day from the year', () => {
    expect(parseDate(toCell('2月底'), { year: 2028 })).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDate(toCell('2月底'), { year: 2100 })).toEqual({ ok: true, value: '2100-02-28' });
    expect(parseDate(toCell('2月底'), { year: 2000 })).toEqual({ ok: true, value: '2000-02-29' });
  });

  it.each<[string, CellInput, string]>([
    ['words', '尽快', '的"尽快"不是可识别的日期'],
    ['an impossible day', '2026年2月30日', '的"2026年2月30日"不是有效日期'],
    ['month 13', '13月底', '的"13月底"不是有效日期'],
    ['an ambiguous X月前', '11月前', '的"11月前"不明确，请写成"11月底前"或具体日期'],
    ['an ambiguous X月份前', '11月份前', '的"11月份前"不明确，请写成"11月底前"或具体日期'],
    ['a bare 底', '底', '的"底"不是可识别的日期'],
    ['a small number', 11, '的"11"不是可识别的日期'],
    ['an error cell', err('#VALUE!'), '是错误值#VALUE!，不是日期'],
    ['a boolean', false, '的"FALSE"不是可识别的日期'],
    ['a bad date cell', date('2026-02-30'), '的"2026-02-30"不是可识别的日期'],
  ])('%s → error', (_name, input, reason) => {
    expect(parseDate(toCell(input), y2026)).toEqual({ ok: false, empty: false, reason });
  });

  it('does not read numbers as serials outside a date column', () => {
    expect(parseDate(toCell(46356), { year: 2026, serials: false }).ok).toBe(false);
  });

  it.each<[string, CellInput]>([
    ['null', null],
    ['spaces', '  '],
  ])('%s → empty', (_name, input) => {
    expect(parseDate(toCell(input), y2026)).toEqual({ ok: false, empty: true, reason: '未填写' });
  });
});

describe('excelSerialToDate and lastDayOfMonth', () => {
  it.each<[number, string]>([
    [46356, '2026-11-30'],
    [46082, '2026-03-01'],
    [45716, '2025-02-28'],
    [36526, '2000-01-01'],
  ])('%d → %s', (serial, expected) => {
    expect(excelSerialToDate(serial)).toBe(expected);
  });

  it.each<[number, number, number]>([
    [2026, 2, 28],
    [2028, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%d-%d has %d days', (y, m, d) => {
    expect(lastDayOfMonth(y, m)).toBe(d);
  });
});
