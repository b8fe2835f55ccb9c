import {
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
import { scoreEntryStateLabels } from '../../core/model';
import { useInterviews } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { windowMonths } from '../../core/calendar';
import { useScreenMonth } from '../../ui/MonthPicker';
import { useScoring } from '../../ui/useScoring';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { UnitEvaluationPanel } from '../../ui/EvaluationPanels';
import { chineseDate } from '../../core/dates';

/** A unit's 赛马 record: monthly scores, every entry with its evidence, the lists it was on, its 约谈. */
export function UnitPage({ unitId }: { unitId: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, undefined);
  const scoring = useScoring(year, month);
  const interviews = useInterviews(year.id);
  if (!scoring) return null;
  const unit = scoring.unitById.get(unitId);
  if (!unit) return <Typography>找不到该单位。</Typography>;
  const months = windowMonths(year).filter((m) => m <= month);
  const entries = months.flatMap((m) => scoring.board.month(m).entries.filter((e) => e.unitId === unitId));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} className="screen-only">
        <Button onClick={() => navigateTo(routes.ranking(month))}>← 赛马排名</Button>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {unit.name}
        </Typography>
        <Chip size="small" label={unit.rankingGroup} />
        <Button variant="outlined" onClick={() => desktop.printView({ mode: 'print' })}>
          打印得分表
        </Button>
      </Stack>
      <PrintDocument title={`${unit.name}${year.year}年重点工作得分表`} issuer="区政府督查室" date={scoring.view.today}>
        <table>
          <thead>
            <tr>
              <th>月份</th>
              <th>事项</th>
              <th>分值</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.month}月</td>
                <td>{e.reason}</td>
                <td>{e.points}</td>
                <td>{scoreEntryStateLabels[e.state]}</td>
              </tr>
            ))}
            {months.map((m) => (
              <tr key={`total-${m}`}>
                <td>{m}月</td>
                <td>月度得分</td>
                <td colSpan={2}>{scoring.board.scoreOf(m, unitId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintDocument>
      <Paper variant="outlined" className="screen-only">
        <Table size="small" aria-label="各月得分">
          <TableHead>
            <TableRow>
              <TableCell>月份</TableCell>
              <TableCell>得分</TableCell>
              <TableCell>榜单</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {months.map((m) => {
              const lists = scoring.board.month(m).lists;
              const on = lists.red.some((l) => l.unitId === unitId)
                ? '红榜'
                : lists.black.some((l) => l.unitId === unitId)
                  ? '黑榜'
                  : '';
              return (
                <TableRow key={m}>
                  <TableCell>{m}月</TableCell>
                  <TableCell>{scoring.board.scoreOf(m, unitId)}</TableCell>
                  <TableCell>{on}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      <UnitEvaluationPanel year={year} month={month} scoring={scoring} unitId={unitId} />
      <Paper variant="outlined" className="screen-only">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
          加扣分记录
        </Typography>
        <Table size="small" aria-label="加扣分记录">
          <TableHead>
            <TableRow>
              <TableCell>月份</TableCell>
              <TableCell>事项</TableCell>
              <TableCell>分值</TableCell>
              <TableCell>状态</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={4} sx={{ color: 'text.secondary' }}>
                  暂无。
                </TableCell>
              </TableRow>
            )}
            {entries.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{e.month}月</TableCell>
                <TableCell>
                  {e.reason}
                  {e.evidence?.file ? `（${e.evidence.file}${e.evidence.row ? ` 第${e.evidence.row}行` : ''}）` : ''}
                </TableCell>
                <TableCell>{e.points}</TableCell>
                <TableCell>
                  {scoreEntryStateLabels[e.state]}
                  {e.decisionNote ? `：${e.decisionNote}` : ''}
                  {e.basisChanged ? '（依据已变化）' : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Paper variant="outlined" className="screen-only">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>
          约谈
        </Typography>
        <Table size="small" aria-label="约谈记录">
          <TableHead>
            <TableRow>
              <TableCell>日期</TableCell>
              <TableCell>事由</TableCell>
              <TableCell>参加人员</TableCell>
              <TableCell>约谈情况</TableCell>
              <TableCell>整改跟踪</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {interviews
              ?.filter((i) => i.unitId === unitId)
              .map((i) => (
                <TableRow key={i.id}>
                  <TableCell>{chineseDate(i.date)}</TableCell>
                  <TableCell>{i.reason}</TableCell>
                  <TableCell>{i.attendees}</TableCell>
                  <TableCell>{i.outcome}</TableCell>
                  <TableCell>{i.followUp}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
