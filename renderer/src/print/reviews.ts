// The year's 复盘 as one editable Word document, in the proportions of the official-document
// format (GB/T 9704-2012, PRODUCT.md §7; as bulletin.ts): A4, margins 37/35/28/26 mm, title 2号
// 小标宋, body 3号 仿宋, headings 黑体 / 楷体, page numbers "— 1 —". One task per page.
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';

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
}

const MM = 56.7; // twips per millimetre
const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const BODY_FONT = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
const HEADING_FONT = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
const KAITI_FONT = { ascii: '楷体_GB2312', eastAsia: '楷体_GB2312', hAnsi: '楷体_GB2312' };
const SIZE_2 = 44; // 2号 = 22 pt, in half-points
const SIZE_3 = 32; // 3号 = 16 pt
const INDENT = 2 * SIZE_3 * 10;

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

const line = (text: string, font = BODY_FONT, indent = true, pageBreakBefore = false) =>
  new Paragraph({ pageBreakBefore, indent: indent ? { firstLine: INDENT } : undefined, spacing: { line: 560 }, children: [new TextRun({ text, font, size: SIZE_3 })] });

/** A text as written: one paragraph per line, empty lines left out. */
function paragraphs(text: string): Paragraph[] {
  const lines = text.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '');
  return lines.length ? lines.map((l) => line(l)) : [line('（未填写）')];
}

export async function reviewsDocx(input: ReviewDocInput): Promise<Uint8Array> {
  const [y, m, d] = input.date.split('-').map(Number);
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200, line: 700 }, children: [new TextRun({ text: reviewsTitle(input.year), font: TITLE_FONT, size: SIZE_2 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: 560 }, children: [new TextRun({ text: `${input.issuer}\u3000${y}年${m}月${d}日`, font: BODY_FONT, size: 28 })] }),
  ];
  if (input.items.length === 0) children.push(line('本年度尚无复盘记录。'));
  input.items.forEach((item, i) => {
    children.push(line(`${chineseNumber(i + 1)}、${item.title}`, HEADING_FONT, true, i > 0));
    if (item.info) children.push(line(item.info));
    item.sections.forEach((section, j) => {
      children.push(line(`（${chineseNumber(j + 1)}）${section.heading}`, KAITI_FONT));
      children.push(...paragraphs(section.text));
    });
  });
  const doc = new Document({
    creator: input.issuer,
    title: reviewsTitle(input.year),
    sections: [
      {
        properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: 28 })] })],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
