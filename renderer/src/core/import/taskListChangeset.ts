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
  const units = [...known.units];
  const leaders = [...known.leaders];
  // Names written for a known unit or leader, kept as its aliases: one update per record.
  const aliasPatches = new Map<string, { aliases: string[]; update(aliases: string[]): RowUpdate }>();
  const registries = {
    units: {
      create: (row: Unit): RowCreate => ({ table: 'units', row }),
      update: (id: string, aliases: string[]): RowUpdate => ({ table: 'units', id, patch: { aliases } }),
    },
    leaders: {
      create: (row: Leader): RowCreate => ({ table: 'leaders', row }),
      update: (id: string, aliases: string[]): RowUpdate => ({ table: 'leaders', id, patch: { aliases } }),
    },
  };

  const resolver = <R extends Unit | Leader>(
    registry: { create(row: R): RowCreate; update(id: string, aliases: string[]): RowUpdate },
    records: R[],
    unknown: UnknownName[],
    choiceOf: Record<string, NameChoice>,
    create: (name: string) => R,
  ) => {
    const resolved = new Map<string, string>();
    return (written: string, where: string): string => {
      const key = normaliseName(written);
      const cached = resolved.get(key);
      if (cached) return cached;
      const match = matchName(written, records);
      let id = match.id;
      if (!id) {
        unknown.push({ written, suggestions: match.suggestions, firstSeen: where });
        const choice = choiceOf[written] ?? 'create';
        const chosen = choice === 'create' ? undefined : records.find((r) => r.id === choice.use);
        if (chosen) {
          // Remember the written name as an alias, so the next sheet that uses it matches at once.
          const patch = aliasPatches.get(chosen.id) ?? {
            aliases: [...chosen.aliases],
            update: (aliases: string[]) => registry.update(chosen.id, aliases),
          };
          patch.aliases.push(written);
          aliasPatches.set(chosen.id, patch);
          id = chosen.id;
        } else {
          const record = create(written);
          records.push(record);
          result.creates.push(registry.create({ ...record }));
          id = record.id;
        }
      }
      resolved.set(key, id);
      return id;
    };
  };

  let unitOrder = Math.max(0, ...units.map((u) => u.sortOrder));
  const unitId = resolver(registries.units, units, result.unknownUnits, choices.units, (name) => {
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
  });
  let leaderOrder = Math.max(0, ...leaders.map((l) => l.sortOrder));
  const leaderId = resolver(registries.leaders, leaders, result.unknownLeaders, choices.leaders, (name) => ({
    id: newId(),
    yearId: known.yearId,
    name,
    title: '',
    aliases: [],
    sortOrder: ++leaderOrder,
  }));

  const sections = new Map(known.sections.map((s) => [normaliseName(s.name), s]));
  let sectionOrder = Math.max(0, ...known.sections.map((s) => s.sortOrder));
  const sectionId = (name: string): string | undefined => {
    if (!name) return undefined;
    const key = normaliseName(name);
    let section = sections.get(key);
    if (!section) {
      section = { id: newId(), yearId: known.yearId, name, sortOrder: ++sectionOrder };
      sections.set(key, section);
      result.creates.push({ table: 'sections', row: { ...section } });
    }
    return section.id;
  };

  const tasksByTitle = new Map(known.tasks.map((t) => [titleKey(t.title), t]));
  const seen = new Map<string, string>();
  const names = {
    section: (id: string | undefined) => (id ? ([...sections.values()].find((s) => s.id === id)?.name ?? '') : ''),
    unit: (id: string | undefined) => (id ? (units.find((u) => u.id === id)?.name ?? '') : ''),
    units: (ids: string[]) => ids.map((id) => units.find((u) => u.id === id)?.name ?? '').join('、'),
    leaders: (ids: string[]) => ids.map((id) => leaders.find((l) => l.id === id)?.name ?? '').join('、'),
  };

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

      const leadUnitId = row.leadUnit ? unitId(row.leadUnit, where) : undefined;
      const fields = {
        code: row.code,
        title: row.title,
        sectionId: sectionId(row.section),
        targets: row.targets.map((text) => ({ text })),
        measures: row.measures.map((text) => ({ text })),
        leaderIds: unique(row.leaders.map((n) => leaderId(n, where))),
        leadUnitId,
        coUnitIds: unique(row.coUnits.map((n) => unitId(n, where))).filter((id) => id !== leadUnitId),
        dueDate: row.due,
      };
      const existing = tasksByTitle.get(key);
      if (!existing) {
        const task: Task = { id: newId(), yearId: known.yearId, responsiblePerson: '', ...fields };
        result.creates.push({ table: 'tasks', row: { ...task } });
        result.previews.push({ file, sheetRow: row.sheetRow, title: row.title, kind: 'added', changes: [] });
        continue;
      }
      // A target keeps its number and unit when its text is unchanged.
      const targets = fields.targets.map((t) => existing.targets.find((e) => e.text === t.text) ?? t);
      const compare: [string, keyof Task, unknown, string, string][] = [
        ['序号', 'code', fields.code, existing.code, fields.code],
        ['重点工作', 'title', fields.title, existing.title, fields.title],
        ['工作板块', 'sectionId', fields.sectionId, names.section(existing.sectionId), names.section(fields.sectionId)],
        ['工作目标', 'targets', targets, joinList(existing.targets.map((t) => t.text)), joinList(row.targets)],
        [
          '主要措施',
          'measures',
          fields.measures,
          joinList(existing.measures.map((m) => m.text)),
          joinList(row.measures),
        ],
        [
          '分管区领导',
          'leaderIds',
          fields.leaderIds,
          names.leaders(existing.leaderIds),
          names.leaders(fields.leaderIds),
        ],
        ['牵头单位', 'leadUnitId', fields.leadUnitId, names.unit(existing.leadUnitId), names.unit(fields.leadUnitId)],
        ['责任单位', 'coUnitIds', fields.coUnitIds, names.units(existing.coUnitIds), names.units(fields.coUnitIds)],
        ['完成时限', 'dueDate', fields.dueDate, existing.dueDate, fields.dueDate],
      ];
      const patch: Partial<Task> = {};
      const changes: FieldChange[] = [];
      for (const [label, field, value, before, after] of compare) {
        if (JSON.stringify(existing[field]) === JSON.stringify(value)) continue;
        Object.assign(patch, { [field]: value });
        changes.push({ label, before, after });
      }
      if (changes.length === 0) {
        result.unchanged++;
        result.previews.push({ file, sheetRow: row.sheetRow, title: row.title, kind: 'unchanged', changes });
      } else {
        result.updates.push({ table: 'tasks', id: existing.id, patch });
        result.previews.push({ file, sheetRow: row.sheetRow, title: row.title, kind: 'changed', changes });
      }
    }
  }
  for (const { aliases, update } of aliasPatches.values()) result.updates.push(update(aliases));
  return result;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
