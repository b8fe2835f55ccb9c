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
}: {
  group: ListGroup;
  /** The table's accessible name. */
  label: string;
  unitName(unitId: string): string;
  /** Names link to the unit's page (on screen; on paper a link reads as its text). */
  unitLinks?: boolean;
  scoreHeader?: string;
  extra?: ExtraColumn[];
}) {
  const columns = 5 + extra.length;
  const row = (kind: '红榜' | '黑榜', l: ListedUnit) => (
    <tr key={l.unitId} data-list={kind}>
      <td style={{ ...listShortCell, color: kind === '红榜' ? '#b71c1c' : 'black', fontWeight: 700 }}>{kind}</td>
      <td style={listShortCell}>{l.rank}</td>
      <td style={listShortCell}>
        {unitLinks ? (
          <a href={hrefOf(routes.unit(l.unitId))} style={{ color: 'inherit' }}>
            {unitName(l.unitId)}
          </a>
        ) : (
          unitName(l.unitId)
        )}
      </td>
      {extra.map((c) => (
        <td key={c.header} style={listShortCell}>
          {c.value(l)}
        </td>
      ))}
      <td style={listShortCell}>{l.score}</td>
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
            <th style={listShortCell}>榜单</th>
            <th style={listShortCell}>名次</th>
            <th style={listShortCell}>单位</th>
            {extra.map((c) => (
              <th key={c.header} style={listShortCell}>
                {c.header}
              </th>
            ))}
            <th style={listShortCell}>{scoreHeader}</th>
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
