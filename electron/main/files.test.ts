// openFiles / saveFile with a stand-in for Electron's dialogs, on real temporary files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
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

const { openFiles, saveFile, saveFiles } = await import('./files');
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
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
  });

  it('allows a single file when multiple is false', async () => {
    fake.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(openFiles(sender, { kind: 'backup', multiple: false })).resolves.toEqual([]);
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        properties: ['openFile'],
        filters: [{ name: '督查督办备份', extensions: ['dcbackup', 'json'] }],
      }),
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
    await expect(saveFile(sender, { suggestedName: 'a.xlsx', bytes: new Uint8Array(1) })).resolves.toEqual({
      saved: false,
    });
  });
});

describe('saveFiles', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  const pick = (folder: string) => fake.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [folder] });

  it('asks for a folder and writes every file into it', async () => {
    pick(dir);
    const result = await saveFiles(sender, {
      files: [
        { name: '东城街道-2026年月方案.xlsx', bytes: bytes(1) },
        { name: '西城街道-2026年月方案.xlsx', bytes: bytes(2, 3) },
      ],
      zipName: '2026年月方案.zip',
    });
    expect(result).toEqual({ saved: 2, folder: dir });
    expect(readdirSync(dir).sort()).toEqual(['东城街道-2026年月方案.xlsx', '西城街道-2026年月方案.xlsx']);
    expect(Array.from(readFileSync(path.join(dir, '西城街道-2026年月方案.xlsx')))).toEqual([2, 3]);
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '选择保存位置（共 2 个文件）',
        defaultPath: expect.any(String),
        properties: ['openDirectory', 'createDirectory'],
      }),
    );
  });

  it('never overwrites: an existing file or a repeat in the batch gets a number', async () => {
    writeFileSync(path.join(dir, 'a.xlsx'), 'old');
    pick(dir);
    const result = await saveFiles(sender, {
      files: [
        { name: 'a.xlsx', bytes: bytes(1) },
        { name: 'a.xlsx', bytes: bytes(2) },
      ],
      zipName: 'x.zip',
    });
    expect(result.saved).toBe(2);
    expect(readFileSync(path.join(dir, 'a.xlsx'), 'utf8')).toBe('old');
    expect(Array.from(readFileSync(path.join(dir, 'a (2).xlsx')))).toEqual([1]);
    expect(Array.from(readFileSync(path.join(dir, 'a (3).xlsx')))).toEqual([2]);
  });

  it('keeps every file inside the chosen folder', async () => {
    const inner = path.join(dir, 'inner');
    mkdirSync(inner);
    pick(inner);
    await saveFiles(sender, {
      files: [
        { name: '../../escape.xlsx', bytes: bytes(9) },
        { name: '..', bytes: bytes(8) },
      ],
      zipName: 'x.zip',
    });
    expect(readdirSync(dir)).toEqual(['inner']);
    expect(readdirSync(inner).sort()).toEqual(['escape.xlsx', '未命名']);
  });

  it('creates the hinted subfolder, and uses it as it is when it exists', async () => {
    pick(dir);
    const request = { folderHint: '2026年/月方案', files: [{ name: 'a.xlsx', bytes: bytes(1) }], zipName: 'x.zip' };
    const first = await saveFiles(sender, request);
    const folder = path.join(dir, '2026年月方案');
    expect(first).toEqual({ saved: 1, folder });
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: '选择保存位置（共 1 个文件）：将在其中新建文件夹“2026年月方案”' }),
    );
    const second = await saveFiles(sender, request);
    expect(second).toEqual({ saved: 1, folder });
    expect(readdirSync(folder).sort()).toEqual(['a (2).xlsx', 'a.xlsx']);
  });

  it('does not nest the subfolder in a folder of the same name, and steps around a file of that name', async () => {
    const same = path.join(dir, '2026年月方案');
    mkdirSync(same);
    pick(same);
    expect(
      await saveFiles(sender, {
        folderHint: '2026年月方案',
        files: [{ name: 'a.xlsx', bytes: bytes(1) }],
        zipName: 'x.zip',
      }),
    ).toEqual({ saved: 1, folder: same });

    writeFileSync(path.join(dir, '5月进展'), 'a file');
    pick(dir);
    const result = await saveFiles(sender, {
      folderHint: '5月进展',
      files: [{ name: 'b.xlsx', bytes: bytes(2) }],
      zipName: 'x.zip',
    });
    expect(result).toEqual({ saved: 1, folder: path.join(dir, '5月进展 (2)') });
  });

  it('remembers the folder for the next save', async () => {
    pick(dir);
    await saveFiles(sender, { files: [{ name: 'a.xlsx', bytes: bytes(1) }], zipName: 'x.zip' });
    fake.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await saveFiles(sender, { files: [{ name: 'a.xlsx', bytes: bytes(1) }], zipName: 'x.zip' });
    expect(fake.showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: dir }));
  });

  it('writes nothing when the user cancels, and asks nothing for an empty batch', async () => {
    fake.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(
      saveFiles(sender, { files: [{ name: 'a.xlsx', bytes: bytes(1) }], zipName: 'x.zip' }),
    ).resolves.toEqual({ saved: 0, canceled: true });
    expect(readdirSync(dir)).toEqual([]);
    fake.showOpenDialog.mockClear();
    await expect(saveFiles(sender, { files: [], zipName: 'x.zip' })).resolves.toEqual({ saved: 0 });
    expect(fake.showOpenDialog).not.toHaveBeenCalled();
  });

  it('says how many files were written before a failure', async () => {
    const gone = path.join(dir, 'removed');
    pick(gone);
    await expect(saveFiles(sender, { files: [{ name: 'a.xlsx', bytes: bytes(1) }], zipName: 'x.zip' })).rejects.toThrow(
      /^已保存 0 个文件/,
    );
  });
});
