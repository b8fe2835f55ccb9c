import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { scoreEntryStateLabels, type ScoreEntry, type WorkYear } from '../../core/model';
import { entryKey, type MonthEntry } from '../../core/scoring';
import { addManualEntry, confirmProposals, waiveProposal, withdrawDecision, type Proposal } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { reviewRow } from '../../ui/reviewRows';
import { FormDialog } from '../../ui/FormDialog';
import { useProgressive } from '../../ui/useProgressive';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { ActionAlert, useAction } from '../../ui/useAction';
import { MonthPicker, useScreenMonth } from '../../ui/MonthPicker';
import { useScoring, type Scoring } from '../../ui/useScoring';
import { ScreenHeader } from '../../ui/ScreenHeader';

const stateColors: Record<ScoreEntry['state'], 'default' | 'success' | 'warning'> = {
  proposed: 'warning',
  confirmed: 'success',
  waived: 'default',
};

/** 加扣分: the deductions the month's facts propose, each with its evidence, for a reviewer to confirm or waive. */
export function ScoresScreen({ monthParam }: { monthParam?: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, monthParam);
  const scoring = useScoring(year, month);
  const { message, setMessage, run: act } = useAction();
  const [waiving, setWaiving] = useState<MonthEntry>();
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<{ entries: MonthEntry[]; scope: string }>();

  return (
    <Stack spacing={2}>
      <ScreenHeader title="加扣分">
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(routes.scores(m))} />
        {scoring && !scoring.view.published && scoring.current.undecided.length > 0 && (
          <Button
            variant="contained"
            onClick={() => setConfirming({ entries: scoring.current.undecided, scope: '全部单位' })}
          >
            全部确认（{scoring.current.undecided.length}）
          </Button>
        )}
        <Button variant="outlined" onClick={() => setAdding(true)} disabled={!scoring || scoring.view.published}>
          手工加扣分
        </Button>
        <Button variant="outlined" onClick={() => navigateTo(routes.ranking(month))}>
          赛马排名
        </Button>
      </ScreenHeader>
      <Typography color="text.secondary">
        根据{month}
        月的报送、进展和督查反馈自动提出建议；确认后计入得分，免扣须说明原因；采纳了滞后原因说明的任务，相应扣分自动免扣。
      </Typography>
      {scoring?.view.published && <Alert severity="info">{month}月已发布，加扣分已冻结。</Alert>}
      <ActionAlert message={message} onClose={() => setMessage(undefined)} />
      {scoring && (
        <EntryTables
          scoring={scoring}
          onConfirm={(entries) => act(() => confirmProposals(year.id, month, entries.map(proposalOf)))}
          onConfirmUnit={(entries, unit) => setConfirming({ entries, scope: unit })}
          onWaive={setWaiving}
          onWithdraw={(id) => act(() => withdrawDecision(id))}
        />
      )}
      {confirming && scoring && (
        <ConfirmDialog
          open
          title={`确认${month}月加扣分`}
          text={`将确认${confirming.scope}的${confirming.entries.length}项加扣分建议，确认后计入得分：`}
          confirmLabel={`确认${confirming.entries.length}项`}
          color="primary"
          onConfirm={() => confirmProposals(year.id, month, confirming.entries.map(proposalOf))}
          onClose={() => setConfirming(undefined)}
        >
          <ProposalSummary entries={confirming.entries} scoring={scoring} />
        </ConfirmDialog>
      )}
      {waiving && <WaiveDialog year={year} month={month} entry={waiving} onClose={() => setWaiving(undefined)} />}
      {adding && scoring && (
        <ManualDialog year={year} month={month} scoring={scoring} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}

/** A shown entry as the proposal to decide on. */
function proposalOf(e: MonthEntry): Proposal {
  return {
    key: entryKey(e),
    unitId: e.unitId,
    ruleId: e.ruleId,
    points: e.points,
    reason: e.reason,
    evidence: e.evidence,
  };
}

/** What a bulk confirmation covers, by rule: how many entries and their points. */
function ProposalSummary({ entries, scoring }: { entries: MonthEntry[]; scoring: Scoring }) {
  const byRule = new Map<string, { count: number; points: number }>();
  for (const e of entries) {
    const sum = byRule.get(e.ruleId) ?? { count: 0, points: 0 };
    byRule.set(e.ruleId, { count: sum.count + 1, points: sum.points + e.points });
  }
  const units = new Set(entries.map((e) => e.unitId)).size;
  const ruleName = (id: string) => scoring.rules.find((r) => r.id === id)?.name ?? id;
  return (
    <Table size="small" aria-label="将确认的加扣分" sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell>规则</TableCell>
          <TableCell align="right">项数</TableCell>
          <TableCell align="right">分值合计</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...byRule].map(([ruleId, sum]) => (
          <TableRow key={ruleId}>
            <TableCell>{ruleName(ruleId)}</TableCell>
            <TableCell align="right">{sum.count}</TableCell>
            <TableCell align="right">{sum.points > 0 ? `+${sum.points}` : sum.points}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell sx={{ fontWeight: 700 }}>合计（{units}个单位）</TableCell>
          <TableCell align="right" sx={{ fontWeight: 700 }}>
            {entries.length}
          </TableCell>
          <TableCell />
        </TableRow>
      </TableBody>
    </Table>
  );
}

function EntryTables({
  scoring,
  onConfirm,
  onConfirmUnit,
  onWaive,
  onWithdraw,
}: {
  scoring: Scoring;
  onConfirm(entries: MonthEntry[]): void;
  onConfirmUnit(entries: MonthEntry[], unit: string): void;
  onWaive(e: MonthEntry): void;
  onWithdraw(id: string): void;
}) {
  const frozen = scoring.view.published;
  const byUnit = new Map<string, MonthEntry[]>();
  for (const e of scoring.current.entries) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);
  const units = [...byUnit.keys()]
    .map((id) => scoring.unitById.get(id)!)
    .filter(Boolean)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const scoreOf = (unitId: string) => scoring.board.scoreOf(scoring.month, unitId);
  const shown = useProgressive(units.length, 3, 4);
  if (units.length === 0) return <Typography color="text.secondary">本月暂无加扣分事项。</Typography>;
  return (
    <>
      {units.slice(0, shown).map((unit) => {
        const list = byUnit.get(unit.id)!;
        const proposed = list.filter((e) => !e.decided && e.state === 'proposed');
        return (
          <Paper key={unit.id} variant="outlined" component="section" aria-label={`${unit.name}的加扣分`}>
            <Stack direction="row" sx={{ alignItems: 'center', p: 2, pb: 1 }}>
              <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
                {unit.name}
                <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                  本月得分 {scoreOf(unit.id)}
                </Typography>
              </Typography>
              {!frozen && proposed.length > 0 && (
                <Button size="small" onClick={() => onConfirmUnit(proposed, unit.name)}>
                  全部确认（{proposed.length}）
                </Button>
              )}
            </Stack>
            <Box sx={{ overflow: 'auto' }}>
              {/* The same fixed widths in every unit's table, so their columns line up down the screen. */}
              <Table size="small" sx={{ tableLayout: 'fixed', minWidth: 900 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>事项</TableCell>
                    <TableCell sx={{ width: 72 }}>分值</TableCell>
                    <TableCell sx={{ width: '30%' }}>依据</TableCell>
                    <TableCell sx={{ width: 200 }}>状态</TableCell>
                    <TableCell sx={{ width: 150 }} align="right">
                      操作
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {list.map((e) => (
                    <TableRow
                      key={e.id}
                      data-rule={e.ruleId}
                      aria-label={`${e.reason}，${e.points}分，${scoreEntryStateLabels[e.state]}`}
                      {...reviewRow(() => {
                        if (!frozen && e.automatic && !e.decided && e.state === 'proposed') onConfirm([e]);
                      })}
                    >
                      <TableCell>{e.reason}</TableCell>
                      <TableCell sx={{ color: e.points < 0 ? 'error.main' : 'success.main', fontWeight: 700 }}>
                        {e.points > 0 ? `+${e.points}` : e.points}
                      </TableCell>
                      <TableCell sx={{ fontSize: 12 }}>{evidenceText(e, scoring)}</TableCell>
                      <TableCell>
                        <Chip size="small" color={stateColors[e.state]} label={scoreEntryStateLabels[e.state]} />
                        {e.basisChanged && (
                          <Chip
                            size="small"
                            color="error"
                            variant="outlined"
                            label="依据已变化"
                            title="作出决定后，本月的进展或报送情况发生了变化，已不再产生此项；请复核后撤回或保留"
                            sx={{ ml: 0.5 }}
                          />
                        )}
                        {e.decisionNote && (
                          <Typography variant="caption" sx={{ display: 'block' }}>
                            {e.decisionNote}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {!frozen && e.automatic && !e.decided && e.state === 'proposed' && (
                          <>
                            <Button size="small" onClick={() => onConfirm([e])}>
                              确认
                            </Button>
                            <Button size="small" color="warning" onClick={() => onWaive(e)}>
                              免扣
                            </Button>
                          </>
                        )}
                        {!frozen && e.automatic && e.decided && (
                          <Button size="small" onClick={() => onWithdraw(e.id)}>
                            撤回
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Paper>
        );
      })}
    </>
  );
}

function evidenceText(e: ScoreEntry, scoring: Scoring): string {
  if (!e.automatic) return `手工录入（${e.decidedBy ?? ''}）`;
  const parts: string[] = [];
  const task = e.evidence?.taskId
    ? scoring.view.rows.find((r) => r.task.id === e.evidence!.taskId)?.task.title
    : undefined;
  if (task) parts.push(`任务：${task}`);
  if (e.evidence?.file) parts.push(`文件：${e.evidence.file}${e.evidence.row ? ` 第${e.evidence.row}行` : ''}`);
  return parts.join('；');
}

function WaiveDialog({
  year,
  month,
  entry,
  onClose,
}: {
  year: WorkYear;
  month: number;
  entry: MonthEntry;
  onClose(): void;
}) {
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title="免扣"
      saveLabel="免扣"
      onSave={() => waiveProposal(year.id, month, proposalOf(entry), note.trim())}
      onClose={onClose}
    >
      <Typography>
        {entry.reason}（{entry.points}分）
      </Typography>
      <TextField autoFocus fullWidth label="免扣原因" value={note} onChange={(e) => setNote(e.target.value)} />
    </FormDialog>
  );
}

function ManualDialog({
  year,
  month,
  scoring,
  onClose,
}: {
  year: WorkYear;
  month: number;
  scoring: Scoring;
  onClose(): void;
}) {
  const units = [...scoring.unitById.values()].sort((a, b) => a.sortOrder - b.sortOrder);
  const [unitId, setUnitId] = useState('');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={`手工加扣分（${month}月）`}
      canSave={unitId !== '' && points !== ''}
      onSave={() => addManualEntry({ yearId: year.id, month, unitId, points: Number(points), reason: reason.trim() })}
      onClose={onClose}
    >
      <TextField select label="单位" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        {units.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField type="number" label="分值（扣分填负数）" value={points} onChange={(e) => setPoints(e.target.value)} />
      <TextField
        label="事由"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="如：区领导批示肯定、通报批评"
      />
    </FormDialog>
  );
}
