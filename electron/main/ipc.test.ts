// registerIpcHandlers with a stand-in for Electron: every contract channel is handled, and
// every handler refuses callers other than the app's own top-level page.
import type { IpcMainInvokeEvent } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { channels, type StoredBackup } from '../shared/contract';

type Handler = (event: IpcMainInvokeEvent, input?: unknown) => unknown;

const fake = vi.hoisted(() => ({
  userData: '/data/userData',
  handlers: new Map<string, Handler>(),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler) },
  app: {
    getVersion: () => '0.1.0',
    getPath: (name: string) => (name === 'userData' ? fake.userData : `/data/${name}`),
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showOpenDialog: fake.showOpenDialog },
}));

const { registerIpcHandlers } = await import('./ipc');

function eventFrom(url: string | null, isTop = true): IpcMainInvokeEvent {
  const senderFrame = url === null ? null : { url, parent: isTop ? null : { url: 'app://bundle/index.html' } };
  return { senderFrame, sender: {} } as unknown as IpcMainInvokeEvent;
}

const trusted = eventFrom('app://bundle/index.html#/ledger');
const validInput: Record<string, unknown> = {
  [channels.openFiles]: { kind: 'excel' },
  [channels.saveFile]: { suggestedName: 'a.xlsx', bytes: new Uint8Array(1) },
  [channels.saveFiles]: { files: [{ name: 'a.xlsx', bytes: new Uint8Array(1) }], zipName: 'a.zip' },
  [channels.printView]: { mode: 'print' },
  [channels.appInfo]: undefined,
  [channels.writeAutoBackup]: { reason: 'daily', bytes: new TextEncoder().encode('{"format": "duchaduban-backup"}') },
  [channels.listAutoBackups]: undefined,
  [channels.readAutoBackup]: '自动备份-2026-11-26-164400123-每日.dcbackup',
  [channels.syncFetch]: { id: 'r1', url: 'http://127.0.0.1:5984/duchaduban', method: 'GET', headers: [] },
  [channels.syncAbort]: 'r1',
  [channels.setSyncCredentials]: { origin: 'http://127.0.0.1:5984', database: 'duchaduban', username: 'a' },
  [channels.getSyncCredentials]: undefined,
  [channels.clearSyncCredentials]: undefined,
};

describe('registerIpcHandlers', () => {
  beforeAll(() => registerIpcHandlers());

  it('registers exactly the channels of the contract', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(channels).sort());
  });

  describe.each(Object.values(channels))('%s', (channel) => {
    const handler = () => fake.handlers.get(channel) as Handler;

    it.each([
      ['a remote page', eventFrom('https://evil.example/')],
      ['a local file', eventFrom('file:///C:/Users/a/evil.html')],
      ['another app:// host', eventFrom('app://evil/index.html')],
      ['a subframe of the app', eventFrom('app://bundle/index.html', false)],
      ['a destroyed frame', eventFrom(null)],
    ])('refuses %s', async (_label, event) => {
      fake.showOpenDialog.mockClear();
      await expect(async () => handler()(event, validInput[channel])).rejects.toThrow(/已拒绝/);
      expect(fake.showOpenDialog).not.toHaveBeenCalled();
    });
  });

  it('answers the app page', async () => {
    await expect(Promise.resolve(fake.handlers.get(channels.appInfo)?.(trusted))).resolves.toMatchObject({
      version: '0.1.0',
      dataFolder: '/data/userData',
      shell: 'electron',
    });
    await expect(Promise.resolve(fake.handlers.get(channels.openFiles)?.(trusted, { kind: 'excel' }))).resolves.toEqual(
      [],
    );
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: [{ name: 'Excel 或 WPS 表格', extensions: ['xlsx', 'xls', 'et'] }],
        properties: ['openFile', 'multiSelections'],
      }),
    );
  });

  it('validates the argument of a trusted caller', async () => {
    await expect(async () => fake.handlers.get(channels.openFiles)?.(trusted, { kind: 'exe' })).rejects.toThrow(
      TypeError,
    );
    await expect(async () =>
      fake.handlers.get(channels.saveFile)?.(trusted, { suggestedName: 'a', bytes: 'x' }),
    ).rejects.toThrow(TypeError);
    await expect(async () =>
      fake.handlers.get(channels.saveFiles)?.(trusted, { files: [{ name: 'a', bytes: [1] }], zipName: 'a.zip' }),
    ).rejects.toThrow(TypeError);
    expect(fake.showOpenDialog).not.toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
  });

  it('writes, lists and reads automatic backups in the backups folder of the data folder', async () => {
    fake.userData = await mkdtemp(path.join(os.tmpdir(), 'ipc-backups-'));
    try {
      const bytes = new TextEncoder().encode('{"format": "duchaduban-backup", "x": 1}');
      const stored = (await fake.handlers.get(channels.writeAutoBackup)?.(trusted, {
        reason: 'import',
        bytes,
      })) as StoredBackup;
      expect(stored.name).toMatch(/^自动备份-.*-导入前\.dcbackup$/);
      expect(await readdir(path.join(fake.userData, 'backups'))).toEqual([stored.name]);
      await expect(Promise.resolve(fake.handlers.get(channels.listAutoBackups)?.(trusted))).resolves.toEqual({
        folder: path.join(fake.userData, 'backups'),
        backups: [stored],
      });
      const read = (await fake.handlers.get(channels.readAutoBackup)?.(trusted, stored.name)) as { bytes: Uint8Array };
      expect(new TextDecoder().decode(read.bytes)).toBe(new TextDecoder().decode(bytes));
    } finally {
      await rm(fake.userData, { recursive: true, force: true });
      fake.userData = '/data/userData';
    }
  });

  it('refuses to write what is not a backup, or to read a file that is not one of the backups', async () => {
    await expect(async () =>
      fake.handlers.get(channels.writeAutoBackup)?.(trusted, {
        reason: 'daily',
        bytes: new TextEncoder().encode('MZ…'),
      }),
    ).rejects.toThrow(TypeError);
    await expect(async () =>
      fake.handlers.get(channels.writeAutoBackup)?.(trusted, { reason: 'cron', bytes: new Uint8Array(1) }),
    ).rejects.toThrow(TypeError);
    await expect(async () =>
      fake.handlers.get(channels.readAutoBackup)?.(trusted, '../window-state.json'),
    ).rejects.toThrow(TypeError);
  });

  it('asks for a folder for a batch of files', async () => {
    fake.showOpenDialog.mockClear();
    const batch = {
      folderHint: '2026年月方案',
      files: [{ name: 'a.xlsx', bytes: new Uint8Array(1) }],
      zipName: 'a.zip',
    };
    await expect(Promise.resolve(fake.handlers.get(channels.saveFiles)?.(trusted, batch))).resolves.toEqual({
      saved: 0,
      canceled: true,
    });
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
  });
});
