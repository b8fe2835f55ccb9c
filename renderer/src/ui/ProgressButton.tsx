import { useState, type ReactNode } from 'react';
import { Button, CircularProgress, type ButtonProps } from '@mui/material';

/** Told (0, total) first, then (done, total) as the work goes on. */
export type ProgressReport = (done: number, total: number) => void;

interface Props extends Omit<ButtonProps, 'onClick' | 'children'> {
  children: ReactNode;
  /** The long action; the button is disabled and tells its progress until it settles. */
  run(onProgress: ProgressReport): Promise<unknown>;
}

/**
 * A button for a long batch (every unit's template): while it runs, it reads
 * “正在生成 37/120…” with a ring filling up. The progress lives in the button alone, so the
 * screen around it (often a large table) is not rendered again for every step.
 */
export function ProgressButton({ children, run, disabled, ...props }: Props) {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const click = async () => {
    setProgress({ done: 0, total: 0 });
    try {
      await run((done, total) => setProgress({ done, total }));
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <Button
      {...props}
      disabled={disabled || progress !== undefined}
      onClick={() => void click()}
      startIcon={
        progress && (
          <CircularProgress
            size={16}
            variant={progress.total ? 'determinate' : 'indeterminate'}
            value={progress.total ? (100 * progress.done) / progress.total : 0}
          />
        )
      }
    >
      {progress ? `正在生成 ${progress.done}/${progress.total}…` : children}
    </Button>
  );
}
