// The data layer's clock: the one place db/ reads the time — the timestamps of changes, and
// "today" when a caller passes none. Dates are calendar dates in China time whatever the PC's
// time zone (PRODUCT §3). Tests set the time with vi.setSystemTime.
import { chinaDateOf } from '../core/dates';
import type { IsoDate } from '../core/model';

export function now(): Date {
  return new Date();
}

/** The current time as an ISO timestamp (UTC), as changes are stamped. */
export function nowIso(): string {
  return now().toISOString();
}

/** Today's date 'YYYY-MM-DD' in Asia/Shanghai. */
export function chinaToday(): IsoDate {
  return chinaDateOf(now());
}
