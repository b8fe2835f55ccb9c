import { describe, expect, it } from 'vitest';
import type { Evaluation, RaterType, Task, Unit } from '../model';
import type { EvaluationSheetRow } from './evaluation';
import { evaluationChangeset, type EvaluationFile, type EvaluationKnown } from './evaluationChangeset';

const unit = (id: string, name: string, aliases: string[] = []): Unit => ({
  id,
  yearId: 'y',
  name,
  kind: 'town',
  rankingGroup: '镇街',
  aliases,
  contactPerson: '',
  phone: '',
  sortOrder: 1,
});
const task = (id: string, title: string, lead?: string): Task => ({
  id,
  yearId: 'y',
  code: id,
  title,
  measures: [],
  targets: [],
  leaderIds: [],
  leadUnitId: lead,
  coUnitIds: [],
  responsiblePerson: '',
  dueDate: '2026-11-30',
});
const row = (
  sheetRow: number,
  target: { unit?: string; task?: string },
  rater: RaterType,
  score: number,
  sampleSize?: number,
  over: Partial<EvaluationSheetRow> = {},
): EvaluationSheetRow => {
  const r: EvaluationSheetRow = {
    sheetRow,
    unitAsWritten: target.unit ?? '',
    taskAsWritten: target.task ?? '',
    rater,
    rawScore: score,
    scale: 'hundred',
    score,
    ...over,
  };
  if (sampleSize !== undefined) r.sampleSize = sampleSize;
  return r;
};
const file = (rows: EvaluationSheetRow[], name = '测评.xlsx'): EvaluationFile => ({
  file: name,
  sheet: 'Sheet1',
  rows,
  columns: { unit: 'A', title: 'B', rater: 'C', score: 'D', sampleSize: 'E' },
});

const units = [unit('dc', '东城街道', ['东城']), unit('xc', '西城街道'), unit('swj', '区商务局')];
const tasks = [task('t1', '轻纺市场转型升级', 'swj'), task('t2', '第三方评估机制')];
const known = (evaluations: Evaluation[] = []): EvaluationKnown => ({
  yearId: 'y',
  units,
  tasks,
  evaluations,
  minSample: 30,
});
let n = 0;
const newId = () => `n${++n}`;

describe('evaluationChangeset', () => {
  it('creates one evaluation per unit (or task) and rater, with its figures and source', () => {
    const changeset = evaluationChangeset(
      [
        file([
          row(3, { unit: '东城' }, '企业', 90, 200),
          row(4, { task: '轻纺市场转型' }, '第三方机构', 92, undefined, { rawScore: 92, scale: 'percent' }),
        ]),
      ],
      known(),
      newId,
    );
    expect(changeset.issues).toEqual([]);
    expect(changeset.creates.map((c) => c.row)).toEqual([
      {
        id: expect.any(String),
        yearId: 'y',
        unitId: 'dc',
        rater: '企业',
        score: 90,
        rawScore: 90,
        scale: 'hundred',
        sampleSize: 200,
        sourceFile: '测评.xlsx',
        sourceSheet: 'Sheet1',
        sourceRow: 3,
      },
      {
        id: expect.any(String),
        yearId: 'y',
        taskId: 't1',
        rater: '第三方机构',
        score: 92,
        rawScore: 92,
        scale: 'percent',
        sourceFile: '测评.xlsx',
        sourceSheet: 'Sheet1',
        sourceRow: 4,
      },
    ]);
    expect(changeset.previews.map((p) => [p.target, p.unitName, p.isTask, p.raw, p.kind])).toEqual([
      ['东城街道', '东城街道', false, '90', 'added'],
      ['轻纺市场转型升级', '区商务局', true, '92%', 'added'],
    ]);
  });

  it('flags a small sample and a survey without a sample size (imported, with a warning naming the cell)', () => {
    const changeset = evaluationChangeset(
      [file([row(3, { unit: '东城街道' }, '群众', 70, 20), row(4, { unit: '西城街道' }, '企业', 80)])],
      known(),
      newId,
    );
    expect(changeset.creates).toHaveLength(2);
    expect(changeset.previews.map((p) => p.flag)).toEqual(['small', 'missing']);
    expect(changeset.issues).toEqual([
      {
        severity: 'warning',
        file: '测评.xlsx',
        sheet: 'Sheet1',
        row: 3,
        column: 'E',
        message: '样本数20少于30，标记为“样本数少于30”：在“第三方评估”中采纳前不计入综合得分',
      },
      {
        severity: 'warning',
        file: '测评.xlsx',
        sheet: 'Sheet1',
        row: 4,
        column: 'E',
        message: '未填写样本数，标记为“未填样本数”：在“第三方评估”中采纳前不计入综合得分',
      },
    ]);
  });

  it('names what it cannot match, with suggestions, and leaves those rows out', () => {
    const changeset = evaluationChangeset(
      [file([row(3, { unit: '东城街' }, '企业', 90, 100), row(4, { task: '不存在的工作' }, '群众', 90, 100)])],
      known(),
      newId,
    );
    expect(changeset.creates).toEqual([]);
    expect(changeset.issues.map((i) => [i.row, i.column, i.severity, i.message])).toEqual([
      [
        3,
        'A',
        'error',
        '单位“东城街”不在单位名单中（是否为“东城街道”、“西城街道”？），此行不导入（可在“单位”中为其添加别名）',
      ],
      [4, 'B', 'error', '未找到重点工作“不存在的工作”，此行不导入'],
    ]);
  });

  it('a task without a lead unit is imported with a warning; a unit written beside a task that is not its lead is noted', () => {
    const changeset = evaluationChangeset(
      [
        file([
          row(3, { task: '第三方评估机制' }, '第三方机构', 80),
          row(4, { task: '轻纺市场转型升级', unit: '东城街道' }, '群众', 85, 100),
        ]),
      ],
      known(),
      newId,
    );
    expect(changeset.creates).toHaveLength(2);
    expect(changeset.issues.map((i) => i.message)).toEqual([
      '重点工作“第三方评估机制”没有牵头单位，此项评估暂不计入任何单位',
      '表中单位为“东城街道”，重点工作的评估计入其牵头单位区商务局',
    ]);
  });

  it('the same unit and rater twice in a batch: the later row is refused', () => {
    const changeset = evaluationChangeset(
      [
        file([row(3, { unit: '东城街道' }, '企业', 90, 100)], 'a.xlsx'),
        file([row(5, { unit: '东城' }, '企业', 70, 100)], 'b.xlsx'),
      ],
      known(),
      newId,
    );
    expect(changeset.creates).toHaveLength(1);
    expect(changeset.issues).toEqual([
      {
        severity: 'error',
        file: 'b.xlsx',
        sheet: 'Sheet1',
        row: 5,
        column: 'A',
        message: '东城街道的企业评价已在a.xlsx 第3行出现，此行不导入',
      },
    ]);
  });

  it('again: the same figures are unchanged; new figures replace the stored ones and drop an earlier acceptance', () => {
    const stored: Evaluation[] = [
      {
        id: 'e1',
        yearId: 'y',
        unitId: 'dc',
        rater: '企业',
        score: 90,
        rawScore: 90,
        scale: 'hundred',
        sampleSize: 200,
        sourceFile: 'old.xlsx',
        sourceRow: 3,
      },
      {
        id: 'e2',
        yearId: 'y',
        unitId: 'dc',
        rater: '群众',
        score: 70,
        rawScore: 70,
        scale: 'hundred',
        sampleSize: 20,
        sampleAcceptedBy: '钱主任',
        sampleAcceptedAt: '2026-12-01T00:00:00Z',
      },
    ];
    const changeset = evaluationChangeset(
      [file([row(3, { unit: '东城街道' }, '企业', 90, 200), row(4, { unit: '东城街道' }, '群众', 75, 25)])],
      known(stored),
      newId,
    );
    expect(changeset.creates).toEqual([]);
    expect(changeset.unchanged).toBe(1);
    expect(changeset.updates).toEqual([
      {
        table: 'evaluations',
        id: 'e2',
        patch: {
          score: 75,
          rawScore: 75,
          scale: 'hundred',
          sampleSize: 25,
          sourceFile: '测评.xlsx',
          sourceSheet: 'Sheet1',
          sourceRow: 4,
          sampleAcceptedBy: undefined,
          sampleAcceptedAt: undefined,
        },
      },
    ]);
    expect(changeset.previews.map((p) => [p.kind, p.scoreBefore])).toEqual([
      ['unchanged', undefined],
      ['changed', 70],
    ]);
  });
});
