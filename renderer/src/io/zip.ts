// Many files as one .zip: the browser's stand-in for "save into a folder" (io/desktop.ts).
// Entry names are flat file names, valid on Windows, unique without regard to case, so the
// archive unpacks into one folder and no entry can point outside it.
import { zipSync, type Zippable } from 'fflate';

export interface ZipInput {
  name: string;
  bytes: Uint8Array;
}

/** Formats that are compressed already: stored as they are (deflating them again gains nothing). */
const STORED = /\.(xlsx|xlsm|docx|pptx|zip|png|jpe?g|gif|webp|dcbackup)$/i;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 150;

/**
 * A name that is one file name on every system: separators, `<>:"|?*` and control characters
 * removed, leading dots and trailing dots/spaces trimmed, device names (CON, NUL, …) prefixed
 * with '_', '未命名' when nothing is left.
 */
export function zipEntryName(name: string): string {
  let safe = Array.from(String(name))
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !'<>:"/\\|?*'.includes(char);
    })
    .join('')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (safe === '') return '未命名';
  // '__proto__' as well: fflate collects the entries in a plain object.
  if (RESERVED.test(safe.split('.')[0] ?? '') || safe === '__proto__') safe = `_${safe}`;
  return safe;
}

function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= 10 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** `name`, shortened to the limit, with ` (n)` before the extension from n = 2 on. */
function candidate(name: string, n: number): string {
  const suffix = n > 1 ? ` (${n})` : '';
  const [base, extension] = splitExtension(name);
  const room = Math.max(1, MAX_NAME - suffix.length - extension.length);
  return Array.from(base).slice(0, room).join('') + suffix + extension;
}

/** The entry names of `names`: each made safe, then numbered ` (2)` … where it repeats an earlier one. */
export function zipEntryNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const name = zipEntryName(raw);
    for (let n = 1; ; n++) {
      const next = candidate(name, n);
      const key = next.normalize('NFC').toLowerCase();
      if (!taken.has(key)) {
        taken.add(key);
        return next;
      }
    }
  });
}

/** One .zip holding every file (UTF-8 names, flat, in the given order). */
export function zipFiles(files: readonly ZipInput[], mtime: Date = new Date()): Uint8Array {
  const names = zipEntryNames(files.map((file) => file.name));
  const entries = Object.create(null) as Zippable;
  files.forEach((file, index) => {
    const name = names[index] as string;
    entries[name] = [file.bytes, { level: STORED.test(name) ? 0 : 6, mtime }];
  });
  return zipSync(entries);
}
