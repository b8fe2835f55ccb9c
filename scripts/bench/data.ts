// The benchmark's workbooks, generated once per run into a temporary folder and read from there
// by the Node benchmark (node-import.ts) and handed to the browser benchmark (browser.ts).
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BENCH_MONTH, BENCH_UNIT, benchTasks, progressWorkbook, type GeneratedTask } from './generate';

export const LARGE_ROWS = 15_000;
export const SMALL_FILES = 100;
export const SMALL_ROWS = 30;
/** A second size of file, for the fixed-cost regression of (b). */
export const MEDIUM_FILES = 20;
export const MEDIUM_ROWS = 300;

export interface BenchFile {
  name: string;
  bytes: Uint8Array;
}

export interface BenchData {
  unit: string;
  largeTasks: GeneratedTask[];
  large: BenchFile;
  small: BenchFile[];
  smallRows: number;
  medium: BenchFile[];
  mediumRows: number;
}

const fileName = (i?: number) =>
  `${BENCH_UNIT}-${BENCH_MONTH}月进展${i === undefined ? '' : `-${String(i + 1).padStart(3, '0')}`}.xlsx`;

/** Writes the workbooks into `dir` (large.xlsx with tasks.json, small/, medium/). */
export async function generateData(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'small'), { recursive: true });
  await mkdir(path.join(dir, 'medium'), { recursive: true });
  const tasks = benchTasks(LARGE_ROWS);
  await writeFile(path.join(dir, 'tasks.json'), JSON.stringify(tasks));
  await writeFile(path.join(dir, 'large.xlsx'), await progressWorkbook(tasks, 7));
  // Small and medium files: each a different slice of the tasks and a different seed.
  for (let i = 0; i < SMALL_FILES; i++) {
    await writeFile(
      path.join(dir, 'small', fileName(i)),
      await progressWorkbook(tasks.slice(i * SMALL_ROWS, (i + 1) * SMALL_ROWS), 1000 + i),
    );
  }
  for (let i = 0; i < MEDIUM_FILES; i++) {
    await writeFile(
      path.join(dir, 'medium', fileName(i)),
      await progressWorkbook(tasks.slice(i * MEDIUM_ROWS, (i + 1) * MEDIUM_ROWS), 2000 + i),
    );
  }
}

async function readSet(dir: string): Promise<BenchFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.xlsx')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(dir, name))) })),
  );
}

export async function loadData(dir: string): Promise<BenchData> {
  return {
    unit: BENCH_UNIT,
    largeTasks: JSON.parse(await readFile(path.join(dir, 'tasks.json'), 'utf8')) as GeneratedTask[],
    large: { name: fileName(), bytes: new Uint8Array(await readFile(path.join(dir, 'large.xlsx'))) },
    small: await readSet(path.join(dir, 'small')),
    smallRows: SMALL_ROWS,
    medium: await readSet(path.join(dir, 'medium')),
    mediumRows: MEDIUM_ROWS,
  };
}
