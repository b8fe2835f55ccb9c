// One handler per channel of the contract. Each first checks that the call comes from the
// app's own top-level page, then validates its argument: the renderer is the less trusted side.
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { channels, type DesktopApi } from '../shared/contract';
import { appInfo } from './app-info';
import { listAutoBackups, readAutoBackup, writeAutoBackup } from './backups';
import { backupsFolderName, parseAutoBackupRequest, parseBackupName } from './backups-rules';
import { openFiles, saveFile, saveFiles } from './files';
import { parseOpenFilesRequest, parseSaveFileRequest, parseSaveFilesRequest } from './files-rules';
import { printView } from './print';
import { parsePrintRequest } from './print-rules';
import { isTrustedSender } from './security-rules';
import { clearSyncCredentials, getSyncCredentials, setSyncCredentials, syncAbort, syncFetch } from './sync';
import { parseSyncCredentialsRequest, parseSyncFetchRequest } from './sync-rules';

type Handlers = {
  [K in keyof DesktopApi]: (event: IpcMainInvokeEvent, input: unknown) => ReturnType<DesktopApi[K]>;
};

// A mapped type: leaving out a method of DesktopApi is a compile error.
const handlers: Handlers = {
  openFiles: (event, input) => openFiles(event.sender, parseOpenFilesRequest(input)),
  saveFile: (event, input) => saveFile(event.sender, parseSaveFileRequest(input)),
  saveFiles: (event, input) => saveFiles(event.sender, parseSaveFilesRequest(input)),
  printView: (event, input) => printView(event.sender, parsePrintRequest(input)),
  appInfo: async () => appInfo(),
  writeAutoBackup: (_event, input) => writeAutoBackup(backupsFolder(), parseAutoBackupRequest(input)),
  listAutoBackups: () => listAutoBackups(backupsFolder()),
  readAutoBackup: (_event, input) => readAutoBackup(backupsFolder(), parseBackupName(input)),
  syncFetch: (_event, input) => syncFetch(userData(), parseSyncFetchRequest(input)),
  syncAbort: async (_event, input) => {
    if (typeof input !== 'string' || input.length > 100) throw new TypeError('同步请求：编号无效');
    await syncAbort(input);
  },
  setSyncCredentials: (_event, input) => setSyncCredentials(userData(), parseSyncCredentialsRequest(input)),
  getSyncCredentials: () => getSyncCredentials(userData()),
  clearSyncCredentials: () => clearSyncCredentials(userData()),
};

function userData(): string {
  return app.getPath('userData');
}

export function backupsFolder(): string {
  return path.join(app.getPath('userData'), backupsFolderName);
}

export function assertTrustedSender(event: IpcMainInvokeEvent): void {
  let trusted: boolean;
  try {
    const frame = event.senderFrame;
    trusted = frame !== null && isTrustedSender(frame.url, frame.parent === null);
  } catch {
    trusted = false; // the frame was destroyed or navigated away meanwhile
  }
  if (!trusted) throw new Error('已拒绝：请求并非来自本应用的页面。');
}

export function registerIpcHandlers(): void {
  for (const name of Object.keys(channels) as (keyof DesktopApi)[]) {
    const handler = handlers[name];
    ipcMain.handle(channels[name], (event, input: unknown) => {
      assertTrustedSender(event);
      return handler(event, input);
    });
  }
}
