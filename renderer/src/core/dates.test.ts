import { describe, expect, it } from 'vitest';
import { chinaWallClock, chineseDate, chineseDateTime, isIsoDate, parseDateText, utcDate } from './dates';

describe('chineseDate: the one way a date is written', () => {
  it.each([
    ['2026-06-25', '2026年6月25日'],
    ['2026-12-05', '2026年12月5日'],
    ['2026-01-01', '2026年1月1日'],
    ['2028-02-29', '2028年2月29日'],
  ])('%s → %s', (iso, text) => expect(chineseDate(iso)).toBe(text));

  it('leaves out the year it is told to, and only that year', () => {
    expect(chineseDate('2026-06-25', 2026)).toBe('6月25日');
    expect(chineseDate('2027-01-05', 2026)).toBe('2027年1月5日');
  });

  it('gives back what is not a real date as it is', () => {
    expect(chineseDate('')).toBe('');
    expect(chineseDate('2026-02-30')).toBe('2026-02-30');
    expect(chineseDate('6月')).toBe('6月');
  });
});

describe('parseDateText: a date as typed or pasted', () => {
  it.each([
    ['2026-06-25', '2026-06-25'],
    ['2026-6-25', '2026-06-25'],
    ['2026/6/25', '2026-06-25'],
    ['2026/06/05', '2026-06-05'],
    ['2026.6.5', '2026-06-05'],
    ['2026年6月25日', '2026-06-25'],
    ['2026年06月05日', '2026-06-05'],
    ['2026年6月25号', '2026-06-25'],
    ['2026年6月25', '2026-06-25'],
    ['20260625', '2026-06-25'],
    [' 2026 年 6 月 25 日 ', '2026-06-25'],
    ['２０２６／６／２５', '2026-06-25'],
    ['２０２６年６月２５日', '2026-06-25'],
    ['\u200B2026-06-25\uFEFF', '2026-06-25'],
    ['2028-02-29', '2028-02-29'],
  ])('%j → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));

  it.each([
    '',
    '   ',
    '6月25日',
    '2026年6月',
    '2026-06',
    '26-6-25',
    '2026-6/25',
    '2026-13-01',
    '2026-02-29',
    '2026-06-31',
    '2026-00-10',
    '2026年6月0日',
    '2026062',
    '202606250',
    '八成',
    '2026-06-25 09:30',
  ])('%j is no date', (text) => expect(parseDateText(text)).toBeUndefined());

  it('reads back every date it writes', () => {
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2029, 0, 1); d += 86_400_000) {
      const iso = new Date(d).toISOString().slice(0, 10);
      expect(parseDateText(chineseDate(iso))).toBe(iso);
      expect(parseDateText(iso)).toBe(iso);
    }
  });

  it('gives only real ISO dates', () => {
    for (const text of ['2026/1/5', '2026年12月31日', '20261231']) expect(isIsoDate(parseDateText(text))).toBe(true);
  });
});

describe('utcDate: a date as a spreadsheet cell takes it', () => {
  it('is the date at 00:00 UTC, whatever the time zone of the machine', () => {
    expect(utcDate('2026-06-25')?.toISOString()).toBe('2026-06-25T00:00:00.000Z');
    expect(utcDate('2026-12-31')?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('is undefined for what is not a real date', () => {
    expect(utcDate('')).toBeUndefined();
    expect(utcDate('2026-02-30')).toBeUndefined();
    expect(utcDate('6月')).toBeUndefined();
  });
});

describe('timestamps in China time', () => {
  it('chineseDateTime writes the China date and time', () => {
    expect(chineseDateTime('2026-12-04T17:17:30.990Z')).toBe('2026年12月5日 01:17');
    expect(chineseDateTime('2026-06-25T01:05:00Z')).toBe('2026年6月25日 09:05');
    expect(chineseDateTime('2026-06-25T09:05:00+08:00')).toBe('2026年6月25日 09:05');
    expect(chineseDateTime('不是时间')).toBe('不是时间');
  });

  it('chinaWallClock is the time shown on screen, held in the UTC fields (a cell has no time zone)', () => {
    expect(chinaWallClock('2026-12-04T17:17:30.990Z')?.toISOString()).toBe('2026-12-05T01:17:30.000Z');
    expect(chinaWallClock('2026-06-25T09:05:00+08:00')?.toISOString()).toBe('2026-06-25T09:05:00.000Z');
    expect(chinaWallClock('不是时间')).toBeUndefined();
  });

  it('agrees with chineseDateTime to the minute', () => {
    for (const t of ['2026-01-01T00:00:00Z', '2026-03-31T16:00:00Z', '2026-10-31T15:59:59.999Z']) {
      const wall = chinaWallClock(t)!;
      const shown = `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
      expect(shown).toBe(chineseDateTime(t));
    }
  });
});
