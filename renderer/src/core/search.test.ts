import { describe, expect, it } from 'vitest';
import { matchesQuery, searchKey } from './search';

describe('search by text or pinyin initials', () => {
  const cases: [text: string, query: string, expected: boolean][] = [
    ['重大项目攻坚年行动', 'zdxm', true],
    ['重大项目攻坚年行动', 'ZDXM', true],
    ['重大项目攻坚年行动', '攻坚', true],
    ['重大项目攻坚年行动', 'gjn', true],
    ['重大项目攻坚年行动', 'cdxm', false], // 重 reads zhòng here, not chóng
    ['PM2.5浓度攻坚', 'pm2.5', true],
    ['PM2.5浓度攻坚', 'ndgj', true],
    ['轻纺市场转型升级 区商务局', 'qfsc swj', true],
    ['轻纺市场转型升级 区商务局', 'qfsc 财政', false],
    ['促进民间投资增长', '', true],
  ];
  it.each(cases)('%s ~ %s → %s', (text, query, expected) => {
    expect(matchesQuery(searchKey(text), query)).toBe(expected);
  });
});
