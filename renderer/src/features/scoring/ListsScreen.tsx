import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { ListedUnit } from '../../core/ranking';
import type { Unit, WorkYear } from '../../core/model';
import { statusLabels } from '../../core/progress';
import { statusOrder } from '../../core/dashboard';
import { addInterview, useInterviews } from '../../db';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { useYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { userMessage } from '../../ui/errors';
import { MonthPicker, defaultMonth } from '../cycle/MonthPicker';
import { useScoring, type Scoring } from './useScoring';
import { useYearStanding } from '../evaluation/useEvaluation';
import { YearListsTables, exportYearListsXlsx } from '../evaluation/YearLists';

const ISSUER = '区政府督查室';

/** 红黑榜 of a month per ranking group, printed and exported; 约谈 suggested after two black months. */
export function ListsScreen({ monthParam }: { monthParam?: string }) {
  const year = useYear().current!;
  const month = monthParam ? Number(monthParam) : defaultMonth(year);
  const scoring = useScoring(year, month);
  const interviews = useInterviews(year.id);
  const [error, setError] = useState<string>();
  const [recording, setRecording] = useState<Unit>();
  // 年度: the year's lists by the composite (process score and 第三方评估) up to this month.
  const [period, setPeriod] = useState<'month' | 'year'>('month');
  const { standing } = useYearStanding(scoring, year, month, period === 'year');
  const yearly = period === 'year';
  const title = yearly ? `${year.year}年度重点工作红黑榜（截至${month}月）` : `${year.year}年${month}月重点工作红黑榜`;
  const guard = (work: () => Promise<unknown>) => work().catch((e) => setError(userMessage(e)));

  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
        className="screen-only"
      >
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          红黑榜
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={period}
          onChange={(_e, v: 'month' | 'year' | null) => v && setPeriod(v)}
          aria-label="榜单周期"
        >
          <ToggleButton value="month">月度</ToggleButton>
          <ToggleButton value="year">年度</ToggleButton>
        </ToggleButtonGroup>
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(`lists/${m}`)} />
        <Button variant="outlined" onClick={() => desktop.printView({ mode: 'print' })}>
          打印
        </Button>
        <Button variant="outlined" onClick={() => desktop.printView({ mode: 'pdf', suggestedName: `${title}.pdf` })}>
          另存为PDF
        </Button>
        <Button
          variant="outlined"
          disabled={!scoring || (yearly && !standing)}
          onClick={() =>
            scoring &&
            guard(() =>
              yearly ? exportYearListsXlsx(title, standing!, scoring) : exportListsXlsx(year, month, title, scoring),
            )
          }
        >
          导出Excel
        </Button>
        <Button
          variant="contained"
          disabled={!scoring || yearly}
          onClick={() => scoring && guard(() => exportBulletin(year, month, scoring))}
        >
          生成督查通报
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" className="screen-only">
          {error}
        </Alert>
      )}
      {scoring && scoring.entries.some((e) => e.state === 'proposed') && (
        <Alert severity="warning" className="screen-only">
          {month}月还有未确认的加扣分建议，得分和榜单尚未最终确定。
          <Button size="small" onClick={() => navigateTo(`scores/${month}`)}>
            去确认
          </Button>
        </Alert>
      )}
      {scoring && !yearly && scoring.suggestions.length > 0 && (
        <Alert severity="error" className="screen-only">
          连续两个月上黑榜，建议约谈：
          {scoring.suggestions.map((id) => {
            const unit = scoring.unitById.get(id)!;
            const held = interviews?.some((i) => i.unitId === id && i.month === month);
            return (
              <span key={id}>
                {unit.name}
                {held ? (
                  '（已记录约谈）'
                ) : (
                  <Button size="small" onClick={() => setRecording(unit)}>
                    记录约谈
                  </Button>
                )}
              </span>
            );
          })}
        </Alert>
      )}
      {scoring && !yearly && (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} className="screen-only">
            <ListsTables scoring={scoring} />
          </Paper>
          <PrintDocument title={title} issuer={ISSUER} date={scoring.view.today}>
            <ListsTables scoring={scoring} />
          </PrintDocument>
        </>
      )}
      {scoring && yearly && standing && (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} className="screen-only">
            <YearListsTables standing={standing} scoring={scoring} />
          </Paper>
          <PrintDocument title={title} issuer={ISSUER} date={scoring.view.today}>
            <YearListsTables standing={standing} scoring={scoring} />
          </PrintDocument>
        </>
      )}
      {scoring && interviews && interviews.some((i) => i.month === month) && (
        <Paper variant="outlined" sx={{ p: 2 }} className="screen-only">
          <Typography variant="h6" component="h3">
            {month}月约谈
          </Typography>
          <table aria-label={`${month}月约谈`} style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={short}>日期</th>
                <th style={short}>单位</th>
                <th style={cell}>事由</th>
                <th style={cell}>参加人员</th>
                <th style={cell}>约谈情况</th>
                <th style={cell}>整改跟踪</th>
              </tr>
            </thead>
            <tbody>
              {interviews
                .filter((i) => i.month === month)
                .map((i) => (
                  <tr key={i.id}>
                    <td style={short}>{i.date}</td>
                    <td style={short}>{scoring.unitById.get(i.unitId)?.name}</td>
                    <td style={cell}>{i.reason}</td>
                    <td style={cell}>{i.attendees}</td>
                    <td style={cell}>{i.outcome}</td>
                    <td style={cell}>{i.followUp}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </Paper>
      )}
      {recording && (
        <InterviewDialog year={year} month={month} unit={recording} onClose={() => setRecording(undefined)} />
      )}
    </Stack>
  );
}

function groupsOf(scoring: Scoring): { name: string; red: ListedUnit[]; black: ListedUnit[] }[] {
  const names = [...new Set(scoring.ranked.map((r) => r.group))];
  return names.map((name) => ({
    name,
    red: scoring.lists.red.filter((l) => l.group === name),
    black: scoring.lists.black.filter((l) => l.group === name),
  }));
}

function ListsTables({ scoring }: { scoring: Scoring }) {
  return (
    <Stack spacing={2}>
      {groupsOf(scoring).map((g) => (
        <div key={g.name}>
          <Typography variant="h6" component="h3">
            {g.name}
          </Typography>
          <table aria-label={`${g.name}红黑榜`} style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={short}>榜单</th>
                <th style={short}>名次</th>
                <th style={short}>单位</th>
                <th style={short}>得分</th>
                <th style={cell}>主要情况</th>
              </tr>
            </thead>
            <tbody>
              {g.red.map((l) => (
                <ListRow key={l.unitId} kind="红榜" listed={l} scoring={scoring} />
              ))}
              {g.black.map((l) => (
                <ListRow key={l.unitId} kind="黑榜" listed={l} scoring={scoring} />
              ))}
              {g.red.length + g.black.length === 0 && (
                <tr>
                  <td style={cell} colSpan={5}>
                    本组本月无单位上榜
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      ))}
    </Stack>
  );
}

const cell = {
  border: '1px solid #999',
  padding: '4px 6px',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};
// Names and numbers never wrap (a name broken over three lines is unreadable on paper).
const short = { ...cell, whiteSpace: 'nowrap' as const, width: '1%' };

function ListRow({ kind, listed, scoring }: { kind: string; listed: ListedUnit; scoring: Scoring }) {
  return (
    <tr data-list={kind}>
      <td style={{ ...short, color: kind === '红榜' ? '#b71c1c' : 'black', fontWeight: 700 }}>{kind}</td>
      <td style={short}>{listed.rank}</td>
      <td style={short}>{scoring.unitById.get(listed.unitId)?.name}</td>
      <td style={short}>{listed.score}</td>
      <td style={cell}>{listed.reason}</td>
    </tr>
  );
}

function InterviewDialog({
  year,
  month,
  unit,
  onClose,
}: {
  year: WorkYear;
  month: number;
  unit: Unit;
  onClose(): void;
}) {
  const [draft, setDraft] = useState({
    date: '',
    attendees: '',
    reason: `连续两个月上黑榜（${month - 1}月、${month}月）`,
    outcome: '',
    followUp: '',
  });
  const [error, setError] = useState<string>();
  const save = () =>
    addInterview({ yearId: year.id, month, unitId: unit.id, suggested: true, ...draft }).then(onClose, (e) =>
      setError(userMessage(e)),
    );
  const field = (key: keyof typeof draft, label: string, type = 'text') => (
    <TextField
      type={type}
      label={label}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      slotProps={type === 'date' ? { inputLabel: { shrink: true } } : undefined}
      multiline={type === 'text'}
    />
  );
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>记录约谈：{unit.name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {field('date', '约谈日期', 'date')}
          {field('attendees', '参加人员')}
          {field('reason', '约谈事由')}
          {field('outcome', '约谈情况')}
          {field('followUp', '整改跟踪')}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" onClick={save}>
          保存
        </Button>
      </DialogActions>
    </Dialog>
  );
}

async function exportListsXlsx(year: WorkYear, month: number, title: string, scoring: Scoring) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const rows = groupsOf(scoring).flatMap((g) => [
    ...g.red.map((l) => ({
      group: g.name,
      list: '红榜',
      rank: l.rank,
      unit: scoring.unitById.get(l.unitId)?.name,
      score: l.score,
      reason: l.reason,
    })),
    ...g.black.map((l) => ({
      group: g.name,
      list: '黑榜',
      rank: l.rank,
      unit: scoring.unitById.get(l.unitId)?.name,
      score: l.score,
      reason: l.reason,
    })),
  ]);
  const bytes = await writeWorkbook([
    {
      name: '红黑榜',
      title,
      subtitle: ISSUER,
      columns: [
        { header: '分组', key: 'group', width: 12 },
        { header: '榜单', key: 'list', width: 8 },
        { header: '名次', key: 'rank', width: 6 },
        { header: '单位', key: 'unit', width: 22, wrap: true },
        { header: '得分', key: 'score', width: 8 },
        { header: '主要情况', key: 'reason', width: 50, wrap: true },
      ],
      rows,
    },
  ]);
  await desktop.saveFile({ suggestedName: `${title}.xlsx`, bytes });
}

async function exportBulletin(year: WorkYear, month: number, scoring: Scoring) {
  const { bulletinDocx, bulletinTitle } = await import('../../print/bulletin');
  const { view } = scoring;
  const name = (id: string) => scoring.unitById.get(id)?.name ?? '';
  const bytes = await bulletinDocx({
    year: year.year,
    month,
    issuer: ISSUER,
    date: view.today,
    tasks: view.summary.tasks,
    byStatus: statusOrder.map((s) => [statusLabels[s], view.summary.byStatus[s]]),
    sheetsReceived: view.summary.sheetsReceived,
    sheetsExpected: view.summary.sheetsExpected,
    lateSheets: view.submissions.filter((s) => s.receivedDate > view.reportDue.due).length,
    groups: groupsOf(scoring).map((g) => ({
      name: g.name,
      red: g.red.map((l) => ({ unit: name(l.unitId), score: l.score, reason: l.reason })),
      black: g.black.map((l) => ({ unit: name(l.unitId), score: l.score, reason: l.reason })),
    })),
  });
  await desktop.saveFile({ suggestedName: `${bulletinTitle({ year: year.year, month })}.docx`, bytes });
}
