import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { inspectFile, type InspectReport } from './inspect';

// The fixtures were made by other programs (openpyxl, then LibreOffice; one legacy .xls);
// expected.json says what they hold.
const dir = path.resolve(import.meta.dirname, '../../../test/fixtures');
const bytesOf = (name: string) => readFileSync(path.join(dir, name));
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  { unit: string; month: number; rows: [string, number, string][] }
>;

async function taskTitles(): Promise<string[]> {
  const list = await inspectFile('任务清单-2026.xlsx', bytesOf('任务清单-2026.xlsx'), { year: 2026 });
  return list.rows.map((r) => String(r.title));
}

describe('the task list fixture', () => {
  it('yields 20 tasks with sections, leaders, units, lists and due dates', async () => {
    const report = await inspectFile('任务清单-2026.xlsx', bytesOf('任务清单-2026.xlsx'), { year: 2026 });
    expect(report).toMatchObject({ ok: true, template: 'tasks', issues: [] });
    expect(report.rows).toHaveLength(20);
    expect(new Set(report.rows.map((r) => r.section)).size).toBeGreaterThanOrEqual(4);
    expect(report.rows[0]).toEqual({
      title: '重大项目攻坚年行动',
      section: '一、扩大有效投资',
      leader: '张明',
      leadUnit: '区发展和改革局',
      coUnits: ['区财政局', '区自然资源和规划分局'],
      targets: ['全年完成重大项目投资120亿元', '新开工亿元以上项目30个'],
      measures: ['建立重大项目月度推进清单', '实行区领导联系重大项目制度', '每月召开项目协调会'],
      due: '2026-11-30',
    });
    // Merged 工作板块 cells fill down; 2026/10/31 and 2026/6/30 are read as written.
    const byTitle = new Map(report.rows.map((r) => [r.title, r]));
    expect(byTitle.get('印染产业提质增效')).toMatchObject({
      section: '二、推动产业转型',
      due: '2026-10-31',
      coUnits: ['区生态环境分局', '安桥镇'],
    });
    expect(byTitle.get('蓝天办高效运作')).toMatchObject({
      section: '三、改善生态环境',
      due: '2026-06-30',
      coUnits: [],
    });
    expect(byTitle.get('PM2.5浓度攻坚')!.measures).toHaveLength(4);
  });
});

describe.each(Object.entries(expected))('the progress fixture %s', (name, want) => {
  const file = readdirSync(dir).find((n) => n.startsWith(`${name}.`))!;
  it('yields the unit, month, rows and percents of expected.json', async () => {
    const report = await inspectFile(file, bytesOf(file), { year: 2026, taskTitles: await taskTitles() });
    expect(report).toMatchObject({ ok: true, template: 'progress', unit: want.unit, month: want.month });
    expect(report.rows.map((r) => [r.task, r.percent, r.status])).toEqual(want.rows);
  });
});

describe('bad files', () => {
  it.each([
    ['bad/csv-renamed.xlsx', '是文本文件（如CSV）改成了Excel的扩展名'],
    ['bad/empty.xlsx', '文件为空'],
    ['bad/truncated.xlsx', '文件不完整'],
  ])('%s is refused with a specific message', async (name, message) => {
    const report = await inspectFile(path.basename(name), bytesOf(name), { year: 2026 });
    expect(report.ok).toBe(false);
    expect(report.rows).toEqual([]);
    expect(report.issues).toEqual([{ severity: 'error', message: expect.stringContaining(message) }]);
    expect(report.issues[0]!.message).toContain(path.basename(name));
  });
});

describe('npm run inspect', () => {
  it('prints one JSON report per file and exits 0, refused files included', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      [
        'tsx',
        'scripts/inspect.ts',
        '--year',
        '2026',
        '--tasks',
        path.join(dir, '任务清单-2026.xlsx'),
        path.join(dir, '东城街道-5月进展.xls'),
        path.join(dir, 'bad/empty.xlsx'),
      ],
      { cwd: path.resolve(dir, '../..') },
    );
    const reports = JSON.parse(stdout) as InspectReport[];
    expect(reports.map((r) => [r.file, r.ok, r.template])).toEqual([
      ['东城街道-5月进展.xls', true, 'progress'],
      ['empty.xlsx', false, null],
    ]);
    expect(reports[0]!.rows.map((r) => r.task)).toEqual(expected['东城街道-5月进展']!.rows.map(([task]) => task));
  }, 30_000);
});

describe('an evaluation sheet', () => {
  it('is read with its scale: 五分制 from the header, normalised to 0–100', async () => {
    const { writeWorkbook } = await import('./excel/write');
    const bytes = await writeWorkbook([
      {
        name: '评估',
        title: '2026年度企业满意度测评',
        columns: [
          { header: '单位', key: 'u' },
          { header: '评价主体', key: 'r' },
          { header: '满意度（五分制）', key: 's' },
          { header: '样本数', key: 'n' },
        ],
        rows: [{ u: '东城街道', r: '企业', s: 4.5, n: 120 }],
      },
    ]);
    const report = await inspectFile('评估.xlsx', bytes, { year: 2026 });
    expect(report).toMatchObject({ ok: true, template: 'evaluation', issues: [] });
    expect(report.rows).toEqual([
      { unit: '东城街道', task: '', rater: '企业', rawScore: 4.5, scale: 'five', score: 90, sampleSize: 120 },
    ]);
  });
});
