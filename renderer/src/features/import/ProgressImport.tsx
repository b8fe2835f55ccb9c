import { useCallback, useMemo, useState } from 'react';
import { MenuItem, Paper, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapProgress } from '../../core/import/progress';
import { planProgressImport } from '../../core/import/progressPlan';
import type { Grid } from '../../core/import/types';
import { useReports, useSetting, useSubmissions, useTasks, useUnits } from '../../db';
import { useYear } from '../../ui/YearContext';
import { todayInChina } from '../../ui/today';
import { FileSummary, ImportFrame, PreviewTable, countsLine, previewCounts } from './ImportFrame';
import { kindChips } from './TaskListImport';
import { useImportFiles, useMappedFiles, type LoadedFile } from './useImportFiles';

/** A month's progress sheets: the app's own templates and units' own sheets, many at once. */
export function ProgressImport({ month }: { month: number }) {
  const year = useYear().current!;
  const importer = useImportFiles();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const reports = useReports(year.id, month);
  const submissions = useSubmissions(year.id, 'progress', month);
  const aliases = useSetting<ColumnAliasTable>('columnAliases');
  const [unitChoices, setUnitChoices] = useState<Record<string, string>>({});

  const mapSheets = useCallback(
    (grid: Grid) => mapProgress(grid, { year: year.year, month, aliases }),
    [year.year, month, aliases],
  );
  const { mapped, usedFiles } = useMappedFiles(importer.files, 'progress', aliases, '“重点工作、累计进度”', mapSheets);

  const plan = useMemo(() => {
    if (!tasks || !units || !reports || !submissions || usedFiles.length === 0) return undefined;
    return planProgressImport(
      usedFiles.map((f) => {
        const r = mapped.get(f.key)!.result!;
        return { file: f.name, sheet: r.sheet, rows: r.rows, unitWritten: r.unit, unitId: r.meta?.unitId };
      }),
      { yearId: year.id, month, tasks, units, reports, submissions },
      unitChoices,
      todayInChina(),
      () => crypto.randomUUID(),
    );
  }, [usedFiles, mapped, tasks, units, reports, submissions, unitChoices, year.id, month]);

  const verdictOf = (file: LoadedFile) => {
    const m = mapped.get(file.key);
    if (!m?.result) return { refusal: m?.refusal };
    const unitId = plan?.fileUnits.find((u) => u.file === file.name)?.unitId;
    const unitName = units?.find((u) => u.id === unitId)?.name;
    const kinds = plan?.previews.filter((p) => p.file === file.name).map((p) => p.kind) ?? [];
    const errors = m.result.issues.filter((i) => i.severity === 'error').length;
    return {
      summary: (
        <FileSummary errors={errors}>
          {unitName ?? '（单位待选择）'} · {m.result.month ? `${m.result.month}月` : ''} · {m.result.rows.length} 行 ·{' '}
          {countsLine(kinds)}
        </FileSummary>
      ),
    };
  };
  const unknownFiles = plan?.fileUnits.filter((u) => u.unknown) ?? [];
  const { added, changed } = previewCounts(plan?.previews);

  return (
    <ImportFrame
      title={`导入${month}月进展`}
      chooseLabel="选择月度进展文件"
      importer={importer}
      verdictOf={verdictOf}
      plan={
        plan && {
          yearId: year.id,
          kind: 'progress',
          creates: plan.creates,
          updates: plan.updates,
          unchanged: plan.unchanged,
        }
      }
      usedFiles={usedFiles}
      issues={[...usedFiles.flatMap((f) => mapped.get(f.key)!.result!.issues), ...(plan?.issues ?? [])]}
      doneMessage={(n) =>
        `已导入 ${n} 个文件：新增 ${added} 条进展，修改 ${changed} 条，未变 ${plan?.unchanged ?? 0} 条。`
      }
      onCommitted={() => setUnitChoices({})}
    >
      {unknownFiles.length > 0 && units && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3">
            请选择填报单位
          </Typography>
          <Table size="small" aria-label="请选择填报单位">
            <TableBody>
              {unknownFiles.map((u) => (
                <TableRow key={u.file}>
                  <TableCell>{u.file}</TableCell>
                  <TableCell>表中写作：{u.unknown!.written || '（未写明）'}</TableCell>
                  <TableCell>
                    <TextField
                      select
                      size="small"
                      fullWidth
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
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {plan && plan.previews.length > 0 && (
        <PreviewTable
          caption={`预览：新增 ${added} 条，修改 ${changed} 条，未变 ${plan.unchanged} 条`}
          head={
            <TableRow>
              <TableCell>文件</TableCell>
              <TableCell>行</TableCell>
              <TableCell>单位</TableCell>
              <TableCell>重点工作</TableCell>
              <TableCell>身份</TableCell>
              <TableCell>累计进度</TableCell>
              <TableCell>结果</TableCell>
            </TableRow>
          }
        >
          {plan.previews.map((p) => (
            <TableRow key={`${p.file}/${p.sheetRow}`}>
              <TableCell>{p.file}</TableCell>
              <TableCell>{p.sheetRow}</TableCell>
              <TableCell>{p.unitName}</TableCell>
              <TableCell>{p.taskTitle}</TableCell>
              <TableCell>{p.role === 'lead' ? '牵头' : '配合'}</TableCell>
              <TableCell>
                {p.percentBefore !== undefined && p.percentBefore !== p.percent
                  ? `${p.percentBefore}% → ${p.percent}%`
                  : `${p.percent}%`}
              </TableCell>
              <TableCell>{kindChips[p.kind]}</TableCell>
            </TableRow>
          ))}
        </PreviewTable>
      )}
    </ImportFrame>
  );
}
