import { describe, expect, it } from 'vitest';
import {
  assertOpenableSizes,
  batchFolderName,
  fileFiltersFor,
  isFileKind,
  maxOpenFileBytes,
  maxOpenBackupBytes,
  maxSaveFileBytes,
  maxSaveFilesCount,
  maxSaveFilesTotalBytes,
  openDialogTitle,
  parseOpenFilesRequest,
  parseSaveFileRequest,
  parseSaveFilesRequest,
  saveFiltersFor,
  saveFolderTitle,
  withExtension,
} from './files-rules';
import { batchNames, numberedName, safeSaveName, sameFileName } from '../shared/file-names';

describe('fileFiltersFor', () => {
  it('offers Excel work books for excel', () => {
    expect(fileFiltersFor('excel')).toEqual([{ name: 'Excel 或 WPS 表格', extensions: ['xlsx', 'xls', 'et'] }]);
  });

  it('offers the backup extensions for backup', () => {
    expect(fileFiltersFor('backup')).toEqual([{ name: '督查督办备份', extensions: ['dcbackup', 'json'] }]);
  });

  it('returns a fresh copy each time', () => {
    fileFiltersFor('excel')[0]?.extensions.push('exe');
    expect(fileFiltersFor('excel')[0]?.extensions).toEqual(['xlsx', 'xls', 'et']);
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
    expect(parseOpenFilesRequest({ kind: 'backup', title: '恢复备份', multiple: false })).toEqual({
      kind: 'backup',
      title: '恢复备份',
      multiple: false,
    });
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
    // A backup of the whole database may be larger than any workbook, up to what the app saves.
    expect(() => assertOpenableSizes([{ name: '备份.dcbackup', size: maxOpenFileBytes * 4 }], 'backup')).not.toThrow();
    expect(() => assertOpenableSizes([{ name: '备份.dcbackup', size: maxOpenBackupBytes + 1 }], 'backup')).toThrow(
      /备份\.dcbackup/,
    );
  });

  it('names the file that is too large', () => {
    expect(() =>
      assertOpenableSizes([
        { name: 'a.xlsx', size: 1 },
        { name: '录像.xlsx', size: maxOpenFileBytes + 1 },
      ]),
    ).toThrow(/录像\.xlsx/);
  });

  it('refuses a selection too large in total', () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `${i}.xlsx`, size: maxOpenFileBytes }));
    expect(() => assertOpenableSizes(files)).toThrow(/合计/);
  });
});

/** A stand-in Uint8Array of the given length, without allocating it. */
function sized(byteLength: number): Uint8Array {
  const fake = { byteLength };
  Object.setPrototypeOf(fake, Uint8Array.prototype);
  return fake as Uint8Array;
}

describe('parseSaveFilesRequest', () => {
  const file = { name: '东城街道-2026年月方案.xlsx', bytes: new Uint8Array([1, 2]) };

  it('accepts files, a zip name and an optional folder hint, dropping other properties', () => {
    expect(parseSaveFilesRequest({ files: [file], zipName: 'a.zip' })).toEqual({ files: [file], zipName: 'a.zip' });
    expect(
      parseSaveFilesRequest({
        folderHint: '2026年月方案',
        files: [{ ...file, path: 'C:\\x' }],
        zipName: 'a.zip',
        defaultPath: '/etc',
      }),
    ).toEqual({
      folderHint: '2026年月方案',
      files: [file],
      zipName: 'a.zip',
    });
    expect(parseSaveFilesRequest({ files: [], zipName: 'a.zip' })).toEqual({ files: [], zipName: 'a.zip' });
  });

  it.each([
    ['nothing', undefined],
    ['no zip name', { files: [file] }],
    ['files that are no array', { files: { 0: file, length: 1 }, zipName: 'a.zip' }],
    ['a file without bytes', { files: [{ name: 'a.xlsx' }], zipName: 'a.zip' }],
    ['bytes as a plain array', { files: [{ name: 'a.xlsx', bytes: [1] }], zipName: 'a.zip' }],
    ['a file without a name', { files: [{ bytes: new Uint8Array(1) }], zipName: 'a.zip' }],
    ['a non-string folder hint', { folderHint: 1, files: [file], zipName: 'a.zip' }],
    ['an overlong folder hint', { folderHint: '夹'.repeat(151), files: [file], zipName: 'a.zip' }],
  ])('rejects %s', (_label, input) => {
    expect(() => parseSaveFilesRequest(input)).toThrow(TypeError);
  });

  it('rejects too many files, one oversized file, and too much in total', () => {
    const many = Array.from({ length: maxSaveFilesCount + 1 }, () => file);
    expect(() => parseSaveFilesRequest({ files: many, zipName: 'a.zip' })).toThrow(RangeError);
    expect(() =>
      parseSaveFilesRequest({ files: [{ name: '大.xlsx', bytes: sized(maxSaveFileBytes + 1) }], zipName: 'a.zip' }),
    ).toThrow(/大\.xlsx/);
    const half = { name: 'a.xlsx', bytes: sized(maxSaveFilesTotalBytes / 2 + 1) };
    expect(() => parseSaveFilesRequest({ files: [half, half], zipName: 'a.zip' })).toThrow(/合计/);
  });
});

describe('numberedName', () => {
  it.each([
    ['月报.xlsx', 1, '月报.xlsx'],
    ['月报.xlsx', 2, '月报 (2).xlsx'],
    ['月报.xlsx', 12, '月报 (12).xlsx'],
    ['说明', 3, '说明 (3)'],
    ['archive.tar.gz', 2, 'archive.tar (2).gz'],
  ])('%s #%i → %s', (name, n, expected) => {
    expect(numberedName(name, n)).toBe(expected);
  });

  it('keeps a folder name whole', () => {
    expect(numberedName('2026年方案 v1.2', 2, true)).toBe('2026年方案 v1.2 (2)');
  });

  it('stays within the length limit and keeps the number and extension', () => {
    const name = numberedName(safeSaveName(`${'督'.repeat(400)}.xlsx`), 2);
    expect(Array.from(name).length).toBe(150);
    expect(name.endsWith(' (2).xlsx')).toBe(true);
  });
});

describe('batchNames', () => {
  it('numbers names taken in the folder, without regard to case', () => {
    expect(batchNames(['月报.xlsx', 'Report.XLSX', '新.xlsx'], ['月报.xlsx', '月报 (2).xlsx', 'report.xlsx'])).toEqual([
      '月报 (3).xlsx',
      'Report (2).XLSX',
      '新.xlsx',
    ]);
  });

  it('numbers repeats within the batch', () => {
    expect(batchNames(['a.xlsx', 'A.xlsx', 'a.xlsx', 'a (2).xlsx'], [])).toEqual([
      'a.xlsx',
      'A (2).xlsx',
      'a (3).xlsx',
      'a (2) (2).xlsx',
    ]);
  });

  it('makes every name safe first: no name leaves the folder', () => {
    const names = batchNames(['../../evil.xlsx', 'C:\\Windows\\a.xlsx', '', 'CON.xlsx', '..'], []);
    expect(names).toEqual(['evil.xlsx', 'CWindowsa.xlsx', '未命名', '_CON.xlsx', '未命名 (2)']);
    expect(names.some((name) => /[\\/]/.test(name) || name.startsWith('.'))).toBe(false);
  });
});

describe('batch folder', () => {
  it('is the hint made safe, or none', () => {
    expect(batchFolderName('2026年月方案')).toBe('2026年月方案');
    expect(batchFolderName('../2026/5月')).toBe('20265月');
    expect(batchFolderName('..')).toBeUndefined();
    expect(batchFolderName(undefined)).toBeUndefined();
  });

  it('compares names as Windows does', () => {
    expect(sameFileName('Reports', 'reports')).toBe(true);
    expect(sameFileName('月方案', '月方案 (2)')).toBe(false);
  });

  it('tells in the picker title how many files and which new folder', () => {
    expect(saveFolderTitle(3, undefined)).toBe('选择保存位置（共 3 个文件）');
    expect(saveFolderTitle(3, '2026年月方案')).toBe('选择保存位置（共 3 个文件）：将在其中新建文件夹“2026年月方案”');
  });
});
