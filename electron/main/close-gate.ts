// Closing the window first lets the renderer take the 'quit' backup. Pure: the window wires
// it to its 'close' event (window.ts), the tests drive it directly.

export interface CloseGate {
  /** Call from the window's 'close' event. */
  onClose(preventClose: () => void, closeAgain: () => void): void;
}

/**
 * The first close is held while `beforeClose` runs (at most `timeoutMs`: a hung or crashed page
 * never keeps the window open), then the window is closed again and that close passes. Closing
 * again meanwhile is held too, without running `beforeClose` twice. A failed `beforeClose`
 * still closes: the backup is a safety net, not a reason to keep the office from quitting.
 */
export function createCloseGate(
  beforeClose: () => Promise<unknown>,
  timeoutMs: number,
  setTimer: (run: () => void, ms: number) => unknown = setTimeout,
): CloseGate {
  let state: 'open' | 'holding' | 'released' = 'open';
  return {
    onClose(preventClose, closeAgain) {
      if (state === 'released') return;
      preventClose();
      if (state === 'holding') return;
      state = 'holding';
      const release = () => {
        if (state === 'released') return;
        state = 'released';
        closeAgain();
      };
      setTimer(release, timeoutMs);
      beforeClose().then(release, release);
    },
  };
}
