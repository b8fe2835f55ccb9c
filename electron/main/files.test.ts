// openFiles / saveFile with a stand-in for Electron's dialogs, on real temporary files.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxOpenFileBytes } from './files-rules';

const fake = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
}));

vi.mock('electron', () => ({
  app: { getPath: () => '/home/u/Documents' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showOpenDialog: fake.showOpenDialog, showSaveDialog: fake.showSaveDialog },
}));

const { openFiles, saveFile } = await import('./files');
const sender = {} as WebContents;
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'files-test-'));
  fake.showOpenDialog.mockReset();
  fake.showSaveDialog.mockReset();
});

describe('openFiles', () => {
  it('returns name and bytes of each picked file', async () => {
    const a = path.join(dir, '台账.xlsx');
    const b = path.join(dir, '月报.xls');
    writeFileSync(a, Buffer.from([1, 2, 3]));
    writeFileSync(b, Buffer.from([4]));
    fake.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [a, b] });
    const files = await openFiles(sender, { kind: 'excel' });
    expect(files.map((file) => [file.name, Array.from(file.bytes)])).toEqual([
      ['台账.xlsx', [1, 2, 3]],
      ['月报.xls', [4]],
    ]);
    expect(fake.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
  });

  it('allows a single file when multiple is false', async () => {
    fake.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(openFiles(sender, { kind: 'backup', multiple: false })).resolves.toEqual([]);
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile'], filters: [{ name: '督查督办备份', extensions: ['dcbackup', 'json'] }] }),
    );
  });

  it('refuses a file over the size cap without reading it', async () => {
    const big = path.join(dir, '大文件.xlsx');
    writeFileSync(big, '');
    truncateSync(big, maxOpenFileBytes + 1); // sparse: no 50 MB written
    fake.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [big] });
    await expect(openFiles(sender, { kind: 'excel' })).rejects.toThrow(/大文件\.xlsx/);
  });
});

describe('saveFile', () => {
  it('offers a safe name in Documents and writes the bytes where the user chose', async () => {
    const target = path.join(dir, '催报清单.xlsx');
    fake.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await saveFile(sender, { suggestedName: '../催报清单.xlsx', bytes: new Uint8Array([7, 8]) });
    expect(result).toEqual({ saved: true, path: target });
    expect(Array.from(readFileSync(target))).toEqual([7, 8]);
    expect(fake.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join('/home/u/Documents', '催报清单.xlsx'),
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      }),
    );
  });

  it('writes nothing when the user cancels', async () => {
    fake.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(saveFile(sender, { suggestedName: 'a.xlsx', bytes: new Uint8Array(1) })).resolves.toEqual({ saved: false });
  });
});
