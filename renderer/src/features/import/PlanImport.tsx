import { useCallback, useMemo, useState } from 'react';
import {
  Box,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapPlan } from '../../core/import/plan';
import { planMonthlyPlanImport } from '../../core/import/planImport';
import type { Grid } from '../../core/import/types';
import { useSetting, useSubmissions, useTasks, useUnits, useYearMilestones } from '../../db';
import { useYear } from '../../ui/YearContext';
import { todayInChina } from '../../ui/today';
import { ImportFrame, countsLine } from './ImportFrame';
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

  const plan = useMemo(() => {
    if (!tasks || !units || !milestones || !submissions || usedFiles.length === 0) return undefined;
    return planMonthlyPlanImport(
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

  const verdictOf = (file: LoadedFile) => {
    const m = mapped.get(file.key);
    if (!m?.result) return { refusal: m?.refusal };
    const mine = plan?.previews.filter((p) => p.file === file.name) ?? [];
    const errors =
      (plan?.issues ?? []).filter((i) => i.file === file.name && i.severity === 'error').length +
      m.result.issues.filter((i) => i.severity === 'error').length;
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
      plan={
        plan && {
          yearId: year.id,
          kind: 'plan',
          creates: plan.creates,
          updates: plan.updates,
          unchanged: plan.unchanged,
        }
      }
      usedFiles={usedFiles}
      issues={[...usedFiles.flatMap((f) => mapped.get(f.key)!.result!.issues), ...(plan?.issues ?? [])]}
      doneMessage={(n) => `已导入 ${n} 个单位的月方案。`}
      onCommitted={() => setUnitChoices({})}
    >
      {plan && plan.unknownUnits.length > 0 && units && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3">
            请选择填报单位
          </Typography>
          {plan.unknownUnits.map((u) => (
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
      {plan && plan.previews.length > 0 && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h3" sx={{ p: 2, pb: 1 }}>
            预览
          </Typography>
          <Table size="small" aria-label="导入预览">
            <TableHead>
              <TableRow>
                <TableCell>单位</TableCell>
                <TableCell>行</TableCell>
                <TableCell>重点工作</TableCell>
                <TableCell>结果</TableCell>
                <TableCell>变化</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.previews.map((p) => (
                <TableRow key={`${p.file}/${p.sheetRow}`}>
                  <TableCell>{p.unitName}</TableCell>
                  <TableCell>{p.sheetRow}</TableCell>
                  <TableCell>{p.taskTitle}</TableCell>
                  <TableCell>{p.kind === 'reference' ? '配合单位计划（仅作参考）' : kindChips[p.kind]}</TableCell>
                  <TableCell>{p.changes.join('；')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </ImportFrame>
  );
}
