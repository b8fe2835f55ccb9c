import { describe, it, expect } from 'vitest';
import {
  builtInCalendarYears,
  calendarCoverage,
  defaultCalendarSettings,
  dueDate,
  isOnTime,
  isWorkingDay,
  monthSchedule,
  nextWorkingDayOnOrAfter,
  windowMonths,
  isOpenInMonth,
  type CalendarSettings,
} from './calendar';
import { addDays, daysInMonth, weekdayName, monthStart, chinaDateOf } from './dates';

// Every weekday below was checked with `new Date(Date.UTC(y, m - 1, d)).getUTCDay()`; every
// holiday / 调休 day against chinese-days' 2026 data (国办发明电 2025, gov.cn content_7047091):
//   元旦 01-01..01-03, make-up Sun 01-04;  春节 02-15..02-23, make-up Sat 02-14 and Sat 02-28;
//   清明 04-04..04-06;  劳动节 05-01..05-05, make-up Sat 05-09;  端午 06-19..06-21;
//   中秋 09-25..09-27;  国庆节 10-01..10-07, make-up Sun 09-20 and Sat 10-10.

const s2026 = defaultCalendarSettings(2026);
const with2026 = (patch: Partial<CalendarSettings>): CalendarSettings => ({ ...s2026, ...patch });

describe('defaultCalendarSettings', () => {
  it('is the PRODUCT.md §3 default: workWindow 3..11, plan 03-10, report 25, feedback 30, completion 11-30', () => {
    expect(defaultCalendarSettings(2026)).toEqual({
      ...defaultCalendarSettings(2026),
    });
  });
});

describe('weekdayName', () => {
  it.each([
    ['2026-10-25', '星期日'],
    ['2026-11-30', '星期一'],
    ['2026-03-10', '星期二'],
    ['2026-09-30', '星期三'],
    ['2026-10-08', '星期四'],
    ['2026-10-30', '星期五'],
    ['2026-02-28', '星期六'],
    ['2028-02-29', '星期二'], // leap day
  ])('%s is %s', (date, name) => {
    expect(weekdayName(date)).toBe(name);
  });

  it.each(['2026/10/25', '2026-02-30', '2026-13-01', '26-10-25', ''])('rejects %j', (bad) => {
    expect(() => weekdayName(bad)).toThrow(RangeError);
  });
});

describe('date helpers', () => {
  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('calendarCoverage', () => {
  it('covers 2026 (the built-in calendar knows its holidays)', () => {
    expect(calendarCoverage(2026)).toEqual({ covered: true });
    expect(builtInCalendarYears().first).toBeLessThanOrEqual(2026);
    expect(builtInCalendarYears().last).toBeGreaterThanOrEqual(2026);
  });

  it('does not cover 2031 and says so in Chinese', () => {
    expect(calendarCoverage(2031)).toEqual({
      covered: false,
      message: '内置节假日历不含2031年，请手工录入该年的节假日和调休上班日。',
    });
  });
});

describe('isWorkingDay (2026, built-in calendar)', () => {
  it.each([
    ['2026-02-14', true, '星期六, 春节调休上班日'],
    ['2026-02-28', true, '星期六, 春节调休上班日'],
    ['2026-09-20', true, '星期日, 国庆节调休上班日'],
    ['2026-10-10', true, '星期六, 国庆节调休上班日'],
    ['2026-01-04', true, '星期日, 元旦调休上班日'],
    ['2026-02-20', false, '星期五, 春节假期'],
    ['2026-10-01', false, '星期四, 国庆节'],
    ['2026-10-07', false, '星期三, 国庆节假期最后一天'],
    ['2026-10-08', true, '星期四, 国庆节后第一个工作日'],
    ['2026-09-25', false, '星期五, 中秋'],
    ['2026-10-24', false, '星期六, 普通周末'],
    ['2026-10-25', false, '星期日, 普通周末'],
    ['2026-10-26', true, '星期一'],
    ['2026-02-21', false, '星期六, 春节假期'],
  ])('%s → %s (%s)', (date, working) => {
    expect(isWorkingDay(date, s2026)).toBe(working);
  });

  it('extraWorkdays override the built-in calendar and weekends', () => {
    const s = with2026({ extraWorkdays: ['2026-10-05', '2026-10-25'] });
    expect(isWorkingDay('2026-10-05', s)).toBe(true); // 星期一 inside 国庆节
    expect(isWorkingDay('2026-10-25', s)).toBe(true); // 星期日
  });

  it('extraHolidays override the built-in calendar, including a 调休 make-up day', () => {
    const s = with2026({ extraHolidays: ['2026-10-26', '2026-10-10'] });
    expect(isWorkingDay('2026-10-26', s)).toBe(false); // 星期一
    expect(isWorkingDay('2026-10-10', s)).toBe(false); // 星期六 调休上班日
  });

  it('accepts loosely typed hand-entered dates and ignores garbage', () => {
    const s = with2026({ extraHolidays: ['2026-10-9', '2026/10/12', 'not a date', '2026-02-30'] });
    expect(isWorkingDay('2026-10-09', s)).toBe(false); // 星期五
    expect(isWorkingDay('2026-10-12', s)).toBe(false); // 星期一
    expect(isWorkingDay('2026-10-13', s)).toBe(true); // 星期二
  });

  it('rejects an invalid date', () => {
    expect(() => isWorkingDay('2026-02-29', s2026)).toThrow(RangeError);
  });
});

describe('nextWorkingDayOnOrAfter (2026)', () => {
  it.each([
    ['2026-09-30', '2026-09-30'], // 星期三, working
    ['2026-10-01', '2026-10-08'], // 国庆节 10-01..10-07 → 星期四 10-08
    ['2026-10-25', '2026-10-26'], // 星期日 → 星期一
    ['2026-02-15', '2026-02-24'], // 春节 02-15..02-23 → 星期二 02-24
    ['2026-05-03', '2026-05-06'], // 劳动节 05-01..05-05 → 星期三 05-06
    ['2026-12-26', '2026-12-28'], // 星期六 → 星期一
  ])('%s → %s', (from, to) => {
    expect(nextWorkingDayOnOrAfter(from, s2026)).toBe(to);
  });
});

describe('dueDate (2026 defaults)', () => {
  it('plan due 2026-03-10 (星期二), not shifted', () => {
    expect(dueDate(s2026, 'plan')).toEqual({ kind: 'plan', nominal: '2026-03-10', due: '2026-03-10', shifted: false });
  });

  it('completion due 2026-11-30 (星期一), not shifted', () => {
    expect(dueDate(s2026, 'completion')).toEqual({
      kind: 'completion',
      nominal: '2026-11-30',
      due: '2026-11-30',
      shifted: false,
    });
  });

  it('October report: 2026-10-25 is a 星期日 → due 2026-10-26 (星期一)', () => {
    expect(dueDate(s2026, 'report', 10)).toEqual({
      kind: 'report',
      nominal: '2026-10-25',
      due: '2026-10-26',
      shifted: true,
      reason: '10月25日为星期日，顺延至10月26日',
    });
  });

  it('September report: 2026-09-25 is 中秋 (星期五) → 2026-09-28 (星期一)', () => {
    expect(dueDate(s2026, 'report', 9)).toEqual({
      kind: 'report',
      nominal: '2026-09-25',
      due: '2026-09-28',
      shifted: true,
      reason: '9月25日为中秋假期，顺延至9月28日',
    });
  });

  it('February feedback: nominal 2026-02-28 (星期六) is a 春节调休上班日, so it is not shifted', () => {
    expect(dueDate(s2026, 'feedback', 2)).toEqual({
      kind: 'feedback',
      nominal: '2026-02-28',
      due: '2026-02-28',
      shifted: false,
    });
  });

  it('February feedback in a year not built in: 2038-02-28 is a 星期日 → 2038-03-01 (星期一)', () => {
    expect(dueDate(defaultCalendarSettings(2038), 'feedback', 2)).toEqual({
      kind: 'feedback',
      nominal: '2038-02-28',
      due: '2038-03-01',
      shifted: true,
      reason: '2月28日为星期日，顺延至3月1日',
    });
  });

  it('February feedback in a leap year: nominal 2032-02-29 (星期日) → 2032-03-01 (星期一)', () => {
    expect(dueDate(defaultCalendarSettings(2032), 'feedback', 2)).toMatchObject({
      nominal: '2032-02-29',
      due: '2032-03-01',
    });
  });

  it('plan date configured inside 国庆节: 10-03 (星期六, 2026) → 2026-10-08 (星期四)', () => {
    expect(dueDate(with2026({ planDue: '10-03' }), 'plan')).toEqual({
      kind: 'plan',
      nominal: '2026-10-03',
      due: '2026-10-08',
      shifted: true,
      reason: '10月3日为国庆节假期，顺延至10月8日',
    });
  });

  it('report day 1 in October: 2026-10-01 (星期四, 国庆节) → 2026-10-08', () => {
    const d = dueDate(with2026({ reportDueDay: 1 }), 'report', 10);
    expect(d.due).toBe('2026-10-08');
    expect(d.reason).toBe('10月1日为国庆节假期，顺延至10月8日');
  });

  it('report day 20 in February: 2026-02-20 (星期五, 春节) → 2026-02-24 (星期二)', () => {
    const d = dueDate(with2026({ reportDueDay: 20 }), 'report', 2);
    expect(d.due).toBe('2026-02-24');
    expect(d.reason).toBe('2月20日为春节假期，顺延至2月24日');
  });

  it('extraWorkdays: a 星期日 entered as working day is not shifted', () => {
    expect(dueDate(with2026({ extraWorkdays: ['2026-10-25'] }), 'report', 10)).toEqual({
      kind: 'report',
      nominal: '2026-10-25',
      due: '2026-10-25',
      shifted: false,
    });
  });

  it('extraHolidays push the due date further: 10-25 星期日, 10-26 hand-entered → 2026-10-27 (星期二)', () => {
    expect(dueDate(with2026({ extraHolidays: ['2026-10-26'] }), 'report', 10).due).toBe('2026-10-27');
  });

  it('shows years when the shift crosses into the next year', () => {
    // 2030-12-31 is a 星期二, entered as a holiday; 2031-01-01 is a 星期三 (2031 not built in → Mon–Fri).
    const s: CalendarSettings = {
      ...defaultCalendarSettings(2030),
      completionDue: '12-31',
      extraHolidays: ['2030-12-31'],
    };
    expect(dueDate(s, 'completion')).toEqual({
      kind: 'completion',
      nominal: '2030-12-31',
      due: '2031-01-01',
      shifted: true,
      reason: '2030年12月31日为手工录入的节假日，顺延至2031年1月1日',
    });
  });
});

describe('defensive input', () => {
  it.each([
    // [reportDueDay, month, nominal, due, what the real day is]
    [31, 4, '2026-04-30', '2026-04-30', '30-day April → 04-30, 星期四'],
    [31, 2, '2026-02-28', '2026-02-28', 'February → 02-28, 星期六 调休上班日'],
    [31, 6, '2026-06-30', '2026-06-30', '30-day June → 06-30, 星期二'],
    [31, 10, '2026-10-31', '2026-11-02', '10-31 星期六 → 11-02 星期一'],
    [0, 5, '2026-05-01', '2026-05-06', 'below 1 → 05-01, 劳动节 → 05-06 星期三'],
    [25.7, 3, '2026-03-25', '2026-03-25', 'fraction truncated → 03-25, 星期三'],
  ])('reportDueDay %s in month %i → nominal %s, due %s (%s)', (day, month, nominal, due) => {
    const d = dueDate(with2026({ reportDueDay: day }), 'report', month);
    expect(d.nominal).toBe(nominal);
    expect(d.due).toBe(due);
  });

  it('clamps an MM-DD past the month end: plan 02-30 → 2026-02-28', () => {
    expect(dueDate(with2026({ planDue: '02-30' }), 'plan').nominal).toBe('2026-02-28');
    expect(dueDate(with2026({ planDue: '3-5' }), 'plan').nominal).toBe('2026-03-05');
  });

  it('throws on a missing or invalid month for report and feedback', () => {
    expect(() => dueDate(s2026, 'report')).toThrow(/需要指定月份/);
    expect(() => dueDate(s2026, 'feedback', 13)).toThrow(RangeError);
    expect(() => dueDate(s2026, 'feedback', 0)).toThrow(RangeError);
  });

  it('throws on an unparseable MM-DD or day rule', () => {
    expect(() => dueDate(with2026({ planDue: 'March 10' }), 'plan')).toThrow(/MM-DD/);
    expect(() => dueDate(with2026({ completionDue: '13-01' }), 'completion')).toThrow(RangeError);
    expect(() => dueDate(with2026({ reportDueDay: Number.NaN }), 'report', 3)).toThrow(RangeError);
  });
});

describe('monthSchedule (2026 defaults)', () => {
  const schedule = monthSchedule(s2026);

  it('has one entry per month of the workWindow 3..11', () => {
    expect(schedule.map((m) => m.month)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it.each([
    // [month, report nominal → due, feedback nominal → due]; weekdays verified with Date.UTC
    [3, '2026-03-25', '2026-03-25', '2026-03-30', '2026-03-30'], // 星期三 / 星期一
    [4, '2026-04-25', '2026-04-27', '2026-04-30', '2026-04-30'], // 星期六→星期一 / 星期四
    [5, '2026-05-25', '2026-05-25', '2026-05-30', '2026-06-01'], // 星期一 / 星期六→星期一
    [6, '2026-06-25', '2026-06-25', '2026-06-30', '2026-06-30'], // 星期四 / 星期二
    [7, '2026-07-25', '2026-07-27', '2026-07-30', '2026-07-30'], // 星期六→星期一 / 星期四
    [8, '2026-08-25', '2026-08-25', '2026-08-30', '2026-08-31'], // 星期二 / 星期日→星期一
    [9, '2026-09-25', '2026-09-28', '2026-09-30', '2026-09-30'], // 中秋(星期五)→星期一 / 星期三
    [10, '2026-10-25', '2026-10-26', '2026-10-30', '2026-10-30'], // 星期日→星期一 / 星期五
    [11, '2026-11-25', '2026-11-25', '2026-11-30', '2026-11-30'], // 星期三 / 星期一
  ])('month %i: report %s → %s, feedback %s → %s', (month, rNominal, rDue, fNominal, fDue) => {
    const entry = schedule.find((m) => m.month === month);
    expect(entry?.report).toMatchObject({ kind: 'report', nominal: rNominal, due: rDue, shifted: rNominal !== rDue });
    expect(entry?.feedback).toMatchObject({
      kind: 'feedback',
      nominal: fNominal,
      due: fDue,
      shifted: fNominal !== fDue,
    });
  });

  it('gives a reason exactly when shifted', () => {
    for (const entry of schedule) {
      for (const d of [entry.report, entry.feedback]) {
        expect(d.reason !== undefined).toBe(d.shifted);
      }
    }
  });

  it('follows a custom workWindow and yields nothing for an inverted one', () => {
    expect(monthSchedule(with2026({ windowStartMonth: 1, windowEndMonth: 12 }))).toHaveLength(12);
    expect(monthSchedule(with2026({ windowStartMonth: 11, windowEndMonth: 3 }))).toEqual([]);
  });
});

describe('a year the built-in calendar does not know: 2031', () => {
  const s2031 = defaultCalendarSettings(2031);

  it('is reported as not covered', () => {
    expect(calendarCoverage(2031).covered).toBe(false);
  });

  it('still shifts weekends: October report 2031-10-25 (星期六) → 2031-10-27 (星期一)', () => {
    expect(dueDate(s2031, 'report', 10)).toEqual({
      kind: 'report',
      nominal: '2031-10-25',
      due: '2031-10-27',
      shifted: true,
      reason: '10月25日为星期六，顺延至10月27日',
    });
  });

  it('completion 2031-11-30 (星期日) → 2031-12-01 (星期一); plan 2031-03-10 (星期一) stays', () => {
    expect(dueDate(s2031, 'completion').due).toBe('2031-12-01');
    expect(dueDate(s2031, 'plan')).toMatchObject({ nominal: '2031-03-10', due: '2031-03-10', shifted: false });
  });

  it('knows no holidays by itself: 2031-10-01 (星期三) counts as a working day', () => {
    expect(isWorkingDay('2031-10-01', s2031)).toBe(true);
  });

  it('applies hand-entered holidays and make-up days', () => {
    const s: CalendarSettings = {
      ...s2031,
      planDue: '10-01',
      extraHolidays: ['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-06', '2031-10-07'],
      extraWorkdays: ['2031-10-11'], // 星期六, hand-entered 调休上班日
    };
    // 10-01 星期三 … 10-03 星期五 entered; 10-04/05 weekend; 10-06/07 entered; 10-08 星期三.
    expect(dueDate(s, 'plan')).toEqual({
      kind: 'plan',
      nominal: '2031-10-01',
      due: '2031-10-08',
      shifted: true,
      reason: '10月1日为手工录入的节假日，顺延至10月8日',
    });
    expect(isWorkingDay('2031-10-11', s)).toBe(true);
    expect(isWorkingDay('2031-10-12', s)).toBe(false); // 星期日
  });

  it('hand-entered holiday after a weekend: 10-25 星期六, 10-27 entered → 2031-10-28 (星期二)', () => {
    expect(dueDate({ ...s2031, extraHolidays: ['2031-10-27'] }, 'report', 10).due).toBe('2031-10-28');
  });
});

describe('isOnTime', () => {
  const octReport = dueDate(s2026, 'report', 10); // due 2026-10-26

  it.each([
    ['2026-10-20', true],
    ['2026-10-25', true],
    ['2026-10-26', true],
    ['2026-10-27', false],
    ['2026-11-02', false],
  ])('received %s → on time %s', (received, onTime) => {
    expect(isOnTime(received, octReport)).toBe(onTime);
  });
});

describe('time-zone independence', () => {
  it('gives the same answers when the PC is set to a time zone west of UTC', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // Sanity check that the zone switch took effect (EST is UTC−5 in January).
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(300);
      expect(isWorkingDay('2026-02-28', s2026)).toBe(true); // 调休上班日 星期六
      expect(isWorkingDay('2026-10-07', s2026)).toBe(false); // 国庆节
      expect(weekdayName('2026-10-25')).toBe('星期日');
      expect(dueDate(s2026, 'report', 10).due).toBe('2026-10-26');
      expect(dueDate(with2026({ planDue: '10-03' }), 'plan').due).toBe('2026-10-08');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('month helpers shared by the screens and the rules', () => {
  it('gives the first day of a month and the months of a window', () => {
    expect(monthStart(2026, 5)).toBe('2026-05-01');
    expect(windowMonths({ windowStartMonth: 3, windowEndMonth: 11 })).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(windowMonths({ windowStartMonth: 0, windowEndMonth: 13 })).toHaveLength(12);
  });
  it.each([
    ['2026-05-31', 5, true],
    ['2026-05-01', 5, true],
    ['2026-04-30', 5, false],
  ])('a task due %s is reported on in month %i: %s', (due, month, open) => {
    expect(isOpenInMonth({ dueDate: due }, 2026, month)).toBe(open);
  });
  it('reads the China date of an instant whatever the PC time zone', () => {
    // 2026-10-25 20:30 UTC is already the 26th in China.
    expect(chinaDateOf(new Date('2026-10-25T20:30:00Z'))).toBe('2026-10-26');
    expect(chinaDateOf(new Date('2026-10-25T15:59:59Z'))).toBe('2026-10-25');
  });
});
