// Dates of the data layer. PRODUCT §3: dates are calendar dates in China time, whatever the
// PC's time zone. The data layer reads the clock only for timestamps and for "today" when the
// caller passes none.
import { chinaDateOf } from '../core/calendar';

/** The date 'YYYY-MM-DD' in Asia/Shanghai at `now` (default: the current time). */
export function chinaToday(now: Date = new Date()): string {
  return chinaDateOf(now);
}
