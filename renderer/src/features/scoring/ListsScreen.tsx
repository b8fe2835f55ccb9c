import { useState } from 'react';
import { Alert, Button, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { listGroups, type ListedUnit, type ListGroup } from '../../core/ranking';
import { listedSummary, type BulletinUnit, type EvidenceLine, type ListKind } from '../../core/bulletin';
import { ListGroupTable, listCell, listShortCell, unitColumnWidth } from '../../ui/ListGroupTable';
import { FormDialog } from '../../ui/FormDialog';
import { sampleMark, type Unit, type WorkYear } from '../../core/model';
import { DateField } from '../../ui/DateField';
import { statusLabels } from '../../core/progress';
import { statusOrder } from '../../core/dashboard';
import { addInterview, useInterviews } from '../../db';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { ActionAlert, useAction } from '../../ui/useAction';
import { MonthPicker, useScreenMonth } from '../../ui/MonthPicker';
import { useScoring, type Scoring } from '../../ui/useScoring';
import { useYearStanding } from '../../ui/useYearStanding';
import { YearListsTables, exportYearListsXlsx } from './YearLists';
import { chineseDate } from '../../core/dates';
import { ScreenHeader } from '../../ui/ScreenHeader';

const ISSUER = '区政府督查室';

/** 红黑榜 of a month per ranking group, printed and exported; 约谈 suggested after two black months. */
export function ListsScreen({ monthParam }: { monthParam?: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, monthParam);
  const scoring = useScoring(year, month);
  const interviews = useInterviews(year.id);
  const { message, setMessage, run: guard } = useAction();
  const [recording, setRecording] = useState<Unit>();
  // 年度: the year's lists by the composite (process score and 第三方评估) up to this month.
  const [period, setPeriod] = useState<'month' | 'year'>('month');
  const { standing } = useYearStanding(scoring, year, month, period === 'year');
  const yearly = period === 'year';
  const title = yearly ? `${year.year}年度重点工作红黑榜（截至${month}月）` : `${year.year}年${month}月重点工作红黑榜`;

  return (
    <Stack spacing={2}>
      <ScreenHeader title="红黑榜" screenOnly>
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
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(routes.lists(m))} />
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
              yearly
                ? exportYearListsXlsx(title, standing!, scoring, sampleMark(year))
                : exportListsXlsx(year, title, scoring),
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
      </ScreenHeader>
      <ActionAlert message={message} onClose={() => setMessage(undefined)} className="screen-only" />
      {scoring && scoring.current.undecided.length > 0 && (
        <Alert severity="warning" className="screen-only">
          {month}月还有未确认的加扣分建议，得分和榜单尚未最终确定。
          <Button size="small" onClick={() => navigateTo(routes.scores(month))}>
            去确认
          </Button>
        </Alert>
      )}
      {scoring && !yearly && scoring.current.suggestions.length > 0 && (
        <Alert severity="error" className="screen-only">
          连续两个月上黑榜，建议约谈：
          {scoring.current.suggestions.map((id) => {
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
                <th style={listShortCell}>日期</th>
                <th style={listShortCell}>单位</th>
                <th style={listCell}>事由</th>
                <th style={listCell}>参加人员</th>
                <th style={listCell}>约谈情况</th>
                <th style={listCell}>整改跟踪</th>
              </tr>
            </thead>
            <tbody>
              {interviews
                .filter((i) => i.month === month)
                .map((i) => (
                  <tr key={i.id}>
                    <td style={listShortCell}>{chineseDate(i.date)}</td>
                    <td style={listShortCell}>{scoring.unitById.get(i.unitId)?.name}</td>
                    <td style={listCell}>{i.reason}</td>
                    <td style={listCell}>{i.attendees}</td>
                    <td style={listCell}>{i.outcome}</td>
                    <td style={listCell}>{i.followUp}</td>
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

function groupsOf(scoring: Scoring): ListGroup[] {
  return listGroups(
    scoring.current.lists,
    scoring.current.ranked.map((r) => r.group),
  );
}

function ListsTables({ scoring }: { scoring: Scoring }) {
  const unitName = (id: string) => scoring.unitById.get(id)?.name ?? '';
  const groups = groupsOf(scoring);
  const unitWidth = unitColumnWidth(groups, unitName);
  return (
    <Stack spacing={2}>
      {groups.map((g) => (
        <ListGroupTable
          key={g.name}
          group={g}
          label={`${g.name}红黑榜`}
          unitName={unitName}
          unitLinks
          unitWidth={unitWidth}
        />
      ))}
    </Stack>
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
  const field = (key: keyof typeof draft, label: string) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      multiline
    />
  );
  return (
    <FormDialog
      title={`记录约谈：${unit.name}`}
      onSave={() => addInterview({ yearId: year.id, month, unitId: unit.id, suggested: true, ...draft })}
      onClose={onClose}
    >
      <DateField label="约谈日期" value={draft.date} onChange={(date) => setDraft({ ...draft, date })} />
      {field('attendees', '参加人员')}
      {field('reason', '约谈事由')}
      {field('outcome', '约谈情况')}
      {field('followUp', '整改跟踪')}
    </FormDialog>
  );
}

async function exportListsXlsx(year: WorkYear, title: string, scoring: Scoring) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const line = (group: string, list: string, l: ListedUnit) => ({
    group,
    list,
    rank: l.rank,
    unit: scoring.unitById.get(l.unitId)?.name,
    score: l.score,
    reason: l.reason,
  });
  const rows = groupsOf(scoring).flatMap((g) => [
    ...g.red.map((l) => line(g.name, '红榜', l)),
    ...g.black.map((l) => line(g.name, '黑榜', l)),
    ...(g.noRed !== undefined ? [{ group: g.name, list: '无红榜', reason: g.noRed }] : []),
    ...g.heldOff.map((l) => line(g.name, '未列入红榜', l)),
  ]);
  const bytes = await writeWorkbook(
    [
      {
        name: '红黑榜',
        title,
        subtitle: ISSUER,
        columns: [
          { header: '分组', key: 'group', width: 12 },
          { header: '榜单', key: 'list', width: 10 },
          { header: '名次', key: 'rank', width: 6 },
          { header: '单位', key: 'unit', width: 22, wrap: true },
          { header: '得分', key: 'score', width: 8 },
          { header: '主要情况', key: 'reason', width: 50, wrap: true },
        ],
        rows,
      },
    ],
    { mark: sampleMark(year) },
  );
  await desktop.saveFile({ suggestedName: `${title}.xlsx`, bytes });
}

async function exportBulletin(year: WorkYear, month: number, scoring: Scoring) {
  const { bulletinDocx, bulletinTitle } = await import('../../print/bulletin');
  const { view, current } = scoring;
  const name = (id: string) => scoring.unitById.get(id)?.name ?? '';
  const ruleNames = new Map(scoring.rules.map((r) => [r.id, r.name]));
  // The confirmed entries, as the lists count them (core/ranking redBlackLists).
  const linesOf = new Map<string, EvidenceLine[]>();
  for (const e of current.entries) {
    if (e.state !== 'confirmed' || !Number.isFinite(e.points) || e.points === 0) continue;
    const lines = linesOf.get(e.unitId) ?? [];
    lines.push({ ruleId: e.ruleId, points: e.points, reason: e.reason });
    linesOf.set(e.unitId, lines);
  }
  const unitOf =
    (kind: ListKind) =>
    (l: ListedUnit): BulletinUnit => {
      const lines = linesOf.get(l.unitId) ?? [];
      return {
        unit: name(l.unitId),
        list: kind,
        score: l.score,
        summary: listedSummary(kind, l, lines, (id) => ruleNames.get(id)),
        lines,
      };
    };
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
      red: g.red.map(unitOf('red')),
      black: g.black.map(unitOf('black')),
      heldOff: g.heldOff.map(unitOf('heldOff')),
      noRed: g.noRed,
    })),
    mark: sampleMark(year),
  });
  await desktop.saveFile({ suggestedName: `${bulletinTitle({ year: year.year, month })}.docx`, bytes });
}
