// The one place the renderer reads the clock. Dates are China calendar dates whatever the PC's
// time zone (PRODUCT.md §3); core/ receives "today" as a parameter.
import { chinaDateOf } from '../core/dates';

export function now(): Date {
  return new Date();
}

export function todayInChina(): string {
  return chinaDateOf(now());
}
