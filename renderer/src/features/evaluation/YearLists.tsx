import { Stack, Typography } from '@mui/material';
import { shareText } from '../../core/evaluation';
import type { ListedUnit } from '../../core/ranking';
import { desktop } from '../../io/desktop';
import type { Scoring } from '../scoring/useScoring';
import type { YearStanding } from './useEvaluation';

const cell = {
  border: '1px solid #999',
  padding: '4px 6px',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};
const short = { ...cell, whiteSpace: 'nowrap' as const, width: '1%' };

function groupsOf(standing: YearStanding): { name: string; red: ListedUnit[]; black: ListedUnit[] }[] {
  const names = [...standing.groups.keys()];
  return names.map((name) => ({
    name,
    red: standing.lists.red.filter((l) => l.group === name),
    black: standing.lists.black.filter((l) => l.group === name),
  }));
}

/** The year's 红黑榜 by the composite, with its parts: process score, evaluation score, weights. */
export function YearListsTables({ standing, scoring }: { standing: YearStanding; scoring: Scoring }) {
  const row = (kind: '红榜' | '黑榜', l: ListedUnit) => {
    const p = standing.parts.get(l.unitId);
    return (
      <tr key={l.unitId} data-list={kind}>
        <td style={{ ...short, color: kind === '红榜' ? '#b71c1c' : 'black', fontWeight: 700 }}>{kind}</td>
        <td style={short}>{l.rank}</td>
        <td style={short}>{scoring.unitById.get(l.unitId)?.name}</td>
        <td style={short}>{p?.process}</td>
        <td style={short}>{p?.evaluation ?? '无评估'}</td>
        <td style={short}>{l.score}</td>
        <td style={cell}>{l.reason}</td>
      </tr>
    );
  };
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        综合得分 = 过程得分 × {shareText(standing.shares.process)} + 第三方评估得分 ×{' '}
        {shareText(standing.shares.evaluation)}；“无评估”的单位按过程得分计。
      </Typography>
      {groupsOf(standing).map((g) => (
        <div key={g.name}>
          <Typography variant="h6" component="h3">
            {g.name}
          </Typography>
          <table aria-label={`${g.name}年度红黑榜`} style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={short}>榜单</th>
                <th style={short}>名次</th>
                <th style={short}>单位</th>
                <th style={short}>过程得分</th>
                <th style={short}>评估得分</th>
                <th style={short}>综合得分</th>
                <th style={cell}>主要情况</th>
              </tr>
            </thead>
            <tbody>
              {g.red.map((l) => row('红榜', l))}
              {g.black.map((l) => row('黑榜', l))}
              {g.red.length + g.black.length === 0 && (
                <tr>
                  <td style={cell} colSpan={7}>
                    本组无单位上榜
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

export async function exportYearListsXlsx(title: string, standing: YearStanding, scoring: Scoring) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const line = (group: string, list: string, l: ListedUnit) => {
    const p = standing.parts.get(l.unitId);
    return {
      group,
      list,
      rank: l.rank,
      unit: scoring.unitById.get(l.unitId)?.name,
      process: p?.process,
      evaluation: p?.evaluation ?? '无评估',
      score: l.score,
      reason: l.reason,
    };
  };
  const bytes = await writeWorkbook([
    {
      name: '年度红黑榜',
      title,
      subtitle: `区政府督查室；综合得分 = 过程得分 × ${shareText(standing.shares.process)} + 第三方评估得分 × ${shareText(standing.shares.evaluation)}`,
      columns: [
        { header: '分组', key: 'group', width: 12 },
        { header: '榜单', key: 'list', width: 8 },
        { header: '名次', key: 'rank', width: 6 },
        { header: '单位', key: 'unit', width: 22, wrap: true },
        { header: '过程得分', key: 'process', width: 10 },
        { header: '评估得分', key: 'evaluation', width: 10 },
        { header: '综合得分', key: 'score', width: 10 },
        { header: '主要情况', key: 'reason', width: 44, wrap: true },
      ],
      rows: groupsOf(standing).flatMap((g) => [
        ...g.red.map((l) => line(g.name, '红榜', l)),
        ...g.black.map((l) => line(g.name, '黑榜', l)),
      ]),
    },
  ]);
  await desktop.saveFile({ suggestedName: `${title}.xlsx`, bytes });
}
