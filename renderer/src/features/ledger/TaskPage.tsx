import { useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import AddIcon from '@mui/icons-material/Add';
import { chineseDate } from '../../core/dates';
import type { Leader, Task, Target, Unit } from '../../core/model';
import { normaliseName } from '../../core/registry';
import {
  deleteTask,
  useCarriedSource,
  useLeaders,
  useSections,
  useTask,
  useTasks,
  useUnits,
  type NewTask,
} from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';
import { DateField } from '../../ui/DateField';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { TaskPlanEditor } from './TaskPlanEditor';
import { TaskEvaluationPanel } from '../../ui/EvaluationPanels';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { todayInChina } from '../../ui/today';
import { ProgressChart, StoryMonths, useTaskStory } from './TaskStory';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function TaskPage({ taskId }: { taskId: string }) {
  const task = useTask(taskId);
  if (task === undefined) return <Typography color="text.secondary">正在读取任务…</Typography>;
  return <TaskEditor key={task.id} task={task} />;
}

/** The fields this page edits; an optional id is '' for none (the writer clears it; the journal keeps ''). */
type Fields = Required<
  Pick<
    NewTask,
    | 'code'
    | 'title'
    | 'sectionId'
    | 'dueDate'
    | 'responsiblePerson'
    | 'leaderIds'
    | 'leadUnitId'
    | 'coUnitIds'
    | 'targets'
    | 'measures'
  >
>;

function fieldsOf(task: Task): Fields {
  return {
    code: task.code,
    title: task.title,
    sectionId: task.sectionId ?? '',
    dueDate: task.dueDate,
    responsiblePerson: task.responsiblePerson,
    leaderIds: task.leaderIds,
    leadUnitId: task.leadUnitId ?? '',
    coUnitIds: task.coUnitIds,
    targets: task.targets,
    measures: task.measures,
  };
}

/** What the writer keeps of the fields (cleanTask): an empty row just added is no change. */
function keptOf(f: Fields) {
  return {
    ...f,
    targets: f.targets
      .filter((t) => t.text.trim() !== '' || t.value !== undefined)
      .map((t) => ({ text: t.text, value: t.value, unit: t.unit?.trim() || undefined })),
    measures: f.measures.filter((m) => m.text.trim() !== ''),
  };
}

function TaskEditor({ task }: { task: Task }) {
  const year = useWorkYear();
  const yearId = year.id;
  const units = useUnits(yearId) ?? [];
  const leaders = useLeaders(yearId) ?? [];
  const sections = useSections(yearId) ?? [];
  const tasks = useTasks(yearId);
  const [deleting, setDeleting] = useState(false);
  const story = useTaskStory(year, task);
  // The titles of the year's other tasks: a title taken is shown, not sent to be refused.
  const otherTitles = useMemo(
    () => new Set((tasks ?? []).filter((t) => t.id !== task.id).map((t) => normaliseName(t.title))),
    [tasks, task.id],
  );
  // Only the fields changed here are written: a change made meanwhile to another field (an
  // import, another window) shows and is kept.
  const save = useAutosave<Fields>({
    id: `task:${task.id}`,
    stored: fieldsOf(task),
    label: `重点工作“${task.title}”`,
    edit: (draft, changed) => ({
      kind: 'task',
      args: { id: task.id, patch: Object.fromEntries([...changed].map((key) => [key, draft[key]])) },
    }),
    byField: true,
    check: (draft) => {
      if (normaliseName(draft.title) === '') return '重点工作名称不能为空';
      if (otherTitles.has(normaliseName(draft.title))) return `重点工作"${draft.title.trim()}"已存在`;
      if (!/^\d{4}-\d{2}-\d{2}$/u.test(draft.dueDate)) return '完成时限应为有效日期';
      return undefined;
    },
    asStored: keptOf,
  });
  const draft = save.draft;
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => save.change((d) => ({ ...d, [key]: value }));

  return (
    <>
      <Stack spacing={2} sx={{ maxWidth: 1100 }} className="screen-only">
        <ScreenHeader title={task.title} back={<Button onClick={() => navigateTo(routes.ledger())}>← 返回台账</Button>}>
          <Button variant="outlined" disabled={!story} onClick={() => void desktop.printView({ mode: 'print' })}>
            打印进展
          </Button>
          <Button
            variant="outlined"
            disabled={!story}
            onClick={() => void desktop.printView({ mode: 'pdf', suggestedName: `${task.title}进展情况.pdf` })}
          >
            另存为PDF
          </Button>
          <Button variant="outlined" onClick={() => navigateTo(routes.retro(task.id))}>
            复盘
          </Button>
          <Button color="error" onClick={() => setDeleting(true)}>
            删除任务
          </Button>
        </ScreenHeader>
        <SaveStatus save={save} label="任务保存状态" idle="修改后自动保存，并记入操作日志。" />
        {task.carriedOverFrom && <CarriedOverNotice sourceId={task.carriedOverFrom} />}
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h3" sx={{ mb: 2 }}>
            基本信息与责任清单
          </Typography>
          {/* Three equal columns: a section's or a leader's whole name fits its select (not “一、扩…”). */}
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 2 }}>
            <Stack direction="row" spacing={2} sx={{ gridColumn: 'span 3' }}>
              <TextField
                size="small"
                label="序号"
                value={draft.code}
                onChange={(e) => set('code', e.target.value)}
                sx={{ width: 120, flexShrink: 0 }}
              />
              <TextField
                size="small"
                fullWidth
                label="重点工作"
                value={draft.title}
                onChange={(e) => set('title', e.target.value)}
              />
            </Stack>
            <TextField
              size="small"
              select
              label="工作板块"
              value={draft.sectionId}
              onChange={(e) => set('sectionId', e.target.value)}
            >
              <MenuItem value="">（无）</MenuItem>
              {sections.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </TextField>
            <DateField size="small" label="完成时限" value={draft.dueDate} onChange={(due) => set('dueDate', due)} />
            <TextField
              size="small"
              label="责任人"
              value={draft.responsiblePerson}
              onChange={(e) => set('responsiblePerson', e.target.value)}
            />
            <Autocomplete
              multiple
              size="small"
              options={leaders.map((l) => l.id)}
              getOptionLabel={(id) => leaders.find((l) => l.id === id)?.name ?? ''}
              value={draft.leaderIds}
              onChange={(_e, value) => set('leaderIds', value)}
              renderInput={(params) => <TextField {...params} label="分管区领导" />}
            />
            <TextField
              size="small"
              select
              label="牵头单位"
              value={draft.leadUnitId}
              onChange={(e) => set('leadUnitId', e.target.value)}
            >
              <MenuItem value="">（未定）</MenuItem>
              {units.map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {u.name}
                </MenuItem>
              ))}
            </TextField>
            <Autocomplete
              multiple
              size="small"
              options={units.map((u) => u.id).filter((id) => id !== draft.leadUnitId)}
              getOptionLabel={(id) => units.find((u) => u.id === id)?.name ?? ''}
              value={draft.coUnitIds}
              onChange={(_e, value) => set('coUnitIds', value)}
              renderInput={(params) => <TextField {...params} label="责任单位（配合）" />}
            />
          </Box>
        </Paper>
        <ListEditor
          title="目标清单"
          items={draft.targets}
          blank={{ text: '' }}
          onChange={(targets) => set('targets', targets)}
          renderItem={(t: Target, update, index) => (
            <>
              <TextField
                size="small"
                fullWidth
                label={`目标${index + 1}`}
                value={t.text}
                onChange={(e) => update({ ...t, text: e.target.value })}
              />
              <TextField
                size="small"
                type="number"
                label="量化值"
                value={t.value ?? ''}
                onChange={(e) => update({ ...t, value: e.target.value === '' ? undefined : Number(e.target.value) })}
                sx={{ width: 120 }}
              />
              <TextField
                size="small"
                label="单位"
                value={t.unit ?? ''}
                onChange={(e) => update({ ...t, unit: e.target.value || undefined })}
                sx={{ width: 100 }}
              />
            </>
          )}
        />
        <ListEditor
          title="措施清单"
          items={draft.measures}
          blank={{ text: '' }}
          onChange={(measures) => set('measures', measures)}
          renderItem={(m, update, index) => (
            <TextField
              size="small"
              fullWidth
              multiline
              label={`措施${index + 1}`}
              value={m.text}
              onChange={(e) => update({ text: e.target.value })}
            />
          )}
        />
        <TaskPlanEditor task={task} year={year} />
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="task-story-heading">
          <Typography variant="h6" component="h3" id="task-story-heading">
            进展
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            逐月列出各责任单位报送的进展、系统研判的状态与亮灯、督查核实情况和加扣分，供约谈前查阅。
          </Typography>
          {story ? (
            <>
              <ProgressChart story={story.story} />
              <StoryMonths story={story.story} units={story.units} />
            </>
          ) : (
            <Typography color="text.secondary">正在汇总…</Typography>
          )}
        </Paper>
        <TaskEvaluationPanel year={year} task={task} />
        <ConfirmDialog
          open={deleting}
          title="删除任务"
          text={`确定删除“${task.title}”及其月方案节点吗？此操作会记入操作日志。`}
          onConfirm={async () => {
            await deleteTask(task.id);
            navigateTo(routes.ledger());
          }}
          onClose={() => setDeleting(false)}
        />
      </Stack>
      {story && (
        <PrintDocument title={`${task.title}进展情况`} issuer="区政府督查室" date={todayInChina()}>
          <TaskPrintHeader task={task} units={units} leaders={leaders} />
          <ProgressChart story={story.story} width={600} />
          <StoryMonths story={story.story} units={story.units} />
        </PrintDocument>
      )}
    </>
  );
}

/** What the printed story says of the task before its months. */
function TaskPrintHeader({ task, units, leaders }: { task: Task; units: readonly Unit[]; leaders: readonly Leader[] }) {
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  return (
    <table>
      <tbody>
        <tr>
          <th>牵头单位</th>
          <td>{task.leadUnitId ? unitName(task.leadUnitId) : '（未定）'}</td>
          <th>完成时限</th>
          <td>{chineseDate(task.dueDate)}</td>
        </tr>
        <tr>
          <th>责任单位</th>
          <td>{task.coUnitIds.map(unitName).join('、') || '（无）'}</td>
          <th>分管区领导</th>
          <td>
            {task.leaderIds
              .map((id) => leaders.find((l) => l.id === id)?.name ?? '')
              .filter(Boolean)
              .join('、')}
          </td>
        </tr>
        {task.targets.length > 0 && (
          <tr>
            <th>目标</th>
            <td colSpan={3}>{task.targets.map((t) => t.text).join('；')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** A task carried over from last year says so, with how far it had got. */
function CarriedOverNotice({ sourceId }: { sourceId: string }) {
  const source = useCarriedSource(sourceId);
  if (source === undefined) return null;
  const detail = source
    ? `由${source.year.year}年度结转，上年末${source.final.percent === null ? '牵头单位未报送进展' : `累计进度 ${source.final.percent}%`}。`
    : '由上一年度结转（原任务已不存在）。';
  return (
    <Alert severity="info" icon={false}>
      <b>上年结转</b>：本任务{detail}
    </Alert>
  );
}

interface ListEditorProps<Item> {
  title: string;
  items: Item[];
  blank: Item;
  onChange(items: Item[]): void;
  renderItem(item: Item, update: (item: Item) => void, index: number): React.ReactNode;
}

function ListEditor<Item>({ title, items, blank, onChange, renderItem }: ListEditorProps<Item>) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <Button startIcon={<AddIcon />} onClick={() => onChange([...items, blank])}>
          添加一条
        </Button>
      </Stack>
      <Stack spacing={1}>
        {items.length === 0 && <Typography color="text.secondary">（无）</Typography>}
        {items.map((item, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            {renderItem(item, (next) => onChange(items.map((x, i) => (i === index ? next : x))), index)}
            <IconButton
              aria-label={`删除${title}第${index + 1}条`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
