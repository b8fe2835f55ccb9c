import { useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useYear } from '../../ui/YearContext';
import { ActionAlert, useAction } from '../../ui/useAction';
import { RemoveSampleDialog, SampleProgressBar, useSampleAction } from './RemoveSampleDialog';
import { loadSampleData, SAMPLE_YEAR } from './sampleData';

/** The 工作年度 screen's 示例数据 panel: load the sample year, switch to it, remove it. */
export function SamplePanel() {
  const { years, current, choose } = useYear();
  const { busy, fraction, slow, run } = useSampleAction();
  const { message, setMessage, run: act } = useAction();
  const [removing, setRemoving] = useState(false);
  if (!years) return null;
  const sample = years.find((y) => y.sample === true);
  const taken = !sample && years.some((y) => y.year === SAMPLE_YEAR);

  const load = () =>
    act(async () => {
      const year = await run((onProgress) => loadSampleData(onProgress));
      choose(year.id);
    }, '示例数据已加载，现在显示的是示例年度。可从“任务台账”“月度进展”“赛马排名”“红黑榜”等页面开始体验。');

  return (
    <Paper component="section" variant="outlined" sx={{ p: 2 }} aria-label="示例数据">
      <Typography sx={{ fontWeight: 700 }}>示例数据</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        加载一个完整的{SAMPLE_YEAR}
        年度示例：12个单位、4位区领导、20项重点工作及其月方案，3—11月的月度进展（含逾期报送、未报送和滞后说明），
        督查反馈，3—10月已发布的加扣分、赛马排名和红黑榜，约谈记录，第三方评估和复盘。示例年度在各页面都有明显标记，可随时一键删除，不影响正式数据。
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        {!sample && (
          <Button variant="contained" disabled={busy || taken} onClick={() => void load()}>
            {busy ? '正在加载…' : '加载示例数据'}
          </Button>
        )}
        {sample && current?.id !== sample.id && (
          <Button variant="outlined" onClick={() => choose(sample.id)}>
            切换到示例年度
          </Button>
        )}
        {sample && (
          <Button
            variant="outlined"
            color="error"
            onClick={() => {
              setMessage(undefined);
              setRemoving(true);
            }}
          >
            删除示例数据
          </Button>
        )}
        {sample && <Typography variant="body2">已加载：{sample.title}</Typography>}
      </Stack>
      {taken && (
        <Alert severity="info" sx={{ mt: 2 }}>
          已有{SAMPLE_YEAR}年度的数据，示例数据也使用{SAMPLE_YEAR}年度，为免与正式数据混在一起，本机不能加载示例数据。
        </Alert>
      )}
      {busy && slow && <SampleProgressBar label="正在加载示例数据…" fraction={fraction} />}
      <ActionAlert message={message} onClose={() => setMessage(undefined)} sx={{ mt: 2 }} />
      {sample && (
        <RemoveSampleDialog
          year={sample}
          open={removing}
          onClose={() => setRemoving(false)}
          onRemoved={() => setMessage({ severity: 'success', text: '示例数据已删除。' })}
        />
      )}
    </Paper>
  );
}
