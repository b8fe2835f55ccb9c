/**
 * A unit's monthly scores as a small line, one per row of a ranking: an SVG polyline. (A chart
 * component per row — MUI X's SparkLineChart with its store and provider — took most of the
 * ranking's first paint at 120 units.)
 */
export function Sparkline({
  values,
  width = 120,
  height = 28,
  label,
}: {
  values: number[];
  width?: number;
  height?: number;
  label: string;
}) {
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = 3;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      <polyline
        points={values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
        fill="none"
        stroke="#1e4f8a"
        strokeWidth={2}
        strokeLinejoin="round"
      />
    </svg>
  );
}
