// Rows that are not data: notes under the table (填报人：…, 填报说明, 制表…), totals rows
// (合计/总计/小计), and the reporter and phone such a note gives.

import { cleanText, toHalfWidth } from '../text';
import { cellText, isBlankCell } from './sheet';
import type { Cell } from './types';

/** A note starts with one of these words followed by a colon. */
const NOTE_WITH_COLON =
  /^(填报人|填表人|经办人|填报单位|填报日期|填报时间|报送单位|报送日期|联系人|联系电话|电话|手机|审核人|审核|签发人|负责人|单位负责人|主要负责人|分管领导|制表人|制表日期|制表单位|备注|注|说明|填报说明|填表说明)[:：]/u;
/** … or with one of these, colon or not. */
const NOTE_WORD = /^(填报说明|填表说明|制表|注\d*[、.:：]|注[:：])/u;
const TOTAL_WORDS = new Set(['合计', '总计', '小计']);

/** The texts of the row's non-empty cells, in column order. */
export function rowTexts(row: readonly Cell[] | undefined): string[] {
  if (!row) return [];
  const out: string[] = [];
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    const text = cleanText(cellText(cell));
    if (text !== '') out.push(text);
  }
  return out;
}

/** Whether a text is a note: '填报人：王某某', '填报说明：…', '制表：督查室', '注：…'. */
export function isNoteText(text: string): boolean {
  const s = toHalfWidth(text.slice(0, 40)).replace(/\s+/gu, '');
  return NOTE_WITH_COLON.test(s) || NOTE_WORD.test(s);
}

/** The texts of the first `n` non-empty cells, as written (a quick look at a row). */
function firstTexts(row: readonly Cell[] | undefined, n: number): string[] {
  const out: string[] = [];
  if (!row) return out;
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    out.push(cellText(cell));
    if (out.length === n) break;
  }
  return out;
}

/** A notes row: its first non-empty cell is a note. */
export function isNoteRow(row: readonly Cell[] | undefined): boolean {
  const first = firstTexts(row, 1)[0];
  return first !== undefined && isNoteText(first);
}

/** A totals row: one of its first three non-empty cells says 合计, 总计 or 小计 (spaces ignored). */
export function isTotalsRow(row: readonly Cell[] | undefined): boolean {
  return firstTexts(row, 3).some((t) => t.length <= 12 && TOTAL_WORDS.has(toHalfWidth(t).replace(/[\s:]+/gu, '')));
}

export interface ContactNote {
  reporter?: string;
  phone?: string;
}

const REPORTER = /(填报人|填表人|经办人|联系人)\s*:\s*([^\s:]+?)(?=\s|$|联系|电话|手机|填报|审核|负责人|日期)/u;
const PHONE = /(联系电话|电话|手机|联系方式)\s*:\s*([^\s:，,;；]+)/u;

/** The reporter and phone of a note: '填报人：王某某      联系电话：0575-8xxxxxxx'. */
export function parseContactNote(text: string): ContactNote {
  const s = toHalfWidth(text).replace(/\n/gu, ' ');
  const out: ContactNote = {};
  const r = REPORTER.exec(s)?.[2];
  if (r) out.reporter = r;
  const p = PHONE.exec(s)?.[2];
  if (p) out.phone = p;
  return out;
}
