// Exposes exactly the DesktopApi of the contract as `window.api`. Each method forwards to one
// fixed channel; the page never gets ipcRenderer itself, so it cannot pick channels or listen.
// Bundled into a single file because a sandboxed preload can only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type DesktopApi } from '../shared/contract';

const api: DesktopApi = {
  openFiles: (request) => ipcRenderer.invoke(channels.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(channels.saveFile, request),
  saveFiles: (request) => ipcRenderer.invoke(channels.saveFiles, request),
  printView: (request) => ipcRenderer.invoke(channels.printView, request),
  appInfo: () => ipcRenderer.invoke(channels.appInfo),
  writeAutoBackup: (request) => ipcRenderer.invoke(channels.writeAutoBackup, request),
  listAutoBackups: () => ipcRenderer.invoke(channels.listAutoBackups),
  readAutoBackup: (name) => ipcRenderer.invoke(channels.readAutoBackup, name),
  syncFetch: (request) => ipcRenderer.invoke(channels.syncFetch, request),
  syncAbort: (id) => ipcRenderer.invoke(channels.syncAbort, id),
  setSyncCredentials: (request) => ipcRenderer.invoke(channels.setSyncCredentials, request),
  getSyncCredentials: () => ipcRenderer.invoke(channels.getSyncCredentials),
  clearSyncCredentials: () => ipcRenderer.invoke(channels.clearSyncCredentials),
};

contextBridge.exposeInMainWorld('api', api);
