import { MenuItem, TextField } from '@mui/material';
import type { WorkYear } from '../core/model';
import { windowMonths } from '../core/calendar';
import { todayInChina } from './today';

/** The month to open on: this month inside the year's window, else the nearest end. */
export function defaultMonth(year: WorkYear): number {
  const today = todayInChina();
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (y < year.year) return year.windowStartMonth;
  if (y > year.year) return year.windowEndMonth;
  return Math.min(year.windowEndMonth, Math.max(year.windowStartMonth, m));
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
