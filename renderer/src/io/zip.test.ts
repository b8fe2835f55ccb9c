import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntryName, zipEntryNames, zipFiles } from './zip';

/** The general-purpose bit flag and method of each central-directory entry, in order. */
function centralEntries(zip: Uint8Array): { flags: number; method: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { flags: number; method: number }[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50)
      out.push({ flags: view.getUint16(i + 8, true), method: view.getUint16(i + 10, true) });
  }
  return out;
}

describe('zipFiles', () => {
  it('round-trips every file under its name', () => {
    const files = [
      { name: '东城街道-2026年月方案.xlsx', bytes: new Uint8Array([80, 75, 3, 4, 1, 2, 3]) },
      { name: '说明.txt', bytes: strToU8('填报说明：逐月填写。'.repeat(50)) },
      { name: 'empty.bin', bytes: new Uint8Array(0) },
    ];
    const unzipped = unzipSync(zipFiles(files));
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.name));
    for (const file of files) expect(Array.from(unzipped[file.name] ?? [])).toEqual(Array.from(file.bytes));
    expect(strFromU8(unzipped['说明.txt'] ?? new Uint8Array())).toBe('填报说明：逐月填写。'.repeat(50));
  });

  it('marks names as UTF-8, stores workbooks and deflates text', () => {
    const zip = zipFiles([
      { name: '东城街道.xlsx', bytes: new Uint8Array(100) },
      { name: 'a.txt', bytes: new Uint8Array(100) },
    ]);
    expect(centralEntries(zip)).toEqual([
      { flags: 0x0800, method: 0 },
      { flags: 0, method: 8 },
    ]);
  });

  it('makes names flat, safe and unique, so nothing unpacks outside one folder', () => {
    const names = [
      '../../evil.xlsx',
      'a/b\\c.xlsx',
      'A.xlsx',
      'a.xlsx',
      '',
      '..',
      'CON.xlsx',
      '__proto__',
      'x\u0000y.xlsx',
    ];
    const unzipped = unzipSync(zipFiles(names.map((name, i) => ({ name, bytes: new Uint8Array([i]) }))));
    expect(Object.keys(unzipped)).toEqual([
      'evil.xlsx',
      'abc.xlsx',
      'A.xlsx',
      'a (2).xlsx',
      '未命名',
      '未命名 (2)',
      '_CON.xlsx',
      '___proto__',
      'xy.xlsx',
    ]);
    expect(Object.values(unzipped).map((bytes) => bytes[0])).toEqual(names.map((_, i) => i));
  });

  it('zips an empty list into an empty archive', () => {
    expect(unzipSync(zipFiles([]))).toEqual({});
  });
});

describe('zipEntryNames', () => {
  it('keeps a numbered name within the length limit, with its extension', () => {
    const long = `${'督'.repeat(200)}.xlsx`;
    const [first, second] = zipEntryNames([long, long]);
    expect(Array.from(first ?? '').length).toBe(150);
    expect(second?.endsWith('督 (2).xlsx')).toBe(true);
    expect(Array.from(second ?? '').length).toBe(150);
  });

  it('leaves ordinary Chinese names alone', () => {
    expect(zipEntryName('区政府督查室 月报（10月）.xlsx')).toBe('区政府督查室 月报（10月）.xlsx');
  });
});
