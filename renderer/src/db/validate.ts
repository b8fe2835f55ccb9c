// Domain checks of whole rows against the other rows of their year, run inside the writing
// transaction (so a refusal stores nothing). The same checks serve the forms (addTask, …),
// which check before writing, and imports, which check the year's state after writing all
// rows of the batch (so rows of one batch may refer to each other in any order).

import {
  EVALUATION_SCALES,
  RATER_TYPES,
  SCORE_ENTRY_STATES,
  unitKindLabels,
  VERDICTS,
  type Evaluation,
  type Feedback,
  type Interview,
  type Leader,
  type Milestone,
  type ProgressReport,
  type ScoreEntry,
  type ScoreRule,
  type Section,
  type Submission,
  type Task,
  type Unit,
  type UnitKind,
  type Verdict,
  type WorkYear,
} from '../core/model';
import { isIsoDate } from '../core/dates';
import { findNameClash, normaliseName } from '../core/registry';
import { effectiveScoreRules, MANUAL_RULE_ID } from '../core/scoring';
import { DomainError } from './errors';
import { db } from './schema';

export async function requireYear(yearId: string): Promise<WorkYear> {
  const year = typeof yearId === 'string' ? await db.workYears.get(yearId) : undefined;
  if (year === undefined) throw new DomainError('工作年度不存在（可能已被删除）');
  return year;
}

/** A month number 1..12. */
export function isMonth(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 12;
}

/** Refuses a month that is not 1..12. */
export function checkMonth(month: unknown): number {
  if (!isMonth(month)) throw new DomainError(`月份应为1至12（现为 ${String(month)}）`);
  return month;
}

export function checkKind(kind: unknown): UnitKind {
  if (typeof kind !== 'string' || !Object.hasOwn(unitKindLabels, kind))
    throw new DomainError('单位类型应为区级部门、镇街、国企或平台');
  return kind as UnitKind;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isPercent(v: unknown): v is number {
  return isFiniteNumber(v) && v >= 0 && v <= 100;
}

function isOptional<T>(v: unknown, test: (x: unknown) => x is T): boolean {
  return v === undefined || test(v);
}

function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}

function incomplete(what: string, field: string): DomainError {
  return new DomainError(`${what}的数据不完整（${field}）`);
}

// ---------------------------------------------------------------- tasks

/** A task's title for messages ('重点工作"…"'). */
export function taskLabel(task: { title?: unknown }): string {
  return `重点工作"${isString(task.title) ? task.title.trim() : ''}"`;
}

function checkTaskShape(t: Task): void {
  if (!isString(t.title) || normaliseName(t.title) === '') throw new DomainError('重点工作名称不能为空');
  const what = taskLabel(t);
  if (!isString(t.code)) throw incomplete(what, '序号');
  if (!isString(t.responsiblePerson)) throw incomplete(what, '责任人');
  if (!Array.isArray(t.measures) || !t.measures.every((m) => isString(m?.text))) throw incomplete(what, '主要措施');
  if (
    !Array.isArray(t.targets) ||
    !t.targets.every((g) => isString(g?.text) && (g.unit === undefined || isString(g.unit)))
  )
    throw incomplete(what, '工作目标');
  if (!t.targets.every((g) => g.value === undefined || isFiniteNumber(g.value)))
    throw new DomainError(`${what}的目标数值无效`);
  if (!isStringArray(t.leaderIds)) throw incomplete(what, '分管区领导');
  if (!isStringArray(t.coUnitIds)) throw incomplete(what, '责任单位');
  if (!isIsoDate(t.dueDate)) throw new DomainError(`${what}的完成时限应为有效日期（YYYY-MM-DD）`);
}

async function idsOfYear(
  table: typeof db.units | typeof db.leaders | typeof db.sections,
  yearId: string,
): Promise<Set<string>> {
  return new Set((await table.where('yearId').equals(yearId).primaryKeys()) as string[]);
}

/**
 * Checks tasks of year `yearId` against the year's stored tasks, sections, leaders and units:
 * a title, no other task of the year with the same title (spaces and full-width forms
 * ignored), references to records of the same year, a valid due date. A task compared with
 * the stored ones is skipped by id, so the tasks may be stored already (imports) or not yet.
 */
export async function checkTasks(yearId: string, tasks: readonly Task[]): Promise<void> {
  if (tasks.length === 0) return;
  for (const t of tasks) {
    checkTaskShape(t);
    if (t.yearId !== yearId) throw new DomainError(`${taskLabel(t)}不属于本工作年度`);
  }
  const [units, leaders, sections, stored] = [
    await idsOfYear(db.units, yearId),
    await idsOfYear(db.leaders, yearId),
    await idsOfYear(db.sections, yearId),
    await db.tasks.where('yearId').equals(yearId).toArray(),
  ];
  const byTitle = new Map<string, string[]>();
  for (const s of stored) {
    const key = normaliseName(s.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), s.id]);
  }
  const carried = [...new Set(tasks.map((t) => t.carriedOverFrom).filter((id): id is string => id !== undefined))];
  const carriedFound = new Set((await db.tasks.bulkGet(carried)).filter((t) => t !== undefined).map((t) => t.id));
  for (const t of tasks) {
    const what = taskLabel(t);
    if ((byTitle.get(normaliseName(t.title)) ?? []).some((id) => id !== t.id)) throw new DomainError(`${what}已存在`);
    if (t.sectionId !== undefined && !sections.has(t.sectionId))
      throw new DomainError(`${what}的工作板块不存在（可能已被删除）`);
    if (t.leadUnitId !== undefined && !units.has(t.leadUnitId))
      throw new DomainError(`${what}的牵头单位不存在（可能已被删除）`);
    if (!t.coUnitIds.every((id) => units.has(id))) throw new DomainError(`${what}的责任单位不存在（可能已被删除）`);
    if (!t.leaderIds.every((id) => leaders.has(id))) throw new DomainError(`${what}的分管区领导不存在（可能已被删除）`);
    if (t.carriedOverFrom !== undefined && !carriedFound.has(t.carriedOverFrom))
      throw new DomainError(`${what}所结转的上年度重点工作不存在`);
  }
}

// ---------------------------------------------------------------- units, leaders, sections

/** Checks stored or about-to-be-stored units or leaders of a year for name clashes. */
export async function checkRegistryRows(
  table: typeof db.units | typeof db.leaders,
  yearId: string,
  rows: readonly (Unit | Leader)[],
): Promise<void> {
  if (rows.length === 0) return;
  const kindLabel = table.name === 'units' ? '单位' : '区领导';
  for (const row of rows) {
    if (!isString(row.name)) throw incomplete(kindLabel, '名称');
    const what = `${kindLabel}"${row.name.trim()}"`;
    if (!isStringArray(row.aliases)) throw incomplete(what, '别名');
    if (!isFiniteNumber(row.sortOrder)) throw incomplete(what, '排序');
    if (row.yearId !== yearId) throw new DomainError(`${what}不属于本工作年度`);
    if (table.name === 'units') checkKind((row as Unit).kind);
  }
  const existing: (Unit | Leader)[] = await table.where('yearId').equals(yearId).toArray();
  for (const row of rows) {
    const clash = findNameClash(existing, row, kindLabel);
    if (clash) throw new DomainError(clash);
  }
}

/** Checks sections of a year: a name, unique in the year (spaces and full-width forms ignored). */
export async function checkSections(yearId: string, rows: readonly Section[]): Promise<void> {
  if (rows.length === 0) return;
  for (const row of rows) {
    if (!isString(row.name) || normaliseName(row.name) === '') throw new DomainError('工作板块名称不能为空');
    if (!isFiniteNumber(row.sortOrder)) throw incomplete(`工作板块"${row.name.trim()}"`, '排序');
    if (row.yearId !== yearId) throw new DomainError(`工作板块"${row.name.trim()}"不属于本工作年度`);
  }
  const stored = await db.sections.where('yearId').equals(yearId).toArray();
  for (const row of rows) {
    const key = normaliseName(row.name);
    if (stored.some((s) => s.id !== row.id && normaliseName(s.name) === key))
      throw new DomainError(`工作板块"${row.name.trim()}"已存在`);
  }
}

// ---------------------------------------------------------------- the monthly cycle

/** The names of a year's units and the titles of its tasks, for reference checks and messages. */
interface YearNames {
  units: Map<string, string>;
  tasks: Map<string, string>;
}

async function yearNames(yearId: string): Promise<YearNames> {
  const units = await db.units.where('yearId').equals(yearId).toArray();
  const tasks = await db.tasks.where('yearId').equals(yearId).toArray();
  return { units: new Map(units.map((u) => [u.id, u.name])), tasks: new Map(tasks.map((t) => [t.id, t.title])) };
}

/** '月度进展（区财政局，重点工作"…"，5月）' for a row of a unit, task and month. */
function monthRowLabel(
  label: string,
  names: YearNames,
  row: { unitId?: unknown; taskId?: unknown; month?: unknown },
): string {
  const parts: string[] = [];
  const unit = isString(row.unitId) ? names.units.get(row.unitId) : undefined;
  if (unit !== undefined) parts.push(unit);
  const task = isString(row.taskId) ? names.tasks.get(row.taskId) : undefined;
  if (task !== undefined) parts.push(`重点工作"${task}"`);
  if (isFiniteNumber(row.month)) parts.push(`${row.month}月`);
  return parts.length > 0 ? `${label}（${parts.join('，')}）` : label;
}

/** Refuses a row of another year, or one whose unit or task (when it has them) is not of this year. */
function checkMonthRowRefs(
  what: string,
  names: YearNames,
  yearId: string,
  row: { yearId?: unknown; unitId?: unknown; taskId?: unknown },
  hasTask: boolean,
): void {
  if (row.yearId !== yearId) throw new DomainError(`${what}不属于本工作年度`);
  if (!isString(row.unitId) || !names.units.has(row.unitId))
    throw new DomainError(`${what}的单位不存在（可能已被删除）`);
  if (hasTask && (!isString(row.taskId) || !names.tasks.has(row.taskId)))
    throw new DomainError(`${what}的重点工作不存在（可能已被删除）`);
}

/**
 * Checks milestones (月方案节点) of a year as stored now (call after writing them): a task of
 * the year, a month inside the year's work window, a text, a planned cumulative percent
 * 0–100; and over each task's stored milestones, one per month and percents that never
 * decrease from month to month. (Completeness — a text for every month, 100 by the due
 * month — is the plan validation of core/, shown before saving.)
 */
export async function checkMilestones(yearId: string, rows: readonly Milestone[]): Promise<void> {
  if (rows.length === 0) return;
  const year = await requireYear(yearId);
  const names = await yearNames(yearId);
  const taskIds = new Set<string>();
  for (const m of rows) {
    const title = isString(m.taskId) ? names.tasks.get(m.taskId) : undefined;
    const task = `重点工作"${title ?? ''}"`;
    const what = `${task}的${String(m.month)}月节点`;
    if (m.yearId !== yearId) throw new DomainError(`${title === undefined ? '月方案节点' : what}不属于本工作年度`);
    if (title === undefined) throw new DomainError('月方案节点所属的重点工作不存在（可能已被删除）');
    if (
      typeof m.month !== 'number' ||
      !Number.isInteger(m.month) ||
      m.month < year.windowStartMonth ||
      m.month > year.windowEndMonth
    ) {
      throw new DomainError(
        `${task}的月方案月份应在${year.windowStartMonth}月至${year.windowEndMonth}月之间（现为 ${String(m.month)}）`,
      );
    }
    if (!isString(m.text)) throw incomplete(what, '节点目标');
    if (!isPercent(m.plannedPercent)) throw new DomainError(`${what}的计划累计进度应为0至100之间的数`);
    taskIds.add(m.taskId);
  }
  for (const taskId of taskIds) {
    const task = `重点工作"${names.tasks.get(taskId) ?? ''}"`;
    const stored = await db.milestones.where('taskId').equals(taskId).sortBy('month');
    for (let i = 1; i < stored.length; i += 1) {
      const prev = stored[i - 1] as Milestone;
      const cur = stored[i] as Milestone;
      if (cur.month === prev.month) throw new DomainError(`${task}的${cur.month}月节点重复`);
      if (cur.plannedPercent < prev.plannedPercent) {
        throw new DomainError(
          `${task}的计划累计进度不能逐月减少（${cur.month}月 ${cur.plannedPercent}% 低于${prev.month}月 ${prev.plannedPercent}%）`,
        );
      }
    }
  }
}

const REPORT_TEXTS = [
  ['statusWord', '状态'],
  ['doneThisMonth', '本月完成情况'],
  ['problems', '存在问题'],
  ['nextSteps', '下步措施'],
  ['coordination', '需协调事项'],
  ['delayExplanation', '滞后原因说明'],
  ['reporter', '填报人'],
  ['phone', '联系电话'],
] as const;

/**
 * Checks progress reports of a year as stored now: a month 1–12, a task and a unit of the
 * year, a cumulative percent 0–100, the texts, a received date; and one report per task,
 * unit and month.
 */
export async function checkReports(yearId: string, rows: readonly ProgressReport[]): Promise<void> {
  if (rows.length === 0) return;
  const names = await yearNames(yearId);
  // One read per month touched, not one query per row: an import can bring 15,000 rows.
  const stored = new Map<string, string[]>();
  for (const month of new Set(rows.map((r) => r.month))) {
    for (const o of await db.reports.where('[yearId+month]').equals([yearId, month]).toArray()) {
      const key = `${o.taskId}/${o.unitId}/${o.month}`;
      stored.set(key, [...(stored.get(key) ?? []), o.id]);
    }
  }
  for (const r of rows) {
    const what = monthRowLabel('月度进展', names, r);
    checkMonthRowRefs(what, names, yearId, r, true);
    if (!isMonth(r.month)) throw new DomainError(`${what}的月份应为1至12`);
    if (!isPercent(r.percent)) throw new DomainError(`${what}的累计进度应为0至100之间的数`);
    if (!isBoolean(r.isLeadUnit)) throw incomplete(what, '牵头单位标记');
    for (const [field, label] of REPORT_TEXTS) if (!isString(r[field])) throw incomplete(what, label);
    if (!isIsoDate(r.receivedDate)) throw new DomainError(`${what}的收到日期应为有效日期（YYYY-MM-DD）`);
    if (!isOptional(r.receivedDateReason, isString)) throw incomplete(what, '更改收到日期的原因');
    if ((stored.get(`${r.taskId}/${r.unitId}/${r.month}`) ?? []).some((id) => id !== r.id))
      throw new DomainError(`${what}已存在，不能重复`);
  }
}

/**
 * Checks submissions (报送记录) of a year as stored now: a kind, month 0 for a plan and 1–12
 * for progress, a unit of the year, a received date, a file name; and one record per unit,
 * kind and month.
 */
export async function checkSubmissions(yearId: string, rows: readonly Submission[]): Promise<void> {
  if (rows.length === 0) return;
  const names = await yearNames(yearId);
  for (const s of rows) {
    const unit = isString(s.unitId) ? names.units.get(s.unitId) : undefined;
    const what = `${unit ?? ''}的${s.kind === 'plan' ? '月方案' : `${String(s.month)}月进展`}报送记录`;
    checkMonthRowRefs(what, names, yearId, s, false);
    if (s.kind !== 'plan' && s.kind !== 'progress') throw new DomainError(`${what}的类型应为月方案或月度进展`);
    if (s.kind === 'plan' ? s.month !== 0 : !isMonth(s.month))
      throw new DomainError(`${what}的月份无效（月方案为0，月度进展为1至12）`);
    if (!isIsoDate(s.receivedDate)) throw new DomainError(`${what}的收到日期应为有效日期（YYYY-MM-DD）`);
    if (!isOptional(s.receivedDateReason, isString)) throw incomplete(what, '更改收到日期的原因');
    if (!isString(s.fileName)) throw incomplete(what, '文件名');
    if (!isOptional(s.importBatchId, isString)) throw incomplete(what, '导入批次');
    const same = await db.submissions
      .where('[yearId+kind+month]')
      .equals([yearId, s.kind, s.month])
      .filter((o) => o.unitId === s.unitId && o.id !== s.id)
      .count();
    if (same > 0) throw new DomainError(`${what}已存在，不能重复`);
  }
}

function isVerdict(v: unknown): v is Verdict {
  return (VERDICTS as readonly unknown[]).includes(v);
}

/**
 * Checks feedback (督查反馈) of a year as stored now or about to be: a month 1–12, a task and a
 * unit of the year, a verdict (属实/基本属实/不属实) or none, a comment, a reviewer, a date; and
 * one feedback per task, unit and month.
 */
export async function checkFeedback(yearId: string, rows: readonly Feedback[]): Promise<void> {
  if (rows.length === 0) return;
  const names = await yearNames(yearId);
  for (const f of rows) {
    const what = monthRowLabel('督查反馈', names, f);
    checkMonthRowRefs(what, names, yearId, f, true);
    if (!isMonth(f.month)) throw new DomainError(`${what}的月份应为1至12`);
    if (!isOptional(f.verdict, isVerdict)) throw new DomainError(`${what}的核查结论应为属实、基本属实或不属实`);
    if (!isString(f.comment)) throw incomplete(what, '反馈意见');
    if (!isOptional(f.explanationAccepted, isBoolean)) throw incomplete(what, '是否认可说明');
    if (!isString(f.reviewer)) throw incomplete(what, '督查人');
    if (!isIsoDate(f.date)) throw new DomainError(`${what}的日期应为有效日期（YYYY-MM-DD）`);
    const same = await db.feedback
      .where('[taskId+month]')
      .equals([f.taskId, f.month])
      .filter((o) => o.unitId === f.unitId && o.id !== f.id)
      .count();
    if (same > 0) throw new DomainError(`${what}已存在，不能重复`);
  }
}

// ---------------------------------------------------------------- scoring (赛马) and interviews (约谈)

/** A non-empty text after trimming. */
export function isFilled(v: unknown): v is string {
  return isString(v) && v.trim() !== '';
}

function ruleLabel(r: { id?: unknown; name?: unknown }): string {
  return `评分规则"${isFilled(r.name) ? r.name.trim() : isString(r.id) ? r.id : ''}"`;
}

/**
 * Checks rules of a year's rule table (评分规则) as stored now or about to be: a code (id, not
 * 'manual'), a name, points (a finite number, negative for deductions), an optional cap (a
 * positive number), the two flags; and, over the year's stored rules, no two with the same
 * code or name.
 */
export async function checkScoreRules(yearId: string, rows: readonly ScoreRule[]): Promise<void> {
  if (rows.length === 0) return;
  for (const r of rows) {
    const what = ruleLabel(r);
    if (!isFilled(r.id)) throw incomplete(what, '规则代码');
    if (r.id === MANUAL_RULE_ID) throw new DomainError(`规则代码"${MANUAL_RULE_ID}"留给手工加扣分，不能用作评分规则`);
    if (r.yearId !== yearId) throw new DomainError(`${what}不属于本工作年度`);
    if (!isFilled(r.name)) throw new DomainError('评分规则名称不能为空');
    if (!isFiniteNumber(r.points)) throw new DomainError(`${what}的分值应为有效数字`);
    if (r.cap !== undefined && !(isFiniteNumber(r.cap) && r.cap > 0))
      throw new DomainError(`${what}的封顶分值应为正数（不封顶则不填）`);
    if (!isBoolean(r.leadUnitOnly)) throw incomplete(what, '是否仅限牵头单位');
    if (!isBoolean(r.enabled)) throw incomplete(what, '是否启用');
  }
  const stored = new Map((await db.scoreRules.where('yearId').equals(yearId).toArray()).map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.id)) throw new DomainError(`评分规则代码"${r.id}"重复`);
    seen.add(r.id);
    stored.set(r.id, r);
  }
  const names = new Map<string, string>();
  for (const r of stored.values()) {
    const key = normaliseName(r.name);
    if (names.has(key)) throw new DomainError(`评分规则名称"${r.name.trim()}"重复`);
    names.set(key, r.id);
  }
}

/**
 * Checks score entries (加扣分) of a year as stored now or about to be: a month 1–12, a unit of
 * the year, points (a finite number; a manual entry's not 0), a reason, a state, a rule of the
 * year's table for an automatic entry and 'manual' for a manual one (which is always
 * confirmed), evidence whose task and report are of the year, and a note for a waiver.
 */
export async function checkScoreEntries(yearId: string, rows: readonly ScoreEntry[]): Promise<void> {
  if (rows.length === 0) return;
  const names = await yearNames(yearId);
  const rules = new Set(
    effectiveScoreRules(yearId, await db.scoreRules.where('yearId').equals(yearId).toArray()).map((r) => r.id),
  );
  const reportIds = [...new Set(rows.map((e) => e.evidence?.reportId).filter((id): id is string => isString(id)))];
  const reports = new Set(
    (await db.reports.bulkGet(reportIds))
      .filter((r): r is ProgressReport => r !== undefined && r.yearId === yearId)
      .map((r) => r.id),
  );
  for (const e of rows) {
    const what = monthRowLabel('加扣分', names, e);
    checkMonthRowRefs(what, names, yearId, e, false);
    if (!isMonth(e.month)) throw new DomainError(`${what}的月份应为1至12`);
    if (!isFiniteNumber(e.points)) throw new DomainError(`${what}的分值应为有效数字`);
    if (!isFilled(e.reason)) throw new DomainError(`${what}的原因不能为空`);
    if (!(SCORE_ENTRY_STATES as readonly unknown[]).includes(e.state)) throw incomplete(what, '状态');
    if (!isBoolean(e.automatic)) throw incomplete(what, '自动/手工标记');
    if (e.automatic) {
      if (!isString(e.ruleId) || !rules.has(e.ruleId))
        throw new DomainError(`${what}的评分规则"${String(e.ruleId)}"不存在，请先建立本年度的评分规则`);
    } else {
      if (e.ruleId !== MANUAL_RULE_ID) throw incomplete(what, '规则');
      if (e.points === 0) throw new DomainError('加扣分的分值不能为0');
      if (e.state !== 'confirmed') throw new DomainError(`${what}为手工录入，状态应为已确认`);
    }
    if (e.state === 'waived' && !isFilled(e.decisionNote)) throw new DomainError('请填写免扣原因');
    if (
      !isOptional(e.decidedBy, isString) ||
      !isOptional(e.decidedAt, isString) ||
      !isOptional(e.decisionNote, isString)
    )
      throw incomplete(what, '确认信息');
    const ev = e.evidence;
    if (ev === undefined) continue;
    if (typeof ev !== 'object' || ev === null) throw incomplete(what, '依据');
    if (ev.taskId !== undefined && (!isString(ev.taskId) || !names.tasks.has(ev.taskId)))
      throw new DomainError(`${what}所依据的重点工作不存在（可能已被删除）`);
    if (ev.reportId !== undefined && (!isString(ev.reportId) || !reports.has(ev.reportId)))
      throw new DomainError(`${what}所依据的月度进展不存在（可能已被删除）`);
    if (!isOptional(ev.file, isString)) throw incomplete(what, '依据文件');
    if (ev.row !== undefined && !(isFiniteNumber(ev.row) && Number.isInteger(ev.row) && ev.row > 0))
      throw incomplete(what, '依据行号');
  }
}

/**
 * Checks interviews (约谈) of a year as stored now or about to be: a month 1–12, a unit of the
 * year, a date, a reason, the texts (attendees, outcome, follow-up) and the suggested flag.
 */
export async function checkInterviews(yearId: string, rows: readonly Interview[]): Promise<void> {
  if (rows.length === 0) return;
  const names = await yearNames(yearId);
  for (const i of rows) {
    const what = monthRowLabel('约谈', names, i);
    checkMonthRowRefs(what, names, yearId, i, false);
    if (!isMonth(i.month)) throw new DomainError(`${what}的月份应为1至12`);
    if (!isFilled(i.date)) throw new DomainError('请填写约谈日期');
    if (!isIsoDate(i.date)) throw new DomainError(`约谈日期应为有效日期（YYYY-MM-DD），现为"${String(i.date)}"`);
    if (!isFilled(i.reason)) throw new DomainError('请填写约谈事由');
    if (!isString(i.attendees)) throw incomplete(what, '参加人员');
    if (!isString(i.outcome)) throw incomplete(what, '约谈情况');
    if (!isString(i.followUp)) throw incomplete(what, '整改跟踪');
    if (!isBoolean(i.suggested)) throw incomplete(what, '是否系统建议');
  }
}

// ---------------------------------------------------------------- evaluations

/**
 * Checks evaluations (第三方评估) of a year as stored now or about to be: a unit or a task of
 * the year (exactly one), a rater type, a score 0–100, a sample size (a whole number, or none),
 * the figures as written, and at most one evaluation per unit or task and rater type in the year.
 */
export async function checkEvaluations(yearId: string, rows: readonly Evaluation[]): Promise<void> {
  if (rows.length === 0) return;
  const units = new Map((await db.units.where('yearId').equals(yearId).toArray()).map((u) => [u.id, u.name]));
  const tasks = new Map((await db.tasks.where('yearId').equals(yearId).toArray()).map((t) => [t.id, t.title]));
  const label = (e: Evaluation): string => {
    const target =
      e.taskId !== undefined ? `重点工作"${tasks.get(e.taskId) ?? ''}"` : (units.get(e.unitId ?? '') ?? '');
    return `第三方评估（${[target, isString(e.rater) ? e.rater : ''].filter((x) => x !== '').join('，')}）`;
  };
  for (const e of rows) {
    const what = label(e);
    if (e.yearId !== yearId) throw new DomainError(`${what}不属于本工作年度`);
    if ((e.unitId === undefined) === (e.taskId === undefined))
      throw new DomainError(`${what}应评价一个单位或一项重点工作`);
    if (e.unitId !== undefined && !units.has(e.unitId)) throw new DomainError(`${what}的单位不存在（可能已被删除）`);
    if (e.taskId !== undefined && !tasks.has(e.taskId))
      throw new DomainError(`${what}的重点工作不存在（可能已被删除）`);
    if (!(RATER_TYPES as readonly unknown[]).includes(e.rater))
      throw new DomainError(`${what}的评价主体应为企业、群众或第三方机构`);
    if (!isFiniteNumber(e.score) || e.score < 0 || e.score > 100)
      throw new DomainError(`${what}的得分应为0至100之间的数`);
    if (
      e.sampleSize !== undefined &&
      !(isFiniteNumber(e.sampleSize) && Number.isInteger(e.sampleSize) && e.sampleSize >= 0)
    )
      throw new DomainError(`${what}的样本数应为整数`);
    if (!isOptional(e.rawScore, isFiniteNumber)) throw incomplete(what, '原始得分');
    if (e.scale !== undefined && !(EVALUATION_SCALES as readonly unknown[]).includes(e.scale))
      throw incomplete(what, '评分制');
    if (
      !isOptional(e.sourceFile, isString) ||
      !isOptional(e.sourceSheet, isString) ||
      !isOptional(e.sourceRow, isFiniteNumber)
    )
      throw incomplete(what, '来源');
    if (!isOptional(e.sampleAcceptedBy, isString) || !isOptional(e.sampleAcceptedAt, isString))
      throw incomplete(what, '采纳信息');
  }
  const keys = new Map<string, string>();
  for (const e of await db.evaluations.where('yearId').equals(yearId).toArray()) {
    const key = `${e.unitId ?? ''}|${e.taskId ?? ''}|${e.rater}`;
    const other = keys.get(key);
    if (other !== undefined && other !== e.id)
      throw new DomainError(`${label(e)}重复：同一单位或重点工作的同一评价主体只能有一条评估结果`);
    keys.set(key, e.id);
  }
}

// ---------------------------------------------------------------- dispatch

/**
 * The check of rows of `tableName` written by an import or restored by an undo, given the
 * rows as stored now. Tables without one here only get the generic checks of imports.ts
 * (year, ids).
 */
export async function checkStoredRows(tableName: string, yearId: string, rows: readonly unknown[]): Promise<void> {
  switch (tableName) {
    case 'tasks':
      return checkTasks(yearId, rows as Task[]);
    case 'units':
      return checkRegistryRows(db.units, yearId, rows as Unit[]);
    case 'leaders':
      return checkRegistryRows(db.leaders, yearId, rows as Leader[]);
    case 'sections':
      return checkSections(yearId, rows as Section[]);
    case 'milestones':
      return checkMilestones(yearId, rows as Milestone[]);
    case 'reports':
      return checkReports(yearId, rows as ProgressReport[]);
    case 'submissions':
      return checkSubmissions(yearId, rows as Submission[]);
    case 'feedback':
      return checkFeedback(yearId, rows as Feedback[]);
    case 'evaluations':
      return checkEvaluations(yearId, rows as Evaluation[]);
    default:
      return undefined;
  }
}

/** The tables checkStoredRows(tableName, …) reads, to put in the transaction. */
export function checkedTables(tableName: string): string[] {
  switch (tableName) {
    case 'tasks':
      return ['tasks', 'units', 'leaders', 'sections'];
    case 'units':
    case 'leaders':
    case 'sections':
      return [tableName];
    case 'milestones':
      return ['milestones', 'workYears', 'units', 'tasks'];
    case 'reports':
    case 'feedback':
      return [tableName, 'units', 'tasks'];
    case 'submissions':
      return ['submissions', 'units', 'tasks'];
    case 'evaluations':
      return ['evaluations', 'units', 'tasks'];
    default:
      return [];
  }
}
