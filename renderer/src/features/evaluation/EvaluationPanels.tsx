import { useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { shareText } from '../../core/evaluation';
import type { Task, WorkYear } from '../../core/model';
import { useUnits } from '../../db';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import type { Scoring } from '../../ui/useScoring';
import { EvaluationRowsTable } from './EvaluationScreen';
import { useEvaluationData, useYearStanding } from './useEvaluation';

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
