import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { ReportPart } from '../core/yearReport';
import { yearReportDocx } from './yearReport';

const parts: ReportPart[] = [
  {
    key: 'sections',
    heading: '一、各工作板块完成情况',
    name: '各工作板块完成情况',
    intro: ['全年纳入督查的重点工作共6项，已完成2项。'],
    columns: [
      { key: 'name', header: '工作板块', width: 18 },
      { key: 'tasks', header: '任务数', kind: 'number', width: 8 },
      { key: 'rate', header: '完成率', kind: 'percent', width: 9 },
    ],
    rows: [
      { name: '项目建设', tasks: 2, rate: 100 },
      { name: '合计', tasks: 6, rate: 33.3 },
      { name: '未分板块', tasks: 0, rate: null },
    ],
    empty: '本年度尚无重点工作。',
  },
  {
    key: 'interviews',
    heading: '六、约谈情况',
    name: '约谈情况',
    intro: ['本年度未进行约谈。'],
    columns: [{ key: 'date', header: '日期' }],
    rows: [],
    empty: '无。',
  },
];

describe('年度报告 .docx', () => {
  it('holds the title, the date, the note, each part with its table, header row first', async () => {
    const bytes = await yearReportDocx({
      title: '2025年度重点工作完成情况报告',
      issuer: '区政府督查室',
      date: '2026-03-02',
      note: '2025年度已结束。',
      parts,
    });
    const buffer = Buffer.from(bytes);
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('2025年度重点工作完成情况报告');
    expect(text).toContain('区政府督查室\u30002026年3月2日');
    expect(text).toContain('2025年度已结束。');
    expect(text).toContain('一、各工作板块完成情况');
    expect(text).toContain('全年纳入督查的重点工作共6项，已完成2项。');
    expect(text).toContain('六、约谈情况');
    expect(text).toMatch(/本年度未进行约谈。\s+无。/);

    const { value: html } = await mammoth.convertToHtml({ buffer });
    const tables = html.match(/<table>.*?<\/table>/gu) ?? [];
    expect(tables).toHaveLength(1);
    const cells = (row: string) =>
      [...row.matchAll(/<t[hd]>(?:<p>)?(.*?)(?:<\/p>)?<\/t[hd]>/gu)].map((m) => m[1]!.replace(/<\/?strong>/gu, ''));
    const rows = tables[0]!.match(/<tr>.*?<\/tr>/gu)!.map(cells);
    expect(rows).toEqual([
      ['工作板块', '任务数', '完成率'],
      ['项目建设', '2', '100%'],
      ['合计', '6', '33.3%'],
      ['未分板块', '0', '—'],
    ]);
    // The header row repeats on every page.
    expect(tables[0]).toMatch(/^<table><thead><tr><th>/u);
  });
});
