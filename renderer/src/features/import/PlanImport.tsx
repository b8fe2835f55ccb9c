import { useCallback, useMemo, useState } from 'react';
import { Box, MenuItem, Paper, TextField, Typography } from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapPlan } from '../../core/import/plan';
import { planChangeset, type PlanPreview } from '../../core/import/planChangeset';
import type { Grid } from '../../core/import/types';
import { useSetting, useSubmissions, useTasks, useUnits, useYearMilestones } from '../../db';
import { useYear } from '../../ui/YearContext';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { todayInChina } from '../../ui/today';
import { ImportFrame, PreviewTable, countsLine, groupByFile } from './ImportFrame';
import { kindChips } from './TaskListImport';
import { useImportFiles, useMappedFiles, type LoadedFile } from './useImportFiles';

/** Returned 月方案 workbooks: the app's own (matched by id) or rebuilt by a unit (by title). */
export function PlanImport() {
  const year = useYear().current!;
  const importer = useImportFiles();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const milestones = useYearMilestones(year.id);
  const submissions = useSubmissions(year.id, 'plan', 0);
  const aliases = useSetting<ColumnAliasTable>('columnAliases');
  const [unitChoices, setUnitChoices] = useState<Record<string, string>>({});

  const mapPlans = useCallback((grid: Grid) => mapPlan(grid, { year: year.year, aliases }), [year.year, aliases]);
  const { mapped, usedFiles } = useMappedFiles(importer.files, 'plan', aliases, '“节点目标、计划累计进度”', mapPlans);

  const changeset = useMemo(() => {
    if (!tasks || !units || !milestones || !submissions || usedFiles.length === 0) return undefined;
    return planChangeset(
      usedFiles.map((f) => {
        const r = mapped.get(f.key)!.result!;
        return { file: f.name, sheet: r.sheet, rows: r.rows, unitWritten: r.unit, unitId: r.unitId };
      }),
      { year, tasks, units, milestones, submissions },
      unitChoices,
      todayInChina(),
      () => crypto.randomUUID(),
    );
  }, [usedFiles, mapped, tasks, units, milestones, submissions, unitChoices, year]);

  const perFile = useMemo(
    () => ({
      previews: groupByFile(changeset?.previews),
      errors: groupByFile(changeset?.issues.filter((i) => i.severity === 'error')),
    }),
    [changeset],
  );
  const verdictOf = (file: LoadedFile) => {
    const m = mapped.get(file.key);
    if (!m?.result) return { refusal: m?.refusal };
    const mine = perFile.previews.get(file.name) ?? [];
    const errors =
      (perFile.errors.get(file.name)?.length ?? 0) + m.result.issues.filter((i) => i.severity === 'error').length;
    return {
      summary: (
        <Typography variant="body2">
          {mine[0]?.unitName ?? m.result.unit ?? '（单位待选择）'} · {m.result.rows.length} 项任务 ·{' '}
          {countsLine(mine.map((p) => p.kind))}
          {errors > 0 && (
            <Box component="span" sx={{ color: 'error.main' }}>
              {' '}
              · {errors} 个错误
            </Box>
          )}
        </Typography>
      ),
    };
  };

  return (
    <ImportFrame
      title="导入月方案"
      chooseLabel="选择月方案文件"
      importer={importer}
      verdictOf={verdictOf}
      changeset={
        changeset && {
          yearId: year.id,
          kind: 'plan',
          creates: changeset.creates,
          updates: changeset.updates,
          unchanged: changeset.unchanged,
        }
      }
      usedFiles={usedFiles}
      issues={[...usedFiles.flatMap((f) => mapped.get(f.key)!.result!.issues), ...(changeset?.issues ?? [])]}
      doneMessage={(n) => `已导入 ${n} 个单位的月方案。`}
      onCommitted={() => setUnitChoices({})}
    >
      {changeset && changeset.unknownUnits.length > 0 && units && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3">
            请选择填报单位
          </Typography>
          {changeset.unknownUnits.map((u) => (
            <TextField
              key={u.file}
              select
              size="small"
              fullWidth
              sx={{ mt: 1 }}
              label={`“${u.file}”的填报单位`}
              value={unitChoices[u.file] ?? ''}
              onChange={(e) => setUnitChoices({ ...unitChoices, [u.file]: e.target.value })}
            >
              {units.map((unit) => (
                <MenuItem key={unit.id} value={unit.id}>
                  {unit.name}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Paper>
      )}
      {changeset && changeset.previews.length > 0 && (
        <PreviewTable
          caption="预览"
          columns={previewColumns}
          rows={changeset.previews}
          rowKey={(p) => `${p.file}/${p.sheetRow}`}
        />
      )}
    </ImportFrame>
  );
}

const previewColumns: VirtualColumn<PlanPreview>[] = [
  { key: 'unit', header: '单位', width: '1.2fr', render: (p) => p.unitName },
  { key: 'row', header: '行', width: '48px', render: (p) => p.sheetRow },
  { key: 'task', header: '重点工作', width: '2fr', render: (p) => p.taskTitle },
  {
    key: 'kind',
    header: '结果',
    width: '1.2fr',
    render: (p) => (p.kind === 'reference' ? '配合单位计划（仅作参考）' : kindChips[p.kind]),
  },
  { key: 'changes', header: '变化', width: '3fr', render: (p) => p.changes.join('；') },
];
