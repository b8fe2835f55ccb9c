import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip, crc32, DeclarationScanner, readCentralDirectory } from './zip';

// Issue 6: a hostile file is refused (or read) within 10 s on any machine; a bound, not a speed
// goal: how fast it really is belongs in `npm run bench`, since these machines are noisy.
const hostileFileLimitMs = 10_000;

/** Offsets of each central-directory record, by entry name. */
function centralRecords(zip: Uint8Array): Map<string, number> {
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
function patchCentral(zip: Uint8Array, name: string, patch: { flags?: number; crc?: number; compressedSize?: number; uncompressedSize?: number; localHeaderOffset?: number }): Uint8Array {
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

function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 1;
  for (let i = 0; i < length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

const smallPackage = (): Zippable => ({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
  'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook><sheets/></workbook>'),
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('the central directory, before inflating anything', () => {
  it('lists the entries of a sound package', () => {
    const check = readCentralDirectory(zipSync(smallPackage()));
    expect(check.ok && check.entries.map((e) => e.name).sort()).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
  });

  it('refuses an entry that declares 1 GB before inflating it', () => {
    const bomb = patchCentral(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1000) }), 'xl/worksheets/sheet1.xml', { uncompressedSize: 1024 * 1024 * 1024 });
    const started = performance.now();
    const check = checkZip(bomb);
    expect(performance.now() - started).toBeLessThan(hostileFileLimitMs);
    expect(check).toEqual({ ok: false, problem: 'tooLargeUnpacked' });
  });

  it('refuses a real 16 MB entry of zeros by its compression ratio, without inflating it', () => {
    const zeros = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 1024 * 1024) });
    expect(zeros.length).toBeLessThan(50_000);
    const started = performance.now();
    expect(checkZip(zeros)).toEqual({ ok: false, problem: 'suspiciousRatio' });
    expect(performance.now() - started).toBeLessThan(hostileFileLimitMs);
  });

  it('refuses the sum of many entries that are each plausible', () => {
    const files: Zippable = {};
    for (let i = 0; i < 5; i++) files[`xl/media/image${i}.png`] = new Uint8Array(10);
    let zip: Uint8Array = zipSync(files, { level: 0 });
    for (let i = 0; i < 5; i++) zip = patchCentral(zip, `xl/media/image${i}.png`, { uncompressedSize: 50 * 1024 * 1024, compressedSize: 50 * 1024 * 1024 });
    expect(readCentralDirectory(zip)).toEqual({ ok: false, problem: 'tooLargeUnpacked' });
  });

  it('refuses more than 2000 entries', () => {
    const files: Zippable = {};
    for (let i = 0; i < 2001; i++) files[`xl/p${i}.xml`] = new Uint8Array(0);
    expect(readCentralDirectory(zipSync(files))).toEqual({ ok: false, problem: 'tooManyEntries' });
  });

  it('refuses entries whose data overlap (the "overlapping files" zip bomb)', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') }, { level: 0 });
    const overlapping = patchCentral(zip, 'b.xml', { localHeaderOffset: 0 });
    expect(readCentralDirectory(overlapping)).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('refuses an entry encrypted with a ZIP password', () => {
    const zip = patchCentral(zipSync(smallPackage()), 'xl/workbook.xml', { flags: 1 });
    expect(readCentralDirectory(zip)).toEqual({ ok: false, problem: 'encrypted' });
  });

  it('calls a file without its end record truncated, wherever it was cut', () => {
    const zip = zipSync(smallPackage());
    for (const length of [30, Math.floor(zip.length / 2), zip.length - 30, zip.length - 1]) {
      expect(checkZip(zip.subarray(0, length))).toEqual({ ok: false, problem: 'truncated' });
    }
  });
});

describe('inflating and checking each entry', () => {
  it('accepts a sound package, including entries large enough to be streamed', () => {
    const check = checkZip(zipSync({ ...smallPackage(), 'xl/media/image1.png': noise(300_000) }));
    expect(check.ok).toBe(true);
  });

  it('calls a CRC mismatch truncated (damaged in transit)', () => {
    const zip = zipSync(smallPackage(), { level: 0 });
    const damaged = zip.slice();
    const at = Buffer.from(damaged).indexOf('<sheets/>'); // inside the stored XML, not a header
    damaged[at + 1] = 0x53; // 's' → 'S'
    expect(checkZip(damaged)).toEqual({ ok: false, problem: 'truncated' });
  });

  it('stops an entry that inflates past its declared size, small or streamed', () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const noisyStart = new Uint8Array(zeros.length + 70_000);
    noisyStart.set(noise(70_000)); // > 64 KB compressed: inflated as a stream
    for (const content of [zeros, noisyStart]) {
      const name = 'xl/worksheets/sheet1.xml';
      const zip = zipSync({ [name]: content });
      const lying = patchCentral(zip, name, { uncompressedSize: 4000 });
      const started = performance.now();
      expect(checkZip(lying)).toEqual({ ok: false, problem: 'truncated' });
      expect(performance.now() - started).toBeLessThan(hostileFileLimitMs);
    }
  });

  it.each([
    ['DOCTYPE', '<?xml version="1.0"?><!DOCTYPE workbook [<!ELEMENT workbook ANY>]><workbook/>'],
    ['ENTITY', '<?xml version="1.0"?><!ENTITY lol "lol"><workbook>&lol;</workbook>'],
    ['lower case', '<?xml version="1.0"?><!doctype workbook><workbook/>'],
  ])('refuses an XML part with a %s declaration', (_label, xml) => {
    const zip = zipSync({ ...smallPackage(), 'xl/sharedStrings.xml': strToU8(xml) });
    expect(checkZip(zip)).toEqual({ ok: false, problem: 'unsafeXml' });
  });

  it('finds a declaration in a UTF-16 XML part', () => {
    const xml = '\ufeff<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>';
    const utf16 = new Uint8Array(xml.length * 2);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[2 * i + 1] = xml.charCodeAt(i) >> 8;
    }
    expect(checkZip(zipSync({ ...smallPackage(), 'xl/styles.xml': utf16 }))).toEqual({ ok: false, problem: 'unsafeXml' });
  });

  it('does not scan binary parts (an image may contain any bytes)', () => {
    expect(checkZip(zipSync({ ...smallPackage(), 'xl/media/image1.png': strToU8('<!DOCTYPE in pixels') })).ok).toBe(true);
  });
});

describe('DeclarationScanner', () => {
  const feed = (text: string, cut: number) => {
    const bytes = strToU8(text);
    const scanner = new DeclarationScanner();
    return scanner.push(bytes.subarray(0, cut)) || scanner.push(bytes.subarray(cut)) || scanner.finish();
  };

  it('finds a declaration split across chunks at every possible point', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE x>';
    for (let cut = 0; cut <= text.length; cut++) expect(feed(text, cut)).toBe(true);
  });

  it('lets comments, CDATA and ordinary text through', () => {
    const text = '<?xml version="1.0"?><!-- DOCTYPE --><x><![CDATA[<!ENT]]>ENTITY DOCTYPE !</x>';
    for (let cut = 0; cut <= text.length; cut += 7) expect(feed(text, cut)).toBe(false);
  });
});
