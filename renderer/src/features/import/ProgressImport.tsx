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
import { mapProgress, type ProgressResult } from '../../core/import/progress';
import {
  heldBack,
  progressChangesetByMonth,
  type ProgressFile,
  type ReportPreview,
} from '../../core/import/progressChangeset';
import type { Grid } from '../../core/import/types';
import { useMonthStates, useTasks, useUnits, useYearReports, useYearSubmissions } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { todayInChina } from '../../ui/today';
import { FileSummary, ImportFrame, PreviewTable, countsLine, groupByFile, previewCounts } from './ImportFrame';
import { kindChips } from './TaskListImport';
import { useImportFlow, type ReadFile } from './useImportFiles';

/** A month's progress sheets: the app's own templates and units' own sheets, many at once. */
export function ProgressImport({ month }: { month: number }) {
  const year = useWorkYear();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const reports = useYearReports(year.id);
  const submissions = useYearSubmissions(year.id, 'progress');
  const states = useMonthStates(year.id);
  const [unitChoices, setUnitChoices] = useState<Record<string, string>>({});
  // A sheet that says another month or year is held back until the office picks its month.
  const [monthChoices, setMonthChoices] = useState<Record<string, number>>({});

  const mapSheets = useCallback(
    (grid: Grid, aliases: ColumnAliasTable | undefined) => mapProgress(grid, { year: year.year, month, aliases }),
    [year.year, month],
  );
  const flow = useImportFlow('progress', '“重点工作、累计进度”', mapSheets);
  /** The month a file's rows go to; undefined while it is held back. */
  const targetOf = useCallback(
    (file: ReadFile, result: ProgressResult): number | undefined =>
      monthChoices[file.key] ?? (heldBack(result, { month, year: year.year }) ? undefined : month),
    [monthChoices, month, year.year],
  );
  const written = useMemo(
    () => flow.used.filter(({ file, result }) => targetOf(file, result) !== undefined),
    [flow.used, targetOf],
  );
  const published = useMemo(
    () => new Set(states?.filter((s) => s.state === 'published').map((s) => s.month)),
    [states],
  );

  const changeset = useMemo(() => {
    if (!tasks || !units || !reports || !submissions || written.length === 0) return undefined;
    const byMonth = new Map<number, ProgressFile[]>();
    for (const { file, result: r } of written) {
      const target = targetOf(file, r) ?? month;
      byMonth.set(target, [
        ...(byMonth.get(target) ?? []),
        { file: file.name, sheet: r.sheet, rows: r.rows, unitWritten: r.unit, unitId: r.meta?.unitId },
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
  }, [written, targetOf, tasks, units, reports, submissions, unitChoices, year.id, month]);
  // The office's decisions on held-back sheets, logged with the batch.
  const notes = written.flatMap(({ file, result }) => {
    const chosen = monthChoices[file.key];
    if (chosen === undefined) return [];
    return chosen === month
      ? [`“${file.name}”文件写的是${result.month}月，仍按${month}月导入`]
      : [`“${file.name}”按文件所写导入到${chosen}月`];
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
  const summaryOf = (file: ReadFile, result: ProgressResult) => {
    const held = heldBack(result, { month, year: year.year });
    const target = targetOf(file, result);
    if (target === undefined) {
      const says = result.month;
      const canMove =
        says !== undefined &&
        (result.year === undefined || result.year === year.year) &&
        windowMonths(year).includes(says) &&
        !published.has(says);
      const choose = (chosen: number) => setMonthChoices({ ...monthChoices, [file.key]: chosen });
      return (
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
      );
    }
    const kinds = (perFile.previews.get(file.name) ?? []).map((p) => p.kind);
    return (
      <FileSummary errors={result.issues.filter((i) => i.severity === 'error').length}>
        {perFile.unitNames.get(file.name) ?? '（单位待选择）'} · {target}月
        {held ? `（${held}，已选择导入到${target}月）` : ''} · {result.rows.length} 行 · {countsLine(kinds)}
      </FileSummary>
    );
  };
  const unknownFiles = (changeset?.fileUnits ?? []).flatMap((u) =>
    u.unknown ? [{ file: u.file, unknown: u.unknown }] : [],
  );
  const { added, changed } = previewCounts(changeset?.previews);
  const manyMonths = new Set(changeset?.previews.map((p) => p.month)).size > 1;

  return (
    <ImportFrame
      title={`导入${month}月进展`}
      kind="progress"
      chooseLabel="选择月度进展文件"
      flow={flow}
      summaryOf={summaryOf}
      writes={changeset && (notes.length ? { ...changeset, notes } : changeset)}
      written={written}
      issues={changeset?.issues ?? []}
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
                  <TableCell>表中写作：{u.unknown.written || '（未写明）'}</TableCell>
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
