import { useCallback, useMemo, useState } from 'react';
import {
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { windowMonths } from '../../core/calendar';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapProgress } from '../../core/import/progress';
import {
  heldBack,
  progressChangesetByMonth,
  type ProgressFile,
  type ReportPreview,
} from '../../core/import/progressChangeset';
import type { Grid } from '../../core/import/types';
import { useMonthStates, useSetting, useTasks, useUnits, useYearReports, useYearSubmissions } from '../../db';
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
  const reports = useYearReports(year.id);
  const submissions = useYearSubmissions(year.id, 'progress');
  const states = useMonthStates(year.id);
  const aliases = useSetting<ColumnAliasTable>('columnAliases');
  const [unitChoices, setUnitChoices] = useState<Record<string, string>>({});
  // A sheet that says another month or year is held back until the office picks its month.
  const [monthChoices, setMonthChoices] = useState<Record<string, number>>({});

  const mapSheets = useCallback(
    (grid: Grid) => mapProgress(grid, { year: year.year, month, aliases }),
    [year.year, month, aliases],
  );
  const { mapped, usedFiles } = useMappedFiles(importer.files, 'progress', aliases, '“重点工作、累计进度”', mapSheets);
  const resultOf = useCallback((file: LoadedFile) => mapped.get(file.key)!.result!, [mapped]);
  const heldReason = useCallback(
    (file: LoadedFile) => heldBack(resultOf(file), { month, year: year.year }),
    [resultOf, month, year.year],
  );
  /** The month a file's rows go to; undefined while it is held back. */
  const targetOf = useCallback(
    (file: LoadedFile): number | undefined => monthChoices[file.key] ?? (heldReason(file) ? undefined : month),
    [monthChoices, heldReason, month],
  );
  const importedFiles = useMemo(() => usedFiles.filter((f) => targetOf(f) !== undefined), [usedFiles, targetOf]);
  const published = useMemo(
    () => new Set(states?.filter((s) => s.state === 'published').map((s) => s.month)),
    [states],
  );

  const changeset = useMemo(() => {
    if (!tasks || !units || !reports || !submissions || importedFiles.length === 0) return undefined;
    const byMonth = new Map<number, ProgressFile[]>();
    for (const f of importedFiles) {
      const r = resultOf(f);
      const target = targetOf(f)!;
      byMonth.set(target, [
        ...(byMonth.get(target) ?? []),
        { file: f.name, sheet: r.sheet, rows: r.rows, unitWritten: r.unit, unitId: r.meta?.unitId },
      ]);
    }
    return progressChangesetByMonth(
      byMonth,
      (m) => ({
        yearId: year.id,
        month: m,
        tasks,
        units,
        reports: reports.filter((r) => r.month === m),
        submissions: submissions.filter((s) => s.month === m),
      }),
      unitChoices,
      todayInChina(),
      () => crypto.randomUUID(),
    );
  }, [importedFiles, resultOf, targetOf, tasks, units, reports, submissions, unitChoices, year.id]);
  // The office's decisions on held-back sheets, logged with the batch.
  const notes = importedFiles.flatMap((f) => {
    const chosen = monthChoices[f.key];
    if (chosen === undefined) return [];
    const says = resultOf(f).month;
    return chosen === month
      ? [`“${f.name}”文件写的是${says}月，仍按${month}月导入`]
      : [`“${f.name}”按文件所写导入到${chosen}月`];
  });

  const perFile = useMemo(
    () => ({
      previews: groupByFile(changeset?.previews),
      unitNames: new Map(
        (changeset?.fileUnits ?? []).map((u) => [u.file, units?.find((unit) => unit.id === u.unitId)?.name]),
      ),
    }),
    [changeset, units],
  );
  const verdictOf = (file: LoadedFile) => {
    const m = mapped.get(file.key);
    if (!m?.result) return { refusal: m?.refusal };
    const held = heldReason(file);
    const target = targetOf(file);
    if (target === undefined) {
      const says = m.result.month;
      const canMove =
        says !== undefined &&
        (m.result.year === undefined || m.result.year === year.year) &&
        windowMonths(year).includes(says) &&
        !published.has(says);
      const choose = (chosen: number) => setMonthChoices({ ...monthChoices, [file.key]: chosen });
      return {
        summary: (
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }} role="group" aria-label={`${file.name}的月份`}>
            <Typography color="warning.dark">暂不导入：{held}。请选择：</Typography>
            <Stack direction="row" spacing={1}>
              {canMove && (
                <Button size="small" variant="outlined" onClick={() => choose(says)}>
                  改为导入到{says}月
                </Button>
              )}
              <Button size="small" variant="outlined" onClick={() => choose(month)}>
                仍按{month}月导入
              </Button>
            </Stack>
          </Stack>
        ),
      };
    }
    const unitName = perFile.unitNames.get(file.name);
    const kinds = (perFile.previews.get(file.name) ?? []).map((p) => p.kind);
    const errors = m.result.issues.filter((i) => i.severity === 'error').length;
    return {
      summary: (
        <FileSummary errors={errors}>
          {unitName ?? '（单位待选择）'} · {target}月{held ? `（${held}，已选择导入到${target}月）` : ''} ·{' '}
          {m.result.rows.length} 行 · {countsLine(kinds)}
        </FileSummary>
      ),
    };
  };
  const unknownFiles = changeset?.fileUnits.filter((u) => u.unknown) ?? [];
  const { added, changed } = previewCounts(changeset?.previews);
  const manyMonths = new Set(changeset?.previews.map((p) => p.month)).size > 1;

  return (
    <ImportFrame
      title={`导入${month}月进展`}
      chooseLabel="选择月度进展文件"
      importer={importer}
      verdictOf={verdictOf}
      changeset={
        changeset && {
          yearId: year.id,
          kind: 'progress',
          creates: changeset.creates,
          updates: changeset.updates,
          unchanged: changeset.unchanged,
          ...(notes.length ? { notes } : {}),
        }
      }
      usedFiles={importedFiles}
      issues={[...importedFiles.flatMap((f) => resultOf(f).issues), ...(changeset?.issues ?? [])]}
      doneMessage={(n) =>
        `已导入 ${n} 个文件：新增 ${added} 条进展，修改 ${changed} 条，未变 ${changeset?.unchanged ?? 0} 条。`
      }
      onCommitted={() => {
        setUnitChoices({});
        setMonthChoices({});
      }}
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
      {changeset && changeset.previews.length > 0 && (
        <PreviewTable
          caption={`预览：新增 ${added} 条，修改 ${changed} 条，未变 ${changeset.unchanged} 条`}
          columns={manyMonths ? [monthColumn, ...previewColumns] : previewColumns}
          rows={changeset.previews}
          rowKey={(p) => `${p.file}/${p.sheetRow}`}
        />
      )}
    </ImportFrame>
  );
}

const monthColumn: VirtualColumn<ReportPreview> = {
  key: 'month',
  header: '月份',
  width: '56px',
  render: (p) => `${p.month}月`,
};
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
