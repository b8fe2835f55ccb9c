import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../core/model';
import {
  addLeader,
  addTask,
  addUnit,
  createWorkYear,
  db,
  deleteTask,
  DomainError,
  getTask,
  listAudit,
  listTasks,
  setOperator,
  updateTask,
  type NewTask,
  type NewWorkYear,
} from './index';
import { defaultCalendarSettings } from '../core/calendarSettings';

function yearInput(year: number): NewWorkYear {
  return {
    title: '',
    ...defaultCalendarSettings(year),
  };
}

function taskInput(title: string, more: Partial<NewTask> = {}): NewTask {
  return {
    yearId,
    code: '',
    title,
    measures: [],
    targets: [],
    leaderIds: [],
    coUnitIds: [],
    responsiblePerson: '',
    dueDate: '2026-11-30',
    ...more,
  };
}

async function addSection(name: string, sortOrder: number, year = yearId): Promise<string> {
  const id = `s-${name}`;
  await db.sections.add({ id, yearId: year, name, sortOrder });
  return id;
}

async function snapshot(): Promise<unknown> {
  return {
    tasks: await db.tasks.toArray(),
    milestones: await db.milestones.toArray(),
    audit: await db.audit.toArray(),
  };
}

let yearId: string;
let unitA: string;
let unitB: string;
let leader: string;

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
  unitA = (
    await addUnit({
      yearId,
      name: '区发改局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
  unitB = (
    await addUnit({
      yearId,
      name: '区财政局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
  leader = (await addLeader({ yearId, name: '王副区长', title: '', aliases: [] })).id;
});

describe('addTask', () => {
  it('stores a cleaned task with one audit entry', async () => {
    const section = await addSection('项目建设', 1);
    const task = await addTask(
      taskInput(' 推进重大项目建设 ', {
        code: ' 1 ',
        sectionId: section,
        measures: [{ text: ' 抓开工 ' }, { text: ' ' }],
        targets: [
          { text: '完成投资', value: 50, unit: ' 亿元 ' },
          { text: '', unit: ' ' },
        ],
        leaderIds: [leader, leader],
        leadUnitId: unitA,
        coUnitIds: [unitB, unitB],
        carriedOverFrom: undefined,
      }),
    );
    const expected: Task = {
      id: task.id,
      yearId,
      code: '1',
      title: '推进重大项目建设',
      sectionId: section,
      measures: [{ text: '抓开工' }],
      targets: [{ text: '完成投资', value: 50, unit: '亿元' }],
      leaderIds: [leader],
      leadUnitId: unitA,
      coUnitIds: [unitB],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    };
    expect(task).toEqual(expected);
    expect(await getTask(task.id)).toEqual(expected);
    expect(Object.keys((await getTask(task.id)) ?? {})).not.toContain('carriedOverFrom');
    const [last] = await listAudit({ limit: 1 });
    expect(last).toMatchObject({
      operator: '张三',
      action: 'create',
      entity: 'tasks',
      entityId: task.id,
      after: expected,
    });
  });

  it.each([
    ['an empty title', ' ', {}, '重点工作名称不能为空'],
    ['a duplicate title', '推进重大项目建设', {}, '重点工作"推进重大项目建设"已存在'],
    [
      'a duplicate title with other spaces and full-width forms',
      '推进 重大项目建设\u3000',
      {},
      '重点工作"推进 重大项目建设"已存在',
    ],
    ['a missing year', '新任务', { yearId: 'nope' }, '工作年度不存在（可能已被删除）'],
    ['a missing section', '新任务', { sectionId: 'nope' }, '重点工作"新任务"的工作板块不存在（可能已被删除）'],
    ['a missing lead unit', '新任务', { leadUnitId: 'nope' }, '重点工作"新任务"的牵头单位不存在（可能已被删除）'],
    ['a missing co-unit', '新任务', { coUnitIds: ['nope'] }, '重点工作"新任务"的责任单位不存在（可能已被删除）'],
    ['a missing leader', '新任务', { leaderIds: ['nope'] }, '重点工作"新任务"的分管区领导不存在（可能已被删除）'],
    ['a text due date', '新任务', { dueDate: '11月底前' }, '重点工作"新任务"的完成时限应为有效日期（YYYY-MM-DD）'],
    [
      'an impossible due date',
      '新任务',
      { dueDate: '2026-02-30' },
      '重点工作"新任务"的完成时限应为有效日期（YYYY-MM-DD）',
    ],
    ['a bad target value', '新任务', { targets: [{ text: 'x', value: Number.NaN }] }, '重点工作"新任务"的目标数值无效'],
  ] as [string, string, Partial<NewTask>, string][])(
    'refuses %s and stores nothing',
    async (_label, title, more, message) => {
      await addTask(taskInput('推进重大项目建设'));
      const before = await snapshot();
      await expect(addTask(taskInput(title, more))).rejects.toThrow(new DomainError(message));
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a unit, leader or section of another year', async () => {
    const other = (await createWorkYear(yearInput(2027))).id;
    const otherUnit = (
      await addUnit({
        yearId: other,
        name: '区发改局',
        kind: 'department',
        rankingGroup: '',
        aliases: [],
        contactPerson: '',
        phone: '',
      })
    ).id;
    const otherSection = await addSection('项目建设', 1, other);
    await expect(addTask(taskInput('新任务', { leadUnitId: otherUnit }))).rejects.toThrow('牵头单位不存在');
    await expect(addTask(taskInput('新任务', { sectionId: otherSection }))).rejects.toThrow('工作板块不存在');
    expect(await db.tasks.count()).toBe(0);
  });

  it('the same title in another year is no clash', async () => {
    const other = (await createWorkYear(yearInput(2027))).id;
    const first = await addTask(taskInput('推进重大项目建设'));
    await expect(
      addTask(taskInput('推进重大项目建设', { yearId: other, carriedOverFrom: first.id })),
    ).resolves.toMatchObject({ carriedOverFrom: first.id });
    await expect(addTask(taskInput('另一项', { yearId: other, carriedOverFrom: 'nope' }))).rejects.toThrow(
      '所结转的上年度重点工作不存在',
    );
  });
});

describe('updateTask', () => {
  it('records before and after; absent fields are kept, named optional ids cleared', async () => {
    const section = await addSection('项目建设', 1);
    const task = await addTask(taskInput('推进重大项目建设', { sectionId: section, leadUnitId: unitA }));
    setOperator('李四');
    await updateTask(task.id, { title: '推进重大项目建设年', responsiblePerson: undefined });
    const renamed = { ...task, title: '推进重大项目建设年' };
    expect(await getTask(task.id)).toEqual(renamed);
    const [last] = await listAudit({ limit: 1 });
    expect(last).toMatchObject({
      operator: '李四',
      action: 'update',
      entity: 'tasks',
      entityId: task.id,
      before: task,
      after: renamed,
    });

    await updateTask(task.id, { sectionId: undefined });
    const cleared = await getTask(task.id);
    expect(cleared).toEqual({ ...renamed, sectionId: undefined });
    expect(Object.keys(cleared ?? {})).not.toContain('sectionId');
    expect(cleared?.leadUnitId).toBe(unitA);
  });

  it('logs nothing when nothing changes; refuses clashes, a year change and a missing task', async () => {
    const a = await addTask(taskInput('任务甲'));
    await addTask(taskInput('任务乙'));
    const before = await snapshot();
    await updateTask(a.id, { title: ' 任务甲 ' });
    expect(await snapshot()).toEqual(before);
    await expect(updateTask(a.id, { title: '任务乙' })).rejects.toThrow(new DomainError('重点工作"任务乙"已存在'));
    await expect(updateTask(a.id, { yearId: 'other' })).rejects.toThrow('不能更改重点工作所属的工作年度');
    await expect(updateTask(a.id, { dueDate: '2026-13-01' })).rejects.toThrow('完成时限');
    await expect(updateTask('nope', { title: 'x' })).rejects.toThrow('重点工作不存在（可能已被删除）');
    expect(await snapshot()).toEqual(before);
  });
});

describe('deleteTask', () => {
  it('deletes the task and its milestones, each audited', async () => {
    const task = await addTask(taskInput('推进重大项目建设'));
    const keep = await addTask(taskInput('其他任务'));
    await db.milestones.bulkAdd([
      { id: 'm3', taskId: task.id, yearId, month: 3, text: '开工', plannedPercent: 10 },
      { id: 'm4', taskId: task.id, yearId, month: 4, text: '建设', plannedPercent: 30 },
      { id: 'k3', taskId: keep.id, yearId, month: 3, text: '开工', plannedPercent: 10 },
    ]);
    await deleteTask(task.id);
    expect(await db.tasks.get(task.id)).toBeUndefined();
    expect((await db.milestones.toArray()).map((m) => m.id)).toEqual(['k3']);
    const entries = await listAudit({ limit: 3 });
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['delete', 'tasks', task.id],
      ['delete', 'milestones', 'm4'],
      ['delete', 'milestones', 'm3'],
    ]);
    expect(entries[0]?.before).toEqual(task);
    await expect(deleteTask(task.id)).rejects.toThrow('重点工作不存在（可能已被删除）');
  });

  it.each([
    [
      'progress reports',
      async (taskId: string) =>
        db.reports.add({
          id: 'r1',
          yearId,
          month: 3,
          taskId,
          unitId: unitA,
          isLeadUnit: true,
          percent: 10,
          statusWord: '',
          doneThisMonth: '',
          problems: '',
          nextSteps: '',
          coordination: '',
          delayExplanation: '',
          reporter: '',
          phone: '',
          receivedDate: '2026-03-25',
        }),
      '月度进展',
    ],
    [
      'feedback',
      async (taskId: string) =>
        db.feedback.add({
          id: 'f1',
          yearId,
          month: 3,
          taskId,
          unitId: unitA,
          comment: '',
          reviewer: '',
          date: '2026-03-30',
        }),
      '督查反馈',
    ],
    [
      'score entries',
      async (taskId: string) =>
        db.scoreEntries.add({
          id: 'e1',
          yearId,
          month: 3,
          unitId: unitA,
          ruleId: 'late_report',
          points: -1,
          reason: '',
          state: 'proposed',
          automatic: true,
          evidence: { taskId },
        }),
      '加扣分',
    ],
  ])('is refused while %s refer to it, and changes nothing', async (_label, refer, label) => {
    const task = await addTask(taskInput('推进重大项目建设'));
    await db.milestones.add({ id: 'm3', taskId: task.id, yearId, month: 3, text: '开工', plannedPercent: 10 });
    await refer(task.id);
    const before = await snapshot();
    await expect(deleteTask(task.id)).rejects.toThrow(
      new DomainError(`重点工作"推进重大项目建设"已被${label}引用，不能删除`),
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('listTasks', () => {
  it('orders by section sortOrder, then code as numbers, then title; tasks without a section last', async () => {
    const late = await addSection('民生保障', 2);
    const early = await addSection('项目建设', 1);
    await addTask(taskInput('乙', { sectionId: late, code: '10' }));
    await addTask(taskInput('甲', { sectionId: late, code: '2' }));
    await addTask(taskInput('无序号', { sectionId: late }));
    await addTask(taskInput('丙', { sectionId: early, code: '3' }));
    await addTask(taskInput('未分板块', { code: '1' }));
    await addTask(taskInput('阿', { sectionId: early, code: '3' }));
    expect((await listTasks(yearId)).map((t) => t.title)).toEqual(['阿', '丙', '甲', '乙', '无序号', '未分板块']);
    expect(await listTasks(undefined)).toEqual([]);
  });

  it('re-runs when a section is reordered', async () => {
    const a = await addSection('甲板块', 1);
    const b = await addSection('乙板块', 2);
    await addTask(taskInput('甲任务', { sectionId: a }));
    await addTask(taskInput('乙任务', { sectionId: b }));
    const seen: string[][] = [];
    const subscription = liveQuery(() => listTasks(yearId)).subscribe((tasks) => seen.push(tasks.map((t) => t.title)));
    try {
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      await db.sections.update(a, { sortOrder: 3 });
      await vi.waitFor(() => expect(seen).toHaveLength(2));
    } finally {
      subscription.unsubscribe();
    }
    expect(seen).toEqual([
      ['甲任务', '乙任务'],
      ['乙任务', '甲任务'],
    ]);
  });
});
