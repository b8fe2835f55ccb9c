import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CELL_TEXT } from './cells';
import { readWorkbook } from './read';
import { writeWorkbook, type SheetSpec } from './write';
import { createWorkbookWriter, writeWorkbookOffThread, type WriterLike } from './write-client';
import type { WriteRequest, WriteResponse } from './write-protocol';

/** A stand-in Worker that writes with the real writeWorkbook, as write-worker.ts does. */
class FakeWriter implements WriterLike {
  static all: FakeWriter[] = [];
  requests: WriteRequest[] = [];
  terminated = false;
  /** Set: requests are kept, not answered (a worker busy or dead). */
  silent = false;
  private listeners = new Map<string, ((event: never) => void)[]>();

  constructor() {
    FakeWriter.all.push(this);
  }

  postMessage(message: WriteRequest): void {
    this.requests.push(structuredClone(message));
    if (this.silent) return;
    writeWorkbook(message.sheets, message.meta).then(
      (bytes) => this.emit('message', { data: { id: message.id, bytes } satisfies WriteResponse }),
      (error: Error) =>
        this.emit('message', { data: { id: message.id, message: error.message } satisfies WriteResponse }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, event: object): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event as never);
  }
}

const sheet = (text: string): SheetSpec[] => [
  { name: '表', columns: [{ header: '事项', key: 'a' }], rows: [{ a: text }, { a: 2 }, { a: new Date('2026-06-25') }] },
];

async function cells(bytes: Uint8Array) {
  const read = await readWorkbook('x.xlsx', bytes);
  if (!read.ok) throw new Error(read.message);
  return read.grid.sheets[0]?.rows.map((row) => row[0]?.v);
}

afterEach(() => {
  FakeWriter.all = [];
  vi.useRealTimers();
});

describe('the workbook writer', () => {
  it('writes each workbook in one worker, in the order asked', async () => {
    const writer = createWorkbookWriter(() => new FakeWriter());
    const [a, b] = await Promise.all([writer.write(sheet('甲')), writer.write(sheet('乙'))]);
    expect(FakeWriter.all).toHaveLength(1);
    expect(FakeWriter.all[0]?.requests.map((r) => r.id)).toEqual([1, 2]);
    expect(await cells(a!)).toEqual(['事项', '甲', 2, '2026-06-25']);
    expect(await cells(b!)).toEqual(['事项', '乙', 2, '2026-06-25']);
  });

  it("rejects with writeWorkbook's own message, and goes on writing", async () => {
    const writer = createWorkbookWriter(() => new FakeWriter());
    await expect(writer.write(sheet('长'.repeat(MAX_CELL_TEXT + 1)))).rejects.toThrow(/单元格的文字超过Excel上限/);
    expect(await cells(await writer.write(sheet('丙')))).toEqual(['事项', '丙', 2, '2026-06-25']);
    expect(FakeWriter.all).toHaveLength(1);
  });

  it('fails what was waiting when the worker dies, and starts a new one for the next', async () => {
    const writer = createWorkbookWriter(() => new FakeWriter());
    const first = writer.write(sheet('甲'));
    const dead = FakeWriter.all[0]!;
    dead.silent = true;
    const second = writer.write(sheet('乙'));
    dead.emit('error', { preventDefault: () => undefined });
    await first.catch(() => undefined);
    await expect(second).rejects.toThrow('生成Excel文件的后台进程意外停止，请重试');
    expect(dead.terminated).toBe(true);
    expect(await cells(await writer.write(sheet('丙')))).toEqual(['事项', '丙', 2, '2026-06-25']);
    expect(FakeWriter.all).toHaveLength(2);
  });

  it('closes the worker after a minute with nothing to write', async () => {
    vi.useFakeTimers();
    const writer = createWorkbookWriter(() => Object.assign(new FakeWriter(), { silent: true }));
    const written = writer.write(sheet('甲'));
    const worker = FakeWriter.all[0]!;
    worker.emit('message', { data: { id: 1, bytes: new Uint8Array([1]) } satisfies WriteResponse });
    await expect(written).resolves.toEqual(new Uint8Array([1]));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(worker.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(worker.terminated).toBe(true);
  });

  it('writes in-thread where there are no Workers (Node)', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(await cells(await writeWorkbookOffThread(sheet('丁')))).toEqual(['事项', '丁', 2, '2026-06-25']);
  });
});
