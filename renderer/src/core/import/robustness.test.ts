// Mapping never throws: whatever the grid holds, the answer is { rows, issues }.

import { describe, expect, it } from 'vitest';
import { err, gridOf, pct, sheetOf, date } from './buildGrid';
import { MAX_ISSUES_PER_FILE } from './issues';
import { mapProgress } from './progress';
import { mapTaskList } from './taskList';
import { detectTemplate } from './template';
import type { Cell, Grid, GridSheet, ImportIssue } from './types';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  '重点工作',
  '累计进度(%)',
  '状态',
  '牵头单位',
  '完成时限',
  '填报人：',
  '合计',
  '八成',
  '80%',
  '11月底前',
  '１、甲\n２、乙',
  '',
  '  ',
  '\u3000',
  '进度情况',
  '实际(%)',
  '=SUM(A1)',
  '#REF!',
  '区财政局、',
  '（1）',
  '①②③',
];

function randomCell(next: () => number): Cell {
  const k = Math.floor(next() * 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return { t: 'text', v: WORDS[Math.floor(next() * WORDS.length)] ?? '' };
    case 2:
      return { t: 'number', v: (next() - 0.3) * 10 ** Math.floor(next() * 8) };
    case 3:
      return pct(next() * 3 - 1);
    case 4:
      return date(['2026-02-30', '2026-11-30', 'garbage', ''][Math.floor(next() * 4)] ?? '');
    case 5:
      return { t: 'bool', v: next() > 0.5 };
    case 6:
      return err(['#REF!', '#DIV/0!', '#N/A'][Math.floor(next() * 3)] ?? '#N/A');
    case 7:
      return { t: 'number', v: [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308][Math.floor(next() * 4)] ?? 0 };
    default:
      return {
        t: 'text',
        v: String.fromCharCode(...Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 0xffff))),
      };
  }
}

function randomSheet(seed: number): GridSheet {
  const next = random(seed);
  const height = Math.floor(next() * 40);
  const rows = Array.from({ length: height }, () =>
    Array.from({ length: Math.floor(next() * 15) }, () => randomCell(next)),
  );
  const merges = Array.from({ length: Math.floor(next() * 6) }, () => ({
    top: Math.floor(next() * 50) - 5,
    left: Math.floor(next() * 20) - 5,
    bottom: Math.floor(next() * 50) - 5,
    right: Math.floor(next() * 20) - 5,
  }));
  return { name: `S${seed}`, hidden: next() < 0.1, rows, merges, hiddenColumns: [Math.floor(next() * 10)] };
}

function checkIssues(issues: ImportIssue[], file: string): void {
  for (const issue of issues) {
    expect(['error', 'warning', 'info']).toContain(issue.severity);
    expect(issue.file).toBe(file);
    expect(issue.message).not.toBe('');
    expect(issue.message).not.toMatch(/内部错误/u);
    if (issue.row !== undefined) expect(issue.row).toBeGreaterThanOrEqual(1);
    if (issue.column !== undefined) expect(issue.column).toMatch(/^[A-Z]+$/u);
  }
}

function mapEverything(grid: Grid): void {
  const tasks = mapTaskList(grid, { year: 2026 });
  const progress = mapProgress(grid, { year: 2026, month: 5 });
  checkIssues(tasks.issues, grid.fileName);
  checkIssues(progress.issues, grid.fileName);
  for (const row of progress.rows) {
    if (row.percent !== null) {
      expect(row.percent).toBeGreaterThanOrEqual(0);
      expect(row.percent).toBeLessThanOrEqual(100);
    }
  }
  for (const row of tasks.rows) expect(row.due).toMatch(/^(\d{4}-\d{2}-\d{2})?$/u);
  detectTemplate(grid);
}

const progressHeader = ['重点工作', '完成进度', '状态', '填报人'];
const taskHeader = ['重点工作', '牵头单位', '责任单位', '完成时限'];

describe('mapping garbage never throws', () => {
  it('a workbook without sheets is one error', () => {
    const grid = gridOf('空.xlsx');
    expect(mapTaskList(grid, { year: 2026 })).toEqual({
      rows: [],
      issues: [{ severity: 'error', file: '空.xlsx', message: '文件中没有工作表' }],
    });
    mapEverything(grid);
  });

  it('empty sheets, hidden sheets only, sheets of blank rows', () => {
    mapEverything(gridOf('a.xlsx', sheetOf('Sheet1', [])));
    mapEverything(gridOf('b.xlsx', sheetOf('Sheet1', [[], [null, null], ['', '  ']])));
    const hidden = gridOf('c.xlsx', sheetOf('隐藏', [progressHeader, ['甲', '40%', '序时推进']], { hidden: true }));
    expect(mapProgress(hidden, { year: 2026 }).issues.map((i) => i.message)).toEqual(['文件中没有可见的工作表']);
  });

  it('random cells of every kind, with and without a real header on top', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const sheet = randomSheet(seed);
      mapEverything(gridOf(`random-${seed}.xlsx`, sheet));
      const header = seed % 2 === 0 ? progressHeader : taskHeader;
      mapEverything(
        gridOf(`headed-${seed}.xlsx`, {
          ...sheet,
          hidden: false,
          rows: [header.map((v) => ({ t: 'text', v }) as Cell), ...sheet.rows],
        }),
      );
    }
  });

  it('error cells everywhere under a real header', () => {
    const rows = [progressHeader, ...Array.from({ length: 5 }, () => progressHeader.map(() => err('#REF!')))];
    const result = mapProgress(gridOf('e.xlsx', sheetOf('5月', rows)), { year: 2026, month: 5 });
    expect(result.rows).toEqual([]);
    checkIssues(result.issues, 'e.xlsx');
  });

  it('a 10,000-column row', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `列${i}` : i));
    const grid = gridOf(
      'wide.xlsx',
      sheetOf('5月', [progressHeader, ['甲', '40%', '序时推进', '王某某'], wide], { merges: ['A1:NTP1'] }),
    );
    const result = mapProgress(grid, { year: 2026, month: 5 });
    expect(result.rows[0]).toMatchObject({ taskAsWritten: '甲', percent: 40 });
    expect(result.issues.map((i) => i.message)).toContain('IV列以后的内容已忽略');
    mapEverything(grid);
  });

  it('merges that are inverted, negative, enormous or not numbers', () => {
    const merges = [
      { top: 5, left: 5, bottom: 0, right: 0 },
      { top: -10, left: -10, bottom: -1, right: -1 },
      { top: 0, left: 0, bottom: 1_000_000, right: 16_383 },
      { top: Number.NaN, left: 0, bottom: 1, right: 1 },
    ];
    const grid = gridOf('m.xlsx', sheetOf('5月', [progressHeader, ['甲', '40%', '序时推进']], { merges }));
    mapEverything(grid);
  });

  it('sparse rows and holes in rows', () => {
    const rows: Cell[][] = [];
    rows[0] = progressHeader.map((v) => ({ t: 'text', v }));
    rows[3] = [];
    rows[3][0] = { t: 'text', v: '甲' };
    rows[3][2] = { t: 'text', v: '序时推进' };
    rows[6] = [
      { t: 'text', v: '乙' },
      { t: 'text', v: '50%' },
    ];
    const grid = gridOf('sparse.xlsx', { name: '5月', hidden: false, rows, merges: [], hiddenColumns: [] });
    const result = mapProgress(grid, { year: 2026, month: 5 });
    expect(result.rows.map((r) => [r.sheetRow, r.percent])).toEqual([
      [4, null],
      [7, 50],
    ]);
  });

  it('a grid that breaks its own types still gives { rows, issues }', () => {
    const broken = [
      { fileName: 'x.xlsx', sheets: null },
      { fileName: 'y.xlsx', sheets: [{ name: 'S', hidden: false, rows: null, merges: null, hiddenColumns: null }] },
      {
        fileName: 'z.xlsx',
        sheets: [
          {
            name: 'S',
            hidden: false,
            rows: [[{ t: 'text', v: 42 }], ['重点工作', '完成进度']],
            merges: [null],
            hiddenColumns: 'A',
          },
        ],
      },
      {
        fileName: 'w.xlsx',
        sheets: [
          null,
          {
            name: 'S',
            hidden: false,
            rows: [
              progressHeader.map((v) => ({ t: 'text', v })),
              [{ t: 'text', v: null }, { t: 'number', v: '40' }, { t: 'mystery' }],
            ],
            merges: [],
            hiddenColumns: [],
          },
        ],
      },
    ] as unknown as Grid[];
    for (const grid of broken) {
      const tasks = mapTaskList(grid, { year: 2026 });
      const progress = mapProgress(grid, { year: 2026 });
      expect(Array.isArray(tasks.rows) && Array.isArray(tasks.issues)).toBe(true);
      expect(Array.isArray(progress.rows) && Array.isArray(progress.issues)).toBe(true);
      expect(tasks.issues.length + progress.issues.length).toBeGreaterThan(0);
      expect([...tasks.issues, ...progress.issues].filter((i) => i.message.includes('内部错误'))).toEqual([]);
      expect(() => detectTemplate(grid)).not.toThrow();
    }
  });

  it('caps the issues of one file and says how many more there were', () => {
    const rows = [
      progressHeader,
      ...Array.from({ length: MAX_ISSUES_PER_FILE + 200 }, (_, i) => [`任务${i}`, '八成', '滞后']),
    ];
    const result = mapProgress(gridOf('many.xlsx', sheetOf('5月', rows)), { year: 2026, month: 5 });
    expect(result.rows).toHaveLength(MAX_ISSUES_PER_FILE + 200);
    expect(result.issues).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(result.issues.at(-1)?.message).toMatch(/^另有\d+个问题未列出/u);
  });
});
