// The main window: created from windowOptions(), reopened where it was last closed.
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeQuitHook, quitBackupTimeoutMs } from '../shared/contract';
import { createCloseGate } from './close-gate';
import { appEntryUrl } from './protocol-rules';
import { parseWindowState, windowOptions, type WindowState } from './window-rules';

function readState(file: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined; // first start or a damaged file: open centred
  }
}

function writeState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch {
    // Losing the window position is harmless; never block closing for it.
  }
}

/** Work areas of all displays, the primary one first (windowOptions sizes the default window by it). */
function displayWorkAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
}

export function createMainWindow(preloadPath: string, stateFile: string): BrowserWindow {
  const saved = readState(stateFile);
  const options = windowOptions(preloadPath, saved, displayWorkAreas());
  const win = new BrowserWindow({
    ...options,
    // windowOptions() already sets these; they are restated as literals because
    // electronegativity only inspects the literal passed to `new BrowserWindow`, and being
    // last they win over the spread, so what it verifies is what Electron receives.
    // window.test.ts checks that both agree.
    webPreferences: {
      ...options.webPreferences,
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const maximize = options.x !== undefined && saved?.maximized === true;
  win.once('ready-to-show', () => {
    if (maximize) win.maximize();
    win.show();
  });
  // Closing (× or 退出) first lets the page take the 'quit' backup, which it registered as a global.
  const gate = createCloseGate(
    () => win.webContents.executeJavaScript(`globalThis.${beforeQuitHook}?.()`, true),
    quitBackupTimeoutMs,
  );
  win.on('close', (event) => {
    writeState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    gate.onClose(
      () => event.preventDefault(),
      () => win.close(),
    );
  });
  win.loadURL(appEntryUrl).catch((error: unknown) => console.error('无法加载界面', error));
  return win;
}
