// The official-document layout of every Word file the app writes (GB/T 9704-2012, PRODUCT.md §7):
// A4, margins 37/35/28/26 mm, title 2号 小标宋, body 3号 仿宋 at a fixed 28 pt line, headings
// 黑体 / 楷体, page numbers "— 1 —" centred in the footer.
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import { chineseDate } from '../core/dates';

export const MM = 56.7; // twips per millimetre
/** The width between the margins. */
export const TEXT_WIDTH = (210 - 28 - 26) * MM;
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
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

/** The whole document, as bytes of a .docx. */
export async function officialDocx(
  title: string,
  creator: string,
  children: (Paragraph | Table)[],
): Promise<Uint8Array> {
  const doc = new Document({
    creator,
    title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
          },
        },
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
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
