// The renderer's only door to the desktop. In Electron the preload script provides
// `window.api`; in a plain browser (the end-to-end tests, a quick look without installing)
// the same calls fall back to a file input, a download (many files: one .zip) and window.print.
import type {
  AppInfo,
  DesktopApi,
  OpenFilesRequest,
  PickedFile,
  PrintRequest,
  PrintResult,
  SaveFileRequest,
  SaveFileResult,
  SaveFilesRequest,
  SaveFilesResult,
} from '../../../electron/shared/contract';
import { browserSync } from './syncBrowser';

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

const acceptByKind: Record<OpenFilesRequest['kind'], string> = {
  excel: '.xlsx,.xls,.et',
  backup: '.dcbackup,.json',
};

function pickWithFileInput(request: OpenFilesRequest): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptByKind[request.kind];
    input.multiple = request.multiple ?? true;
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      resolve(
        await Promise.all(
          files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
        ),
      );
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.append(input);
    input.click();
  });
}

function downloadBytes(request: SaveFileRequest): SaveFileResult {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, path: request.suggestedName };
}

/** Many files as one .zip download (a browser cannot write into a folder). */
async function downloadZip(request: SaveFilesRequest): Promise<SaveFilesResult> {
  if (request.files.length === 0) return { saved: 0 };
  // fflate is only needed here: loaded on the first batch, not at start-up.
  const { zipFiles } = await import('./zip');
  const name = /\.zip$/i.test(request.zipName) ? request.zipName : `${request.zipName}.zip`;
  downloadBytes({ suggestedName: name, bytes: zipFiles(request.files) });
  return { saved: request.files.length, folder: name };
}

const browserApi: DesktopApi = {
  openFiles: pickWithFileInput,
  saveFile: async (request) => downloadBytes(request),
  saveFiles: downloadZip,
  printView: async (_request: PrintRequest): Promise<PrintResult> => {
    // The browser's own dialog offers both printing and "save as PDF".
    window.print();
    return { done: true };
  },
  appInfo: async (): Promise<AppInfo> => ({
    version: import.meta.env.VITE_APP_VERSION ?? '',
    dataFolder: '浏览器本地存储（IndexedDB）',
    osUser: '',
    platform: navigator.platform,
    shell: 'browser',
  }),
  // A browser cannot write into a folder of its own: backups there are manual only (备份到文件).
  writeAutoBackup: async () => {
    throw new Error('浏览器版不做自动备份，请在“数据安全”中手动备份到文件。');
  },
  listAutoBackups: async () => ({ folder: '', backups: [] }),
  readAutoBackup: async () => {
    throw new Error('浏览器版没有自动备份。');
  },
  // The office sync: requests from the page itself, the password in memory for this session.
  ...browserSync,
};

export const desktop: DesktopApi = window.api ?? browserApi;
export const isDesktopShell = window.api !== undefined;
