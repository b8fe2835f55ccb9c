import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import { useTasks, useUnits } from '../../db';
import { useYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes, type RoutePath } from '../../ui/routes';
import { userMessage } from '../../ui/errors';
import { loadSampleData, SAMPLE_YEAR } from './sampleData';
import { CreateYear } from './WorkYearScreen';

interface Props {
  open: boolean;
  operator: string | undefined;
  onClose(): void;
}

/**
 * 快速入门: the first start, step by step (操作人 → 工作年度 → 任务清单 → 单位). Each step shows
 * what is already there, so reopening it later (帮助 → 快速入门) picks up where the office is.
 * Steps that need a whole screen (importing, pasting units) close the guide and go there.
 */
export function FirstRunGuide(props: Props) {
  // Closed, it reads nothing: its live queries (a year's tasks) would otherwise run on every screen.
  return props.open ? <GuideDialog {...props} /> : null;
}

function GuideDialog({ open, operator, onClose }: Props) {
  const { years, current, choose } = useYear();
  const tasks = useTasks(current?.id);
  const units = useUnits(current?.id);
  // Mounted anew on each opening: it starts at the first step not yet done.
  const [active, setActive] = useState<number>();
  const firstOpen = !current ? 1 : tasks?.length === 0 ? 2 : 3;
  const step = active ?? firstOpen;
  const go = (route: RoutePath) => {
    onClose();
    navigateTo(route);
  };
  const [loadingSample, setLoadingSample] = useState(false);
  const [sampleError, setSampleError] = useState<string>();
  const trySample = async () => {
    setLoadingSample(true);
    setSampleError(undefined);
    try {
      const sample = await loadSampleData();
      choose(sample.id);
      go(routes.ledger());
    } catch (e) {
      setSampleError(userMessage(e));
    } finally {
      setLoadingSample(false);
    }
  };

  const steps: { label: string; done: boolean; body: ReactNode }[] = [
    { label: `操作人：${operator ?? ''}`, done: true, body: null },
    {
      label: current ? `工作年度：${current.year}年度` : '工作年度',
      done: current !== undefined,
      body: current ? (
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => setActive(2)}>
            下一步
          </Button>
          <Button onClick={() => go(routes.year())}>查看年度规则</Button>
        </Stack>
      ) : (
        <Stack spacing={1}>
          <Typography variant="body2">
            每个工作年度有自己的任务、单位和规则。先创建今年的工作年度（可稍后在“工作年度”中修改日期规则）。
          </Typography>
          <CreateYear
            existing={(years ?? []).map((y) => y.year)}
            onCreated={(year) => {
              choose(year.id);
              setActive(2);
            }}
          />
        </Stack>
      ),
    },
    {
      label: tasks && tasks.length > 0 ? `任务清单：已有 ${tasks.length} 项任务` : '任务清单',
      done: (tasks?.length ?? 0) > 0,
      body: (
        <Stack spacing={1}>
          <Typography variant="body2">
            导入区政府下发的重点工作任务清单（Excel），程序会一并建立其中的牵头单位、责任单位和区领导。也可以先空白开始，稍后逐项录入。
          </Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => go(routes.import('tasks'))}>
              导入任务清单
            </Button>
            <Button onClick={() => setActive(3)}>先空白开始</Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            想先熟悉各个页面？可以加载一个完整的 {SAMPLE_YEAR}{' '}
            年度示例（标有“示例数据”，用完可一键删除，不影响真实数据）。
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Button variant="outlined" disabled={loadingSample} onClick={() => void trySample()}>
              加载示例数据
            </Button>
            {loadingSample && <CircularProgress size={20} aria-label="正在加载示例数据" />}
          </Stack>
          {sampleError && <Alert severity="error">{sampleError}</Alert>}
        </Stack>
      ),
    },
    {
      label: units && units.length > 0 ? `单位：已有 ${units.length} 个单位` : '单位',
      done: (units?.length ?? 0) > 0,
      body: (
        <Stack spacing={1}>
          <Typography variant="body2">
            核对参加赛马的单位及其分组（区级部门、镇街、国企和平台）。可从 Excel 复制一列单位名称后“粘贴批量添加”。
          </Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => go(routes.units())}>
              去核对单位
            </Button>
            <Button onClick={onClose}>完成</Button>
          </Stack>
        </Stack>
      ),
    },
  ];

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="guide-title">
      <DialogTitle id="guide-title">快速入门</DialogTitle>
      <DialogContent>
        <Stepper activeStep={step} orientation="vertical">
          {steps.map((s, index) => (
            <Step key={index} completed={s.done && index !== step}>
              <StepLabel
                onClick={() => index > 0 && setActive(index)}
                sx={{ cursor: index > 0 ? 'pointer' : undefined }}
              >
                {s.label}
              </StepLabel>
              <StepContent>{s.body}</StepContent>
            </Step>
          ))}
        </Stepper>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          随时可从右上角“帮助 → 快速入门”再次打开本向导；各步骤的详细说明见“帮助 → 使用说明”。
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>跳过</Button>
      </DialogActions>
    </Dialog>
  );
}
