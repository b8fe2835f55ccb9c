// The domain of PRODUCT.md §2, as plain data. Dates are calendar dates in China time,
// stored as 'YYYY-MM-DD' strings; timestamps are ISO strings. Ids are generated strings.

export type Id = string;
/** 'YYYY-MM-DD' in Asia/Shanghai. */
export type IsoDate = string;
/** 'YYYY-MM' */
export type YearMonth = string;

/**
 * What marks anything made from the sample year: the printed page's top line, the Excel and
 * Word exports' first line and page header (and the screens say so in the 示例数据 banner).
 */
export const SAMPLE_MARK = '示例数据 · 非正式文件';

/** The mark for what is made from `year`: SAMPLE_MARK for the sample year, else none. */
export function sampleMark(year: { sample?: true }): string | undefined {
  return year.sample === true ? SAMPLE_MARK : undefined;
}

export interface WorkYear {
  id: Id;
  year: number;
  title: string;
  /** First and last month of the work window (default 3..11). */
  windowStartMonth: number;
  windowEndMonth: number;
  /** 'MM-DD' */
  planDue: string;
  reportDueDay: number;
  feedbackDueDay: number;
  /** 'MM-DD' */
  completionDue: string;
  /** Hand-entered public holidays and make-up working days, for years the built-in calendar lacks or to correct it. */
  extraHolidays: IsoDate[];
  extraWorkdays: IsoDate[];
  createdAt: string;
  /** A sample year (示例数据, core/sample.ts): marked on every screen, removable in one action. */
  sample?: true;
}

export type UnitKind = 'department' | 'town' | 'soe' | 'platform';
export const unitKindLabels: Record<UnitKind, string> = {
  department: '区级部门',
  town: '镇街',
  soe: '国企',
  platform: '平台',
};
/** Default ranking group per kind: departments are never ranked against towns. */
export const defaultGroupForKind: Record<UnitKind, string> = {
  department: '区级部门',
  town: '镇街',
  soe: '国企和平台',
  platform: '国企和平台',
};

export interface Unit {
  id: Id;
  yearId: Id;
  name: string;
  kind: UnitKind;
  rankingGroup: string;
  /** Other names the unit's own sheets use (简称, 旧称). */
  aliases: string[];
  contactPerson: string;
  phone: string;
  sortOrder: number;
}

export interface Leader {
  id: Id;
  yearId: Id;
  name: string;
  title: string;
  aliases: string[];
  sortOrder: number;
}

export interface Section {
  id: Id;
  yearId: Id;
  name: string;
  sortOrder: number;
}

export interface Measure {
  text: string;
}
export interface Target {
  text: string;
  value?: number;
  unit?: string;
}

export interface Task {
  id: Id;
  yearId: Id;
  sectionId?: Id;
  /** 序号 as written in the task list. */
  code: string;
  title: string;
  measures: Measure[];
  targets: Target[];
  leaderIds: Id[];
  leadUnitId?: Id;
  coUnitIds: Id[];
  responsiblePerson: string;
  dueDate: IsoDate;
  carriedOverFrom?: Id;
}

export interface Milestone {
  id: Id;
  taskId: Id;
  yearId: Id;
  month: number;
  text: string;
  plannedPercent: number;
}

export type Status = 'done' | 'ahead' | 'on_track' | 'behind' | 'not_started';
export type Light = 'green' | 'yellow' | 'red';

export interface ProgressReport {
  id: Id;
  yearId: Id;
  month: number;
  taskId: Id;
  unitId: Id;
  isLeadUnit: boolean;
  percent: number;
  /** The unit's own status word as written in the sheet. */
  statusWord: string;
  doneThisMonth: string;
  problems: string;
  nextSteps: string;
  coordination: string;
  delayExplanation: string;
  reporter: string;
  phone: string;
  receivedDate: IsoDate;
  receivedDateReason?: string;
  importBatchId?: Id;
  sourceFile?: string;
  sourceSheet?: string;
  sourceRow?: number;
}

export const VERDICTS = ['属实', '基本属实', '不属实'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The office's review of one unit's report on one task for a month (督查反馈). */
export interface Feedback {
  id: Id;
  yearId: Id;
  month: number;
  taskId: Id;
  unitId: Id;
  verdict?: Verdict;
  comment: string;
  /** Whether the unit's 滞后原因说明 is accepted: an accepted one waives the matching deduction. */
  explanationAccepted?: boolean;
  reviewer: string;
  date: IsoDate;
}

/** A unit's sheet received for a plan (month 0) or a month's progress: on time or late. */
export interface Submission {
  id: Id;
  yearId: Id;
  kind: 'plan' | 'progress';
  /** 0 for the plan. */
  month: number;
  unitId: Id;
  /** Defaults to the import date; staff may set the real date with a reason. */
  receivedDate: IsoDate;
  receivedDateReason?: string;
  fileName: string;
  importBatchId?: Id;
}

/** Publishing freezes a month; reopening needs a reason. Snapshots are kept in `rankings`. */
export interface MonthState {
  /** `${yearId}:${month}` */
  id: string;
  yearId: Id;
  month: number;
  state: 'open' | 'published';
  publishedAt?: string;
  publishedBy?: string;
  reopenedAt?: string;
  reopenReason?: string;
}

export const SCORE_ENTRY_STATES = ['proposed', 'confirmed', 'waived'] as const;
export type ScoreEntryState = (typeof SCORE_ENTRY_STATES)[number];
export const scoreEntryStateLabels: Record<ScoreEntryState, string> = {
  proposed: '待确认',
  confirmed: '已确认',
  waived: '已免扣',
};

/** 加扣分: automatic ones are proposed from the month's facts; manual ones are entered by staff. */
export interface ScoreEntry {
  id: Id;
  yearId: Id;
  month: number;
  unitId: Id;
  /** The rule it applies (automatic), or 'manual'. */
  ruleId: string;
  points: number;
  reason: string;
  state: ScoreEntryState;
  automatic: boolean;
  evidence?: { taskId?: Id; reportId?: Id; file?: string; row?: number };
  /** Who confirmed or waived it, when, and why (a waiver needs a reason). */
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
}

/** One line of the office's rule table (PRODUCT.md §5); a year has its own copy. */
export interface ScoreRule {
  id: string;
  yearId: Id;
  name: string;
  /** Negative for deductions. */
  points: number;
  /** The most a unit can lose (or gain) by this rule in a month, as a positive number. */
  cap?: number;
  leadUnitOnly: boolean;
  enabled: boolean;
}

export interface RankingSnapshot {
  id: Id;
  yearId: Id;
  /** 'month' | 'quarter' | 'year' with its number, e.g. month 10. */
  period: string;
  month: number;
  publishedAt: string;
  publishedBy: string;
  data: unknown;
}

export interface Interview {
  id: Id;
  yearId: Id;
  month: number;
  unitId: Id;
  date: IsoDate;
  attendees: string;
  reason: string;
  outcome: string;
  followUp: string;
  suggested: boolean;
}

export const RATER_TYPES = ['企业', '群众', '第三方机构'] as const;
export type RaterType = (typeof RATER_TYPES)[number];
/** How a sheet scored: 百分制 0–100, 五分制 0–5, 十分制 0–10, 满意率 a percent (core/evaluation.ts). */
export const EVALUATION_SCALES = ['hundred', 'five', 'ten', 'percent'] as const;
export type EvaluationScale = (typeof EVALUATION_SCALES)[number];
/**
 * 第三方评估: one rater type's score for a unit, or for a task (then it counts for the task's
 * lead unit). `score` is normalised to 0–100; the sheet's own figure and scale are kept.
 */
export interface Evaluation {
  id: Id;
  yearId: Id;
  unitId?: Id;
  taskId?: Id;
  rater: RaterType;
  /** 0–100. */
  score: number;
  /** Absent when the sheet gave none. */
  sampleSize?: number;
  importBatchId?: Id;
  /** The score as written (4.5 on 五分制, 92 for 92 %), and its scale. */
  rawScore?: number;
  scale?: EvaluationScale;
  sourceFile?: string;
  sourceSheet?: string;
  sourceRow?: number;
  /** A small sample that staff accepted: it counts in the composite (who, when). */
  sampleAcceptedBy?: string;
  sampleAcceptedAt?: string;
}

export interface Review {
  id: Id;
  yearId: Id;
  taskId: Id;
  recallGoals: string;
  assessResults: string;
  analyseCauses: string;
  lessons: string;
  updatedAt: string;
  /** 总结经验: what goes into next year's plan. */
  nextYearPlan?: string;
  /** The step last worked on (0 回忆目标 … 3 总结经验). */
  step?: number;
  /** Set when the review is marked complete (完成复盘). */
  completedAt?: string;
}

/** One row written by an import: enough to show it and to undo it. */
export interface ImportChange {
  table: string;
  id: Id;
  /** Absent for a row the import created. */
  before?: unknown;
  after: unknown;
}

export interface ImportBatch {
  id: Id;
  yearId: Id;
  kind: string;
  files: { name: string; sha256: string }[];
  importedAt: string;
  operator: string;
  counts: { created: number; updated: number; unchanged: number };
  changes: ImportChange[];
  /** What the office decided for the batch (a sheet imported to another month than it says). */
  notes?: string[];
  undone: boolean;
  undoneAt?: string;
}

export type AuditAction = 'create' | 'update' | 'delete';
export interface AuditEntry {
  /** Auto-increment sequence: the order of changes. */
  seq?: number;
  at: string;
  operator: string;
  action: AuditAction;
  /** Table name, e.g. 'units'. */
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Hash of the entry before it ('' for the first); absent on entries from before the chain. See db/auditChain.ts. */
  prevHash?: string;
  /** SHA-256 (hex) of this entry's canonical form without seq and hash. */
  hash?: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** Chinese names of the entities, for the audit log screen. */
export const entityLabels: Record<string, string> = {
  workYears: '工作年度',
  units: '单位',
  leaders: '区领导',
  sections: '工作板块',
  tasks: '重点工作',
  milestones: '月方案节点',
  reports: '月度进展',
  feedback: '督查反馈',
  scoreEntries: '加扣分',
  scoreRules: '评分规则',
  rankings: '赛马排名',
  interviews: '约谈',
  evaluations: '第三方评估',
  reviews: '复盘',
  submissions: '报送记录',
  monthStates: '月度发布',
  importBatches: '导入批次',
  settings: '设置',
  syncState: '多机同步',
};
