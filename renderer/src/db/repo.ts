// Repositories: every write of the app, each in one audited transaction (audit.ts), with the
// domain checks made inside that transaction so that a refusal stores nothing.

import type { Table } from 'dexie';
import { defaultGroupForKind, type Leader, type Unit, type WorkYear } from '../core/model';
import { isIsoDate } from '../core/dates';
import { findNameClash } from '../core/registry';
import { writeTransaction, type AuditedWriter } from './audit';
import { nowIso } from './clock';
import { DomainError } from './errors';
import { newId } from './ids';
import { setOperator } from './operator';
import { getSetting } from './queries';
import { findReferrers, referrerLabels, referringTables } from './refs';
import { db } from './schema';
import { checkKind, requireYear } from './validate';

const OPERATOR_KEY = 'operator';

// ---------------------------------------------------------------- settings and operator

/** Stores a setting (audited; writing the same value again logs nothing). */
export function putSetting(key: string, value: unknown): Promise<void> {
  return writeTransaction([db.settings], async (w) => {
    await w.put(db.settings, { key, value });
  });
}

/** Reads the saved operator name and makes it the current operator. */
export async function loadOperator(): Promise<string | undefined> {
  const saved = await getSetting<unknown>(OPERATOR_KEY);
  if (typeof saved !== 'string' || saved.trim() === '') return undefined;
  setOperator(saved);
  return saved.trim();
}

/** Saves the operator name (audited under the new name) and makes it the current operator. */
export async function saveOperator(name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === '') throw new DomainError('操作人姓名不能为空');
  await writeTransaction(
    [db.settings],
    async (w) => {
      await w.put(db.settings, { key: OPERATOR_KEY, value: trimmed });
    },
    { operator: trimmed },
  );
  setOperator(trimmed);
}

// ---------------------------------------------------------------- work years

export type NewWorkYear = Omit<WorkYear, 'id' | 'createdAt'>;

const MONTH_DAY = /^(\d{2})-(\d{2})$/u;

function isIntIn(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function isMonthDay(s: unknown): boolean {
  const m = typeof s === 'string' ? MONTH_DAY.exec(s) : null;
  return m !== null && isIntIn(Number(m[1]), 1, 12) && isIntIn(Number(m[2]), 1, 31);
}

function checkWorkYear(y: NewWorkYear): void {
  if (!isIntIn(y.year, 2000, 2100)) throw new DomainError('年度应为四位数年份（2000—2100）');
  if (
    !isIntIn(y.windowStartMonth, 1, 12) ||
    !isIntIn(y.windowEndMonth, 1, 12) ||
    y.windowStartMonth > y.windowEndMonth
  ) {
    throw new DomainError('工作月份应在1至12月之间，且起始月不晚于结束月');
  }
  if (!isMonthDay(y.planDue)) throw new DomainError('月方案报送截止日期应为"月-日"，如 03-10');
  if (!isMonthDay(y.completionDue)) throw new DomainError('完成时限应为"月-日"，如 11-30');
  if (!isIntIn(y.reportDueDay, 1, 31)) throw new DomainError('月度进展报送日应为1至31日');
  if (!isIntIn(y.feedbackDueDay, 1, 31)) throw new DomainError('督查反馈截止日应为1至31日');
  for (const d of [...y.extraHolidays, ...y.extraWorkdays]) {
    if (!isIsoDate(d)) throw new DomainError(`日期"${String(d)}"应写作 YYYY-MM-DD`);
  }
}

function cleanWorkYear(input: NewWorkYear): NewWorkYear {
  return {
    year: input.year,
    title: input.title.trim(),
    windowStartMonth: input.windowStartMonth,
    windowEndMonth: input.windowEndMonth,
    planDue: input.planDue,
    reportDueDay: input.reportDueDay,
    feedbackDueDay: input.feedbackDueDay,
    completionDue: input.completionDue,
    extraHolidays: [...input.extraHolidays],
    extraWorkdays: [...input.extraWorkdays],
  };
}

async function assertYearFree(year: number, exceptId?: string): Promise<void> {
  const taken = await db.workYears.where('year').equals(year).first();
  if (taken && taken.id !== exceptId)
    throw new DomainError(
      taken.sample
        ? `${year}年度已被示例数据占用；如需建立正式的${year}年度，请先在“工作年度”页面删除示例数据`
        : `${year}年度已存在`,
    );
}

export function createWorkYear(input: NewWorkYear): Promise<WorkYear> {
  return writeTransaction([db.workYears], async (w) => {
    const clean = cleanWorkYear(input);
    checkWorkYear(clean);
    await assertYearFree(clean.year);
    return w.add(db.workYears, { ...clean, id: newId(), createdAt: nowIso() });
  });
}

export function updateWorkYear(id: string, patch: Partial<NewWorkYear>): Promise<void> {
  return writeTransaction([db.workYears], async (w) => {
    const before = await db.workYears.get(id);
    if (!before) throw new DomainError('工作年度不存在（可能已被删除）');
    const merged = cleanWorkYear({ ...before, ...definedOnly(patch) });
    checkWorkYear(merged);
    if (merged.year !== before.year) await assertYearFree(merged.year, id);
    await w.update(db.workYears, id, merged);
  });
}

// ---------------------------------------------------------------- registries (units, leaders)

interface RegistryRow {
  id: string;
  yearId: string;
  name: string;
  aliases: string[];
  sortOrder: number;
}

/** How one registry (units or leaders) is checked and guarded (references: refs.ts). */
interface Registry<T extends RegistryRow> {
  table: Table<T, string>;
  /** '单位' or '区领导', for messages. */
  kindLabel: string;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function cleanAliases(aliases: readonly string[]): string[] {
  return aliases.map((a) => a.trim()).filter((a) => a !== '');
}

/** Adds rows to a registry: all or nothing; sortOrder continues after the year's last. */
async function insertRows<T extends RegistryRow>(
  w: AuditedWriter,
  registry: Registry<T>,
  inputs: Omit<T, 'id' | 'sortOrder'>[],
): Promise<T[]> {
  const { table, kindLabel } = registry;
  const stored = new Map<string, T[]>();
  const added: T[] = [];
  for (const input of inputs) {
    let existing = stored.get(input.yearId);
    if (!existing) {
      await requireYear(input.yearId);
      existing = await table.where('yearId').equals(input.yearId).toArray();
      stored.set(input.yearId, existing);
    }
    const sameYear = added.filter((row) => row.yearId === input.yearId);
    const clash =
      findNameClash(existing, input, kindLabel) ?? findNameClash(sameYear, input, kindLabel, '本次名单中的');
    if (clash) throw new DomainError(clash);
    const maxOrder = Math.max(0, ...existing.map((r) => r.sortOrder), ...sameYear.map((r) => r.sortOrder));
    const row = { ...input, id: newId(), sortOrder: maxOrder + 1 } as T;
    await w.add(table, row);
    added.push(row);
  }
  return added;
}

async function updateRow<T extends RegistryRow>(
  w: AuditedWriter,
  registry: Registry<T>,
  id: string,
  patch: Partial<T>,
): Promise<void> {
  const { table, kindLabel } = registry;
  const before = await table.get(id);
  if (!before) throw new DomainError(`${kindLabel}不存在（可能已被删除）`);
  if (patch.yearId !== undefined && patch.yearId !== before.yearId)
    throw new DomainError(`不能更改${kindLabel}所属的工作年度`);
  const merged = { ...before, ...patch };
  const others = await table.where('yearId').equals(before.yearId).toArray();
  const clash = findNameClash(others, merged, kindLabel);
  if (clash) throw new DomainError(clash);
  await w.update(table, id, patch);
}

async function deleteRow<T extends RegistryRow>(w: AuditedWriter, registry: Registry<T>, id: string): Promise<void> {
  const { table, kindLabel } = registry;
  const row = await table.get(id);
  if (!row) throw new DomainError(`${kindLabel}不存在（可能已被删除）`);
  const referrers = await findReferrers(table.name, [id], row.yearId);
  if (referrers.length > 0)
    throw new DomainError(`${kindLabel}"${row.name}"已被${referrerLabels(referrers)}引用，不能删除`);
  await w.delete(table, id);
}

// ---------------------------------------------------------------- units

export type NewUnit = Omit<Unit, 'id' | 'sortOrder'>;

const units: Registry<Unit> = { table: db.units, kindLabel: '单位' };

function cleanUnit(input: NewUnit): NewUnit {
  const kind = checkKind(input.kind);
  return {
    yearId: input.yearId,
    name: input.name.trim(),
    kind,
    rankingGroup: input.rankingGroup.trim() || defaultGroupForKind[kind],
    aliases: cleanAliases(input.aliases),
    contactPerson: input.contactPerson.trim(),
    phone: input.phone.trim(),
  };
}

/** Cleans a unit patch; a kind change moves a unit still in its old default group to the new default. */
function cleanUnitPatch(before: Unit, patch: Partial<NewUnit>): Partial<NewUnit> {
  const out: Partial<NewUnit> = definedOnly(patch);
  if (out.name !== undefined) out.name = out.name.trim();
  if (out.aliases !== undefined) out.aliases = cleanAliases(out.aliases);
  if (out.contactPerson !== undefined) out.contactPerson = out.contactPerson.trim();
  if (out.phone !== undefined) out.phone = out.phone.trim();
  const kind = out.kind !== undefined ? checkKind(out.kind) : before.kind;
  if (out.rankingGroup !== undefined) out.rankingGroup = out.rankingGroup.trim() || defaultGroupForKind[kind];
  else if (kind !== before.kind && before.rankingGroup === defaultGroupForKind[before.kind])
    out.rankingGroup = defaultGroupForKind[kind];
  return out;
}

export async function addUnit(input: NewUnit): Promise<Unit> {
  const [unit] = await addUnits([input]);
  if (!unit) throw new Error('addUnits returned nothing');
  return unit;
}

/** Adds units all or nothing: any clash (with stored units or within the list) stores none. */
export function addUnits(inputs: NewUnit[]): Promise<Unit[]> {
  if (inputs.length === 0) return Promise.resolve([]);
  return writeTransaction([db.units, db.workYears], (w) => insertRows(w, units, inputs.map(cleanUnit)));
}

export function updateUnit(id: string, patch: Partial<NewUnit>): Promise<void> {
  return writeTransaction([db.units], async (w) => {
    const before = await db.units.get(id);
    if (!before) throw new DomainError('单位不存在（可能已被删除）');
    await updateRow(w, units, id, cleanUnitPatch(before, patch));
  });
}

/** Deletes a unit that nothing refers to yet (tasks, reports, feedback, scores, …). */
export function deleteUnit(id: string): Promise<void> {
  return writeTransaction([db.units, ...referringTables('units')], (w) => deleteRow(w, units, id));
}

// ---------------------------------------------------------------- leaders

export type NewLeader = Omit<Leader, 'id' | 'sortOrder'>;

const leaders: Registry<Leader> = { table: db.leaders, kindLabel: '区领导' };

function cleanLeader(input: NewLeader): NewLeader {
  return {
    yearId: input.yearId,
    name: input.name.trim(),
    title: input.title.trim(),
    aliases: cleanAliases(input.aliases),
  };
}

function cleanLeaderPatch(patch: Partial<NewLeader>): Partial<NewLeader> {
  const out: Partial<NewLeader> = definedOnly(patch);
  if (out.name !== undefined) out.name = out.name.trim();
  if (out.title !== undefined) out.title = out.title.trim();
  if (out.aliases !== undefined) out.aliases = cleanAliases(out.aliases);
  return out;
}

export function addLeader(input: NewLeader): Promise<Leader> {
  return writeTransaction([db.leaders, db.workYears], async (w) => {
    const [leader] = await insertRows(w, leaders, [cleanLeader(input)]);
    if (!leader) throw new Error('insertRows returned nothing');
    return leader;
  });
}

export function updateLeader(id: string, patch: Partial<NewLeader>): Promise<void> {
  return writeTransaction([db.leaders], (w) => updateRow(w, leaders, id, cleanLeaderPatch(patch)));
}

export function deleteLeader(id: string): Promise<void> {
  return writeTransaction([db.leaders, ...referringTables('leaders')], (w) => deleteRow(w, leaders, id));
}
