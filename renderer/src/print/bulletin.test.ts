import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import { bulletinDocx, bulletinTitle, type BulletinInput } from './bulletin';

const reasons = ['临空示范区开发建设', '城市更新', '招商引资', '乡村振兴', '河道治理'].map(
  (title) => `5月进展未报送（“${title}”，截止5月25日）`,
);

const input: BulletinInput = {
  year: 2026,
  month: 5,
  issuer: '区政府督查室',
  date: '2026-05-30',
  tasks: 20,
  byStatus: [
    ['已完成', 0],
    ['序时推进', 6],
    ['滞后', 11],
    ['未报送', 3],
  ],
  sheetsReceived: 3,
  sheetsExpected: 24,
  lateSheets: 2,
  groups: [
    {
      name: '区级部门',
      red: [{ unit: '区统计局', list: 'red', score: 100, summary: '100分，本组第1名，无扣分事项', lines: [] }],
      black: [
        {
          unit: '区自然资源和规划分局',
          list: 'black',
          score: 75,
          summary: '75分，未报送5项',
          lines: reasons.map((reason) => ({ ruleId: 'missing', points: -5, reason })),
        },
      ],
      heldOff: [],
    },
    {
      name: '镇街',
      red: [],
      black: [],
      heldOff: [
        {
          unit: '东城街道',
          list: 'heldOff',
          score: 98,
          summary: '98分，1项滞后，不列入红榜',
          lines: [{ ruleId: 'late', points: -2, reason: '5月进展逾期报送（5月27日收到，截止5月25日）' }],
        },
      ],
      noRed: '符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜',
    },
  ],
};

const textOf = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const part = (bytes: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(bytes)[name]);

describe('督查通报 .docx', () => {
  it('holds the title, the counts, and one summary per listed unit in the text', async () => {
    const text = await textOf(await bulletinDocx(input));
    expect(text).toContain(bulletinTitle({ year: 2026, month: 5 }));
    expect(text).toContain('本月纳入督查的重点工作共20项，其中序时推进6项，滞后11项，未报送3项');
    expect(text).toContain('已报送3个，逾期报送2个');
    expect(text).toContain('（一）区级部门');
    expect(text).toContain('红榜：区统计局（100分，本组第1名，无扣分事项）。');
    expect(text).toContain('黑榜：区自然资源和规划分局（75分，未报送5项）。');
    expect(text).toContain('（二）镇街');
    expect(text).toContain('红榜：无。符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜。');
    expect(text).toContain('未列入红榜：东城街道（98分，1项滞后，不列入红榜）。');
    expect(text).toContain('附件：红黑榜单位加扣分明细');
    expect(text).toContain('2026年5月30日');
    // The evidence is not in the running text: each line is once in the document, in the attachment.
    for (const reason of reasons) expect(text.split(reason)).toHaveLength(2);
  });

  it('attaches a table with every evidence line after the signature', async () => {
    const bytes = await bulletinDocx(input);
    const text = await textOf(bytes);
    const attachment = text.slice(text.lastIndexOf('2026年5月30日'));
    expect(attachment).toMatch(/附件\s+红黑榜单位加扣分明细/);
    for (const header of ['序号', '分组', '榜单', '单位', '得分', '加扣分事项', '分值'])
      expect(attachment).toContain(header);
    for (const reason of reasons) expect(attachment).toContain(reason);
    // A unit without confirmed 加扣分 is summarised in the text only.
    expect(attachment).not.toContain('区统计局');
    expect(attachment).toContain('5月进展逾期报送（5月27日收到，截止5月25日）');
    expect(attachment).toContain('-5');
    const document = part(bytes, 'word/document.xml');
    expect(document).toContain('<w:tblHeader/>');
    // The black-listed unit's five lines share its cells: one merged over five rows.
    expect(document.match(/<w:vMerge w:val="restart"\/>/g)?.length).toBeGreaterThan(0);
  });

  it('sets the headings in 黑体 (一级) and 楷体 (二级), the text in 仿宋', async () => {
    const document = part(await bulletinDocx(input), 'word/document.xml');
    const fontOf = (text: string) => {
      const at = document.indexOf(`>${text}</w:t>`);
      const run = document.slice(document.lastIndexOf('<w:r>', at), at);
      return /w:eastAsia="([^"]+)"/.exec(run)?.[1];
    };
    expect(fontOf('一、总体情况')).toBe('黑体');
    expect(fontOf('（一）区级部门')).toMatch(/^楷体/);
    expect(fontOf('附件')).toBe('黑体');
    expect(fontOf('各镇街、区级各部门、各区属国企和平台：')).toMatch(/^仿宋/);
  });

  it('names a fallback for the official fonts a PC may lack (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体)', async () => {
    const fonts = part(await bulletinDocx(input), 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('has no attachment when no listed unit has a confirmed 加扣分', async () => {
    const red = {
      unit: '区统计局',
      list: 'red' as const,
      score: 100,
      summary: '100分，本组第1名，无扣分事项',
      lines: [],
    };
    const text = await textOf(
      await bulletinDocx({ ...input, groups: [{ name: '区级部门', red: [red], black: [], heldOff: [] }] }),
    );
    expect(text).toContain('红榜：区统计局（100分，本组第1名，无扣分事项）。');
    expect(text).not.toContain('附件');
  });

  it('carries the sample mark above the title and in the page header when made from the sample year', async () => {
    const bytes = await bulletinDocx({ ...input, mark: '示例数据 · 非正式文件' });
    const text = await textOf(bytes);
    expect(text.trimStart().startsWith('示例数据 · 非正式文件')).toBe(true);
    const files = unzipSync(bytes);
    const headers = Object.keys(files).filter((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.some((name) => part(bytes, name).includes('示例数据 · 非正式文件'))).toBe(true);
    expect(await textOf(await bulletinDocx(input))).not.toContain('示例数据');
  });
});
