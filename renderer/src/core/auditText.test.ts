import { describe, expect, it } from 'vitest';
import { auditNamesOf, describeAudit, describeImportChange } from './auditText';
import type { AuditEntry } from './model';

const names = auditNamesOf({
  units: [{ id: 'u1', name: '东城街道' }],
  tasks: [{ id: 't1', title: '老旧小区改造' }],
  leaders: [{ id: 'l1', name: '赵区长' }],
  sections: [{ id: 's1', name: '一、扩大有效投资' }],
  workYears: [{ id: 'y', year: 2026 }],
  scoreRules: [],
  defaultRuleNames: new Map([['late', '逾期报送']]),
});
const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  at: '2026-12-04T17:17:30.990Z',
  operator: '李督查',
  action: 'update',
  entity: 'units',
  entityId: 'u1',
  ...patch,
});
const decision = {
  id: 'y:6:late:u1:',
  yearId: 'y',
  month: 6,
  unitId: 'u1',
  ruleId: 'late',
  points: -2,
  reason: '6月进展逾期报送（6月27日收到，截止6月25日）',
  automatic: true,
};

describe('describeAudit', () => {
  it('a restore from a backup: the file restored', () => {
    const summary = { name: '从备份恢复', createdAt: '2026-12-04T17:17:30.990Z', total: 12, counts: {} };
    expect(
      describeAudit(
        entry({
          entity: 'settings',
          entityId: 'restore',
          before: { ...summary, file: '当前数据' },
          after: { ...summary, file: '督查督办备份-2026-12-04-1717.dcbackup' },
        }),
        names,
      ),
    ).toEqual({ object: '全部数据', summary: '从备份恢复：督查督办备份-2026-12-04-1717.dcbackup' });
  });

  it('a decision on a proposal: the unit, month and rule by name, the decision in words, China time', () => {
    const line = describeAudit(
      entry({
        action: 'create',
        entity: 'scoreEntries',
        entityId: decision.id,
        after: { ...decision, state: 'confirmed', decidedBy: '李督查', decidedAt: '2026-12-04T17:17:30.990Z' },
      }),
      names,
    );
    expect(line).toEqual({
      object: '东城街道6月加扣分（逾期报送）',
      summary: '确认：6月进展逾期报送（6月27日收到，截止6月25日），-2分',
    });
    // An update of an entry written by older versions lists the fields with their labels and values.
    const legacy = describeAudit(
      entry({
        entity: 'scoreEntries',
        entityId: decision.id,
        before: { ...decision, state: 'proposed' },
        after: { ...decision, state: 'proposed', points: -3 },
      }),
      names,
    );
    expect(legacy.summary).toBe('分值：-2分 → -3分');
    expect(
      describeAudit(
        entry({
          action: 'delete',
          entity: 'scoreEntries',
          entityId: decision.id,
          before: { ...decision, state: 'waived', decisionNote: '已邮件报送' },
        }),
        names,
      ).summary,
    ).toBe('撤回决定（已免扣）：6月进展逾期报送（6月27日收到，截止6月25日），-2分');
  });

  it('a changed field shows its label and both values as on screen; no internal names, no UTC', () => {
    const line = describeAudit(
      entry({
        entity: 'tasks',
        entityId: 't1',
        before: {
          id: 't1',
          yearId: 'y',
          title: '老旧小区改造',
          dueDate: '2026-11-30',
          coUnitIds: [],
          leaderIds: ['l1'],
        },
        after: {
          id: 't1',
          yearId: 'y',
          title: '老旧小区改造',
          dueDate: '2026-12-05',
          coUnitIds: ['u1'],
          leaderIds: ['l1'],
        },
      }),
      names,
    );
    expect(line).toEqual({
      object: '“老旧小区改造”',
      summary: '责任单位：（空） → 东城街道；完成时限：2026年11月30日 → 2026年12月5日',
    });
    const feedback = describeAudit(
      entry({
        entity: 'feedback',
        entityId: 'f1',
        before: { yearId: 'y', month: 6, taskId: 't1', unitId: 'u1', comment: '' },
        after: {
          yearId: 'y',
          month: 6,
          taskId: 't1',
          unitId: 'u1',
          comment: '请补充附件',
          verdict: '属实',
          explanationAccepted: true,
        },
      }),
      names,
    );
    expect(feedback).toEqual({
      object: '东城街道“老旧小区改造”6月督查反馈',
      summary: '核查结论：（空） → 属实；反馈意见：（空） → 请补充附件；采纳滞后原因说明：（空） → 是',
    });
    expect(JSON.stringify(feedback)).not.toMatch(/explanationAccepted|Z"|T\d\d:/);
  });

  it('publishing, reopening, settings and import batches read as sentences', () => {
    const month = { id: 'y:6', yearId: 'y', month: 6 };
    expect(
      describeAudit(
        entry({ entity: 'monthStates', before: { ...month, state: 'open' }, after: { ...month, state: 'published' } }),
        names,
      ),
    ).toEqual({ object: '2026年度6月', summary: '发布6月' });
    expect(
      describeAudit(
        entry({
          entity: 'monthStates',
          before: { ...month, state: 'published' },
          after: { ...month, state: 'open', reopenReason: '东城街道补报材料', reopenedAt: '2026-07-01T02:00:00Z' },
        }),
        names,
      ).summary,
    ).toBe('撤销发布6月；原因：东城街道补报材料');
    expect(
      describeAudit(
        entry({
          entity: 'settings',
          entityId: 'listSettings',
          before: { key: 'listSettings', value: { mode: 'both', redMinScore: 95 } },
          after: { key: 'listSettings', value: { mode: 'rank', redMinScore: 90 } },
        }),
        names,
      ),
    ).toEqual({ object: '红黑榜设置', summary: '红黑榜方式：名次和分数线 → 按名次；红榜最低分：95 → 90' });
    expect(
      describeAudit(
        entry({
          action: 'create',
          entity: 'importBatches',
          entityId: 'b1',
          after: {
            kind: 'progress',
            files: ['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.xlsx`, sha256: '' })),
            counts: { created: 40, updated: 2, unchanged: 0 },
          },
        }),
        names,
      ),
    ).toEqual({
      object: '导入批次',
      summary: '导入月度进展：a.xlsx、b.xlsx、c.xlsx 等4个文件；新增40条，修改2条，未变0条',
    });
  });

  it("an import batch's rows read like the log's own entries; a deleted object is named as such", () => {
    const report = {
      id: 'r1',
      yearId: 'y',
      month: 6,
      taskId: 't1',
      unitId: 'u1',
      percent: 45,
      receivedDate: '2026-06-20',
    };
    expect(describeImportChange({ table: 'reports', id: 'r1', after: report }, names)).toEqual({
      object: '东城街道“老旧小区改造”6月进展',
      summary: '累计进度：45%；收到日期：2026年6月20日',
    });
    expect(
      describeImportChange({ table: 'reports', id: 'r1', before: report, after: { ...report, percent: 50 } }, names)
        .summary,
    ).toBe('累计进度：45% → 50%');
    expect(
      describeImportChange({ table: 'reports', id: 'r2', after: { ...report, taskId: 'gone' } }, names).object,
    ).toBe('东城街道“（已删除的重点工作）”6月进展');
  });
});
