import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { weekdayName } from '../../core/dates';
import { VERDICTS, type ProgressReport, type Task, type Unit, type Verdict, type WorkYear } from '../../core/model';
import { statusLabels } from '../../core/progress';
import { publishMonth, reopenMonth, setMissingVerdicts, updateFeedback, type FeedbackPatch } from '../../db';
import { saveStatusText, useAutosave } from '../../ui/autosave';
import { useProgressive } from '../../ui/useProgressive';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { userMessage } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { reviewRow } from '../../ui/reviewRows';
import { chineseDate, chineseDateTime } from '../../core/dates';
import { LightChip } from '../../ui/LightChip';
import { MonthPicker, useScreenMonth } from '../../ui/MonthPicker';
import { useMonth, type MonthView, type TaskMonth } from '../../ui/useMonth';
import { publishSnapshot, useScoring, type Scoring } from '../../ui/useScoring';
import { hasOpenItems, openItems } from '../../core/publishCheck';
import { exportFeedbackSheet } from './exportFeedback';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** 督查反馈: per unit, every report with its computed status and light; verdicts; publish. */
export function FeedbackScreen({ monthParam }: { monthParam?: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, monthParam);
  const view = useMonth(year, month);
  const [error, setError] = useState<string>();
  const [reopening, setReopening] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [printing, setPrinting] = useState<Unit>();
  const [verifying, setVerifying] = useState<Verification>();
  const unchecked = useMemo(() => (view && !view.published ? uncheckedOf(view) : []), [view]);

  return (
    <Stack spacing={2}>
      <ScreenHeader title="督查反馈" screenOnly>
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(routes.feedback(m))} />
        {unchecked.length > 0 && (
          <Button variant="outlined" onClick={() => setVerifying({ scope: `${month}月`, items: unchecked })}>
            全部属实…
          </Button>
        )}
        {view && !view.published && (
          <Button variant="contained" onClick={() => setPublishing(true)}>
            发布{month}月
          </Button>
        )}
        {view?.published && (
          <Button variant="outlined" color="warning" onClick={() => setReopening(true)}>
            撤销发布
          </Button>
        )}
      </ScreenHeader>
      {view && (
        <Typography className="screen-only">
          督查反馈截止：
          <b>
            {chineseDate(view.feedbackDue.due)}（{weekdayName(view.feedbackDue.due)}）
          </b>
          {view.feedbackDue.shifted && `（${view.feedbackDue.reason}）`}。
          {view.published
            ? ` ${month}月已于 ${chineseDateTime(view.state!.publishedAt!)} 由 ${view.state!.publishedBy} 发布，进展和反馈已冻结。`
            : view.state?.reopenReason
              ? ` 已撤销发布（原因：${view.state.reopenReason}）。`
              : ` ${month}月尚未发布。`}
        </Typography>
      )}
      {error && (
        <Alert severity="error" className="screen-only" onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {view && <CheckProgress view={view} />}
      {view && (
        <UnitSections
          view={view}
          year={year}
          month={month}
          onError={setError}
          onVerifyUnit={(unit, items) => setVerifying({ scope: unit.name, items })}
          onPrint={(unit) => {
            setPrinting(unit);
            // Print once React has rendered the unit's sheet into the print document.
            requestAnimationFrame(() => void desktop.printView({ mode: 'print' }));
          }}
        />
      )}
      {view && printing && (
        <PrintDocument
          title={`${printing.name}${year.year}年${month}月重点工作督查反馈单`}
          issuer="区政府督查室"
          date={view.today}
        >
          <FeedbackPrint view={view} unit={printing} />
        </PrintDocument>
      )}
      {verifying && (
        <ConfirmDialog
          open
          title="全部属实"
          text={`将${verifying.scope}尚未核查的${verifying.items.length}条进展的核查结论定为“属实”（反馈意见不变，已核查的不受影响）：`}
          confirmLabel={`${verifying.items.length}条属实`}
          color="primary"
          onConfirm={() =>
            setMissingVerdicts(
              year.id,
              month,
              verifying.items.map((i) => ({ taskId: i.row.task.id, unitId: i.unit.id })),
              '属实',
            )
          }
          onClose={() => setVerifying(undefined)}
        >
          <VerificationSummary items={verifying.items} />
        </ConfirmDialog>
      )}
      {reopening && <ReopenDialog year={year} month={month} onClose={() => setReopening(false)} />}
      {publishing && <PublishDialog year={year} month={month} onClose={() => setPublishing(false)} />}
    </Stack>
  );
}

/** How far the checking of the reports has got, against the feedback due date. */
function CheckProgress({ view }: { view: MonthView }) {
  const total = view.reports.length;
  const checked = view.reports.filter((r) => view.feedbackOf(r.taskId, r.unitId)?.verdict).length;
  const late = !view.published && view.today > view.feedbackDue.due && checked < total;
  return (
    <Alert severity={late ? 'warning' : 'info'} className="screen-only">
      已核查 {checked}/{total} 条进展
      {late ? `，已过反馈截止日期（${chineseDate(view.feedbackDue.due)}），请尽快完成核查并发布。` : '。'}
    </Alert>
  );
}

function itemsOf(view: MonthView, unit: Unit): UnitReport[] {
  return view.rows.flatMap((row): UnitReport[] => {
    if (row.task.leadUnitId === unit.id) return [{ row, report: row.report, role: 'lead' }];
    const co = row.coReports.find((c) => c.unit.id === unit.id);
    return co ? [{ row, report: co.report, role: 'co' }] : [];
  });
}

/** A report not yet checked, with its unit. */
interface UncheckedReport extends UnitReport {
  unit: Unit;
}

/** What 全部属实 is about to cover: the month, or one unit. */
interface Verification {
  scope: string;
  items: UncheckedReport[];
}

function isUnchecked(view: MonthView, unit: Unit, item: UnitReport): boolean {
  return item.report !== undefined && !view.feedbackOf(item.row.task.id, unit.id)?.verdict;
}

/** The month's reports not yet checked, unit by unit in the office's order. */
function uncheckedOf(view: MonthView): UncheckedReport[] {
  return unitsOf(view).flatMap((unit) =>
    itemsOf(view, unit)
      .filter((item) => isUnchecked(view, unit, item))
      .map((item) => ({ ...item, unit })),
  );
}

/** 全部属实's summary: per unit how many reports, and how many of them lag or have not started. */
function VerificationSummary({ items }: { items: UncheckedReport[] }) {
  const byUnit = new Map<Unit, { count: number; behind: number }>();
  for (const item of items) {
    const sum = byUnit.get(item.unit) ?? { count: 0, behind: 0 };
    sum.count += 1;
    if (item.role === 'lead' && item.row.assessment.needsExplanation) sum.behind += 1;
    byUnit.set(item.unit, sum);
  }
  return (
    <Table size="small" aria-label="将定为属实的进展">
      <TableHead>
        <TableRow>
          <TableCell>单位</TableCell>
          <TableCell align="right">条数</TableCell>
          <TableCell align="right">其中滞后或未启动</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...byUnit].map(([unit, sum]) => (
          <TableRow key={unit.id}>
            <TableCell>{unit.name}</TableCell>
            <TableCell align="right">{sum.count}</TableCell>
            <TableCell align="right">{sum.behind || ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FeedbackPrint({ view, unit }: { view: MonthView; unit: Unit }) {
  return (
    <table>
      <thead>
        <tr>
          <th>序号</th>
          <th>重点工作</th>
          <th>累计进度</th>
          <th>状态</th>
          <th>核查结论</th>
          <th>反馈意见</th>
        </tr>
      </thead>
      <tbody>
        {itemsOf(view, unit).map((item, i) => {
          const fb = view.feedbackOf(item.row.task.id, unit.id);
          return (
            <tr key={item.row.task.id}>
              <td>{i + 1}</td>
              <td>
                {item.row.task.title}（{item.role === 'lead' ? '牵头' : '配合'}）
              </td>
              <td>{item.report ? `${item.report.percent}%` : '未报'}</td>
              <td>{item.role === 'lead' ? statusLabels[item.row.assessment.status] : ''}</td>
              <td>{fb?.verdict ?? ''}</td>
              <td>
                {fb?.comment ?? ''}
                {fb?.explanationAccepted === false ? '（滞后原因说明不予采纳）' : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface UnitReport {
  row: TaskMonth;
  report?: ProgressReport;
  role: 'lead' | 'co';
}

interface SectionProps {
  view: MonthView;
  year: WorkYear;
  month: number;
  onError(message: string): void;
  onPrint(unit: Unit): void;
  onVerifyUnit(unit: Unit, items: UncheckedReport[]): void;
}

/** The units owing reports this month, in the office's order. */
function unitsOf(view: MonthView): Unit[] {
  return [...view.owing.keys()].flatMap((id) => view.unitById.get(id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder);
}

function UnitSections(props: SectionProps) {
  const units = useMemo(() => unitsOf(props.view), [props.view]);
  // The first units at once, the rest a few per frame: a large district's 120 units paint their
  // first screen at once and the window stays responsive.
  const shown = useProgressive(units.length, 3, 4);
  return (
    <Box className="screen-only">
      <Stack spacing={2}>
        {units.slice(0, shown).map((unit) => (
          <UnitSection key={unit.id} unit={unit} items={itemsOf(props.view, unit)} {...props} />
        ))}
      </Stack>
    </Box>
  );
}

function UnitSection({
  unit,
  items,
  view,
  year,
  month,
  onError,
  onPrint,
  onVerifyUnit,
}: SectionProps & { unit: Unit; items: UnitReport[] }) {
  const submission = view.submissionOf(unit.id);
  const unchecked = view.published
    ? []
    : items.filter((item) => isUnchecked(view, unit, item)).map((item) => ({ ...item, unit }));
  const save = (item: UnitReport, patch: FeedbackPatch) =>
    updateFeedback({ yearId: year.id, month, taskId: item.row.task.id, unitId: unit.id }, patch).catch((e) =>
      onError(userMessage(e)),
    );
  return (
    <Paper variant="outlined" component="section" aria-label={`${unit.name}的督查反馈`}>
      <Stack direction="row" sx={{ alignItems: 'center', p: 2, pb: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          {unit.name}
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {submission ? `收到 ${chineseDate(submission.receivedDate)}` : '未报送'}
          </Typography>
        </Typography>
        <Button
          size="small"
          onClick={() =>
            exportFeedbackSheet(
              year,
              month,
              unit,
              items.map((i) => ({ ...i, feedback: view.feedbackOf(i.row.task.id, unit.id) })),
            ).catch((e) => onError(userMessage(e)))
          }
        >
          导出反馈单
        </Button>
        {unchecked.length > 0 && (
          <Button size="small" onClick={() => onVerifyUnit(unit, unchecked)}>
            本单位全部属实
          </Button>
        )}
        <Button size="small" onClick={() => onPrint(unit)}>
          打印反馈单
        </Button>
      </Stack>
      <Box sx={{ overflow: 'auto' }}>
        {/* The same fixed widths in every unit's table, so their columns line up down the screen. */}
        <Table size="small" sx={{ tableLayout: 'fixed', minWidth: 960 }}>
          <TableHead>
            <TableRow>
              <TableCell>重点工作</TableCell>
              <TableCell sx={{ width: 64 }}>身份</TableCell>
              <TableCell sx={{ width: 88 }}>累计进度</TableCell>
              <TableCell sx={{ width: 88 }}>状态</TableCell>
              <TableCell sx={{ width: 88 }}>灯</TableCell>
              <TableCell>滞后原因说明</TableCell>
              <TableCell sx={{ width: 140 }}>核查结论</TableCell>
              <TableCell sx={{ width: 240 }}>反馈意见</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => {
              const fb = view.feedbackOf(item.row.task.id, unit.id);
              const a = item.row.assessment;
              const explanation = item.report?.delayExplanation;
              return (
                <TableRow
                  key={item.row.task.id}
                  data-task={item.row.task.title}
                  data-unchecked={(item.report && !fb?.verdict) || undefined}
                  data-unanswered={(explanation && fb?.explanationAccepted === undefined) || undefined}
                  aria-label={`${item.row.task.title}，${item.report ? `${item.report.percent}%` : '未报'}，${fb?.verdict ?? '未核查'}`}
                  {...reviewRow(() => {
                    if (!view.published && isUnchecked(view, unit, item)) void save(item, { verdict: '属实' });
                  })}
                >
                  <TableCell>{item.row.task.title}</TableCell>
                  <TableCell>{item.role === 'lead' ? '牵头' : '配合'}</TableCell>
                  <TableCell>{item.report ? `${item.report.percent}%` : '未报'}</TableCell>
                  <TableCell>{item.role === 'lead' ? statusLabels[a.status] : ''}</TableCell>
                  <TableCell>{item.role === 'lead' && <LightChip light={a.light} />}</TableCell>
                  <TableCell>
                    {explanation ||
                      (a.needsExplanation && item.role === 'lead' ? (
                        <Typography color="error" variant="body2">
                          缺少说明
                        </Typography>
                      ) : (
                        ''
                      ))}
                    {explanation && (
                      <ToggleButtonGroup
                        size="small"
                        exclusive
                        disabled={view.published}
                        value={fb?.explanationAccepted === undefined ? null : fb.explanationAccepted ? 'yes' : 'no'}
                        onChange={(_e, v: 'yes' | 'no' | null) =>
                          save(item, { explanationAccepted: v === null ? null : v === 'yes' })
                        }
                        aria-label={`${item.row.task.title}的说明`}
                        sx={{ display: 'flex', mt: 0.5 }}
                      >
                        <ToggleButton value="yes">采纳说明</ToggleButton>
                        <ToggleButton value="no">不予采纳</ToggleButton>
                      </ToggleButtonGroup>
                    )}
                  </TableCell>
                  <TableCell>
                    <select
                      className="plain-input"
                      disabled={view.published}
                      value={fb?.verdict ?? ''}
                      onChange={(e) => void save(item, { verdict: (e.target.value as Verdict | '') || null })}
                      aria-label={`${item.row.task.title}的核查结论`}
                    >
                      <option value="">（未核查）</option>
                      {VERDICTS.map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </TableCell>
                  <TableCell>
                    <CommentField
                      year={year}
                      month={month}
                      unit={unit}
                      task={item.row.task}
                      stored={fb?.comment ?? ''}
                      readOnly={view.published}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}

function ReopenDialog({ year, month, onClose }: { year: WorkYear; month: number; onClose(): void }) {
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={`撤销${month}月的发布`}
      saveLabel="撤销发布"
      saveColor="warning"
      maxWidth="xs"
      onSave={() => reopenMonth(year.id, month, reason.trim())}
      onClose={onClose}
    >
      <Typography variant="body2">
        撤销后可以修改{month}月的进展和反馈；已发布的快照仍然保留。原因将记入操作日志。
      </Typography>
      <TextField autoFocus fullWidth label="撤销原因" value={reason} onChange={(e) => setReason(e.target.value)} />
    </FormDialog>
  );
}

/** Scrolls to the first row marked with `attribute` (data-unchecked, data-unanswered). */
function showFirst(attribute: string) {
  document.querySelector(`[${attribute}="true"]`)?.scrollIntoView({ block: 'center' });
}

/**
 * 发布: lists what is still open in the month — reports not checked, units that sent nothing,
 * proposals undecided, explanations not answered — each with a link; while anything is open,
 * publishing needs the explicit tick.
 */
function PublishDialog({ year, month, onClose }: { year: WorkYear; month: number; onClose(): void }) {
  // The month's proposals are computed when the dialog opens, not with the list of reports.
  const scoring = useScoring(year, month);
  if (!scoring) return null;
  return <PublishCheck year={year} month={month} scoring={scoring} onClose={onClose} />;
}

function PublishCheck({
  year,
  month,
  scoring,
  onClose,
}: {
  year: WorkYear;
  month: number;
  scoring: Scoring;
  onClose(): void;
}) {
  const { view, current } = scoring;
  const items = openItems({
    reports: view.reports,
    feedback: view.feedback,
    owingUnitIds: view.owing.keys(),
    submittedUnitIds: view.submissions.map((s) => s.unitId),
    undecided: current.undecided.length,
  });
  const open = hasOpenItems(items);
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string>();
  const go = (action: () => void) => () => {
    onClose();
    action();
  };
  const lines: { count: number; text: string; link: string; action(): void }[] = [
    {
      count: items.unchecked,
      text: `${items.unchecked}条进展尚未核查`,
      link: '去核查',
      action: () => requestAnimationFrame(() => showFirst('data-unchecked')),
    },
    {
      count: items.unanswered,
      text: `${items.unanswered}条滞后原因说明尚未决定是否采纳`,
      link: '去处理',
      action: () => requestAnimationFrame(() => showFirst('data-unanswered')),
    },
    {
      count: items.silentUnits,
      text: `${items.silentUnits}个单位未报送进展`,
      link: '查看催报清单',
      action: () => navigateTo(routes.reminders(month)),
    },
    {
      count: items.undecided,
      text: `${items.undecided}项加扣分建议尚未确认或免扣`,
      link: '去确认',
      action: () => navigateTo(routes.scores(month)),
    },
  ];
  const publish = async () => {
    try {
      await publishMonth(year.id, month, publishSnapshot(view, current));
      onClose();
    } catch (e) {
      setError(userMessage(e));
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="publish-title">
      <DialogTitle id="publish-title">发布{month}月</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          发布后，{month}月的进展、督查反馈和加扣分将冻结，得分和红黑榜以发布时为准；如需修改，须撤销发布并说明原因。
        </Typography>
        {open ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            以下事项仍未处理：
            <List dense disablePadding aria-label="未处理事项">
              {lines
                .filter((l) => l.count > 0)
                .map((l) => (
                  <ListItem key={l.link} disableGutters>
                    {l.text}
                    <Button size="small" sx={{ ml: 1 }} onClick={go(l.action)}>
                      {l.link}
                    </Button>
                  </ListItem>
                ))}
            </List>
          </Alert>
        ) : (
          <Alert severity="success" sx={{ mb: 2 }}>
            全部进展已核查，加扣分均已处理，可以发布。
          </Alert>
        )}
        {open && (
          <FormControlLabel
            control={<Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />}
            label="我已知晓以上事项仍未处理，确认发布"
          />
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" disabled={open && !acknowledged} onClick={() => void publish()}>
          确认发布
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** 反馈意见, saved as it is typed; read-only once the month is published. */
function CommentField({
  year,
  month,
  unit,
  task,
  stored,
  readOnly,
}: {
  year: WorkYear;
  month: number;
  unit: Unit;
  task: Task;
  stored: string;
  readOnly: boolean;
}) {
  const key = { yearId: year.id, month, taskId: task.id, unitId: unit.id };
  const save = useAutosave({
    id: `feedback:${year.id}:${month}:${task.id}:${unit.id}`,
    stored,
    label: `${unit.name}“${task.title}”${month}月的反馈意见`,
    edit: (comment: string) => ({ kind: 'feedback', args: { key, patch: { comment } } }),
  });
  return (
    <Box>
      <textarea
        className="plain-input"
        rows={1}
        value={save.draft}
        readOnly={readOnly}
        onChange={(e) => save.change(e.target.value)}
        aria-label={`${task.title}的反馈意见`}
        aria-invalid={save.status === 'error' || undefined}
      />
      {(save.edited || save.status !== 'saved') && (
        <Typography
          variant="caption"
          role="status"
          color={save.status === 'error' || save.status === 'invalid' ? 'error' : 'text.secondary'}
        >
          {saveStatusText(save)}
        </Typography>
      )}
    </Box>
  );
}
