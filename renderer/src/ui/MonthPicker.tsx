import { useEffect } from 'react';
import { MenuItem, TextField } from '@mui/material';
import type { WorkYear } from '../core/model';
import { windowMonths } from '../core/calendar';
import { todayInChina } from './today';

/** The month to open on by the calendar: this month inside the year's window, else the nearest end. */
export function defaultMonth(year: WorkYear): number {
  const today = todayInChina();
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (y < year.year) return year.windowStartMonth;
  if (y > year.year) return year.windowEndMonth;
  return Math.min(year.windowEndMonth, Math.max(year.windowStartMonth, m));
}

// The month worked on is a view preference, like the year (YearContext): it stays out of the
// audited database, per year.
const storageKey = (yearId: string) => `duchaduban.month.${yearId}`;

function monthIn(year: WorkYear, value: unknown): number | undefined {
  const m = Number(value);
  return value !== null && value !== undefined && value !== '' && windowMonths(year).includes(m) ? m : undefined;
}

/**
 * The month a month screen shows: the one in its route (`#/feedback/5`), else the month last
 * shown on any month screen, else this month. The month shown becomes the one the next month
 * screen opens with, so 督查反馈, 加扣分, 赛马 and 红黑榜 stay on the month being worked on.
 */
export function useScreenMonth(year: WorkYear, param: string | undefined): number {
  const month = monthIn(year, param) ?? monthIn(year, localStorage.getItem(storageKey(year.id))) ?? defaultMonth(year);
  useEffect(() => localStorage.setItem(storageKey(year.id), String(month)), [year.id, month]);
  return month;
}

export function MonthPicker({
  year,
  month,
  onChange,
}: {
  year: WorkYear;
  month: number;
  onChange(month: number): void;
}) {
  return (
    <TextField
      select
      size="small"
      label="月份"
      value={month}
      onChange={(e) => onChange(Number(e.target.value))}
      sx={{ minWidth: 100 }}
    >
      {windowMonths(year).map((m) => (
        <MenuItem key={m} value={m}>
          {m}月
        </MenuItem>
      ))}
    </TextField>
  );
}
