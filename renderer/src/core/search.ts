import { pinyin } from 'pinyin-pro';

// Staff search the way they type in WPS: Chinese text, or the pinyin initials of it
// (`zdxm` finds 重大项目攻坚年行动). pinyin-pro picks the right reading of 多音字 from context.

/** The searchable form of a text: itself (lower-cased) and its pinyin initials. */
export function searchKey(text: string): string {
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return `${text.toLowerCase()}\u0000${initials.toLowerCase()}`;
}

/** True when every space-separated term of the query is found in the key. */
export function matchesQuery(key: string, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.every((term) => key.includes(term));
}
