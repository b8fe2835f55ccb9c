import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Link,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { rankGroups, type RankedUnit } from '../../core/ranking';
import { periodScore, quarterMonths, quarterOf } from '../../core/scoring';
import { useWorkYear } from '../../ui/YearContext';
import { Sparkline } from '../../ui/Sparkline';
import { useProgressive } from '../../ui/useProgressive';
import { hrefOf, navigateTo } from '../../ui/useHashRoute';
import { linkRow } from '../../ui/reviewRows';
import { routes } from '../../ui/routes';
import { windowMonths } from '../../core/calendar';
import { MonthPicker, useScreenMonth } from '../../ui/MonthPicker';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { sampleMark, type WorkYear } from '../../core/model';
import { useScoring, type Scoring } from '../../ui/useScoring';
import { raterWeightsText, shareText, type CompositeParts } from '../../core/evaluation';
import { useYearStanding, type EvaluationData, type YearStanding } from '../../ui/useYearStanding';
import { ScreenHeader } from '../../ui/ScreenHeader';

type Period = 'month' | 'quarter' | 'year';
const periodLabels: Record<Period, string> = { month: '月度', quarter: '季度', year: '年度' };

/** 赛马: units ranked by score within their group (departments never against towns). */
export function RankingScreen({ monthParam }: { monthParam?: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, monthParam);
  const scoring = useScoring(year, month);
  const [period, setPeriod] = useState<Period>('month');
  const months = windowMonths(year).filter((m) => m <= month);
  // The year's ranking is by the composite (process score and 第三方评估); month and quarter by the monthly scores.
  const { standing, data } = useYearStanding(scoring, year, month, period === 'year');
  const monthly = useMemo(
    () => (scoring && period !== 'year' ? rankedFor(scoring, period, month, months) : undefined),
    [scoring, period, month, months],
  );
  const groups = period === 'year' ? standing?.groups : monthly;
  const parts = period === 'year' ? standing?.parts : undefined;

  const title = `${year.year}年${periodTitle(period, month)}重点工作赛马排名`;
  // Rows on screen: the first ones at once, the rest over the next frames (offsets: rows before each group).
  const offsets = new Map<string, number>();
  let rowCount = 0;
  for (const [group, ranked] of groups ?? []) {
    offsets.set(group, rowCount);
    rowCount += ranked.length;
  }
  const shown = useProgressive(rowCount, 40, 100);
  return (
    <Stack spacing={2}>
      <ScreenHeader title="赛马排名" screenOnly>
        <Button variant="outlined" onClick={() => desktop.printView({ mode: 'print' })}>
          打印
        </Button>
        <Button variant="outlined" onClick={() => desktop.printView({ mode: 'pdf', suggestedName: `${title}.pdf` })}>
          另存为PDF
        </Button>
        <Button
          variant="outlined"
          disabled={!groups}
          onClick={() => scoring && groups && void exportRanking(year, title, scoring, groups, parts)}
        >
          导出Excel
        </Button>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={period}
          onChange={(_e, v: Period | null) => v && setPeriod(v)}
          aria-label="排名周期"
        >
          {(Object.keys(periodLabels) as Period[]).map((p) => (
            <ToggleButton key={p} value={p}>
              {periodLabels[p]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(routes.ranking(m))} />
        <Button variant="outlined" onClick={() => navigateTo(routes.lists(month))}>
          红黑榜
        </Button>
      </ScreenHeader>
      <Typography color="text.secondary" className="screen-only">
        {period === 'month'
          ? `${month}月得分`
          : period === 'quarter'
            ? `第${quarterOf(month)}季度（截至${month}月）月均得分`
            : `${year.year}年截至${month}月的年度综合得分`}
        ；同分同名次；“变化”对比上一期（上一期尚无进展数据时显示“—”）。
      </Typography>
      {period === 'year' && standing && data && <CompositeNote standing={standing} data={data} month={month} />}
      {scoring && groups && (
        <PrintDocument title={title} issuer="区政府督查室" date={scoring.view.today}>
          {[...groups.entries()].map(([group, ranked]) => (
            <div key={group}>
              <h2 style={{ fontSize: '16pt', margin: '12pt 0 6pt' }}>{group}</h2>
              <table>
                <thead>
                  <tr>
                    <th>名次</th>
                    <th>单位</th>
                    {parts && (
                      <>
                        <th>过程得分</th>
                        <th>评估得分</th>
                      </>
                    )}
                    <th>{parts ? '综合得分' : '得分'}</th>
                    <th>变化</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((r) => (
                    <tr key={r.unitId}>
                      <td>{r.rank}</td>
                      <td>{scoring.unitById.get(r.unitId)?.name}</td>
                      {parts && (
                        <>
                          <td>{parts.get(r.unitId)?.process}</td>
                          <td>{evaluationText(parts.get(r.unitId))}</td>
                        </>
                      )}
                      <td>{r.score}</td>
                      <td>{movementText(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </PrintDocument>
      )}
      {scoring &&
        groups &&
        [...groups.entries()].map(([group, ranked]) => (
          <Paper key={group} variant="outlined" className="screen-only">
            <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
              {group}
            </Typography>
            {/* Fixed widths but the unit's: the columns of every group's table line up. */}
            <Table size="small" aria-label={`${group}排名`} sx={{ tableLayout: 'fixed' }}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 64 }}>名次</TableCell>
                  <TableCell>单位</TableCell>
                  {parts && (
                    <>
                      <TableCell sx={{ width: 96 }}>过程得分</TableCell>
                      <TableCell sx={{ width: 96 }}>评估得分</TableCell>
                    </>
                  )}
                  <TableCell sx={{ width: 96 }}>{parts ? '综合得分' : '得分'}</TableCell>
                  <TableCell sx={{ width: 96 }}>变化</TableCell>
                  <TableCell sx={{ width: 140 }}>趋势</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {ranked.slice(0, Math.max(0, shown - (offsets.get(group) ?? 0))).map((r) => (
                  <TableRow key={r.unitId} {...linkRow(() => navigateTo(routes.unit(r.unitId)))}>
                    <TableCell>{r.rank}</TableCell>
                    <TableCell>
                      {/* The row is the keyboard's stop (Enter opens, arrows move): the link is no second one. */}
                      <Link
                        href={hrefOf(routes.unit(r.unitId))}
                        color="inherit"
                        tabIndex={-1}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {scoring.unitById.get(r.unitId)?.name}
                      </Link>
                    </TableCell>
                    {parts && (
                      <>
                        <TableCell>{parts.get(r.unitId)?.process}</TableCell>
                        <TableCell>{evaluationText(parts.get(r.unitId))}</TableCell>
                      </>
                    )}
                    <TableCell>{r.score}</TableCell>
                    <TableCell>
                      <Movement ranked={r} />
                    </TableCell>
                    <TableCell>
                      <Sparkline
                        label={`${scoring.unitById.get(r.unitId)?.name ?? ''}各月得分`}
                        values={months.map((m) => scoring.board.scoreOf(m, r.unitId) ?? 100)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        ))}
    </Stack>
  );
}

function periodTitle(period: Period, month: number): string {
  return period === 'month' ? `${month}月` : period === 'quarter' ? `第${quarterOf(month)}季度` : `1—${month}月`;
}

function movementText(r: RankedUnit): string {
  if (r.movement === undefined) return '—';
  return r.movement > 0 ? `↑${r.movement}` : r.movement < 0 ? `↓${-r.movement}` : '持平';
}

async function exportRanking(
  year: WorkYear,
  title: string,
  scoring: Scoring,
  groups: Map<string, RankedUnit[]>,
  parts?: Map<string, CompositeParts>,
) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const bytes = await writeWorkbook(
    [
      {
        name: '赛马排名',
        title,
        subtitle: '区政府督查室',
        columns: [
          { header: '分组', key: 'group', width: 12 },
          { header: '名次', key: 'rank', width: 6 },
          { header: '单位', key: 'unit', width: 24 },
          ...(parts
            ? [
                { header: '过程得分', key: 'process', width: 10 },
                { header: '评估得分', key: 'evaluation', width: 10 },
              ]
            : []),
          { header: parts ? '综合得分' : '得分', key: 'score', width: 10 },
          { header: '变化', key: 'movement', width: 8 },
        ],
        rows: [...groups.entries()].flatMap(([group, ranked]) =>
          ranked.map((r) => ({
            group,
            rank: r.rank,
            unit: scoring.unitById.get(r.unitId)?.name,
            score: r.score,
            movement: movementText(r),
            ...(parts
              ? { process: parts.get(r.unitId)?.process, evaluation: evaluationText(parts.get(r.unitId)) }
              : {}),
          })),
        ),
      },
    ],
    { mark: sampleMark(year) },
  );
  await desktop.saveFile({ suggestedName: `${title}.xlsx`, bytes });
}

/** A unit's evaluation part in the year's ranking: its score, or that it has none. */
function evaluationText(parts: CompositeParts | undefined): string | number {
  return parts?.evaluation ?? '无评估';
}

/** How the year's composite is made, and what it does not (yet) include. */
function CompositeNote({ standing, data, month }: { standing: YearStanding; data: EvaluationData; month: number }) {
  const range = standing.months.length > 1 ? `${standing.months[0]}—${month}月` : `${month}月`;
  return (
    <Stack spacing={1} className="screen-only">
      <Typography variant="body2" aria-label="综合得分说明">
        年度综合得分 = 过程得分（{range}月均得分）× {shareText(standing.shares.process)} + 第三方评估得分 ×{' '}
        {shareText(standing.shares.evaluation)}； 评估得分按 {raterWeightsText(data.settings)}{' '}
        加权（只计有结果的评价主体，按比例折算）；“无评估”的单位按过程得分计。
      </Typography>
      {standing.unevaluated.length > 0 && (
        <Alert severity="info">
          尚无第三方评估得分、按过程得分排名的单位：{standing.unevaluated.map((u) => u.name).join('、')}。
        </Alert>
      )}
      {data.pending.length > 0 && (
        <Alert
          severity="warning"
          action={
            <Button size="small" onClick={() => navigateTo(routes.evaluation())}>
              去查看
            </Button>
          }
        >
          有 {data.pending.length} 条第三方评估结果样本偏少，尚未采纳，未计入综合得分。
        </Alert>
      )}
    </Stack>
  );
}

function Movement({ ranked }: { ranked: RankedUnit }) {
  if (ranked.movement === undefined) return <span>—</span>;
  if (ranked.movement > 0)
    return (
      <Box component="span" sx={{ color: 'success.main' }}>
        ↑{ranked.movement}
      </Box>
    );
  if (ranked.movement < 0)
    return (
      <Box component="span" sx={{ color: 'error.main' }}>
        ↓{-ranked.movement}
      </Box>
    );
  return <span>持平</span>;
}

function rankedFor(scoring: Scoring, period: Period, month: number, months: number[]): Map<string, RankedUnit[]> {
  if (period === 'month') {
    const groups = new Map<string, RankedUnit[]>();
    for (const r of scoring.current.ranked) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
    return groups;
  }
  const units = [...scoring.unitById.values()];
  const scoresOver = (ms: number[]) =>
    units.flatMap((u) => {
      const score = periodScore(
        ms.flatMap((m) => {
          const s = scoring.board.scoreOf(m, u.id);
          return s === undefined ? [] : [{ month: m, score: s }];
        }),
        ms,
      );
      return score === undefined ? [] : [{ unitId: u.id, score }];
    });
  // Movement only against a period with data (reports received or a month published).
  const withData = (ms: number[]) => (ms.some((m) => scoring.board.month(m).hasData) ? ms : []);
  if (period === 'quarter') {
    const q = quarterOf(month);
    const current = quarterMonths(q).filter((m) => months.includes(m));
    const previous = withData(quarterMonths(q - 1).filter((m) => months.includes(m)));
    return rankGroups(scoresOver(current), units, previous.length ? scoresOver(previous) : undefined);
  }
  const previous = withData(months.slice(0, -1));
  return rankGroups(scoresOver(months), units, previous.length ? scoresOver(previous) : undefined);
}
