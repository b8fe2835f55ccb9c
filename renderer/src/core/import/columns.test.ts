import { describe, expect, it } from 'vitest';
import { aliasIndex, columnLabels, defaultColumnAliases, fieldOfHeader, headerKey } from './columns';
import type { TemplateKind } from './types';

describe('headerKey', () => {
  it.each([
    ['累计进度(%)', '累计进度'],
    ['累计进度（%）', '累计进度'],
    ['累计进度（％）', '累计进度'],
    ['累计进度%', '累计进度'],
    [' 累计 进度 ', '累计进度'],
    ['本月完成\n情况', '本月完成情况'],
    ['5月计划', '本月计划'],
    ['11月份进展情况', '本月进展情况'],
    ['当月完成情况', '本月完成情况'],
    ['五月计划', '本月计划'],
    ['进度情况/实际(%)', '进度情况/实际'],
    ['*重点工作', '重点工作'],
    ['重点工作：', '重点工作'],
    ['任务ID', '任务id'],
    ['满意度（五分制）', '满意度'],
    ['得分(满分10分)', '得分'],
  ])('%j → %j', (input, expected) => {
    expect(headerKey(input)).toBe(expected);
  });
});

describe('defaultColumnAliases', () => {
  const kinds: TemplateKind[] = ['tasks', 'progress', 'plan', 'evaluation'];
  it.each(kinds)('%s: no header text stands for two fields', (kind) => {
    const seen = new Map<string, string>();
    for (const [field, texts] of Object.entries(defaultColumnAliases[kind])) {
      for (const text of texts) {
        const key = headerKey(text);
        expect(seen.get(key) ?? field, `${text} of ${field}`).toBe(field);
        seen.set(key, field);
      }
    }
  });

  it('labels are the canonical headers of PRODUCT.md §6', () => {
    expect(Object.values(columnLabels.tasks)).toEqual([
      '序号',
      '工作板块',
      '重点工作',
      '工作目标',
      '主要措施',
      '分管区领导',
      '牵头单位',
      '责任单位',
      '完成时限',
    ]);
    expect(columnLabels.progress).toMatchObject({
      taskId: '任务编号',
      title: '重点工作',
      milestone: '本月计划节点',
      done: '本月完成情况',
      percent: '累计进度(%)',
      statusWord: '状态',
      problems: '存在问题',
      nextSteps: '下步措施',
      coordination: '需协调事项',
      delayExplanation: '滞后原因说明',
      reporter: '填报人',
      phone: '联系电话',
    });
  });
});

describe('fieldOfHeader', () => {
  const progress = aliasIndex('progress');
  const tasks = aliasIndex('tasks');
  it.each<[string, string | undefined]>([
    ['工作任务', 'title'],
    ['5月计划', 'milestone'],
    ['5月进展情况', 'done'],
    ['完成情况', 'done'],
    ['完成进度', 'percent'],
    ['进度情况', 'percent'],
    ['进度情况/实际(%)', 'percent'],
    ['进度情况/计划(%)', 'plannedPercent'],
    ['实际(%)', 'percent'],
    ['目前状态', 'statusWord'],
    ['存在困难和问题', 'problems'],
    ['下一步打算', 'nextSteps'],
    ['任务编号', 'taskId'],
    ['进度情况/备注', undefined],
    ['备注', undefined],
    ['', undefined],
  ])('progress: %j → %s', (header, field) => {
    expect(fieldOfHeader(header, progress)).toBe(field);
  });

  it.each<[string, string]>([
    ['责任单位', 'coUnits'],
    ['配合单位', 'coUnits'],
    ['协办单位', 'coUnits'],
    ['牵头单位', 'leadUnit'],
    ['完成时间', 'due'],
    ['分管领导', 'leader'],
  ])('tasks: %j → %s', (header, field) => {
    expect(fieldOfHeader(header, tasks)).toBe(field);
  });

  it("merges the office's aliases over the defaults, and theirs win", () => {
    const index = aliasIndex('tasks', { tasks: { leadUnit: ['责任单位', '主责单位'], targets: ['年度 目标值（%）'] } });
    expect(fieldOfHeader('责任单位', index)).toBe('leadUnit');
    expect(fieldOfHeader('主责单位', index)).toBe('leadUnit');
    expect(fieldOfHeader('年度目标值', index)).toBe('targets');
    expect(fieldOfHeader('配合单位', index)).toBe('coUnits');
  });

  it('ignores malformed office aliases', () => {
    const bad = { tasks: { title: 'not a list', leader: [3, null, '联系领导'] } } as unknown as Parameters<
      typeof aliasIndex
    >[1];
    const index = aliasIndex('tasks', bad);
    expect(fieldOfHeader('重点工作', index)).toBe('title');
    expect(fieldOfHeader('联系领导', index)).toBe('leader');
  });
});
