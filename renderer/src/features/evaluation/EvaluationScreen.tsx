import { useState } from 'react';
import {
  Alert,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { compositeShares, raterWeightsText, shareText, type UnitEvaluation } from '../../core/evaluation';
import { groupOf } from '../../core/ranking';
import { RATER_TYPES, type Unit } from '../../core/model';
import { useUnits } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { linkRow } from '../../ui/reviewRows';
import { routes } from '../../ui/routes';
import { useEvaluationData, type EvaluationData } from '../../ui/useYearStanding';
import { EvaluationRowsTable } from '../../ui/EvaluationPanels';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** 第三方评估: the year's results, small samples to accept, and each unit's evaluation score. */
export function EvaluationScreen() {
  const year = useWorkYear();
  const data = useEvaluationData(year);
  const units = useUnits(year.id);
  const [error, setError] = useState<string>();
  if (!data || !units) return null;
  const unitById = new Map(units.map((u) => [u.id, u]));
  const evaluated = units.filter((u) => data.byUnit.has(u.id));
  return (
    <Stack spacing={2}>
      <ScreenHeader title="第三方评估">
        <Button variant="contained" onClick={() => navigateTo(routes.import('evaluation'))}>
          导入评估结果
        </Button>
        <Button onClick={() => navigateTo(routes.imports())}>导入记录</Button>
      </ScreenHeader>
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
            <TableRow key={u.id} {...linkRow(() => navigateTo(routes.unit(u.id)))}>
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
