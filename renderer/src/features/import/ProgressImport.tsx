import { useCallback, useMemo, useState } from 'react';
import { MenuItem, Paper, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapProgress } from '../../core/import/progress';
import { planProgressImport, type ReportPreview } from '../../core/import/progressPlan';
import type { Grid } from '../../core/import/types';
import { useReports, useSetting, useSubmissions, useTasks, useUnits } from '../../db';
import { useYear } from '../../ui/YearContext';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { todayInChina } from '../../ui/today';
import { FileSummary, ImportFrame, PreviewTable, countsLine, groupByFile, previewCounts } from './ImportFrame';
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

  const perFile = useMemo(
    () => ({
      previews: groupByFile(plan?.previews),
      unitNames: new Map(
        (plan?.fileUnits ?? []).map((u) => [u.file, units?.find((unit) => unit.id === u.unitId)?.name]),
      ),
    }),
    [plan, units],
  );
  const verdictOf = (file: LoadedFile) => {
    const m = mapped.get(file.key);
    if (!m?.result) return { refusal: m?.refusal };
    const unitName = perFile.unitNames.get(file.name);
    const kinds = (perFile.previews.get(file.name) ?? []).map((p) => p.kind);
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
          columns={previewColumns}
          rows={plan.previews}
          rowKey={(p) => `${p.file}/${p.sheetRow}`}
        />
      )}
    </ImportFrame>
  );
}

const previewColumns: VirtualColumn<ReportPreview>[] = [
  { key: 'file', header: '文件', width: '2fr', render: (p) => p.file },
  { key: 'row', header: '行', width: '48px', render: (p) => p.sheetRow },
  { key: 'unit', header: '单位', width: '1.2fr', render: (p) => p.unitName },
  { key: 'task', header: '重点工作', width: '2fr', render: (p) => p.taskTitle },
  { key: 'role', header: '身份', width: '56px', render: (p) => (p.role === 'lead' ? '牵头' : '配合') },
  {
    key: 'percent',
    header: '累计进度',
    width: '96px',
    render: (p) =>
      p.percentBefore !== undefined && p.percentBefore !== p.percent
        ? `${p.percentBefore}% → ${p.percent}%`
        : `${p.percent}%`,
  },
  { key: 'kind', header: '结果', width: '72px', render: (p) => kindChips[p.kind] },
];
