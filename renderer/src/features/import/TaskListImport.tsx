import { useCallback, useMemo, useState } from 'react';
import { Chip, MenuItem, Paper, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import type { ColumnAliasTable } from '../../core/import/columns';
import { mapTaskList, type TaskListResult } from '../../core/import/taskList';
import type { Grid } from '../../core/import/types';
import {
  taskListChangeset,
  type NameChoice,
  type TaskPreview,
  type UnknownName,
} from '../../core/import/taskListChangeset';
import type { Leader, Unit } from '../../core/model';
import { useLeaders, useSections, useTasks, useUnits } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import type { VirtualColumn } from '../../ui/VirtualTable';
import { FileSummary, ImportFrame, PreviewTable, countsLine, groupByFile, previewCounts } from './ImportFrame';
import { useImportFlow, type ReadFile } from './useImportFiles';

const kindChips = {
  added: <Chip size="small" color="success" label="新增" />,
  changed: <Chip size="small" color="warning" label="修改" />,
  unchanged: <Chip size="small" label="未变" />,
};
export { kindChips };

export function TaskListImport() {
  const year = useWorkYear();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const leaders = useLeaders(year.id);
  const sections = useSections(year.id);
  const [unitChoices, setUnitChoices] = useState<Record<string, NameChoice>>({});
  const [leaderChoices, setLeaderChoices] = useState<Record<string, NameChoice>>({});

  const mapTasks = useCallback(
    (grid: Grid, aliases: ColumnAliasTable | undefined) =>
      mapTaskList(grid, { year: year.year, aliases, defaultDue: year.completionDue }),
    [year],
  );
  const flow = useImportFlow('tasks', '“重点工作、牵头单位、完成时限”', mapTasks);

  const changeset = useMemo(() => {
    if (!tasks || !units || !leaders || !sections || flow.used.length === 0) return undefined;
    return taskListChangeset(
      flow.used.map(({ file, result }) => ({ file: file.name, sheet: result.sheet, rows: result.rows })),
      { yearId: year.id, tasks, units, leaders, sections },
      { units: unitChoices, leaders: leaderChoices },
      () => crypto.randomUUID(),
    );
  }, [flow.used, tasks, units, leaders, sections, unitChoices, leaderChoices, year.id]);

  const previewsOf = useMemo(() => groupByFile(changeset?.previews), [changeset]);
  const summaryOf = (file: ReadFile, result: TaskListResult) => (
    <FileSummary errors={result.issues.filter((i) => i.severity === 'error').length}>
      工作表“{result.sheet}”：{result.rows.length} 项任务 ·{' '}
      {countsLine((previewsOf.get(file.name) ?? []).map((p) => p.kind))}
    </FileSummary>
  );
  const { added, changed } = previewCounts(changeset?.previews);

  return (
    <ImportFrame
      title="导入任务清单"
      kind="tasks"
      chooseLabel="选择任务清单文件"
      flow={flow}
      summaryOf={summaryOf}
      writes={changeset}
      issues={changeset?.issues ?? []}
      doneMessage={(n) =>
        `已导入 ${n} 个文件：新增 ${added} 项任务，修改 ${changed} 项，未变 ${changeset?.unchanged ?? 0} 项。`
      }
      onCommitted={() => {
        setUnitChoices({});
        setLeaderChoices({});
      }}
    >
      {changeset && changeset.unknownUnits.length > 0 && units && (
        <UnknownNames
          title="名单中没有的单位"
          unknown={changeset.unknownUnits}
          records={units}
          createLabel="新建单位"
          choices={unitChoices}
          onChoose={setUnitChoices}
        />
      )}
      {changeset && changeset.unknownLeaders.length > 0 && leaders && (
        <UnknownNames
          title="名单中没有的区领导"
          unknown={changeset.unknownLeaders}
          records={leaders}
          createLabel="新建区领导"
          choices={leaderChoices}
          onChoose={setLeaderChoices}
        />
      )}
      {changeset && changeset.previews.length > 0 && (
        <PreviewTable
          caption={`预览：新增 ${added} 项，修改 ${changed} 项，未变 ${changeset.unchanged} 项`}
          columns={previewColumns}
          rows={changeset.previews}
          rowKey={(p) => `${p.file}/${p.sheetRow}`}
        />
      )}
    </ImportFrame>
  );
}

const previewColumns: VirtualColumn<TaskPreview>[] = [
  { key: 'file', header: '文件', width: '1.5fr', render: (p) => p.file },
  { key: 'row', header: '行', width: '48px', render: (p) => p.sheetRow },
  { key: 'title', header: '重点工作', width: '2fr', render: (p) => p.title },
  { key: 'kind', header: '结果', width: '72px', render: (p) => kindChips[p.kind] },
  {
    key: 'changes',
    header: '变化（原 → 新）',
    width: '3fr',
    render: (p) => p.changes.map((c) => `${c.label}：${c.before || '（空）'} → ${c.after || '（空）'}`).join('\n'),
  },
];

function UnknownNames<R extends Unit | Leader>(props: {
  title: string;
  unknown: UnknownName[];
  records: R[];
  createLabel: string;
  choices: Record<string, NameChoice>;
  onChoose(choices: Record<string, NameChoice>): void;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h3">
        {props.title}（{props.unknown.length}）
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        默认随导入新建。若是已有名单中的同一单位（如简称），请选择它：表格中的写法会记为其别名，下次自动识别。
      </Typography>
      <Table size="small" aria-label={props.title}>
        <TableBody>
          {props.unknown.map((u) => {
            const choice = props.choices[u.written] ?? 'create';
            const suggested = new Set(u.suggestions.map((s) => s.id));
            const ordered = [
              ...props.records.filter((r) => suggested.has(r.id)),
              ...props.records.filter((r) => !suggested.has(r.id)),
            ];
            return (
              <TableRow key={u.written}>
                <TableCell sx={{ width: '30%' }}>{u.written}</TableCell>
                <TableCell sx={{ width: '25%', color: 'text.secondary' }}>{u.firstSeen}</TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    label={`“${u.written}”的处理`}
                    value={choice === 'create' ? '' : choice.use}
                    onChange={(e) =>
                      props.onChoose({
                        ...props.choices,
                        [u.written]: e.target.value ? { use: e.target.value } : 'create',
                      })
                    }
                  >
                    <MenuItem value="">
                      {props.createLabel}“{u.written}”
                    </MenuItem>
                    {ordered.map((r) => (
                      <MenuItem key={r.id} value={r.id}>
                        即“{r.name}”{suggested.has(r.id) ? '（建议）' : ''}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
