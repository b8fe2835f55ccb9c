import { describe, expect, it } from 'vitest';
import type { Interview, ProgressReport, Section, Task, Unit } from './model';
import type { CompositeParts } from './evaluation';
import type { RankedUnit } from './ranking';
import { generateSample } from './sample';
import {
  cellText,
  summaryText,
  yearReport,
  yearReportNote,
  yearReportParts,
  yearReportTitle,
  type StandingInput,
  type YearReportInput,
} from './yearReport';

// A small year, window March–June 2026, every number below worked out by hand.
//   t1 A  U1 due 06-30  25 50 75 100        done in June = due month  → 按期完成
//   t2 A  U1 due 04-30  50 80 100 (May)      done in May > April        → 逾期完成; April 80 vs 100 behind → 滞后起始 4月
//   t3 B  U2 due 06-30  25 40 — 60           March on track (25 = 25), April 40 vs 50 behind, May none, June 60 vs 100 → 4月（滞后）
//   t4 B  U2 due 06-30  only the co-unit U1 reported: no lead report → 未报送 from March
//   t5 –  U1 due 06-30  plan 20 40 60 100; 20 40 60 96: on schedule in June (96 ≥ 100 − 5) yet not done → 6月（到期未完成）
//   t6 B  –  due 05-31  no lead unit                                     → 未定牵头单位, 未报送
const workWindow = { year: 2026, windowStartMonth: 3, windowEndMonth: 6 };
const sections: Section[] = [
  { id: 'sB', yearId: 'y', name: '民生保障', sortOrder: 2 },
  { id: 'sA', yearId: 'y', name: '项目建设', sortOrder: 1 },
];
const unit = (id: string, name: string, sortOrder: number, kind: Unit['kind'] = 'department'): Unit => ({
  id,
  yearId: 'y',
  name,
  kind,
  rankingGroup: kind === 'town' ? '镇街' : '区级部门',
  aliases: [],
  contactPerson: '',
  phone: '',
  sortOrder,
});
const units: Unit[] = [unit('U2', '东城街道', 2, 'town'), unit('U1', '区发改局', 1), unit('U3', '区统计局', 3)];
const task = (
  id: string,
  sectionId: string | undefined,
  leadUnitId: string | undefined,
  dueDate: string,
  coUnitIds: string[] = [],
): Task => {
  const t: Task = {
    id,
    yearId: 'y',
    code: id.slice(1),
    title: `任务${id.slice(1)}`,
    measures: [],
    targets: [],
    leaderIds: [],
    coUnitIds,
    responsiblePerson: '',
    dueDate,
  };
  if (sectionId) t.sectionId = sectionId;
  if (leadUnitId) t.leadUnitId = leadUnitId;
  return t;
};
const tasks: Task[] = [
  task('t1', 'sA', 'U1', '2026-06-30'),
  task('t2', 'sA', 'U1', '2026-04-30'),
  task('t3', 'sB', 'U2', '2026-06-30'),
  task('t4', 'sB', 'U2', '2026-06-30', ['U1']),
  task('t5', undefined, 'U1', '2026-06-30'),
  task('t6', 'sB', undefined, '2026-05-31', ['U2']),
];
type R = Pick<ProgressReport, 'taskId' | 'unitId' | 'month' | 'percent'>;
const series = (taskId: string, unitId: string, percents: (number | null)[]): R[] =>
  percents.flatMap((percent, i) => (percent === null ? [] : [{ taskId, unitId, month: 3 + i, percent }]));
const reports: R[] = [
  ...series('t1', 'U1', [25, 50, 75, 100]),
  ...series('t2', 'U1', [50, 80, 100]),
  ...series('t3', 'U2', [25, 40, null, 60]),
  ...series('t4', 'U1', [30, 60, 90, 100]),
  ...series('t5', 'U1', [20, 40, 60, 96]),
  ...series('t6', 'U2', [50, 100]),
];
const milestones = [20, 40, 60, 100].map((plannedPercent, i) => ({ taskId: 't5', month: 3 + i, plannedPercent }));
const interview = (id: string, month: number, date: string): Interview => ({
  id,
  yearId: 'y',
  month,
  unitId: 'U2',
  date,
  attendees: '督查室',
  reason: `${month - 1}月、${month}月连续上黑榜`,
  outcome: '表态整改',
  followUp: '下月跟踪',
  suggested: true,
});
const interviews = [interview('i2', 6, '2026-06-20'), interview('i3', 5, ''), interview('i1', 5, '2026-05-28')];
const input = (today: string, extra: Partial<YearReportInput> = {}): YearReportInput => ({
  workWindow,
  today,
  tasks,
  sections,
  units,
  milestones,
  reports,
  interviews,
  ...extra,
});

describe('yearReport, a finished year', () => {
  const report = yearReport(input('2026-12-05'));

  it('judges each task: done on time, done late, overdue; the month it was done', () => {
    expect(report.complete).toBe(true);
    expect(report.lastMonth).toBe(6);
    expect(report.tasks.map((t) => [t.task.id, t.outcome, t.final.percent, t.doneMonth, t.dueMonth])).toEqual([
      ['t1', 'on_time', 100, 6, 6],
      ['t2', 'late', 100, 5, 4],
      ['t3', 'overdue', 60, undefined, 6],
      ['t4', 'overdue', null, undefined, 6],
      ['t5', 'overdue', 96, undefined, 6],
      ['t6', 'overdue', null, undefined, 5],
    ]);
  });

  it('finds since when each late task was behind', () => {
    expect(report.notDoneByDue.map((t) => [t.task.id, t.fellBehind])).toEqual([
      ['t2', { month: 4, reason: 'behind' }],
      ['t3', { month: 4, reason: 'behind' }],
      ['t4', { month: 3, reason: 'no_report' }],
      ['t5', { month: 6, reason: 'missed_due' }],
      ['t6', { month: 3, reason: 'no_report' }],
    ]);
    expect(report.tasks.find((t) => t.task.id === 't1')!.fellBehind).toBeUndefined();
  });

  it('counts by section (in their order, the tasks without one last) and in total', () => {
    const row = (c: {
      name: string;
      tasks: number;
      done: number;
      onTime: number;
      late: number;
      unfinished: number;
      overdue: number;
      rate: number | null;
    }) => [c.name, c.tasks, c.done, c.onTime, c.late, c.unfinished, c.overdue, c.rate];
    expect(report.bySection.map(row)).toEqual([
      ['项目建设', 2, 2, 1, 1, 0, 0, 100],
      ['民生保障', 3, 0, 0, 0, 3, 3, 0],
      ['未分板块', 1, 0, 0, 0, 1, 1, 0],
    ]);
    expect(row({ name: '合计', ...report.total })).toEqual(['合计', 6, 2, 1, 1, 4, 4, 33.3]);
  });

  it('counts by lead unit, every unit in order, and the tasks without a lead unit', () => {
    expect(report.byUnit.map((u) => [u.name, u.tasks, u.done, u.unfinished, u.rate])).toEqual([
      ['区发改局', 3, 2, 1, 66.7],
      ['东城街道', 2, 0, 2, 0],
      ['区统计局', 0, 0, 0, null],
      ['未定牵头单位', 1, 0, 1, 0],
    ]);
  });

  it('lists the interviews by date, undated ones last', () => {
    expect(report.interviews.map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
  });

  it('says that the year is over', () => {
    expect(yearReportTitle(report)).toBe('2026年度重点工作完成情况报告');
    expect(yearReportNote(report)).toBe('2026年度已结束，本报告按各项重点工作牵头单位最后一次报送的进展统计。');
    expect(summaryText(report)).toBe(
      '全年纳入督查的重点工作共6项，已完成2项（按期完成1项、逾期完成1项），未完成4项，完成率33.3%。',
    );
  });
});

describe('yearReport, a year still running', () => {
  // 10 May: the months begun are March to May; June's reports do not count, nothing due in June is late yet.
  const report = yearReport(input('2026-05-10'));

  it('is a report as at today, over the months so far', () => {
    expect(report.complete).toBe(false);
    expect(report.lastMonth).toBe(5);
    expect(report.tasks.map((t) => [t.task.id, t.outcome, t.final.percent])).toEqual([
      ['t1', 'open', 75],
      ['t2', 'late', 100],
      ['t3', 'open', 40],
      ['t4', 'open', null],
      ['t5', 'open', 60],
      ['t6', 'open', null],
    ]);
    expect(report.total).toEqual({ tasks: 6, done: 1, onTime: 0, late: 1, unfinished: 5, overdue: 0, rate: 16.7 });
    expect(yearReportTitle(report)).toBe('2026年度重点工作完成情况报告（截至5月10日）');
    expect(yearReportNote(report)).toBe(
      '2026年度尚未结束，本报告为截至2026年5月10日的情况（数据截至5月进展），未到完成时限的任务计为“未到期”，年度结束后数据以最终报送为准。',
    );
    expect(summaryText(report)).toBe(
      '截至2026年5月10日，纳入督查的重点工作共6项，已完成1项（按期完成0项、逾期完成1项），未完成5项（其中逾期0项、未到期5项），完成率16.7%。',
    );
  });

  it('counts a task overdue the day after its due date', () => {
    const june = yearReport(input('2026-06-01'));
    expect(june.tasks.find((t) => t.task.id === 't6')!.outcome).toBe('overdue');
    // June's reports count from 1 June: t1 is done in its due month, t3 not yet due.
    expect(june.tasks.find((t) => t.task.id === 't1')!.outcome).toBe('on_time');
    expect(june.tasks.find((t) => t.task.id === 't3')!.outcome).toBe('open');
  });
});

describe('yearReport, done then reopened', () => {
  it('takes the first month of the final run at 100 %', () => {
    const report = yearReport(
      input('2026-12-05', {
        tasks: [task('t1', 'sA', 'U1', '2026-04-30')],
        reports: series('t1', 'U1', [100, 90, 100, 100]),
      }),
    );
    expect(report.tasks[0]).toMatchObject({ outcome: 'late', doneMonth: 5 });
  });
});

describe('yearReportParts', () => {
  const ranked: RankedUnit[] = [
    { unitId: 'U1', group: '区级部门', rank: 1, score: 96.4 },
    { unitId: 'U3', group: '区级部门', rank: 2, score: 90 },
    { unitId: 'U2', group: '镇街', rank: 1, score: 88.5 },
  ];
  const parts = new Map<string, CompositeParts>([
    ['U1', { unitId: 'U1', process: 98, evaluation: 90, score: 96.4 }],
    ['U3', { unitId: 'U3', process: 90, score: 90 }],
    ['U2', { unitId: 'U2', process: 87, evaluation: 94.5, score: 88.5 }],
  ]);
  const standing: StandingInput = {
    months: [3, 4, 5, 6],
    ranked,
    parts,
    shares: { process: 0.8, evaluation: 0.2 },
    lists: {
      red: [{ unitId: 'U1', group: '区级部门', rank: 1, score: 96.4, reason: '无扣分事项' }],
      black: [{ unitId: 'U2', group: '镇街', rank: 1, score: 88.5, reason: '进度滞后' }],
    },
  };
  const report = yearReport(input('2026-12-05', { standing }));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const all = yearReportParts(report, (id) => names.get(id) ?? '');
  const part = (key: string) => all.find((p) => p.key === key)!;

  it('numbers the six parts', () => {
    expect(all.map((p) => p.heading)).toEqual([
      '一、各工作板块完成情况',
      '二、各牵头单位完成情况',
      '三、未按期完成的任务',
      '四、年度赛马排名',
      '五、年度红黑榜',
      '六、约谈情况',
    ]);
  });

  it('writes the sections with a total row, percents as printed', () => {
    const p = part('sections');
    expect(p.rows.at(-1)).toEqual({ name: '合计', tasks: 6, done: 2, onTime: 1, late: 1, unfinished: 4, rate: 33.3 });
    const rate = p.columns.find((c) => c.key === 'rate')!;
    expect(cellText(33.3, rate)).toBe('33.3%');
    expect(cellText(null, rate)).toBe('—');
  });

  it('gives each lead unit its composite and its rank within its group', () => {
    expect(part('units').rows.map((r) => [r['name'], r['group'], r['score'], r['rank']])).toEqual([
      ['区发改局', '区级部门', 96.4, 1],
      ['东城街道', '镇街', 88.5, 1],
      ['区统计局', '区级部门', 90, 2],
      ['未定牵头单位', '', null, null],
    ]);
  });

  it('lists the tasks not done by their due date with the month they fell behind', () => {
    expect(
      part('late').rows.map((r) => [r['title'], r['lead'], r['due'], r['final'], r['outcome'], r['behind']]),
    ).toEqual([
      ['任务2', '区发改局', '2026年4月30日', '100%（5月）', '逾期完成（5月）', '4月（滞后）'],
      ['任务3', '东城街道', '2026年6月30日', '60%（6月）', '逾期未完成', '4月（滞后）'],
      ['任务4', '东城街道', '2026年6月30日', '未报送', '逾期未完成', '3月（未报送）'],
      ['任务5', '区发改局', '2026年6月30日', '96%（6月）', '逾期未完成', '6月（到期未完成）'],
      ['任务6', '', '2026年5月31日', '未报送', '逾期未完成', '3月（未报送）'],
    ]);
    expect(part('late').intro[0]).toBe('未在完成时限内完成的重点工作共5项（逾期完成1项、逾期未完成4项）。');
  });

  it('shows the ranking and the lists with the evaluation parts and the formula', () => {
    expect(part('ranking').intro[0]).toBe(
      '年度综合得分 = 过程得分（3—6月月均得分）× 80% + 第三方评估得分 × 20%；“无评估”的单位按过程得分计。',
    );
    expect(part('ranking').rows).toEqual([
      { group: '区级部门', rank: 1, unit: '区发改局', process: 98, evaluation: 90, score: 96.4 },
      { group: '区级部门', rank: 2, unit: '区统计局', process: 90, evaluation: '无评估', score: 90 },
      { group: '镇街', rank: 1, unit: '东城街道', process: 87, evaluation: 94.5, score: 88.5 },
    ]);
    expect(
      part('lists').rows.map((r) => [
        r['group'],
        r['list'],
        r['unit'],
        r['process'],
        r['evaluation'],
        r['score'],
        r['reason'],
      ]),
    ).toEqual([
      ['区级部门', '红榜', '区发改局', 98, 90, 96.4, '无扣分事项'],
      ['镇街', '黑榜', '东城街道', 87, 94.5, 88.5, '进度滞后'],
    ]);
  });

  it('writes the interviews, an undated one by its month', () => {
    const p = part('interviews');
    expect(p.intro[0]).toBe('全年共约谈3次。');
    expect(p.rows.map((r) => [r['date'], r['unit'], r['reason']])).toEqual([
      ['2026年5月28日', '东城街道', '4月、5月连续上黑榜'],
      ['2026年6月20日', '东城街道', '5月、6月连续上黑榜'],
      ['5月', '东城街道', '4月、5月连续上黑榜'],
    ]);
  });

  it('says what is missing without a standing or interviews', () => {
    const bare = yearReportParts(yearReport(input('2026-12-05', { interviews: [] })), () => '');
    expect(bare.find((p) => p.key === 'ranking')!.rows).toEqual([]);
    expect(bare.find((p) => p.key === 'interviews')!.intro[0]).toBe('本年度未进行约谈。');
  });
});

describe('yearReport of the 2025 sample year (core/sample.ts), as the e2e test reads it', () => {
  // By hand from the sample's story (core/sample.ts TASKS): 20 tasks, all reaching 100 % by their
  // due month except 临空经济示范区建设 (96 % in November, on schedule within the tolerance),
  // 产业基金组建运营 (80 % in September, no sheet in October) and 重点道路建设 (behind from July, 92 %).
  const data = generateSample({ idPrefix: 'p' });
  const report = yearReport({
    workWindow: data.year,
    today: '2026-03-02',
    tasks: data.tasks,
    sections: data.sections,
    units: data.units,
    milestones: data.milestones,
    reports: data.reports,
    interviews: data.interviews,
  });

  it('counts 17 of 20 done, all on time, by section and by lead unit', () => {
    expect(report.complete).toBe(true);
    expect(report.total).toEqual({ tasks: 20, done: 17, onTime: 17, late: 0, unfinished: 3, overdue: 3, rate: 85 });
    expect(report.bySection.map((s) => [s.name, s.tasks, s.done, s.unfinished, s.rate])).toEqual([
      ['项目建设', 2, 2, 0, 100],
      ['产业发展', 4, 2, 2, 50],
      ['城市建设与更新', 6, 5, 1, 83.3],
      ['民生保障', 4, 4, 0, 100],
      ['营商环境', 4, 4, 0, 100],
    ]);
    const unfinished = report.byUnit.filter((u) => u.unfinished > 0).map((u) => [u.name, u.tasks, u.done, u.rate]);
    expect(unfinished).toEqual([
      ['区城市建设投资集团有限公司', 2, 1, 50],
      ['区产业投资集团有限公司', 1, 0, 0],
      ['临空经济示范区管委会', 1, 0, 0],
    ]);
  });

  it('lists the three unfinished tasks with the month each fell behind', () => {
    expect(report.notDoneByDue.map((t) => [t.task.title, t.final.percent, t.final.month, t.fellBehind])).toEqual([
      ['临空经济示范区建设', 96, 11, { month: 11, reason: 'missed_due' }],
      ['产业基金组建运营', 80, 9, { month: 10, reason: 'no_report' }],
      ['重点道路建设', 92, 11, { month: 7, reason: 'behind' }],
    ]);
  });
});
