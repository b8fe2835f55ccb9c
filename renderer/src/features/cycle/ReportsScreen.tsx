import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
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
import { isOnTime } from '../../core/calendar';
import { chineseDate, weekdayName } from '../../core/dates';
import { daysBetween } from '../../core/dates';
import type { Submission } from '../../core/model';
import { statusLabels } from '../../core/progress';
import { setReceivedDate } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { ActionAlert, useAction } from '../../ui/useAction';
import { FormDialog } from '../../ui/FormDialog';
import { DateField } from '../../ui/DateField';
import { LightChip } from '../../ui/LightChip';
import { useProgressive } from '../../ui/useProgressive';
import { MonthPicker, useScreenMonth } from '../../ui/MonthPicker';
import { useMonth, type MonthView } from '../../ui/useMonth';
import { ProgressButton, type ProgressReport } from '../../ui/ProgressButton';
import { exportProgressTemplates } from './exportTemplates';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** 月度进展: the month's sheets in, what they say per task, who is late or missing. */
export function ReportsScreen({ monthParam }: { monthParam?: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, monthParam);
  const view = useMonth(year, month);
  const { message, setMessage, run } = useAction();

  // All units (unitIds undefined) or one unit's sheet from its row.
  const doExport = (onProgress: ProgressReport, unit?: { id: string; name: string }) =>
    run(
      () => exportProgressTemplates(year, month, unit && [unit.id], onProgress),
      (result) =>
        !result.saved
          ? undefined
          : unit
            ? `已导出${unit.name}的${month}月进展表。`
            : `已导出 ${result.saved} 个单位的${month}月进展表。`,
    );

  return (
    <Stack spacing={2}>
      <ScreenHeader title="月度进展">
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(routes.reports(m))} />
        <ProgressButton variant="outlined" run={(onProgress) => doExport(onProgress)} disabled={!view}>
          导出{month}月进展表
        </ProgressButton>
        <Button variant="contained" onClick={() => navigateTo(routes.import({ progress: month }))}>
          导入{month}月进展
        </Button>
        <Button variant="outlined" onClick={() => navigateTo(routes.reminders(month))}>
          催报清单
        </Button>
      </ScreenHeader>
      <ActionAlert message={message} onClose={() => setMessage(undefined)} />
      {view && <DueLine view={view} month={month} />}
      {view?.published && <Alert severity="info">{month}月已发布：报送记录和进展已冻结。</Alert>}
      {view && (
        <SubmissionTable view={view} month={month} onDownload={(unit) => void doExport(() => undefined, unit)} />
      )}
      {view && <TaskTable view={view} month={month} />}
    </Stack>
  );
}

function DueLine({ view, month }: { view: MonthView; month: number }) {
  const left = daysBetween(view.today, view.reportDue.due);
  return (
    <Typography>
      {month}月进展报送截止：
      <b>
        {chineseDate(view.reportDue.due)}（{weekdayName(view.reportDue.due)}）
      </b>
      {view.reportDue.shifted && `（${view.reportDue.reason}）`}
      {left >= 0 ? `，还有 ${left} 天` : `，已过 ${-left} 天`}；督查反馈截止：{chineseDate(view.feedbackDue.due)}。
      已收到 {view.summary.sheetsReceived}/{view.summary.sheetsExpected} 个单位的报表。
    </Typography>
  );
}

function SubmissionTable({
  view,
  month,
  onDownload,
}: {
  view: MonthView;
  month: number;
  /** Downloads that unit's sheet for the month, pre-filled like the batch. */
  onDownload: (unit: { id: string; name: string }) => void;
}) {
  const [editing, setEditing] = useState<Submission>();
  const unitIds = [...view.owing.keys()].sort(
    (a, b) => (view.unitById.get(a)?.sortOrder ?? 0) - (view.unitById.get(b)?.sortOrder ?? 0),
  );
  const shownUnits = useProgressive(unitIds.length, 30, 60);
  return (
    <Paper variant="outlined">
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
        报送情况
      </Typography>
      <Table size="small" aria-label="报送情况">
        <TableHead>
          <TableRow>
            <TableCell>单位</TableCell>
            <TableCell>状态</TableCell>
            <TableCell>收到日期</TableCell>
            <TableCell>文件</TableCell>
            <TableCell align="right" />
          </TableRow>
        </TableHead>
        <TableBody>
          {unitIds.slice(0, shownUnits).map((unitId) => {
            const unit = view.unitById.get(unitId)!;
            const s = view.submissionOf(unitId);
            const state = s
              ? isOnTime(s.receivedDate, view.reportDue)
                ? '按时报送'
                : '逾期报送'
              : view.today > view.reportDue.due
                ? '未报送'
                : '待报送';
            const color = { 按时报送: 'success', 逾期报送: 'warning', 未报送: 'error', 待报送: 'default' } as const;
            return (
              <TableRow key={unitId}>
                <TableCell>{unit.name}</TableCell>
                <TableCell>
                  <Chip size="small" color={color[state]} label={state} />
                </TableCell>
                <TableCell>
                  {s
                    ? `${chineseDate(s.receivedDate)}${s.receivedDateReason ? `（${s.receivedDateReason}）` : ''}`
                    : ''}
                </TableCell>
                <TableCell>{s?.fileName}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    onClick={() => onDownload(unit)}
                    aria-label={`下载${unit.name}的${month}月进展表`}
                  >
                    下载进展表
                  </Button>
                  {s && !view.published && (
                    <Button size="small" onClick={() => setEditing(s)}>
                      更正收到日期
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editing && (
        <ReceivedDateDialog
          submission={editing}
          unitName={view.unitById.get(editing.unitId)?.name ?? ''}
          month={month}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Paper>
  );
}

function ReceivedDateDialog({
  submission,
  unitName,
  month,
  onClose,
}: {
  submission: Submission;
  unitName: string;
  month: number;
  onClose(): void;
}) {
  const [date, setDate] = useState(submission.receivedDate);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={`更正${unitName}${month}月报表的收到日期`}
      maxWidth="xs"
      onSave={() => setReceivedDate(submission.id, date, reason.trim())}
      onClose={onClose}
    >
      <DateField label="实际收到日期" value={date} onChange={setDate} />
      <TextField
        label="原因"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="如：5月24日已通过邮件报送"
      />
    </FormDialog>
  );
}

function TaskTable({ view, month }: { view: MonthView; month: number }) {
  const shown = useProgressive(view.rows.length, 40, 100);
  return (
    <Paper variant="outlined">
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
        {month}月任务进展
      </Typography>
      <Box sx={{ overflow: 'auto' }}>
        <Table size="small" aria-label="任务进展">
          <TableHead>
            <TableRow>
              <TableCell sx={{ minWidth: 140 }}>重点工作</TableCell>
              <TableCell sx={{ minWidth: 110 }}>牵头单位</TableCell>
              <TableCell>序时进度</TableCell>
              <TableCell>累计进度</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>灯</TableCell>
              <TableCell>单位自报</TableCell>
              <TableCell>滞后原因说明</TableCell>
              <TableCell>配合单位</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.rows.slice(0, shown).map(({ task, leadUnit, report, coReports, assessment: a }) => (
              <TableRow key={task.id}>
                <TableCell>{task.title}</TableCell>
                <TableCell>{leadUnit?.name}</TableCell>
                {/* Percents, statuses and lights are never broken over two lines (“已完 / 成”). */}
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {a.expected}%{a.fromPlan ? '' : '（按时间）'}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.percent === null ? '—' : `${a.percent}%`}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{statusLabels[a.status]}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <LightChip light={a.light} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {report?.statusWord}
                  {a.mismatch && (
                    <Chip size="small" color="warning" variant="outlined" label="与计算不符" sx={{ ml: 0.5 }} />
                  )}
                </TableCell>
                <TableCell>
                  {report?.delayExplanation}
                  {a.needsExplanation && <Chip size="small" color="error" variant="outlined" label="缺少说明" />}
                </TableCell>
                <TableCell sx={{ fontSize: 12 }}>
                  {coReports.map((c) => `${c.unit.name}：${c.report ? `${c.report.percent}%` : '未报'}`).join('；')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}
