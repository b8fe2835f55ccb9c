// The year's 复盘 as one editable Word document in the official layout (officialDocx.ts), one
// task per page.
import type { Paragraph } from 'docx';
import { BODY_FONT, HEADING_FONT, issuerDateLine, KAITI_FONT, officialDocx, textLine, titleLine } from './officialDocx';

export interface ReviewDocItem {
  title: string;
  /** '牵头单位：…；年末进度：60%' */
  info: string;
  sections: { heading: string; text: string }[];
}

export interface ReviewDocInput {
  year: number;
  issuer: string;
  /** 'YYYY-MM-DD' */
  date: string;
  items: ReviewDocItem[];
  /** The sample year's mark (core/model sampleMark). */
  mark?: string;
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMBERS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens >= 10) return String(n);
  return `${tens === 1 ? '' : CHINESE_NUMBERS[tens - 1]}十${ones ? CHINESE_NUMBERS[ones - 1] : ''}`;
}

export function reviewsTitle(year: number): string {
  return `${year}年度重点工作复盘汇编`;
}

const line = (text: string, textFont = BODY_FONT, indent = true, pageBreakBefore = false) =>
  textLine(text, { textFont, indent, pageBreakBefore });

/** A text as written: one paragraph per line, empty lines left out. */
function paragraphs(text: string): Paragraph[] {
  const lines = text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length ? lines.map((l) => line(l)) : [line('（未填写）')];
}

export async function reviewsDocx(input: ReviewDocInput): Promise<Uint8Array> {
  const children: Paragraph[] = [titleLine(reviewsTitle(input.year), 200), issuerDateLine(input.issuer, input.date)];
  if (input.items.length === 0) children.push(line('本年度尚无复盘记录。'));
  input.items.forEach((item, i) => {
    children.push(line(`${chineseNumber(i + 1)}、${item.title}`, HEADING_FONT, true, i > 0));
    if (item.info) children.push(line(item.info));
    item.sections.forEach((section, j) => {
      children.push(line(`（${chineseNumber(j + 1)}）${section.heading}`, KAITI_FONT));
      children.push(...paragraphs(section.text));
    });
  });
  return officialDocx(reviewsTitle(input.year), input.issuer, children, input.mark);
}
