import { useState } from 'react';
import {
  Alert,
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
import {
  compositeShares,
  raterWeightsText,
  sampleFlag,
  sampleFlagText,
  shareText,
  type UnitEvaluation,
} from '../../core/evaluation';
import { groupOf } from '../../core/ranking';
import { RATER_TYPES, type Evaluation, type Unit } from '../../core/model';
import { rawScoreText } from '../../core/import/evaluation';
import { setSampleAccepted, useUnits } from '../../db';
import { useYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { userMessage } from '../../ui/errors';
import { useEvaluationData, type EvaluationData } from './useEvaluation';

/** 第三方评估: the year's results, small samples to accept, and each unit's evaluation score. */
export function EvaluationScreen() {
  const year = useYear().current!;
  const data = useEvaluationData(year);
  const units = useUnits(year.id);
  const [error, setError] = useState<string>();
  if (!data || !units) return null;
  const unitById = new Map(units.map((u) => [u.id, u]));
  const evaluated = units.filter((u) => data.byUnit.has(u.id));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          第三方评估
        </Typography>
        <Button variant="contained" onClick={() => navigateTo('import/evaluation')}>
          导入评估结果
        </Button>
        <Button onClick={() => navigateTo('imports')}>导入记录</Button>
      </Stack>
      <Typography color="text.secondary">
        评估得分 = 各评价主体得分按权重加权（{raterWeightsText(data.settings)}，只计有结果的评价主体并按比例折算）；
        年度综合得分 = 过程得分 × {shareText(compositeShares(data.weights).process)} + 评估得分 ×{' '}
        {shareText(compositeShares(data.weights).evaluation)}。权重和小样本阈值在“规则设置”中修改。
      </Typography>
      {error && (
        <Alert severity="error" onClose={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {data.pending.length > 0 && (
        <Alert severity="warning">
          有 {data.pending.length} 条评估结果样本偏少（样本数少于{data.settings.minSample}
          ，或企业、群众评价未填样本数），尚未计入综合得分；核实后可逐条“采纳”。
        </Alert>
      )}
      {data.evaluations.length === 0 ? (
        <Typography color="text.secondary">本年度尚未导入第三方评估结果。</Typography>
      ) : (
        <>
          <Paper variant="outlined">
            <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
              各单位评估得分
            </Typography>
            <UnitScoresTable units={evaluated} data={data} />
          </Paper>
          <Paper variant="outlined">
            <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
              评估结果（{data.evaluations.length}）
            </Typography>
            <EvaluationRowsTable rows={data.evaluations} data={data} unitById={unitById} onError={setError} />
          </Paper>
        </>
      )}
    </Stack>
  );
}

function UnitScoresTable({ units, data }: { units: Unit[]; data: EvaluationData }) {
  return (
    <Table size="small" aria-label="各单位评估得分">
      <TableHead>
        <TableRow>
          <TableCell>分组</TableCell>
          <TableCell>单位</TableCell>
          {RATER_TYPES.map((r) => (
            <TableCell key={r}>{r}</TableCell>
          ))}
          <TableCell>评估得分</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {units.map((u) => {
          const ev = data.byUnit.get(u.id)!;
          return (
            <TableRow key={u.id} hover onClick={() => navigateTo(`unit/${u.id}`)} sx={{ cursor: 'pointer' }}>
              <TableCell>{groupOf(u)}</TableCell>
              <TableCell>{u.name}</TableCell>
              {RATER_TYPES.map((r) => (
                <TableCell key={r}>{raterCell(ev, r)}</TableCell>
              ))}
              <TableCell>{ev.score ?? '未计入'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function raterCell(ev: UnitEvaluation, rater: string): string {
  const part = ev.parts.find((p) => p.rater === rater);
  if (part) return `${part.score}（占${shareText(part.share)}）`;
  return ev.excluded.some((e) => e.rater === rater) ? '样本偏少未计入' : '—';
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
