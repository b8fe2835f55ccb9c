import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultScoreRules } from '../core/scoring';
import type { AuditEntry, ProgressReport } from '../core/model';
import {
  addLeader,
  addTask,
  addUnit,
  createWorkYear,
  db,
  DomainError,
  getCarriedSource,
  listLeaders,
  listScoreRules,
  listTasks,
  listUnits,
  setOperator,
  startYearFrom,
  updateScoreRule,
  type NewWorkYear,
} from './index';
import { TABLE_NAMES } from './schema';

function yearInput(year: number): NewWorkYear {
  return {
    year,
    title: `${year}年度重点工作`,
    windowStartMonth: 3,
    windowEndMonth: 11,
    planDue: '03-12',
    reportDueDay: 20,
    feedbackDueDay: 28,
    completionDue: '11-30',
    extraHolidays: [`${year}-10-09`],
    extraWorkdays: [],
  };
}

async function allTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

async function lastSeq(): Promise<number> {
  return (await db.audit.orderBy('seq').last())?.seq ?? 0;
}

let yearId: string;
let fgj: string;
let dc: string;
let zhang: string;
const taskIds: Record<string, string> = {};

function report(taskId: string, unitId: string, month: number, percent: number): ProgressReport {
  return {
    id: `${taskId}-${unitId}-${month}`,
    yearId,
    month,
    taskId,
    unitId,
    isLeadUnit: true,
    percent,
    statusWord: '',
    doneThisMonth: '',
    problems: '',
    nextSteps: '',
    coordination: '',
    delayExplanation: '',
    reporter: '',
    phone: '',
    receivedDate: '2026-11-20',
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('钱主任');
  yearId = (await createWorkYear(yearInput(2026))).id;
  fgj = (
    await addUnit({
      yearId,
      name: '区发展和改革局',
      kind: 'department',
      rankingGroup: '',
      aliases: ['发改局'],
      contactPerson: '李明',
      phone: '1234',
    })
  ).id;
  dc = (
    await addUnit({
      yearId,
      name: '东城街道',
      kind: 'town',
      rankingGroup: '城区街道',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
  zhang = (await addLeader({ yearId, name: '张明', title: '副区长', aliases: ['张区长'] })).id;
  await db.sections.add({ id: 's1', yearId, name: '一、扩大有效投资', sortOrder: 1 });
  for (const [title, more] of [
    ['重大项目攻坚年行动', { sectionId: 's1' }],
    ['促进民间投资增长', {}],
    ['轻纺市场转型升级', { leadUnitId: dc }],
  ] as const) {
    taskIds[title] = (
      await addTask({
        yearId,
        code: '',
        title,
        measures: [{ text: '措施' }],
        targets: [{ text: '目标' }],
        leaderIds: [zhang],
        leadUnitId: fgj,
        coUnitIds: [dc],
        responsiblePerson: '',
        dueDate: '2026-11-30',
        ...more,
      })
    ).id;
  }
  await db.reports.bulkAdd([
    report(taskIds['重大项目攻坚年行动']!, fgj, 11, 100),
    report(taskIds['促进民间投资增长']!, fgj, 11, 60),
  ]);
  await updateScoreRule(yearId, 'late', { points: -3 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startYearFrom', () => {
  it('copies settings, units, leaders and rules; carries the unfinished tasks over, marked', async () => {
    const seq = await lastSeq();
    const started = await startYearFrom(yearId, { carryOver: true });
    expect(started).toMatchObject({ units: 2, leaders: 1, tasks: 2, scoreRules: defaultScoreRules.length });
    const next = started.year;
    expect(next).toMatchObject({
      year: 2027,
      title: '2027年度重点工作',
      planDue: '03-12',
      reportDueDay: 20,
      feedbackDueDay: 28,
      extraHolidays: [],
    });

    expect((await listUnits(next.id)).map((u) => [u.name, u.aliases, u.rankingGroup, u.contactPerson])).toEqual([
      ['区发展和改革局', ['发改局'], '区级部门', '李明'],
      ['东城街道', [], '城区街道', ''],
    ]);
    expect((await listLeaders(next.id)).map((l) => [l.name, l.aliases])).toEqual([['张明', ['张区长']]]);
    expect((await listScoreRules(next.id)).find((r) => r.id === 'late')?.points).toBe(-3);

    const tasks = await listTasks(next.id);
    expect(tasks.map((t) => [t.title, t.carriedOverFrom, t.dueDate])).toEqual([
      ['促进民间投资增长', taskIds['促进民间投资增长'], '2027-11-30'],
      ['轻纺市场转型升级', taskIds['轻纺市场转型升级'], '2027-11-30'],
    ]);
    const newUnits = new Set((await listUnits(next.id)).map((u) => u.id));
    for (const t of tasks) {
      expect(newUnits.has(t.leadUnitId!)).toBe(true);
      expect(t.coUnitIds.every((id) => newUnits.has(id))).toBe(true);
    }

    // Every row it wrote is in the audit log, in the same transaction's time and operator.
    const entries: AuditEntry[] = await db.audit.where('seq').above(seq).toArray();
    const created = entries.map((e) => `${e.action}:${e.entity}`);
    expect(created.filter((c) => c === 'create:workYears')).toHaveLength(1);
    expect(created.filter((c) => c === 'create:units')).toHaveLength(2);
    expect(created.filter((c) => c === 'create:leaders')).toHaveLength(1);
    expect(created.filter((c) => c === 'create:tasks')).toHaveLength(2);
    expect(created.filter((c) => c === 'create:scoreRules')).toHaveLength(defaultScoreRules.length);
    expect(new Set(entries.map((e) => `${e.at}|${e.operator}`))).toEqual(new Set([`${entries[0]!.at}|钱主任`]));

    // The old year is untouched.
    expect(await listTasks(yearId)).toHaveLength(3);
    // A carried task knows where it came from and how far it had got.
    const source = await getCarriedSource(tasks[0]!.carriedOverFrom);
    expect(source).toMatchObject({
      year: { year: 2026 },
      task: { title: '促进民间投资增长' },
      final: { percent: 60, month: 11 },
    });
  });

  it('carries nothing unless asked', async () => {
    const plain = await startYearFrom(yearId, { carryOver: false });
    expect(await listTasks(plain.year.id)).toEqual([]);
    expect(await db.sections.where('yearId').equals(plain.year.id).count()).toBe(0);
    expect(await listUnits(plain.year.id)).toHaveLength(2);
  });

  it('carries only the chosen unfinished tasks', async () => {
    const started = await startYearFrom(yearId, { carryOver: true, taskIds: [taskIds['轻纺市场转型升级']!] });
    expect((await listTasks(started.year.id)).map((t) => t.title)).toEqual(['轻纺市场转型升级']);
  });

  it('refuses when the next year exists, storing nothing', async () => {
    await createWorkYear(yearInput(2027));
    const before = await allTables();
    await expect(startYearFrom(yearId, { carryOver: true })).rejects.toThrow(
      new DomainError('2027年度已存在，不能再从2026年度新建'),
    );
    expect(await allTables()).toStrictEqual(before);
  });

  it('refuses a missing year', async () => {
    await expect(startYearFrom('gone', { carryOver: true })).rejects.toThrow('工作年度不存在');
  });

  it('leaves nothing behind when a write fails half-way (the tasks, after the year, units, leaders and rules)', async () => {
    const before = await allTables();
    type TableThis = { name: string };
    const tableApi = Object.getPrototypeOf(db.tasks) as {
      bulkAdd: (this: TableThis, ...args: unknown[]) => Promise<unknown>;
    };
    const bulkAdd = tableApi.bulkAdd;
    const written: string[] = [];
    vi.spyOn(tableApi, 'bulkAdd').mockImplementation(function (this: TableThis, ...args: unknown[]) {
      written.push(this.name);
      return this.name === 'tasks' ? Promise.reject(new Error('QuotaExceededError')) : bulkAdd.apply(this, args);
    });
    await expect(startYearFrom(yearId, { carryOver: true })).rejects.toThrow('QuotaExceededError');
    vi.restoreAllMocks();
    expect(written).toContain('units');
    expect(written).toContain('scoreRules');
    expect(await allTables()).toStrictEqual(before);
  });
});
