// Zero-delay timers for the Excel worker, run through a MessageChannel.
//
// Why: the browser build of exceljs (`exceljs/dist/exceljs.min.js`, which Vite picks through
// the package's `browser` field) is a browserify bundle. Its `process.nextTick` and
// `setImmediate` shims — used by the bundled stream library for every chunk of every part —
// end in `setTimeout(fn, 0)`, and Chromium clamps nested zero-delay timers to ≥ 4 ms. Loading
// one small workbook chains enough of them to cost ~45 ms of pure waiting. A MessageChannel
// message is not clamped, so routing zero-delay timers through one removes the wait.
//
// The shim captures `setTimeout` when the bundle is evaluated, so this must be installed
// before exceljs is imported: worker.ts imports `./fast-timers-install` first. Only the
// worker's own global scope is patched; the page's timers are untouched.

type Callback = (...args: unknown[]) => void;

interface TimerScope {
  setTimeout: (handler: unknown, timeout?: number, ...args: unknown[]) => unknown;
  clearTimeout: (id: unknown) => void;
  setImmediate?: (handler: Callback, ...args: unknown[]) => unknown;
  clearImmediate?: (id: unknown) => void;
  MessageChannel?: typeof MessageChannel;
  __fastTimers?: boolean;
}

export function installFastTimers(scope: TimerScope = globalThis as unknown as TimerScope): boolean {
  if (scope.__fastTimers || typeof scope.MessageChannel !== 'function') return false;
  const nativeSetTimeout = scope.setTimeout.bind(scope);
  const nativeClearTimeout = scope.clearTimeout.bind(scope);
  const pending = new Map<number, () => void>();
  // Native timer ids are positive integers; ours are negative so clearTimeout can tell them apart.
  let nextId = -1;
  let posted = false;
  const channel = new scope.MessageChannel();
  // Node's message ports keep the process alive; browsers have no unref (and need none).
  (channel.port1 as { unref?: () => void }).unref?.();

  channel.port1.onmessage = () => {
    posted = false;
    // Run what was queued before this message; callbacks queued meanwhile go in the next round.
    const ids = [...pending.keys()];
    for (const id of ids) {
      const run = pending.get(id);
      if (!run) continue; // cleared by an earlier callback
      pending.delete(id);
      try {
        run();
      } catch (error) {
        // Surface it like an uncaught timer error would, without stopping the other callbacks.
        nativeSetTimeout(() => {
          throw error;
        }, 0);
      }
    }
  };

  const schedule = (run: () => void): number => {
    const id = nextId--;
    pending.set(id, run);
    if (!posted) {
      posted = true;
      channel.port2.postMessage(null);
    }
    return id;
  };

  scope.setTimeout = (handler: unknown, timeout?: number, ...args: unknown[]) => {
    if (typeof handler === 'function' && !(Number(timeout) > 0)) return schedule(() => (handler as Callback)(...args));
    return nativeSetTimeout(handler, timeout, ...args);
  };
  scope.clearTimeout = (id: unknown) => {
    if (typeof id === 'number' && id < 0) pending.delete(id);
    else nativeClearTimeout(id);
  };
  scope.setImmediate = (handler: Callback, ...args: unknown[]) => schedule(() => handler(...args));
  scope.clearImmediate = (id: unknown) => {
    if (typeof id === 'number') pending.delete(id);
  };
  scope.__fastTimers = true;
  return true;
}
