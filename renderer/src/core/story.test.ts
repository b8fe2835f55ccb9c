import { describe, expect, it } from 'vitest';
import type { ProgressReport, ScoreRule, Submission, Task, Unit, WorkYear } from './model';
import { defaultProgressRules } from './progress';
import { defaultListSettings } from './ranking';
import { generateSample } from './sample';
import { scoreboard, type FrozenScoring, type YearFacts } from './scoreboard';
import { effectiveScoreRules, undecidedProposals } from './scoring';
import { taskStory, unitStandings, unitStory, type TaskStoryFacts } from './story';

// The 2025 sample (core/sample.ts), as the app loads it: months 3–10 published, November open.
const data = generateSample({ idPrefix: 's' });
const rules = effectiveScoreRules(data.year.id, data.scoreRules);
const samplePublished = new Map<number, FrozenScoring | undefined>(
  data.monthStates.filter((s) => s.state === 'published').map((s) => [s.month, undefined]),
);
const AFTER_THE_YEAR = '2026-03-02';
const unitNamed = (name: string) => data.units.find((u) => u.name === name)!;
const taskTitled = (title: string) => data.tasks.find((t) => t.title === title)!;

interface Variant {
  reports?: ProgressReport[];
  submissions?: Submission[];
  rules?: ScoreRule[];
  published?: ReadonlyMap<number, FrozenScoring | undefined>;
  today?: string;
}

function yearFacts(v: Variant = {}): YearFacts {
  return {
    year: data.year,
    units: data.units,
    tasks: data.tasks,
    milestones: data.milestones,
    reports: v.reports ?? data.reports,
    submissions: v.submissions ?? data.submissions,
    feedback: data.feedback,
    rules: v.rules ?? rules,
    entries: data.scoreEntries,
    published: v.published ?? samplePublished,
    progressRules: defaultProgressRules,
    listSettings: defaultListSettings,
    today: v.today ?? AFTER_THE_YEAR,
  };
}

/** What the task page reads, by index: the task's rows, and its units' reports, sheets and entries. */
function storyFacts(task: Task, v: Variant = {}): TaskStoryFacts {
  const all = v.reports ?? data.reports;
  const reports = all.filter((r) => r.taskId === task.id);
  const unitIds = new Set([task.leadUnitId, ...task.coUnitIds, ...reports.map((r) => r.unitId)]);
  return {
    year: data.year,
    task,
    units: data.units,
    milestones: data.milestones.filter((m) => m.taskId === task.id),
    reports,
    unitReports: all.filter((r) => unitIds.has(r.unitId)),
    submissions: (v.submissions ?? data.submissions).filter((s) => unitIds.has(s.unitId)),
    feedback: data.feedback.filter((f) => f.taskId === task.id),
    entries: data.scoreEntries.filter((e) => unitIds.has(e.unitId)),
    rules: v.rules ?? rules,
    published: v.published ?? samplePublished,
    progressRules: defaultProgressRules,
    today: v.today ?? AFTER_THE_YEAR,
  };
}

/** Every task's 加扣分 month by month equal the 加扣分 screen's entries of that task (the year's scoreboard). */
function expectSameEntriesAsTheBoard(v: Variant = {}) {
  const board = scoreboard(yearFacts(v));
  let compared = 0;
  for (const task of data.tasks) {
    const story = taskStory(storyFacts(task, v));
    for (const month of story.months) {
      const onBoard = board.month(month.month).entries.filter((e) => e.evidence?.taskId === task.id);
      expect(month.entries, `${task.title} ${month.month}月`).toEqual(onBoard);
      compared += onBoard.length;
    }
  }
  return compared;
}

describe('taskStory: the 加扣分 of a task are the 加扣分 screen’s, from the task’s rows alone', () => {
  it('as the sample stands: published months’ decisions, November’s proposals still undecided', () => {
    expect(expectSameEntriesAsTheBoard()).toBeGreaterThan(20);
  });

  it('with every month open: the proposals of now, matched with the stored decisions', () => {
    expect(expectSameEntriesAsTheBoard({ published: new Map() })).toBeGreaterThan(20);
  });

  it('with a month published while proposals were undecided: the frozen ones', () => {
    const open = scoreboard(yearFacts({ published: new Map() }));
    const november = open.month(11);
    const frozen: FrozenScoring = {
      proposals: undecidedProposals(november.entries),
      shortfalls: Object.fromEntries(november.shortfalls),
    };
    expect(frozen.proposals.length).toBeGreaterThan(0);
    // The rule table changes after publishing: November keeps what it was published with.
    const changed = rules.map((r) => (r.id === 'behind' ? { ...r, points: -4 } : r));
    const published = new Map([...samplePublished, [11, frozen]]);
    expectSameEntriesAsTheBoard({ published, rules: changed });
    const road = taskStory(storyFacts(taskTitled('重点道路建设'), { published, rules: changed }));
    expect(road.months.at(-1)!.entries.find((e) => e.ruleId === 'behind')?.points).toBe(-2);
  });

  it('with co-units judged and late or missing sheets charged to lead units only', () => {
    const scoped = rules.map((r) =>
      r.id === 'behind' || r.id === 'behind_unexplained' ? { ...r, leadUnitOnly: false } : { ...r, leadUnitOnly: true },
    );
    expectSameEntriesAsTheBoard({ published: new Map(), rules: scoped });
  });

  it('when a unit without a sheet has reports on other tasks, and when a decided report is gone', () => {
    const ct = unitNamed('区城市建设投资集团有限公司').id;
    const road = taskTitled('重点道路建设').id;
    const v: Variant = {
      published: new Map(),
      submissions: data.submissions.filter((s) => s.unitId !== ct),
      reports: data.reports.filter((r) => !(r.taskId === road && r.month === 9)),
    };
    expectSameEntriesAsTheBoard(v);
    const september = taskStory(storyFacts(taskTitled('重点道路建设'), v)).months.find((m) => m.month === 9)!;
    // The September decisions stand, marked for review; no sheet is missing (城投 reported other tasks).
    expect(september.entries.length).toBeGreaterThan(0);
    expect(september.entries.every((e) => e.basisChanged)).toBe(true);
    expect(september.entries.some((e) => e.ruleId === 'missing')).toBe(false);
  });

  it('in the middle of the year: months so far only, nothing missing before the due date', () => {
    expectSameEntriesAsTheBoard({ published: new Map(), today: '2025-07-20' });
    const story = taskStory(storyFacts(taskTitled('重点道路建设'), { published: new Map(), today: '2025-07-20' }));
    expect(story.months.map((m) => m.month)).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('taskStory of 重点道路建设 (城投 leads, 住建局 assists): behind from July, as the office read it', () => {
  const story = taskStory(storyFacts(taskTitled('重点道路建设')));
  const ct = unitNamed('区城市建设投资集团有限公司').id;
  const zjj = unitNamed('区住房和城乡建设局').id;
  const month = (m: number) => story.months.find((x) => x.month === m)!;

  it('runs March to November, each month the lead unit first, then the co-unit', () => {
    expect(story.months.map((m) => m.month)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const m of story.months) {
      expect(m.lines.map((l) => [l.unitId, l.role])).toEqual([
        [ct, 'lead'],
        [zjj, 'co'],
      ]);
    }
    expect(story.months.map((m) => m.published)).toEqual([true, true, true, true, true, true, true, true, false]);
  });

  it('July: 44 % against a planned 52 %, behind (yellow); the unit wrote 序时推进; its explanation not accepted', () => {
    const july = month(7);
    expect(july).toMatchObject({ expected: 52, fromPlan: true, milestone: expect.any(String) });
    expect(july.milestone).not.toBe('');
    const lead = july.lines[0]!;
    expect(lead.assessment).toMatchObject({ percent: 44, status: 'behind', light: 'yellow' });
    expect(lead.assessment.mismatch).toEqual({ written: '序时推进', computed: 'behind' });
    expect(lead.report!.problems).toBe('沿线管线迁改涉及多家产权单位，协调时间长于预期，影响路基施工');
    expect(lead.report!.delayExplanation).toContain('已提请区领导召开专题协调会');
    expect(lead.onTime).toBe(true);
    expect(lead.feedback).toMatchObject({
      verdict: '属实',
      explanationAccepted: false,
      comment: '滞后原因说明不充分，不予采纳，按规定扣分。',
    });
    expect(july.entries.map((e) => [e.ruleId, e.points, e.state])).toEqual([['behind', -2, 'confirmed']]);
    expect(july.entries[0]!.evidence).toMatchObject({
      taskId: taskTitled('重点道路建设').id,
      file: '区城市建设投资集团有限公司-2025年7月进展.xlsx',
    });
  });

  it('August: the explanation accepted waives the two deductions; September: unexplained, three confirmed', () => {
    expect(month(8).entries.map((e) => [e.ruleId, e.state, e.decisionNote])).toEqual([
      ['behind', 'waived', '滞后原因说明已采纳'],
      ['behind_twice', 'waived', '滞后原因说明已采纳'],
    ]);
    expect(month(9).entries.map((e) => [e.ruleId, e.points, e.state])).toEqual([
      ['behind', -2, 'confirmed'],
      ['behind_unexplained', -3, 'confirmed'],
      ['behind_twice', -5, 'confirmed'],
    ]);
    expect(month(9).lines[0]!.assessment.needsExplanation).toBe(true);
  });

  it('November: open, proposals waiting for the reviewer, the lead’s report not reviewed yet', () => {
    const november = month(11);
    expect(november.published).toBe(false);
    expect(november.entries.map((e) => [e.ruleId, e.state, e.decided])).toEqual([
      ['behind', 'proposed', false],
      ['behind_twice', 'proposed', false],
    ]);
    expect(november.lines[0]!.feedback).toBeUndefined();
    expect(november.lines[1]!.feedback?.verdict).toBe('属实');
  });

  it('charts the lead’s percent against the plan, month by month', () => {
    expect(story.chart).toEqual({
      months: [3, 4, 5, 6, 7, 8, 9, 10, 11],
      expected: [8, 18, 28, 40, 52, 64, 76, 88, 100],
      reported: [8, 18, 28, 36, 44, 56, 70, 82, 92],
    });
  });
});

describe('taskStory of months without a report', () => {
  const year: WorkYear = { ...data.year, id: 'y', year: 2026, sample: undefined };
  const unit = (id: string, sortOrder: number): Unit => ({
    id,
    yearId: 'y',
    name: id,
    kind: 'department',
    rankingGroup: '区级部门',
    aliases: [],
    contactPerson: '',
    phone: '',
    sortOrder,
  });
  const task: Task = {
    id: 't',
    yearId: 'y',
    code: '1',
    title: '任务',
    measures: [],
    targets: [],
    leaderIds: [],
    leadUnitId: 'A',
    coUnitIds: ['B'],
    responsiblePerson: '',
    dueDate: '2026-06-30',
  };
  const report = (unitId: string, month: number, percent: number, receivedDate: string): ProgressReport => ({
    id: `r-${unitId}-${month}`,
    yearId: 'y',
    month,
    taskId: 't',
    unitId,
    isLeadUnit: unitId === 'A',
    percent,
    statusWord: '',
    doneThisMonth: '',
    problems: '',
    nextSteps: '',
    coordination: '',
    delayExplanation: '',
    reporter: '',
    phone: '',
    receivedDate,
  });
  const facts = (today: string, reports: ProgressReport[]): TaskStoryFacts => ({
    year,
    task,
    units: [unit('A', 1), unit('B', 2), unit('C', 3)],
    milestones: [],
    reports,
    unitReports: reports,
    submissions: [],
    feedback: [],
    entries: [],
    rules: effectiveScoreRules('y', []),
    published: new Map(),
    today,
  });

  it('reads 未报送 once the due date has passed, 尚无数据 before it; a late report is flagged', () => {
    // March 2026: due 03-25 (Wednesday). A reports late (03-27), B nothing. April: due 04-27 (25th a Saturday).
    const reports = [report('A', 3, 25, '2026-03-27'), report('C', 4, 30, '2026-04-20')];
    const story = taskStory(facts('2026-04-26', reports));
    expect(story.months.map((m) => m.month)).toEqual([3, 4]);
    const [march, april] = story.months;
    expect(march!.lines.map((l) => [l.unitId, l.absence, l.onTime, l.assessment.status])).toEqual([
      ['A', undefined, false, 'on_track'],
      ['B', 'missing', undefined, 'no_report'],
    ]);
    expect(march!.lines[1]!.assessment.light).toBe('red');
    expect(april!.reportDue).toBe('2026-04-27');
    // C is not named on the task, yet its report is kept and shown after the named units.
    expect(april!.lines.map((l) => [l.unitId, l.role, l.absence])).toEqual([
      ['A', 'lead', 'not_yet'],
      ['B', 'co', 'not_yet'],
      ['C', 'other', undefined],
    ]);
    // The missing sheet is proposed for March only: April is not due yet.
    expect(march!.entries.map((e) => [e.unitId, e.ruleId, e.state])).toEqual([['B', 'missing', 'proposed']]);
    expect(april!.entries).toEqual([]);
    // The chart runs to the due month (June, 100 %), reported where the lead unit sent a figure.
    expect(story.chart).toEqual({
      months: [3, 4, 5, 6],
      expected: [25, 50, 75, 100],
      reported: [25, null, null, null],
    });
  });

  it('shows nothing before the year’s window has begun', () => {
    expect(taskStory(facts('2026-02-10', [])).months).toEqual([]);
  });
});

describe('unitStory and unitStandings of 城投 in the sample', () => {
  const ct = unitNamed('区城市建设投资集团有限公司');
  const months = [3, 4, 5, 6, 7, 8, 9, 10, 11];
  const story = unitStory({
    year: data.year,
    unitId: ct.id,
    tasks: data.tasks,
    milestones: data.milestones,
    reports: data.reports.filter((r) => r.unitId === ct.id),
    submissions: data.submissions.filter((s) => s.unitId === ct.id),
    months,
    today: AFTER_THE_YEAR,
  });

  it('lists the tasks it leads, then those it assists, with its own report each month', () => {
    expect(story.tasks.map((t) => [t.task.title, t.role])).toEqual([
      ['重点道路建设', 'lead'],
      ['城市防洪排涝工程', 'lead'],
      ['重大项目攻坚行动', 'co'],
      ['新建改扩建中小学', 'co'],
      ['清理拖欠企业账款', 'co'],
    ]);
    const road = story.tasks[0]!;
    expect(road.cells.map((c) => c?.assessment.percent)).toEqual([8, 18, 28, 36, 44, 56, 70, 82, 92]);
    expect(road.cells.map((c) => c?.assessment.status)).toEqual([
      'on_track',
      'on_track',
      'on_track',
      'on_track',
      'behind',
      'behind',
      'behind',
      'behind',
      'behind',
    ]);
    // 防洪排涝 is due in September: no cells after it; 清理拖欠 in June.
    expect(story.tasks[1]!.cells.map((c) => c === null)).toEqual([...Array(7).fill(false), true, true]);
    expect(story.tasks[4]!.cells.filter((c) => c !== null)).toHaveLength(4);
  });

  it('says of each month’s sheet whether it came on time', () => {
    expect(story.sheets.map((s) => s.state)).toEqual(Array(9).fill('on_time'));
    const ck = unitNamed('区产业投资集团有限公司');
    const ckStory = unitStory({
      year: data.year,
      unitId: ck.id,
      tasks: data.tasks,
      milestones: data.milestones,
      reports: data.reports.filter((r) => r.unitId === ck.id),
      submissions: data.submissions.filter((s) => s.unitId === ck.id),
      months,
      today: AFTER_THE_YEAR,
    });
    expect(ckStory.sheets.map((s) => s.state)).toEqual([
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'late',
      'missing',
      'on_time',
    ]);
    const fund = ckStory.tasks.find((t) => t.task.title === '产业基金组建运营')!;
    expect(fund.cells[7]).toMatchObject({ absence: 'missing', assessment: { status: 'no_report', light: 'red' } });
  });

  it('reads its score, rank and lists off the scoreboard: black in September and October, a 约谈 suggested', () => {
    const standings = unitStandings(scoreboard(yearFacts()), ct.id, months);
    const october = standings.find((s) => s.month === 10)!;
    expect(october).toMatchObject({
      published: true,
      hasData: true,
      score: 93,
      group: '国企和平台',
      rank: 2,
      groupSize: 3,
      interviewSuggested: true,
    });
    expect(october.list?.kind).toBe('black');
    expect(october.list?.reason).toContain('连续两个月滞后');
    expect(standings.find((s) => s.month === 9)!.list?.kind).toBe('black');
    expect(standings.find((s) => s.month === 9)!.interviewSuggested).toBe(false);
    expect(standings.find((s) => s.month === 11)!.published).toBe(false);
    expect(standings.filter((s) => s.list?.kind === 'red').map((s) => s.month)).not.toContain(10);
  });
});
