// 督查通报 as an editable Word document in the official layout (officialDocx.ts): the text names each
// listed unit with a short summary (core/bulletin.ts listedSummary), headings 一级 黑体 and 二级
// 楷体; every confirmed 加扣分 line of the listed units is in the attached table (附件).
import { AlignmentType, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { listKindLabels, type BulletinUnit } from '../core/bulletin';
import { chineseDate } from '../core/dates';
import {
  BODY_FONT,
  HEADING_FONT,
  KAITI_FONT,
  officialDocx,
  SIZE_3,
  tableCell,
  TEXT_WIDTH,
  textLine,
  titleLine,
} from './officialDocx';
import { chineseNumber } from './reviews';

export interface BulletinInput {
  year: number;
  month: number;
  issuer: string;
  /** 'YYYY-MM-DD' */
  date: string;
  tasks: number;
  /** e.g. [['已完成', 2], ['滞后', 5]] in display order. */
  byStatus: [string, number][];
  sheetsReceived: number;
  sheetsExpected: number;
  lateSheets: number;
  groups: {
    name: string;
    red: BulletinUnit[];
    black: BulletinUnit[];
    /** Units that met the red list's rank and score but had a behind task or a missing sheet. */
    heldOff: BulletinUnit[];
    /** Why the group has no red list, when it has none. */
    noRed?: string;
  }[];
  /** The sample year's mark (core/model sampleMark). */
  mark?: string;
}

const body = (text: string, indent = true) => textLine(text, { indent });
const heading = (text: string) => textLine(text, { textFont: HEADING_FONT });
const subheading = (text: string) => textLine(text, { textFont: KAITI_FONT });

const ATTACHMENT_TITLE = '红黑榜单位加扣分明细';

function listLine(units: BulletinUnit[]): string {
  return units.map((u) => `${u.unit}（${u.summary}）`).join('；');
}

export function bulletinTitle(input: Pick<BulletinInput, 'year' | 'month'>): string {
  return `关于${input.year}年${input.month}月全区重点工作推进情况的通报`;
}

const rightLine = (text: string, before = 0) =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before, line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: SIZE_3 })],
  });

/** Relative widths of the attachment's columns: 序号, 分组, 榜单, 单位, 得分, 加扣分事项, 分值. */
const ATTACHMENT_COLUMNS: [string, number][] = [
  ['序号', 6],
  ['分组', 10],
  ['榜单', 12],
  ['单位', 16],
  ['得分', 8],
  ['加扣分事项', 40],
  ['分值', 8],
];

const signed = (v: number): string => (v > 0 ? `+${Math.round(v * 100) / 100}` : String(Math.round(v * 100) / 100));

/** The listed units with evidence lines, by group: red, held off, black. */
function evidenced(input: BulletinInput): { group: string; unit: BulletinUnit }[] {
  return input.groups.flatMap((g) =>
    [...g.red, ...g.heldOff, ...g.black].filter((u) => u.lines.length > 0).map((unit) => ({ group: g.name, unit })),
  );
}

/** The attachment's table: one row per evidence line, the unit's cells spanning its lines. */
function attachmentTable(input: BulletinInput): Table {
  const total = ATTACHMENT_COLUMNS.reduce((s, [, w]) => s + w, 0);
  const widths = ATTACHMENT_COLUMNS.map(([, w]) => Math.floor((TEXT_WIDTH * w) / total));
  const width = (i: number) => widths[i] ?? 0;
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: ATTACHMENT_COLUMNS.map(([header], i) => tableCell(header, width(i), { header: true })),
    }),
  ];
  evidenced(input).forEach(({ group, unit }, n) => {
    const span = unit.lines.length;
    unit.lines.forEach((line, i) => {
      const unitCells =
        i === 0
          ? [
              tableCell(String(n + 1), width(0), { center: true, rowSpan: span }),
              tableCell(group, width(1), { center: true, rowSpan: span }),
              tableCell(listKindLabels[unit.list], width(2), { center: true, rowSpan: span }),
              tableCell(unit.unit, width(3), { rowSpan: span }),
              tableCell(`${Math.round(unit.score * 100) / 100}`, width(4), { center: true, rowSpan: span }),
            ]
          : [];
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            ...unitCells,
            tableCell(line.reason, width(5)),
            tableCell(signed(line.points), width(6), { center: true }),
          ],
        }),
      );
    });
  });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows });
}

export async function bulletinDocx(input: BulletinInput): Promise<Uint8Array> {
  const statusLine = input.byStatus
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}项`)
    .join('，');
  // The attachment holds the evidence of the listed units; without any, there is none.
  const listed = evidenced(input).length > 0;
  const children: (Paragraph | Table)[] = [
    titleLine(bulletinTitle(input)),
    body('各镇街、区级各部门、各区属国企和平台：', false),
    body(
      `根据区政府重点工作闭环管控要求，区政府督查室对${input.year}年${input.month}月全区重点工作推进情况进行了督查，现将有关情况通报如下。`,
    ),
    heading('一、总体情况'),
    body(
      `本月纳入督查的重点工作共${input.tasks}项，其中${statusLine || '暂无进展'}。应报送进展的单位${input.sheetsExpected}个，已报送${input.sheetsReceived}个，逾期报送${input.lateSheets}个。`,
    ),
    heading('二、红黑榜'),
  ];
  input.groups.forEach((group, i) => {
    children.push(subheading(`（${chineseNumber(i + 1)}）${group.name}`));
    children.push(
      body(`红榜：${group.red.length ? listLine(group.red) : '无'}。${group.noRed ? `${group.noRed}。` : ''}`),
    );
    if (group.heldOff.length) children.push(body(`未列入红榜：${listLine(group.heldOff)}。`));
    children.push(body(`黑榜：${group.black.length ? listLine(group.black) : '无'}。`));
  });
  if (listed) children.push(body('上榜单位的加扣分明细见附件。'));
  children.push(
    heading('三、下步要求'),
    body(
      '各单位要对照月方案，推动本月事本月毕；滞后事项要说明情况、明确措施、限期追赶。上黑榜的单位要深刻剖析原因，连续两个月上黑榜的，将视情进行约谈。',
    ),
  );
  // GB/T 9704: the attachment is named under the text, before the signature, two characters in.
  if (listed) children.push(body(`附件：${ATTACHMENT_TITLE}`));
  children.push(rightLine(input.issuer, 600), rightLine(chineseDate(input.date)));
  if (listed)
    children.push(
      // The attachment on its own page: 附件 in 黑体 at the top left, its title, the table.
      textLine('附件', { textFont: HEADING_FONT, indent: false, pageBreakBefore: true }),
      titleLine(ATTACHMENT_TITLE, 300),
      attachmentTable(input),
    );
  return officialDocx(bulletinTitle(input), input.issuer, children, input.mark);
}
