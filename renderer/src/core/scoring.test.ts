import { describe, expect, it } from 'vitest';
import { defaultCalendarSettings, dueDate } from './calendar';
import type { Feedback, Milestone, ProgressReport, ScoreEntry, ScoreRule, Submission, Task, Unit } from './model';
import { assessTaskMonth, expectedPercent } from './progress';
import { responsibleUnits } from './reminders';
import {
  defaultScoreRules,
  effectiveScoreRules,
  entryKey,
  explanationWaiverNote,
  judgeReport,
  monthEntries,
  monthScores,
  monthShortfalls,
  scoreEntryId,
  shortfallText,
  undecidedProposals,
  periodScore,
  proposeEntries,
  quarterMonths,
  quarterOf,
  yearComposite,
  type MonthFacts,
  type ProposedEntry,
} from './scoring';

// ---------------------------------------------------------------------------
// Fixture: work year 2026 (window 3..11). Three units, three tasks due 11-30:
//   t1 促进民间投资增长   lead u1 (区发改局), co u2        plan: April 30 %, May 40 %
//   t2 轻纺市场转型升级   lead u2 (区商务局)               plan: April 20 %, May 30 %
//   t3 印染产业提质增效   lead u3 (东城街道), co u1        plan: April 20 %, May 30 %
// May 2026: the 25th is a Monday (due 05-25). October: the 25th is a Sunday (due 10-26).

const year = { year: 2026, windowStartMonth: 3, windowEndMonth: 11 };
const calendar = defaultCalendarSettings(2026);

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
const units = [unit('u1', '区发改局', 1), unit('u2', '区商务局', 2), unit('u3', '东城街道', 3, 'town')];

const task = (id: string, title: string, lead: string, co: string[], due = '2026-11-30'): Task => ({
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
  dueDate: due,
});
const tasks = [
  task('t1', '促进民间投资增长', 'u1', ['u2']),
  task('t2', '轻纺市场转型升级', 'u2', []),
  task('t3', '印染产业提质增效', 'u3', ['u1']),
];

const ms = (taskId: string, month: number, plannedPercent: number): Milestone => ({
  id: `${taskId}-${month}`,
  taskId,
  yearId: 'y',
  month,
  text: '',
  plannedPercent,
});
const milestones = [
  ms('t1', 4, 30),
  ms('t1', 5, 40),
  ms('t2', 4, 20),
  ms('t2', 5, 30),
  ms('t3', 4, 20),
  ms('t3', 5, 30),
];

const report = (
  taskId: string,
  unitId: string,
  percent: number,
  extra: Partial<ProgressReport> = {},
): ProgressReport => ({
  id: `r-${extra.month ?? 5}-${taskId}-${unitId}`,
  yearId: 'y',
  month: 5,
  taskId,
  unitId,
  isLeadUnit: tasks.find((t) => t.id === taskId)?.leadUnitId === unitId,
  percent,
  statusWord: '',
  doneThisMonth: '',
  problems: '',
  nextSteps: '',
  coordination: '',
  delayExplanation: '',
  reporter: '',
  phone: '',
  receivedDate: '2026-05-20',
  sourceFile: `${unitId}-5月.xlsx`,
  sourceRow: 4,
  ...extra,
});
const sheet = (unitId: string, receivedDate: string, month = 5): Submission => ({
  id: `s-${month}-${unitId}`,
  yearId: 'y',
  kind: 'progress',
  month,
  unitId,
  receivedDate,
  fileName: `${unitId}-${month}月.xlsx`,
});
const feedback = (taskId: string, unitId: string, explanationAccepted: boolean | undefined): Feedback => ({
  id: `f-${taskId}-${unitId}`,
  yearId: 'y',
  month: 5,
  taskId,
  unitId,
  comment: '',
  explanationAccepted,
  reviewer: '',
  date: '2026-05-29',
});
const rules = (patch: Record<string, Partial<ScoreRule>> = {}): ScoreRule[] =>
  defaultScoreRules.map((r) => ({ ...r, yearId: 'y', ...patch[r.id] }));

/** May, everyone on time and on track: proposes nothing. */
function may(patch: Partial<MonthFacts> = {}): MonthFacts {
  return {
    year,
    month: 5,
    units,
    tasks,
    reports: [
      report('t1', 'u1', 40),
      report('t1', 'u2', 40),
      report('t2', 'u2', 30),
      report('t3', 'u3', 30),
      report('t3', 'u1', 30),
    ],
    previousReports: [],
    milestones,
    submissions: [sheet('u1', '2026-05-20'), sheet('u2', '2026-05-25'), sheet('u3', '2026-05-22')],
    feedback: [],
    reportDue: dueDate(calendar, 'report', 5),
    today: '2026-05-29',
    rules: rules(),
    ...patch,
  };
}
const withReports = (...replace: ProgressReport[]): ProgressReport[] =>
  may().reports.map((r) => replace.find((x) => x.taskId === r.taskId && x.unitId === r.unitId) ?? r);
const brief = (entries: ProposedEntry[]): [string, number][] => entries.map((e) => [e.key, e.points]);

describe('defaultScoreRules (PRODUCT.md §5)', () => {
  it('holds the six automatic rules with their points, scope and no cap', () => {
    expect(defaultScoreRules.map((r) => [r.id, r.points, r.leadUnitOnly, r.enabled, r.cap])).toEqual([
      ['late', -2, false, true, undefined],
      ['missing', -5, false, true, undefined],
      ['behind', -2, true, true, undefined],
      ['behind_unexplained', -3, true, true, undefined],
      ['behind_twice', -5, true, true, undefined],
      ['done_early', 2, true, true, undefined],
    ]);
  });
});

describe('proposeEntries', () => {
  it('proposes nothing for a month on time and on track', () => {
    expect(proposeEntries(may())).toEqual([]);
  });

  describe('late vs on time around a shifted due date (2026-10-25 Sunday → due 10-26)', () => {
    const october = (received: string): MonthFacts =>
      may({
        month: 10,
        reports: [],
        submissions: [sheet('u1', received, 10), sheet('u2', '2026-10-20', 10), sheet('u3', '2026-10-26', 10)],
        reportDue: dueDate(calendar, 'report', 10),
        today: '2026-10-30',
        rules: rules({ missing: { enabled: false } }),
      });
    const cases: [string, string, boolean][] = [
      ['received on the nominal day (a Sunday)', '2026-10-25', false],
      ['received on the shifted due date', '2026-10-26', false],
      ['received the day after', '2026-10-27', true],
      ['received in November', '2026-11-02', true],
    ];
    it.each(cases)('%s (%s): late %s', (_name, received, late) => {
      const entries = proposeEntries(october(received));
      expect(entries.map((e) => e.key)).toEqual(late ? ['late:u1:'] : []);
    });

    it('names the dates and the file as evidence', () => {
      expect(proposeEntries(october('2026-10-27'))).toEqual([
        {
          key: 'late:u1:',
          unitId: 'u1',
          ruleId: 'late',
          points: -2,
          reason: '10月进展逾期报送（10月27日收到，截止10月26日）',
          evidence: { file: 'u1-10月.xlsx' },
        },
      ]);
    });

    it('counts the earliest sheet of a unit: a late correction of an on-time sheet is not late', () => {
      const facts = october('2026-10-26');
      expect(
        proposeEntries({
          ...facts,
          submissions: [...facts.submissions, { ...sheet('u1', '2026-10-28', 10), id: 'again' }],
        }),
      ).toEqual([]);
    });

    it('May: received 05-27 after the 25th (a Monday, not shifted)', () => {
      const entries = proposeEntries(
        may({ submissions: [sheet('u1', '2026-05-27'), sheet('u2', '2026-05-25'), sheet('u3', '2026-05-26')] }),
      );
      expect(entries.map((e) => [e.key, e.points, e.reason])).toEqual([
        ['late:u1:', -2, '5月进展逾期报送（5月27日收到，截止5月25日）'],
        ['late:u3:', -2, '5月进展逾期报送（5月26日收到，截止5月25日）'],
      ]);
    });

    it('leadUnitOnly on late: only units that lead a task of the month are charged', () => {
      const onlyCo = may({
        tasks: [task('t1', '促进民间投资增长', 'u1', ['u2'])],
        submissions: [sheet('u1', '2026-05-27'), sheet('u2', '2026-05-27')],
        reports: [report('t1', 'u1', 40), report('t1', 'u2', 40)],
      });
      expect(proposeEntries(onlyCo).map((e) => e.key)).toEqual(['late:u1:', 'late:u2:']);
      expect(proposeEntries({ ...onlyCo, rules: rules({ late: { leadUnitOnly: true } }) }).map((e) => e.key)).toEqual([
        'late:u1:',
      ]);
    });
  });

  describe('missing', () => {
    // u1 sends nothing: it owes t1 (lead) and t3 (co).
    const noU1 = (today: string, patch: Partial<MonthFacts> = {}): MonthFacts =>
      may({
        today,
        submissions: [sheet('u2', '2026-05-25'), sheet('u3', '2026-05-22')],
        reports: may().reports.filter((r) => r.unitId !== 'u1'),
        ...patch,
      });

    it('is not proposed on the due date itself (the sheet can still come in on time)', () => {
      expect(proposeEntries(noU1('2026-05-25'))).toEqual([]);
    });

    it('after the due date: one entry per task the unit owes, −5 each', () => {
      const entries = proposeEntries(noU1('2026-05-26'));
      expect(entries.map((e) => [e.key, e.points, e.reason, e.evidence])).toEqual([
        ['missing:u1:t1', -5, '5月进展未报送（“促进民间投资增长”，截止5月25日）', { taskId: 't1' }],
        ['missing:u1:t3', -5, '5月进展未报送（“印染产业提质增效”，截止5月25日）', { taskId: 't3' }],
      ]);
    });

    it('nobody sent anything: exactly the units and tasks of reminders.ts responsibleUnits', () => {
      const lateTasks = [
        ...tasks,
        task('t4', '蓝天办高效运作', 'u3', ['u3', 'u2'], '2026-05-31'),
        task('t5', '已完成任务', 'u1', [], '2026-04-30'),
      ];
      const entries = proposeEntries(may({ tasks: lateTasks, submissions: [], reports: [], today: '2026-06-01' }));
      const owing = responsibleUnits(lateTasks, 2026, 5);
      const expected = units.flatMap((u) => (owing.get(u.id) ?? []).map((t) => `missing:${u.id}:${t.taskId}`));
      expect(entries.map((e) => e.key)).toEqual(expected);
      expect(expected).toEqual([
        'missing:u1:t1',
        'missing:u1:t3',
        'missing:u2:t1',
        'missing:u2:t2',
        'missing:u2:t4',
        'missing:u3:t3',
        'missing:u3:t4',
      ]);
    });

    it('leadUnitOnly on missing: only the tasks the unit leads', () => {
      expect(
        proposeEntries(noU1('2026-05-29', { rules: rules({ missing: { leadUnitOnly: true } }) })).map((e) => e.key),
      ).toEqual(['missing:u1:t1']);
    });

    it('a unit with reports but no sheet record is not missing; tasks due before the month are not owed', () => {
      expect(proposeEntries(noU1('2026-05-29', { reports: may().reports }))).toEqual([]);
      const done = [
        task('t1', '促进民间投资增长', 'u1', ['u2'], '2026-04-30'),
        tasks[1]!,
        task('t3', '印染产业提质增效', 'u3', []),
      ];
      expect(proposeEntries(noU1('2026-05-29', { tasks: done }))).toEqual([]);
    });
  });

  describe('behind and behind_unexplained', () => {
    it('behind without explanation: −2 and −3 more, with the report as evidence', () => {
      const entries = proposeEntries(may({ reports: withReports(report('t1', 'u1', 10)) }));
      expect(entries).toEqual([
        {
          key: 'behind:u1:t1',
          unitId: 'u1',
          ruleId: 'behind',
          points: -2,
          reason: '“促进民间投资增长”滞后（累计10%，序时40%）',
          evidence: { taskId: 't1', reportId: 'r-5-t1-u1', file: 'u1-5月.xlsx', row: 4 },
        },
        {
          key: 'behind_unexplained:u1:t1',
          unitId: 'u1',
          ruleId: 'behind_unexplained',
          points: -3,
          reason: '“促进民间投资增长”滞后且未说明原因',
          evidence: { taskId: 't1', reportId: 'r-5-t1-u1', file: 'u1-5月.xlsx', row: 4 },
        },
      ]);
    });

    const cases: [string, ProgressReport, [string, number][]][] = [
      ['within the tolerance (35 of 40) is on track', report('t1', 'u1', 35), []],
      [
        '34.9 of 40 is behind',
        report('t1', 'u1', 34.9),
        [
          ['behind:u1:t1', -2],
          ['behind_unexplained:u1:t1', -3],
        ],
      ],
      [
        'behind with an explanation: only −2',
        report('t1', 'u1', 10, { delayExplanation: '受征迁影响' }),
        [['behind:u1:t1', -2]],
      ],
      [
        'a blank explanation is none',
        report('t1', 'u1', 10, { delayExplanation: '  ' }),
        [
          ['behind:u1:t1', -2],
          ['behind_unexplained:u1:t1', -3],
        ],
      ],
      [
        'not started (0 %) counts as behind',
        report('t1', 'u1', 0, { delayExplanation: '尚在前期' }),
        [['behind:u1:t1', -2]],
      ],
      ['a co-unit behind is not charged by default', report('t1', 'u2', 0), []],
    ];
    it.each(cases)('%s', (_name, r, expected) => {
      expect(brief(proposeEntries(may({ reports: withReports(r) })))).toEqual(expected);
    });

    it('says 未启动 for a task not started', () => {
      expect(proposeEntries(may({ reports: withReports(report('t1', 'u1', 0)) })).map((e) => e.reason)).toEqual([
        '“促进民间投资增长”未启动（累计0%，序时40%）',
        '“促进民间投资增长”未启动且未说明原因',
      ]);
    });

    it('follows the progress rules in the facts (tolerance 10: 30 of 40 is on track)', () => {
      const facts = may({ reports: withReports(report('t1', 'u1', 30)) });
      expect(brief(proposeEntries(facts))).toEqual([
        ['behind:u1:t1', -2],
        ['behind_unexplained:u1:t1', -3],
      ]);
      expect(
        proposeEntries({ ...facts, progressRules: { onTrackTolerance: 10, yellowMaxBehind: 20, dueSoonDays: 10 } }),
      ).toEqual([]);
    });

    it('a missing lead report proposes no behind entry (the sheet is missing instead)', () => {
      expect(
        proposeEntries(may({ reports: may().reports.filter((r) => !(r.taskId === 't1' && r.unitId === 'u1')) })),
      ).toEqual([]);
    });
  });

  describe('co-unit rule (leadUnitOnly false)', () => {
    const facts = may({
      reports: withReports(
        report('t1', 'u1', 10, { delayExplanation: '说明' }),
        report('t1', 'u2', 5, { delayExplanation: '说明' }),
      ),
    });
    it('by default only the lead unit is charged', () => {
      expect(brief(proposeEntries(facts))).toEqual([['behind:u1:t1', -2]]);
    });
    it('with leadUnitOnly false the co-unit is charged for its own report too', () => {
      const entries = proposeEntries({ ...facts, rules: rules({ behind: { leadUnitOnly: false } }) });
      expect(brief(entries)).toEqual([
        ['behind:u1:t1', -2],
        ['behind:u2:t1', -2],
      ]);
      expect(entries[1]!.evidence).toEqual({ taskId: 't1', reportId: 'r-5-t1-u2', file: 'u2-5月.xlsx', row: 4 });
      expect(entries[1]!.reason).toBe('“促进民间投资增长”滞后（累计5%，序时40%）');
    });
    it('a co-unit on track is not charged even then', () => {
      const onTrack = may({
        reports: withReports(report('t1', 'u1', 10, { delayExplanation: '说明' })),
        rules: rules({ behind: { leadUnitOnly: false } }),
      });
      expect(brief(proposeEntries(onTrack))).toEqual([['behind:u1:t1', -2]]);
    });
  });

  describe('an explanation accepted in review waives the behind entries of that task', () => {
    const behind = withReports(report('t1', 'u1', 10, { delayExplanation: '受征迁影响' }), report('t2', 'u2', 0));
    const cases: [string, Feedback[], Record<string, boolean>][] = [
      [
        'accepted for t1/u1',
        [feedback('t1', 'u1', true)],
        { 'behind:u1:t1': true, 'behind:u2:t2': false, 'behind_unexplained:u2:t2': false },
      ],
      [
        'not accepted (false)',
        [feedback('t1', 'u1', false)],
        { 'behind:u1:t1': false, 'behind:u2:t2': false, 'behind_unexplained:u2:t2': false },
      ],
      [
        'no decision (undefined)',
        [feedback('t1', 'u1', undefined)],
        { 'behind:u1:t1': false, 'behind:u2:t2': false, 'behind_unexplained:u2:t2': false },
      ],
      [
        'accepted for t2/u2: both of its entries',
        [feedback('t2', 'u2', true)],
        { 'behind:u1:t1': false, 'behind:u2:t2': true, 'behind_unexplained:u2:t2': true },
      ],
      [
        'accepted for another unit of the task',
        [feedback('t1', 'u2', true)],
        { 'behind:u1:t1': false, 'behind:u2:t2': false, 'behind_unexplained:u2:t2': false },
      ],
      [
        'accepted in another month',
        [{ ...feedback('t1', 'u1', true), month: 4 }],
        { 'behind:u1:t1': false, 'behind:u2:t2': false, 'behind_unexplained:u2:t2': false },
      ],
    ];
    it.each(cases)('%s', (_name, fb, expected) => {
      const entries = proposeEntries(may({ reports: behind, feedback: fb }));
      expect(Object.fromEntries(entries.map((e) => [e.key, e.waivedByExplanation === true]))).toEqual(expected);
      // Waived entries keep their points: the reviewer sees what was waived.
      expect(entries.every((e) => e.points < 0)).toBe(true);
    });
  });

  describe('behind two months running', () => {
    const lastMonth = (percent: number): ProgressReport => report('t1', 'u1', percent, { month: 4, id: 'r-4-t1-u1' });
    const facts = (previous: ProgressReport[], fb: Feedback[] = []): MonthFacts =>
      may({
        reports: withReports(report('t1', 'u1', 10, { delayExplanation: '受征迁影响' })),
        previousReports: previous,
        feedback: fb,
      });
    const cases: [string, ProgressReport[], [string, number][]][] = [
      [
        'April behind (5 of 30) and May behind',
        [lastMonth(5)],
        [
          ['behind:u1:t1', -2],
          ['behind_twice:u1:t1', -5],
        ],
      ],
      [
        'April not started and May behind',
        [lastMonth(0)],
        [
          ['behind:u1:t1', -2],
          ['behind_twice:u1:t1', -5],
        ],
      ],
      ['April on track (25 of 30)', [lastMonth(25)], [['behind:u1:t1', -2]]],
      ['no April report', [], [['behind:u1:t1', -2]]],
      ['an April report of another unit', [report('t1', 'u2', 0, { month: 4 })], [['behind:u1:t1', -2]]],
    ];
    it.each(cases)('%s', (_name, previous, expected) => {
      expect(brief(proposeEntries(facts(previous)))).toEqual(expected);
    });

    it('suggests an interview and names both months', () => {
      const twice = proposeEntries(facts([lastMonth(5)])).find((e) => e.ruleId === 'behind_twice')!;
      expect(twice.suggestsInterview).toBe(true);
      expect(twice.reason).toBe('“促进民间投资增长”连续两个月滞后（4月累计5%，序时30%；5月累计10%，序时40%）');
    });

    it('stacks −2 −3 −5 without an explanation', () => {
      const entries = proposeEntries(
        may({ reports: withReports(report('t1', 'u1', 10)), previousReports: [lastMonth(5)] }),
      );
      expect(brief(entries)).toEqual([
        ['behind:u1:t1', -2],
        ['behind_unexplained:u1:t1', -3],
        ['behind_twice:u1:t1', -5],
      ]);
    });

    it("is waived with the rest by this month's accepted explanation", () => {
      const entries = proposeEntries(facts([lastMonth(5)], [feedback('t1', 'u1', true)]));
      expect(entries.map((e) => [e.key, e.waivedByExplanation])).toEqual([
        ['behind:u1:t1', true],
        ['behind_twice:u1:t1', true],
      ]);
    });
  });

  describe('done ahead of the due date: +2 once', () => {
    const done = (previous: ProgressReport[], due = '2026-11-30'): [string, number][] =>
      brief(
        proposeEntries(
          may({
            tasks: [tasks[0]!, task('t2', '轻纺市场转型升级', 'u2', [], due), tasks[2]!],
            reports: withReports(report('t2', 'u2', 100)),
            previousReports: previous,
          }),
        ),
      );
    const cases: [string, ProgressReport[], string, [string, number][]][] = [
      [
        'first month at 100 (April 80)',
        [report('t2', 'u2', 80, { month: 4 })],
        '2026-11-30',
        [['done_early:u2:t2', 2]],
      ],
      ['already 100 in April: no second +2', [report('t2', 'u2', 100, { month: 4 })], '2026-11-30', []],
      ['no April report: proposed (the reviewer decides)', [], '2026-11-30', [['done_early:u2:t2', 2]]],
      ['due in May: done in its due month is not early', [report('t2', 'u2', 80, { month: 4 })], '2026-05-31', []],
      [
        'due in June: done in May is early',
        [report('t2', 'u2', 80, { month: 4 })],
        '2026-06-30',
        [['done_early:u2:t2', 2]],
      ],
    ];
    it.each(cases)('%s', (_name, previous, due, expected) => {
      expect(done(previous, due)).toEqual(expected);
    });

    it('reads the due date in its reason', () => {
      const [entry] = proposeEntries(may({ reports: withReports(report('t2', 'u2', 100)) }));
      expect(entry?.reason).toBe('“轻纺市场转型升级”提前完成（5月累计100%，完成时限11月30日）');
    });

    it('a co-unit at 100 earns it only with leadUnitOnly false', () => {
      const facts = may({ reports: withReports(report('t1', 'u2', 100)) });
      expect(proposeEntries(facts)).toEqual([]);
      expect(brief(proposeEntries({ ...facts, rules: rules({ done_early: { leadUnitOnly: false } }) }))).toEqual([
        ['done_early:u2:t1', 2],
      ]);
    });
  });

  describe('rule table', () => {
    const bad = may({
      submissions: [sheet('u1', '2026-05-27'), sheet('u2', '2026-05-25')],
      reports: withReports(report('t1', 'u1', 10), report('t2', 'u2', 100)).filter((r) => r.unitId !== 'u3'),
    });
    it('all rules on', () => {
      expect(brief(proposeEntries(bad))).toEqual([
        ['late:u1:', -2],
        ['behind:u1:t1', -2],
        ['behind_unexplained:u1:t1', -3],
        ['done_early:u2:t2', 2],
        ['missing:u3:t3', -5],
      ]);
    });
    const cases: [string, Record<string, Partial<ScoreRule>>, [string, number][]][] = [
      [
        'behind disabled: the unexplained rule stands alone',
        { behind: { enabled: false } },
        [
          ['late:u1:', -2],
          ['behind_unexplained:u1:t1', -3],
          ['done_early:u2:t2', 2],
          ['missing:u3:t3', -5],
        ],
      ],
      [
        'late and missing disabled',
        { late: { enabled: false }, missing: { enabled: false } },
        [
          ['behind:u1:t1', -2],
          ['behind_unexplained:u1:t1', -3],
          ['done_early:u2:t2', 2],
        ],
      ],
      [
        'points edited by the office',
        { late: { points: -1 }, done_early: { points: 3 } },
        [
          ['late:u1:', -1],
          ['behind:u1:t1', -2],
          ['behind_unexplained:u1:t1', -3],
          ['done_early:u2:t2', 3],
          ['missing:u3:t3', -5],
        ],
      ],
    ];
    it.each(cases)('%s', (_name, patch, expected) => {
      expect(brief(proposeEntries({ ...bad, rules: rules(patch) }))).toEqual(expected);
    });
    it('a rule missing from the table proposes nothing; every rule disabled → nothing', () => {
      expect(
        brief(proposeEntries({ ...bad, rules: rules().filter((r) => r.id !== 'missing') })).map(([k]) => k),
      ).not.toContain('missing:u3:t3');
      expect(proposeEntries({ ...bad, rules: rules().map((r) => ({ ...r, enabled: false })) })).toEqual([]);
    });
    it('units not in the list get nothing', () => {
      expect(
        brief(proposeEntries({ ...bad, units: units.filter((u) => u.id !== 'u3') })).map(([k]) => k),
      ).not.toContain('missing:u3:t3');
    });
  });

  it('keys are stable: proposing again after new facts keeps the old keys', () => {
    const before = proposeEntries(may({ reports: withReports(report('t1', 'u1', 10)) }));
    const after = proposeEntries(may({ reports: withReports(report('t1', 'u1', 12), report('t2', 'u2', 0)) }));
    expect(before.map((e) => e.key)).toEqual(['behind:u1:t1', 'behind_unexplained:u1:t1']);
    expect(after.map((e) => e.key)).toEqual([
      'behind:u1:t1',
      'behind_unexplained:u1:t1',
      'behind:u2:t2',
      'behind_unexplained:u2:t2',
    ]);
    expect(entryKey({ ruleId: 'late', unitId: 'u1' })).toBe('late:u1:');
    expect(entryKey({ ruleId: 'behind', unitId: 'u1', evidence: { taskId: 't1' } })).toBe('behind:u1:t1');
  });
});

describe('monthShortfalls (what keeps a unit off the red list)', () => {
  it('none for a month on time and on track', () => {
    expect(monthShortfalls(may())).toEqual(new Map());
  });

  it("a co-unit's own report behind counts for the co-unit, whatever the rules' scope", () => {
    // u2 assists t1 and wrote 20 % against 40 %: behind, although the behind rule charges leads only.
    const facts = may({ reports: withReports(report('t1', 'u2', 20)) });
    expect(proposeEntries(facts).filter((e) => e.unitId === 'u2')).toEqual([]);
    expect(monthShortfalls(facts)).toEqual(new Map([['u2', { behind: ['t1'], notStarted: [], missingSheet: false }]]));
  });

  it('behind and not started reports as lead or co-unit, and a missing sheet once the due date has passed', () => {
    const facts = may({
      reports: withReports(report('t1', 'u1', 0), report('t3', 'u1', 10)).filter((r) => r.unitId !== 'u3'),
      submissions: [sheet('u1', '2026-05-20'), sheet('u2', '2026-05-25')],
    });
    const shortfalls = monthShortfalls(facts);
    expect(shortfalls.get('u1')).toEqual({ behind: ['t3'], notStarted: ['t1'], missingSheet: false });
    expect(shortfalls.get('u3')).toEqual({ behind: [], notStarted: [], missingSheet: true });
    expect(shortfallText(shortfalls.get('u1')!)).toBe('1项滞后、1项未启动');
    expect(shortfallText(shortfalls.get('u3')!)).toBe('未报送进展');
    // On the due date itself a sheet can still come in: not missing yet.
    expect(monthShortfalls({ ...facts, today: '2026-05-25' }).get('u3')).toBeUndefined();
  });
});

describe('monthEntries (proposals with the decisions taken on them)', () => {
  const facts = may({
    reports: withReports(report('t1', 'u1', 10, { delayExplanation: '审批延后' }), report('t2', 'u2', 10)),
    feedback: [feedback('t1', 'u1', true)],
  });
  const proposals = proposeEntries(facts);
  const decision = (key: string, state: ScoreEntry['state'], patch: Partial<ScoreEntry> = {}): ScoreEntry => {
    const p = proposals.find((x) => x.key === key);
    return {
      id: scoreEntryId('y', 5, key),
      yearId: 'y',
      month: 5,
      unitId: p?.unitId ?? 'u1',
      ruleId: p?.ruleId ?? 'behind',
      points: p?.points ?? -2,
      reason: p?.reason ?? '',
      state,
      automatic: true,
      decidedBy: '李督查',
      decidedAt: '2026-05-29T08:00:00.000Z',
      ...patch,
    };
  };
  const manual: ScoreEntry = {
    id: 'm1',
    yearId: 'y',
    month: 5,
    unitId: 'u3',
    ruleId: 'manual',
    points: 3,
    reason: '区长批示肯定',
    state: 'confirmed',
    automatic: false,
  };
  const shown = (stored: ScoreEntry[], published = false, from = proposals) =>
    monthEntries({ yearId: 'y', month: 5, units, proposals: from, stored, published });

  it('shows each proposal undecided, an accepted explanation as waived, and the stored decisions', () => {
    expect(brief(proposals)).toEqual([
      ['behind:u1:t1', -2],
      ['behind:u2:t2', -2],
      ['behind_unexplained:u2:t2', -3],
    ]);
    const entries = shown([decision('behind:u2:t2', 'confirmed', { points: -4 }), manual]);
    expect(entries.map((e) => [e.id, e.state, e.decided, e.points, e.decisionNote])).toEqual([
      ['y:5:behind:u1:t1', 'waived', false, -2, explanationWaiverNote],
      ['y:5:behind:u2:t2', 'confirmed', true, -4, undefined],
      ['y:5:behind_unexplained:u2:t2', 'proposed', false, -3, undefined],
      ['m1', 'confirmed', true, 3, undefined],
    ]);
    // The undecided ones, to freeze with the month: the explained one keeps its waiver.
    expect(undecidedProposals(entries).map((p) => [p.key, p.waivedByExplanation])).toEqual([
      ['behind:u1:t1', true],
      ['behind_unexplained:u2:t2', undefined],
    ]);
  });

  it('keeps a decision whose proposal no longer follows, marked; ignores stored proposals of older versions', () => {
    const gone = decision('late:u3:', 'confirmed', {
      unitId: 'u3',
      ruleId: 'late',
      reason: '5月进展逾期报送（依据已变化）',
    });
    const legacy = decision('behind_unexplained:u2:t2', 'proposed', { points: -9 });
    const entries = shown([gone, legacy]);
    expect(entries.find((e) => e.id === gone.id)).toMatchObject({
      state: 'confirmed',
      decided: true,
      basisChanged: true,
      reason: '5月进展逾期报送',
    });
    expect(entries.find((e) => e.id === legacy.id)).toMatchObject({ state: 'proposed', decided: false, points: -3 });
  });

  it('a published month shows its stored entries as they are and the proposals frozen with it', () => {
    const legacy = decision('behind_unexplained:u2:t2', 'proposed', { points: -9, reason: '旧的建议（依据已变化）' });
    const frozen = proposals.filter((p) => p.key === 'behind:u2:t2');
    const entries = shown([legacy], true, frozen);
    expect(entries.map((e) => [e.id, e.state, e.points, e.reason, e.decided])).toEqual([
      ['y:5:behind:u2:t2', 'proposed', -2, '“轻纺市场转型升级”滞后（累计10%，序时30%）', false],
      ['y:5:behind_unexplained:u2:t2', 'proposed', -9, '旧的建议（依据已变化）', false],
    ]);
  });

  it('effectiveScoreRules: the defaults until the year has its own copy', () => {
    expect(effectiveScoreRules('y', []).map((r) => [r.id, r.yearId])).toEqual(
      defaultScoreRules.map((r) => [r.id, 'y']),
    );
    const own = rules({ late: { points: -1 } });
    expect(effectiveScoreRules('y', own)).toEqual(own);
  });
});

describe('judgeReport', () => {
  it('gives the status assessTaskMonth gives, for every percent and month', () => {
    const plan = milestones.filter((m) => m.taskId === 't1');
    for (const month of [3, 4, 5, 6, 11, 12]) {
      for (const percent of [null, Number.NaN, 0, 3, 10, 29.9, 30, 35, 39.999, 40, 41, 99, 100, 120]) {
        const e = expectedPercent(tasks[0]!, plan, month, year).percent;
        const full = assessTaskMonth({
          task: tasks[0]!,
          milestones: plan,
          month,
          workWindow: year,
          report: { percent },
          today: '2026-05-29',
        });
        expect([month, percent, judgeReport({ percent }, e).status]).toEqual([month, percent, full.status]);
      }
    }
    expect(judgeReport(undefined, 40).status).toBe('no_report');
  });
});

describe('monthScores', () => {
  const two = [{ id: 'u1' }, { id: 'u2' }];
  const e = (
    unitId: string,
    ruleId: string,
    points: number,
    state: 'proposed' | 'confirmed' | 'waived' = 'confirmed',
  ) => ({ unitId, ruleId, points, state });
  const capped = rules({ missing: { cap: 10 }, done_early: { cap: 4 } });
  type Row = [string, ReturnType<typeof e>[], [number, number, number, boolean]];
  const cases: Row[] = [
    // name, u1's entries, [score, raw, entries, capped]
    ['no entries: 100', [], [100, 100, 0, false]],
    [
      'confirmed only: proposed and waived do not count',
      [e('u1', 'late', -2), e('u1', 'behind', -2, 'proposed'), e('u1', 'behind', -2, 'waived')],
      [98, 98, 1, false],
    ],
    [
      'three missing −15 capped at 10',
      [e('u1', 'missing', -5), e('u1', 'missing', -5), e('u1', 'missing', -5)],
      [90, 85, 3, true],
    ],
    [
      'two missing −10 reach the cap exactly: not capped',
      [e('u1', 'missing', -5), e('u1', 'missing', -5)],
      [90, 90, 2, false],
    ],
    [
      'bonus capped at +4: +6 → +4, with −2 late',
      [e('u1', 'done_early', 2), e('u1', 'done_early', 2), e('u1', 'done_early', 2), e('u1', 'late', -2)],
      [102, 104, 4, true],
    ],
    [
      'uncapped rules add up',
      [e('u1', 'behind', -2), e('u1', 'behind_unexplained', -3), e('u1', 'behind_twice', -5)],
      [90, 90, 3, false],
    ],
    ['clamped at 0', [e('u1', 'manual', -60), e('u1', 'behind', -50)], [0, -10, 2, true]],
    [
      'clamped at 120; manual entries are not capped',
      [e('u1', 'manual', 15), e('u1', 'manual', 10)],
      [120, 125, 2, true],
    ],
    ['fractions: −0.1 −0.2 = 99.7', [e('u1', 'manual', -0.1), e('u1', 'manual', -0.2)], [99.7, 99.7, 2, false]],
    [
      "another unit's entries and unknown units are ignored",
      [e('u2', 'late', -2), e('u9', 'late', -2)],
      [100, 100, 0, false],
    ],
  ];
  it.each(cases)('%s', (_name, entries, [score, raw, count, wasCapped]) => {
    const [u1] = monthScores(two, entries, capped);
    expect(u1).toEqual({ unitId: 'u1', score, raw, entries: count, capped: wasCapped });
  });

  it('returns every unit in order, with options for base, min and max', () => {
    const scores = monthScores(two, [e('u2', 'late', -2)], rules(), { base: 90, min: 0, max: 100 });
    expect(scores.map((s) => [s.unitId, s.score])).toEqual([
      ['u1', 90],
      ['u2', 88],
    ]);
  });

  it('a cap of 0 or none is no cap; a disabled rule still counts its confirmed entries', () => {
    const entries = [e('u1', 'missing', -5), e('u1', 'missing', -5), e('u1', 'missing', -5)];
    expect(monthScores(two, entries, rules({ missing: { cap: 0 } }))[0]!.score).toBe(85);
    expect(monthScores(two, entries, rules({ missing: { enabled: false } }))[0]!.score).toBe(85);
  });
});

describe('periodScore and yearComposite', () => {
  const monthly = [
    { month: 3, score: 100 },
    { month: 4, score: 90 },
    { month: 5, score: 95 },
    { month: 6, score: 96 },
  ];
  const cases: [string, number[], number | undefined][] = [
    ['Q2 (4, 5, 6): (90 + 95 + 96) / 3 = 93.67', quarterMonths(2), 93.67],
    ['Q1 with only March present: 100', quarterMonths(1), 100],
    ['year so far (3..6): 95.25', [3, 4, 5, 6], 95.25],
    ['window 3..11 with months 7..11 absent: the same', [3, 4, 5, 6, 7, 8, 9, 10, 11], 95.25],
    ['Q3: nothing present', quarterMonths(3), undefined],
  ];
  it.each(cases)('%s', (_name, months, expected) => {
    expect(periodScore(monthly, months)).toBe(expected);
  });

  it('quarterMonths and quarterOf', () => {
    expect(quarterMonths(4)).toEqual([10, 11, 12]);
    expect([3, 4, 6, 7, 11].map(quarterOf)).toEqual([1, 2, 2, 3, 4]);
  });

  const composites: [string, number, number | undefined, { process: number; evaluation: number }, number][] = [
    ['95 × 0.8 + 90 × 0.2 = 94', 95, 90, { process: 0.8, evaluation: 0.2 }, 94],
    ['weights as percents: the same', 95, 90, { process: 80, evaluation: 20 }, 94],
    ['no evaluation yet: the process score', 93.67, undefined, { process: 0.8, evaluation: 0.2 }, 93.67],
    ['93.67 × 0.8 + 88.5 × 0.2 = 92.636 → 92.64', 93.67, 88.5, { process: 0.8, evaluation: 0.2 }, 92.64],
    ['evaluation weight 0: the process score', 95, 60, { process: 1, evaluation: 0 }, 95],
  ];
  it.each(composites)('yearComposite: %s', (_name, processScore, evaluation, weights, expected) => {
    expect(yearComposite(processScore, evaluation, weights)).toBe(expected);
  });
});
