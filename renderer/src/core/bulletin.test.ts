import { describe, expect, it } from 'vitest';
import { countsByRule, listedSummary, type EvidenceLine } from './bulletin';

const names: Record<string, string> = {
  missing: '未报送',
  behind: '进度滞后',
  late: '逾期报送',
  done_early: '提前完成',
};
const ruleName = (id: string) => names[id];
const missing = (title: string): EvidenceLine => ({
  ruleId: 'missing',
  points: -5,
  reason: `5月进展未报送（“${title}”，截止5月25日）`,
});

describe('通报 summaries', () => {
  it('counts a black-listed unit’s deductions by rule, the most frequent first, instead of listing them', () => {
    const lines = [
      { ruleId: 'behind', points: -2, reason: '“高新区扩区提质”滞后（累计30%，序时50%）' },
      ...['临空示范区开发建设', '城市更新', '招商引资', '乡村振兴', '河道治理'].map(missing),
      { ruleId: 'behind', points: -2, reason: '“城市更新”滞后（累计10%，序时40%）' },
      { ruleId: 'manual', points: -3, reason: '通报批评：信访件超期' },
    ];
    expect(listedSummary('black', { score: 75, rank: 12, reason: 'ignored' }, lines, ruleName)).toBe(
      '75分，未报送5项、进度滞后2项、其他扣分1项',
    );
  });

  it('says once what put a unit without deductions on the black list', () => {
    expect(listedSummary('black', { score: 84.5, rank: 9, reason: '得分84.5，低于85分' }, [], ruleName)).toBe(
      '84.5分，低于85分',
    );
  });

  it('gives a red-listed unit its rank and additions, or that it has no deductions, without repeating its score', () => {
    expect(listedSummary('red', { score: 98, rank: 1, reason: '得分98，本组第1名' }, [], ruleName)).toBe(
      '98分，本组第1名，无扣分事项',
    );
    const early = { ruleId: 'done_early', points: 2, reason: '“城市更新”提前完成' };
    expect(listedSummary('red', { score: 102, rank: 1, reason: '' }, [early, early], ruleName)).toBe(
      '102分，本组第1名，提前完成2项',
    );
    const late = { ruleId: 'late', points: -2, reason: '5月进展逾期报送' };
    expect(listedSummary('red', { score: 98, rank: 2, reason: '' }, [late], ruleName)).toBe('98分，本组第2名');
  });

  it('keeps what held a unit off the red list', () => {
    expect(listedSummary('heldOff', { score: 98, rank: 1, reason: '1项滞后，不列入红榜' }, [], ruleName)).toBe(
      '98分，1项滞后，不列入红榜',
    );
  });

  it('counts additions and deductions apart; an unknown rule by its id', () => {
    const lines = [
      { ruleId: 'done_early', points: 2, reason: 'a' },
      { ruleId: 'custom', points: -1, reason: 'b' },
      { ruleId: 'manual', points: 3, reason: 'c' },
    ];
    expect(countsByRule(lines, 1, ruleName)).toBe('提前完成1项、其他加分1项');
    expect(countsByRule(lines, -1, ruleName)).toBe('custom1项');
  });
});
