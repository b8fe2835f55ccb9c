// The one date field of the app: MUI X's date picker on dayjs's zh-cn locale, in place of the
// browser's <input type="date">, which follows the browser's or the PC's language and region
// (11/30/2026 on an English Windows). It shows and takes 2026-06-25 whatever the locale and
// time zone, and holds the app's 'YYYY-MM-DD' (IsoDate): the data model does not change.
// Dates read elsewhere (screens, print, Excel, Word) are written 2026年6月25日 (core/dates chineseDate).
//
// Typing: the digits fill 年, 月 and 日 in turn (20260625); a separator (- / . 年 月 or a space)
// closes a section begun with one digit, so 2026-6-25, 2026/1/5 and 2026年6月25日 type as written.
// Pasting takes 2026-06-25, 2026/6/25, 2026年6月25日 and the like (core/dates parseDateText). The
// calendar opens on the field's month, or on today's in China, with today marked by China's date.
//
// onChange gives a whole, real date or '' (empty, or still being typed): a field saved as it
// is typed (ui/autosave) never stores half a date, and what is typed is never taken back while
// the value it gives stays the same.
import 'dayjs/locale/zh-cn';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import type { SxProps, Theme } from '@mui/material';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { PickerDay, type PickerDayProps } from '@mui/x-date-pickers/PickerDay';
import { zhCN } from '@mui/x-date-pickers/locales';
import type { FieldRef } from '@mui/x-date-pickers/models';
import { isIsoDate, parseDateText } from '../core/dates';
import type { IsoDate } from '../core/model';
import { todayInChina } from './today';

const ISO = 'YYYY-MM-DD';
/** The dates a field takes unless told otherwise (as the import: a year typed half-way is none). */
const EARLIEST = '1990-01-01';
const LATEST = '2100-12-31';

const localeText = zhCN.components.MuiLocalizationProvider.defaultProps.localeText;

/** Keys that end a section typed with fewer digits than it holds (2026/1/5). */
const SEPARATORS = new Set(['-', '/', '.', ' ', '－', '／', '．', '。', '年', '月']);

export interface DateFieldProps {
  label?: string;
  /** The field's name for assistive technology and tests when it has no visible label. */
  'aria-label'?: string;
  /** 'YYYY-MM-DD', or '' for none. */
  value: string;
  /** A whole, real date within the bounds as 'YYYY-MM-DD'; '' when empty or not finished. */
  onChange(value: string): void;
  /** The earliest and latest date taken (by default 1990 to 2100). */
  min?: IsoDate;
  max?: IsoDate;
  size?: 'small' | 'medium';
  helperText?: string;
  error?: boolean;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
}

const toDayjs = (value: string): Dayjs | null => (isIsoDate(value) ? dayjs(value, ISO) : null);

export function DateField(props: DateFieldProps) {
  const { value, onChange } = props;
  const min = props.min ?? EARLIEST;
  const max = props.max ?? LATEST;
  /** What the field gives for what it holds. */
  const isoOf = (date: Dayjs | null): string => {
    if (!date || !date.isValid()) return '';
    const iso = date.format(ISO);
    return isIsoDate(iso) && iso >= min && iso <= max ? iso : '';
  };

  // What the field holds (a date being typed is an invalid Dayjs) and the value it was given
  // last. A new value from outside replaces what is held unless it is what the field gives.
  const [held, setHeld] = useState(() => ({ date: toDayjs(value), value }));
  let date = held.date;
  if (value !== held.value) {
    if (value !== isoOf(held.date)) date = toDayjs(value);
    setHeld({ date, value });
  }

  const change = (next: Dayjs | null) => {
    const iso = isoOf(next);
    setHeld({ date: next, value: iso });
    if (iso !== value) onChange(iso);
  };

  const fieldRef = useRef<FieldRef<Dayjs | null>>(null);
  /** The section the last digit was typed into. */
  const typedIn = useRef<number | null>(null);
  const onKeyDownCapture = (e: KeyboardEvent) => {
    const field = fieldRef.current;
    if (!field || e.ctrlKey || e.metaKey || e.altKey) return;
    const active = field.getActiveSectionIndex();
    if (/^[0-9０-９]$/u.test(e.key)) typedIn.current = active;
    else if (SEPARATORS.has(e.key) && active !== null) {
      e.preventDefault();
      e.stopPropagation();
      // Only a section begun here is closed: after 2026 the field has moved on by itself.
      if (typedIn.current === active && active < field.getSections().length - 1) {
        typedIn.current = null;
        field.setSelectedSections(active + 1);
      }
    }
  };
  const onPasteCapture = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text');
    const pasted = parseDateText(text);
    if (pasted) {
      e.preventDefault();
      e.stopPropagation();
      change(dayjs(pasted, ISO));
    } else if (!/^\s*[0-9０-９]+\s*$/u.test(text)) {
      // Not a date, nor digits for the section being typed: the field keeps what it has.
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const reference = todayInChina();
  return (
    <DesktopDatePicker
      label={props.label}
      value={date}
      onChange={change}
      format={ISO}
      minDate={dayjs(min, ISO)}
      maxDate={dayjs(max, ISO)}
      referenceDate={dayjs(reference < min ? min : reference > max ? max : reference, ISO)}
      views={['year', 'month', 'day']}
      openTo="day"
      disabled={props.disabled}
      readOnly={props.readOnly}
      slots={{ day: ChinaDay }}
      slotProps={{
        calendarHeader: { format: 'YYYY年M月' },
        field: {
          fieldRef,
          onKeyDownCapture,
          onPasteCapture,
        },
        textField: {
          size: props.size,
          helperText: props.helperText,
          error: props.error,
          required: props.required,
          fullWidth: props.fullWidth,
          sx: props.sx,
          // The group of the year, month and day sections carries the field's name.
          slotProps: props['aria-label'] ? { input: { 'aria-label': props['aria-label'] } } : undefined,
        },
      }}
    />
  );
}

/** Around the app: the date fields and calendars in Chinese (dayjs zh-cn, weeks from Monday). */
export function DateLocalization({ children }: { children: ReactNode }) {
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale="zh-cn" localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
}

/** A day of the calendar, marked as today by the date in China (the PC may be elsewhere). */
function ChinaDay(props: PickerDayProps) {
  const today = props.day.format(ISO) === todayInChina();
  return <PickerDay {...props} today={today} aria-current={today ? 'date' : undefined} />;
}
