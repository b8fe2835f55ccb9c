// npm run --silent inspect -- [--year 2026] [--tasks TASKLIST.xlsx] FILE...
// Prints one JSON array, one object per file, of what the import would read (no database).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { chinaDateOf } from '../renderer/src/core/dates';
import { createReaderPool, type WorkerLike } from '../renderer/src/io/excel/client';
import { inspectFile } from '../renderer/src/io/inspect';

/**
 * Each file is read in a worker thread under the app's time limit (client.ts: 30 s, then the
 * worker is stopped and the file reported as 解析超时), not in this process without a bound.
 */
function readerThread(): WorkerLike {
  // Node 20 does not start a .ts worker through --import tsx; tsx's API loads it instead.
  const entry = JSON.stringify(new URL('./inspect-worker.ts', import.meta.url).href);
  const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${entry}, ${entry}))`, {
    eval: true,
  });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[]),
    terminate: () => void worker.terminate(),
    addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: never) => void) {
      const deliver = listener as (event: unknown) => void;
      if (type === 'message') worker.on('message', (data: unknown) => deliver({ data }));
      else worker.on(type, () => deliver(new Event(type)));
    },
  };
}
const pool = createReaderPool(readerThread);
const read = (fileName: string, bytes: Uint8Array) => pool.read(fileName, bytes);

async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  let taskList: string | undefined;
  let year: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--tasks') taskList = argv[++i];
    else if (arg === '--year') year = Number(argv[++i]);
    else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write('用法：npm run --silent inspect -- [--year 2026] [--tasks 任务清单.xlsx] 文件...\n');
    return 2;
  }
  // Dates without a year ('11月底前') belong to the work year: given, else the current year in China.
  const workYear = year ?? Number(chinaDateOf(new Date()).slice(0, 4));
  let taskTitles: string[] | undefined;
  if (taskList) {
    const report = await inspectFile(path.basename(taskList), await readFile(taskList), { year: workYear, read });
    taskTitles = report.rows.map((r) => String(r.title));
  }
  const reports = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      reports.push({
        file: path.basename(file),
        ok: false,
        template: null,
        unit: null,
        month: null,
        rows: [],
        issues: [{ severity: 'error', message: `无法读取文件：${(error as Error).message}` }],
      });
      continue;
    }
    reports.push(await inspectFile(path.basename(file), bytes, { year: workYear, taskTitles, read }));
  }
  process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
