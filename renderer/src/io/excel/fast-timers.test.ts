import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { installFastTimers } from './fast-timers';

type Scope = Parameters<typeof installFastTimers>[0] & Record<string, unknown>;

/** A private scope, so the test never patches the real global timers. */
function scope(): Scope & { nativeCalls: number[] } {
  const nativeCalls: number[] = [];
  return {
    nativeCalls,
    setTimeout: (handler: unknown, timeout?: number, ...args: unknown[]) => {
      nativeCalls.push(timeout ?? 0);
      return setTimeout(handler as () => void, timeout, ...args);
    },
    clearTimeout: (id: unknown) => clearTimeout(id as NodeJS.Timeout),
    MessageChannel: MessageChannel as unknown as typeof globalThis.MessageChannel,
  } as Scope & { nativeCalls: number[] };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('installFastTimers', () => {
  it('runs zero-delay timers through the channel, in order, with their arguments', async () => {
    const s = scope();
    expect(installFastTimers(s)).toBe(true);
    const order: string[] = [];
    s.setTimeout((x: string) => order.push(x), 0, 'a');
    s.setTimeout(() => order.push('b'));
    s.setImmediate?.(() => order.push('c'));
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(s.nativeCalls).toEqual([]);
  });

  it('leaves real delays to the native timer', async () => {
    const s = scope();
    installFastTimers(s);
    let fired = false;
    s.setTimeout(() => (fired = true), 5);
    expect(s.nativeCalls).toEqual([5]);
    await settle();
    expect(fired).toBe(true);
  });

  it('clears a pending fast timer, even from an earlier callback of the same round', async () => {
    const s = scope();
    installFastTimers(s);
    const ran: string[] = [];
    const first = s.setTimeout(() => ran.push('first'), 0);
    s.clearTimeout(first);
    const handles: { later?: unknown } = {};
    s.setTimeout(() => s.clearTimeout(handles.later), 0);
    handles.later = s.setTimeout(() => ran.push('later'), 0);
    s.setTimeout(() => ran.push('kept'), 0);
    await settle();
    expect(ran).toEqual(['kept']);
  });

  it('keeps running the others when one callback throws, and rethrows it on a native timer', async () => {
    const errors: unknown[] = [];
    const s = scope();
    // The "native" timer of this scope catches what it runs, standing in for the worker's error event.
    s.setTimeout = (handler: unknown, timeout?: number) =>
      setTimeout(() => {
        try {
          (handler as () => void)();
        } catch (error) {
          errors.push(error);
        }
      }, timeout);
    installFastTimers(s);
    const ran: string[] = [];
    s.setTimeout(() => {
      throw new Error('boom');
    }, 0);
    s.setTimeout(() => ran.push('after'), 0);
    await settle();
    expect(ran).toEqual(['after']);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('installs once, and not at all without MessageChannel', () => {
    const s = scope();
    expect(installFastTimers(s)).toBe(true);
    expect(installFastTimers(s)).toBe(false);
    expect(installFastTimers({ ...scope(), MessageChannel: undefined })).toBe(false);
  });
});
