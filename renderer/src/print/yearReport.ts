// 年度报告 as one editable Word document, in the proportions of the official-document format
// (GB/T 9704-2012, PRODUCT.md §7; as bulletin.ts and reviews.ts): A4, margins 37/35/28/26 mm,
// title 2号 小标宋, body 3号 仿宋, headings 黑体, tables 小四 with the header row repeated on every
// page and rows never split, page numbers "— 1 —". The parts are core/yearReport.ts
// yearReportParts, the same tables the screen prints and Excel holds.
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { cellText, type ReportPart } from '../core/yearReport';

export interface YearReportDocInput {
  title: string;
  issuer: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** What the report covers (the year over, or as at a date). */
  note: string;
  parts: ReportPart[];
}

const MM = 56.7; // twips per millimetre
const TEXT_WIDTH = (210 - 28 - 26) * MM;
const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const BODY_FONT = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
const HEADING_FONT = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
const TABLE_HEAD_FONT = { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体' };
const SIZE_2 = 44; // 2号 = 22 pt, in half-points
const SIZE_3 = 32; // 3号 = 16 pt
const SIZE_TABLE = 24; // 小四 = 12 pt
const INDENT = 2 * SIZE_3 * 10;

const line = (text: string, font = BODY_FONT) =>
  new Paragraph({ indent: { firstLine: INDENT }, spacing: { line: 560 }, children: [new TextRun({ text, font, size: SIZE_3 })] });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(text: string, width: number, header: boolean, numeric: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map((t) => new Paragraph({
      alignment: header || numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: t, font: header ? TABLE_HEAD_FONT : BODY_FONT, size: SIZE_TABLE, bold: header })],
    })),
  });
}

/** A part's table: widths in proportion to the columns' Excel widths, across the text width. */
function table(part: ReportPart): Table {
  const total = part.columns.reduce((s, c) => s + (c.width ?? 10), 0);
  const widths = part.columns.map((c) => Math.floor((TEXT_WIDTH * (c.width ?? 10)) / total));
  const numeric = part.columns.map((c) => c.kind === 'number' || c.kind === 'percent');
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: part.columns.map((c, i) => cell(c.header, widths[i]!, true, false)) });
  const rows = part.rows.map((row) => new TableRow({
    cantSplit: true,
    children: part.columns.map((c, i) => cell(cellText(row[c.key] ?? null, c), widths[i]!, false, numeric[i]!)),
  }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [head, ...rows] });
}

export async function yearReportDocx(input: YearReportDocInput): Promise<Uint8Array> {
  const [y, m, d] = input.date.split('-').map(Number);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200, line: 700 }, children: [new TextRun({ text: input.title, font: TITLE_FONT, size: SIZE_2 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: 560 }, children: [new TextRun({ text: `${input.issuer}\u3000${y}年${m}月${d}日`, font: BODY_FONT, size: 28 })] }),
    line(input.note),
  ];
  for (const part of input.parts) {
    children.push(line(part.heading, HEADING_FONT));
    for (const text of part.intro) children.push(line(text));
    if (part.rows.length === 0) children.push(line(part.empty));
    else children.push(table(part), new Paragraph({ spacing: { after: 120 }, children: [] }));
  }
  const doc = new Document({
    creator: input.issuer,
    title: input.title,
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
