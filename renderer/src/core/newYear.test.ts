import { describe, expect, it } from 'vitest';
import type { Leader, ScoreRule, Section, Task, Unit, WorkYear } from './model';
import {
  carriedDueDate,
  nextYearSettings,
  nextYearTitle,
  planNextYear,
  unfinishedTasks,
  type YearSource,
} from './newYear';

const year: WorkYear = {
  id: 'y26',
  year: 2026,
  title: '2026年度重点工作',
  windowStartMonth: 3,
  windowEndMonth: 10,
  planDue: '03-15',
  reportDueDay: 20,
  feedbackDueDay: 28,
  completionDue: '11-15',
  extraHolidays: ['2026-10-09', '2027-01-02'],
  extraWorkdays: ['2027-02-20'],
  createdAt: '2026-01-01T00:00:00Z',
};

const unit = (id: string, name: string, sortOrder: number, more: Partial<Unit> = {}): Unit => ({
  id,
  yearId: 'y26',
  name,
  kind: 'department',
  rankingGroup: '区级部门',
  aliases: [],
  contactPerson: '',
  phone: '',
  sortOrder,
  ...more,
});
const leader = (id: string, name: string, sortOrder: number): Leader => ({
  id,
  yearId: 'y26',
  name,
  title: '副区长',
  aliases: [`${name}区长`],
  sortOrder,
});
const section = (id: string, name: string, sortOrder: number): Section => ({ id, yearId: 'y26', name, sortOrder });
const task = (id: string, title: string, more: Partial<Task> = {}): Task => ({
  id,
  yearId: 'y26',
  code: id.slice(1),
  title,
  measures: [{ text: `${title}措施` }],
  targets: [{ text: `${title}目标`, value: 5, unit: '个' }],
  leaderIds: ['l1'],
  leadUnitId: 'u1',
  coUnitIds: ['u2'],
  responsiblePerson: '王五',
  dueDate: '2026-11-15',
  ...more,
});
const report = (taskId: string, unitId: string, month: number, percent: number) => ({ taskId, unitId, month, percent });
const rule = (id: string, points: number, cap?: number): ScoreRule => ({
  id,
  yearId: 'y26',
  name: id,
  points,
  leadUnitOnly: false,
  enabled: true,
  ...(cap === undefined ? {} : { cap }),
});

const source: YearSource = {
  year,
  units: [
    unit('u2', '东城街道', 2, {
      kind: 'town',
      rankingGroup: '镇街',
      aliases: ['东城'],
      contactPerson: '李',
      phone: '1',
    }),
    unit('u1', '区发改局', 1, { aliases: ['发改局'] }),
  ],
  leaders: [leader('l1', '张明', 1), leader('l2', '李华', 2)],
  sections: [
    section('s1', '一、扩大有效投资', 1),
    section('s2', '二、推动产业转型', 2),
    section('s3', '三、空板块', 3),
  ],
  tasks: [
    task('t1', '已完成的任务', { sectionId: 's1' }),
    task('t2', '进度过半的任务', { sectionId: 's2', leaderIds: ['l1', 'l2'] }),
    task('t3', '没有报送的任务'),
    task('t4', '跨年任务', { dueDate: '2027-06-30', sectionId: 's2' }),
  ],
  reports: [
    report('t1', 'u1', 9, 100),
    report('t2', 'u1', 10, 60),
    report('t2', 'u1', 9, 100), // an earlier month says 100: the latest month decides
    report('t3', 'u2', 10, 100), // a co-unit's report does not finish a task
    report('t4', 'u1', 10, 80),
  ],
  scoreRules: [rule('late_report', -2), rule('behind', -3, 6)],
};

function counter(): () => string {
  let n = 0;
  return () => `n${++n}`;
}

describe('what is unfinished', () => {
  it('is every task whose lead unit last reported less than 100, or nothing', () => {
    expect(unfinishedTasks(source.tasks, source.reports).map((u) => [u.task.id, u.final.percent])).toEqual([
      ['t2', 60],
      ['t3', null],
      ['t4', 80],
    ]);
  });
});

describe('the new year settings', () => {
  it.each([
    ['2026年度重点工作', '2027年度重点工作'],
    ['区政府2026年重点工作（2026版）', '区政府2027年重点工作（2027版）'],
    ['重点工作', '2027年度重点工作'],
    ['', '2027年度重点工作'],
  ])('title %s → %s', (from, to) => {
    expect(nextYearTitle(from, 2026, 2027)).toBe(to);
  });

  it('copies the calendar rules; keeps only the extra dates of the new year', () => {
    expect(nextYearSettings(year)).toEqual({
      year: 2027,
      title: '2027年度重点工作',
      windowStartMonth: 3,
      windowEndMonth: 10,
      planDue: '03-15',
      reportDueDay: 20,
      feedbackDueDay: 28,
      completionDue: '11-15',
      extraHolidays: ['2027-01-02'],
      extraWorkdays: ['2027-02-20'],
    });
  });

  it.each([
    ['2026-11-15', '2027-11-15'],
    ['2026-06-30', '2027-11-15'],
    ['2027-06-30', '2027-06-30'],
    ['2028-03-31', '2028-03-31'],
  ])('a task due %s is due %s after carrying over', (due, expected) => {
    expect(carriedDueDate(due, { year: 2027, completionDue: '11-15' })).toBe(expected);
  });
});

describe('planNextYear', () => {
  it('copies units with aliases and groups, leaders and the rule table onto new ids of the new year', () => {
    const plan = planNextYear(source, { carryOver: false, newId: counter(), now: '2026-12-01T00:00:00Z' });
    expect(plan.year).toMatchObject({ id: 'n1', year: 2027, createdAt: '2026-12-01T00:00:00Z' });
    expect(plan.units).toEqual([
      {
        id: 'n2',
        yearId: 'n1',
        name: '区发改局',
        kind: 'department',
        rankingGroup: '区级部门',
        aliases: ['发改局'],
        contactPerson: '',
        phone: '',
        sortOrder: 1,
      },
      {
        id: 'n3',
        yearId: 'n1',
        name: '东城街道',
        kind: 'town',
        rankingGroup: '镇街',
        aliases: ['东城'],
        contactPerson: '李',
        phone: '1',
        sortOrder: 2,
      },
    ]);
    expect(plan.leaders.map((l) => [l.id, l.yearId, l.name, l.aliases])).toEqual([
      ['n4', 'n1', '张明', ['张明区长']],
      ['n5', 'n1', '李华', ['李华区长']],
    ]);
    expect(plan.scoreRules).toEqual([
      { id: 'late_report', yearId: 'n1', name: 'late_report', points: -2, leadUnitOnly: false, enabled: true },
      { id: 'behind', yearId: 'n1', name: 'behind', points: -3, cap: 6, leadUnitOnly: false, enabled: true },
    ]);
    expect(plan.tasks).toEqual([]);
    expect(plan.sections).toEqual([]);
  });

  it('does not share arrays with the old year', () => {
    const plan = planNextYear(source, { carryOver: true, newId: counter(), now: '' });
    expect(plan.units[0]!.aliases).not.toBe(source.units[1]!.aliases);
    expect(plan.tasks[0]!.measures[0]).not.toBe(source.tasks[1]!.measures[0]);
  });

  it('carries the unfinished tasks over, marked, with units, leaders and sections mapped', () => {
    const plan = planNextYear(source, { carryOver: true, newId: counter(), now: '' });
    const unitId = new Map(plan.units.map((u) => [u.name, u.id]));
    const leaderId = new Map(plan.leaders.map((l) => [l.name, l.id]));
    // Only the sections of carried tasks come along.
    expect(plan.sections.map((s) => [s.name, s.yearId, s.sortOrder])).toEqual([['二、推动产业转型', 'n1', 2]]);
    expect(plan.tasks.map((t) => [t.title, t.carriedOverFrom, t.dueDate])).toEqual([
      ['进度过半的任务', 't2', '2027-11-15'],
      ['没有报送的任务', 't3', '2027-11-15'],
      ['跨年任务', 't4', '2027-06-30'],
    ]);
    const [first] = plan.tasks;
    expect(first).toMatchObject({
      yearId: 'n1',
      code: '2',
      sectionId: plan.sections[0]!.id,
      leadUnitId: unitId.get('区发改局'),
      coUnitIds: [unitId.get('东城街道')],
      leaderIds: [leaderId.get('张明'), leaderId.get('李华')],
      measures: [{ text: '进度过半的任务措施' }],
      targets: [{ text: '进度过半的任务目标', value: 5, unit: '个' }],
      responsiblePerson: '王五',
    });
    expect(plan.tasks[1]!.sectionId).toBeUndefined();
    expect(
      new Set([
        plan.year.id,
        ...plan.units.map((u) => u.id),
        ...plan.leaders.map((l) => l.id),
        ...plan.sections.map((s) => s.id),
        ...plan.tasks.map((t) => t.id),
      ]).size,
    ).toBe(1 + plan.units.length + plan.leaders.length + plan.sections.length + plan.tasks.length);
  });

  it('carries only the chosen unfinished tasks; a finished one is never carried', () => {
    const plan = planNextYear(source, { carryOver: true, taskIds: ['t4', 't1'], newId: counter(), now: '' });
    expect(plan.tasks.map((t) => t.carriedOverFrom)).toEqual(['t4']);
    expect(planNextYear(source, { carryOver: true, taskIds: [], newId: counter(), now: '' }).tasks).toEqual([]);
  });

  it('drops references to records the old year no longer has', () => {
    const plan = planNextYear(
      {
        ...source,
        tasks: [
          task('t9', '孤儿任务', {
            leadUnitId: 'gone',
            coUnitIds: ['gone', 'u2'],
            leaderIds: ['gone'],
            sectionId: 'gone',
          }),
        ],
        reports: [],
      },
      { carryOver: true, newId: counter(), now: '' },
    );
    expect(plan.tasks[0]).not.toHaveProperty('leadUnitId');
    expect(plan.tasks[0]).not.toHaveProperty('sectionId');
    expect(plan.tasks[0]!.coUnitIds).toHaveLength(1);
    expect(plan.tasks[0]!.leaderIds).toEqual([]);
  });
});
