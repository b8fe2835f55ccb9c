// 督查通报 as an editable Word document in the official layout (officialDocx.ts).
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { chineseDate } from '../core/dates';
import { BODY_FONT, HEADING_FONT, officialDocx, SIZE_3, textLine, titleLine } from './officialDocx';

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
  groups: {
    name: string;
    red: BulletinListed[];
    black: BulletinListed[];
    /** Units that met the red list's rank and score but had a behind task or a missing sheet. */
    heldOff: BulletinListed[];
    /** Why the group has no red list, when it has none. */
    noRed?: string;
  }[];
}

const body = (text: string, indent = true) => textLine(text, { indent });
const heading = (text: string) => textLine(text, { textFont: HEADING_FONT });

function listLines(listed: BulletinListed[]): string {
  return listed.map((l) => `${l.unit}（${l.score}分，${l.reason}）`).join('；');
}

export function bulletinTitle(input: Pick<BulletinInput, 'year' | 'month'>): string {
  return `关于${input.year}年${input.month}月全区重点工作推进情况的通报`;
}

export async function bulletinDocx(input: BulletinInput): Promise<Uint8Array> {
  const statusLine = input.byStatus
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}项`)
    .join('，');
  const children: Paragraph[] = [
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
  for (const group of input.groups) {
    children.push(
      body(
        `${group.name}红榜：${group.red.length ? listLines(group.red) : '无'}。${group.noRed ? `${group.noRed}。` : ''}`,
      ),
    );
    if (group.heldOff.length) children.push(body(`${group.name}未列入红榜：${listLines(group.heldOff)}。`));
    children.push(body(`${group.name}黑榜：${group.black.length ? listLines(group.black) : '无'}。`));
  }
  children.push(
    heading('三、下步要求'),
    body(
      '各单位要对照月方案，推动本月事本月毕；滞后事项要说明情况、明确措施、限期追赶。上黑榜的单位要深刻剖析原因，连续两个月上黑榜的，将视情进行约谈。',
    ),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 600, line: 560 },
      children: [new TextRun({ text: input.issuer, font: BODY_FONT, size: SIZE_3 })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: 560 },
      children: [new TextRun({ text: chineseDate(input.date), font: BODY_FONT, size: SIZE_3 })],
    }),
  );
  return officialDocx(bulletinTitle(input), input.issuer, children);
}
