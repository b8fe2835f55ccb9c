// Pure rules for opening and saving files on behalf of the renderer.
import type { FileFilter } from 'electron';
import type { FileKind, OpenFilesRequest, SaveFileRequest } from '../shared/contract';

const megabyte = 1024 * 1024;
/** Work books here are a few MB; the cap stops a mis-picked video from being copied into the renderer. */
export const maxOpenFileBytes = 50 * megabyte;
export const maxOpenTotalBytes = 200 * megabyte;
/** Exports and backups are built in memory by the renderer; anything larger is a bug. */
export const maxSaveFileBytes = 500 * megabyte;
const maxNameLength = 150;
const maxTitleLength = 100;

const openFilters: Record<FileKind, FileFilter> = {
  excel: { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] },
  backup: { name: '督查督办备份', extensions: ['dcbackup', 'json'] },
};

const defaultTitles: Record<FileKind, string> = {
  excel: '选择 Excel 文件',
  backup: '选择备份文件',
};

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(openFilters, value);
}

export function fileFiltersFor(kind: FileKind): FileFilter[] {
  const filter = openFilters[kind];
  return [{ name: filter.name, extensions: [...filter.extensions] }];
}

export function openDialogTitle(request: OpenFilesRequest): string {
  return request.title ?? defaultTitles[request.kind];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The renderer is trusted less than main: every IPC argument is checked before use.
export function parseOpenFilesRequest(input: unknown): OpenFilesRequest {
  if (!isRecord(input) || !isFileKind(input.kind)) throw new TypeError('打开文件：请求无效');
  const { kind, title, multiple } = input;
  if (title !== undefined && (typeof title !== 'string' || title.length > maxTitleLength)) throw new TypeError('打开文件：标题无效');
  if (multiple !== undefined && typeof multiple !== 'boolean') throw new TypeError('打开文件：multiple 无效');
  return { kind, ...(title !== undefined ? { title } : {}), ...(multiple !== undefined ? { multiple } : {}) };
}

export function parseSaveFileRequest(input: unknown): SaveFileRequest {
  if (!isRecord(input) || typeof input.suggestedName !== 'string' || !(input.bytes instanceof Uint8Array)) {
    throw new TypeError('保存文件：请求无效');
  }
  if (input.bytes.byteLength > maxSaveFileBytes) throw new RangeError('保存文件：内容过大');
  return { suggestedName: input.suggestedName, bytes: input.bytes };
}

/** Checked on the sizes before anything is read. */
export function assertOpenableSizes(files: readonly { name: string; size: number }[]): void {
  for (const { name, size } of files) {
    if (size > maxOpenFileBytes) throw new RangeError(`文件“${name}”超过 ${maxOpenFileBytes / megabyte} MB，未读取。`);
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > maxOpenTotalBytes) throw new RangeError(`所选文件合计超过 ${maxOpenTotalBytes / megabyte} MB，请分批打开。`);
}

const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name that is valid on Windows and cannot point elsewhere: path separators and
 * `<>:"/\|?*` and control characters are removed, leading dots and trailing dots/spaces
 * trimmed, device names (CON, NUL, …) prefixed. Chinese is kept as is.
 */
export function safeSaveName(suggested: string, fallback = '未命名'): string {
  let name = Array.from(String(suggested))
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !'<>:"/\\|?*'.includes(char);
    })
    .join('')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (name === '') return fallback;
  if (reservedWindowsNames.test(name.split('.')[0] ?? '')) name = `_${name}`;
  const chars = Array.from(name);
  if (chars.length > maxNameLength) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = chars.slice(0, maxNameLength - extension.length).join('') + extension;
  }
  return name;
}

/** Ensures `name` ends with `extension` (e.g. ".pdf"), case-insensitively. */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension.toLowerCase()) ? name : `${name}${extension}`;
}

const saveFilters: Record<string, FileFilter> = {
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  xls: { name: 'Excel 97-2003 工作簿', extensions: ['xls'] },
  docx: { name: 'Word 文档', extensions: ['docx'] },
  pdf: { name: 'PDF 文档', extensions: ['pdf'] },
  csv: { name: 'CSV 文件', extensions: ['csv'] },
  dcbackup: { name: '督查督办备份', extensions: ['dcbackup'] },
  json: { name: 'JSON 文件', extensions: ['json'] },
};

/** Save-dialog filter matching the suggested name's extension, so Windows keeps that extension. */
export function saveFiltersFor(name: string): FileFilter[] {
  const dot = name.lastIndexOf('.');
  const filter = dot >= 0 ? saveFilters[name.slice(dot + 1).toLowerCase()] : undefined;
  return filter ? [{ name: filter.name, extensions: [...filter.extensions] }] : [];
}
