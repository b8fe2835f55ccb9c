import { useEffect, useState } from 'react';

/**
 * How many of `total` items to render now: `first` at once, then `step` more each frame until
 * all are. A long list paints its first screen at once and the window stays responsive while
 * the rest follows (what is not yet rendered is below the fold).
 */
export function useProgressive(total: number, first: number, step: number): number {
  const [shown, setShown] = useState(first);
  const count = Math.min(total, Math.max(shown, first));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => setShown(count + step));
    return () => cancelAnimationFrame(frame);
  }, [count, total, step]);
  return count;
}
