import { useEffect, useMemo, useState } from 'react';
import {
  Alert, Box, Button, Chip, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { WorkYear } from '../../core/model';
import { calendarCoverage, defaultCalendarSettings, dueDate, monthSchedule, weekdayName, type CalendarSettings, type DueDate } from '../../core/calendar';
import { createWorkYear, updateWorkYear } from '../../db';
import { useYear } from '../../ui/YearContext';
import { todayInChina } from '../../ui/today';
import { userMessage } from '../../ui/errors';
import { SamplePanel } from '../sample/SamplePanel';

export function WorkYearScreen() {
  const { years, current, choose } = useYear();
  if (!years) return null;
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h2">工作年度</Typography>
      <CreateYear existing={years.map((y) => y.year)} onCreated={(y) => choose(y.id)} />
      {current && <YearSettings key={current.id} year={current} />}
      <SamplePanel />
    </Stack>
  );
}

export function CreateYear({ existing, onCreated }: { existing: number[]; onCreated(year: WorkYear): void }) {
  const thisYear = Number(todayInChina().slice(0, 4));
  const suggested = existing.length === 0 ? thisYear : Math.max(...existing) + 1;
  const [year, setYear] = useState(String(suggested));
  const [error, setError] = useState<string>();
  useEffect(() => setYear(String(suggested)), [suggested]);

  const create = async () => {
    const n = Number(year);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) {
      setError('请输入 2000 至 2100 之间的年份。');
      return;
    }
    try {
      const created = await createWorkYear({ ...defaultCalendarSettings(n), title: `${n}年度重点工作` });
      setError(undefined);
      onCreated(created);
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <Paper sx={{ p: 2 }} variant="outlined">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 700 }}>新建工作年度</Typography>
        <TextField size="small" label="年度" value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 120 }} />
        <Button variant="contained" onClick={create}>创建</Button>
        <Typography variant="body2" color="text.secondary">按默认规则创建：3月至11月，3月10日报方案，每月25日报进展，30日前反馈，11月30日前完成。</Typography>
      </Stack>
      {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
    </Paper>
  );
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

function YearSettings({ year }: { year: WorkYear }) {
  const [draft, setDraft] = useState<CalendarSettings & { title: string }>(year);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string }>();
  const [newHoliday, setNewHoliday] = useState('');
  const [newWorkday, setNewWorkday] = useState('');
  useEffect(() => setDraft(year), [year]);

  const invalid = validate(draft);
  const coverage = calendarCoverage(draft.year);
  const schedule = useMemo(() => (invalid ? [] : monthSchedule(draft)), [draft, invalid]);
  const dirty = JSON.stringify(pickSettings(draft)) !== JSON.stringify(pickSettings(year));

  const save = async () => {
    try {
      await updateWorkYear(year.id, pickSettings(draft));
      setMessage({ severity: 'success', text: '已保存。' });
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    }
  };
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => {
    setMessage(undefined);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <Stack spacing={3}>
      <Paper sx={{ p: 2 }} variant="outlined">
        <Typography variant="h6" component="h3" sx={{ mb: 2 }}>{year.year}年度 规则设置</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 2 }}>
          <TextField size="small" label="年度名称" value={draft.title} onChange={(e) => set('title', e.target.value)} sx={{ gridColumn: 'span 2' }} />
          <TextField size="small" select label="工作起始月" value={draft.windowStartMonth} onChange={(e) => set('windowStartMonth', Number(e.target.value))}>
            {months.map((m) => <MenuItem key={m} value={m}>{m}月</MenuItem>)}
          </TextField>
          <TextField size="small" select label="工作结束月" value={draft.windowEndMonth} onChange={(e) => set('windowEndMonth', Number(e.target.value))}>
            {months.map((m) => <MenuItem key={m} value={m}>{m}月</MenuItem>)}
          </TextField>
          <TextField size="small" label="月方案报送截止（月-日）" value={draft.planDue} onChange={(e) => set('planDue', e.target.value)} />
          <TextField size="small" type="number" label="月度进展报送日" value={draft.reportDueDay} onChange={(e) => set('reportDueDay', Number(e.target.value))} />
          <TextField size="small" type="number" label="督查反馈截止日" value={draft.feedbackDueDay} onChange={(e) => set('feedbackDueDay', Number(e.target.value))} />
          <TextField size="small" label="完成时限（月-日）" value={draft.completionDue} onChange={(e) => set('completionDue', e.target.value)} />
        </Box>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 3 }}>
          <DateList
            title="补充节假日"
            hint="内置节假日历没有、或需要更正的放假日期"
            dates={draft.extraHolidays}
            value={newHoliday}
            onValue={setNewHoliday}
            onChange={(dates) => set('extraHolidays', dates)}
          />
          <DateList
            title="补充调休上班日"
            hint="周末需要上班的日期"
            dates={draft.extraWorkdays}
            value={newWorkday}
            onValue={setNewWorkday}
            onChange={(dates) => set('extraWorkdays', dates)}
          />
        </Stack>
        {invalid && <Alert severity="error" sx={{ mt: 2 }}>{invalid}</Alert>}
        {message && <Alert severity={message.severity} sx={{ mt: 2 }}>{message.text}</Alert>}
        <Button sx={{ mt: 2 }} variant="contained" disabled={!dirty || !!invalid} onClick={save}>保存设置</Button>
      </Paper>

      {!coverage.covered && <Alert severity="warning">{coverage.message}</Alert>}

      {!invalid && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>截止日期一览</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>遇周末或法定节假日顺延至下一个工作日（已计入调休上班日）。</Typography>
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
                <TableCell colSpan={2}><DueCell due={dueDate(draft, 'plan')} /></TableCell>
              </TableRow>
              {schedule.map((row) => (
                <TableRow key={row.month} data-month={row.month}>
                  <TableCell>月度进展与反馈</TableCell>
                  <TableCell>{row.month}月</TableCell>
                  <TableCell><DueCell due={row.report} /></TableCell>
                  <TableCell><DueCell due={row.feedback} /></TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>任务完成时限</TableCell>
                <TableCell>—</TableCell>
                <TableCell colSpan={2}><DueCell due={dueDate(draft, 'completion')} /></TableCell>
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
      <span>{due.due}（{weekdayName(due.due)}）</span>
      {due.shifted && <Chip size="small" color="warning" label="顺延" title={due.reason} />}
      {due.shifted && <Typography variant="caption" color="text.secondary">{due.reason}</Typography>}
    </Stack>
  );
}

function DateList(props: { title: string; hint: string; dates: string[]; value: string; onValue(v: string): void; onChange(dates: string[]): void }) {
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(props.value) || props.dates.includes(props.value)) return;
    props.onChange([...props.dates, props.value].sort());
    props.onValue('');
  };
  return (
    <Box sx={{ flex: 1 }}>
      <Typography sx={{ fontWeight: 700 }}>{props.title}</Typography>
      <Typography variant="body2" color="text.secondary">{props.hint}</Typography>
      <Stack direction="row" spacing={1} sx={{ my: 1 }}>
        <TextField size="small" type="date" value={props.value} onChange={(e) => props.onValue(e.target.value)} slotProps={{ htmlInput: { 'aria-label': props.title } }} />
        <Button onClick={add}>添加</Button>
      </Stack>
      {props.dates.length === 0 && <Typography variant="body2" color="text.secondary">无</Typography>}
      {props.dates.map((d) => (
        <Stack key={d} direction="row" sx={{ alignItems: 'center' }}>
          <span>{d}（{weekdayName(d)}）</span>
          <IconButton size="small" aria-label={`删除${d}`} onClick={() => props.onChange(props.dates.filter((x) => x !== d))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
    </Box>
  );
}

function pickSettings(d: CalendarSettings & { title: string }) {
  const { title, windowStartMonth, windowEndMonth, planDue, reportDueDay, feedbackDueDay, completionDue, extraHolidays, extraWorkdays } = d;
  return { title, windowStartMonth, windowEndMonth, planDue, reportDueDay, feedbackDueDay, completionDue, extraHolidays, extraWorkdays };
}

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function validate(d: CalendarSettings): string | undefined {
  if (d.windowStartMonth > d.windowEndMonth) return '工作起始月不能晚于结束月。';
  if (!monthDay.test(d.planDue)) return '月方案报送截止请按“03-10”的格式填写。';
  if (!monthDay.test(d.completionDue)) return '完成时限请按“11-30”的格式填写。';
  if (!Number.isInteger(d.reportDueDay) || d.reportDueDay < 1 || d.reportDueDay > 31) return '月度进展报送日应为 1 至 31 之间的整数。';
  if (!Number.isInteger(d.feedbackDueDay) || d.feedbackDueDay < 1 || d.feedbackDueDay > 31) return '督查反馈截止日应为 1 至 31 之间的整数。';
  return undefined;
}
