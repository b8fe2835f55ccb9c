import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  compositeShares,
  defaultEvaluationSettings,
  evaluationSettingsOf,
  shareText,
  type EvaluationSettings,
} from '../../core/evaluation';
import { RATER_TYPES, type RaterType } from '../../core/model';
import { defaultCompositeWeights, type CompositeWeights } from '../../core/scoring';
import { putSetting, useSetting } from '../../db';
import { userMessage } from '../../ui/errors';
import { EVALUATION_SETTINGS_KEY } from './useEvaluation';

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

/** Rater weights and the small-sample threshold (settings, for every year). */
export function EvaluationSettingsPanel() {
  const stored = useSetting<Partial<EvaluationSettings>>(EVALUATION_SETTINGS_KEY);
  const weights = useSetting<CompositeWeights>('compositeWeights') ?? defaultCompositeWeights;
  const current = evaluationSettingsOf(stored);
  const [draft, setDraft] = useState<Draft>(toDraft(current));
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string }>();
  useEffect(() => setDraft(toDraft(evaluationSettingsOf(stored))), [stored]);

  const weightInvalid = RATER_TYPES.some((r) => !NUMBER.test(draft[r]) || Number(draft[r]) > 100);
  const sumZero = !weightInvalid && RATER_TYPES.every((r) => Number(draft[r]) === 0);
  const minInvalid = !/^\d+$/u.test(draft.minSample) || Number(draft.minSample) > 100000;
  const invalid = weightInvalid
    ? '各评价主体的权重应为 0 至 100 之间的数'
    : sumZero
      ? '至少一个评价主体的权重应大于 0'
      : minInvalid
        ? '小样本阈值应为整数'
        : undefined;
  const save = async (settings: EvaluationSettings) => {
    try {
      await putSetting(EVALUATION_SETTINGS_KEY, settings);
      setMessage({ severity: 'success', text: '已保存，评估得分和年度综合得分按新设置计算。' });
    } catch (e) {
      setMessage({ severity: 'error', text: userMessage(e) });
    }
  };
  const shares = compositeShares(weights);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="第三方评估设置">
      <Typography variant="h6" component="h3">
        第三方评估
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        评估得分 = 各评价主体得分按下列权重加权；某单位缺少某类评价时，按其余评价主体的权重比例折算。 年度综合得分 =
        过程得分 × {shareText(shares.process)} + 评估得分 × {shareText(shares.evaluation)}
        （评估权重见上方“第三方评估权重(%)”）；没有评估得分的单位按过程得分计。
        样本数少于阈值（或企业、群众评价未填样本数）的结果标记为“样本偏少”，在“第三方评估”中采纳后才计入。
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>
        {RATER_TYPES.map((r) => (
          <TextField
            key={r}
            size="small"
            type="number"
            label={`${r}评价权重(%)`}
            value={draft[r]}
            onChange={(e) => {
              setMessage(undefined);
              setDraft({ ...draft, [r]: e.target.value });
            }}
          />
        ))}
        <TextField
          size="small"
          type="number"
          label="小样本阈值（样本数）"
          value={draft.minSample}
          onChange={(e) => {
            setMessage(undefined);
            setDraft({ ...draft, minSample: e.target.value });
          }}
        />
      </Box>
      {invalid && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {invalid}。
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
              raterWeights: {
                企业: Number(draft.企业),
                群众: Number(draft.群众),
                第三方机构: Number(draft.第三方机构),
              },
              minSample: Number(draft.minSample),
            })
          }
        >
          保存评估设置
        </Button>
        <Button onClick={() => save(defaultEvaluationSettings)}>恢复默认</Button>
      </Stack>
    </Paper>
  );
}
