import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { defaultProgressRules, type ProgressRules } from '../../core/progress';
import { useSetting } from '../../db';
import { useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';
import { useYear } from '../../ui/YearContext';
import { ScoreRulesPanel } from './ScoreRulesPanel';
import { EvaluationSettingsPanel } from './EvaluationSettingsPanel';

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

type RulesText = Record<keyof ProgressRules, string>;

/** The thresholds of PRODUCT.md §4, editable by the office; every screen reads them. */
export function RulesScreen() {
  const year = useYear().current;
  const stored = useSetting<ProgressRules>('progressRules');
  const save = useAutosave<RulesText>({
    id: 'setting:progressRules',
    stored: toText(stored ?? defaultProgressRules),
    label: '进度状态与红黄绿灯规则',
    edit: (draft) => ({ kind: 'setting', args: { key: 'progressRules', value: toRules(draft) } }),
    check: (draft) => {
      const invalid = fields.find((f) => !/^\d+(\.\d+)?$/.test(draft[f.key]) || Number(draft[f.key]) > f.max);
      return invalid && `“${invalid.label}”应为 0 至 ${invalid.max} 之间的数`;
    },
    asStored: toRules,
  });
  const draft = save.draft;

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h2">
        规则设置
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="进度状态与红黄绿灯">
        <Typography variant="h6" component="h3">
          进度状态与红黄绿灯
        </Typography>
        <SaveStatus
          save={save}
          idle="修改后自动保存。"
          saved="已保存，各页面的状态和红黄绿灯按新规则计算。"
          sx={{ mb: 2 }}
        />
        <Box sx={{ display: 'grid', gap: 2 }}>
          {fields.map((f) => (
            <TextField
              key={f.key}
              size="small"
              type="number"
              label={f.label}
              helperText={f.help}
              value={draft[f.key]}
              onChange={(e) => save.change((d) => ({ ...d, [f.key]: e.target.value }))}
            />
          ))}
        </Box>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button
            onClick={() => {
              save.change(toText(defaultProgressRules));
              void save.flush();
            }}
          >
            恢复默认
          </Button>
        </Stack>
      </Paper>
      {year && <ScoreRulesPanel year={year} />}
      <EvaluationSettingsPanel />
    </Stack>
  );
}

function toText(rules: ProgressRules): RulesText {
  return {
    onTrackTolerance: String(rules.onTrackTolerance),
    yellowMaxBehind: String(rules.yellowMaxBehind),
    dueSoonDays: String(rules.dueSoonDays),
  };
}

function toRules(text: RulesText): ProgressRules {
  return {
    onTrackTolerance: Number(text.onTrackTolerance),
    yellowMaxBehind: Number(text.yellowMaxBehind),
    dueSoonDays: Number(text.dueSoonDays),
  };
}
