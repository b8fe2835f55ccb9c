import { useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Step, StepButton, Stepper, TextField, Typography } from '@mui/material';
import type { Review, Task, WorkYear } from '../../core/model';
import { lightLabels, statusLabels } from '../../core/progress';
import {
  reviewFieldLabels,
  reviewSections,
  reviewStateText,
  reviewSteps,
  textsOf,
  type ReviewTextField,
  type ReviewTexts,
} from '../../core/review';
import { useTask, useTaskReview } from '../../db';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { saveStatusText, useAutosave } from '../../ui/autosave';
import { chineseDate, chineseDateTime } from '../../core/dates';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { useWorkYear } from '../../ui/YearContext';
import { LightChip } from '../../ui/LightChip';
import { useReviewData, type ReviewData } from './useReviewData';
import { ScreenHeader } from '../../ui/ScreenHeader';

export const ISSUER = '区政府督查室';

/** 复盘 of one task in four steps (PRODUCT.md §1), saved as typed, printable on A4. */
export function ReviewWorkspace({ taskId }: { taskId: string }) {
  const year = useWorkYear();
  const task = useTask(taskId);
  const review = useTaskReview(taskId);
  if (task === undefined || review === undefined) return <Typography color="text.secondary">正在读取任务…</Typography>;
  if (task.yearId !== year.id) {
    return (
      <Stack spacing={2}>
        <Typography>该任务不属于当前选择的工作年度。</Typography>
        <Box>
          <Button onClick={() => navigateTo(routes.retrospective())}>← 复盘列表</Button>
        </Box>
      </Stack>
    );
  }
  return <WithData key={task.id} year={year} task={task} review={review} />;
}

function WithData({ year, task, review }: { year: WorkYear; task: Task; review: Review | null }) {
  const data = useReviewData(year, task);
  if (!data) return <Typography color="text.secondary">正在汇总本年度数据…</Typography>;
  return <Editor year={year} task={task} stored={review} data={data} />;
}

interface Draft {
  texts: ReviewTexts;
  step: number;
  completed: boolean;
}

function Editor({ year, task, stored, data }: { year: WorkYear; task: Task; stored: Review | null; data: ReviewData }) {
  // Until a review is saved, the steps are pre-filled from the year's data (not stored: looking
  // writes nothing; the first change saves the review).
  const save = useAutosave<Draft>({
    id: `review:${task.id}`,
    stored: stored
      ? { texts: textsOf(stored), step: stored.step ?? 0, completed: Boolean(stored.completedAt) }
      : { texts: data.drafts, step: 0, completed: false },
    label: `“${task.title}”的复盘`,
    edit: ({ texts, step, completed }) => ({
      kind: 'review',
      args: { yearId: year.id, taskId: task.id, ...texts, step, completed },
    }),
  });
  const [refill, setRefill] = useState<ReviewTextField>();

  const setText = (field: ReviewTextField, value: string) =>
    save.change((d) => ({ ...d, texts: { ...d.texts, [field]: value } }));
  /** A step taken, or the review completed or reopened: saved at once. */
  const saveNow = (patch: Partial<Draft>) => {
    save.change((d) => ({ ...d, ...patch }));
    void save.flush();
  };
  const goTo = (step: number) => saveNow({ step });
  const print = async (mode: 'print' | 'pdf') => {
    await save.flush();
    await desktop.printView(mode === 'pdf' ? { mode, suggestedName: `${task.title}复盘.pdf` } : { mode });
  };

  const { step, texts, completed } = save.draft;
  const current = reviewSteps[step]!;
  const unsaved = stored === null && !save.edited;
  const statusText = unsaved
    ? '尚未保存：各步骤已按本年度数据预填，修改后自动保存。'
    : {
        saving: '正在保存…',
        saved: `已保存${stored ? `（${chineseDateTime(stored.updatedAt)}）` : ''}`,
        invalid: saveStatusText(save),
        error: saveStatusText(save),
      }[save.status];

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <ScreenHeader
        title={`复盘：${task.title}`}
        back={
          <>
            <Button onClick={() => navigateTo(routes.retrospective())}>← 复盘列表</Button>
            <Button onClick={() => navigateTo(routes.task(task.id))}>任务详情</Button>
          </>
        }
        screenOnly
      >
        <Chip
          size="small"
          color={completed ? 'success' : 'default'}
          label={reviewStateText(unsaved ? undefined : { step, completedAt: completed ? 'done' : undefined })}
        />
        <Button variant="outlined" onClick={() => void print('print')}>
          打印
        </Button>
        <Button variant="outlined" onClick={() => void print('pdf')}>
          另存为PDF
        </Button>
      </ScreenHeader>
      <Typography
        role="status"
        aria-live="polite"
        color={save.status === 'error' ? 'error' : 'text.secondary'}
        className="screen-only"
      >
        {statusText}
      </Typography>

      <Paper variant="outlined" sx={{ p: 2 }} className="screen-only">
        <Stepper nonLinear activeStep={step} aria-label="复盘步骤">
          {reviewSteps.map((s, i) => (
            <Step key={s.label} completed={completed || i < step}>
              <StepButton onClick={() => goTo(i)}>{s.label}</StepButton>
            </Step>
          ))}
        </Stepper>
      </Paper>

      <Paper
        variant="outlined"
        sx={{ p: 2 }}
        className="screen-only"
        component="section"
        aria-labelledby="review-step-heading"
      >
        <Typography variant="h6" component="h3" id="review-step-heading" sx={{ mb: 1 }}>
          第{step + 1}步：{current.label}
        </Typography>
        <StepFacts step={step} task={task} data={data} year={year} />
        <Stack spacing={2} sx={{ mt: 2 }}>
          {current.fields.map((field) => (
            <Box key={field}>
              <TextField
                fullWidth
                multiline
                minRows={field === 'nextYearPlan' ? 3 : 8}
                label={reviewFieldLabels[field]}
                value={texts[field]}
                onChange={(e) => setText(field, e.target.value)}
              />
              <Button
                size="small"
                sx={{ mt: 0.5 }}
                disabled={texts[field] === data.drafts[field]}
                onClick={() => setRefill(field)}
              >
                按最新数据重新填入
              </Button>
            </Box>
          ))}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button disabled={step === 0} onClick={() => goTo(step - 1)}>
            上一步
          </Button>
          {step < reviewSteps.length - 1 && (
            <Button variant="contained" onClick={() => goTo(step + 1)}>
              下一步：{reviewSteps[step + 1]!.label}
            </Button>
          )}
          {step === reviewSteps.length - 1 && !completed && (
            <Button variant="contained" color="success" onClick={() => saveNow({ completed: true })}>
              完成复盘
            </Button>
          )}
          {completed && <Button onClick={() => saveNow({ completed: false })}>重新打开</Button>}
        </Stack>
      </Paper>

      <PrintDocument title={`${task.title}复盘报告`} issuer={ISSUER} date={data.today}>
        <ReviewPrintBody task={task} data={data} texts={texts} />
      </PrintDocument>

      <ConfirmDialog
        open={refill !== undefined}
        title="按最新数据重新填入"
        text={`将用本年度最新数据重新生成“${refill ? reviewFieldLabels[refill] : ''}”，替换现有内容。确定吗？`}
        confirmLabel="重新填入"
        onConfirm={async () => {
          if (refill) setText(refill, data.drafts[refill]);
        }}
        onClose={() => setRefill(undefined)}
      />
    </Stack>
  );
}

/** What the data says, beside the text of each step. */
function StepFacts({ step, task, data, year }: { step: number; task: Task; data: ReviewData; year: WorkYear }) {
  const { facts, names } = data;
  if (step === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {task.targets.length} 项目标、{task.measures.length} 项措施；牵头单位：{names.leadUnit ?? '未定'}；完成时限：
        {chineseDate(task.dueDate)}。下框已按任务清单预填，可修改补充。
      </Typography>
    );
  }
  if (step === 1) {
    return (
      <Stack spacing={1}>
        <Typography variant="body2">
          年末进度：{facts.final.percent === null ? '未报送' : `${facts.final.percent}%（${facts.final.month}月）`}；
          滞后 {facts.behindMonths.length} 个月；未报送 {facts.missingMonths.length} 个月； 第三方评估：
          {facts.evaluations.length ? facts.evaluations.map((e) => `${e.rater}${e.score}分`).join('、') : '暂无'}。
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} aria-label="各月红黄绿灯">
          {facts.months.map((m) => (
            <Stack key={m.month} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
              <Typography variant="body2">{m.month}月</Typography>
              <LightChip
                light={m.light}
                title={`${lightLabels[m.light]}：${statusLabels[m.status]}${m.percent === null ? '' : `，${m.percent}%`}（序时${m.expected}%）`}
              />
            </Stack>
          ))}
          {facts.months.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {year.year}年度尚无可评估的月份。
            </Typography>
          )}
        </Stack>
      </Stack>
    );
  }
  if (step === 2) {
    return (
      <Typography variant="body2" color="text.secondary">
        已汇集单位滞后原因说明 {facts.explanations.length} 条、督查意见 {facts.comments.length}{' '}
        条；请在“原因分析：”之后写出督查室的分析。
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary">
      总结经验做法和存在不足，并写明纳入{year.year + 1}年度计划的事项
      {facts.final.percent !== null && facts.final.percent >= 100
        ? ''
        : '（本项工作未完成，可在“工作年度”中结转至下一年度）'}
      。
    </Typography>
  );
}

/** The review on paper: who and how far, then the four steps. */
export function ReviewPrintBody({ task, data, texts }: { task: Task; data: ReviewData; texts: ReviewTexts }) {
  const { facts, names } = data;
  const heading = {
    fontFamily: '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif',
    fontSize: '16pt',
    fontWeight: 'normal',
    margin: '14pt 0 4pt',
  } as const;
  const numbers = ['一', '二', '三', '四'];
  return (
    <>
      <table>
        <tbody>
          <tr>
            <th>牵头单位</th>
            <td>{names.leadUnit ?? ''}</td>
            <th>分管区领导</th>
            <td>{names.leaders.join('、')}</td>
          </tr>
          <tr>
            <th>责任单位</th>
            <td>{names.coUnits.join('、')}</td>
            <th>完成时限</th>
            <td>{chineseDate(task.dueDate)}</td>
          </tr>
          <tr>
            <th>年末进度</th>
            <td>{facts.final.percent === null ? '未报送' : `${facts.final.percent}%`}</td>
            <th>滞后月数</th>
            <td>{facts.behindMonths.length}</td>
          </tr>
        </tbody>
      </table>
      {reviewSections(texts).map((section, i) => (
        <div key={section.heading}>
          <h2 style={heading}>
            {numbers[i]}、{section.heading}
          </h2>
          {section.text
            .split(/\r?\n/u)
            .filter((line) => line.trim() !== '')
            .map((line, j) => (
              <p key={j} style={{ margin: 0, textIndent: '2em', lineHeight: 1.6 }}>
                {line}
              </p>
            ))}
        </div>
      ))}
    </>
  );
}
