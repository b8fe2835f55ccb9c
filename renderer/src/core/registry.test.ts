import { describe, expect, it } from 'vitest';
import { findNameClash, normaliseName, parseNameList, type NamedCandidate, type NamedRecord } from './registry';

describe('normaliseName', () => {
  it.each([
    ['plain', '区发展和改革局', '区发展和改革局'],
    ['trims', '  区财政局 ', '区财政局'],
    ['inner spaces', '区 财 政 局', '区财政局'],
    ['full-width space', '\u3000区财政局\u3000局', '区财政局局'],
    ['tabs and newlines', '区财政局\t\n', '区财政局'],
    ['non-breaking space', '区\u00a0财政局', '区财政局'],
    ['full-width parentheses', '区发展和改革局（区粮食局）', '区发展和改革局(区粮食局)'],
    ['full-width letters and digits', 'ＡＢＣ１２３公司', 'ABC123公司'],
    ['full-width tilde edge', '！～', '!~'],
    ['Chinese punctuation untouched', '区委、区政府。', '区委、区政府。'],
    ['empty', '   ', ''],
  ])('%s', (_label, input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

const existing: NamedRecord[] = [
  { id: 'u1', name: '区发展和改革局', aliases: ['发改局', '区发改局'] },
  { id: 'u2', name: '区财政局', aliases: [] },
  { id: 'u3', name: '城南街道', aliases: ['城南街道办事处'] },
];

describe('findNameClash', () => {
  const cases: { label: string; candidate: NamedCandidate; kind?: string; expected: string | undefined }[] = [
    { label: 'free name', candidate: { name: '区教育局', aliases: ['教育局'] }, expected: undefined },
    { label: 'empty name', candidate: { name: '  ', aliases: [] }, expected: '单位名称不能为空' },
    {
      label: 'empty leader name',
      candidate: { name: '', aliases: [] },
      kind: '区领导',
      expected: '区领导姓名不能为空',
    },
    {
      label: 'name equals a name',
      candidate: { name: '区发展和改革局', aliases: [] },
      expected: '单位名称"区发展和改革局"与已有单位"区发展和改革局"重复',
    },
    {
      label: 'name equals a name after normalising',
      candidate: { name: ' 区 财政局\u3000', aliases: [] },
      expected: '单位名称"区 财政局"与已有单位"区财政局"重复',
    },
    {
      label: 'name equals an alias',
      candidate: { name: '发改局', aliases: [] },
      expected: '单位名称"发改局"已是单位"区发展和改革局"的别名',
    },
    {
      label: 'alias equals an alias',
      candidate: { name: '区发展改革委', aliases: ['发改局'] },
      expected: '别名"发改局"已是单位"区发展和改革局"的别名',
    },
    {
      label: 'alias equals a name',
      candidate: { name: '区财政局（国资办）', aliases: ['区财政局'] },
      expected: '别名"区财政局"与已有单位"区财政局"重复',
    },
    {
      label: 'alias repeats own name',
      candidate: { name: '区教育局', aliases: ['区教育局'] },
      expected: '别名"区教育局"与单位名称"区教育局"重复',
    },
    {
      label: 'aliases repeat each other (normalised)',
      candidate: { name: '区教育局', aliases: ['教育局', '教育 局'] },
      expected: '别名"教育 局"重复填写',
    },
    { label: 'empty aliases ignored', candidate: { name: '区教育局', aliases: ['', '  '] }, expected: undefined },
    {
      label: 'editing a record keeps its own name and aliases',
      candidate: { id: 'u1', name: '区发展和改革局', aliases: ['发改局', '区发改局', '发改委'] },
      expected: undefined,
    },
    {
      label: 'editing a record still clashes with others',
      candidate: { id: 'u1', name: '区发展和改革局', aliases: ['区财政局'] },
      expected: '别名"区财政局"与已有单位"区财政局"重复',
    },
    {
      label: 'leader wording',
      candidate: { name: '城南街道', aliases: [] },
      kind: '区领导',
      expected: '区领导姓名"城南街道"与已有区领导"城南街道"重复',
    },
  ];
  it.each(cases)('$label', ({ candidate, kind, expected }) => {
    expect(findNameClash(existing, candidate, kind ?? '单位')).toBe(expected);
  });

  it('no records: only self checks apply', () => {
    expect(findNameClash([], { name: 'A', aliases: ['B'] }, '单位')).toBeUndefined();
  });
});

describe('parseNameList', () => {
  it.each([
    ['one per line (\\n)', '区财政局\n区教育局', ['区财政局', '区教育局']],
    ['Windows line ends', '区财政局\r\n区教育局\r\n', ['区财政局', '区教育局']],
    ['old Mac line ends', '区财政局\r区教育局', ['区财政局', '区教育局']],
    ['drops empty lines and trims', '\n  区财政局  \n\n\u3000区教育局\u3000\n   \n', ['区财政局', '区教育局']],
    ['takes the first column', '区财政局\t区级部门\t张三\n区教育局\t区级部门', ['区财政局', '区教育局']],
    ['drops header 单位名称', '单位名称\n区财政局', ['区财政局']],
    ['drops header 单位 with other columns', '单位\t类型\r\n区财政局\t区级部门', ['区财政局']],
    ['header only when first', '区财政局\n单位名称', ['区财政局', '单位名称']],
    ['keeps order', 'C\nA\nB', ['C', 'A', 'B']],
    ['keeps duplicates', '区财政局\n区财政局', ['区财政局', '区财政局']],
    ['empty first cell skipped', '\t区级部门\n区财政局', ['区财政局']],
    ['empty text', '', []],
    ['BOM', '\ufeff单位名称\n区财政局', ['区财政局']],
  ])('%s', (_label, text, expected) => {
    expect(parseNameList(text)).toEqual(expected);
  });
});
