// From read 第三方评估结果 sheets to what an import would write: one evaluation per object (a
// unit, or a task — counted for its lead unit) and rater type. Importing the same figures again
// changes nothing; new figures for the same object and rater replace the stored ones (and an
// earlier acceptance of a small sample, which was about the old figures). A small sample is
// imported and flagged (core/evaluation.ts): it does not count until staff accept it.

import { sampleFlag, sampleFlagText, type SampleFlag } from '../evaluation';
import type { Evaluation, RaterType, Task, Unit } from '../model';
import type { EvaluationResult, EvaluationSheetRow } from './evaluation';
import { rawScoreText } from './evaluation';
import { matchName, matchTaskTitle } from './match';
import type { RowChanges } from './changeset';
import type { ImportIssue } from './types';

export interface EvaluationFile {
  file: string;
  sheet?: string;
  rows: EvaluationSheetRow[];
  columns: EvaluationResult['columns'];
}

export interface EvaluationKnown {
  yearId: string;
  units: Unit[];
  tasks: Task[];
  /** The year's stored evaluations. */
  evaluations: Evaluation[];
  /** The small-sample threshold (settings). */
  minSample: number;
}

export interface EvaluationPreview {
  file: string;
  sheetRow: number;
  /** The unit's name, or the task's title. */
  target: string;
  /** The unit the score counts for (a task's lead unit); undefined for a task without one. */
  unitName?: string;
  isTask: boolean;
  rater: RaterType;
  /** As written: '4.5（五分制）', '92%'. */
  raw: string;
  score: number;
  scoreBefore?: number;
  sampleSize?: number;
  flag?: SampleFlag;
  kind: 'added' | 'changed' | 'unchanged';
}

export interface EvaluationChangeset extends RowChanges {
  previews: EvaluationPreview[];
  issues: ImportIssue[];
}

const keyOf = (e: Pick<Evaluation, 'unitId' | 'taskId' | 'rater'>): string =>
  e.taskId !== undefined ? `t:${e.taskId}|${e.rater}` : `u:${e.unitId ?? ''}|${e.rater}`;

const FIELDS = ['score', 'rawScore', 'scale', 'sampleSize'] as const;

export function evaluationChangeset(
  files: readonly EvaluationFile[],
  known: EvaluationKnown,
  newId: () => string,
): EvaluationChangeset {
  const result: EvaluationChangeset = { creates: [], updates: [], unchanged: 0, previews: [], issues: [] };
  const unitById = new Map(known.units.map((u) => [u.id, u]));
  const stored = new Map(known.evaluations.map((e) => [keyOf(e), e]));
  const seen = new Map<string, string>();
  const settings = { minSample: known.minSample };

  for (const f of files) {
    for (const row of f.rows) {
      const at = (column: string | undefined, severity: ImportIssue['severity'], message: string) => {
        const issue: ImportIssue = { severity, file: f.file, row: row.sheetRow, message };
        if (f.sheet !== undefined) issue.sheet = f.sheet;
        if (column !== undefined) issue.column = column;
        result.issues.push(issue);
      };
      let target: { unitId?: string; taskId?: string; name: string; unit?: Unit };
      if (row.taskAsWritten !== '') {
        const match = matchTaskTitle(row.taskAsWritten, known.tasks);
        const task = match.id ? known.tasks.find((t) => t.id === match.id) : undefined;
        if (!task) {
          const hint = match.suggestions.map((s) => `“${s.title}”`).join('、');
          at(
            f.columns.title,
            'error',
            `未找到重点工作“${row.taskAsWritten}”${hint ? `（是否为${hint}？）` : ''}，此行不导入`,
          );
          continue;
        }
        const lead = task.leadUnitId ? unitById.get(task.leadUnitId) : undefined;
        target = { taskId: task.id, name: task.title, unit: lead };
        if (!lead) at(f.columns.title, 'warning', `重点工作“${task.title}”没有牵头单位，此项评估暂不计入任何单位`);
        else if (row.unitAsWritten !== '') {
          const written = matchName(row.unitAsWritten, known.units).id;
          if (written !== lead.id)
            at(f.columns.unit, 'warning', `表中单位为“${row.unitAsWritten}”，重点工作的评估计入其牵头单位${lead.name}`);
        }
      } else {
        const match = matchName(row.unitAsWritten, known.units);
        const unit = match.id ? unitById.get(match.id) : undefined;
        if (!unit) {
          const hint = match.suggestions.map((s) => `“${s.name}”`).join('、');
          at(
            f.columns.unit,
            'error',
            `单位“${row.unitAsWritten}”${match.ambiguous ? '对应多个单位' : '不在单位名单中'}${hint ? `（是否为${hint}？）` : ''}，此行不导入（可在“单位”中为其添加别名）`,
          );
          continue;
        }
        target = { unitId: unit.id, name: unit.name, unit };
      }

      const key = keyOf({ ...target, rater: row.rater });
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        at(
          f.columns.unit ?? f.columns.title,
          'error',
          `${target.name}的${row.rater}评价已在${earlier}出现，此行不导入`,
        );
        continue;
      }
      seen.set(key, `${f.file} 第${row.sheetRow}行`);

      const fields: Pick<Evaluation, 'score' | 'rawScore' | 'scale' | 'sampleSize'> = {
        score: row.score,
        rawScore: row.rawScore,
        scale: row.scale,
        sampleSize: row.sampleSize,
      };
      const flag = sampleFlag({ rater: row.rater, sampleSize: row.sampleSize }, settings);
      if (flag) {
        const what = flag === 'missing' ? '未填写样本数' : `样本数${row.sampleSize}少于${known.minSample}`;
        at(
          flag === 'missing' ? (f.columns.sampleSize ?? f.columns.score) : f.columns.sampleSize,
          'warning',
          `${what}，标记为“${sampleFlagText(flag, settings)}”：在“第三方评估”中采纳前不计入综合得分`,
        );
      }
      const source = { sourceFile: f.file, sourceSheet: f.sheet, sourceRow: row.sheetRow };
      const before = stored.get(key);
      const preview: EvaluationPreview = {
        file: f.file,
        sheetRow: row.sheetRow,
        target: target.name,
        isTask: target.taskId !== undefined,
        rater: row.rater,
        raw: rawScoreText(row),
        score: row.score,
        kind: 'added',
      };
      if (target.unit) preview.unitName = target.unit.name;
      if (row.sampleSize !== undefined) preview.sampleSize = row.sampleSize;
      if (flag) preview.flag = flag;
      if (!before) {
        const evaluation: Evaluation = {
          id: newId(),
          yearId: known.yearId,
          ...(target.taskId ? { taskId: target.taskId } : { unitId: target.unitId! }),
          rater: row.rater,
          ...fields,
          ...source,
        };
        if (evaluation.sampleSize === undefined) delete evaluation.sampleSize;
        if (evaluation.sourceSheet === undefined) delete evaluation.sourceSheet;
        result.creates.push({ table: 'evaluations', row: { ...evaluation } });
      } else if (FIELDS.every((k) => before[k] === fields[k])) {
        result.unchanged++;
        preview.kind = 'unchanged';
      } else {
        // New figures: an acceptance of the old small sample does not carry over.
        result.updates.push({
          table: 'evaluations',
          id: before.id,
          patch: { ...fields, ...source, sampleAcceptedBy: undefined, sampleAcceptedAt: undefined },
        });
        preview.kind = 'changed';
        preview.scoreBefore = before.score;
      }
      result.previews.push(preview);
    }
  }
  return result;
}
