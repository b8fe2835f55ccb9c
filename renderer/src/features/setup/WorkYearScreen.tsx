import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { WorkYear } from '../../core/model';
import {
  calendarCoverage,
  defaultCalendarSettings,
  dueDate,
  monthSchedule,
  type CalendarSettings,
  type DueDate,
} from '../../core/calendar';
import { chineseDate, weekdayName } from '../../core/dates';
import { createWorkYear, startYearFrom, useLeaders, useScoreRules, useTasks, useUnits, useYearReports } from '../../db';
import { unfinishedTasks } from '../../core/newYear';
import { useYear } from '../../ui/YearContext';
import { todayInChina } from '../../ui/today';
import { userMessage } from '../../ui/errors';
import { useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';
import { DateField } from '../../ui/DateField';
import { SamplePanel } from './SamplePanel';

export function WorkYearScreen() {
  const { years, current, choose } = useYear();
  if (!years) return null;
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h2">
        工作年度
      </Typography>
      <CreateYear existing={years.map((y) => y.year)} onCreated={(y) => choose(y.id)} />
      <StartFromYear years={years} onCreated={(y) => choose(y.id)} />
      {current && <YearSettings key={current.id} year={current} />}
      <SamplePanel />
    </Stack>
  );
}

export function CreateYear({ existing, onCreated }: { existing: number[]; onCreated(year: WorkYear): void }) {
  const thisYear = Number(todayInChina().slice(0, 4));
  const suggested = existing.length === 0 ? thisYear : Math.max(...existing) + 1;
  // What the person typed; until then (and after a year is created) the suggested year.
  const [typed, setTyped] = useState<string>();
  const year = typed ?? String(suggested);
  const [error, setError] = useState<string>();

  const create = async () => {
    const n = Number(year);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) {
      setError('请输入 2000 至 2100 之间的年份。');
      return;
    }
    try {
      const created = await createWorkYear({ ...defaultCalendarSettings(n), title: `${n}年度重点工作` });
      setError(undefined);
      setTyped(undefined);
      onCreated(created);
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <Paper sx={{ p: 2 }} variant="outlined">
      {/* In the narrow 快速入门 dialog the note wraps; the title, the year and the button keep their size. */}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', '& > :not(:last-child)': { flexShrink: 0 } }}>
        <Typography sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>新建工作年度</Typography>
        <TextField
          size="small"
          label="年度"
          value={year}
          onChange={(e) => setTyped(e.target.value)}
          sx={{ width: 100 }}
        />
        <Button variant="contained" onClick={create}>
          创建
        </Button>
        <Typography variant="body2" color="text.secondary" sx={{ minWidth: 0 }}>
          按默认规则创建：3月至11月，3月10日报方案，每月25日报进展，30日前反馈，11月30日前完成。
        </Typography>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
    </Paper>
  );
}

/**
 * 新年度: year N+1 from year N — units (aliases, groups), leaders, the rule table and the
 * calendar settings, and the tasks unfinished at year end if wanted, marked 上年结转.
 */
function StartFromYear({ years, onCreated }: { years: WorkYear[]; onCreated(year: WorkYear): void }) {
  // Years whose next year does not exist yet, newest first.
  // The sample year is not a source: its copies would outlive it and block its removal.
  const sources = years.filter((y) => !y.sample && !years.some((o) => o.year === y.year + 1));
  // Counting the unfinished tasks reads the whole year's tasks and reports: only once asked,
  // not on every visit of this screen (a year of 100k tasks made the next screen wait a second).
  const [open, setOpen] = useState(false);
  if (sources.length === 0) return null;
  if (!open) {
    return (
      <Paper sx={{ p: 2 }} variant="outlined" component="section" aria-label="从上一年度新建">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography sx={{ fontWeight: 700 }}>从上一年度新建</Typography>
          <Button variant="outlined" onClick={() => setOpen(true)}>
            新建下一年度…
          </Button>
          <Typography variant="body2" color="text.secondary">
            复制单位、区领导和规则设置，并可结转未完成的任务。
          </Typography>
        </Stack>
      </Paper>
    );
  }
  return <StartFromYearForm sources={sources} onCreated={onCreated} />;
}

function StartFromYearForm({ sources, onCreated }: { sources: WorkYear[]; onCreated(year: WorkYear): void }) {
  const [sourceId, setSourceId] = useState<string>();
  const source = sources.find((y) => y.id === sourceId) ?? sources[0];
  const tasks = useTasks(source?.id);
  const reports = useYearReports(source?.id);
  const units = useUnits(source?.id);
  const leaders = useLeaders(source?.id);
  const rules = useScoreRules(source?.id);
  const [carry, setCarry] = useState(true);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [showTasks, setShowTasks] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string }>();
  const unfinished = useMemo(() => (tasks && reports ? unfinishedTasks(tasks, reports) : undefined), [tasks, reports]);
  if (!source) return null;
  const next = source.year + 1;
  const chosen = unfinished?.filter((u) => !left.has(u.task.id)) ?? [];

  const start = async () => {
    setBusy(true);
    try {
      const started = await startYearFrom(source.id, { carryOver: carry, taskIds: chosen.map((u) => u.task.id) });
      setMessage({
        severity: 'success',
        text: `已从${source.year}年度新建${next}年度：复制单位 ${started.units} 个、区领导 ${started.leaders} 名${started.scoreRules ? `、评分规则 ${started.scoreRules} 条` : ''}，结转任务 ${started.tasks} 项。已切换到${next}年度。`,
      });
      onCreated(started.year);
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper sx={{ p: 2 }} variant="outlined" component="section" aria-label="从上一年度新建">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography sx={{ fontWeight: 700 }}>从上一年度新建</Typography>
        <TextField
          select
          size="small"
          label="复制自"
          value={source.id}
          onChange={(e) => {
            // The tasks left behind were chosen among the other year's.
            setSourceId(e.target.value);
            setLeft(new Set());
          }}
          sx={{ minWidth: 130 }}
        >
          {sources.map((y) => (
            <MenuItem key={y.id} value={y.id}>
              {y.year}年度
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Checkbox checked={carry} onChange={(e) => setCarry(e.target.checked)} />}
          label={`结转未完成任务（${unfinished ? `${chosen.length}/${unfinished.length} 项` : '…'}）`}
        />
        <Button variant="contained" disabled={busy || !unfinished} onClick={() => void start()}>
          从{source.year}年度新建{next}年度
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        复制单位 {units?.length ?? '…'} 个（含别名、排名分组）、区领导 {leaders?.length ?? '…'} 名、
        {rules === undefined
          ? '加扣分规则'
          : rules.length
            ? `加扣分规则 ${rules.length} 条`
            : '加扣分规则（该年度未修改，新年度同样使用默认规则）'}
        ，以及工作月份、报送和反馈截止日等日历设置（补充节假日只保留{next}年的日期）。
        {carry &&
          '年末（最近一次报送）累计进度低于100%或未报送的任务结转到新年度，标注“上年结转”；月方案、进展和得分不复制。'}
      </Typography>
      {carry && unfinished && unfinished.length > 0 && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setShowTasks(!showTasks)}>
          {showTasks ? '收起结转任务' : '查看并选择结转任务'}
        </Button>
      )}
      {carry && showTasks && unfinished && (
        <Table size="small" aria-label="结转任务">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">结转</TableCell>
              <TableCell>重点工作</TableCell>
              <TableCell>年末进度</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {unfinished.map(({ task, final }) => (
              <TableRow key={task.id}>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={!left.has(task.id)}
                    onChange={(e) => {
                      const nextLeft = new Set(left);
                      if (e.target.checked) nextLeft.delete(task.id);
                      else nextLeft.add(task.id);
                      setLeft(nextLeft);
                    }}
                    slotProps={{ input: { 'aria-label': `结转${task.title}` } }}
                  />
                </TableCell>
                <TableCell>{task.title}</TableCell>
                <TableCell>{final.percent === null ? '未报送' : `${final.percent}%（${final.month}月）`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {message && (
        <Alert severity={message.severity} sx={{ mt: 2 }}>
          {message.text}
        </Alert>
      )}
    </Paper>
  );
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/** The year's settings as the form holds them: the due days as typed. */
type YearForm = Omit<YearSettingsPatch, 'reportDueDay' | 'feedbackDueDay'> & {
  reportDueDay: string;
  feedbackDueDay: string;
};

function formOf(year: WorkYear): YearForm {
  const settings = pickSettings(year);
  return { ...settings, reportDueDay: String(settings.reportDueDay), feedbackDueDay: String(settings.feedbackDueDay) };
}

function settingsOf(form: YearForm): YearSettingsPatch {
  const day = (text: string) => (text.trim() === '' ? NaN : Number(text));
  return { ...form, reportDueDay: day(form.reportDueDay), feedbackDueDay: day(form.feedbackDueDay) };
}

function YearSettings({ year }: { year: WorkYear }) {
  const save = useAutosave<YearForm>({
    id: `workYear:${year.id}`,
    stored: formOf(year),
    label: `${year.year}年度规则设置`,
    edit: (form) => ({ kind: 'workYear', args: { id: year.id, patch: settingsOf(form) } }),
    check: (form) => validate({ year: year.year, ...settingsOf(form) }),
    asStored: settingsOf,
  });
  const [newHoliday, setNewHoliday] = useState('');
  const [newWorkday, setNewWorkday] = useState('');

  const form = save.draft;
  const draft = useMemo(() => ({ year: year.year, ...settingsOf(form) }), [year.year, form]);
  const invalid = validate(draft);
  const coverage = calendarCoverage(draft.year);
  const schedule = useMemo(() => (invalid ? [] : monthSchedule(draft)), [draft, invalid]);
  const set = <K extends keyof YearForm>(key: K, value: YearForm[K]) => save.change((f) => ({ ...f, [key]: value }));

  return (
    <Stack spacing={3}>
      <Paper sx={{ p: 2 }} variant="outlined" component="section" aria-label="年度规则设置">
        <Typography variant="h6" component="h3">
          {year.year}年度 规则设置
        </Typography>
        <SaveStatus save={save} idle="修改后自动保存。" sx={{ mb: 2 }} />
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 2 }}>
          <TextField
            size="small"
            label="年度名称"
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
            sx={{ gridColumn: 'span 2' }}
          />
          <TextField
            size="small"
            select
            label="工作起始月"
            value={form.windowStartMonth}
            onChange={(e) => set('windowStartMonth', Number(e.target.value))}
          >
            {months.map((m) => (
              <MenuItem key={m} value={m}>
                {m}月
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            select
            label="工作结束月"
            value={form.windowEndMonth}
            onChange={(e) => set('windowEndMonth', Number(e.target.value))}
          >
            {months.map((m) => (
              <MenuItem key={m} value={m}>
                {m}月
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label="月方案报送截止（月-日）"
            value={form.planDue}
            onChange={(e) => set('planDue', e.target.value)}
          />
          <TextField
            size="small"
            type="number"
            label="月度进展报送日"
            value={form.reportDueDay}
            onChange={(e) => set('reportDueDay', e.target.value)}
          />
          <TextField
            size="small"
            type="number"
            label="督查反馈截止日"
            value={form.feedbackDueDay}
            onChange={(e) => set('feedbackDueDay', e.target.value)}
          />
          <TextField
            size="small"
            label="完成时限（月-日）"
            value={form.completionDue}
            onChange={(e) => set('completionDue', e.target.value)}
          />
        </Box>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 3 }}>
          <DateList
            title="补充节假日"
            hint="内置节假日历没有、或需要更正的放假日期"
            dates={form.extraHolidays}
            value={newHoliday}
            onValue={setNewHoliday}
            onChange={(dates) => set('extraHolidays', dates)}
          />
          <DateList
            title="补充调休上班日"
            hint="周末需要上班的日期"
            dates={form.extraWorkdays}
            value={newWorkday}
            onValue={setNewWorkday}
            onChange={(dates) => set('extraWorkdays', dates)}
          />
        </Stack>
      </Paper>

      {!coverage.covered && <Alert severity="warning">{coverage.message}</Alert>}

      {!invalid && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
            截止日期一览
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
            遇周末或法定节假日顺延至下一个工作日（已计入调休上班日）。
          </Typography>
          <Table size="small" aria-label="截止日期一览">
            <TableHead>
              <TableRow>
                <TableCell>事项</TableCell>
                <TableCell>月份</TableCell>
                <TableCell>月度进展报送截止</TableCell>
                <TableCell>督查反馈截止</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow>
                <TableCell>月方案报送</TableCell>
                <TableCell>—</TableCell>
                <TableCell colSpan={2}>
                  <DueCell due={dueDate(draft, 'plan')} />
                </TableCell>
              </TableRow>
              {schedule.map((row) => (
                <TableRow key={row.month} data-month={row.month}>
                  <TableCell>月度进展与反馈</TableCell>
                  <TableCell>{row.month}月</TableCell>
                  <TableCell>
                    <DueCell due={row.report} />
                  </TableCell>
                  <TableCell>
                    <DueCell due={row.feedback} />
                  </TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>任务完成时限</TableCell>
                <TableCell>—</TableCell>
                <TableCell colSpan={2}>
                  <DueCell due={dueDate(draft, 'completion')} />
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function DueCell({ due }: { due: DueDate }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <span>
        {chineseDate(due.due)}（{weekdayName(due.due)}）
      </span>
      {due.shifted && <Chip size="small" color="warning" label="顺延" title={due.reason} />}
      {due.shifted && (
        <Typography variant="caption" color="text.secondary">
          {due.reason}
        </Typography>
      )}
    </Stack>
  );
}

function DateList(props: {
  title: string;
  hint: string;
  dates: string[];
  value: string;
  onValue(v: string): void;
  onChange(dates: string[]): void;
}) {
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(props.value) || props.dates.includes(props.value)) return;
    props.onChange([...props.dates, props.value].sort());
    props.onValue('');
  };
  return (
    <Box sx={{ flex: 1 }}>
      <Typography sx={{ fontWeight: 700 }}>{props.title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {props.hint}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ my: 1 }}>
        <DateField size="small" aria-label={props.title} value={props.value} onChange={props.onValue} />
        <Button onClick={add}>添加</Button>
      </Stack>
      {props.dates.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          无
        </Typography>
      )}
      {props.dates.map((d) => (
        <Stack key={d} direction="row" sx={{ alignItems: 'center' }}>
          <span>
            {chineseDate(d)}（{weekdayName(d)}）
          </span>
          <IconButton
            size="small"
            aria-label={`删除${chineseDate(d)}`}
            onClick={() => props.onChange(props.dates.filter((x) => x !== d))}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
    </Box>
  );
}

type YearSettingsPatch = ReturnType<typeof pickSettings>;

function pickSettings(d: CalendarSettings & { title: string }) {
  const {
    title,
    windowStartMonth,
    windowEndMonth,
    planDue,
    reportDueDay,
    feedbackDueDay,
    completionDue,
    extraHolidays,
    extraWorkdays,
  } = d;
  return {
    title,
    windowStartMonth,
    windowEndMonth,
    planDue,
    reportDueDay,
    feedbackDueDay,
    completionDue,
    extraHolidays,
    extraWorkdays,
  };
}

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function validate(d: CalendarSettings): string | undefined {
  if (d.windowStartMonth > d.windowEndMonth) return '工作起始月不能晚于结束月。';
  if (!monthDay.test(d.planDue)) return '月方案报送截止请按“03-10”的格式填写。';
  if (!monthDay.test(d.completionDue)) return '完成时限请按“11-30”的格式填写。';
  if (!Number.isInteger(d.reportDueDay) || d.reportDueDay < 1 || d.reportDueDay > 31)
    return '月度进展报送日应为 1 至 31 之间的整数。';
  if (!Number.isInteger(d.feedbackDueDay) || d.feedbackDueDay < 1 || d.feedbackDueDay > 31)
    return '督查反馈截止日应为 1 至 31 之间的整数。';
  return undefined;
}
