import { useState } from 'react';
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
import { updateScoreRule, useScoreRules, useSetting } from '../../db';
import { saveStatusText, useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';
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
                <NumberCell year={year} rule={rule} field="points" label={`${rule.name}分值`} />
              </TableCell>
              <TableCell>
                <NumberCell year={year} rule={rule} field="cap" label={`${rule.name}每月上限`} />
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

/** A rule's points or monthly cap, saved as it is typed; an empty cap is no cap. */
function NumberCell({
  year,
  rule,
  field,
  label,
}: {
  year: WorkYear;
  rule: ScoreRule;
  field: 'points' | 'cap';
  label: string;
}) {
  const value = rule[field];
  const numberOf = (text: string) => (text.trim() === '' ? null : Number(text));
  const save = useAutosave<string>({
    id: `scoreRule:${year.id}:${rule.id}:${field}`,
    stored: value === undefined ? '' : String(value),
    label: `${year.year}年度“${label}”`,
    edit: (text) => ({
      kind: 'scoreRule',
      args: {
        yearId: year.id,
        ruleId: rule.id,
        patch: field === 'points' ? { points: Number(text) } : { cap: numberOf(text) },
      },
    }),
    check: (text) => {
      const n = numberOf(text);
      if (field === 'points') return n === null || !Number.isFinite(n) ? '请填写分值' : undefined;
      return n !== null && !(Number.isFinite(n) && n > 0) ? '应为正数，不封顶则不填' : undefined;
    },
    asStored: numberOf,
  });
  return (
    <TextField
      size="small"
      type="number"
      value={save.draft}
      onChange={(e) => save.change(e.target.value)}
      slotProps={{ htmlInput: { 'aria-label': label }, formHelperText: { role: 'status' } }}
      helperText={save.edited || save.status !== 'saved' ? saveStatusText(save) : undefined}
      error={save.status === 'error' || save.status === 'invalid'}
      sx={{ width: 120 }}
    />
  );
}

type ListText = Pick<ListSettings, 'mode'> & Record<Exclude<keyof ListSettings, 'mode'>, string>;

const listNumbers: { key: Exclude<keyof ListSettings, 'mode'>; label: string; count: boolean }[] = [
  { key: 'redTop', label: '红榜前几名', count: true },
  { key: 'redMinScore', label: '红榜最低分', count: false },
  { key: 'blackBottom', label: '黑榜后几名', count: true },
  { key: 'blackBelow', label: '黑榜分数线（低于）', count: false },
];

function listText(lists: ListSettings): ListText {
  return {
    mode: lists.mode,
    redTop: String(lists.redTop),
    redMinScore: String(lists.redMinScore),
    blackBottom: String(lists.blackBottom),
    blackBelow: String(lists.blackBelow),
  };
}

function listSettingsOf(text: ListText): ListSettings {
  return {
    mode: text.mode,
    redTop: Number(text.redTop),
    redMinScore: Number(text.redMinScore),
    blackBottom: Number(text.blackBottom),
    blackBelow: Number(text.blackBelow),
  };
}

/** The evaluation's weight as the field shows it: percent, to two decimals. */
const weightText = (weights: CompositeWeights) => String(Math.round(weights.evaluation * 10000) / 100);

/** 红黑榜 mode and cut-offs, and the evaluation's weight in the year composite, saved as they are typed. */
function ListAndWeightSettings() {
  const lists = useSetting<ListSettings>('listSettings') ?? defaultListSettings;
  const weights = useSetting<CompositeWeights>('compositeWeights') ?? defaultCompositeWeights;
  const listSave = useAutosave<ListText>({
    id: 'setting:listSettings',
    stored: listText(lists),
    label: '红黑榜设置',
    edit: (text) => ({ kind: 'setting', args: { key: 'listSettings', value: listSettingsOf(text) } }),
    check: (text) => {
      const wrong = listNumbers.find((f) =>
        f.count ? !/^\d+$/u.test(text[f.key]) : text[f.key].trim() === '' || !Number.isFinite(Number(text[f.key])),
      );
      return wrong && (wrong.count ? `“${wrong.label}”应为整数` : `请填写“${wrong.label}”`);
    },
    asStored: listSettingsOf,
  });
  const weightSave = useAutosave<string>({
    id: 'setting:compositeWeights',
    stored: weightText(weights),
    label: '第三方评估权重',
    edit: (text) => ({
      kind: 'setting',
      args: { key: 'compositeWeights', value: { process: 1 - Number(text) / 100, evaluation: Number(text) / 100 } },
    }),
    check: (text) => (/^\d+(\.\d+)?$/u.test(text.trim()) && Number(text) <= 100 ? undefined : '应为 0 至 100 之间的数'),
    asStored: Number,
  });
  const texts = listSave.draft;
  return (
    <>
      <SaveStatus save={listSave} label="红黑榜设置保存状态" sx={{ mt: 2 }} />
      <Box sx={{ mt: 1, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 2 }}>
        <TextField
          select
          size="small"
          label="红黑榜方式"
          value={texts.mode}
          onChange={(e) => listSave.change((t) => ({ ...t, mode: e.target.value as ListSettings['mode'] }))}
        >
          <MenuItem value="rank">按名次</MenuItem>
          <MenuItem value="threshold">按分数线</MenuItem>
          <MenuItem value="both">名次和分数线</MenuItem>
        </TextField>
        {listNumbers.map((f) => (
          <TextField
            key={f.key}
            size="small"
            type="number"
            label={f.label}
            value={texts[f.key]}
            onChange={(e) => listSave.change((t) => ({ ...t, [f.key]: e.target.value }))}
          />
        ))}
        <TextField
          size="small"
          type="number"
          label="第三方评估权重(%)"
          value={weightSave.draft}
          onChange={(e) => weightSave.change(e.target.value)}
          slotProps={{ formHelperText: { role: 'status' } }}
          helperText={weightSave.edited || weightSave.status !== 'saved' ? saveStatusText(weightSave) : undefined}
          error={weightSave.status === 'error' || weightSave.status === 'invalid'}
        />
      </Box>
    </>
  );
}
