// main.ts with a stand-in for Electron: what must happen before `ready`, and the
// single-instance behaviour.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const state = { gotLock: true };
  const app = {
    getPath: (name: string) => `/home/u/.config${name === 'appData' ? '' : `/${name}`}`,
    setPath: (name: string, value: string) => calls.push(`setPath ${name} ${value}`),
    setAppUserModelId: (id: string) => calls.push(`setAppUserModelId ${id}`),
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return state.gotLock;
    },
    quit: () => calls.push('quit'),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      calls.push(`on ${event}`);
      appListeners.set(event, listener);
    },
    whenReady: () => new Promise<void>(() => {}), // never ready: only pre-ready behaviour is tested
  };
  const protocol = { registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged') };
  return { calls, appListeners, state, app, protocol };
});

vi.mock('electron', () => ({
  app: fake.app,
  protocol: fake.protocol,
  BrowserWindow: {},
  dialog: {},
  ipcMain: {},
  Menu: {},
  screen: {},
  session: {},
}));

describe('main', () => {
  beforeEach(() => {
    vi.resetModules();
    fake.calls.length = 0;
    fake.appListeners.clear();
  });

  it('fixes userData to appData/duchaduban before taking the lock and registers app:// before ready', async () => {
    await import('./main');
    expect(fake.calls.filter((call) => !call.startsWith('setAppUserModelId')).slice(0, 3)).toEqual([
      'setPath userData /home/u/.config/duchaduban',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(fake.calls).toContain('on web-contents-created');
    expect(fake.calls).toContain('on second-instance');
    expect(fake.calls).not.toContain('quit');
  });

  it("takes the installer's AppUserModelID on Windows only", async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      await import('./main');
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(fake.calls).toContain('setAppUserModelId cn.duchaduban.desktop');
    fake.calls.length = 0;
    vi.resetModules();
    await import('./main');
    expect(fake.calls.some((call) => call.startsWith('setAppUserModelId'))).toBe(false);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.gotLock = false;
    try {
      await import('./main');
    } finally {
      fake.state.gotLock = true;
    }
    expect(fake.calls).toContain('quit');
    expect(fake.calls).not.toContain('on second-instance');
  });
});
