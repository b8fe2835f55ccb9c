// Generated data for the scoring benchmarks (issue 5): a work year with its units in two
// ranking groups (departments and towns), tasks with lead and co-units, milestones for some,
// and for every month of the window the facts the cycle collects — progress reports (most
// units on time, some late, some missing, some tasks behind, a few done early), the sheets
// received (submissions) and the review's feedback with some explanations accepted. Plus the
// year's default rule table. Deterministic (seeded), so runs are comparable. Shared by
// scoring.ts (the recomputation in Node) and print.ts (the entries the 红黑榜 prints).
import { defaultCalendarSettings, dueDate, type DueDate } from '../../renderer/src/core/calendar';
import type {
  Feedback,
  IsoDate,
  Milestone,
  ProgressReport,
  ScoreEntry,
  ScoreRule,
  Submission,
  Task,
  Unit,
  WorkYear,
} from '../../renderer/src/core/model';
import { expectedPercent } from '../../renderer/src/core/progress';
import {
  defaultScoreRules,
  explanationWaiverNote,
  monthShortfalls,
  proposeEntries,
  shortfallText,
  type MonthFacts,
  type ProposedEntry,
} from '../../renderer/src/core/scoring';
import { BENCH_YEAR } from './constants';
import { rng } from './rng';

/** The work year's id when no calendar year is given (generateScoring). */
export const SCORING_YEAR_ID = 'bench-year';

export interface MonthData {
  month: number;
  reports: ProgressReport[];
  submissions: Submission[];
  feedback: Feedback[];
  reportDue: DueDate;
}

export interface ScoringData {
  year: WorkYear;
  units: Unit[];
  tasks: Task[];
  milestones: Milestone[];
  rules: ScoreRule[];
  /** The months of the window (3..11) with facts, in order. */
  months: number[];
  /** The facts of each month, as the app reads them per month ([yearId+month] indexes). */
  byMonth: Map<number, MonthData>;
  /** Review time: after every month's due date, so missing sheets count. */
  today: IsoDate;
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const pad2 = (n: number) => String(n).padStart(2, '0');

const DEPARTMENTS = [
  '区发展和改革局',
  '区经济和信息化局',
  '区教育局',
  '区科学技术局',
  '区民政局',
  '区司法局',
  '区财政局',
  '区人力资源和社会保障局',
  '区自然资源和规划分局',
  '区生态环境分局',
  '区住房和城乡建设局',
  '区交通运输局',
  '区水利局',
  '区农业农村局',
  '区商务局',
  '区文化广电旅游体育局',
  '区卫生健康局',
  '区退役军人事务局',
  '区应急管理局',
  '区审计局',
  '区市场监督管理局',
  '区统计局',
  '区医疗保障局',
  '区城市管理局',
  '区数据资源管理局',
  '区行政审批局',
  '区信访局',
  '区机关事务管理局',
  '区投资促进中心',
  '区林业局',
  '区粮食和物资储备局',
  '区人民防空办公室',
  '区地方金融监督管理局',
  '区乡村振兴局',
  '区国有资产监督管理办公室',
  '区外事办公室',
  '区供销合作社',
  '区园林绿化中心',
  '区综合行政执法局',
  '区政务服务中心',
  '区残疾人联合会',
  '区妇女联合会',
  '区总工会',
  '区科学技术协会',
  '区工商业联合会',
  '区融媒体中心',
  '区档案馆',
  '区住房保障中心',
  '区公共资源交易中心',
  '区就业服务中心',
  '区疾病预防控制中心',
  '区不动产登记中心',
  '区环境卫生管理中心',
  '区城乡建设发展中心',
  '区土地储备中心',
  '区应急指挥中心',
  '区农业技术推广中心',
  '区水务管理中心',
  '区市政设施管理中心',
  '区体育事业发展中心',
];
const TOWN_FIRST = [
  '东',
  '西',
  '南',
  '北',
  '新',
  '清',
  '长',
  '和',
  '安',
  '永',
  '兴',
  '龙',
  '凤',
  '石',
  '白',
  '金',
  '青',
  '平',
  '临',
  '桃',
];
const TOWN_SECOND = ['城', '溪', '塘', '湖', '山', '河', '桥', '港', '林', '江'];

const VERBS = ['推进', '加快', '深化', '实施', '完善', '提升', '优化', '开展', '落实', '强化'];
const OBJECTS = [
  '重大项目攻坚',
  '民间投资增长',
  '制造业投资',
  '产业基金招引',
  '老旧小区改造',
  '营商环境优化',
  '数字政府建设',
  '城乡供水一体化',
  '农村人居环境整治',
  '科技企业孵化',
  '一网通办改革',
  '养老服务体系建设',
  '义务教育优质均衡',
  '河湖长制落实',
  '安全生产专项整治',
  '高标准农田建设',
  '城市更新单元改造',
  '工业园区提质增效',
  '重点产业链招商',
  '背街小巷综合整治',
];
const EXPLANATIONS = [
  '受前期手续办理影响，进度略有滞后',
  '资金到位滞后，已协调财政加快拨付',
  '用地指标尚未落实，正在对接',
  '受汛期影响，施工暂缓',
];

/** `count` units: 60 % departments (区级部门), 40 % towns (镇街), each group in its own sort range. */
function makeUnits(count: number, yearId: string, prefix: string): Unit[] {
  const departments = Math.round(count * 0.6);
  const towns: string[] = [];
  for (const a of TOWN_FIRST) for (const b of TOWN_SECOND) towns.push(`${a}${b}`);
  return Array.from({ length: count }, (_, i) => {
    const department = i < departments;
    const k = department ? i : i - departments;
    // Beyond the lists (large benchmark sets): the same names numbered, 区教育局（二）, 东城2街道.
    const round = Math.floor(k / (department ? DEPARTMENTS.length : towns.length));
    const name = department
      ? `${DEPARTMENTS[k % DEPARTMENTS.length]!}${round > 0 ? `（${round + 1}）` : ''}`
      : `${towns[k % towns.length]!}${round > 0 ? String(round + 1) : ''}${k % 3 === 2 ? '镇' : '街道'}`;
    return {
      id: `${prefix}-unit-${String(i + 1).padStart(4, '0')}`,
      yearId,
      name,
      kind: department ? 'department' : 'town',
      rankingGroup: department ? '区级部门' : '镇街',
      aliases: [],
      contactPerson: '',
      phone: '',
      sortOrder: i + 1,
    };
  });
}

/** How a task moves through the year: its pace against the 序时进度 (stalled: at 0 % for a few months, then slow). */
type Pace = 'ahead' | 'steady' | 'lagging' | 'stalled';

export interface ScoringSize {
  units: number;
  tasks: number;
  seed?: number;
  /** Facts only up to this month (default: the whole window). */
  throughMonth?: number;
  /**
   * The calendar year (default BENCH_YEAR, ids from 'bench-year'). Given, every id carries it,
   * so that several years live in one database (the sync benchmark's ten years).
   */
  year?: number;
}

/** The year, units, tasks, milestones, the facts of the 9 months and the default rule table. */
export function generateScoring({
  units: unitCount,
  tasks: taskCount,
  seed = 5,
  throughMonth,
  year: givenYear,
}: ScoringSize): ScoringData {
  const r = rng(seed);
  const calendarYear = givenYear ?? BENCH_YEAR;
  const prefix = givenYear === undefined ? 'bench' : `bench-${givenYear}`;
  const yearId = givenYear === undefined ? SCORING_YEAR_ID : `${prefix}-year`;
  const year: WorkYear = {
    id: yearId,
    title: '',
    createdAt: `${calendarYear}-01-05T08:00:00.000Z`,
    ...defaultCalendarSettings(calendarYear),
  };
  const months = Array.from(
    { length: year.windowEndMonth - year.windowStartMonth + 1 },
    (_, i) => year.windowStartMonth + i,
  ).filter((m) => m <= (throughMonth ?? 12));
  const units = makeUnits(unitCount, yearId, prefix);

  // Tasks: lead unit at random (departments lead more), 0–3 co-units; due mostly 11-30.
  const departments = units.filter((u) => u.kind === 'department');
  const dues = [
    `${calendarYear}-11-30`,
    `${calendarYear}-11-30`,
    `${calendarYear}-11-30`,
    `${calendarYear}-11-30`,
    `${calendarYear}-11-30`,
    `${calendarYear}-11-30`,
    `${calendarYear}-11-30`,
    `${calendarYear}-06-30`,
    `${calendarYear}-09-30`,
    `${calendarYear}-12-31`,
  ];
  const tasks: Task[] = [];
  const pace = new Map<string, { kind: Pace; factor: number; startsIn: number }>();
  for (let i = 0; i < taskCount; i++) {
    const lead = r() < 0.7 ? pick(r, departments) : pick(r, units);
    const co = new Set<string>();
    const coCount = Math.floor(r() * 4);
    while (co.size < coCount) {
      const u = pick(r, units);
      if (u.id !== lead.id) co.add(u.id);
    }
    const id = `${prefix}-task-${String(i + 1).padStart(6, '0')}`;
    tasks.push({
      id,
      yearId,
      code: String(i + 1),
      title: `${pick(r, VERBS)}${pick(r, OBJECTS)}（第${i + 1}项）`,
      measures: [{ text: '按月调度，倒排工期' }],
      targets: [],
      leaderIds: [],
      leadUnitId: lead.id,
      coUnitIds: [...co],
      responsiblePerson: '',
      dueDate: pick(r, dues),
    });
    const x = r();
    const kind: Pace = x < 0.15 ? 'ahead' : x < 0.9 ? 'steady' : x < 0.98 ? 'lagging' : 'stalled';
    const factor =
      kind === 'ahead'
        ? 1.15 + r() * 0.4
        : kind === 'steady'
          ? 0.97 + r() * 0.08
          : kind === 'lagging'
            ? 0.55 + r() * 0.3
            : 0.3 + r() * 0.3;
    pace.set(id, { kind, factor, startsIn: kind === 'stalled' ? 5 + Math.floor(r() * 4) : 0 });
  }

  // Milestones (月方案) for a third of the tasks: a rising curve that reaches 100 in the due month.
  const milestones: Milestone[] = [];
  for (const task of tasks) {
    if (r() >= 1 / 3) continue;
    const dueMonth = Number(task.dueDate.slice(5, 7));
    const last = Math.min(dueMonth, year.windowEndMonth);
    const span = last - year.windowStartMonth + 1;
    const bend = 0.7 + r() * 0.6;
    for (let m = year.windowStartMonth; m <= last; m++) {
      const plannedPercent =
        m === last && dueMonth <= year.windowEndMonth
          ? 100
          : Math.round(100 * ((m - year.windowStartMonth + 1) / (span + (dueMonth > last ? 1 : 0))) ** bend);
      milestones.push({
        id: `${prefix}-ms-${task.id}-${m}`,
        taskId: task.id,
        yearId,
        month: m,
        text: `完成阶段任务，累计${plannedPercent}%`,
        plannedPercent,
      });
    }
  }
  const milestonesOf = new Map<string, Milestone[]>();
  for (const m of milestones) milestonesOf.set(m.taskId, [...(milestonesOf.get(m.taskId) ?? []), m]);

  // Each task's lead percent per month follows its pace against the 序时进度; co-units report near it.
  const percentOf = new Map<string, number>();
  // Every eighth unit is a model unit: its sheet always comes, and none of its reports falls
  // behind — so each month has a red list (PRODUCT.md §5 keeps a unit with any behind report off it).
  const exemplary = new Set(units.filter((_, i) => i % 8 === 0).map((u) => u.id));
  const byMonth = new Map<number, MonthData>();
  for (const month of months) {
    const reportDue = dueDate(year, 'report', month);
    const monthStart = `${calendarYear}-${pad2(month)}-01`;
    const running = tasks.filter((t) => t.dueDate >= monthStart);
    const owing = new Map<string, { task: Task; lead: boolean }[]>();
    for (const task of running) {
      for (const [unitId, lead] of [
        [task.leadUnitId!, true],
        ...task.coUnitIds.map((c) => [c, false] as const),
      ] as const) {
        const list = owing.get(unitId) ?? [];
        if (!list.some((o) => o.task.id === task.id)) list.push({ task, lead });
        owing.set(unitId, list);
      }
    }
    const reports: ProgressReport[] = [];
    const submissions: Submission[] = [];
    const feedback: Feedback[] = [];
    for (const unit of units) {
      const owed = owing.get(unit.id);
      if (!owed) continue;
      const x = r();
      if (x < 0.04 && !exemplary.has(unit.id)) continue; // missing: no sheet this month
      const late = x < 0.14;
      const received = late
        ? addDays(reportDue.due, 1 + Math.floor(r() * 6))
        : addDays(reportDue.due, -Math.floor(r() * 6));
      const fileName = `${unit.name}${month}月重点工作进展情况表.xlsx`;
      submissions.push({
        id: `${prefix}-sub-${month}-${unit.id}`,
        yearId,
        kind: 'progress',
        month,
        unitId: unit.id,
        receivedDate: received,
        fileName,
      });
      owed.forEach(({ task, lead }, row) => {
        const p = pace.get(task.id)!;
        const expected = expectedPercent(task, milestonesOf.get(task.id) ?? [], month, year).percent;
        const before = percentOf.get(task.id) ?? 0;
        let percent = lead
          ? month < year.windowStartMonth + p.startsIn
            ? 0
            : Math.max(before, Math.min(100, Math.round(expected * p.factor + (r() - 0.5) * 6)))
          : Math.max(0, Math.min(100, Math.round((percentOf.get(task.id) ?? expected) + (r() - 0.5) * 12)));
        if (lead && p.kind === 'ahead' && percent >= 95) percent = 100;
        if (exemplary.has(unit.id)) percent = Math.max(percent, Math.min(100, expected));
        if (lead) percentOf.set(task.id, percent);
        const behind = percent < 100 && expected - percent > 5;
        const explained = behind && r() < 0.6;
        const report: ProgressReport = {
          id: `${prefix}-report-${month}-${task.id}-${unit.id}`,
          yearId,
          month,
          taskId: task.id,
          unitId: unit.id,
          isLeadUnit: lead,
          percent,
          statusWord: percent >= 100 ? '已完成' : behind ? (percent === 0 ? '未启动' : '滞后') : '序时推进',
          doneThisMonth: '按计划推进',
          problems: '',
          nextSteps: '压实责任，倒排工期',
          coordination: '',
          delayExplanation: explained ? pick(r, EXPLANATIONS) : '',
          reporter: '张三',
          phone: '13800000000',
          receivedDate: received,
          sourceFile: fileName,
          sourceSheet: `${month}月进展`,
          sourceRow: row + 4,
        };
        reports.push(report);
        // The review: feedback on a fifth of the reports; an explanation accepted for about a third of the explained ones.
        if (explained || r() < 0.2) {
          const accepted = explained && r() < 0.35;
          feedback.push({
            id: `${prefix}-fb-${month}-${task.id}-${unit.id}`,
            yearId,
            month,
            taskId: task.id,
            unitId: unit.id,
            verdict: '属实',
            comment: accepted ? '原因属实，予以采纳' : '',
            ...(explained && { explanationAccepted: accepted }),
            reviewer: '督查室',
            date: addDays(reportDue.due, 3),
          });
        }
      });
    }
    byMonth.set(month, { month, reports, submissions, feedback, reportDue });
  }
  const rules: ScoreRule[] = defaultScoreRules.map((rule) => ({ ...rule, yearId }));
  return { year, units, tasks, milestones, rules, months, byMonth, today: `${calendarYear}-12-15` };
}

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The facts of one month of the data, as the app's scoreboard passes them to core. */
export function monthFactsOf(data: ScoringData, month: number, rules: readonly ScoreRule[] = data.rules): MonthFacts {
  const facts = data.byMonth.get(month)!;
  return {
    year: data.year,
    month,
    units: data.units,
    tasks: data.tasks,
    reports: facts.reports,
    previousReports: data.byMonth.get(month - 1)?.reports ?? [],
    milestones: data.milestones,
    submissions: facts.submissions,
    feedback: facts.feedback,
    reportDue: facts.reportDue,
    today: data.today,
    rules,
  };
}

/** proposeEntries for one month of the data, with the app's inputs (core/scoreboard.ts). */
export function proposeMonth(
  data: ScoringData,
  month: number,
  rules: readonly ScoreRule[] = data.rules,
  facts: MonthFacts = monthFactsOf(data, month, rules),
): ProposedEntry[] {
  return proposeEntries(facts);
}

/** What keeps each unit off the red list in one month of the data (core/scoreboard.ts); given the month's facts, shares their index with proposeMonth. */
export function shortfallOfMonth(
  data: ScoringData,
  month: number,
  facts: MonthFacts = monthFactsOf(data, month),
): (unitId: string) => string | undefined {
  const shortfalls = monthShortfalls(facts);
  return (unitId) => {
    const s = shortfalls.get(unitId);
    return s ? shortfallText(s) || undefined : undefined;
  };
}

/**
 * The month's proposals as the store holds them after the review: every proposal confirmed,
 * except those an accepted explanation waives (shown waived, as the app shows them).
 */
export function asDecided(
  yearId: string,
  month: number,
  proposals: readonly ProposedEntry[],
  decidedOn: IsoDate = `${BENCH_YEAR}-12-15`,
): ScoreEntry[] {
  return proposals.map((p) => {
    const entry: ScoreEntry = {
      id: `${yearId}:${month}:${p.key}`,
      yearId,
      month,
      unitId: p.unitId,
      ruleId: p.ruleId,
      points: p.points,
      reason: p.reason,
      state: p.waivedByExplanation ? 'waived' : 'confirmed',
      automatic: true,
      evidence: p.evidence,
      decidedBy: '基准测试',
      decidedAt: `${decidedOn}T08:00:00.000Z`,
    };
    if (p.waivedByExplanation) entry.decisionNote = explanationWaiverNote;
    return entry;
  });
}
