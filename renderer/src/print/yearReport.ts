// 年度报告 as one editable Word document in the official layout (officialDocx.ts), its tables in
// 小四 with the header row repeated on every page and rows never split. The parts are core/yearReport.ts
// yearReportParts, the same tables the screen prints and Excel holds.
import { Paragraph, Table, TableRow, WidthType } from 'docx';
import { cellText, type ReportPart } from '../core/yearReport';
import {
  BODY_FONT,
  HEADING_FONT,
  issuerDateLine,
  officialDocx,
  tableCell,
  TEXT_WIDTH,
  textLine,
  titleLine,
} from './officialDocx';

export interface YearReportDocInput {
  title: string;
  issuer: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** What the report covers (the year over, or as at a date). */
  note: string;
  parts: ReportPart[];
  /** The sample year's mark (core/model sampleMark). */
  mark?: string;
}

const line = (text: string, textFont = BODY_FONT) => textLine(text, { textFont });

const cell = (text: string, width: number, header: boolean, numeric: boolean) =>
  tableCell(text, width, { header, center: header || numeric });

/** A part's table: widths in proportion to the columns' Excel widths, across the text width. */
function table(part: ReportPart): Table {
  const total = part.columns.reduce((s, c) => s + (c.width ?? 10), 0);
  const widths = part.columns.map((c) => Math.floor((TEXT_WIDTH * (c.width ?? 10)) / total));
  const numeric = part.columns.map((c) => c.kind === 'number' || c.kind === 'percent');
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: part.columns.map((c, i) => cell(c.header, widths[i]!, true, false)),
  });
  const rows = part.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: part.columns.map((c, i) => cell(cellText(row[c.key] ?? null, c), widths[i]!, false, numeric[i]!)),
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [head, ...rows] });
}

export async function yearReportDocx(input: YearReportDocInput): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    titleLine(input.title, 200),
    issuerDateLine(input.issuer, input.date),
    line(input.note),
  ];
  for (const part of input.parts) {
    children.push(line(part.heading, HEADING_FONT));
    for (const text of part.intro) children.push(line(text));
    if (part.rows.length === 0) children.push(line(part.empty));
    else children.push(table(part), new Paragraph({ spacing: { after: 120 }, children: [] }));
  }
  return officialDocx(input.title, input.issuer, children, input.mark);
}
