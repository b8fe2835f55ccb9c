// createMainWindow with a stand-in for Electron: checks what actually reaches `new BrowserWindow`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beforeQuitHook } from '../shared/contract';
import { appEntryUrl } from './protocol-rules';
import { windowOptions } from './window-rules';

const fake = vi.hoisted(() => {
  type Listener = (event?: { preventDefault(): void }) => void;
  class FakeWindow {
    static created: FakeWindow[] = [];
    listeners = new Map<string, Listener>();
    loadedUrl = '';
    maximized = false;
    shown = false;
    closed = false;
    pageScripts: string[] = [];
    pageAnswer: Promise<unknown> = Promise.resolve();
    webContents = {
      executeJavaScript: (code: string) => {
        this.pageScripts.push(code);
        return this.pageAnswer;
      },
    };
    constructor(public options: Record<string, unknown>) {
      FakeWindow.created.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    emit(event: string) {
      this.listeners.get(event)?.();
    }
    /** Like Electron: 'close' runs its listener, and the window closes unless it prevented that. */
    close() {
      let prevented = false;
      this.listeners.get('close')?.({ preventDefault: () => (prevented = true) });
      if (!prevented) this.closed = true;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    maximize() {
      this.maximized = true;
    }
    show() {
      this.shown = true;
    }
    isMaximized() {
      return this.maximized;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1100, height: 700 };
    }
  }
  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const screen = { getPrimaryDisplay: () => primary, getAllDisplays: () => [primary] };
  return { FakeWindow, screen };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, screen: fake.screen }));

const { createMainWindow } = await import('./window');

describe('createMainWindow', () => {
  let stateFile: string;
  afterEach(() => rmSync(path.dirname(stateFile), { recursive: true, force: true }));
  beforeEach(() => {
    fake.FakeWindow.created.length = 0;
    stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'window-test-')), 'window-state.json');
  });

  it('passes exactly the webPreferences of windowOptions() to Electron', () => {
    createMainWindow('/dist/electron/preload.cjs', stateFile);
    const passed = fake.FakeWindow.created[0]?.options;
    const expected = windowOptions('/dist/electron/preload.cjs', undefined, [fake.screen.getPrimaryDisplay().workArea]);
    expect(passed).toEqual(expected);
    expect(passed?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('loads the bundle from app:// and shows the window only when ready', () => {
    createMainWindow('p', stateFile);
    const win = fake.FakeWindow.created[0];
    expect(win?.loadedUrl).toBe(appEntryUrl);
    expect(win?.shown).toBe(false);
    win?.emit('ready-to-show');
    expect(win?.shown).toBe(true);
  });

  it('saves the bounds on close and reopens there, maximized again', () => {
    createMainWindow('p', stateFile);
    const first = fake.FakeWindow.created[0];
    first?.maximize();
    first?.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      x: 40,
      y: 30,
      width: 1100,
      height: 700,
      maximized: true,
    });

    createMainWindow('p', stateFile);
    const second = fake.FakeWindow.created[1];
    expect(second?.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 700 });
    second?.emit('ready-to-show');
    expect(second?.maximized).toBe(true);
  });

  it('asks the page for its quit backup before closing, and closes when it is done', async () => {
    createMainWindow('p', stateFile);
    const win = fake.FakeWindow.created[0];
    let finishBackup: () => void = () => undefined;
    if (win) win.pageAnswer = new Promise<void>((resolve) => (finishBackup = resolve));
    win?.close();
    expect(win?.pageScripts).toEqual([`globalThis.${beforeQuitHook}?.()`]);
    expect(win?.closed).toBe(false);
    finishBackup();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(win?.closed).toBe(true);
    expect(win?.pageScripts).toHaveLength(1);
  });

  it('ignores a damaged state file', () => {
    writeFileSync(stateFile, '{not json');
    createMainWindow('p', stateFile);
    expect(fake.FakeWindow.created[0]?.options.x).toBeUndefined();
  });
});
