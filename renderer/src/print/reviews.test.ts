import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { chineseNumber, reviewsDocx, reviewsTitle } from './reviews';

describe('复盘汇编 .docx', () => {
  it('is a Word document with the title, each task and its four sections, line by line', async () => {
    const sections = (n: string) => [
      { heading: '回忆目标', text: `${n}目标一\n\n${n}目标二` },
      { heading: '评估结果', text: '年末完成60%' },
      { heading: '分析原因', text: '' },
      { heading: '总结经验', text: '经验做法：定期调度' },
    ];
    const bytes = await reviewsDocx({
      year: 2026,
      issuer: '区政府督查室',
      date: '2026-12-05',
      items: [
        { title: '提高制造业投资比重', info: '牵头单位：区经信局；年末进度：20%', sections: sections('甲') },
        { title: '印染产业提质增效', info: '', sections: sections('乙') },
      ],
    });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain(reviewsTitle(2026));
    expect(text).toContain('区政府督查室\u30002026年12月5日');
    expect(text).toContain('一、提高制造业投资比重');
    expect(text).toContain('二、印染产业提质增效');
    expect(text).toContain('牵头单位：区经信局；年末进度：20%');
    for (const heading of ['（一）回忆目标', '（二）评估结果', '（三）分析原因', '（四）总结经验'])
      expect(text).toContain(heading);
    expect(text).toMatch(/甲目标一\s+甲目标二/);
    expect(text).toContain('（未填写）');
  });

  it('says so when the year has no review', async () => {
    const bytes = await reviewsDocx({ year: 2026, issuer: '区政府督查室', date: '2026-12-05', items: [] });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('本年度尚无复盘记录');
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [35, '三十五'],
    [99, '九十九'],
    [100, '100'],
  ])('%i is %s', (n, s) => {
    expect(chineseNumber(n)).toBe(s);
  });
});
