import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { bulletinDocx, bulletinTitle } from './bulletin';

describe('督查通报 .docx', () => {
  it('is a Word document whose text holds the title, the counts and the lists', async () => {
    const bytes = await bulletinDocx({
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
          red: [{ unit: '区统计局', score: 100, reason: '按时报送，无滞后' }],
          black: [{ unit: '区商务局', score: 80, reason: '5月进展未报送' }],
          heldOff: [],
        },
        {
          name: '镇街',
          red: [],
          black: [],
          heldOff: [{ unit: '东城街道', score: 98, reason: '1项滞后，不列入红榜' }],
          noRed: '符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜',
        },
      ],
    });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain(bulletinTitle({ year: 2026, month: 5 }));
    expect(text).toContain('本月纳入督查的重点工作共20项，其中序时推进6项，滞后11项，未报送3项');
    expect(text).toContain('已报送3个，逾期报送2个');
    expect(text).toContain('区级部门红榜：区统计局（100分，按时报送，无滞后）');
    expect(text).toContain('区级部门黑榜：区商务局（80分，5月进展未报送）');
    expect(text).toContain('镇街红榜：无。符合红榜名次和分数条件的单位均有滞后、未启动或未报送事项，不列入红榜。');
    expect(text).toContain('镇街未列入红榜：东城街道（98分，1项滞后，不列入红榜）。');
    expect(text).toContain('2026年5月30日');
  });
});
