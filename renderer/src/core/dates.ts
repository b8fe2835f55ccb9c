// Dates as the office writes them (PRODUCT.md §3): calendar dates are 'YYYY-MM-DD' in China
// time, shown as 2026年6月25日; timestamps are ISO strings, shown in China time whatever the
// PC's time zone. Pure: no clock.

import type { IsoDate } from './model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** '2026-06-25' → { year: 2026, month: 6, day: 25 }; undefined for anything else. */
function partsOf(date: unknown): { year: number; month: number; day: number } | undefined {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/**
 * '2026-06-25' → '2026年6月25日'; with `omitYear` of that year: '6月25日' (the year stays when
 * it differs). Anything that is not such a date comes back as text, unchanged.
 */
export function chineseDate(date: IsoDate, omitYear?: number): string {
  const p = partsOf(date);
  if (!p) return String(date);
  return `${p.year === omitYear ? '' : `${p.year}年`}${p.month}月${p.day}日`;
}

const chinaDateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO timestamp in China time: '2026-12-04T17:17:30.990Z' → '2026年12月5日 01:17'. Not a timestamp: as is. */
export function chineseDateTime(timestamp: string): string {
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
  if (!Number.isFinite(ms)) return String(timestamp);
  const p = Object.fromEntries(chinaDateTimeParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p['year']}年${Number(p['month'])}月${Number(p['day'])}日 ${p['hour']}:${p['minute']}`;
}
