// 督查通报 as an editable Word document, in the proportions of the official-document format
// (GB/T 9704-2012, PRODUCT.md §7): A4, margins 37/35/28/26 mm, title 2号 小标宋, body 3号 仿宋,
// page numbers "— 1 —" centred at the bottom.
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';

export interface BulletinListed {
  unit: string;
  score: number;
  reason: string;
}

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
  groups: { name: string; red: BulletinListed[]; black: BulletinListed[] }[];
}

const MM = 56.7; // twips per millimetre
const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const BODY_FONT = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
const HEADING_FONT = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
const SIZE_2 = 44; // 2号 = 22 pt, in half-points
const SIZE_3 = 32; // 3号 = 16 pt

const body = (text: string, indent = true) =>
  new Paragraph({ indent: indent ? { firstLine: 2 * SIZE_3 * 10 } : undefined, spacing: { line: 560 }, children: [new TextRun({ text, font: BODY_FONT, size: SIZE_3 })] });
const heading = (text: string) => new Paragraph({ indent: { firstLine: 2 * SIZE_3 * 10 }, spacing: { line: 560 }, children: [new TextRun({ text, font: HEADING_FONT, size: SIZE_3 })] });

function listLines(listed: BulletinListed[]): string {
  return listed.map((l) => `${l.unit}（${l.score}分，${l.reason}）`).join('；');
}

export function bulletinTitle(input: Pick<BulletinInput, 'year' | 'month'>): string {
  return `关于${input.year}年${input.month}月全区重点工作推进情况的通报`;
}

export async function bulletinDocx(input: BulletinInput): Promise<Uint8Array> {
  const [y, m, d] = input.date.split('-').map(Number);
  const statusLine = input.byStatus.filter(([, n]) => n > 0).map(([label, n]) => `${label}${n}项`).join('，');
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: 700 }, children: [new TextRun({ text: bulletinTitle(input), font: TITLE_FONT, size: SIZE_2 })] }),
    body('各镇街、区级各部门、各区属国企和平台：', false),
    body(`根据区政府重点工作闭环管控要求，区政府督查室对${input.year}年${input.month}月全区重点工作推进情况进行了督查，现将有关情况通报如下。`),
    heading('一、总体情况'),
    body(`本月纳入督查的重点工作共${input.tasks}项，其中${statusLine || '暂无进展'}。应报送进展的单位${input.sheetsExpected}个，已报送${input.sheetsReceived}个，逾期报送${input.lateSheets}个。`),
    heading('二、红黑榜'),
  ];
  for (const group of input.groups) {
    children.push(body(`${group.name}红榜：${group.red.length ? listLines(group.red) : '无'}。`));
    children.push(body(`${group.name}黑榜：${group.black.length ? listLines(group.black) : '无'}。`));
  }
  children.push(
    heading('三、下步要求'),
    body('各单位要对照月方案，推动本月事本月毕；滞后事项要说明情况、明确措施、限期追赶。上黑榜的单位要深刻剖析原因，连续两个月上黑榜的，将视情进行约谈。'),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, line: 560 }, children: [new TextRun({ text: input.issuer, font: BODY_FONT, size: SIZE_3 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 560 }, children: [new TextRun({ text: `${y}年${m}月${d}日`, font: BODY_FONT, size: SIZE_3 })] }),
  );
  const doc = new Document({
    creator: input.issuer,
    title: bulletinTitle(input),
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
