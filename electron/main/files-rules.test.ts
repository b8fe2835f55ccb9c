import { describe, expect, it } from 'vitest';
import {
  assertOpenableSizes,
  fileFiltersFor,
  isFileKind,
  maxOpenFileBytes,
  maxSaveFileBytes,
  openDialogTitle,
  parseOpenFilesRequest,
  parseSaveFileRequest,
  safeSaveName,
  saveFiltersFor,
  withExtension,
} from './files-rules';

describe('fileFiltersFor', () => {
  it('offers Excel work books for excel', () => {
    expect(fileFiltersFor('excel')).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] }]);
  });

  it('offers the backup extensions for backup', () => {
    expect(fileFiltersFor('backup')).toEqual([{ name: '督查督办备份', extensions: ['dcbackup', 'json'] }]);
  });

  it('returns a fresh copy each time', () => {
    fileFiltersFor('excel')[0]?.extensions.push('exe');
    expect(fileFiltersFor('excel')[0]?.extensions).toEqual(['xlsx', 'xls']);
  });
});

describe('isFileKind', () => {
  it('knows only the contract kinds', () => {
    expect(['excel', 'backup'].every(isFileKind)).toBe(true);
    expect(['pdf', 'toString', '__proto__', '', 1, null].some(isFileKind)).toBe(false);
  });
});

describe('safeSaveName', () => {
  it.each([
    ['催报清单-2026年10月.xlsx', '催报清单-2026年10月.xlsx'],
    ['区政府督查室 月报（10月）.docx', '区政府督查室 月报（10月）.docx'],
    ['../../Windows/System32/evil.dll', 'WindowsSystem32evil.dll'],
    ['..\\..\\报表.xlsx', '报表.xlsx'],
    ['C:\\Users\\a\\报表.xlsx', 'CUsersa报表.xlsx'],
    ['a<b>c:d"e/f\\g|h?i*j.xlsx', 'abcdefghij.xlsx'],
    ['名称\u0000\u001f\u007f.pdf', '名称.pdf'],
    ['  报表.pdf . . ', '报表.pdf'],
    ['.hidden', 'hidden'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.xlsx', '_com1.xlsx'],
    ['console.xlsx', 'console.xlsx'],
    ['', '未命名'],
    ['<>:"/\\|?*', '未命名'],
  ])('%j → %j', (input, expected) => {
    expect(safeSaveName(input)).toBe(expected);
  });

  it('never returns a separator or a reserved character', () => {
    const nasty = String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i));
    const result = Array.from(safeSaveName(nasty));
    expect(result.filter((char) => '<>:"/\\|?*'.includes(char) || (char.codePointAt(0) ?? 0) < 0x20)).toEqual([]);
    expect(result).toContain('A');
  });

  it('shortens very long names but keeps the extension', () => {
    const name = safeSaveName(`${'督'.repeat(400)}.xlsx`);
    expect(name.length).toBe(150);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('uses the given fallback', () => {
    expect(safeSaveName('///', '打印')).toBe('打印');
  });
});

describe('withExtension', () => {
  it('adds the extension only when missing', () => {
    expect(withExtension('月报', '.pdf')).toBe('月报.pdf');
    expect(withExtension('月报.PDF', '.pdf')).toBe('月报.PDF');
  });
});

describe('saveFiltersFor', () => {
  it.each([
    ['催报清单.xlsx', 'Excel 工作簿', 'xlsx'],
    ['月报.DOCX', 'Word 文档', 'docx'],
    ['月报.pdf', 'PDF 文档', 'pdf'],
    ['备份-2026-10-01.dcbackup', '督查督办备份', 'dcbackup'],
  ])('%s → %s', (name, label, extension) => {
    expect(saveFiltersFor(name)).toEqual([{ name: label, extensions: [extension] }]);
  });

  it('offers no filter for unknown or missing extensions', () => {
    expect(saveFiltersFor('说明.exe')).toEqual([]);
    expect(saveFiltersFor('说明')).toEqual([]);
  });
});

describe('parseOpenFilesRequest', () => {
  it('accepts contract requests', () => {
    expect(parseOpenFilesRequest({ kind: 'excel' })).toEqual({ kind: 'excel' });
    expect(parseOpenFilesRequest({ kind: 'backup', title: '恢复备份', multiple: false })).toEqual({ kind: 'backup', title: '恢复备份', multiple: false });
  });

  it('drops unknown properties', () => {
    expect(parseOpenFilesRequest({ kind: 'excel', defaultPath: 'C:\\Windows' })).toEqual({ kind: 'excel' });
  });

  it.each([
    ['nothing', undefined],
    ['an unknown kind', { kind: 'exe' }],
    ['an inherited kind', { kind: 'constructor' }],
    ['a non-string title', { kind: 'excel', title: 1 }],
    ['an overlong title', { kind: 'excel', title: '题'.repeat(101) }],
    ['a non-boolean multiple', { kind: 'excel', multiple: 'yes' }],
    ['an array', ['excel']],
  ])('rejects %s', (_label, input) => {
    expect(() => parseOpenFilesRequest(input)).toThrow(TypeError);
  });
});

describe('openDialogTitle', () => {
  it('uses the given title or a default per kind', () => {
    expect(openDialogTitle({ kind: 'excel', title: '导入台账' })).toBe('导入台账');
    expect(openDialogTitle({ kind: 'excel' })).toBe('选择 Excel 文件');
    expect(openDialogTitle({ kind: 'backup' })).toBe('选择备份文件');
  });
});

describe('parseSaveFileRequest', () => {
  it('accepts a name and bytes', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(parseSaveFileRequest({ suggestedName: '月报.docx', bytes })).toEqual({ suggestedName: '月报.docx', bytes });
  });

  it.each([
    ['nothing', null],
    ['a missing name', { bytes: new Uint8Array(1) }],
    ['bytes as a plain array', { suggestedName: 'a.xlsx', bytes: [1, 2, 3] }],
    ['bytes as a string', { suggestedName: 'a.xlsx', bytes: 'abc' }],
  ])('rejects %s', (_label, input) => {
    expect(() => parseSaveFileRequest(input)).toThrow(TypeError);
  });

  it('rejects oversized content', () => {
    const huge = { byteLength: maxSaveFileBytes + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype); // avoids allocating 500 MB
    expect(() => parseSaveFileRequest({ suggestedName: 'a.xlsx', bytes: huge })).toThrow(RangeError);
  });
});

describe('assertOpenableSizes', () => {
  it('accepts files up to the cap', () => {
    expect(() => assertOpenableSizes([{ name: '台账.xlsx', size: maxOpenFileBytes }])).not.toThrow();
  });

  it('names the file that is too large', () => {
    expect(() => assertOpenableSizes([{ name: 'a.xlsx', size: 1 }, { name: '录像.xlsx', size: maxOpenFileBytes + 1 }])).toThrow(/录像\.xlsx/);
  });

  it('refuses a selection too large in total', () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `${i}.xlsx`, size: maxOpenFileBytes }));
    expect(() => assertOpenableSizes(files)).toThrow(/合计/);
  });
});
