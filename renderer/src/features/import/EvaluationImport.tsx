import { useCallback, useMemo, useState } from 'react';
import { Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapEvaluation, type EvaluationResult } from '../../core/import/evaluation';
import { evaluationChangeset, type EvaluationPreview } from '../../core/import/evaluationChangeset';
import type { Grid } from '../../core/import/types';
import {
  EVALUATION_SETTINGS_KEY,
  evaluationSettingsOf,
  sampleFlagText,
  scaleLabels,
  type EvaluationSettings,
} from '../../core/evaluation';
import { EVALUATION_SCALES, type EvaluationScale } from '../../core/model';
import { useEvaluations, useSetting, useTasks, useUnits } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { FileSummary, ImportFrame, PreviewTable, countsLine, groupByFile, previewCounts } from './ImportFrame';
import { kindChips } from './TaskListImport';
import { useImportFlow, type ReadFile } from './useImportFiles';

/** 第三方评估结果 sheets (PRODUCT.md §6): units' or tasks' scores by 企业, 群众, 第三方机构, on any scale. */
export function EvaluationImport() {
  const year = useWorkYear();
  const units = useUnits(year.id);
  const tasks = useTasks(year.id);
  const evaluations = useEvaluations(year.id);
  const settings = evaluationSettingsOf(useSetting<Partial<EvaluationSettings>>(EVALUATION_SETTINGS_KEY));
  const [scales, setScales] = useState<Record<string, EvaluationScale>>({});

  const mapSheets = useCallback(
    (grid: Grid, aliases: ColumnAliasTable | undefined) =>
      mapEvaluation(grid, { year: year.year, aliases, scale: scales[grid.fileName] }),
    [year.year, scales],
  );
  const flow = useImportFlow('evaluation', '“单位、评价主体、满意度得分”', mapSheets);

  const minSample = settings.minSample;
  const changeset = useMemo(() => {
    if (!units || !tasks || !evaluations || flow.used.length === 0) return undefined;
    return evaluationChangeset(
      flow.used.map(({ file, result: r }) => ({ file: file.name, sheet: r.sheet, rows: r.rows, columns: r.columns })),
      { yearId: year.id, units, tasks, evaluations, minSample },
      () => crypto.randomUUID(),
    );
  }, [flow.used, units, tasks, evaluations, minSample, year.id]);

  const perFile = useMemo(
    () => ({
      previews: groupByFile(changeset?.previews),
      errors: groupByFile(changeset?.issues.filter((i) => i.severity === 'error')),
    }),
    [changeset],
  );
  const summaryOf = (file: ReadFile, result: EvaluationResult) => {
    const kinds = (perFile.previews.get(file.name) ?? []).map((p) => p.kind);
    const errors =
      result.issues.filter((i) => i.severity === 'error').length + (perFile.errors.get(file.name)?.length ?? 0);
    const scale = result.scale;
    return (
      <FileSummary errors={errors}>
        {result.rows.length} 行 · 评分制：
        {scale?.scale ? `${scaleLabels[scale.scale]}（${scale.reason}）` : '待选择'} · {countsLine(kinds)}
      </FileSummary>
    );
  };
  const scaled = flow.used.flatMap(({ file, result }) => (result.scale ? [{ file, scale: result.scale }] : []));
  const { added, changed } = previewCounts(changeset?.previews);
  const flagged = changeset?.previews.filter((p) => p.flag && p.kind !== 'unchanged').length ?? 0;

  return (
    <ImportFrame
      title="导入第三方评估结果"
      kind="evaluation"
      chooseLabel="选择评估结果文件"
      flow={flow}
      summaryOf={summaryOf}
      writes={changeset}
      issues={changeset?.issues ?? []}
      doneMessage={(n) =>
        `已导入 ${n} 个文件：新增 ${added} 条评估结果，修改 ${changed} 条${flagged ? `，其中 ${flagged} 条样本偏少，须在“第三方评估”中采纳后才计入综合得分` : ''}。`
      }
      onCommitted={() => setScales({})}
    >
      <Typography color="text.secondary">
        表中应有“单位”或“重点工作”、“评价主体”（企业、群众、第三方机构）、“满意度得分”和“样本数”。得分可为百分制、五分制、十分制或满意率，统一折算为百分制；
        重点工作的评估计入其牵头单位。样本数少于{minSample}
        （或企业、群众评价未填样本数）的结果照常导入但标记为“样本偏少”，采纳前不计入综合得分。
      </Typography>
      {scaled.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3">
            评分制
          </Typography>
          <Stack spacing={1} sx={{ mt: 1 }}>
            {scaled.map(({ file, scale }) => (
              <Stack key={file.key} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <TextField
                  select
                  size="small"
                  sx={{ minWidth: 220 }}
                  label={`“${file.name}”的评分制`}
                  value={scales[file.name] ?? scale.scale ?? ''}
                  onChange={(e) => setScales({ ...scales, [file.name]: e.target.value as EvaluationScale })}
                  error={!scale.scale}
                >
                  {EVALUATION_SCALES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {scaleLabels[s]}
                    </MenuItem>
                  ))}
                </TextField>
                <Typography variant="body2" color={scale.scale ? 'text.secondary' : 'error'}>
                  {scale.scale
                    ? `依据：${scale.reason}`
                    : `${scale.reason}，请选择是${(scale.options ?? []).map((s) => scaleLabels[s]).join('、')}中的哪一种`}
                </Typography>
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
      {changeset && changeset.previews.length > 0 && (
        <PreviewTable
          caption={`预览：新增 ${added} 条，修改 ${changed} 条，未变 ${changeset.unchanged} 条`}
          columns={previewColumns(settings)}
          rows={changeset.previews}
          rowKey={(p) => `${p.file}/${p.sheetRow}`}
        />
      )}
    </ImportFrame>
  );
}

/** The preview's columns; the sample flag is told in the office's own thresholds. */
function previewColumns(settings: EvaluationSettings): VirtualColumn<EvaluationPreview>[] {
  return [
    { key: 'file', header: '文件', width: '1.5fr', render: (p) => p.file },
    { key: 'row', header: '行', width: '48px', render: (p) => p.sheetRow },
    { key: 'target', header: '评价对象', width: '2fr', render: (p) => (p.isTask ? `重点工作：${p.target}` : p.target) },
    { key: 'unit', header: '计入单位', width: '1fr', render: (p) => p.unitName ?? '（无牵头单位）' },
    { key: 'rater', header: '评价主体', width: '88px', render: (p) => p.rater },
    { key: 'raw', header: '原始得分', width: '1fr', render: (p) => p.raw },
    {
      key: 'score',
      header: '折算得分',
      width: '88px',
      render: (p) =>
        p.scoreBefore !== undefined && p.scoreBefore !== p.score ? `${p.scoreBefore} → ${p.score}` : p.score,
    },
    { key: 'sample', header: '样本数', width: '64px', render: (p) => p.sampleSize ?? '—' },
    {
      key: 'kind',
      header: '结果',
      width: '1.5fr',
      render: (p) => (
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
          {kindChips[p.kind]}
          {p.flag && (
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              label={`样本偏少（${sampleFlagText(p.flag, settings)}）`}
            />
          )}
        </Stack>
      ),
    },
  ];
}
