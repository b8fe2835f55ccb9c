// readWorkbook under the hostile-file bounds (issue 6), for the hostile and real-world suites:
// 10 s and 1 GB per file, and a refusal that names the file. Test-only (imports vitest).
import { expect } from 'vitest';
import type { GridSheet, ReadResult } from '../../core/import/types';
import { readWorkbook } from './read';
import { hostileFileLimitMs } from './workbooks.testing';

export const MB = 1024 * 1024;
/** Issue 6: no hostile file may cost the process 1 GB. */
const memoryLimitBytes = 1024 * MB;

/**
 * readWorkbook under the bounds. Memory: `maxRSS` is the process's high-water mark, so
 * if it ends below the resident size at the start plus 1 GB, the peak during the read did too
 * (an earlier, higher peak can only make this fail, never pass wrongly).
 */
export async function readBounded(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const residentBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = await readWorkbook(name, bytes);
  expect(performance.now() - started).toBeLessThan(hostileFileLimitMs);
  expect(process.resourceUsage().maxRSS * 1024 - residentBefore).toBeLessThan(memoryLimitBytes);
  return result;
}

export async function refusalOf(name: string, bytes: Uint8Array): Promise<string> {
  const result = await readBounded(name, bytes);
  if (result.ok)
    throw new Error(`${name} was read: ${JSON.stringify(result.grid.sheets.map((s) => s.rows.slice(0, 3)))}`);
  expect(result.fileName).toBe(name);
  return result.message;
}

export async function sheetsOf(name: string, bytes: Uint8Array): Promise<GridSheet[]> {
  const result = await readBounded(name, bytes);
  if (!result.ok) throw new Error(result.message);
  return result.grid.sheets;
}
