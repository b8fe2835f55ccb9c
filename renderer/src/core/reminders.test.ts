import { describe, expect, it } from 'vitest';
import { defaultCalendarSettings, dueDate } from './calendar';
import { reminderList, reminderMessage, responsibleUnits, type ReminderTask, type ReminderUnit } from './reminders';

const unit = (id: string, name: string, sortOrder: number): ReminderUnit => ({
  id,
  name,
  contactPerson: `${name}联系人`,
  phone: `0575-${sortOrder}`,
  sortOrder,
});
const units = [
  unit('fgj', '区发展和改革局', 2),
  unit('swj', '区商务局', 1),
  unit('dc', '东城街道', 3),
  unit('xc', '西城街道', 4),
];

const task = (id: string, title: string, lead: string | undefined, co: string[], due = '2026-11-30'): ReminderTask => ({
  id,
  title,
  leadUnitId: lead,
  coUnitIds: co,
  dueDate: due,
});
const tasks = [
  task('t1', '重大项目攻坚年行动', 'fgj', ['swj']),
  task('t2', '轻纺市场转型升级', 'swj', ['dc', 'xc']),
  task('t3', '蓝天办高效运作', 'xc', [], '2026-04-30'), // done before May: out
  task('t4', '印染产业提质增效', 'dc', ['dc'], '2026-05-31'), // due in May: in; dc listed twice
];

// May 2026: the 25th is a Monday, not shifted. 2026-10-25 is a Sunday: due Monday 10-26.
const may = dueDate(defaultCalendarSettings(2026), 'report', 5);
const october = dueDate(defaultCalendarSettings(2026), 'report', 10);

describe('responsibleUnits', () => {
  it('lists lead and co-units of the tasks still running in the month', () => {
    const owing = responsibleUnits(tasks, 2026, 5);
    expect([...owing.keys()]).toEqual(['fgj', 'swj', 'dc', 'xc']);
    expect(owing.get('swj')).toEqual([
      { taskId: 't1', title: '重大项目攻坚年行动', role: 'co' },
      { taskId: 't2', title: '轻纺市场转型升级', role: 'lead' },
    ]);
    expect(owing.get('dc')).toEqual([
      { taskId: 't2', title: '轻纺市场转型升级', role: 'co' },
      { taskId: 't4', title: '印染产业提质增效', role: 'lead' },
    ]);
    expect(owing.get('xc')).toEqual([{ taskId: 't2', title: '轻纺市场转型升级', role: 'co' }]);
  });

  it('leaves out tasks due before the month', () => {
    expect([...(responsibleUnits(tasks, 2026, 6).get('dc') ?? [])].map((t) => t.taskId)).toEqual(['t2']);
    expect(responsibleUnits([task('t3', 'x', 'xc', [], '2026-04-30')], 2026, 5).size).toBe(0);
  });
});

describe('reminderList', () => {
  const input = { month: 5, due: may, units, tasks, submittedUnitIds: new Set(['fgj']) };

  it('is empty before the due date', () => {
    expect(reminderList({ ...input, today: '2026-05-24' })).toEqual([]);
  });

  it('from the due date on: the units without a sheet, by sortOrder, with contact and tasks', () => {
    const rows = reminderList({ ...input, today: '2026-05-25' });
    expect(rows.map((r) => [r.unitName, r.daysOverdue])).toEqual([
      ['区商务局', 0],
      ['东城街道', 0],
      ['西城街道', 0],
    ]);
    expect(rows[0]).toEqual({
      unitId: 'swj',
      unitName: '区商务局',
      contactPerson: '区商务局联系人',
      phone: '0575-1',
      tasks: [
        { taskId: 't1', title: '重大项目攻坚年行动', role: 'co' },
        { taskId: 't2', title: '轻纺市场转型升级', role: 'lead' },
      ],
      daysOverdue: 0,
    });
    expect(reminderList({ ...input, today: '2026-05-28' }).map((r) => r.daysOverdue)).toEqual([3, 3, 3]);
  });

  it('counts from the shifted due date', () => {
    const oct = { ...input, month: 10, due: october, submittedUnitIds: new Set<string>() };
    expect(october.due).toBe('2026-10-26');
    expect(reminderList({ ...oct, today: '2026-10-25' })).toEqual([]);
    expect(reminderList({ ...oct, today: '2026-10-26' }).map((r) => r.unitId)).toEqual(['swj', 'fgj', 'dc', 'xc']);
  });

  it('is empty when every unit has sent its sheet', () => {
    expect(
      reminderList({ ...input, today: '2026-06-01', submittedUnitIds: new Set(['fgj', 'swj', 'dc', 'xc']) }),
    ).toEqual([]);
  });

  it('orders units of equal sortOrder by name and ignores units it does not know', () => {
    const same = [unit('b', '区统计局', 1), unit('a', '区财政局', 1)];
    const rows = reminderList({
      ...input,
      units: same,
      tasks: [task('t', '甲', 'a', ['b', 'ghost'])],
      submittedUnitIds: new Set<string>(),
      today: '2026-05-26',
    });
    expect(rows.map((r) => r.unitName)).toEqual(['区财政局', '区统计局']);
  });
});

describe('reminderMessage', () => {
  const input = { units, tasks, submittedUnitIds: new Set(['fgj']) };

  it('names the unit, its contact, the tasks owed, the shifted due date and the days past it', () => {
    const [row] = reminderList({ ...input, month: 10, due: october, today: '2026-10-29' });
    expect(row?.unitName).toBe('区商务局');
    expect(reminderMessage(row!, 10, october)).toBe(
      [
        '【催报】区商务局（联系人：区商务局联系人）：',
        '贵单位2026年10月重点工作进展情况表尚未报送，截止日期为2026年10月26日，已逾期3天。',
        '未报事项：',
        '1. 重大项目攻坚年行动（配合）',
        '2. 轻纺市场转型升级（牵头）',
        '请尽快填报并报送区政府督查室。',
      ].join('\n'),
    );
  });

  it('on the due date itself says it is due today, and leaves out a contact nobody gave', () => {
    const [row] = reminderList({ ...input, month: 5, due: may, today: '2026-05-25' });
    const message = reminderMessage({ ...row!, contactPerson: '' }, 5, may);
    expect(message.split('\n').slice(0, 2)).toEqual([
      '【催报】区商务局：',
      '贵单位2026年5月重点工作进展情况表尚未报送，截止日期为2026年5月25日，今天截止。',
    ]);
  });
});
