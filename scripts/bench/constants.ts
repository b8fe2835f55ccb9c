// The work year, month and unit of the benchmark's generated data.
export const BENCH_YEAR = 2026;
export const BENCH_MONTH = 5;
export const BENCH_UNIT = '区发展和改革局';
