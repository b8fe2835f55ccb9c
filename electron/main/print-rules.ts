// Pure rules for printing the current view or saving it as a PDF.
import type { PrintRequest } from '../shared/contract';
import { withExtension } from './files-rules';
import { safeSaveName } from '../shared/file-names';

export function parsePrintRequest(input: unknown): PrintRequest {
  if (typeof input !== 'object' || input === null) throw new TypeError('打印：请求无效');
  const { mode, suggestedName } = input as Record<string, unknown>;
  if (mode !== 'print' && mode !== 'pdf') throw new TypeError('打印：mode 无效');
  if (suggestedName !== undefined && typeof suggestedName !== 'string') throw new TypeError('打印：文件名无效');
  return { mode, ...(suggestedName !== undefined ? { suggestedName } : {}) };
}

/** Name offered in the PDF save dialog. */
export function pdfFileName(suggestedName: string | undefined): string {
  return withExtension(safeSaveName(suggestedName ?? '', '打印'), '.pdf');
}

/** A4, backgrounds kept (status lights are background colours), page size from @page if the view sets one. */
export const pdfOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
} as const;
