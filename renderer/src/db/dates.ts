// Dates of the data layer. PRODUCT §3: dates are calendar dates in China time, whatever the
// PC's time zone. The data layer reads the clock only for timestamps and for "today" when the
// caller passes none.

const chinaDateParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date 'YYYY-MM-DD' in Asia/Shanghai at `now` (default: the current time). */
export function chinaToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(chinaDateParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
