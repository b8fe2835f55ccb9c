// printView with stand-ins for the web contents and the save dialog.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ showSaveDialog: vi.fn() }));

vi.mock('electron', () => ({
  app: { getPath: () => '/home/u/Documents' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: fake.showSaveDialog },
}));

const { printView } = await import('./print');

function contents(printOutcome: [boolean, string] = [true, '']) {
  return {
    print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) =>
      callback(...printOutcome),
    ),
    printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7')),
  };
}

describe('printView', () => {
  it('opens the system print dialog with backgrounds', async () => {
    const view = contents();
    await expect(printView(view as unknown as WebContents, { mode: 'print' })).resolves.toEqual({ done: true });
    expect(view.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false, printBackground: true }),
      expect.any(Function),
    );
  });

  it('reports a cancelled print as not done, a failed one as an error', async () => {
    await expect(
      printView(contents([false, 'cancelled']) as unknown as WebContents, { mode: 'print' }),
    ).resolves.toEqual({ done: false });
    await expect(printView(contents([false, 'failed']) as unknown as WebContents, { mode: 'print' })).rejects.toThrow(
      /打印失败/,
    );
  });

  it('saves an A4 PDF where the user chose', async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'print-test-')), '月报.pdf');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const view = contents();
    await expect(printView(view as unknown as WebContents, { mode: 'pdf', suggestedName: '月报' })).resolves.toEqual({
      done: true,
      path: target,
    });
    expect(view.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true }));
    expect(fake.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join('/home/u/Documents', '月报.pdf') }),
    );
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7');
    rmSync(path.dirname(target), { recursive: true, force: true });
  });

  it('writes nothing when the PDF dialog is cancelled', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(printView(contents() as unknown as WebContents, { mode: 'pdf' })).resolves.toEqual({ done: false });
  });
});
