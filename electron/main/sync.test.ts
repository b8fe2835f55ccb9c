// main's sync path with a stand-in for Electron: the password never reaches the disk in clear,
// requests go only to the configured server, with the stored credentials, never redirected.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const fake = vi.hoisted(() => ({
  backend: 'gnome_libsecret',
  fetch: vi.fn(async (_url: string, _init: RequestInit) => new Response('{"ok":true}', { status: 200 })),
}));

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => fake.backend,
    encryptStringAsync: async (text: string) => Buffer.from(`enc(${text})`.split('').reverse().join('')),
    decryptStringAsync: async (data: Buffer) => ({
      result: data.toString().split('').reverse().join('').slice(4, -1),
      shouldReEncrypt: false,
    }),
  },
  session: { fromPartition: () => ({ fetch: fake.fetch }) },
}));

async function fresh() {
  vi.resetModules();
  return import('./sync');
}

const request = {
  id: 'r1',
  url: 'https://couch.example:6984/duchaduban/_changes',
  method: 'GET',
  headers: [['Authorization', 'Basic forged']] as [string, string][],
};

describe('main/sync', () => {
  beforeEach(() => {
    fake.backend = 'gnome_libsecret';
    fake.fetch.mockClear();
  });

  it('keeps the password encrypted on disk and adds it to requests to the configured database only', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sync-'));
    const sync = await fresh();
    const state = await sync.setSyncCredentials(folder, {
      origin: 'https://couch.example:6984',
      database: 'duchaduban',
      username: '张三',
      password: 'secret-密码',
    });
    expect(state).toEqual({
      origin: 'https://couch.example:6984',
      database: 'duchaduban',
      username: '张三',
      hasPassword: true,
      storage: 'encrypted',
    });
    const onDisk = await readFile(path.join(folder, 'sync-credentials.json'), 'utf8');
    expect(onDisk).not.toContain('secret');
    expect(onDisk).toContain('"password"');

    // A new start reads it back.
    const again = await fresh();
    expect((await again.getSyncCredentials(folder)).hasPassword).toBe(true);
    const response = await again.syncFetch(folder, request);
    expect(response.status).toBe(200);
    const [url, init] = fake.fetch.mock.calls[0]!;
    expect(url).toBe(request.url);
    expect(init.redirect).toBe('error');
    expect(init.headers).toEqual([['Authorization', `Basic ${Buffer.from('张三:secret-密码').toString('base64')}`]]);

    await expect(
      again.syncFetch(folder, { ...request, url: 'https://couch.example:6984/_users/_all_docs' }),
    ).rejects.toThrow(/已拒绝/);
    await expect(again.syncFetch(folder, { ...request, url: 'https://evil.example/duchaduban' })).rejects.toThrow(
      /已拒绝/,
    );
    expect(fake.fetch).toHaveBeenCalledTimes(1);
  });

  it('without a keyring (Linux basic_text) keeps the password for the session only', async () => {
    fake.backend = 'basic_text';
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sync-'));
    const sync = await fresh();
    const state = await sync.setSyncCredentials(folder, {
      origin: 'http://10.0.0.5:5984',
      database: 'duchaduban',
      username: 'a',
      password: 'secret',
    });
    expect(state).toMatchObject({ hasPassword: true, storage: 'session' });
    expect(await readFile(path.join(folder, 'sync-credentials.json'), 'utf8')).not.toContain('password');
    const next = await fresh();
    expect(await next.getSyncCredentials(folder)).toMatchObject({
      username: 'a',
      hasPassword: false,
      storage: 'session',
    });
    await expect(next.syncFetch(folder, { ...request, url: 'http://10.0.0.5:5984/duchaduban' })).rejects.toThrow(
      /密码/,
    );
  });

  it('forgets the password when the server or user changes, keeps it otherwise', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sync-'));
    const sync = await fresh();
    const base = { origin: 'http://10.0.0.5:5984', database: 'duchaduban', username: 'a' };
    await sync.setSyncCredentials(folder, { ...base, password: 'x' });
    expect((await sync.setSyncCredentials(folder, base)).hasPassword).toBe(true);
    expect((await sync.setSyncCredentials(folder, { ...base, username: 'b' })).hasPassword).toBe(false);
    await sync.clearSyncCredentials(folder);
    expect((await sync.getSyncCredentials(folder)).storage).toBe('none');
  });
});
