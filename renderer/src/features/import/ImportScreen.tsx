import { useMemo, useState } from 'react';
import {
  Alert, Box, Button, Chip, CircularProgress, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { ColumnAliasTable } from '../../core/import/columns';
import { detectTemplate, templateLabels } from '../../core/import/template';
import { mapTaskList } from '../../core/import/taskList';
import { planTaskListImport, type NameChoice, type TaskListFile, type UnknownName } from '../../core/import/taskListPlan';
import type { ImportIssue } from '../../core/import/types';
import type { Leader, Unit } from '../../core/model';
import { commitImport, useLeaders, useSections, useSetting, useTasks, useUnits } from '../../db';
import { useYear } from '../../ui/YearContext';
import { userMessage } from '../../ui/errors';
import { navigateTo } from '../../ui/useHashRoute';
import { formatTimestamp } from '../../ui/today';
import { FileDropZone } from './FileDropZone';
import { IssueList } from './IssueList';
import { useImportFiles, type LoadedFile } from './useImportFiles';
import { importKindLabels } from './kinds';

interface FilePreview {
  file: LoadedFile;
  /** Set when the whole file is left out. */
  refusal?: string;
  input?: TaskListFile;
  issues: ImportIssue[];
}

export function ImportScreen({ kind }: { kind: string }) {
  if (kind !== 'tasks') return <Alert severity="info">暂不支持导入“{importKindLabels[kind] ?? kind}”。</Alert>;
  return <TaskListImport />;
}

function TaskListImport() {
  const year = useYear().current!;
  const { files, add, remove, clear } = useImportFiles();
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const leaders = useLeaders(year.id);
  const sections = useSections(year.id);
  const aliases = useSetting<ColumnAliasTable>('columnAliases');
  const [unitChoices, setUnitChoices] = useState<Record<string, NameChoice>>({});
  const [leaderChoices, setLeaderChoices] = useState<Record<string, NameChoice>>({});
  const [committing, setCommitting] = useState(false);
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'error'; text: string }>();

  const previews = useMemo<FilePreview[]>(
    () =>
      files.map((file) => {
        if (file.status !== 'ready') return { file, refusal: file.message, issues: [] };
        const detected = detectTemplate(file.grid!, { aliases });
        if (detected.kind !== 'tasks') {
          const what = detected.kind ? `识别为“${templateLabels[detected.kind]}”` : '未找到“重点工作、牵头单位、完成时限”等表头';
          return { file, refusal: `"${file.name}"：不是任务清单（${what}），未导入`, issues: [] };
        }
        const mapped = mapTaskList(file.grid!, { year: year.year, aliases, defaultDue: year.completionDue });
        return { file, input: { file: file.name, sheet: mapped.sheet, rows: mapped.rows }, issues: mapped.issues };
      }),
    [files, aliases, year],
  );
  const usable = useMemo(() => previews.filter((p) => p.input), [previews]);
  const plan = useMemo(() => {
    if (!tasks || !units || !leaders || !sections || usable.length === 0) return undefined;
    return planTaskListImport(
      usable.map((p) => p.input!),
      { yearId: year.id, tasks, units, leaders, sections },
      { units: unitChoices, leaders: leaderChoices },
      () => crypto.randomUUID(),
    );
  }, [usable, tasks, units, leaders, sections, unitChoices, leaderChoices, year.id]);

  const reading = files.some((f) => f.status === 'reading');
  const allIssues = [...previews.flatMap((p) => p.issues), ...(plan?.issues ?? [])];
  const added = plan?.previews.filter((p) => p.kind === 'added').length ?? 0;
  const changed = plan?.previews.filter((p) => p.kind === 'changed').length ?? 0;
  const nothingToWrite = !plan || (plan.creates.length === 0 && plan.updates.length === 0);

  const confirm = async () => {
    if (!plan) return;
    setCommitting(true);
    try {
      const batch = await commitImport({
        yearId: year.id,
        kind: 'tasks',
        files: usable.map((p) => ({ name: p.file.name, sha256: p.file.sha256 })),
        creates: plan.creates,
        updates: plan.updates,
        unchanged: plan.unchanged,
      });
      setOutcome({ severity: 'success', text: `已导入 ${batch.files.length} 个文件：新增 ${added} 项任务，修改 ${changed} 项，未变 ${plan.unchanged} 项。可在“导入记录”中撤销此批次。` });
      clear();
      setUnitChoices({});
      setLeaderChoices({});
    } catch (e) {
      setOutcome({ severity: 'error', text: `${userMessage(e)}（未写入任何数据）` });
    } finally {
      setCommitting(false);
    }
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>导入任务清单</Typography>
        <Button onClick={() => navigateTo('imports')}>导入记录</Button>
        <Button onClick={() => navigateTo('ledger')}>任务台账</Button>
      </Stack>
      {outcome && <Alert severity={outcome.severity} onClose={() => setOutcome(undefined)}>{outcome.text}</Alert>}
      <FileDropZone label="选择任务清单文件" onFiles={(picked) => {
        setOutcome(undefined);
        void add(picked);
      }} />

      {previews.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="文件">
            <TableHead>
              <TableRow>
                <TableCell>文件</TableCell>
                <TableCell>结果</TableCell>
                <TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {previews.map((p) => (
                <TableRow key={p.file.key} data-file={p.file.name}>
                  <TableCell>{p.file.name}</TableCell>
                  <TableCell>
                    {p.file.status === 'reading' && <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><CircularProgress size={16} /><span>正在读取…</span></Stack>}
                    {p.refusal && <Typography color="error" role="alert">{p.refusal}</Typography>}
                    {p.input && <FileSummary preview={p} plan={plan} />}
                    {p.file.previous && (
                      <Typography color="warning.dark" variant="body2">
                        此文件已于 {formatTimestamp(p.file.previous.importedAt)} 导入过（“{p.file.previous.name}”），再次导入只会写入有变化的内容。
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">
                    <IconButton size="small" aria-label={`移除${p.file.name}`} onClick={() => remove(p.file.key)}><CloseIcon fontSize="small" /></IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}

      {plan && plan.unknownUnits.length > 0 && units && (
        <UnknownNames title="名单中没有的单位" unknown={plan.unknownUnits} records={units} createLabel="新建单位" choices={unitChoices} onChoose={setUnitChoices} />
      )}
      {plan && plan.unknownLeaders.length > 0 && leaders && (
        <UnknownNames title="名单中没有的区领导" unknown={plan.unknownLeaders} records={leaders} createLabel="新建区领导" choices={leaderChoices} onChoose={setLeaderChoices} />
      )}

      {plan && plan.previews.length > 0 && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h3" sx={{ p: 2, pb: 1 }}>
            预览：新增 {added} 项，修改 {changed} 项，未变 {plan.unchanged} 项
          </Typography>
          <Box sx={{ maxHeight: 420, overflow: 'auto' }}>
            <Table size="small" stickyHeader aria-label="导入预览">
              <TableHead>
                <TableRow>
                  <TableCell>文件</TableCell>
                  <TableCell>行</TableCell>
                  <TableCell>重点工作</TableCell>
                  <TableCell>结果</TableCell>
                  <TableCell>变化（原 → 新）</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {plan.previews.map((p) => (
                  <TableRow key={`${p.file}/${p.sheetRow}`}>
                    <TableCell>{p.file}</TableCell>
                    <TableCell>{p.sheetRow}</TableCell>
                    <TableCell>{p.title}</TableCell>
                    <TableCell>{{ added: <Chip size="small" color="success" label="新增" />, changed: <Chip size="small" color="warning" label="修改" />, unchanged: <Chip size="small" label="未变" /> }[p.kind]}</TableCell>
                    <TableCell sx={{ whiteSpace: 'pre-line' }}>{p.changes.map((c) => `${c.label}：${c.before || '（空）'} → ${c.after || '（空）'}`).join('\n')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Paper>
      )}

      {allIssues.length > 0 && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h3" sx={{ p: 2, pb: 1 }}>问题（{allIssues.length}）</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>有“错误”的行不会导入，其余照常导入。点击一行可查看对应单元格。</Typography>
          <IssueList issues={allIssues} gridOf={(name) => files.find((f) => f.name === name)?.grid} />
        </Paper>
      )}

      {files.length > 0 && (
        <Stack direction="row" spacing={2}>
          <Button variant="contained" disabled={reading || committing || nothingToWrite} onClick={confirm}>
            {committing ? '正在导入…' : '确认导入'}
          </Button>
          <Button onClick={clear} disabled={committing}>全部移除</Button>
          {!reading && nothingToWrite && <Typography sx={{ alignSelf: 'center' }} color="text.secondary">没有需要写入的内容。</Typography>}
        </Stack>
      )}
    </Stack>
  );
}

function FileSummary({ preview, plan }: { preview: FilePreview; plan: ReturnType<typeof planTaskListImport> | undefined }) {
  const mine = plan?.previews.filter((p) => p.file === preview.file.name) ?? [];
  const count = (kind: string) => mine.filter((p) => p.kind === kind).length;
  const errors = preview.issues.filter((i) => i.severity === 'error').length;
  return (
    <Typography variant="body2">
      工作表“{preview.input!.sheet}”：{preview.input!.rows.length} 项任务 · 新增 {count('added')} · 修改 {count('changed')} · 未变 {count('unchanged')}
      {errors > 0 && <Box component="span" sx={{ color: 'error.main' }}> · {errors} 个错误</Box>}
    </Typography>
  );
}

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
      <Typography variant="h6" component="h3">{props.title}（{props.unknown.length}）</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        默认随导入新建。若是已有名单中的同一单位（如简称），请选择它：表格中的写法会记为其别名，下次自动识别。
      </Typography>
      <Table size="small" aria-label={props.title}>
        <TableBody>
          {props.unknown.map((u) => {
            const choice = props.choices[u.written] ?? 'create';
            const suggested = new Set(u.suggestions.map((s) => s.id));
            const ordered = [...props.records.filter((r) => suggested.has(r.id)), ...props.records.filter((r) => !suggested.has(r.id))];
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
                    onChange={(e) => props.onChoose({ ...props.choices, [u.written]: e.target.value ? { use: e.target.value } : 'create' })}
                  >
                    <MenuItem value="">{props.createLabel}“{u.written}”</MenuItem>
                    {ordered.map((r) => (
                      <MenuItem key={r.id} value={r.id}>即“{r.name}”{suggested.has(r.id) ? '（建议）' : ''}</MenuItem>
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
