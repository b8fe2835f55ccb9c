import { Stack, Typography } from '@mui/material';
import { shareText } from '../../core/evaluation';
import { listGroups, type ListedUnit, type ListGroup } from '../../core/ranking';
import { ListGroupTable, unitColumnWidth } from '../../ui/ListGroupTable';
import { desktop } from '../../io/desktop';
import type { Scoring } from '../../ui/useScoring';
import type { YearStanding } from '../../ui/useYearStanding';

function groupsOf(standing: YearStanding): ListGroup[] {
  return listGroups(standing.lists, standing.groups.keys());
}

/** The year's 红黑榜 by the composite, with its parts: process score, evaluation score, weights. */
export function YearListsTables({ standing, scoring }: { standing: YearStanding; scoring: Scoring }) {
  const extra = [
    { header: '过程得分', value: (l: ListedUnit) => standing.parts.get(l.unitId)?.process },
    { header: '评估得分', value: (l: ListedUnit) => standing.parts.get(l.unitId)?.evaluation ?? '无评估' },
  ];
  const unitName = (id: string) => scoring.unitById.get(id)?.name ?? '';
  const groups = groupsOf(standing);
  const unitWidth = unitColumnWidth(groups, unitName);
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        综合得分 = 过程得分 × {shareText(standing.shares.process)} + 第三方评估得分 ×{' '}
        {shareText(standing.shares.evaluation)}；“无评估”的单位按过程得分计。
      </Typography>
      {groups.map((g) => (
        <ListGroupTable
          key={g.name}
          group={g}
          label={`${g.name}年度红黑榜`}
          unitName={unitName}
          unitLinks
          scoreHeader="综合得分"
          extra={extra}
          unitWidth={unitWidth}
        />
      ))}
    </Stack>
  );
}

export async function exportYearListsXlsx(
  title: string,
  standing: YearStanding,
  scoring: Scoring,
  mark: string | undefined,
) {
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
  const bytes = await writeWorkbook(
    [
      {
        name: '年度红黑榜',
        title,
        subtitle: `区政府督查室；综合得分 = 过程得分 × ${shareText(standing.shares.process)} + 第三方评估得分 × ${shareText(standing.shares.evaluation)}`,
        columns: [
          { header: '分组', key: 'group', width: 12 },
          { header: '榜单', key: 'list', width: 10 },
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
          ...(g.noRed !== undefined ? [{ group: g.name, list: '无红榜', reason: g.noRed }] : []),
          ...g.heldOff.map((l) => line(g.name, '未列入红榜', l)),
        ]),
      },
    ],
    { mark },
  );
  await desktop.saveFile({ suggestedName: `${title}.xlsx`, bytes });
}
