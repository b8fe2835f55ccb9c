import { describe, expect, it } from 'vitest';
import type { Leader, Section, Task, Unit } from '../model';
import { guessUnitKind, taskListChangeset, type TaskListKnown } from './taskListChangeset';
import type { TaskListRow } from './taskList';

const row = (over: Partial<TaskListRow>): TaskListRow => ({
  sheetRow: 4,
  code: '1',
  section: '一、扩大有效投资',
  title: '重大项目攻坚年行动',
  targets: ['全年完成重大项目投资120亿元'],
  measures: ['建立重大项目月度推进清单', '每月召开项目协调会'],
  leader: '张明',
  leaders: ['张明'],
  leadUnit: '区发展和改革局',
  coUnits: ['区财政局'],
  due: '2026-11-30',
  ...over,
});

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

function apply(known: TaskListKnown, changeset: ReturnType<typeof taskListChangeset>): TaskListKnown {
  const next = structuredClone(known);
  const tables = { tasks: next.tasks, units: next.units, leaders: next.leaders, sections: next.sections } as Record<
    string,
    { id: string }[]
  >;
  for (const c of changeset.creates) tables[c.table]!.push(c.row);
  for (const u of changeset.updates)
    Object.assign(
      tables[u.table]!.find((r) => r.id === u.id)!,
      u.patch,
    );
  return next;
}

const empty: TaskListKnown = { yearId: 'y', tasks: [], units: [], leaders: [], sections: [] };

describe('taskListChangeset', () => {
  it('adds tasks with the sections, units and leaders they need, and lists the unknown names', () => {
    const changeset = taskListChangeset(
      [
        {
          file: 'a.xlsx',
          rows: [
            row({}),
            row({ sheetRow: 5, code: '2', title: '促进民间投资增长', coUnits: ['区财政局', '区商务局'] }),
          ],
        },
      ],
      empty,
      { units: {}, leaders: {} },
      ids(),
    );
    const count = (table: string) => changeset.creates.filter((c) => c.table === table).length;
    expect([count('tasks'), count('sections'), count('units'), count('leaders')]).toEqual([2, 1, 3, 1]);
    expect(changeset.unknownUnits.map((u) => u.written)).toEqual(['区发展和改革局', '区财政局', '区商务局']);
    expect(changeset.previews.map((p) => p.kind)).toEqual(['added', 'added']);
    const task = changeset.creates.find((c) => c.table === 'tasks')!.row as unknown as Task;
    expect(task.coUnitIds).toHaveLength(1);
    expect(task.leadUnitId).toBe(
      changeset.creates.find((c) => c.table === 'units' && c.row.name === '区发展和改革局')!.row.id,
    );
  });

  it('reports nothing to do when the same list comes back', () => {
    const rows = [row({}), row({ sheetRow: 5, code: '2', title: '促进民间投资增长' })];
    const first = taskListChangeset([{ file: 'a.xlsx', rows }], empty, { units: {}, leaders: {} }, ids());
    const again = taskListChangeset([{ file: 'b.xlsx', rows }], apply(empty, first), { units: {}, leaders: {} }, ids());
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([]);
    expect(again.unchanged).toBe(2);
    expect(again.unknownUnits).toEqual([]);
  });

  it('shows a changed field as old → new and patches only that field', () => {
    const first = taskListChangeset([{ file: 'a.xlsx', rows: [row({})] }], empty, { units: {}, leaders: {} }, ids());
    const changeset = taskListChangeset(
      [{ file: 'b.xlsx', rows: [row({ due: '2026-10-31' })] }],
      apply(empty, first),
      { units: {}, leaders: {} },
      ids(),
    );
    expect(changeset.updates).toEqual([{ table: 'tasks', id: expect.any(String), patch: { dueDate: '2026-10-31' } }]);
    expect(changeset.previews[0]!.changes).toEqual([{ label: '完成时限', before: '2026-11-30', after: '2026-10-31' }]);
  });

  it('uses a chosen unit for an unknown name and remembers the name as its alias', () => {
    const units: Unit[] = [
      {
        id: 'u1',
        yearId: 'y',
        name: '区发展和改革局',
        kind: 'department',
        rankingGroup: '区级部门',
        aliases: [],
        contactPerson: '',
        phone: '',
        sortOrder: 1,
      },
    ];
    const leaders: Leader[] = [{ id: 'l1', yearId: 'y', name: '张明', title: '', aliases: [], sortOrder: 1 }];
    const sections: Section[] = [{ id: 's1', yearId: 'y', name: '一、扩大有效投资', sortOrder: 1 }];
    const changeset = taskListChangeset(
      [{ file: 'a.xlsx', rows: [row({ leadUnit: '发改局', coUnits: [] })] }],
      { ...empty, units, leaders, sections },
      { units: { 发改局: { use: 'u1' } }, leaders: {} },
      ids(),
    );
    expect(changeset.creates.map((c) => c.table)).toEqual(['tasks']);
    expect(changeset.updates).toEqual([{ table: 'units', id: 'u1', patch: { aliases: ['发改局'] } }]);
    expect((changeset.creates[0]!.row as unknown as Task).leadUnitId).toBe('u1');
  });

  it('keeps the first of two rows with the same title and warns about the second', () => {
    const changeset = taskListChangeset(
      [{ file: 'a.xlsx', sheet: 'S', rows: [row({}), row({ sheetRow: 9 })] }],
      empty,
      { units: {}, leaders: {} },
      ids(),
    );
    expect(changeset.creates.filter((c) => c.table === 'tasks')).toHaveLength(1);
    expect(changeset.issues).toEqual([
      expect.objectContaining({ severity: 'warning', row: 9, message: expect.stringContaining('a.xlsx 第4行') }),
    ]);
  });

  it.each([
    ['东城街道', 'town'],
    ['安桥镇', 'town'],
    ['区城投集团', 'soe'],
    ['临空经济示范区', 'platform'],
    ['区财政局', 'department'],
  ] as const)('guesses %s is a %s', (name, kind) => {
    expect(guessUnitKind(name)).toBe(kind);
  });
});
