// A year's calendar settings and their defaults, apart from calendar.ts so that what needs only
// the defaults (test data, the benches, Node scripts run outside Vite) does not load the holiday
// tables of chinese-days.
import type { WorkYear } from './model';

export type CalendarSettings = Pick<
  WorkYear,
  | 'year'
  | 'windowStartMonth'
  | 'windowEndMonth'
  | 'planDue'
  | 'reportDueDay'
  | 'feedbackDueDay'
  | 'completionDue'
  | 'extraHolidays'
  | 'extraWorkdays'
>;

export const defaultCalendarSettings = (year: number): CalendarSettings => ({
  year,
  windowStartMonth: 3,
  windowEndMonth: 11,
  planDue: '03-10',
  reportDueDay: 25,
  feedbackDueDay: 30,
  completionDue: '11-30',
  extraHolidays: [],
  extraWorkdays: [],
});
