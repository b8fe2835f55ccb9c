// decrypt.ts against independent references: RFC 6229's RC4 vectors, and officecrypto-tool (an
// independent implementation of [MS-OFFCRYPTO]) for the files the tests encrypt.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { decryptBiffStream, decryptPackage, DEFAULT_PASSWORD, rc4 } from './decrypt';
import { inspectCfb } from './cfb';
import {
  cfb,
  encryptBiff,
  encryptXlsx,
  officeCryptoDecrypt,
  sheetJsXls,
  workbookStreamOf,
  xlsxBytes,
} from './workbooks.testing';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const rows = [
  ['序号', '重点工作', '完成时限'],
  [1, '重大项目攻坚年行动', '11月底前'],
];

describe('rc4', () => {
  it.each([
    ['0102030405', 'b2396305f03dc027ccc3524a0a1118a86982944f18fc82d589c403a47a0d0919'],
    ['0102030405060708090a0b0c0d0e0f10', '9ac7cc9a609d1ef7b2932899cde41b975248c4959014126a6e8a84f11d1a9e1c'],
  ])('key %s: the keystream of RFC 6229', (key, stream) => {
    expect(hex(rc4(new Uint8Array(Buffer.from(key, 'hex')), new Uint8Array(32)))).toBe(stream);
  });
});

describe('an .xls encrypted as Excel does (encryptBiff)', () => {
  const plain = workbookStreamOf(sheetJsXls(rows));
  const schemes = [
    ['RC4 (Excel 97/2000)', { kind: 'rc4' }],
    ['RC4 CryptoAPI, 40-bit', { kind: 'cryptoapi', keyBits: 40 }],
    ['RC4 CryptoAPI, 128-bit', { kind: 'cryptoapi', keyBits: 128 }],
  ] as const;

  it.each(schemes)('%s: officecrypto-tool decrypts it to the sheet it was', async (_label, scheme) => {
    const encrypted = cfb({ Workbook: encryptBiff(plain, '督查2026', scheme) });
    const decrypted = XLSX.read(await officeCryptoDecrypt(encrypted, '督查2026'), { type: 'array' });
    expect(XLSX.utils.sheet_to_json(decrypted.Sheets['数据']!, { header: 1 })).toEqual(rows);
  });

  it.each(schemes)(
    '%s: decryptBiffStream gives back the stream, FILEPASS blanked; null for another password',
    (_l, scheme) => {
      const encrypted = encryptBiff(plain, DEFAULT_PASSWORD, scheme);
      expect(encrypted.length).toBeGreaterThan(plain.length);
      const decrypted = decryptBiffStream(encrypted);
      if (!decrypted) throw new Error('not decrypted');
      const workbook = XLSX.read(decrypted, { type: 'buffer' });
      expect(XLSX.utils.sheet_to_json(workbook.Sheets['数据']!, { header: 1 })).toEqual(rows);
      expect(decryptBiffStream(encryptBiff(plain, '1234', scheme))).toBeNull();
    },
  );

  it('a stream without FILEPASS is returned as it is', () => {
    expect(decryptBiffStream(plain)).toBe(plain);
  });
});

describe('an .xlsx encrypted by officecrypto-tool', () => {
  it.each([
    ['Agile (SHA-512, AES-256-CBC)', undefined],
    ['Standard (SHA-1, AES-128-ECB)', 'standard'],
  ] as const)('%s: decryptPackage gives back the package; null for another password', async (_label, type) => {
    const xlsx = await xlsxBytes((wb) => wb.addWorksheet('数据').addRows(rows));
    const open = (password: string) => {
      const verdict = inspectCfb(encryptXlsx(xlsx, password, type));
      if (verdict.kind !== 'encryptedPackage') throw new Error(verdict.kind);
      return decryptPackage(verdict.encryptionInfo, verdict.encryptedPackage);
    };
    expect(open(DEFAULT_PASSWORD)).toEqual(xlsx);
    expect(open('1234')).toBeNull();
  });
});
