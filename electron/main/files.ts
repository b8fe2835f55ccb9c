// Native open/save dialogs for the renderer, which never sees a path it did not get from the user.
import { app, BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions, type WebContents } from 'electron';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  OpenFilesRequest,
  PickedFile,
  SaveFileRequest,
  SaveFileResult,
  SaveFilesRequest,
  SaveFilesResult,
} from '../shared/contract';
import {
  assertOpenableSizes,
  batchFolderName,
  fileFiltersFor,
  openDialogTitle,
  saveFiltersFor,
  saveFolderTitle,
} from './files-rules';
import { batchNames, numberedName, safeSaveName, sameFileName } from '../shared/file-names';

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
    result.filePaths.map(async (filePath) => ({
      filePath,
      name: path.basename(filePath),
      size: (await stat(filePath)).size,
    })),
  );
  assertOpenableSizes(files, request.kind);
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

/** Asks for a folder; undefined when the user cancels. */
async function askFolder(sender: WebContents, title: string): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title,
    defaultPath: lastSaveFolder ?? app.getPath('documents'),
    buttonLabel: '保存到此文件夹',
    properties: ['openDirectory', 'createDirectory'],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const folder = result.canceled ? undefined : result.filePaths[0];
  if (folder) lastSaveFolder = folder;
  return folder;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
const maxAttempts = 1000;

/** `parent/name`, created; an existing folder of that name is used, a file of that name skipped. */
async function ensureFolder(parent: string, name: string): Promise<string> {
  for (let n = 1; n <= maxAttempts; n++) {
    const folder = path.join(parent, numberedName(name, n, true));
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      if ((await stat(folder)).isDirectory()) return folder;
    }
  }
  throw new Error(`无法在所选位置新建文件夹“${name}”`);
}

/** Writes `bytes` as `name` in `folder`, never over an existing file (one that appeared meanwhile gets the next number). */
async function writeNewFile(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; n <= maxAttempts; n++) {
    const target = path.join(folder, numberedName(name, n));
    try {
      await writeFile(target, bytes, { flag: 'wx' });
      return target;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error(`文件“${name}”已存在`);
}

/**
 * Asks for a folder and writes every file into it (or into the subfolder `folderHint` names):
 * names made safe, and numbered ' (2)' … where a file of that name exists, so nothing is
 * overwritten. A failure stops the batch and says how many files were written before it.
 */
export async function saveFiles(sender: WebContents, request: SaveFilesRequest): Promise<SaveFilesResult> {
  if (request.files.length === 0) return { saved: 0 };
  const subfolder = batchFolderName(request.folderHint);
  const picked = await askFolder(sender, saveFolderTitle(request.files.length, subfolder));
  if (!picked) return { saved: 0, canceled: true };

  let saved = 0;
  let current = '';
  try {
    // A folder the user has just made with the hint's name is used as it is, not nested.
    const folder =
      subfolder === undefined || sameFileName(path.basename(picked), subfolder)
        ? picked
        : await ensureFolder(picked, subfolder);
    const names = batchNames(
      request.files.map((file) => file.name),
      await readdir(folder),
    );
    for (const [index, file] of request.files.entries()) {
      current = names[index] ?? safeSaveName(file.name);
      await writeNewFile(folder, current, file.bytes);
      saved += 1;
    }
    return { saved, folder };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = current === '' ? '' : `“${current}”`;
    throw new Error(`已保存 ${saved} 个文件，保存${where}时出错：${reason}`, { cause: error });
  }
}
