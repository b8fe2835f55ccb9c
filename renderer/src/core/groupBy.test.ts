import { describe, expect, it } from 'vitest';
import { groupBy } from './groupBy';

describe('groupBy', () => {
  it('keeps the order of the items in each group and of the groups as they first appear', () => {
    const rows = [
      { month: 6, id: 'a' },
      { month: 5, id: 'b' },
      { month: 6, id: 'c' },
    ];
    expect([...groupBy(rows, (r) => r.month)]).toEqual([
      [6, [rows[0], rows[2]]],
      [5, [rows[1]]],
    ]);
    expect(groupBy([], (r: { month: number }) => r.month).size).toBe(0);
  });
});
