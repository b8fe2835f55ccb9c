// The exports: one workbook per unit with tasks, progress per workbook, all handed to
// desktop.saveFiles in one batch (a folder in Electron, a .zip in the browser); one unit's workbook
// alone goes to desktop.saveFile as itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveFileRequest, SaveFilesRequest } from '../../../../../electron/shared/contract';
import { mapPlan } from '../../../core/import/plan';
import { mapProgress } from '../../../core/import/progress';
import type { Unit } from '../../../core/model';
import { readWorkbook } from '../../../io/excel/read';
import { task, unit, year } from './testing';

const fake = vi.hoisted(() => ({
  saveFiles: vi.fn(async (request: SaveFilesRequest) => ({
    saved: request.files.length,
    folder: 'D:\\督查\\2026年月方案',
  })),
  saveFile: vi.fn(async (request: SaveFileRequest) => ({ saved: true, path: `D:\\督查\\${request.suggestedName}` })),
}));

vi.mock('../../../io/desktop', () => ({ desktop: { saveFiles: fake.saveFiles, saveFile: fake.saveFile } }));

const { exportPlanWorkbooks, exportProgressWorkbooks } = await import('./export');

const west: Unit = { ...unit, id: 'u-xc', name: '西城街道', sortOrder: 2 };
const idle: Unit = { ...unit, id: 'u-idle', name: '区档案馆', kind: 'department', sortOrder: 3 };

function sent(): SaveFilesRequest {
  const request = fake.saveFiles.mock.lastCall?.[0];
  if (!request) throw new Error('saveFiles was not called');
  return request;
}

async function gridOf(file: { name: string; bytes: Uint8Array }) {
  const result = await readWorkbook(file.name, file.bytes);
  if (!result.ok) throw new Error(result.message);
  return result.grid;
}

beforeEach(() => {
  fake.saveFiles.mockClear();
  fake.saveFile.mockClear();
});

describe('exportPlanWorkbooks', () => {
  it('writes one 月方案 per unit with tasks into one folder, telling the progress', async () => {
    const progress: [number, number][] = [];
    const result = await exportPlanWorkbooks(
      {
        year,
        appVersion: '0.1.0',
        units: [
          { unit, tasks: [{ task: task('t-1', '1', '轻纺市场转型升级'), role: 'lead', milestones: [] }] },
          { unit: idle, tasks: [] },
          { unit: west, tasks: [{ task: task('t-1', '1', '轻纺市场转型升级'), role: 'co', milestones: [] }] },
        ],
      },
      (done, total) => progress.push([done, total]),
    );
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(result).toEqual({ saved: 2, folder: 'D:\\督查\\2026年月方案', skipped: ['区档案馆'] });
    const request = sent();
    expect(request.folderHint).toBe('2026年月方案');
    expect(request.zipName).toBe('2026年月方案.zip');
    expect(request.files.map((f) => f.name)).toEqual(['东城街道-2026年月方案.xlsx', '西城街道-2026年月方案.xlsx']);
    const plan = mapPlan(await gridOf(request.files[1] as { name: string; bytes: Uint8Array }), { year: 2026 });
    expect(plan).toMatchObject({ unit: '西城街道', unitId: 'u-xc', rows: [{ taskId: 't-1', role: 'co' }] });
  });

  it('asks nothing when no unit has a task', async () => {
    const onProgress = vi.fn();
    await expect(exportPlanWorkbooks({ year, units: [{ unit: idle, tasks: [] }] }, onProgress)).resolves.toEqual({
      saved: 0,
      skipped: ['区档案馆'],
    });
    expect(fake.saveFiles).not.toHaveBeenCalled();
    expect(onProgress).not.toHaveBeenCalled();
  });
});

describe('exportProgressWorkbooks', () => {
  const progressTask = {
    task: task('t-1', '1', '轻纺市场转型升级'),
    role: 'lead' as const,
    milestoneText: '完成招商对接',
    lastPercent: 20,
  };

  it("writes the month's 进展情况表 per unit into a folder named for the month", async () => {
    fake.saveFiles.mockResolvedValueOnce({ saved: 0, canceled: true } as never);
    const result = await exportProgressWorkbooks({
      year,
      month: 5,
      units: [
        { unit, tasks: [progressTask] },
        { unit: west, tasks: [{ ...progressTask, role: 'co' }] },
      ],
    });
    expect(result).toEqual({ saved: 0, canceled: true, skipped: [] });
    const request = sent();
    expect(request).toMatchObject({ folderHint: '2026年5月进展情况表', zipName: '2026年5月进展情况表.zip' });
    expect(request.files.map((f) => f.name)).toEqual(['东城街道-2026年5月进展.xlsx', '西城街道-2026年5月进展.xlsx']);
    const report = mapProgress(await gridOf(request.files[0] as { name: string; bytes: Uint8Array }), {
      year: 2026,
      month: 5,
    });
    expect(report).toMatchObject({ unit: '东城街道', month: 5, rows: [{ taskId: 't-1', milestone: '完成招商对接' }] });
  });

  it("saves one unit's workbook as one file, not a folder or a .zip of one", async () => {
    const result = await exportProgressWorkbooks({ year, month: 5, units: [{ unit: west, tasks: [progressTask] }] });
    expect(fake.saveFiles).not.toHaveBeenCalled();
    const request = fake.saveFile.mock.lastCall?.[0];
    expect(request?.suggestedName).toBe('西城街道-2026年5月进展.xlsx');
    expect(result).toEqual({ saved: 1, folder: 'D:\\督查\\西城街道-2026年5月进展.xlsx', canceled: false, skipped: [] });
    const report = mapProgress(await gridOf({ name: 'x.xlsx', bytes: request!.bytes }), { year: 2026, month: 5 });
    expect(report).toMatchObject({ unit: '西城街道', rows: [{ taskId: 't-1' }] });
  });
});
