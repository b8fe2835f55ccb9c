// Checks an .xlsx (a ZIP package) before any spreadsheet library touches it.
//
// Why parse the central directory ourselves rather than use fflate's `unzipSync({ filter })`:
// the directory is a few fixed-size records, and reading it here lets us (1) refuse before
// inflating a single byte — entry count, declared total size, per-entry ratio, entries whose
// data would overlap (the "overlapping files" zip bomb) or run past the end of the file — and
// (2) then inflate each entry ourselves as a *stream* with a byte counter. fflate's one-shot
// inflate given a fixed output buffer silently keeps decoding past the end of it, so an entry
// that lies about its size would still cost the full decompression time; streaming in small
// chunks stops within one chunk of the declared size. Every entry's CRC-32 and size are
// verified (a mismatch means the file was damaged or cut), and every XML part is scanned for
// DOCTYPE / ENTITY declarations, which no spreadsheet needs and which entity-expansion attacks
// rely on. Only then are the original bytes handed to exceljs (or SheetJS).
import { Inflate, inflateSync } from 'fflate';

export interface ZipLimits {
  /** Most entries a workbook may have (a normal one has 10–100). */
  maxEntries: number;
  /** Most bytes all entries together may declare once inflated. */
  maxTotalUncompressed: number;
  /** Highest uncompressed:compressed ratio tolerated for an entry of at least `ratioMinSize`. */
  maxRatio: number;
  ratioMinSize: number;
  /**
   * Most rows and cells (`<row>` and `<c>` elements, however empty) all XML parts together may
   * hold: what the spreadsheet libraries' time and memory grow with. exceljs takes ~2 s and
   * ~200 MB for 300,000 here, and ~26 s for 1,000,000; a real template has a few thousand.
   * An .xls is held to the same number of cell and ROW records (cfb.ts, sniff.ts).
   */
  maxCellsAndRows: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioMinSize: 1024 * 1024,
  maxCellsAndRows: 300_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipProblem =
  | 'truncated'
  | 'corrupt'
  | 'encrypted'
  | 'tooManyEntries'
  | 'tooLargeUnpacked'
  | 'suspiciousRatio'
  | 'unsafeXml'
  | 'unsafePath'
  | 'tooManyCells';

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

/** Reads and vets the central directory without inflating anything. */
export function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  try {
    return { ok: true, entries: readDirectory(bytes, limits) };
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, problem: error.problem };
    if (error instanceof RangeError) return { ok: false, problem: 'truncated' };
    return { ok: false, problem: 'corrupt' };
  }
}

/** The whole check: directory, then every entry inflated (streamed, size-capped), CRC-checked and XML-scanned. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  const directory = readCentralDirectory(bytes, limits);
  if (!directory.ok) return directory;
  try {
    const counter = new ElementCounter();
    for (const entry of directory.entries) {
      verifyEntry(bytes, entry, isXmlPart(entry.name) ? counter : null, limits.maxCellsAndRows);
    }
    return directory;
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, problem: error.problem };
    if (error instanceof RangeError) return { ok: false, problem: 'truncated' };
    // fflate throws on a damaged deflate stream ("unexpected EOF", "invalid block type", …).
    return { ok: false, problem: 'truncated' };
  }
}

function readDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x1_0000_0000;

  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  // No EOCD in a file that starts like a ZIP means its tail is missing: it was cut short.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (
      bytes[at] === 0x50 &&
      bytes[at + 1] === 0x4b &&
      u32(at) === SIG_EOCD &&
      at + 22 + u16(at + 20) <= bytes.length
    ) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('truncated');

  let count = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  let directoryEnd = eocd;
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(locator) === SIG_ZIP64_LOCATOR) {
      const record = u64(locator + 8);
      if (record + 56 > locator || u32(record) !== SIG_ZIP64_EOCD) throw new ZipError('corrupt');
      count = u64(record + 32);
      directorySize = u64(record + 40);
      directoryOffset = u64(record + 48);
      directoryEnd = record;
    }
  }
  if (count > limits.maxEntries) throw new ZipError('tooManyEntries');
  if (directoryOffset + directorySize > directoryEnd) throw new ZipError('truncated');

  const entries: ZipEntry[] = [];
  let totalUncompressed = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || u32(at) !== SIG_CENTRAL) throw new ZipError('corrupt');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localHeaderOffset = u32(at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directoryEnd) throw new ZipError('corrupt');
    const name = decodeName(bytes.subarray(nameStart, extraStart));

    // ZIP64: the real sizes/offset sit in extra field 0x0001, in this order, for each field that is saturated.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let e = extraStart;
      const extraEnd = extraStart + extraLength;
      while (e + 4 <= extraEnd) {
        const id = u16(e);
        const size = u16(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(f);
          break;
        }
        e += 4 + size;
      }
    }

    at = next;
    // Nothing here is ever unpacked to disk, but a part named '../x' is no part of a workbook
    // (OPC forbids it) and only made to escape the folder a tool would unpack it to.
    if (name.split(/[/\\]/).includes('..')) throw new ZipError('unsafePath');
    if (name.endsWith('/')) continue; // a folder
    if (flags & 0x0001) throw new ZipError('encrypted');
    if (method !== 0 && method !== 8) throw new ZipError('corrupt');
    if (method === 0 && compressedSize !== uncompressedSize) throw new ZipError('corrupt');
    totalUncompressed += uncompressedSize;
    if (totalUncompressed > limits.maxTotalUncompressed) throw new ZipError('tooLargeUnpacked');
    if (uncompressedSize >= limits.ratioMinSize && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
      throw new ZipError('suspiciousRatio');
    }
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
  }

  // Each entry's data must lie between its local header and the next one, all before the
  // central directory: overlapping entries are how a "non-recursive" zip bomb multiplies itself.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let previousEnd = 0;
  for (const entry of byOffset) {
    if (entry.localHeaderOffset < previousEnd) throw new ZipError('corrupt');
    const start = dataStart(bytes, view, entry);
    previousEnd = start + entry.compressedSize;
    if (previousEnd > directoryOffset) throw new ZipError(previousEnd > bytes.length ? 'truncated' : 'corrupt');
  }
  return entries;
}

const utf8 = new TextDecoder();

function decodeName(raw: Uint8Array): string {
  let ascii = true;
  for (const b of raw) if (b >= 0x80) ascii = false;
  return ascii ? String.fromCharCode(...raw) : utf8.decode(raw);
}

function dataStart(bytes: Uint8Array, view: DataView, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) throw new ZipError('truncated');
  if (view.getUint32(at, true) !== SIG_LOCAL) throw new ZipError('corrupt');
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/** Chunk size when streaming: at the worst deflate ratio (~1032:1) one chunk yields ≈ 16 MB. */
const INFLATE_CHUNK = 16 * 1024;
/**
 * Entries up to this compressed size are inflated in one call into a buffer of their declared
 * size (streaming allocates ~200 KB of buffers per entry, which dominates for small parts).
 * fflate keeps decoding past the end of a fixed buffer, so a lying entry this small costs at
 * most ~1032 × 64 KB ≈ 66 MB of discarded output — tens of milliseconds — before its CRC fails.
 */
const ONE_SHOT_MAX_COMPRESSED = 64 * 1024;

function verifyEntry(bytes: Uint8Array, entry: ZipEntry, counter: ElementCounter | null, maxCount: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = dataStart(bytes, view, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const scanner = isXmlPart(entry.name) ? new DeclarationScanner() : null;
  let crc = 0xffffffff;
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw new ZipError('truncated');
    crc = crc32Update(crc, chunk);
    if (scanner && scanner.push(chunk)) throw new ZipError('unsafeXml');
    if (counter && counter.push(chunk) > maxCount) throw new ZipError('tooManyCells');
  };
  if (entry.method === 0) {
    take(data);
  } else if (data.length <= ONE_SHOT_MAX_COMPRESSED) {
    // The directory check bounds the declared size of a small entry (ratio limit), so this buffer is bounded too.
    take(inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) }));
  } else {
    const inflater = new Inflate((chunk) => take(chunk));
    if (data.length === 0) inflater.push(data, true);
    for (let offset = 0; offset < data.length; offset += INFLATE_CHUNK) {
      inflater.push(data.subarray(offset, offset + INFLATE_CHUNK), offset + INFLATE_CHUNK >= data.length);
    }
  }
  if (scanner && scanner.finish()) throw new ZipError('unsafeXml');
  counter?.finish();
  if (produced !== entry.uncompressedSize || (crc ^ 0xffffffff) >>> 0 !== entry.crc) throw new ZipError('truncated');
}

/** One entry's content, after checkZip has vetted the archive (its size is the one it declares). */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = dataStart(bytes, view, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
}

export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/**
 * Finds `<!DOCTYPE` or `<!ENTITY` (any case) in a byte stream fed in chunks. NUL bytes are
 * skipped, which makes UTF-16 text scan like ASCII (well-formed UTF-8 XML has no NUL bytes).
 */
export class DeclarationScanner {
  private tail = new Uint8Array(0);
  private static readonly keywords = ['DOCTYPE', 'ENTITY'].map((k) => Array.from(k, (c) => c.charCodeAt(0)));
  private static readonly keep = 9; // '<!' + 'DOCTYPE'

  /** Returns true as soon as a declaration is seen. */
  push(chunk: Uint8Array): boolean {
    const clean = chunk.indexOf(0) >= 0 ? chunk.filter((b) => b !== 0) : chunk;
    const text = this.tail.length > 0 ? concat(this.tail, clean) : clean;
    if (DeclarationScanner.scan(text, false)) return true;
    this.tail = text.slice(Math.max(0, text.length - DeclarationScanner.keep));
    return false;
  }

  finish(): boolean {
    return DeclarationScanner.scan(this.tail, true);
  }

  private static scan(text: Uint8Array, final: boolean): boolean {
    for (let i = text.indexOf(0x21); i >= 0; i = text.indexOf(0x21, i + 1)) {
      if (i === 0 || text[i - 1] !== 0x3c) continue;
      for (const keyword of DeclarationScanner.keywords) {
        let matched = 0;
        while (
          matched < keyword.length &&
          i + 1 + matched < text.length &&
          ((text[i + 1 + matched] ?? 0) & 0xdf) === keyword[matched]
        )
          matched++;
        if (matched === keyword.length) return true;
        // Ran out of bytes mid-keyword: the next chunk (which starts with our tail) decides.
        if (!final && i + 1 + matched >= text.length) break;
      }
    }
    return false;
  }
}

/**
 * Counts `<row` and `<c` elements (any namespace prefix: `<x:c`) in a byte stream fed in
 * chunks, by jumping from one `<` to the next. A tag name cut by the end of a chunk is kept for
 * the next one; a name longer than any SpreadsheetML name is passed over. NUL bytes are skipped,
 * as in DeclarationScanner (UTF-16 parts count like UTF-8 ones).
 */
export class ElementCounter {
  count = 0;
  private pending = new Uint8Array(0);
  private static readonly maxName = 64;

  /** Returns the running count. */
  push(chunk: Uint8Array): number {
    const clean = chunk.indexOf(0) >= 0 ? chunk.filter((b) => b !== 0) : chunk;
    const text = this.pending.length > 0 ? concat(this.pending, clean) : clean;
    this.pending = new Uint8Array(0);
    for (let i = text.indexOf(0x3c); i >= 0; i = text.indexOf(0x3c, i + 1)) {
      let j = i + 1;
      let local = j;
      while (j < text.length && j - i <= ElementCounter.maxName && !isNameEnd(text[j] as number)) {
        if (text[j] === 0x3a) local = j + 1; // prefix:name
        j++;
      }
      if (j - i > ElementCounter.maxName) continue;
      if (j >= text.length) {
        this.pending = text.slice(i);
        break;
      }
      const length = j - local;
      if (
        (length === 1 && text[local] === 0x63) ||
        (length === 3 && text[local] === 0x72 && text[local + 1] === 0x6f && text[local + 2] === 0x77)
      )
        this.count++;
    }
    return this.count;
  }

  /** The end of one part: a name cut at its very end was no element. */
  finish(): void {
    this.pending = new Uint8Array(0);
  }
}

/** Whitespace, '>' or '/': what ends an element name. */
function isNameEnd(b: number): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// CRC-32 (IEEE), slice-by-4: about as fast as inflating, so checking every entry costs little.
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) {
      const previous = t[(k - 1) * 256 + n] ?? 0;
      t[k * 256 + n] = (t[previous & 0xff] ?? 0) ^ (previous >>> 8);
    }
  }
  return t;
})();

/** Running CRC: start with 0xffffffff, finish with `(crc ^ 0xffffffff) >>> 0`. */
export function crc32Update(crc: number, data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = crc | 0;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^=
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    c =
      (t[768 + (c & 0xff)] as number) ^
      (t[512 + ((c >>> 8) & 0xff)] as number) ^
      (t[256 + ((c >>> 16) & 0xff)] as number) ^
      (t[c >>> 24] as number);
  }
  for (; i < n; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return c;
}

export function crc32(data: Uint8Array): number {
  return (crc32Update(0xffffffff, data) ^ 0xffffffff) >>> 0;
}
