import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Checkbox,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { defaultListSettings, type ListSettings } from '../../core/ranking';
import { autoRuleIds, defaultCompositeWeights, effectiveScoreRules, type CompositeWeights } from '../../core/scoring';
import type { ScoreRule, WorkYear } from '../../core/model';
import { putSetting, updateScoreRule, useScoreRules, useSetting } from '../../db';
import { userMessage } from '../../ui/errors';

/**
 * The year's rule table (PRODUCT.md §5). Entries keep the points they were proposed with, so a
 * change applies to months whose entries are not yet decided; a published month is frozen.
 */
export function ScoreRulesPanel({ year }: { year: WorkYear }) {
  const stored = useScoreRules(year.id);
  const rules = stored && effectiveScoreRules(year.id, stored);
  const [error, setError] = useState<string>();
  const ordered = [...(rules ?? [])].sort(
    (a, b) => autoRuleIds.indexOf(a.id as never) - autoRuleIds.indexOf(b.id as never),
  );
  const update = (rule: ScoreRule, patch: Parameters<typeof updateScoreRule>[2]) =>
    updateScoreRule(year.id, rule.id, patch).then(
      () => setError(undefined),
      (e) => setError(userMessage(e)),
    );

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h3">
        {year.year}年度加扣分规则
      </Typography>
      <Typography variant="body2" color="text.secondary">
        修改只影响尚未确认的建议；已确认的分值和已发布的月份保持不变。
      </Typography>
      <Table size="small" aria-label="加扣分规则">
        <TableHead>
          <TableRow>
            <TableCell>规则</TableCell>
            <TableCell>分值</TableCell>
            <TableCell>每月上限</TableCell>
            <TableCell>仅牵头单位</TableCell>
            <TableCell>启用</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ordered.map((rule) => (
            <TableRow key={rule.id}>
              <TableCell>{rule.name}</TableCell>
              <TableCell>
                <NumberCell
                  label={`${rule.name}分值`}
                  value={rule.points}
                  onCommit={(points) => points !== undefined && update(rule, { points })}
                />
              </TableCell>
              <TableCell>
                <NumberCell label={`${rule.name}每月上限`} value={rule.cap} onCommit={(cap) => update(rule, { cap })} />
              </TableCell>
              <TableCell>
                <Checkbox
                  checked={rule.leadUnitOnly}
                  onChange={(e) => update(rule, { leadUnitOnly: e.target.checked })}
                  slotProps={{ input: { 'aria-label': `${rule.name}仅牵头单位` } }}
                />
              </TableCell>
              <TableCell>
                <Checkbox
                  checked={rule.enabled}
                  onChange={(e) => update(rule, { enabled: e.target.checked })}
                  slotProps={{ input: { 'aria-label': `启用${rule.name}` } }}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      <ListAndWeightSettings />
    </Paper>
  );
}

function NumberCell({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | undefined;
  onCommit(v: number | undefined): void;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  return (
    <TextField
      size="small"
      type="number"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => onCommit(text.trim() === '' ? undefined : Number(text))}
      slotProps={{ htmlInput: { 'aria-label': label } }}
      sx={{ width: 90 }}
    />
  );
}

/** 红黑榜 mode and cut-offs, and the evaluation's weight in the year composite. */
function ListAndWeightSettings() {
  const lists = useSetting<ListSettings>('listSettings') ?? defaultListSettings;
  const weights = useSetting<CompositeWeights>('compositeWeights') ?? defaultCompositeWeights;
  const setList = (patch: Partial<ListSettings>) => void putSetting('listSettings', { ...lists, ...patch });
  const numberField = (label: string, value: number, onChange: (v: number) => void) => (
    <TextField
      size="small"
      type="number"
      label={label}
      value={value}
      onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))}
    />
  );
  return (
    <Box sx={{ mt: 2, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 2 }}>
      <TextField
        select
        size="small"
        label="红黑榜方式"
        value={lists.mode}
        onChange={(e) => setList({ mode: e.target.value as ListSettings['mode'] })}
      >
        <MenuItem value="rank">按名次</MenuItem>
        <MenuItem value="threshold">按分数线</MenuItem>
        <MenuItem value="both">名次和分数线</MenuItem>
      </TextField>
      {numberField('红榜前几名', lists.redTop, (v) => setList({ redTop: v }))}
      {numberField('红榜最低分', lists.redMinScore, (v) => setList({ redMinScore: v }))}
      {numberField('黑榜后几名', lists.blackBottom, (v) => setList({ blackBottom: v }))}
      {numberField('黑榜分数线（低于）', lists.blackBelow, (v) => setList({ blackBelow: v }))}
      {numberField(
        '第三方评估权重(%)',
        Math.round(weights.evaluation * 100),
        (v) => void putSetting('compositeWeights', { process: 1 - v / 100, evaluation: v / 100 }),
      )}
    </Box>
  );
}
