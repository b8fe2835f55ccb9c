// What kind of file is this, judged by its bytes and never by its name, before any parser runs.
// Pure: bytes in, a verdict out; the ZIP and OLE2 containers are vetted by zip.ts and cfb.ts.
import { countBiffCells, hasFilePass, inspectCfb, isBareBiff, OLE2_MAGIC } from './cfb';
import { DEFAULT_MAX_BYTES, messages } from './messages';
import { checkZip, DEFAULT_ZIP_LIMITS, readEntry, type ZipEntry, type ZipLimits, type ZipProblem } from './zip';

export type Sniffed =
  | { ok: true; format: 'xlsx'; entries: ZipEntry[] }
  /**
   * A BIFF stream: an .xls's Workbook stream, or a whole Excel 2.x–4.0 file. `codePageText`:
   * its text is in the PC's code page (Excel 5/95 and older); `filePass`: it is encrypted.
   */
  | { ok: true; format: 'xls'; stream: Uint8Array; codePageText: boolean; filePass: boolean }
  /** An encrypted .xlsx (OLE2 EncryptionInfo + EncryptedPackage). */
  | { ok: true; format: 'encrypted'; encryptionInfo: Uint8Array; encryptedPackage: Uint8Array }
  | { ok: false; message: string };

export interface SniffOptions {
  maxBytes?: number;
  zipLimits?: ZipLimits;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
/** An empty ZIP archive (only an end record): a "zip" with nothing in it. */
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06] as const;

export function sniff(bytes: Uint8Array, options: SniffOptions = {}): Sniffed {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return refuse(messages.empty);
  if (bytes.length > maxBytes) return refuse(messages.tooBig(maxBytes));

  if (startsWith(bytes, ZIP_MAGIC)) return sniffZip(bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return refuse(messages.notExcel);

  // The same bound on cells and rows as for an .xlsx (zip.ts counts its <row> and <c> elements).
  const maxCells = (options.zipLimits ?? DEFAULT_ZIP_LIMITS).maxCellsAndRows;
  const biff = (stream: Uint8Array, codePageText: boolean, filePass: boolean, cellsAndRows: number): Sniffed =>
    cellsAndRows > maxCells
      ? refuse(messages.tooManyCells(maxCells))
      : { ok: true, format: 'xls', stream, codePageText, filePass };

  if (startsWith(bytes, OLE2_MAGIC)) {
    const verdict = inspectCfb(bytes);
    switch (verdict.kind) {
      case 'workbook':
        return biff(verdict.stream, verdict.codePageText, verdict.filePass, verdict.cellsAndRows);
      case 'encryptedPackage':
        return {
          ok: true,
          format: 'encrypted',
          encryptionInfo: verdict.encryptionInfo,
          encryptedPackage: verdict.encryptedPackage,
        };
      case 'truncated':
        return refuse(messages.truncated);
      case 'notWorkbook':
        // A Word or PowerPoint document says so in its stream names; say it plainly.
        if (verdict.streams.some((s) => s.toUpperCase() === 'WORDDOCUMENT'))
          return refuse(messages.otherOfficeDocument('Word文档（.doc）'));
        if (verdict.streams.some((s) => s.toUpperCase() === 'POWERPOINT DOCUMENT'))
          return refuse(messages.otherOfficeDocument('PowerPoint文档（.ppt）'));
        return refuse(messages.encryptedOrNotExcel);
      case 'encrypted':
      case 'corrupt':
        return refuse(messages.encryptedOrNotExcel);
    }
  }
  if (isBareBiff(bytes)) return biff(bytes, true, hasFilePass(bytes), countBiffCells(bytes));

  const text = classifyText(bytes);
  if (text === 'html') return refuse(messages.htmlRenamed);
  if (text === 'xmlSpreadsheet') return refuse(messages.xmlSpreadsheet);
  if (text === 'text') return refuse(messages.textRenamed);
  return refuse(messages.notExcel);
}

function sniffZip(bytes: Uint8Array, limits: ZipLimits): Sniffed {
  const check = checkZip(bytes, limits);
  if (!check.ok) return refuse(zipMessage(check.problem, limits));
  const names = check.entries.map((e) => e.name);
  if (names.some((n) => n.startsWith('xl/'))) return { ok: true, format: 'xlsx', entries: check.entries };
  // The format finds the main part through the package's relationships, wherever it lies
  // (`excel/workbook.xml`, say); its content type says what it is.
  const main = mainDocumentType(bytes, check.entries) ?? '';
  if (/spreadsheetml|ms-excel/.test(main)) return { ok: true, format: 'xlsx', entries: check.entries };
  // A ZIP that is not a spreadsheet package: a .docx/.pptx/.ods renamed, or a plain archive.
  if (/wordprocessingml/.test(main) || names.some((n) => n.startsWith('word/')))
    return refuse(messages.otherOfficeDocument('Word文档（.docx）'));
  if (/presentationml/.test(main) || names.some((n) => n.startsWith('ppt/')))
    return refuse(messages.otherOfficeDocument('PowerPoint文档（.pptx）'));
  if (names.includes('mimetype') && names.includes('content.xml'))
    return refuse(messages.otherOfficeDocument('OpenDocument文件（如.ods），请用Excel或WPS打开后另存为.xlsx再导入'));
  return refuse(messages.notExcel);
}

/**
 * The content type of the package's main part: the target of the officeDocument relationship
 * in `_rels/.rels`, typed by an Override in `[Content_Types].xml` (or the Default for its
 * extension). Undefined when the package says nothing of it.
 */
function mainDocumentType(bytes: Uint8Array, entries: ZipEntry[]): string | undefined {
  const text = (name: string) => {
    const entry = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
    // Either part is a few hundred bytes in any real package.
    return entry && entry.uncompressedSize <= 1024 * 1024 ? new TextDecoder().decode(readEntry(bytes, entry)) : '';
  };
  const attributes = (element: string) =>
    Object.fromEntries([...element.matchAll(/([\w:]+)\s*=\s*(["'])(.*?)\2/g)].map((m) => [m[1], m[3] ?? '']));
  const relationship = [...text('_rels/.rels').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((r) => /\/officeDocument$/.test(r.Type ?? ''));
  if (!relationship?.Target) return undefined;
  const part = `/${relationship.Target.replace(/^(\.?\/)+/, '')}`.toLowerCase();
  const types = [...text('[Content_Types].xml').matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)].map((m) => ({
    kind: m[1],
    ...attributes(m[0]),
  }));
  const override = types.find((t) => t.kind === 'Override' && t.PartName?.toLowerCase() === part);
  const extension = part.slice(part.lastIndexOf('.') + 1);
  return (override ?? types.find((t) => t.kind === 'Default' && t.Extension?.toLowerCase() === extension))?.ContentType;
}

function zipMessage(problem: ZipProblem, limits: ZipLimits): string {
  switch (problem) {
    case 'truncated':
      return messages.truncated;
    case 'corrupt':
      return messages.corrupt;
    case 'encrypted':
      return messages.encryptedOrNotExcel;
    case 'tooManyEntries':
      return messages.tooManyParts(limits.maxEntries);
    case 'tooLargeUnpacked':
      return messages.tooLargeUnpacked(limits.maxTotalUncompressed);
    case 'suspiciousRatio':
      return messages.suspiciousRatio;
    case 'unsafeXml':
      return messages.unsafeXml;
    case 'unsafePath':
      return messages.unsafePath;
    case 'tooManyCells':
      return messages.tooManyCells(limits.maxCellsAndRows);
  }
}

export type TextKind = 'html' | 'xmlSpreadsheet' | 'text' | 'binary';

/**
 * Web pages and text saved with an Excel extension: systems that "export to Excel" often
 * write an HTML table or a CSV and name it .xls. Looks at the first 4 KB only.
 */
export function classifyText(bytes: Uint8Array): TextKind {
  const sample = bytes.subarray(0, 4096);
  let text: string;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    text = new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample.subarray(2));
  } else {
    // Text has no control bytes other than tab, line feed, form feed and carriage return
    // (GBK and UTF-8 Chinese use only bytes ≥ 0x80); binary data almost always does.
    for (const b of sample) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) return 'binary';
      if (b === 0x7f) return 'binary';
    }
    text = new TextDecoder('utf-8').decode(
      sample.subarray(sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0),
    );
  }
  const head = text.trimStart().slice(0, 1024).toLowerCase();
  if (/^<(!doctype\s+html|html|table|head|body|meta|style|!--)/.test(head)) return 'html';
  if (head.startsWith('<?xml')) {
    if (
      head.includes('urn:schemas-microsoft-com:office:spreadsheet') ||
      text.includes('urn:schemas-microsoft-com:office:spreadsheet')
    )
      return 'xmlSpreadsheet';
    if (/<html[\s>]/.test(head)) return 'html';
  }
  return 'text';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function refuse(message: string): Sniffed {
  return { ok: false, message };
}
