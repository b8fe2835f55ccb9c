import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { defaultProgressRules, type ProgressRules } from '../../core/progress';
import { putSetting, useSetting } from '../../db';
import { userMessage } from '../../ui/errors';
import { useYear } from '../../ui/YearContext';
import { ScoreRulesPanel } from './ScoreRulesPanel';
import { EvaluationSettingsPanel } from '../evaluation/EvaluationSettingsPanel';

const fields: { key: keyof ProgressRules; label: string; help: string; max: number }[] = [
  {
    key: 'onTrackTolerance',
    label: '序时推进容差（百分点）',
    help: '累计进度比序时进度低不超过此值，仍算“序时推进”',
    max: 50,
  },
  { key: 'yellowMaxBehind', label: '黄灯上限（落后百分点）', help: '落后不超过此值为黄灯，超过为红灯', max: 100 },
  { key: 'dueSoonDays', label: '临近完成时限（天）', help: '距完成时限不超过此天数且未完成的任务亮黄灯', max: 90 },
];

/** The thresholds of PRODUCT.md §4, editable by the office; every screen reads them. */
export function RulesScreen() {
  const year = useYear().current;
  const stored = useSetting<ProgressRules>('progressRules');
  const current = stored ?? defaultProgressRules;
  const [draft, setDraft] = useState<Record<keyof ProgressRules, string>>(toText(current));
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string }>();
  useEffect(() => setDraft(toText(stored ?? defaultProgressRules)), [stored]);

  const invalid = fields.find((f) => !/^\d+(\.\d+)?$/.test(draft[f.key]) || Number(draft[f.key]) > f.max);
  const save = async (rules: ProgressRules) => {
    try {
      await putSetting('progressRules', rules);
      setMessage({ severity: 'success', text: '已保存，各页面的状态和红黄绿灯按新规则计算。' });
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    }
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h2">
        规则设置
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h3" sx={{ mb: 2 }}>
          进度状态与红黄绿灯
        </Typography>
        <Box sx={{ display: 'grid', gap: 2 }}>
          {fields.map((f) => (
            <TextField
              key={f.key}
              size="small"
              type="number"
              label={f.label}
              helperText={f.help}
              value={draft[f.key]}
              onChange={(e) => {
                setMessage(undefined);
                setDraft({ ...draft, [f.key]: e.target.value });
              }}
            />
          ))}
        </Box>
        {invalid && (
          <Alert severity="error" sx={{ mt: 2 }}>
            “{invalid.label}”应为 0 至 {invalid.max} 之间的数。
          </Alert>
        )}
        {message && (
          <Alert severity={message.severity} sx={{ mt: 2 }}>
            {message.text}
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button
            variant="contained"
            disabled={!!invalid}
            onClick={() =>
              save({
                onTrackTolerance: Number(draft.onTrackTolerance),
                yellowMaxBehind: Number(draft.yellowMaxBehind),
                dueSoonDays: Number(draft.dueSoonDays),
              })
            }
          >
            保存
          </Button>
          <Button onClick={() => save(defaultProgressRules)}>恢复默认</Button>
        </Stack>
      </Paper>
      {year && <ScoreRulesPanel year={year} />}
      <EvaluationSettingsPanel />
    </Stack>
  );
}

function toText(rules: ProgressRules): Record<keyof ProgressRules, string> {
  return {
    onTrackTolerance: String(rules.onTrackTolerance),
    yellowMaxBehind: String(rules.yellowMaxBehind),
    dueSoonDays: String(rules.dueSoonDays),
  };
}
