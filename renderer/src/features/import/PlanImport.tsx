import { useCallback, useMemo, useState } from 'react';
import { MenuItem, Paper, TextField, Typography } from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapPlan, type PlanResult } from '../../core/import/plan';
import { planChangeset, type PlanPreview } from '../../core/import/planChangeset';
import type { Grid } from '../../core/import/types';
import { useSubmissions, useTasks, useUnits, useYearMilestones } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { todayInChina } from '../../ui/today';
import { FileSummary, ImportFrame, PreviewTable, countsLine, groupByFile } from './ImportFrame';
import { kindChips } from './TaskListImport';
import { useImportFlow, type ReadFile } from './useImportFiles';

/** Returned 月方案 workbooks: the app's own (matched by id) or rebuilt by a unit (by title). */
export function PlanImport() {
  const year = useWorkYear();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const milestones = useYearMilestones(year.id);
  const submissions = useSubmissions(year.id, 'plan', 0);
  const [unitChoices, setUnitChoices] = useState<Record<string, string>>({});

  const mapPlans = useCallback(
    (grid: Grid, aliases: ColumnAliasTable | undefined) => mapPlan(grid, { year: year.year, aliases }),
    [year.year],
  );
  const flow = useImportFlow('plan', '“节点目标、计划累计进度”', mapPlans);

  const changeset = useMemo(() => {
    if (!tasks || !units || !milestones || !submissions || flow.used.length === 0) return undefined;
    return planChangeset(
      flow.used.map(({ file, result: r }) => ({
        file: file.name,
        sheet: r.sheet,
        rows: r.rows,
        unitWritten: r.unit,
        unitId: r.unitId,
      })),
      { year, tasks, units, milestones, submissions },
      unitChoices,
      todayInChina(),
      () => crypto.randomUUID(),
    );
  }, [flow.used, tasks, units, milestones, submissions, unitChoices, year]);

  const perFile = useMemo(
    () => ({
      previews: groupByFile(changeset?.previews),
      errors: groupByFile(changeset?.issues.filter((i) => i.severity === 'error')),
    }),
    [changeset],
  );
  const summaryOf = (file: ReadFile, result: PlanResult) => {
    const mine = perFile.previews.get(file.name) ?? [];
    const errors =
      (perFile.errors.get(file.name)?.length ?? 0) + result.issues.filter((i) => i.severity === 'error').length;
    return (
      <FileSummary errors={errors}>
        {mine[0]?.unitName ?? result.unit ?? '（单位待选择）'} · {result.rows.length} 项任务 ·{' '}
        {countsLine(mine.map((p) => p.kind))}
      </FileSummary>
    );
  };

  return (
    <ImportFrame
      title="导入月方案"
      kind="plan"
      chooseLabel="选择月方案文件"
      flow={flow}
      summaryOf={summaryOf}
      writes={changeset}
      issues={changeset?.issues ?? []}
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
