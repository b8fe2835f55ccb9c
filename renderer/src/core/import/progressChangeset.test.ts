import { describe, expect, it } from 'vitest';
import type { ProgressReport, Submission, Task, Unit } from '../model';
import { progressChangeset, type ProgressFile, type ProgressKnown } from './progressChangeset';
import type { ProgressRow } from './progress';

const unit = (id: string, name: string, aliases: string[] = []): Unit => ({
  id,
  yearId: 'y',
  name,
  kind: 'department',
  rankingGroup: '区级部门',
  aliases,
  contactPerson: '',
  phone: '',
  sortOrder: 1,
});
const task = (id: string, title: string, lead: string, co: string[] = []): Task => ({
  id,
  yearId: 'y',
  code: id,
  title,
  measures: [],
  targets: [],
  leaderIds: [],
  leadUnitId: lead,
  coUnitIds: co,
  responsiblePerson: '',
  dueDate: '2026-11-30',
});
const row = (
  sheetRow: number,
  taskAsWritten: string,
  percent: number | null,
  over: Partial<ProgressRow> = {},
): ProgressRow => ({
  sheetRow,
  taskAsWritten,
  milestone: '',
  done: '',
  percent,
  statusWord: '序时推进',
  problems: '',
  nextSteps: '',
  coordination: '',
  delayExplanation: '',
  reporter: '',
  phone: '',
  ...over,
});

const units = [unit('fgj', '区发展和改革局', ['发改局']), unit('czj', '区财政局'), unit('dc', '东城街道')];
const tasks = [
  task('t1', '重大项目攻坚年行动', 'fgj', ['czj']),
  task('t2', '促进民间投资增长', 'fgj'),
  task('t3', '轻纺市场转型升级', 'swj', ['dc']),
];
const known = (over: Partial<ProgressKnown> = {}): ProgressKnown => ({
  yearId: 'y',
  month: 5,
  tasks,
  units,
  reports: [],
  submissions: [],
  ...over,
});
let n = 0;
const newId = () => `n${++n}`;

describe('progressChangeset', () => {
  it('matches the unit and the tasks (by containment), keeps lead and co roles, and records one submission', () => {
    const files: ProgressFile[] = [
      {
        file: '发改.xlsx',
        unitWritten: '发改局',
        rows: [row(3, '重大项目攻坚年', 33), row(4, '促进民间投资增长', 3, { statusWord: '滞后' })],
      },
      { file: '财政.xlsx', unitWritten: '区财政局', rows: [row(3, '重大项目攻坚年行动', 30)] },
    ];
    const changeset = progressChangeset(files, known(), {}, '2026-05-24', newId);
    expect(changeset.issues).toEqual([]);
    const reports = changeset.creates
      .filter((c) => c.table === 'reports')
      .map((c) => c.row as unknown as ProgressReport);
    expect(reports.map((r) => [r.taskId, r.unitId, r.isLeadUnit, r.percent, r.receivedDate])).toEqual([
      ['t1', 'fgj', true, 33, '2026-05-24'],
      ['t2', 'fgj', true, 3, '2026-05-24'],
      ['t1', 'czj', false, 30, '2026-05-24'],
    ]);
    expect(
      changeset.creates.filter((c) => c.table === 'submissions').map((c) => (c.row as unknown as Submission).unitId),
    ).toEqual(['fgj', 'czj']);
  });

  it("uses the hidden task id of the app's own sheets and the unit id of its metadata", () => {
    const changeset = progressChangeset(
      [{ file: 'a.xlsx', unitId: 'dc', rows: [row(4, '改过的标题', 40, { taskId: 't3' })] }],
      known(),
      {},
      '2026-05-24',
      newId,
    );
    expect(changeset.previews).toEqual([
      expect.objectContaining({
        taskTitle: '轻纺市场转型升级',
        unitName: '东城街道',
        role: 'co',
        kind: 'added',
        percent: 40,
      }),
    ]);
  });

  it('updates a changed report, counts an identical one as unchanged, and keeps the first received date', () => {
    const stored: ProgressReport = {
      id: 'r1',
      yearId: 'y',
      month: 5,
      taskId: 't1',
      unitId: 'fgj',
      isLeadUnit: true,
      percent: 30,
      statusWord: '序时推进',
      doneThisMonth: '',
      problems: '',
      nextSteps: '',
      coordination: '',
      delayExplanation: '',
      reporter: '',
      phone: '',
      receivedDate: '2026-05-24',
    };
    const submission: Submission = {
      id: 's1',
      yearId: 'y',
      kind: 'progress',
      month: 5,
      unitId: 'fgj',
      receivedDate: '2026-05-24',
      fileName: 'old.xlsx',
    };
    const changeset = progressChangeset(
      [
        {
          file: 'b.xlsx',
          unitWritten: '区发展和改革局',
          rows: [row(3, '重大项目攻坚年行动', 35), row(4, '促进民间投资增长', 3)],
        },
      ],
      known({ reports: [stored], submissions: [submission] }),
      {},
      '2026-05-27',
      newId,
    );
    expect(changeset.updates).toEqual([
      { table: 'reports', id: 'r1', patch: expect.objectContaining({ percent: 35 }) },
    ]);
    expect(changeset.previews[0]).toMatchObject({ kind: 'changed', percentBefore: 30, percent: 35 });
    expect((changeset.creates[0]!.row as unknown as ProgressReport).receivedDate).toBe('2026-05-24');
    expect(changeset.creates.some((c) => c.table === 'submissions')).toBe(false);
  });

  it('asks for the unit of a file it cannot place, and imports it once chosen', () => {
    const files = [{ file: '无名.xlsx', unitWritten: '西湖区某局', rows: [row(3, '促进民间投资增长', 10)] }];
    const asked = progressChangeset(files, known(), {}, '2026-05-24', newId);
    expect(asked.creates).toEqual([]);
    expect(asked.fileUnits).toEqual([
      { file: '无名.xlsx', unknown: { written: '西湖区某局', suggestions: expect.any(Array) } },
    ]);
    expect(asked.issues[0]!.message).toContain('西湖区某局');
    const chosen = progressChangeset(files, known(), { '无名.xlsx': 'fgj' }, '2026-05-24', newId);
    expect(chosen.creates.map((c) => c.table)).toEqual(['reports', 'submissions']);
  });

  it('reports a task it cannot find with suggestions, and a row without a percent is left out', () => {
    const changeset = progressChangeset(
      [
        {
          file: 'a.xlsx',
          sheet: '5月',
          unitWritten: '发改局',
          rows: [row(3, '完全不同的事', 10), row(4, '促进民间投资增长', null)],
        },
      ],
      known(),
      {},
      '2026-05-24',
      newId,
    );
    expect(changeset.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'a.xlsx',
        sheet: '5月',
        row: 3,
        message: expect.stringContaining('未找到重点工作“完全不同的事”'),
      }),
    ]);
    expect(changeset.creates).toEqual([]);
  });
});
