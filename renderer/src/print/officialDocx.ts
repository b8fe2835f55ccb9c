// The official-document layout of every Word file the app writes (GB/T 9704-2012, PRODUCT.md §7):
// A4, margins 37/35/28/26 mm, title 2号 小标宋, body 3号 仿宋 at a fixed 28 pt line, headings
// 黑体 (一级) / 楷体 (二级), tables in 小四, page numbers "— 1 —" centred in the footer; a sample
// year's document carries its mark (示例数据 · 非正式文件) above the title and in every page header.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TableCell,
  TextRun,
  VerticalAlign,
  WidthType,
  type Table,
} from 'docx';
import { chineseDate } from '../core/dates';

export const MM = 56.7; // twips per millimetre
/** The width between the margins. */
export const TEXT_WIDTH = (210 - 28 - 26) * MM;
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

/**
 * The font table: for each font the documents name, the font a reader takes where it is missing
 * (w:altName) and its script (GB2312) and kind, so Word on a PC without the *_GB2312 fonts of
 * the official format sets 仿宋 / 楷体 rather than its default 宋体.
 */
const FONT_FALLBACKS: [name: string, fallback: string, family: 'roman' | 'modern' | 'swiss'][] = [
  ['仿宋_GB2312', '仿宋', 'modern'],
  ['楷体_GB2312', '楷体', 'modern'],
  ['方正小标宋简体', '宋体', 'roman'],
  ['黑体', 'SimHei', 'modern'],
];

function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    ([name, fallback, family]) =>
      `<w:font w:name="${name}"><w:altName w:val="${fallback}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}
export const TITLE_FONT = font('方正小标宋简体');
export const BODY_FONT = font('仿宋_GB2312');
export const HEADING_FONT = font('黑体');
export const KAITI_FONT = font('楷体_GB2312');
export const SIZE_2 = 44; // 2号 = 22 pt, in half-points
export const SIZE_3 = 32; // 3号 = 16 pt
/** Two characters of 3号: the first-line indent of body text. */
export const INDENT = 2 * SIZE_3 * 10;
const LINE = 560; // 28 pt

/** A paragraph of body text (or of `textFont`), indented two characters unless `indent` is false. */
export function textLine(
  text: string,
  options: { textFont?: typeof BODY_FONT; indent?: boolean; pageBreakBefore?: boolean } = {},
): Paragraph {
  const { textFont = BODY_FONT, indent = true, pageBreakBefore = false } = options;
  return new Paragraph({
    pageBreakBefore,
    indent: indent ? { firstLine: INDENT } : undefined,
    spacing: { line: LINE },
    children: [new TextRun({ text, font: textFont, size: SIZE_3 })],
  });
}

/** The centred title in 2号 小标宋. */
export function titleLine(text: string, after = 400): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after, line: 700 },
    children: [new TextRun({ text, font: TITLE_FONT, size: SIZE_2 })],
  });
}

/** Under a title: who issues it and when ('YYYY-MM-DD'), centred. */
export function issuerDateLine(issuer: string, isoDate: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400, line: LINE },
    children: [new TextRun({ text: `${issuer}\u3000${chineseDate(isoDate)}`, font: BODY_FONT, size: 28 })],
  });
}

const TABLE_HEAD_FONT = font('黑体');
export const SIZE_TABLE = 24; // 小四 = 12 pt
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** A table cell in 小四: a header cell in 黑体 centred, a body cell in 仿宋, one paragraph per line. */
export function tableCell(
  text: string,
  width: number,
  options: { header?: boolean; center?: boolean; rowSpan?: number } = {},
): TableCell {
  const { header = false, center = header, rowSpan } = options;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(rowSpan !== undefined && rowSpan > 1 ? { rowSpan } : {}),
    children: text.split('\n').map(
      (t) =>
        new Paragraph({
          alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: t, font: header ? TABLE_HEAD_FONT : BODY_FONT, size: SIZE_TABLE })],
        }),
    ),
  });
}

const MARK_COLOR = 'C00000';

/** The sample mark above the title: red, bold, centred. */
function markLine(mark: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text: mark, font: HEADING_FONT, size: SIZE_3, bold: true, color: MARK_COLOR })],
  });
}

/**
 * The whole document, as bytes of a .docx. `mark` (core/model sampleMark: the sample year's
 * 示例数据 line) goes above the first line, into every page header and into the title.
 */
export async function officialDocx(
  title: string,
  creator: string,
  children: (Paragraph | Table)[],
  mark?: string,
): Promise<Uint8Array> {
  const doc = new Document({
    creator,
    title: mark ? `${title}（${mark}）` : title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
          },
        },
        ...(mark
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ text: mark, font: HEADING_FONT, size: 24, color: MARK_COLOR })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: 28 })],
              }),
            ],
          }),
        },
        children: mark ? [markLine(mark), ...children] : children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]));
}
