// Domain checks of whole rows against the other rows of their year, run inside the writing
// transaction (so a refusal stores nothing). The same checks serve the forms (addTask, …),
// which check before writing, and imports, which check the year's state after writing all
// rows of the batch (so rows of one batch may refer to each other in any order).

import { unitKindLabels, type Leader, type Section, type Task, type Unit, type UnitKind } from '../core/model';
import { findNameClash, normaliseName } from '../core/registry';
import { DomainError } from './errors';
import { db } from './schema';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export async function requireYear(yearId: string): Promise<void> {
  if (typeof yearId !== 'string' || (await db.workYears.get(yearId)) === undefined) throw new DomainError('工作年度不存在（可能已被删除）');
}

export function checkKind(kind: unknown): UnitKind {
  if (typeof kind !== 'string' || !Object.hasOwn(unitKindLabels, kind)) throw new DomainError('单位类型应为区级部门、镇街、国企或平台');
  return kind as UnitKind;
}

/** A real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): boolean {
  const m = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
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
  if (!Array.isArray(t.targets) || !t.targets.every((g) => isString(g?.text) && (g.unit === undefined || isString(g.unit)))) throw incomplete(what, '工作目标');
  if (!t.targets.every((g) => g.value === undefined || isFiniteNumber(g.value))) throw new DomainError(`${what}的目标数值无效`);
  if (!isStringArray(t.leaderIds)) throw incomplete(what, '分管区领导');
  if (!isStringArray(t.coUnitIds)) throw incomplete(what, '责任单位');
  if (!isIsoDate(t.dueDate)) throw new DomainError(`${what}的完成时限应为有效日期（YYYY-MM-DD）`);
}

async function idsOfYear(table: typeof db.units | typeof db.leaders | typeof db.sections, yearId: string): Promise<Set<string>> {
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
    if (t.sectionId !== undefined && !sections.has(t.sectionId)) throw new DomainError(`${what}的工作板块不存在（可能已被删除）`);
    if (t.leadUnitId !== undefined && !units.has(t.leadUnitId)) throw new DomainError(`${what}的牵头单位不存在（可能已被删除）`);
    if (!t.coUnitIds.every((id) => units.has(id))) throw new DomainError(`${what}的责任单位不存在（可能已被删除）`);
    if (!t.leaderIds.every((id) => leaders.has(id))) throw new DomainError(`${what}的分管区领导不存在（可能已被删除）`);
    if (t.carriedOverFrom !== undefined && !carriedFound.has(t.carriedOverFrom)) throw new DomainError(`${what}所结转的上年度重点工作不存在`);
  }
}

// ---------------------------------------------------------------- units, leaders, sections

/** Checks stored or about-to-be-stored units or leaders of a year for name clashes. */
export async function checkRegistryRows(table: typeof db.units | typeof db.leaders, yearId: string, rows: readonly (Unit | Leader)[]): Promise<void> {
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
    if (stored.some((s) => s.id !== row.id && normaliseName(s.name) === key)) throw new DomainError(`工作板块"${row.name.trim()}"已存在`);
  }
}

/**
 * The check of rows of `tableName` written by an import or restored by an undo, given the
 * rows as stored now. Tables without one here only get the generic checks of imports.ts
 * (year, ids); later imports add theirs (milestones, reports, evaluations).
 */
export function checkStoredRows(tableName: string, yearId: string, rows: readonly unknown[]): Promise<void> {
  switch (tableName) {
    case 'tasks':
      return checkTasks(yearId, rows as Task[]);
    case 'units':
      return checkRegistryRows(db.units, yearId, rows as Unit[]);
    case 'leaders':
      return checkRegistryRows(db.leaders, yearId, rows as Leader[]);
    case 'sections':
      return checkSections(yearId, rows as Section[]);
    default:
      return Promise.resolve();
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
    default:
      return [];
  }
}
