import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadResult } from '../../core/import/types';
import { createReaderPool, type WorkerLike } from './client';
import type { ReadRequest, ReadResponse } from './protocol';

/** A stand-in Worker: records what it is sent; the test decides how it answers. */
class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  requests: ReadRequest[] = [];
  transfers: Transferable[][] = [];
  terminated = false;
  private listeners = new Map<string, ((event: never) => void)[]>();

  constructor() {
    FakeWorker.all.push(this);
  }

  postMessage(message: ReadRequest, transfer: Transferable[]): void {
    this.requests.push(message);
    this.transfers.push(transfer);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  answer(result: ReadResult, request = this.requests.at(-1) as ReadRequest): void {
    const event = { data: { id: request.id, result } satisfies ReadResponse } as MessageEvent<ReadResponse>;
    for (const listener of this.listeners.get('message') ?? []) listener(event as never);
  }

  fail(type: 'error' | 'messageerror' = 'error'): void {
    const event = { preventDefault: () => undefined } as Event;
    for (const listener of this.listeners.get(type) ?? []) listener(event as never);
  }
}

const ok = (fileName: string): ReadResult => ({ ok: true, grid: { fileName, sheets: [] } });

describe('the worker pool', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('sends a file to a worker and resolves with its answer', async () => {
    const pool = createReaderPool(() => new FakeWorker());
    const pending = pool.read('a.xlsx', new Uint8Array([1, 2, 3]));
    const [worker] = FakeWorker.all as [FakeWorker];
    expect(worker.requests[0]).toMatchObject({ fileName: 'a.xlsx' });
    worker.answer(ok('a.xlsx'));
    await expect(pending).resolves.toEqual(ok('a.xlsx'));
    expect(worker.terminated).toBe(false);
  });

  it('transfers a whole buffer and copies a view into a larger one', () => {
    const pool = createReaderPool(() => new FakeWorker());
    const whole = new Uint8Array([1, 2, 3]);
    void pool.read('a.xlsx', whole);
    const [worker] = FakeWorker.all as [FakeWorker];
    expect(worker.transfers[0]).toEqual([whole.buffer]);

    const big = new Uint8Array(100);
    const view = big.subarray(10, 20);
    worker.answer(ok('a.xlsx'));
    void pool.read('b.xlsx', view);
    const sent = worker.requests[1]?.bytes as Uint8Array;
    expect(sent.buffer).not.toBe(big.buffer);
    expect(sent.byteLength).toBe(10);
  });

  it('runs at most two files at once and queues the rest', async () => {
    const pool = createReaderPool(() => new FakeWorker(), 2);
    const results = ['1.xlsx', '2.xlsx', '3.xlsx'].map((name) => pool.read(name, new Uint8Array([0])));
    expect(FakeWorker.all).toHaveLength(2);
    const [first, second] = FakeWorker.all as [FakeWorker, FakeWorker];
    expect(first.requests).toHaveLength(1);
    first.answer(ok('1.xlsx'));
    expect(first.requests).toHaveLength(2); // the freed worker takes the queued file
    expect(first.requests[1]?.fileName).toBe('3.xlsx');
    second.answer(ok('2.xlsx'));
    first.answer(ok('3.xlsx'));
    expect(await Promise.all(results)).toEqual([ok('1.xlsx'), ok('2.xlsx'), ok('3.xlsx')]);
  });

  it('terminates a worker that does not answer in time and reports the file', async () => {
    const pool = createReaderPool(() => new FakeWorker());
    const slow = pool.read('慢.xlsx', new Uint8Array([0]), { timeoutMs: 30_000 });
    vi.advanceTimersByTime(29_999);
    const [worker] = FakeWorker.all as [FakeWorker];
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(worker.terminated).toBe(true);
    await expect(slow).resolves.toEqual({
      ok: false,
      fileName: '慢.xlsx',
      message: '"慢.xlsx"：解析超时（超过30秒），文件可能过大或已损坏',
    });
    // A late answer from the dead worker changes nothing; the next file gets a fresh worker.
    worker.answer(ok('慢.xlsx'));
    const next = pool.read('快.xlsx', new Uint8Array([0]));
    expect(FakeWorker.all).toHaveLength(2);
    FakeWorker.all[1]?.answer(ok('快.xlsx'));
    await expect(next).resolves.toEqual(ok('快.xlsx'));
  });

  it('reports the file when the worker fails, and carries on with the others', async () => {
    const pool = createReaderPool(() => new FakeWorker(), 1);
    const failing = pool.read('坏.xlsx', new Uint8Array([0]));
    const waiting = pool.read('好.xlsx', new Uint8Array([0]));
    FakeWorker.all[0]?.fail();
    await expect(failing).resolves.toEqual({
      ok: false,
      fileName: '坏.xlsx',
      message: '"坏.xlsx"：解析失败（后台读取程序出错），请重试',
    });
    expect(FakeWorker.all[0]?.terminated).toBe(true);
    FakeWorker.all[1]?.answer(ok('好.xlsx'));
    await expect(waiting).resolves.toEqual(ok('好.xlsx'));
  });

  it('reports every file when no worker can be started', async () => {
    const pool = createReaderPool(() => {
      throw new Error('blocked by CSP');
    });
    await expect(pool.read('a.xlsx', new Uint8Array([0]))).resolves.toMatchObject({
      ok: false,
      message: '"a.xlsx"：解析失败（后台读取程序出错），请重试',
    });
  });

  it('closes idle workers after a minute', () => {
    const pool = createReaderPool(() => new FakeWorker());
    void pool.read('a.xlsx', new Uint8Array([0]));
    const [worker] = FakeWorker.all as [FakeWorker];
    worker.answer(ok('a.xlsx'));
    vi.advanceTimersByTime(59_000);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(worker.terminated).toBe(true);
  });

  it('dispose stops the workers and answers what was waiting', async () => {
    const pool = createReaderPool(() => new FakeWorker(), 1);
    const running = pool.read('a.xlsx', new Uint8Array([0]));
    const queued = pool.read('b.xlsx', new Uint8Array([0]));
    pool.dispose();
    expect(FakeWorker.all[0]?.terminated).toBe(true);
    await expect(running).resolves.toMatchObject({ ok: false, fileName: 'a.xlsx' });
    await expect(queued).resolves.toMatchObject({ ok: false, fileName: 'b.xlsx' });
  });
});
