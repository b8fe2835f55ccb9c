import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Typography,
} from '@mui/material';
import type { WorkYear } from '../../core/model';
import { userMessage } from '../../ui/errors';
import { removeSampleData, type SampleProgress } from './sampleData';

/** How long an action runs before its progress is shown (PRODUCT: show progress past a second). */
const SHOW_PROGRESS_AFTER_MS = 1000;

/** Runs a load or a removal; `slow` turns true once it has taken more than a second. */
export function useSampleAction() {
  const [busy, setBusy] = useState(false);
  const [fraction, setFraction] = useState(0);
  const [slow, setSlow] = useState(false);
  const run = async <T,>(action: (onProgress: SampleProgress) => Promise<T>): Promise<T> => {
    setBusy(true);
    setFraction(0);
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), SHOW_PROGRESS_AFTER_MS);
    try {
      return await action((done, total) => setFraction(total > 0 ? done / total : 0));
    } finally {
      clearTimeout(timer);
      setBusy(false);
      setSlow(false);
    }
  };
  return { busy, fraction, slow, run };
}

export function SampleProgressBar({ label, fraction }: { label: string; fraction: number }) {
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="body2">{label}</Typography>
      <LinearProgress variant="determinate" value={Math.round(fraction * 100)} aria-label={label} sx={{ mt: 1 }} />
    </Box>
  );
}

/** Confirms and removes the sample year: every row of it, nothing of the other years. */
export function RemoveSampleDialog({
  year,
  open,
  onClose,
  onRemoved,
}: {
  year: WorkYear;
  open: boolean;
  onClose(): void;
  onRemoved?(): void;
}) {
  const { busy, fraction, slow, run } = useSampleAction();
  const [error, setError] = useState<string>();
  const remove = async () => {
    try {
      setError(undefined);
      await run((onProgress) => removeSampleData(year.id, onProgress));
      onClose();
      onRemoved?.();
    } catch (e) {
      setError(userMessage(e));
    }
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose}>
      <DialogTitle>删除示例数据</DialogTitle>
      <DialogContent>
        <DialogContentText>
          将删除“{year.title}
          ”及其中的全部数据：单位、区领导、重点工作、月方案、月度进展、督查反馈、加扣分、排名、约谈、第三方评估和复盘，
          也包括在示例年度中所做的修改和导入。其他年度的数据不受影响。删除后不能撤销。
        </DialogContentText>
        {busy && slow && <SampleProgressBar label="正在删除示例数据…" fraction={fraction} />}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          取消
        </Button>
        <Button color="error" variant="contained" onClick={() => void remove()} disabled={busy}>
          删除示例数据
        </Button>
      </DialogActions>
    </Dialog>
  );
}
