/** The items grouped by `keyOf`: each group in the items' order, the groups in the order they first appear. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Rows of months grouped by their month. */
export const byMonth = <T extends { month: number }>(rows: Iterable<T>): Map<number, T[]> =>
  groupBy(rows, (r) => r.month);
