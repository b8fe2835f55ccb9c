// Lifecycle. Order matters: the userData folder and the app:// scheme must be settled before
// `ready`, and the single-instance lock lives in userData.
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { appId, userDataFolderName } from './identity';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { preloadPath, rendererRoot } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { blockRemoteRequests, denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';

app.setPath('userData', path.join(app.getPath('appData'), userDataFolderName));
if (process.platform === 'win32') app.setAppUserModelId(appId);
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  blockRemoteRequests(session.defaultSession);
  serveRenderer(rendererRoot);
  registerIpcHandlers();
  installMenu();
  mainWindow = createMainWindow(preloadPath, path.join(app.getPath('userData'), 'window-state.json'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit();
} else {
  hardenWebContents();
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  start().catch((error: unknown) => {
    dialog.showErrorBox('启动失败', error instanceof Error ? (error.stack ?? error.message) : String(error));
    app.quit();
  });
}
