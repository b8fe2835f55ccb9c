// The preload with a stand-in for Electron: exposes exactly the contract, each method bound
// to its own channel, and never ipcRenderer itself.
import { describe, expect, it, vi } from 'vitest';
import { channels, type DesktopApi } from '../shared/contract';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (...args: unknown[]) => args),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: { invoke: fake.invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

await import('./preload');

describe('preload', () => {
  it('exposes only window.api', () => {
    expect([...fake.exposed.keys()]).toEqual(['api']);
  });

  const api = () => fake.exposed.get('api') as DesktopApi & Record<string, unknown>;

  it('has exactly the methods of the contract, all functions', () => {
    expect(Object.keys(api()).sort()).toEqual(Object.keys(channels).sort());
    expect(Object.values(api()).every((value) => typeof value === 'function')).toBe(true);
  });

  it('forwards each method to its own channel', async () => {
    const request = { kind: 'excel' as const };
    await api().openFiles(request);
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.openFiles, request);
    const save = { suggestedName: 'a.xlsx', bytes: new Uint8Array(1) };
    await api().saveFile(save);
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.saveFile, save);
    const batch = {
      folderHint: '2026年月方案',
      files: [{ name: 'a.xlsx', bytes: new Uint8Array(1) }],
      zipName: '2026年月方案.zip',
    };
    await api().saveFiles(batch);
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.saveFiles, batch);
    await api().printView({ mode: 'pdf' });
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.printView, { mode: 'pdf' });
    await api().appInfo();
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.appInfo);
    const backup = { reason: 'daily' as const, bytes: new Uint8Array(1) };
    await api().writeAutoBackup(backup);
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.writeAutoBackup, backup);
    await api().listAutoBackups();
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.listAutoBackups);
    await api().readAutoBackup('自动备份-2026-11-26-164400123-每日.dcbackup');
    expect(fake.invoke).toHaveBeenLastCalledWith(
      channels.readAutoBackup,
      '自动备份-2026-11-26-164400123-每日.dcbackup',
    );
    const fetchRequest = { id: 'r1', url: 'http://127.0.0.1:5984/duchaduban', method: 'GET', headers: [] };
    await api().syncFetch(fetchRequest);
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.syncFetch, fetchRequest);
    await api().syncAbort('r1');
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.syncAbort, 'r1');
    const credentials = { origin: 'http://127.0.0.1:5984', database: 'duchaduban', username: 'a', password: 'p' };
    await api().setSyncCredentials(credentials);
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.setSyncCredentials, credentials);
    await api().getSyncCredentials();
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.getSyncCredentials);
    await api().clearSyncCredentials();
    expect(fake.invoke).toHaveBeenLastCalledWith(channels.clearSyncCredentials);
  });
});
