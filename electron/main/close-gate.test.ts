import { describe, expect, it, vi } from 'vitest';
import { createCloseGate } from './close-gate';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('close gate', () => {
  it('holds the first close until the backup is done, then closes once', async () => {
    const backup = deferred();
    const beforeClose = vi.fn(() => backup.promise);
    const gate = createCloseGate(beforeClose, 30_000, () => undefined);
    const prevent = vi.fn();
    const closeAgain = vi.fn();

    gate.onClose(prevent, closeAgain);
    expect(prevent).toHaveBeenCalledTimes(1);
    expect(beforeClose).toHaveBeenCalledTimes(1);
    await settle();
    expect(closeAgain).not.toHaveBeenCalled();

    gate.onClose(prevent, closeAgain); // the user clicks × again while it runs
    expect(prevent).toHaveBeenCalledTimes(2);
    expect(beforeClose).toHaveBeenCalledTimes(1);

    backup.resolve();
    await settle();
    expect(closeAgain).toHaveBeenCalledTimes(1);
    gate.onClose(prevent, closeAgain); // the close that closeAgain causes passes
    expect(prevent).toHaveBeenCalledTimes(2);
  });

  it('closes after the time limit when the page does not answer', async () => {
    let fire: () => void = () => undefined;
    const gate = createCloseGate(
      () => new Promise(() => undefined),
      30_000,
      (run, ms) => {
        expect(ms).toBe(30_000);
        fire = run;
      },
    );
    const closeAgain = vi.fn();
    gate.onClose(() => undefined, closeAgain);
    await settle();
    expect(closeAgain).not.toHaveBeenCalled();
    fire();
    expect(closeAgain).toHaveBeenCalledTimes(1);
  });

  it('closes when the backup fails, and only once when the timer fires later', async () => {
    const backup = deferred();
    let fire: () => void = () => undefined;
    const gate = createCloseGate(
      () => backup.promise,
      1000,
      (run) => {
        fire = run;
      },
    );
    const closeAgain = vi.fn();
    gate.onClose(() => undefined, closeAgain);
    backup.reject(new Error('磁盘已满'));
    await settle();
    fire();
    expect(closeAgain).toHaveBeenCalledTimes(1);
  });
});
