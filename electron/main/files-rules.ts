// Pure rules for opening and saving files on behalf of the renderer.
import type { FileFilter } from 'electron';
import type { FileKind, NamedBytes, OpenFilesRequest, SaveFileRequest, SaveFilesRequest } from '../shared/contract';
import { maxFileNameLength, safeSaveName } from '../shared/file-names';

const megabyte = 1024 * 1024;
/** Work books here are a few MB; the cap stops a mis-picked video from being copied into the renderer. */
export const maxOpenFileBytes = 50 * megabyte;
export const maxOpenTotalBytes = 200 * megabyte;
/** A backup holds the whole database: years of reports and the audit log; it is saved up to the save cap, so it must open up to it. */
export const maxOpenBackupBytes = 500 * megabyte;
/** Exports and backups are built in memory by the renderer; anything larger is a bug. */
export const maxSaveFileBytes = 500 * megabyte;
/** A batch is one file per unit (a district has well under a hundred) or per unit and month. */
export const maxSaveFilesCount = 1000;
export const maxSaveFilesTotalBytes = 500 * megabyte;
const maxTitleLength = 100;

const openFilters: Record<FileKind, FileFilter> = {
  excel: { name: 'Excel 或 WPS 表格', extensions: ['xlsx', 'xls', 'et'] },
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
  if (title !== undefined && (typeof title !== 'string' || title.length > maxTitleLength))
    throw new TypeError('打开文件：标题无效');
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

function isNamedBytes(value: unknown): value is NamedBytes {
  return isRecord(value) && typeof value.name === 'string' && value.bytes instanceof Uint8Array;
}

export function parseSaveFilesRequest(input: unknown): SaveFilesRequest {
  if (!isRecord(input) || typeof input.zipName !== 'string' || !Array.isArray(input.files))
    throw new TypeError('保存文件：请求无效');
  const { folderHint, zipName, files } = input;
  if (folderHint !== undefined && (typeof folderHint !== 'string' || folderHint.length > maxFileNameLength)) {
    throw new TypeError('保存文件：文件夹名称无效');
  }
  if (files.length > maxSaveFilesCount) throw new RangeError(`保存文件：一次最多保存 ${maxSaveFilesCount} 个文件`);
  let total = 0;
  const checked: NamedBytes[] = [];
  for (const file of files) {
    if (!isNamedBytes(file)) throw new TypeError('保存文件：请求无效');
    if (file.bytes.byteLength > maxSaveFileBytes) throw new RangeError(`保存文件：“${file.name.slice(0, 50)}”内容过大`);
    total += file.bytes.byteLength;
    checked.push({ name: file.name, bytes: file.bytes });
  }
  if (total > maxSaveFilesTotalBytes) throw new RangeError('保存文件：内容合计过大');
  return { zipName, files: checked, ...(folderHint !== undefined ? { folderHint } : {}) };
}

/** Checked on the sizes before anything is read. */
export function assertOpenableSizes(files: readonly { name: string; size: number }[], kind: FileKind = 'excel'): void {
  const maxFile = kind === 'backup' ? maxOpenBackupBytes : maxOpenFileBytes;
  const maxTotal = kind === 'backup' ? maxOpenBackupBytes : maxOpenTotalBytes;
  for (const { name, size } of files) {
    if (size > maxFile) throw new RangeError(`文件“${name}”超过 ${maxFile / megabyte} MB，未读取。`);
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > maxTotal) throw new RangeError(`所选文件合计超过 ${maxTotal / megabyte} MB，请分批打开。`);
}

/** The subfolder a batch goes into: the hint made safe, or none when nothing is left of it. */
export function batchFolderName(folderHint: string | undefined): string | undefined {
  if (folderHint === undefined) return undefined;
  const name = safeSaveName(folderHint, '');
  return name === '' ? undefined : name;
}

/** Title of the folder picker; says which folder will be created, so nothing comes as a surprise. */
export function saveFolderTitle(count: number, subfolder: string | undefined): string {
  const what = `选择保存位置（共 ${count} 个文件）`;
  return subfolder === undefined ? what : `${what}：将在其中新建文件夹“${subfolder}”`;
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
