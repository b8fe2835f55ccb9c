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
  Typography,
} from '@mui/material';
import { sampleFlag, sampleFlagText, shareText } from '../core/evaluation';
import { rawScoreText } from '../core/import/evaluation';
import type { Evaluation, Task, Unit, WorkYear } from '../core/model';
import { setSampleAccepted, useUnits } from '../db';
import { userMessage } from './errors';
import { navigateTo } from './useHashRoute';
import { routes } from './routes';
import type { Scoring } from './useScoring';
import { useEvaluationData, useYearStanding, type EvaluationData } from './useYearStanding';

/** On a unit's page: its evaluation results (own and of the tasks it leads), and how its year composite is made. */
export function UnitEvaluationPanel({
  year,
  month,
  scoring,
  unitId,
}: {
  year: WorkYear;
  month: number;
  scoring: Scoring;
  unitId: string;
}) {
  const { standing, data } = useYearStanding(scoring, year, month);
  const [error, setError] = useState<string>();
  if (!standing || !data) return null;
  const ev = data.byUnit.get(unitId);
  const parts = standing.parts.get(unitId);
  const rank = standing.ranked.find((r) => r.unitId === unitId);
  const months = standing.months;
  const period = months.length > 1 ? `${months[0]}—${months[months.length - 1]}月` : `${months[0]}月`;
  return (
    <Paper variant="outlined" component="section" aria-label="第三方评估与年度综合得分" className="screen-only">
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
        第三方评估与年度综合得分（截至{month}月）
      </Typography>
      {parts && (
        <Box sx={{ px: 2, pt: 1 }} data-testid="composite">
          {parts.evaluation !== undefined ? (
            <Typography>
              过程得分（{period}月均）{parts.process} × {shareText(standing.shares.process)} + 评估得分{' '}
              {parts.evaluation} × {shareText(standing.shares.evaluation)} = 年度综合得分 {parts.score}
              {rank ? `，${rank.group}第${rank.rank}名` : ''}
            </Typography>
          ) : (
            <Typography>
              尚无计入的评估得分，年度综合得分按过程得分（{period}月均）计：{parts.score}
              {rank ? `，${rank.group}第${rank.rank}名` : ''}
            </Typography>
          )}
          {ev && ev.parts.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              评估得分 = {ev.parts.map((p) => `${p.rater}${p.score} × ${shareText(p.share)}`).join(' + ')}
              {ev.parts.length < 3 ? '（权重按有结果的评价主体折算）' : ''}
            </Typography>
          )}
        </Box>
      )}
      {error && (
        <Alert severity="error" sx={{ m: 2 }} onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {ev ? (
        <EvaluationRowsTable
          rows={ev.rows}
          data={data}
          unitById={scoring.unitById}
          onError={setError}
          label="本单位第三方评估"
        />
      ) : (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          暂无第三方评估结果。
          <Button size="small" onClick={() => navigateTo(routes.evaluation())}>
            第三方评估
          </Button>
        </Typography>
      )}
    </Paper>
  );
}

/** On a task's page: the evaluations of the task, which count for its lead unit. */
export function TaskEvaluationPanel({ year, task }: { year: WorkYear; task: Task }) {
  const data = useEvaluationData(year);
  const units = useUnits(year.id);
  const [error, setError] = useState<string>();
  if (!data || !units) return null;
  const rows = data.evaluations.filter((e) => e.taskId === task.id);
  const lead = units.find((u) => u.id === task.leadUnitId);
  return (
    <Paper variant="outlined" component="section" aria-label="第三方评估" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          第三方评估
        </Typography>
        <Button onClick={() => navigateTo(routes.evaluation())}>全部评估结果</Button>
      </Stack>
      {rows.length === 0 ? (
        <Typography color="text.secondary">暂无针对本项工作的评估结果。</Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            本项工作的评估结果计入牵头单位{lead ? `“${lead.name}”` : '（尚未确定）'}的评估得分。
          </Typography>
          {error && (
            <Alert severity="error" onClose={() => setError(undefined)}>
              {error}
            </Alert>
          )}
          <EvaluationRowsTable
            rows={rows}
            data={data}
            unitById={new Map(units.map((u) => [u.id, u]))}
            onError={setError}
            label="本项工作第三方评估"
          />
        </>
      )}
    </Paper>
  );
}

/** '4.5（五分制）', '92%', '90': a stored row's figure as the sheet wrote it. */
export function rawText(e: Evaluation): string {
  return e.rawScore === undefined || e.scale === undefined
    ? String(e.score)
    : rawScoreText({ rawScore: e.rawScore, scale: e.scale });
}

/** The row's state in the composite, in words. */
export function stateText(e: Evaluation, data: EvaluationData): string {
  const flag = sampleFlag(e, data.settings);
  if (!flag) return '计入';
  const why = sampleFlagText(flag, data.settings);
  return e.sampleAcceptedBy ? `样本偏少（${why}），已由${e.sampleAcceptedBy}采纳，计入` : `样本偏少（${why}），未计入`;
}

/** Rows of evaluations with their figures, source and state; flagged ones can be accepted here. */
export function EvaluationRowsTable({
  rows,
  data,
  unitById,
  onError,
  label = '评估结果',
}: {
  rows: Evaluation[];
  data: EvaluationData;
  unitById: ReadonlyMap<string, Unit>;
  onError(message: string): void;
  label?: string;
}) {
  const taskById = new Map(data.tasks.map((t) => [t.id, t]));
  const accept = (e: Evaluation, accepted: boolean) =>
    setSampleAccepted(e.id, accepted).catch((err) => onError(userMessage(err)));
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>评价对象</TableCell>
          <TableCell>计入单位</TableCell>
          <TableCell>评价主体</TableCell>
          <TableCell>原始得分</TableCell>
          <TableCell>得分</TableCell>
          <TableCell>样本数</TableCell>
          <TableCell>来源</TableCell>
          <TableCell>状态</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((e) => {
          const task = e.taskId ? taskById.get(e.taskId) : undefined;
          const unit = task
            ? task.leadUnitId
              ? unitById.get(task.leadUnitId)
              : undefined
            : unitById.get(e.unitId ?? '');
          const flag = sampleFlag(e, data.settings);
          const target = task ? `重点工作：${task.title}` : (unit?.name ?? '');
          return (
            <TableRow key={e.id} data-flag={flag && !e.sampleAcceptedBy ? 'pending' : undefined}>
              <TableCell>{target}</TableCell>
              <TableCell>{unit?.name ?? '（无牵头单位）'}</TableCell>
              <TableCell>{e.rater}</TableCell>
              <TableCell>{rawText(e)}</TableCell>
              <TableCell>{e.score}</TableCell>
              <TableCell>{e.sampleSize ?? '—'}</TableCell>
              <TableCell>{e.sourceFile ? `${e.sourceFile}${e.sourceRow ? ` 第${e.sourceRow}行` : ''}` : ''}</TableCell>
              <TableCell>
                {flag ? (
                  <Chip size="small" color={e.sampleAcceptedBy ? 'default' : 'warning'} label={stateText(e, data)} />
                ) : (
                  '计入'
                )}
              </TableCell>
              <TableCell>
                {flag && !e.sampleAcceptedBy && (
                  <Button
                    size="small"
                    aria-label={`采纳${target}的${e.rater}评价`}
                    onClick={() => void accept(e, true)}
                  >
                    采纳
                  </Button>
                )}
                {flag && e.sampleAcceptedBy && (
                  <Button
                    size="small"
                    aria-label={`撤销采纳${target}的${e.rater}评价`}
                    onClick={() => void accept(e, false)}
                  >
                    撤销采纳
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
