// The one place the renderer reads the clock. Dates are China calendar dates whatever the PC's
// time zone (PRODUCT.md §3); core/ receives "today" as a parameter.
import { chinaDateOf } from '../core/calendar';

export function todayInChina(now: Date = new Date()): string {
  return chinaDateOf(now);
}

const chinaDateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function formatTimestamp(iso: string): string {
  return chinaDateTime.format(new Date(iso));
}
