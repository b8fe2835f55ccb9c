// File names valid on Windows that cannot point elsewhere, and numbered ' (2)' … where one is
// taken: for main writing into a folder the user picked (files-rules.ts) and for the browser's
// .zip stand-in (renderer io/zip.ts), so both name a batch of files alike.

/** The longest name written, in characters. */
export const maxFileNameLength = 150;

const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name that is valid on Windows and cannot point elsewhere: path separators and
 * `<>:"/\|?*` and control characters are removed, leading dots and trailing dots/spaces
 * trimmed, device names (CON, NUL, …) prefixed. Chinese is kept as is.
 */
export function safeSaveName(suggested: string, fallback = '未命名'): string {
  let name = Array.from(String(suggested))
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !'<>:"/\\|?*'.includes(char);
    })
    .join('')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (name === '') return fallback;
  if (reservedWindowsNames.test(name.split('.')[0] ?? '')) name = `_${name}`;
  if (Array.from(name).length > maxFileNameLength) {
    const [base, extension] = splitExtension(name);
    name =
      Array.from(base)
        .slice(0, maxFileNameLength - extension.length)
        .join('') + extension;
  }
  return name;
}

/** `['月报', '.xlsx']`; a dot at the start or more than 10 characters from the end is no extension. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= 10 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/**
 * The n-th candidate for a name that is taken: n = 1 is the name itself, then
 * `月报 (2).xlsx`, `月报 (3).xlsx` …, shortened before the number so it stays within the limit.
 * A folder's name has no extension: `2026年 v1.2 (2)`.
 */
export function numberedName(name: string, n: number, folder = false): string {
  if (n <= 1) return name;
  const suffix = ` (${n})`;
  const [base, extension] = folder ? [name, ''] : splitExtension(name);
  const room = Math.max(1, maxFileNameLength - suffix.length - extension.length);
  return Array.from(base).slice(0, room).join('') + suffix + extension;
}

/** Windows and macOS compare names without regard to case: so does every check here. */
const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

export function sameFileName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** The first of `numberedName(name, 1, 2, …)` not in `taken` (keys of nameKey), which it joins. */
function claimName(name: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = numberedName(name, n);
    if (!taken.has(nameKey(candidate))) {
      taken.add(nameKey(candidate));
      return candidate;
    }
  }
}

/**
 * The names a batch is written under: each made safe, then numbered where it would meet a
 * file already in the folder (`existing`) or an earlier file of the batch.
 */
export function batchNames(names: readonly string[], existing: Iterable<string>): string[] {
  const taken = new Set(Array.from(existing, nameKey));
  return names.map((name) => claimName(safeSaveName(name), taken));
}
