import type { ReactNode } from 'react';
import { Typography } from '@mui/material';
import type { ListedUnit, ListGroup } from '../core/ranking';
import { routes } from './routes';
import { hrefOf } from './useHashRoute';

// One group's 红黑榜 as a plain table: the same on screen and on paper (PrintDocument), for the
// month's lists and the year's. Names and numbers never wrap (a name broken over three lines is
// unreadable on paper); the reasons do.
export const listCell = {
  border: '1px solid #999',
  padding: '4px 6px',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};
export const listShortCell = { ...listCell, whiteSpace: 'nowrap' as const, width: '1%' };
// A screen shows one table per group: the same widths in each (the unit's from the longest name
// of them all) keep their columns in line.
const nowrapCell = { ...listCell, whiteSpace: 'nowrap' as const };
const fixedCell = (width: string) => ({ ...nowrapCell, width });

/** The 单位 column's width for these groups: their longest unit name, one em per character. */
export function unitColumnWidth(groups: readonly ListGroup[], unitName: (unitId: string) => string): string {
  const names = groups.flatMap((g) => [...g.red, ...g.black].map((l) => unitName(l.unitId)));
  return `${Math.max(4, ...names.map((n) => n.length)) + 1}em`;
}

/** Columns between 单位 and 主要情况 (the year's process and evaluation scores, say). */
export interface ExtraColumn {
  header: string;
  value(l: ListedUnit): ReactNode;
}

/** '东城街道 98分：1项滞后，不列入红榜' */
export function heldOffText(l: ListedUnit, unitName: string): string {
  return `${unitName} ${l.score}分：${l.reason}`;
}

export function ListGroupTable({
  group,
  label,
  unitName,
  unitLinks = false,
  scoreHeader = '得分',
  extra = [],
  unitWidth,
}: {
  group: ListGroup;
  /** The table's accessible name. */
  label: string;
  unitName(unitId: string): string;
  /** Names link to the unit's page (on screen; on paper a link reads as its text). */
  unitLinks?: boolean;
  scoreHeader?: string;
  extra?: ExtraColumn[];
  /** From unitColumnWidth over all the groups shown together. */
  unitWidth: string;
}) {
  const columns = 5 + extra.length;
  const row = (kind: '红榜' | '黑榜', l: ListedUnit) => (
    <tr key={l.unitId} data-list={kind}>
      <td style={{ ...nowrapCell, color: kind === '红榜' ? '#b71c1c' : 'black', fontWeight: 700 }}>{kind}</td>
      <td style={nowrapCell}>{l.rank}</td>
      <td style={nowrapCell}>
        {unitLinks ? (
          <a href={hrefOf(routes.unit(l.unitId))} style={{ color: 'inherit' }}>
            {unitName(l.unitId)}
          </a>
        ) : (
          unitName(l.unitId)
        )}
      </td>
      {extra.map((c) => (
        <td key={c.header} style={nowrapCell}>
          {c.value(l)}
        </td>
      ))}
      <td style={nowrapCell}>{l.score}</td>
      <td style={listCell}>{l.reason}</td>
    </tr>
  );
  return (
    <div>
      <Typography variant="h6" component="h3">
        {group.name}
      </Typography>
      <table aria-label={label} style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={fixedCell('3em')}>榜单</th>
            <th style={fixedCell('3em')}>名次</th>
            <th style={fixedCell(unitWidth)}>单位</th>
            {extra.map((c) => (
              <th key={c.header} style={fixedCell('5.5em')}>
                {c.header}
              </th>
            ))}
            <th style={fixedCell('5.5em')}>{scoreHeader}</th>
            <th style={listCell}>主要情况</th>
          </tr>
        </thead>
        <tbody>
          {group.red.map((l) => row('红榜', l))}
          {group.black.map((l) => row('黑榜', l))}
          {group.noRed !== undefined && (
            <tr data-note="no-red">
              <td style={listCell} colSpan={columns}>
                本组无红榜：{group.noRed}。
              </td>
            </tr>
          )}
          {group.heldOff.map((l) => (
            <tr key={l.unitId} data-note="held-off">
              <td style={listCell} colSpan={columns}>
                未列入红榜：{heldOffText(l, unitName(l.unitId))}。
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
