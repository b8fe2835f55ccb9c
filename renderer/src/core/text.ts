// Generic text normalisers for what people type into Excel cells: full-width characters,
// stray spaces, lists written into one cell. Pure string functions; nothing here knows about
// templates or cells.

/** Full-width ASCII block: ！ (U+FF01) … ～ (U+FF5E), one code unit each, like their ASCII twins. */
const WIDE = /[\uFF01-\uFF5E\u3000\uFE6A]/gu;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width digits, letters and ASCII punctuation made half-width ('８０％' → '80%',
 * '（１）' → '(1)'), the ideographic space U+3000 made a plain space and the small percent
 * sign ﹪ a '%'. CJK punctuation without an ASCII twin (、。“”) stays. Every character maps to
 * exactly one character, so indexes into the result are indexes into the input.
 */
export function toHalfWidth(s: string): string {
  return s.replace(WIDE, (ch) => {
    if (ch === '\u3000') return ' ';
    if (ch === '\uFE6A') return '%';
    return String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET);
  });
}

/** Spaces other than the line break: tab, NBSP, U+3000, the U+2000 family, narrow NBSP. */
const INLINE_SPACE = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/gu;
/** Invisible characters that come along with pasted text. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/gu;
/** Most cells need nothing: no space at either end, no double space, no other space or break. */
const NEEDS_CLEANING = /^ | $| {2}|[\t\n\v\f\r\u00A0\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/u;

/**
 * A cell's text as it should be stored: line breaks unified to '\n', every run of spaces
 * (including U+3000 and NBSP) made one space, each line trimmed, empty lines dropped, invisible
 * characters removed. Line breaks are kept: in a cell they separate items or paragraphs.
 * Full-width characters are left as written (see toHalfWidth).
 */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s
    .replace(INVISIBLE, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/u)
    .map((line) => line.replace(INLINE_SPACE, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const ASCII_WORD_END = /[0-9A-Za-z]$/u;
const ASCII_WORD_START = /^[0-9A-Za-z]/u;

/**
 * cleanText, then the lines joined into one: without a separator between Chinese text
 * ('重大项目\n攻坚年' → '重大项目攻坚年'), with a space between two Latin words or numbers.
 * For fields that are one line by nature (titles, names, status words).
 */
export function singleLine(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  const lines = cleanText(s).split('\n');
  let out = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    out += ASCII_WORD_END.test(out) && ASCII_WORD_START.test(line) ? ` ${line}` : line;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lists in one cell

/** A numbering marker at the start of (half-width) text, and how the next number is written. */
interface Marker {
  /** Length of the marker including the spaces after it. */
  length: number;
  /** The number it stands for, when it has one (bullets have none). */
  n?: number;
  /** Writes the marker for another number in the same style, to find the next item inline. */
  format?: (n: number) => RegExp;
}

const CIRCLED_FIRST = 0x2460; // ① … ⑳
const CIRCLED_LAST = 0x2473;
const CHINESE_DIGITS = '零一二三四五六七八九';

/** '一' → 1, '十二' → 12, '二十' → 20; undefined for anything else. */
function chineseNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/u.test(s)) return undefined;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? CHINESE_DIGITS.indexOf(s) : undefined;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS.indexOf(s.slice(0, ten));
  const units = ten === s.length - 1 ? 0 : CHINESE_DIGITS.indexOf(s.slice(ten + 1));
  return tens > 0 && units >= 0 ? tens * 10 + units : undefined;
}

/** Escapes a literal for use in a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The marker at the start of a half-width line: '1、' '1.' '1)' '(1)' '①' '一、' '(一)' or a
 * bullet '•' '●' '·' '-'. A '1.' followed by a digit is a decimal number, not a marker.
 */
function markerAt(line: string): Marker | undefined {
  // Only '.' needs a non-digit after it ('1.5亿' is a number); '1、17项' is item 1.
  let m = /^(\d{1,3})\s*(、|\.(?!\d)|\))\s*/u.exec(line);
  if (m) {
    const sep = m[2] ?? '、';
    const notDecimal = sep === '.' ? '(?!\\d)' : '';
    return {
      length: m[0].length,
      n: Number(m[1]),
      // Inline: the next number must not be the tail of a longer number ('12、' is not '2、').
      format: (n) => new RegExp(`(?<!\\d)${n}\\s*${escapeRegExp(sep)}${notDecimal}\\s*`, 'u'),
    };
  }
  m = /^\((\d{1,3})\)\s*/u.exec(line);
  if (m) return { length: m[0].length, n: Number(m[1]), format: (n) => new RegExp(`\\(${n}\\)\\s*`, 'u') };
  const first = line.codePointAt(0) ?? 0;
  if (first >= CIRCLED_FIRST && first <= CIRCLED_LAST) {
    const length = /^.\s*/u.exec(line)?.[0].length ?? 1;
    return {
      length,
      n: first - CIRCLED_FIRST + 1,
      format: (n) => new RegExp(`${n <= 20 ? String.fromCodePoint(CIRCLED_FIRST + n - 1) : '(?!)'}\\s*`, 'u'),
    };
  }
  // Chinese numerals only at the start of a line: inline, '统一、规范' would split wrongly.
  m = /^([一二三四五六七八九十]{1,3})、\s*/u.exec(line) ?? /^\(([一二三四五六七八九十]{1,3})\)\s*/u.exec(line);
  if (m) {
    const n = chineseNumber(m[1] ?? '');
    if (n !== undefined) return { length: m[0].length, n };
  }
  m = /^[•●·▪◆■-]\s*/u.exec(line);
  if (m && line.length > m[0].length) return { length: m[0].length };
  return undefined;
}

/** Item ends that carry no meaning: '；' ';' '，' ',' '、' '。' and spaces. */
const ITEM_TAIL = /[\s；;，,、。]+$/u;

function tidyItem(s: string): string {
  return s.replace(ITEM_TAIL, '').trim();
}

/**
 * Splits one numbered item further where the next numbers follow inline:
 * '1、建立清单2、实行制度' → ['建立清单', '实行制度']. Only the sequence n+1, n+2, … in the same
 * style counts, so '完成3、4月任务' (no item 1 before it) stays whole.
 */
function splitInline(original: string, half: string, marker: Marker): string[] {
  if (marker.n === undefined || marker.format === undefined) return [original];
  const items: string[] = [];
  let start = 0;
  let next = marker.n + 1;
  for (;;) {
    const re = marker.format(next);
    const found = re.exec(half.slice(start));
    if (!found) break;
    const at = start + found.index;
    items.push(original.slice(start, at));
    start = at + found[0].length;
    next += 1;
  }
  items.push(original.slice(start));
  return items;
}

/**
 * A list written into one cell → its items, without their numbers.
 *
 * Items are separated by line breaks or by numbering: '1、' '1.' '1)' '(1)' '（1）' '①' and, at
 * the start of a line, '一、' '（一）' and bullets. Numbers in the same style that follow on one
 * line ('1、甲；2、乙') split it too. In a numbered list, a line without a number continues the
 * item above it (a long item wrapped by hand); before the first number, and in a list without
 * numbers, every line is an item. Trailing '；' '，' '。' are dropped, empty items too. A single
 * unnumbered line is one item: '、' and '，' do not split here (see splitNames).
 */
export function splitList(text: string): string[] {
  const lines = cleanText(text)
    .split('\n')
    .filter((l) => l !== '');
  const items: string[] = [];
  let numbered = false;
  for (const line of lines) {
    const half = toHalfWidth(line);
    const marker = markerAt(half);
    if (!marker) {
      const last = items.length - 1;
      if (numbered && last >= 0) items[last] = `${items[last] ?? ''}${line}`;
      else items.push(line);
      continue;
    }
    numbered = true;
    items.push(...splitInline(line.slice(marker.length), half.slice(marker.length), marker));
  }
  return items.map(tidyItem).filter((item) => item !== '');
}

const NAME_SEPARATORS = new Set(['、', '，', ',', '；', ';', '\n', '/', '／', '|']);
const BARE_NUMBER = /^\(?(\d{1,3}|[一二三四五六七八九十]{1,3})\)?[.)]?$/u;
const OPENING = new Set(['（', '(', '【', '[', '《']);
const CLOSING = new Set(['）', ')', '】', ']', '》']);

/**
 * A list of names in one cell ('区财政局、区自然资源和规划分局') → the names: split on 、，,；;
 * line breaks and '/', never inside brackets ('区发展和改革局（区粮食局、区物价局）' stays
 * whole); numbering before a name is dropped; spaces cleaned; repeats and empty parts dropped,
 * the order kept.
 */
export function splitNames(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cleanText(text)) {
    if (OPENING.has(ch)) depth += 1;
    else if (CLOSING.has(ch) && depth > 0) depth -= 1;
    if (depth === 0 && NAME_SEPARATORS.has(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const names: string[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    const half = toHalfWidth(trimmed);
    const marker = markerAt(half);
    const pieces =
      marker && marker.n !== undefined
        ? splitInline(trimmed.slice(marker.length), half.slice(marker.length), marker)
        : [trimmed];
    for (const piece of pieces) {
      const name = tidyItem(piece);
      // A bare number is the numbering of a list written '1、甲、2、乙', not a name.
      if (name === '' || BARE_NUMBER.test(toHalfWidth(name)) || names.includes(name)) continue;
      names.push(name);
    }
  }
  return names;
}
