import { describe, expect, it } from 'vitest';
import type { Milestone, Task, Unit } from '../model';
import { planChangeset, type PlanKnown } from './planChangeset';
import type { PlanSheetRow } from './plan';

const unit = (id: string, name: string): Unit => ({
  id,
  yearId: 'y',
  name,
  kind: 'department',
  rankingGroup: '区级部门',
  aliases: [],
  contactPerson: '',
  phone: '',
  sortOrder: 1,
});
const task = (id: string, title: string, lead: string, co: string[], dueDate = '2026-11-30'): Task => ({
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
  dueDate,
});
const months = (percents: (number | null)[], from = 3) =>
  percents.map((p, i) => ({
    month: from + i,
    text: p === null ? '' : `节点${from + i}`,
    plannedPercent: p,
    column: { text: 'X', percent: 'Y' },
  }));
const row = (sheetRow: number, taskAsWritten: string, percents: (number | null)[], taskId?: string): PlanSheetRow => ({
  sheetRow,
  taskAsWritten,
  taskId,
  months: months(percents),
});

const year = { id: 'y', year: 2026, windowStartMonth: 3, windowEndMonth: 11 };
const full = [10, 20, 30, 40, 50, 60, 70, 85, 100];
const known = (over: Partial<PlanKnown> = {}): PlanKnown => ({
  year,
  tasks: [task('t1', '重大项目攻坚年行动', 'fgj', ['czj']), task('t2', '蓝天办高效运作', 'fgj', [], '2026-06-30')],
  units: [unit('fgj', '区发展和改革局'), unit('czj', '区财政局')],
  milestones: [],
  submissions: [],
  ...over,
});
let n = 0;
const newId = () => `n${++n}`;

describe('planChangeset', () => {
  it("turns the lead unit's changeset into milestones and records the submission", () => {
    const changeset = planChangeset(
      [
        {
          file: 'a.xlsx',
          unitId: 'fgj',
          rows: [row(4, 'x', full, 't1'), row(5, '蓝天办高效运作', [20, 50, 80, 100, null, null, null, null, null])],
        },
      ],
      known(),
      {},
      '2026-03-09',
      newId,
    );
    expect(changeset.issues).toEqual([]);
    const milestones = changeset.creates
      .filter((c) => c.table === 'milestones')
      .map((c) => c.row as unknown as Milestone);
    expect(milestones.filter((m) => m.taskId === 't1').map((m) => m.plannedPercent)).toEqual(full);
    expect(milestones.filter((m) => m.taskId === 't2').map((m) => m.month)).toEqual([3, 4, 5, 6]);
    expect(changeset.creates.filter((c) => c.table === 'submissions')).toEqual([
      {
        table: 'submissions',
        row: expect.objectContaining({ unitId: 'fgj', kind: 'plan', month: 0, receivedDate: '2026-03-09' }),
      },
    ]);
  });

  it('leaves out a whole changeset that decreases or does not reach 100 by the due month, naming the cell', () => {
    const changeset = planChangeset(
      [
        {
          file: 'a.xlsx',
          sheet: '月方案',
          unitId: 'fgj',
          rows: [row(4, '重大项目攻坚年行动', [10, 20, 15, 40, 50, 60, 70, 85, 90])],
        },
      ],
      known(),
      {},
      '2026-03-09',
      newId,
    );
    expect(changeset.creates.filter((c) => c.table === 'milestones')).toEqual([]);
    expect(changeset.issues.filter((i) => i.severity === 'error').length).toBeGreaterThanOrEqual(2);
    expect(changeset.issues[0]).toMatchObject({ file: 'a.xlsx', sheet: '月方案', row: 4 });
  });

  it("acknowledges a co-unit's rows without touching the milestones", () => {
    const changeset = planChangeset(
      [{ file: 'c.xlsx', unitWritten: '区财政局', rows: [row(4, '重大项目攻坚年行动', full)] }],
      known(),
      {},
      '2026-03-12',
      newId,
    );
    expect(changeset.previews).toEqual([expect.objectContaining({ role: 'co', kind: 'reference' })]);
    expect(changeset.creates.map((c) => c.table)).toEqual(['submissions']);
  });

  it('shows changed months of a changeset sent again', () => {
    const existing: Milestone[] = full.map((p, i) => ({
      id: `m${i}`,
      taskId: 't1',
      yearId: 'y',
      month: 3 + i,
      text: `节点${3 + i}`,
      plannedPercent: p,
    }));
    const changed = [...full];
    changed[2] = 35;
    const changeset = planChangeset(
      [{ file: 'a.xlsx', unitId: 'fgj', rows: [row(4, '重大项目攻坚年行动', changed)] }],
      known({ milestones: existing }),
      {},
      '2026-03-09',
      newId,
    );
    expect(changeset.updates).toEqual([
      { table: 'milestones', id: 'm2', patch: { text: '节点5', plannedPercent: 35 } },
    ]);
    expect(changeset.previews[0]).toMatchObject({ kind: 'changed', changes: ['5月：30% → 35%'] });
  });
});
