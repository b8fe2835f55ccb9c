// Test helpers: workbooks and containers built byte by byte, sound or hostile, for the tests of
// io/excel and of the import path. Node only (typed like the tests: tsconfig.renderer.json
// leaves *.testing.ts out), never imported by the app.
import { readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { strToU8, unzipSync, type Zippable } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { rc4 } from './decrypt';

/**
 * Issue 6: a hostile file is refused (or read) within 10 s on any machine; a bound, not a speed
 * goal: how fast it really is belongs in `npm run bench`, since these machines are noisy.
 */
export const hostileFileLimitMs = 10_000;

export const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));

export async function xlsxBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayLike<number>);
}

/** The parts of a package by name, as text. */
export function partsOf(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** Offsets of each central-directory record, by entry name. */
export function centralRecords(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const records = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    records.set(name, at);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records;
}

/** Rewrites fields of one entry's central-directory record: what a hostile or damaged file would claim. */
export function patchCentral(
  zip: Uint8Array,
  name: string,
  patch: {
    flags?: number;
    crc?: number;
    compressedSize?: number;
    uncompressedSize?: number;
    localHeaderOffset?: number;
  },
): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const at = centralRecords(out).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  if (patch.flags !== undefined) view.setUint16(at + 8, patch.flags, true);
  if (patch.crc !== undefined) view.setUint32(at + 16, patch.crc, true);
  if (patch.compressedSize !== undefined) view.setUint32(at + 20, patch.compressedSize, true);
  if (patch.uncompressedSize !== undefined) view.setUint32(at + 24, patch.uncompressedSize, true);
  if (patch.localHeaderOffset !== undefined) view.setUint32(at + 42, patch.localHeaderOffset, true);
  return out;
}

/** Deterministic pseudo-random bytes (incompressible). */
export function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 1;
  for (let i = 0; i < length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

export const smallPackage = (): Zippable => ({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
  'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook><sheets/></workbook>'),
});

/** An OLE2 container with the given streams, written by SheetJS's CFB writer. */
export function cfb(streams: Record<string, Uint8Array>): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(container, `/${name}`, content);
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayLike<number>);
}

/**
 * BIFF8 records: BOF, then optionally FILEPASS (RC4 whose verifier no password matches: an
 * open password), then EOF; padded to `size`.
 */
export function biffStream(withFilePass: boolean, size = 200): Uint8Array {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const record = (type: number, length: number) => {
    view.setUint16(at, type, true);
    view.setUint16(at + 2, length, true);
    at += 4 + length;
  };
  record(0x0809, 16); // BOF
  if (withFilePass) {
    [1, 1, 1].forEach((v, i) => view.setUint16(at + 4 + 2 * i, v, true)); // RC4, version 1.1
    record(0x002f, 54); // FILEPASS
  }
  record(0x000a, 0); // EOF
  return bytes;
}

/** One BIFF record: [type u16][length u16][data]. */
export function biffRecord(type: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, type, true);
  view.setUint16(2, data.length, true);
  out.set(data, 4);
  return out;
}

/**
 * A BIFF8 Workbook stream of one worksheet named S holding `cells` (records such as NUMBER or
 * MULBLANK, already encoded), which SheetJS reads: wrap it with cfb({ Workbook: … }).
 */
export function biffWorkbook(cells: Uint8Array[]): Uint8Array {
  const bof = (type: number) => {
    const data = new Uint8Array(16);
    new DataView(data.buffer).setUint16(0, 0x0600, true); // BIFF8
    new DataView(data.buffer).setUint16(2, type, true); // 5: globals, 0x10: worksheet
    return biffRecord(0x0809, data);
  };
  const boundSheet = new Uint8Array(9); // lbPlyPos, visible worksheet, 1-character compressed name 'S'
  boundSheet[6] = 1;
  boundSheet[8] = 0x53;
  const globals = [bof(5), biffRecord(0x0085, boundSheet), biffRecord(0x000a)];
  new DataView(boundSheet.buffer).setUint32(
    0,
    globals.reduce((n, r) => n + r.length, 0),
    true,
  );
  globals[1] = biffRecord(0x0085, boundSheet);
  const records = [...globals, bof(0x10), ...cells, biffRecord(0x000a)];
  const out = new Uint8Array(records.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of records) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}

/** A NUMBER record: `value` in row `row`, column `column` (0-based). */
export function biffNumber(row: number, column: number, value: number): Uint8Array {
  const data = new Uint8Array(14);
  const view = new DataView(data.buffer);
  view.setUint16(0, row, true);
  view.setUint16(2, column, true);
  view.setFloat64(6, value, true);
  return biffRecord(0x0203, data);
}

// ---------------------------------------------------------------------------------------------
// ZIP archives written by hand: what no honest zip library would write.

export interface RawEntry {
  name: string;
  /** The entry's data as stored: deflated (method 8) or as is (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** Uncompressed size; may exceed 4 GB (then written as ZIP64). */
  size: number;
}

/** An entry deflated (or stored) honestly. */
export function entry(name: string, content: Uint8Array | string, method: 0 | 8 = 8): RawEntry {
  const bytes = typeof content === 'string' ? strToU8(content) : content;
  return {
    name,
    data: method === 8 ? new Uint8Array(deflateRawSync(bytes)) : bytes,
    method,
    crc: crc32(bytes),
    size: bytes.length,
  };
}

/** Every part of a package, re-deflated as raw entries (to add to or replace). */
export function entriesOf(zip: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, bytes]) => entry(name, bytes));
}

/**
 * A ZIP archive of these entries, with each size and the entry count as given (so it may lie
 * through `declare`). Writes ZIP64 end records when there are more than 65,534 entries.
 */
export function rawZip(entries: RawEntry[], declare: (e: RawEntry) => { size?: number } = () => ({})): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  for (const e of entries) {
    const name = strToU8(e.name);
    const size = declare(e).size ?? e.size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, Math.min(size, 0xffffffff), true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const localOffset = offset;
    push(local);
    push(e.data);

    const zip64 = size >= 0xffffffff;
    const record = new Uint8Array(46 + name.length + (zip64 ? 12 : 0));
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, zip64 ? 0xffffffff : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, zip64 ? 12 : 0, true);
    cv.setUint32(42, localOffset, true);
    record.set(name, 46);
    if (zip64) {
      cv.setUint16(46 + name.length, 0x0001, true);
      cv.setUint16(48 + name.length, 8, true);
      cv.setBigUint64(50 + name.length, BigInt(size), true);
    }
    central.push(record);
  }
  const directoryOffset = offset;
  for (const record of central) push(record);
  const directorySize = offset - directoryOffset;
  const count = entries.length;
  if (count > 0xfffe) {
    const record = new Uint8Array(56);
    const v = new DataView(record.buffer);
    v.setUint32(0, 0x06064b50, true);
    v.setBigUint64(4, 44n, true);
    v.setUint16(12, 45, true);
    v.setUint16(14, 45, true);
    v.setBigUint64(24, BigInt(count), true);
    v.setBigUint64(32, BigInt(count), true);
    v.setBigUint64(40, BigInt(directorySize), true);
    v.setBigUint64(48, BigInt(directoryOffset), true);
    const recordOffset = offset;
    push(record);
    const locator = new Uint8Array(20);
    const l = new DataView(locator.buffer);
    l.setUint32(0, 0x07064b50, true);
    l.setBigUint64(8, BigInt(recordOffset), true);
    l.setUint32(16, 1, true);
    push(locator);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(count, 0xffff), true);
  ev.setUint16(10, Math.min(count, 0xffff), true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, directoryOffset, true);
  push(eocd);

  const out = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * A deflated entry whose content is `head`, then `unit` repeated `times`, then `tail`, built
 * without ever holding the content: each piece is deflated on its own and ended with a full
 * flush (no back-references across pieces, byte-aligned), so the pieces' deflate streams can
 * simply be concatenated; only the tail ends the stream. 1 GB of zeros this way is ~1 MB.
 */
export function repeatedEntry(name: string, head: string, unit: Uint8Array, times: number, tail: string): RawEntry {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const headBytes = strToU8(head);
  const tailBytes = strToU8(tail);
  const headData = deflateRawSync(headBytes, full);
  const unitData = deflateRawSync(unit, full);
  const tailData = deflateRawSync(tailBytes, { level: 9 });
  const data = new Uint8Array(headData.length + unitData.length * times + tailData.length);
  data.set(headData, 0);
  for (let i = 0; i < times; i++) data.set(unitData, headData.length + i * unitData.length);
  data.set(tailData, headData.length + times * unitData.length);
  let crc = crc32(headBytes);
  for (let i = 0; i < times; i++) crc = crc32(unit, crc);
  crc = crc32(tailBytes, crc);
  return { name, data, method: 8, crc, size: headBytes.length + unit.length * times + tailBytes.length };
}

/** A worksheet part around the given `<sheetData>` content (and anything after it, such as `<mergeCells>`). */
export function worksheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/**
 * A sound one-sheet package made by exceljs (sheet "数据", A1 = "序号"), with some parts
 * replaced or removed: the base for the hostile variants of a real workbook.
 */
export async function packageWith(
  replace: Record<string, RawEntry | Uint8Array | string | null>,
  build?: (sheet: ExcelJS.Worksheet) => void,
): Promise<RawEntry[]> {
  const base = await xlsxBytes((wb) => {
    const sheet = wb.addWorksheet('数据');
    sheet.getCell('A1').value = '序号';
    build?.(sheet);
  });
  const entries = entriesOf(base).filter((e) => !(e.name in replace));
  for (const [name, content] of Object.entries(replace)) {
    if (content === null) continue;
    entries.push(content instanceof Uint8Array || typeof content === 'string' ? entry(name, content) : content);
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Encrypted workbooks (issue 13): what Excel writes when a workbook is protected.

/** An .xls (BIFF8 in OLE2) of one sheet holding `rows`, written by SheetJS. */
export function sheetJsXls(rows: unknown[][], sheetName = '数据'): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheetName);
  return new Uint8Array(XLSX.write(book, { bookType: 'xls', type: 'array' }) as ArrayBuffer);
}

/** The Workbook stream of an .xls. */
export function workbookStreamOf(xls: Uint8Array): Uint8Array {
  const entry = XLSX.CFB.find(XLSX.CFB.read(xls, { type: 'array' }), '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  return new Uint8Array(entry.content as ArrayLike<number>);
}

const le16 = (n: number) => new Uint8Array([n & 0xff, (n >> 8) & 0xff]);
const le32 = (n: number) => new Uint8Array([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]);
const utf16 = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/**
 * A BIFF8 Workbook stream encrypted as Excel does ([MS-XLS] 2.2.10, [MS-OFFCRYPTO] 2.3.5–2.3.6):
 * a FILEPASS record after the first BOF (BOUNDSHEET offsets moved past it), then every record's
 * data RC4-encrypted by stream position, a new key every 1024 bytes, except BOF, FILEPASS,
 * INTERFACEHDR and BOUNDSHEET's offset. `scheme`: Excel 97/2000's RC4 (MD5 keys) or Excel
 * 2002+'s RC4 CryptoAPI (SHA-1 keys of `keyBits`).
 */
export function encryptBiff(
  plain: Uint8Array,
  password: string,
  scheme: { kind: 'rc4' } | { kind: 'cryptoapi'; keyBits: 40 | 128 },
): Uint8Array {
  const salt = noise(16).map((b, i) => b ^ i);
  const verifier = noise(32).subarray(16);
  let key: (block: number) => Uint8Array;
  let body: Uint8Array;
  if (scheme.kind === 'rc4') {
    const truncated = md5(utf16(password)).subarray(0, 5);
    const intermediate = md5(join(...Array.from({ length: 16 }, () => join(truncated, salt)))).subarray(0, 5);
    key = (block) => md5(join(intermediate, le32(block)));
    const check = rc4(key(0), join(verifier, md5(verifier)));
    body = join(le16(1), le16(1), le16(1), salt, check);
  } else {
    const { keyBits } = scheme;
    const base = sha1(join(salt, utf16(password)));
    key = (block) => {
      const k = sha1(join(base, le32(block))).subarray(0, keyBits / 8);
      return keyBits === 40 ? join(k, new Uint8Array(11)) : k;
    };
    const check = rc4(key(0), join(verifier, sha1(verifier)));
    const csp = utf16('Microsoft Enhanced Cryptographic Provider v1.0\0');
    const header = join(le32(4), le32(0), le32(0x6801), le32(0x8004), le32(keyBits), le32(1), le32(0), le32(0), csp);
    body = join(le16(1), le16(4), le16(2), le32(4), le32(header.length), header, le32(16), salt);
    body = join(body, check.subarray(0, 16), le32(20), check.subarray(16));
  }
  const filePass = biffRecord(0x002f, body);

  // Insert FILEPASS after the first BOF; BOUNDSHEET's lbPlyPos (a stream offset) moves with it.
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const bofEnd = 4 + view.getUint16(2, true);
  const stream = join(plain.subarray(0, bofEnd), filePass, plain.subarray(bofEnd));
  const out = new DataView(stream.buffer);
  const clear: [number, number][] = [];
  for (let at = 0; at + 4 <= stream.length;) {
    const type = out.getUint16(at, true);
    const length = out.getUint16(at + 2, true);
    if (type === 0x0085) out.setUint32(at + 4, out.getUint32(at + 4, true) + filePass.length, true);
    const keep = [0x0809, 0x002f, 0x00e1].includes(type) ? 4 + length : type === 0x0085 ? 8 : 4;
    clear.push([at, keep]);
    at += 4 + length;
  }
  const encrypted = stream.slice();
  for (let at = 0, block = 0; at < encrypted.length; at += 1024, block++)
    rc4(key(block), encrypted.subarray(at, Math.min(at + 1024, encrypted.length)));
  for (const [at, keep] of clear) encrypted.set(stream.subarray(at, at + keep), at);
  return encrypted;
}

/** An .xlsx encrypted by officecrypto-tool (an independent implementation): Agile, or Standard. */
export function encryptXlsx(xlsx: Uint8Array, password: string, type?: 'standard'): Uint8Array {
  return new Uint8Array(officeCrypto.encrypt(Buffer.from(xlsx), type ? { password, type } : { password }));
}

/** The same, decrypted by officecrypto-tool: the independent check of encryptBiff. */
export async function officeCryptoDecrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  return new Uint8Array(await officeCrypto.decrypt(Buffer.from(bytes), { password }));
}
