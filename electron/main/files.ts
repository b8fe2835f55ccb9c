// Native open/save dialogs for the renderer, which never sees a path it did not get from the user.
import { app, BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions, type WebContents } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenFilesRequest, PickedFile, SaveFileRequest, SaveFileResult } from '../shared/contract';
import { assertOpenableSizes, fileFiltersFor, openDialogTitle, safeSaveName, saveFiltersFor } from './files-rules';

// Successive exports usually go to the same folder; remembered for this session only.
let lastSaveFolder: string | undefined;

export async function openFiles(sender: WebContents, request: OpenFilesRequest): Promise<PickedFile[]> {
  const options: OpenDialogOptions = {
    title: openDialogTitle(request),
    filters: fileFiltersFor(request.kind),
    properties: request.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return [];

  const files = await Promise.all(
    result.filePaths.map(async (filePath) => ({ filePath, name: path.basename(filePath), size: (await stat(filePath)).size })),
  );
  assertOpenableSizes(files);
  const picked: PickedFile[] = [];
  for (const file of files) {
    const data = await readFile(file.filePath);
    picked.push({ name: file.name, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  }
  return picked;
}

/** Asks where to save `name` (already made safe); undefined when the user cancels. */
export async function askSavePath(sender: WebContents, name: string, title: string): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    title,
    defaultPath: path.join(lastSaveFolder ?? app.getPath('documents'), name),
    filters: saveFiltersFor(name),
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return undefined;
  lastSaveFolder = path.dirname(result.filePath);
  return result.filePath;
}

export async function saveFile(sender: WebContents, request: SaveFileRequest): Promise<SaveFileResult> {
  const filePath = await askSavePath(sender, safeSaveName(request.suggestedName), '保存文件');
  if (!filePath) return { saved: false };
  await writeFile(filePath, request.bytes);
  return { saved: true, path: filePath };
}
