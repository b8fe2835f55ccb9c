// Name rules for the registries of a work year (单位, 区领导): matching of names and aliases
// as the units' own sheets write them, clash messages for the user, and pasted name lists.
// Pure: no DOM, no Dexie.

/** A record of a registry as far as name matching is concerned. */
export interface NamedRecord {
  id: string;
  name: string;
  aliases: string[];
}

/** A record being added (no id yet) or edited (with its id). */
export interface NamedCandidate {
  id?: string;
  name: string;
  aliases: string[];
}

const WHITESPACE = /\s+/gu;
/** Full-width ASCII block: ！ (U+FF01) … ～ (U+FF5E). */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/gu;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * The form of a name used for matching only (never stored, never shown): trimmed, without
 * any whitespace (including the full-width space U+3000), full-width ASCII made half-width,
 * so '区发展和改革局（区粮食局）' matches '区发展和改革局 (区粮食局)'.
 */
export function normaliseName(s: string): string {
  return s
    .trim()
    .replace(WHITESPACE, '')
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** The word for a record's name: 区领导 have a 姓名, everything else a 名称. */
function nameWord(kindLabel: string): string {
  return kindLabel === '区领导' ? '姓名' : '名称';
}

/**
 * Returns a Chinese message naming the first clash, or undefined when the candidate's name
 * and aliases are free: an empty name, an alias that repeats the candidate's own name or
 * another of its aliases, or a name/alias equal (after normaliseName) to the name or an alias
 * of another record. The record with the candidate's id is ignored (editing keeps its name).
 */
export function findNameClash(
  existing: readonly NamedRecord[],
  candidate: NamedCandidate,
  kindLabel: string,
  /** How the other records are called in the message: '已有' (stored) or e.g. '本次名单中的'. */
  othersWord = '已有',
): string | undefined {
  const word = nameWord(kindLabel);
  const shownName = candidate.name.trim();
  const candName = normaliseName(candidate.name);
  if (candName === '') return `${kindLabel}${word}不能为空`;

  const ownAliases: { shown: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const alias of candidate.aliases) {
    const key = normaliseName(alias);
    if (key === '') continue;
    const shown = alias.trim();
    if (key === candName) return `别名"${shown}"与${kindLabel}${word}"${shownName}"重复`;
    if (seen.has(key)) return `别名"${shown}"重复填写`;
    seen.add(key);
    ownAliases.push({ shown, key });
  }

  // Every taken name and alias of the other records, first occurrence wins.
  const taken = new Map<string, { record: NamedRecord; asName: boolean }>();
  for (const record of existing) {
    if (candidate.id !== undefined && record.id === candidate.id) continue;
    const key = normaliseName(record.name);
    if (key !== '' && !taken.has(key)) taken.set(key, { record, asName: true });
  }
  for (const record of existing) {
    if (candidate.id !== undefined && record.id === candidate.id) continue;
    for (const alias of record.aliases) {
      const key = normaliseName(alias);
      if (key !== '' && !taken.has(key)) taken.set(key, { record, asName: false });
    }
  }

  const byName = taken.get(candName);
  if (byName) {
    return byName.asName
      ? `${kindLabel}${word}"${shownName}"与${othersWord}${kindLabel}"${byName.record.name}"重复`
      : `${kindLabel}${word}"${shownName}"已是${kindLabel}"${byName.record.name}"的别名`;
  }
  for (const { shown, key } of ownAliases) {
    const hit = taken.get(key);
    if (!hit) continue;
    return hit.asName
      ? `别名"${shown}"与${othersWord}${kindLabel}"${hit.record.name}"重复`
      : `别名"${shown}"已是${kindLabel}"${hit.record.name}"的别名`;
  }
  return undefined;
}

const HEADER_WORDS = new Set(['单位名称', '单位']);

/**
 * A column pasted from Excel: one name per line (\r\n, \n or \r); of a tab-separated row only
 * the first column counts. Lines are trimmed, empty lines and a leading header (单位名称 / 单位)
 * dropped, the order kept. Repeated names are kept so that the caller reports the clash.
 */
export function parseNameList(text: string): string[] {
  const names: string[] = [];
  let firstLine = true;
  for (const line of text.split(/\r\n|\n|\r/u)) {
    const first = (line.split('\t')[0] ?? '').trim();
    if (first === '') continue;
    const isHeader = firstLine && HEADER_WORDS.has(normaliseName(first));
    firstLine = false;
    if (!isHeader) names.push(first);
  }
  return names;
}
