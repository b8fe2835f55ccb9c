// Many files as one .zip: the browser's stand-in for "save into a folder" (io/desktop.ts).
// Entry names are flat file names, valid on Windows, unique without regard to case, so the
// archive unpacks into one folder and no entry can point outside it.
import { zipSync, type Zippable } from 'fflate';
import { batchNames, safeSaveName } from '../../../electron/shared/file-names';

export interface ZipInput {
  name: string;
  bytes: Uint8Array;
}

/** Formats that are compressed already: stored as they are (deflating them again gains nothing). */
const STORED = /\.(xlsx|xlsm|docx|pptx|zip|png|jpe?g|gif|webp|dcbackup)$/i;
/**
 * A name that is one file name on every system (safeSaveName), and never '__proto__': fflate
 * collects the entries in a plain object.
 */
export function zipEntryName(name: string): string {
  const safe = safeSaveName(name);
  return safe === '__proto__' ? `_${safe}` : safe;
}

/** The entry names of `names`: each made safe, then numbered ` (2)` … where it repeats an earlier one. */
export function zipEntryNames(names: readonly string[]): string[] {
  return batchNames(names.map(zipEntryName), []);
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
