import { describe, expect, it } from 'vitest';
import { parsePrintRequest, pdfFileName, pdfOptions } from './print-rules';

describe('parsePrintRequest', () => {
  it('accepts both modes', () => {
    expect(parsePrintRequest({ mode: 'print' })).toEqual({ mode: 'print' });
    expect(parsePrintRequest({ mode: 'pdf', suggestedName: '月报' })).toEqual({ mode: 'pdf', suggestedName: '月报' });
  });

  it.each([null, 'print', { mode: 'silent' }, { mode: 'pdf', suggestedName: 3 }])('rejects %j', (input) => {
    expect(() => parsePrintRequest(input)).toThrow(TypeError);
  });
});

describe('pdfFileName', () => {
  it.each([
    [undefined, '打印.pdf'],
    ['', '打印.pdf'],
    ['月报 - 重点工作督查督办', '月报 - 重点工作督查督办.pdf'],
    ['红黑榜.pdf', '红黑榜.pdf'],
    ['../../evil', 'evil.pdf'],
    ['a:b|c', 'abc.pdf'],
  ])('%j → %j', (suggested, expected) => {
    expect(pdfFileName(suggested)).toBe(expected);
  });
});

describe('pdfOptions', () => {
  it('prints A4 with backgrounds (status lights are background colours)', () => {
    expect(pdfOptions).toMatchObject({ pageSize: 'A4', printBackground: true });
  });
});
