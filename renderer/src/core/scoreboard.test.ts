import { describe, expect, it } from 'vitest';
import type { ProgressReport, ScoreEntry, Submission, Task, Unit, WorkYear } from './model';
import { defaultProgressRules } from './progress';
import { defaultListSettings } from './ranking';
import { scoreboard, type YearFacts } from './scoreboard';
import { effectiveScoreRules, scoreEntryId } from './scoring';
import { defaultCalendarSettings } from './calendarSettings';

// Four towns, one task led by 东城街道 with 西城街道 assisting; June is the first month with data.
const year: WorkYear = {
  id: 'y',
  title: '',
  ...defaultCalendarSettings(2026),
  createdAt: '',
};
const town = (id: string, name: string, sortOrder: number): Unit => ({
  id,
  yearId: 'y',
  name,
  kind: 'town',
  rankingGroup: '镇街',
  aliases: [],
  contactPerson: '',
  phone: '',
  sortOrder,
});
const units = [
  town('dc', '东城街道', 1),
  town('xc', '西城街道', 2),
  town('bt', '北塘街道', 3),
  town('qx', '清溪镇', 4),
];
const tasks: Task[] = [
  {
    id: 't1',
    yearId: 'y',
    code: '1',
    title: '老旧小区改造',
    measures: [],
    targets: [],
    leaderIds: [],
    leadUnitId: 'dc',
    coUnitIds: ['xc'],
    responsiblePerson: '',
    dueDate: '2026-11-30',
  },
  ...['bt', 'qx'].map((u, i) => ({
    id: `t${i + 2}`,
    yearId: 'y',
    code: String(i + 2),
    title: `任务${i + 2}`,
    measures: [],
    targets: [],
    leaderIds: [],
    leadUnitId: u,
    coUnitIds: [],
    responsiblePerson: '',
    dueDate: '2026-11-30',
  })),
];
const report = (taskId: string, unitId: string, percent: number, month = 6): ProgressReport => ({
  id: `r-${month}-${taskId}-${unitId}`,
  yearId: 'y',
  month,
  taskId,
  unitId,
  isLeadUnit: unitId !== 'xc',
  percent,
  statusWord: '',
  doneThisMonth: '',
  problems: '',
  nextSteps: '',
  coordination: '',
  delayExplanation: '有说明',
  reporter: '',
  phone: '',
  receivedDate: '2026-06-20',
});
const sheet = (unitId: string, month = 6): Submission => ({
  id: `s-${month}-${unitId}`,
  yearId: 'y',
  kind: 'progress',
  month,
  unitId,
  receivedDate: '2026-06-20',
  fileName: `${unitId}.xlsx`,
});
// June's 序时进度 is 44.4 %: 东城 and the others on track, 西城's own report on t1 behind.
const june: Pick<YearFacts, 'reports' | 'submissions'> = {
  reports: [report('t1', 'dc', 45), report('t1', 'xc', 10), report('t2', 'bt', 45), report('t3', 'qx', 45)],
  submissions: ['dc', 'xc', 'bt', 'qx'].map((u) => sheet(u)),
};
const facts = (patch: Partial<YearFacts> = {}): YearFacts => ({
  year,
  units,
  tasks,
  milestones: [],
  ...june,
  feedback: [],
  rules: effectiveScoreRules('y', []),
  entries: [],
  published: new Map(),
  progressRules: defaultProgressRules,
  listSettings: defaultListSettings,
  today: '2026-06-29',
  ...patch,
});

describe('scoreboard', () => {
  it('keeps a co-unit whose own report is behind off the red list, and says why', () => {
    const june6 = scoreboard(facts()).month(6);
    // Nobody is charged (the behind rule charges leads only): all four at 100.
    expect(june6.scores.map((s) => s.score)).toEqual([100, 100, 100, 100]);
    expect(june6.lists.red.map((l) => l.unitId)).toEqual(['dc', 'bt', 'qx']);
    expect(june6.lists.heldOff.map((l) => [l.unitId, l.reason])).toEqual([['xc', '1项滞后，不列入红榜']]);
    expect(june6.shortfallOf('xc')).toBe('1项滞后');
  });

  it('movement: none against a month without data, then against the month before', () => {
    const decided = (unitId: string, month: number, points: number): ScoreEntry => ({
      id: scoreEntryId('y', month, `late:${unitId}:`),
      yearId: 'y',
      month,
      unitId,
      ruleId: 'late',
      points,
      reason: '逾期',
      state: 'confirmed',
      automatic: true,
    });
    const july = {
      reports: [...june.reports, ...june.reports.map((r) => ({ ...r, id: `${r.id}-7`, month: 7 }))],
      submissions: [...june.submissions, ...june.submissions.map((s) => ({ ...s, id: `${s.id}-7`, month: 7 }))],
    };
    const board = scoreboard(facts({ ...july, entries: [decided('dc', 6, -4), decided('bt', 7, -4)] }));
    // June: May had no data, so no movement although 东城 scored lower than in May's empty 100s.
    expect(board.month(6).hasData).toBe(true);
    expect(board.month(5).hasData).toBe(false);
    expect(board.month(6).ranked.map((r) => r.movement)).toEqual([undefined, undefined, undefined, undefined]);
    // July against June: 东城 up from 4th to 1st, 北塘 down to 4th.
    expect(board.month(7).ranked.map((r) => [r.unitId, r.rank, r.movement])).toEqual([
      ['dc', 1, 3],
      ['xc', 1, 0],
      ['qx', 1, 0],
      ['bt', 4, -3],
    ]);
    expect(board.scoreOf(7, 'bt')).toBe(96);
    expect(board.scoreOf(12, 'bt')).toBeUndefined();
  });

  it('a published month shows the proposals and shortfalls frozen with it, not those of the facts now', () => {
    const board = scoreboard(
      facts({
        published: new Map([
          [6, { proposals: [], shortfalls: { bt: { behind: ['t2'], notStarted: [], missingSheet: false } } }],
        ]),
      }),
    );
    const june6 = board.month(6);
    expect(june6.published).toBe(true);
    expect(june6.entries).toEqual([]);
    expect(june6.lists.heldOff.map((l) => l.unitId)).toEqual(['bt']);
    expect(june6.lists.red.map((l) => l.unitId)).toEqual(['dc', 'xc', 'qx']);
    // July is open: computed from its facts (none yet: everyone's sheet is missing once due).
    expect(board.month(7).published).toBe(false);
  });

  it('proposals are computed, never stored: an open month lists what the facts propose, undecided', () => {
    const open = scoreboard(
      facts({ reports: june.reports.map((r) => (r.unitId === 'dc' ? { ...r, percent: 10 } : r)) }),
    );
    expect(open.month(6).undecided.map((e) => e.id)).toEqual(['y:6:behind:dc:t1']);
    expect(open.month(6).scores.find((s) => s.unitId === 'dc')?.score).toBe(100);
  });
});
