// The sample year for the office to try every screen (示例数据, issue 8): what the 工作年度
// panel, the banner and the first-run guide call. Loading is one transaction (db/sample.ts):
// it stores the whole sample or nothing; removal likewise deletes every row of the sample year
// and nothing else.

import { generateSample, SAMPLE_YEAR } from '../../core/sample';
import type { WorkYear } from '../../core/model';
import { loadSample, removeSample, type SampleProgress } from '../../db';

export { SAMPLE_YEAR };
export type { SampleProgress };

/**
 * Generates and stores the sample year (2025) and returns it; the caller shows it with
 * useYear().choose(year.id). Refused (a DomainError with the reason in Chinese, nothing stored)
 * when a 2025 year exists already, real or sample. `onProgress` is told tables done / total.
 */
export async function loadSampleData(onProgress?: SampleProgress): Promise<WorkYear> {
  onProgress?.(0, 1);
  // Let the caller paint its progress before the generator's synchronous work.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return loadSample(generateSample({ idPrefix: crypto.randomUUID() }), onProgress);
}

/** Removes the sample year `yearId` with every row of it; returns the number of rows removed. */
export function removeSampleData(yearId: string, onProgress?: SampleProgress): Promise<number> {
  return removeSample(yearId, onProgress);
}

/** Whether a year is the sample (marked on every screen). */
export function isSampleYear(year: WorkYear | undefined): boolean {
  return year?.sample === true;
}
