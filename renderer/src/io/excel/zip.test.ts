import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hostileFileLimitMs, noise, patchCentral, smallPackage } from './workbooks.testing';
import { checkZip, crc32, DeclarationScanner, ElementCounter, readCentralDirectory } from './zip';

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
    const bomb = patchCentral(
      zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1000) }),
      'xl/worksheets/sheet1.xml',
      { uncompressedSize: 1024 * 1024 * 1024 },
    );
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
    for (let i = 0; i < 5; i++)
      zip = patchCentral(zip, `xl/media/image${i}.png`, {
        uncompressedSize: 50 * 1024 * 1024,
        compressedSize: 50 * 1024 * 1024,
      });
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

  it('refuses an entry whose name climbs out of its folder (../), but not a name that merely contains dots', () => {
    for (const name of ['../a.xml', 'xl/../../a.xml', 'xl\\..\\a.xml', '../']) {
      expect(readCentralDirectory(zipSync({ ...smallPackage(), [name]: new Uint8Array(0) }))).toEqual({
        ok: false,
        problem: 'unsafePath',
      });
    }
    expect(
      readCentralDirectory(
        zipSync({ ...smallPackage(), 'xl/media/a..b.png': new Uint8Array(0), 'xl/...x': new Uint8Array(0) }),
      ).ok,
    ).toBe(true);
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
    expect(checkZip(zipSync({ ...smallPackage(), 'xl/styles.xml': utf16 }))).toEqual({
      ok: false,
      problem: 'unsafeXml',
    });
  });

  it('does not scan binary parts (an image may contain any bytes)', () => {
    expect(checkZip(zipSync({ ...smallPackage(), 'xl/media/image1.png': strToU8('<!DOCTYPE in pixels') })).ok).toBe(
      true,
    );
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

describe('ElementCounter', () => {
  const xml =
    '<?xml version="1.0"?><worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><x:c r="B1"/><c\tr="C1"></c></row><rowBreaks/><row/></sheetData><colorScale/></worksheet>';

  it('counts rows and cells, with or without a prefix, and nothing else', () => {
    const counter = new ElementCounter();
    expect(counter.push(strToU8(xml))).toBe(5);
  });

  it('counts the same wherever the chunks are cut', () => {
    const bytes = strToU8(xml);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const counter = new ElementCounter();
      counter.push(bytes.subarray(0, cut));
      expect(counter.push(bytes.subarray(cut))).toBe(5);
    }
  });

  it('counts UTF-16 text like UTF-8, and passes over absurdly long names', () => {
    const utf16 = new Uint8Array(xml.length * 2);
    for (let i = 0; i < xml.length; i++) utf16[2 * i] = xml.charCodeAt(i);
    expect(new ElementCounter().push(utf16)).toBe(5);
    expect(new ElementCounter().push(strToU8(`<${'p'.repeat(100)}:c/><c/>`))).toBe(1);
  });
});
