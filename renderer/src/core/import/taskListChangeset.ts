// From the rows of one or more task lists to what an import would write: tasks added or changed
// (field by field, old → new), the sections, units and leaders they need, and the names that
// match nothing known, so the preview can ask about them. Pure: the caller supplies ids.

import { defaultGroupForKind, type Leader, type Section, type Task, type Unit, type UnitKind } from '../model';
import { normaliseName } from '../registry';
import { matchName, titleKey, type NameSuggestion } from './match';
import type { TaskListRow } from './taskList';
import type { RowChanges, RowCreate, RowUpdate } from './changeset';
import type { ImportIssue } from './types';

export interface TaskListFile {
  file: string;
  sheet?: string;
  rows: TaskListRow[];
}

/** What the user decided in the preview for a name that matched nothing. */
export type NameChoice = { use: string } | 'create';

export interface TaskListKnown {
  yearId: string;
  tasks: Task[];
  units: Unit[];
  leaders: Leader[];
  sections: Section[];
}

export interface TaskListChoices {
  /** Keyed by the name as written; absent → create. */
  units: Record<string, NameChoice>;
  leaders: Record<string, NameChoice>;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface TaskPreview {
  file: string;
  sheetRow: number;
  title: string;
  kind: 'added' | 'changed' | 'unchanged';
  changes: FieldChange[];
}

export interface UnknownName {
  written: string;
  suggestions: NameSuggestion[];
  /** Where it is used, e.g. 'x.xlsx 第4行'. */
  firstSeen: string;
}

export interface TaskListChangeset extends RowChanges {
  previews: TaskPreview[];
  unknownUnits: UnknownName[];
  unknownLeaders: UnknownName[];
  issues: ImportIssue[];
}

/** Towns and streets are named so; everything else starts as a department (editable later). */
export function guessUnitKind(name: string): UnitKind {
  if (/(街道|镇|乡)$/u.test(name)) return 'town';
  if (/(集团|公司)$/u.test(name)) return 'soe';
  if (/(园区|开发区|示范区|管委会)$/u.test(name)) return 'platform';
  return 'department';
}

const joinList = (items: string[]) => items.map((t, i) => `${i + 1}、${t}`).join('\n');

export function taskListChangeset(
  files: TaskListFile[],
  known: TaskListKnown,
  choices: TaskListChoices,
  newId: () => string,
): TaskListChangeset {
  const result: TaskListChangeset = {
    creates: [],
    updates: [],
    unchanged: 0,
    previews: [],
    unknownUnits: [],
    unknownLeaders: [],
    issues: [],
  };
  const { aliasUpdates, ...unitsAndLeaders } = unitAndLeaderResolvers(known, choices, newId, result);
  const registry: Registry = { ...unitsAndLeaders, ...sectionResolver(known, newId, result.creates) };
  const context: RowContext = { yearId: known.yearId, newId, registry, result };
  const tasksByTitle = new Map(known.tasks.map((t) => [titleKey(t.title), t]));
  const seen = new Map<string, string>();

  for (const { file, sheet, rows } of files) {
    for (const row of rows) {
      const where = `${file} 第${row.sheetRow}行`;
      const key = titleKey(row.title);
      const earlier = seen.get(key);
      if (earlier) {
        result.issues.push({
          severity: 'warning',
          file,
          sheet,
          row: row.sheetRow,
          message: `重点工作"${row.title}"与${earlier}重复，此行不导入`,
        });
        continue;
      }
      seen.set(key, where);
      if (!row.due) continue; // the mapper already reported the unreadable date; the row is left out
      addOrUpdateTask(context, { file, row, where }, tasksByTitle.get(key));
    }
  }
  result.updates.push(...aliasUpdates());
  return result;
}

/** Units and leaders: ids for the names a row writes (creating what matches nothing), names for the preview. */
interface UnitsAndLeaders {
  unitId(written: string, where: string): string;
  leaderId(written: string, where: string): string;
  unitName(id: string | undefined): string;
  unitNames(ids: string[]): string;
  leaderNames(ids: string[]): string;
}

/** Sections: the id for a section name a row writes (creating the section when new), names for the preview. */
interface Sections {
  sectionId(name: string): string | undefined;
  sectionName(id: string | undefined): string;
}

/** The registries as the import goes: the known records and those the rows so far created. */
type Registry = UnitsAndLeaders & Sections;

/** What every row's step shares: its year, the id source, the registries, and the changeset it adds to. */
interface RowContext {
  yearId: string;
  newId: () => string;
  registry: Registry;
  result: TaskListChangeset;
}

/** A task's fields as a row of the list writes them. */
type TaskFields = Pick<
  Task,
  'code' | 'title' | 'sectionId' | 'targets' | 'measures' | 'leaderIds' | 'leadUnitId' | 'coUnitIds' | 'dueDate'
>;

/** Names written for a known unit or leader, kept as its aliases: one update per record, by its id. */
type AliasPatches = Map<string, { aliases: string[]; update(aliases: string[]): RowUpdate }>;

/** One registry a name may resolve to: its records (known, then created), and how to write them. */
interface NameRegistry<R extends Unit | Leader> {
  records: R[];
  /** Where the names that match nothing are listed for the preview. */
  unknown: UnknownName[];
  choices: Record<string, NameChoice>;
  create(name: string): R;
  createRow(row: R): RowCreate;
  aliasesRow(id: string, aliases: string[]): RowUpdate;
}

/**
 * The id of a unit or leader name as written: the record it matches, else the one the user chose
 * (the name becomes its alias), else a new record. Each name is resolved, and listed unknown, once.
 */
function nameResolver<R extends Unit | Leader>(
  registry: NameRegistry<R>,
  creates: RowCreate[],
  aliasPatches: AliasPatches,
): (written: string, where: string) => string {
  const { records, unknown, choices } = registry;
  const resolved = new Map<string, string>();
  return (written, where) => {
    const key = normaliseName(written);
    const cached = resolved.get(key);
    if (cached) return cached;
    const match = matchName(written, records);
    let id = match.id;
    if (!id) {
      unknown.push({ written, suggestions: match.suggestions, firstSeen: where });
      const choice = choices[written] ?? 'create';
      const chosen = choice === 'create' ? undefined : records.find((r) => r.id === choice.use);
      if (chosen) {
        // Remember the written name as an alias, so the next sheet that uses it matches at once.
        const patch = aliasPatches.get(chosen.id) ?? {
          aliases: [...chosen.aliases],
          update: (aliases: string[]) => registry.aliasesRow(chosen.id, aliases),
        };
        patch.aliases.push(written);
        aliasPatches.set(chosen.id, patch);
        id = chosen.id;
      } else {
        const record = registry.create(written);
        records.push(record);
        creates.push(registry.createRow({ ...record }));
        id = record.id;
      }
    }
    resolved.set(key, id);
    return id;
  };
}

/**
 * Units and leaders by the names written, with their aliases. The alias updates are one list for
 * both registries, in the order the names were first chosen, and come after every other write.
 */
function unitAndLeaderResolvers(
  known: TaskListKnown,
  choices: TaskListChoices,
  newId: () => string,
  result: TaskListChangeset,
): UnitsAndLeaders & { aliasUpdates(): RowUpdate[] } {
  const units = unitRegistry(known, choices.units, newId, result.unknownUnits);
  const leaders = leaderRegistry(known, choices.leaders, newId, result.unknownLeaders);
  const aliasPatches: AliasPatches = new Map();
  const nameOf = (records: (Unit | Leader)[], id: string) => records.find((r) => r.id === id)?.name ?? '';
  return {
    unitId: nameResolver(units, result.creates, aliasPatches),
    leaderId: nameResolver(leaders, result.creates, aliasPatches),
    unitName: (id) => (id ? nameOf(units.records, id) : ''),
    unitNames: (ids) => ids.map((id) => nameOf(units.records, id)).join('、'),
    leaderNames: (ids) => ids.map((id) => nameOf(leaders.records, id)).join('、'),
    aliasUpdates: () => [...aliasPatches.values()].map(({ aliases, update }) => update(aliases)),
  };
}

/** The units: the known ones, then the new ones, numbered after them, their kind guessed from the name. */
function unitRegistry(
  known: TaskListKnown,
  choices: Record<string, NameChoice>,
  newId: () => string,
  unknown: UnknownName[],
): NameRegistry<Unit> {
  const units = [...known.units];
  let unitOrder = Math.max(0, ...units.map((u) => u.sortOrder));
  return {
    records: units,
    unknown,
    choices,
    create: (name) => {
      const kind = guessUnitKind(name);
      return {
        id: newId(),
        yearId: known.yearId,
        name,
        kind,
        rankingGroup: defaultGroupForKind[kind],
        aliases: [],
        contactPerson: '',
        phone: '',
        sortOrder: ++unitOrder,
      };
    },
    createRow: (row) => ({ table: 'units', row }),
    aliasesRow: (id, aliases) => ({ table: 'units', id, patch: { aliases } }),
  };
}

/** The leaders: the known ones, then the new ones, numbered after them (their title left to fill in). */
function leaderRegistry(
  known: TaskListKnown,
  choices: Record<string, NameChoice>,
  newId: () => string,
  unknown: UnknownName[],
): NameRegistry<Leader> {
  const leaders = [...known.leaders];
  let leaderOrder = Math.max(0, ...leaders.map((l) => l.sortOrder));
  return {
    records: leaders,
    unknown,
    choices,
    create: (name) => ({
      id: newId(),
      yearId: known.yearId,
      name,
      title: '',
      aliases: [],
      sortOrder: ++leaderOrder,
    }),
    createRow: (row) => ({ table: 'leaders', row }),
    aliasesRow: (id, aliases) => ({ table: 'leaders', id, patch: { aliases } }),
  };
}

/** Sections by name: the known one of that name, else a new one ('' is no section). */
function sectionResolver(known: TaskListKnown, newId: () => string, creates: RowCreate[]): Sections {
  const sections = new Map(known.sections.map((s) => [normaliseName(s.name), s]));
  let sectionOrder = Math.max(0, ...known.sections.map((s) => s.sortOrder));
  return {
    sectionId: (name) => {
      if (!name) return undefined;
      const key = normaliseName(name);
      let section = sections.get(key);
      if (!section) {
        section = { id: newId(), yearId: known.yearId, name, sortOrder: ++sectionOrder };
        sections.set(key, section);
        creates.push({ table: 'sections', row: { ...section } });
      }
      return section.id;
    },
    sectionName: (id) => (id ? ([...sections.values()].find((s) => s.id === id)?.name ?? '') : ''),
  };
}

/** One row: a new task when its title is new, else the fields that differ as an update, or unchanged. */
function addOrUpdateTask(
  context: RowContext,
  { file, row, where }: { file: string; row: TaskListRow; where: string },
  existing: Task | undefined,
): void {
  const { registry, result } = context;
  const fields = taskFields(row, where, registry);
  const preview = { file, sheetRow: row.sheetRow, title: row.title };
  if (!existing) {
    const task: Task = { id: context.newId(), yearId: context.yearId, responsiblePerson: '', ...fields };
    result.creates.push({ table: 'tasks', row: { ...task } });
    result.previews.push({ ...preview, kind: 'added', changes: [] });
    return;
  }
  const { patch, changes } = fieldChanges(existing, fields, row, registry);
  if (changes.length === 0) {
    result.unchanged++;
    result.previews.push({ ...preview, kind: 'unchanged', changes });
  } else {
    result.updates.push({ table: 'tasks', id: existing.id, patch });
    result.previews.push({ ...preview, kind: 'changed', changes });
  }
}

/**
 * The row's fields, its names resolved to ids. The order matters: new units, sections and leaders
 * take their ids, and list in the preview, as the row is read (lead unit, section, leaders, co-units).
 */
function taskFields(row: TaskListRow, where: string, registry: Registry): TaskFields {
  const leadUnitId = row.leadUnit ? registry.unitId(row.leadUnit, where) : undefined;
  return {
    code: row.code,
    title: row.title,
    sectionId: registry.sectionId(row.section),
    targets: row.targets.map((text) => ({ text })),
    measures: row.measures.map((text) => ({ text })),
    leaderIds: unique(row.leaders.map((n) => registry.leaderId(n, where))),
    leadUnitId,
    coUnitIds: unique(row.coUnits.map((n) => registry.unitId(n, where))).filter((id) => id !== leadUnitId),
    dueDate: row.due,
  };
}

/** The fields of a stored task the row changes: the patch to write, and each change as the preview shows it. */
function fieldChanges(
  existing: Task,
  fields: TaskFields,
  row: TaskListRow,
  names: Registry,
): { patch: Partial<Task>; changes: FieldChange[] } {
  // A target keeps its number and unit when its text is unchanged.
  const targets = fields.targets.map((t) => existing.targets.find((e) => e.text === t.text) ?? t);
  const compare: [string, keyof Task, unknown, string, string][] = [
    ['序号', 'code', fields.code, existing.code, fields.code],
    ['重点工作', 'title', fields.title, existing.title, fields.title],
    [
      '工作板块',
      'sectionId',
      fields.sectionId,
      names.sectionName(existing.sectionId),
      names.sectionName(fields.sectionId),
    ],
    ['工作目标', 'targets', targets, joinList(existing.targets.map((t) => t.text)), joinList(row.targets)],
    ['主要措施', 'measures', fields.measures, joinList(existing.measures.map((m) => m.text)), joinList(row.measures)],
    [
      '分管区领导',
      'leaderIds',
      fields.leaderIds,
      names.leaderNames(existing.leaderIds),
      names.leaderNames(fields.leaderIds),
    ],
    [
      '牵头单位',
      'leadUnitId',
      fields.leadUnitId,
      names.unitName(existing.leadUnitId),
      names.unitName(fields.leadUnitId),
    ],
    ['责任单位', 'coUnitIds', fields.coUnitIds, names.unitNames(existing.coUnitIds), names.unitNames(fields.coUnitIds)],
    ['完成时限', 'dueDate', fields.dueDate, existing.dueDate, fields.dueDate],
  ];
  const patch: Partial<Task> = {};
  const changes: FieldChange[] = [];
  for (const [label, field, value, before, after] of compare) {
    if (JSON.stringify(existing[field]) === JSON.stringify(value)) continue;
    Object.assign(patch, { [field]: value });
    changes.push({ label, before, after });
  }
  return { patch, changes };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
