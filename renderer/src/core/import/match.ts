// Matching what a sheet wrote to what the app knows: unit and leader names (exact, normalised,
// alias — never guessed), task titles (exact, normalised, containment, similarity). What is not
// matched comes back with suggestions for the user to pick from.

import { normaliseName, type NamedRecord } from '../registry';
import { toHalfWidth } from '../text';

export interface NameSuggestion {
  id: string;
  name: string;
  /** 0..1, higher is closer. */
  score: number;
}

export interface NameMatch {
  /** The record matched, if exactly one. */
  id?: string;
  via?: 'exact' | 'normalised' | 'alias';
  /** True when several records fit equally (a clash in the registry): nothing is matched. */
  ambiguous?: boolean;
  /** Up to 3 candidates, best first, when nothing was matched. */
  suggestions: NameSuggestion[];
}

export interface TaskSuggestion {
  id: string;
  title: string;
  score: number;
}

export interface TaskMatch {
  id?: string;
  via?: 'exact' | 'normalised' | 'contains' | 'similar';
  ambiguous?: boolean;
  /** Up to 3 candidates, best first; empty after an exact or normalised match. */
  suggestions: TaskSuggestion[];
}

const MAX_SUGGESTIONS = 3;
/** Candidates scoring below this are not worth showing. */
const MIN_SUGGESTION_SCORE = 0.4;

/** Punctuation that does not make two titles different: quotes, brackets, commas, dashes. */
const TITLE_NOISE = /[\s"'“”‘’「」『』《》〈〉·•、，,。.;；:：!！?？()（）[\]【】\-—_]/gu;

/** The form of a task title used for matching only: half-width, no spaces or punctuation, lower case. */
export function titleKey(title: string): string {
  return toHalfWidth(title).replace(TITLE_NOISE, '').toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const out = new Map<string, number>();
  const grams = chars.length < 2 ? chars : chars.slice(1).map((ch, i) => `${chars[i] ?? ''}${ch}`);
  for (const g of grams) out.set(g, (out.get(g) ?? 0) + 1);
  return out;
}

/** Dice coefficient of the character bigrams of two strings: 1 for equal, 0 for nothing shared. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return 0;
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / total;
}

/** Whether the characters of `short` appear in `long` in order ('发改局' in '区发展和改革局'). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  const s = [...short];
  for (const ch of long) if (ch === s[i]) i += 1;
  return i === s.length;
}

/**
 * How close two keys are, 0..1, for suggestions: the best of the bigram Dice coefficient,
 * containment (0.5 plus half the length ratio) and, for abbreviations, the written characters
 * appearing in order in the name (0.4 plus 0.4 × the length ratio).
 */
export function closeness(written: string, known: string): number {
  if (written === '' || known === '') return 0;
  if (written === known) return 1;
  const [short, long] = written.length <= known.length ? [written, known] : [known, written];
  const ratio = short.length / long.length;
  let score = diceSimilarity(written, known);
  if (short.length >= 2 && long.includes(short)) score = Math.max(score, 0.5 + 0.5 * ratio);
  else if (written.length >= 2 && written.length < known.length && isSubsequence(written, known)) {
    score = Math.max(score, 0.4 + 0.4 * ratio);
  }
  return Math.round(score * 1000) / 1000;
}

function best<T extends { score: number }>(items: T[], tieKey: (item: T) => string): T[] {
  return items
    .filter((s) => s.score >= MIN_SUGGESTION_SCORE)
    .sort((a, b) => b.score - a.score || tieKey(a).localeCompare(tieKey(b), 'zh'))
    .slice(0, MAX_SUGGESTIONS);
}

/**
 * A unit's or leader's name as a sheet writes it → the record: the exact name, then the name
 * after normaliseName (spaces, full-width forms), then an alias. Never by similarity: a wrong
 * unit costs someone points. Not matched → up to 3 suggestions by containment, abbreviation
 * and bigram similarity; the user picks one and the app remembers the written name as an alias.
 */
export function matchName(written: string, records: readonly NamedRecord[]): NameMatch {
  const text = typeof written === 'string' ? written.trim() : '';
  if (text === '') return { suggestions: [] };
  const key = normaliseName(text);
  const stages: [NonNullable<NameMatch['via']>, (r: NamedRecord) => boolean][] = [
    ['exact', (r) => r.name === text],
    ['normalised', (r) => normaliseName(r.name) === key],
    ['alias', (r) => r.aliases.some((a) => normaliseName(a) === key)],
  ];
  for (const [via, test] of stages) {
    const hits = records.filter(test);
    if (hits.length === 1 && hits[0]) return { id: hits[0].id, via, suggestions: [] };
    if (hits.length > 1) {
      return {
        ambiguous: true,
        suggestions: hits.slice(0, MAX_SUGGESTIONS).map((r) => ({ id: r.id, name: r.name, score: 1 })),
      };
    }
  }
  const scored = records.map((r) => ({
    id: r.id,
    name: r.name,
    score: Math.max(closeness(key, normaliseName(r.name)), ...r.aliases.map((a) => closeness(key, normaliseName(a)))),
  }));
  return { suggestions: best(scored, (s) => s.name) };
}

export interface TaskMatchOptions {
  /** Lowest bigram similarity that matches on its own (default 0.75). */
  threshold?: number;
}

/** A containment counts when the shorter key has at least 3 characters and 40 % of the longer. */
function containsEnough(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && short.length / long.length >= 0.4 && long.includes(short);
}

/**
 * A task title as a unit's sheet writes it → the task: exact; then equal after titleKey; then
 * one title containing the other ('重大项目攻坚年' → '重大项目攻坚年行动'), when exactly one task
 * fits; then the bigram similarity at or above the threshold, when one task is clearly best.
 * Several tasks fitting equally is no match (`ambiguous`), with suggestions. Matches by
 * containment or similarity carry their suggestions, so the preview can show what else was close.
 */
export function matchTaskTitle(
  written: string,
  tasks: readonly { id: string; title: string }[],
  options: TaskMatchOptions = {},
): TaskMatch {
  const text = typeof written === 'string' ? written.trim() : '';
  if (text === '') return { suggestions: [] };
  const threshold = options.threshold ?? 0.75;
  const key = titleKey(text);
  const keyed = tasks.map((t) => ({ task: t, key: titleKey(t.title) }));
  const asSuggestions = (list: typeof keyed, score: number): TaskSuggestion[] =>
    list.slice(0, MAX_SUGGESTIONS).map(({ task }) => ({ id: task.id, title: task.title, score }));

  const exact = keyed.filter(({ task }) => task.title.trim() === text);
  if (exact.length === 1 && exact[0]) return { id: exact[0].task.id, via: 'exact', suggestions: [] };
  if (exact.length > 1) return { ambiguous: true, suggestions: asSuggestions(exact, 1) };
  if (key === '') return { suggestions: [] };
  const normalised = keyed.filter((k) => k.key === key);
  if (normalised.length === 1 && normalised[0])
    return { id: normalised[0].task.id, via: 'normalised', suggestions: [] };
  if (normalised.length > 1) return { ambiguous: true, suggestions: asSuggestions(normalised, 1) };

  const scored = keyed.map(({ task, key: k }) => ({ id: task.id, title: task.title, score: closeness(key, k) }));
  const suggestions = best(scored, (s) => s.title);
  const containing = keyed.filter((k) => containsEnough(key, k.key));
  if (containing.length === 1 && containing[0]) {
    const id = containing[0].task.id;
    const first = suggestions.find((s) => s.id === id) ?? {
      id,
      title: containing[0].task.title,
      score: closeness(key, containing[0].key),
    };
    return {
      id,
      via: 'contains',
      suggestions: [first, ...suggestions.filter((s) => s.id !== id)].slice(0, MAX_SUGGESTIONS),
    };
  }
  if (containing.length > 1) return { ambiguous: true, suggestions };

  const bySimilarity = keyed
    .map((k) => ({ id: k.task.id, score: diceSimilarity(key, k.key) }))
    .sort((a, b) => b.score - a.score);
  const top = bySimilarity[0];
  const second = bySimilarity[1];
  if (top && top.score >= threshold) {
    if (!second || top.score - second.score >= 0.05) return { id: top.id, via: 'similar', suggestions };
    return { ambiguous: true, suggestions };
  }
  return { suggestions };
}
