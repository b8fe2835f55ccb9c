// Writing the templates for many units in one action: one workbook per unit, then all of them
// into one folder the user picks (in the browser: one .zip); a single unit's workbook is saved as one
// file. Progress is reported per workbook.

import type { SaveFilesResult } from '../../../../../electron/shared/contract';
import type { Unit, WorkYear } from '../../../core/model';
import { desktop } from '../../../io/desktop';
import type { SheetSpec } from '../../../io/excel/write';
import { writeWorkbookOffThread } from '../../../io/excel/write-client';
import { planFileName, planLayout, planWorkbook, type PlanTask } from './plan';
import { progressFileName, progressLayout, progressWorkbook, type ProgressTask } from './progress';

/** Called with (0, total) first, then after each workbook is written. */
export type ExportProgress = (done: number, total: number) => void;

export interface TemplateExportResult extends SaveFilesResult {
  /** Units left out because they answer for no task (no empty workbook is sent). */
  skipped: string[];
}

interface Workbook {
  name: string;
  sheets: () => SheetSpec[];
}

/** The build's version for the _meta sheet; none in a build without one. */
const appVersion = (): string | undefined => import.meta.env.VITE_APP_VERSION || undefined;

async function writeAll(
  workbooks: Workbook[],
  batch: { folderHint: string; zipName: string },
  skipped: string[],
  onProgress: ExportProgress | undefined,
): Promise<TemplateExportResult> {
  if (workbooks.length === 0) return { saved: 0, skipped };
  const total = workbooks.length;
  onProgress?.(0, total);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const workbook of workbooks) {
    // In the writer worker: the window stays responsive, the progress shows.
    files.push({ name: workbook.name, bytes: await writeWorkbookOffThread(workbook.sheets()) });
    onProgress?.(files.length, total);
  }
  const [only] = files;
  if (files.length === 1 && only) {
    // One unit's workbook is saved as itself, not in a folder or a .zip of one.
    const single = await desktop.saveFile({ suggestedName: only.name, bytes: only.bytes });
    return { saved: single.saved ? 1 : 0, folder: single.path, canceled: !single.saved, skipped };
  }
  const result = await desktop.saveFiles({ folderHint: batch.folderHint, zipName: batch.zipName, files });
  return { ...result, skipped };
}

export interface PlanExportRequest {
  year: WorkYear;
  /** The units chosen, each with its tasks (see tasksForUnit) and their milestones. */
  units: { unit: Unit; tasks: PlanTask[] }[];
  appVersion?: string;
}

/** The 月方案 of every chosen unit, into one folder named `2026年月方案` (browser: `2026年月方案.zip`). */
export async function exportPlanWorkbooks(
  request: PlanExportRequest,
  onProgress?: ExportProgress,
): Promise<TemplateExportResult> {
  const { year } = request;
  const version = request.appVersion ?? appVersion();
  const withTasks = request.units.filter((u) => u.tasks.length > 0);
  const skipped = request.units.filter((u) => u.tasks.length === 0).map((u) => u.unit.name);
  const layout = planLayout(year);
  const workbooks = withTasks.map(({ unit, tasks }) => ({
    name: planFileName(unit, year),
    sheets: () => planWorkbook({ year, unit, tasks, appVersion: version }, layout),
  }));
  const folder = `${year.year}年月方案`;
  return writeAll(workbooks, { folderHint: folder, zipName: `${folder}.zip` }, skipped, onProgress);
}

export interface ProgressExportRequest {
  year: WorkYear;
  month: number;
  units: { unit: Unit; tasks: ProgressTask[] }[];
  appVersion?: string;
}

/** The month's 进展情况表 of every chosen unit, into one folder named `2026年5月进展情况表` (browser: a .zip of that name). */
export async function exportProgressWorkbooks(
  request: ProgressExportRequest,
  onProgress?: ExportProgress,
): Promise<TemplateExportResult> {
  const { year, month } = request;
  const version = request.appVersion ?? appVersion();
  const withTasks = request.units.filter((u) => u.tasks.length > 0);
  const skipped = request.units.filter((u) => u.tasks.length === 0).map((u) => u.unit.name);
  const layout = progressLayout(year, month);
  const workbooks = withTasks.map(({ unit, tasks }) => ({
    name: progressFileName(unit, year, month),
    sheets: () => progressWorkbook({ year, month, unit, tasks, appVersion: version }, layout),
  }));
  const folder = `${year.year}年${month}月进展情况表`;
  return writeAll(workbooks, { folderHint: folder, zipName: `${folder}.zip` }, skipped, onProgress);
}
