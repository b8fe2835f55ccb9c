// The hardening hooks with stand-ins for Electron's app, web contents and session.
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({ appListeners: new Map<string, Listener>() }));

vi.mock('electron', () => ({
  app: { on: (event: string, listener: Listener) => fake.appListeners.set(event, listener) },
}));

const { blockRemoteRequests, denyAllPermissions, hardenWebContents } = await import('./security');

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener = () => ({ action: 'allow' });
  return {
    listeners,
    openHandler: () => openHandler,
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => {
      openHandler = handler;
    },
  };
}

function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  hardenWebContents();
  const contents = fakeContents();
  fake.appListeners.get('web-contents-created')?.({}, contents);

  it.each(['will-navigate', 'will-redirect'])('%s: blocks leaving the bundle, allows staying', (event) => {
    const away = navigation('https://evil.example/');
    contents.listeners.get(event)?.(away);
    expect(away.preventDefault).toHaveBeenCalled();
    const fileUrl = navigation('file:///C:/Windows/win.ini');
    contents.listeners.get(event)?.(fileUrl);
    expect(fileUrl.preventDefault).toHaveBeenCalled();
    const inside = navigation('app://bundle/index.html');
    contents.listeners.get(event)?.(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window', () => {
    expect(contents.openHandler()({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler()({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  const handlers: Record<string, Listener> = {};
  let filter: { urls: string[] } = { urls: [] };
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (handlers.device = handler),
    webRequest: {
      onBeforeRequest: (requestFilter: { urls: string[] }, handler: Listener) => {
        filter = requestFilter;
        handlers.beforeRequest = handler;
      },
    },
  } as unknown as Session;
  denyAllPermissions(session);
  blockRemoteRequests(session);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies the %s permission',
    (permission) => {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, 'app://bundle', {})).toBe(false);
    },
  );

  it('denies devices', () => {
    expect(handlers.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels http(s) and websocket requests', () => {
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    handlers.beforeRequest?.({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
