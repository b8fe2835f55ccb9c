import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countBiffCells, hasFilePass, inspectCfb } from './cfb';
import { messages } from './messages';
import { classifyText, sniff } from './sniff';
import {
  biffNumber,
  biffRecord,
  biffStream,
  biffWorkbook,
  cfb,
  fixture,
  hostileFileLimitMs,
} from './workbooks.testing';

describe('sniff: before any parser runs', () => {
  it('refuses an empty file', () => {
    expect(sniff(new Uint8Array(0))).toEqual({ ok: false, message: messages.empty });
  });

  it('refuses a file over the size cap, default 20 MB, without looking further', () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    expect(sniff(big)).toEqual({ ok: false, message: '文件超过20MB，请确认是否为正确的表格' });
    expect(sniff(new Uint8Array(2048).fill(0x41), { maxBytes: 1024 })).toEqual({
      ok: false,
      message: '文件超过1KB，请确认是否为正确的表格',
    });
    expect(sniff(new Uint8Array(11), { maxBytes: 10 }).ok).toBe(false);
  });

  it('takes the real fixtures by their bytes', () => {
    expect(sniff(fixture('任务清单-2026.xlsx'))).toMatchObject({ ok: true, format: 'xlsx' });
    expect(sniff(fixture('东城街道-5月进展.xls'))).toMatchObject({
      ok: true,
      format: 'xls',
      codePageText: false,
      filePass: false,
    });
  });

  it('goes by content, not by name: an .xlsx saved with an .xls name is read as .xlsx', () => {
    // (sniff never sees the name at all)
    expect(sniff(fixture('区发展和改革局-5月进展.xlsx'))).toMatchObject({ ok: true, format: 'xlsx' });
  });

  it.each([
    ['<html><body><table><tr><td>1</td></tr></table></body></html>'],
    ['\ufeff  \r\n<!DOCTYPE html><html></html>'],
    ['<TABLE border=1><tr><td>序号</td></tr></TABLE>'],
    ['<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'],
    ['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
  ])('recognises a web page renamed to .xls: %s', (page) => {
    expect(sniff(strToU8(page))).toEqual({ ok: false, message: messages.htmlRenamed });
  });

  it('recognises an Excel 2003 XML spreadsheet', () => {
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    expect(sniff(strToU8(xml))).toEqual({ ok: false, message: messages.xmlSpreadsheet });
  });

  it('recognises CSV and plain text, in UTF-8, GBK or UTF-16', () => {
    expect(sniff(fixture('bad/csv-renamed.xlsx'))).toEqual({ ok: false, message: messages.textRenamed });
    const gbk = new Uint8Array([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xd6, 0xd8, 0xb5, 0xe3, 0x0d, 0x0a, 0x31, 0x2c, 0x41]); // 序号,重点\r\n1,A
    expect(classifyText(gbk)).toBe('text');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x0f, 0x5e, 0xf7, 0x53, 0x09, 0x00, 0x31, 0x00]); // BOM 序号\t1
    expect(classifyText(utf16)).toBe('text');
  });

  it('refuses other binary data as not Excel', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({
      ok: false,
      message: messages.notExcel,
    });
    expect(
      sniff(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3, 0x00])),
    ).toEqual({ ok: false, message: messages.notExcel });
  });

  it('names a Word document or plain archive that is not a spreadsheet', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(sniff(docx)).toEqual({ ok: false, message: '是Word文档（.docx），不是Excel文件' });
    expect(sniff(zipSync({ 'photo.jpg': new Uint8Array(10) }))).toEqual({ ok: false, message: messages.notExcel });
  });

  it('reports the ZIP problems with their own messages', () => {
    expect(sniff(fixture('bad/truncated.xlsx'))).toEqual({ ok: false, message: messages.truncated });
    const unsafe = zipSync({ 'xl/workbook.xml': strToU8('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>') });
    expect(sniff(unsafe)).toEqual({ ok: false, message: messages.unsafeXml });
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`xl/${i}.xml`] = new Uint8Array(0);
    expect(
      sniff(zipSync(many), {
        zipLimits: {
          maxEntries: 20,
          maxTotalUncompressed: 1e9,
          maxRatio: 200,
          ratioMinSize: 1e6,
          maxCellsAndRows: 1e9,
        },
      }),
    ).toEqual({
      ok: false,
      message: messages.tooManyParts(20),
    });
  });
});

describe('OLE2 containers', () => {
  it('takes out the two streams of an encrypted .xlsx (EncryptionInfo + EncryptedPackage) for decrypt.ts', () => {
    const info = new Uint8Array(200).fill(1);
    const data = new Uint8Array(5000).fill(2);
    const encrypted = cfb({ EncryptionInfo: info, EncryptedPackage: data });
    expect(inspectCfb(encrypted)).toEqual({ kind: 'encryptedPackage', encryptionInfo: info, encryptedPackage: data });
    expect(sniff(encrypted)).toEqual({ ok: true, format: 'encrypted', encryptionInfo: info, encryptedPackage: data });
    // One of the two alone (or rights management's DataSpaces): nothing to open.
    expect(sniff(cfb({ EncryptionInfo: info }))).toEqual({ ok: false, message: messages.encryptedOrNotExcel });
  });

  it('takes out the Workbook stream and sees its FILEPASS, in a small or a large stream', () => {
    // < 4096 bytes lives in the mini stream; larger streams in regular sectors.
    for (const size of [200, 9000]) {
      for (const filePass of [true, false]) {
        const stream = biffStream(filePass, size);
        expect(inspectCfb(cfb({ Workbook: stream }))).toEqual({
          kind: 'workbook',
          stream,
          codePageText: false,
          filePass,
          cellsAndRows: 0,
        });
      }
    }
  });

  it('knows an Excel 5/95 "Book" stream', () => {
    expect(inspectCfb(cfb({ Book: biffStream(false) }))).toMatchObject({ kind: 'workbook', codePageText: true });
  });

  it('refuses an OLE2 file that is not a workbook', () => {
    expect(sniff(cfb({ WordDocument: new Uint8Array(600) }))).toEqual({
      ok: false,
      message: '是Word文档（.doc），不是Excel文件',
    });
    expect(sniff(cfb({ Contents: new Uint8Array(600) }))).toEqual({ ok: false, message: messages.encryptedOrNotExcel });
  });

  it('calls a cut-short container truncated and garbage after the magic bytes not Excel', () => {
    const xls = fixture('东城街道-5月进展.xls');
    expect(sniff(xls.subarray(0, 1024))).toEqual({ ok: false, message: messages.truncated });
    const garbage = new Uint8Array(2048).fill(0xab);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniff(garbage)).toEqual({ ok: false, message: messages.encryptedOrNotExcel });
  });

  it('survives a container whose sector chain loops', () => {
    const container = cfb({ Workbook: biffStream(false, 9000) });
    const view = new DataView(container.buffer);
    const fatAt = (view.getUint32(0x4c, true) + 1) * 512;
    const directory = view.getUint32(0x30, true);
    // The directory's chain now points back at itself: a naive reader would loop forever.
    view.setUint32(fatAt + 4 * directory, directory, true);
    const started = performance.now();
    expect(inspectCfb(container).kind).toMatch(/corrupt|truncated/);
    expect(performance.now() - started).toBeLessThan(hostileFileLimitMs);
  });

  it('counts the cells and rows of a workbook stream, those in MULRK and MULBLANK records too', () => {
    const mulblank = new Uint8Array(6 + 2 * 10); // 10 blank cells
    const mulrk = new Uint8Array(6 + 6 * 3); // 3 numbers
    const stream = biffWorkbook([
      biffRecord(0x0208, new Uint8Array(16)),
      biffNumber(0, 0, 1),
      biffRecord(0x00be, mulblank),
      biffRecord(0x00bd, mulrk),
      biffRecord(0x00fd, new Uint8Array(10)),
    ]);
    expect(countBiffCells(stream)).toBe(1 + 1 + 10 + 3 + 1);
    expect(inspectCfb(cfb({ Workbook: biffStream(false, 9000), Other: stream }))).toMatchObject({ cellsAndRows: 0 });
    const fixtureVerdict = inspectCfb(fixture('东城街道-5月进展.xls'));
    expect(fixtureVerdict.kind === 'workbook' && fixtureVerdict.cellsAndRows).toBeGreaterThan(50);
    expect(fixtureVerdict.kind === 'workbook' && fixtureVerdict.cellsAndRows).toBeLessThan(1000);
  });

  it('reads FILEPASS only where BIFF puts it: right after BOF', () => {
    expect(hasFilePass(biffStream(true))).toBe(true);
    expect(hasFilePass(biffStream(false))).toBe(false);
    expect(hasFilePass(new Uint8Array([0x2f, 0x00, 0x00, 0x00]))).toBe(false); // no BOF first: not a workbook stream
  });
});
