/**
 * A chart's x-axis of months (3月, 4月 …) for MUI X Charts. Its height is explicit: with the
 * default, the CJK font's line measures taller than the axis and the chart truncates every month
 * name to nothing.
 */
export function monthAxis(scaleType: 'band' | 'point', months: readonly number[]) {
  return { scaleType, data: months.map((m) => `${m}月`), height: 32 };
}
