import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  compositeShares,
  defaultEvaluationSettings,
  EVALUATION_SETTINGS_KEY,
  evaluationSettingsOf,
  shareText,
  type EvaluationSettings,
} from '../../core/evaluation';
import { RATER_TYPES, type RaterType } from '../../core/model';
import { defaultCompositeWeights, type CompositeWeights } from '../../core/scoring';
import { useSetting } from '../../db';
import { useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';

type Draft = Record<RaterType | 'minSample', string>;

function toDraft(s: EvaluationSettings): Draft {
  return {
    企业: String(s.raterWeights.企业),
    群众: String(s.raterWeights.群众),
    第三方机构: String(s.raterWeights.第三方机构),
    minSample: String(s.minSample),
  };
}

const NUMBER = /^\d+(\.\d+)?$/u;

function toSettings(draft: Draft): EvaluationSettings {
  return {
    raterWeights: { 企业: Number(draft.企业), 群众: Number(draft.群众), 第三方机构: Number(draft.第三方机构) },
    minSample: Number(draft.minSample),
  };
}

/** Why the settings cannot be saved as typed. */
function problemOf(draft: Draft): string | undefined {
  if (RATER_TYPES.some((r) => !NUMBER.test(draft[r]) || Number(draft[r]) > 100))
    return '各评价主体的权重应为 0 至 100 之间的数';
  if (RATER_TYPES.every((r) => Number(draft[r]) === 0)) return '至少一个评价主体的权重应大于 0';
  if (!/^\d+$/u.test(draft.minSample) || Number(draft.minSample) > 100000) return '小样本阈值应为整数';
  return undefined;
}

/** Rater weights and the small-sample threshold (settings, for every year), saved as they are typed. */
export function EvaluationSettingsPanel() {
  const stored = useSetting<Partial<EvaluationSettings>>(EVALUATION_SETTINGS_KEY);
  const weights = useSetting<CompositeWeights>('compositeWeights') ?? defaultCompositeWeights;
  const save = useAutosave<Draft>({
    id: `setting:${EVALUATION_SETTINGS_KEY}`,
    stored: toDraft(evaluationSettingsOf(stored)),
    label: '第三方评估设置',
    edit: (draft) => ({ kind: 'setting', args: { key: EVALUATION_SETTINGS_KEY, value: toSettings(draft) } }),
    check: problemOf,
    asStored: toSettings,
  });
  const draft = save.draft;
  const shares = compositeShares(weights);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="第三方评估设置">
      <Typography variant="h6" component="h3">
        第三方评估
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        评估得分 = 各评价主体得分按下列权重加权；某单位缺少某类评价时，按其余评价主体的权重比例折算。 年度综合得分 =
        过程得分 × {shareText(shares.process)} + 评估得分 × {shareText(shares.evaluation)}
        （评估权重见上方“第三方评估权重(%)”）；没有评估得分的单位按过程得分计。
        样本数少于阈值（或企业、群众评价未填样本数）的结果标记为“样本偏少”，在“第三方评估”中采纳后才计入。
      </Typography>
      <SaveStatus
        save={save}
        idle="修改后自动保存。"
        saved="已保存，评估得分和年度综合得分按新设置计算。"
        sx={{ mb: 2 }}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>
        {RATER_TYPES.map((r) => (
          <TextField
            key={r}
            size="small"
            type="number"
            label={`${r}评价权重(%)`}
            value={draft[r]}
            onChange={(e) => save.change((d) => ({ ...d, [r]: e.target.value }))}
          />
        ))}
        <TextField
          size="small"
          type="number"
          label="小样本阈值（样本数）"
          value={draft.minSample}
          onChange={(e) => save.change((d) => ({ ...d, minSample: e.target.value }))}
        />
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button
          onClick={() => {
            save.change(toDraft(defaultEvaluationSettings));
            void save.flush();
          }}
        >
          恢复默认
        </Button>
      </Stack>
    </Paper>
  );
}
