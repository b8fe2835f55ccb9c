// Pure rules for the automatic backups kept in the data folder (PRODUCT.md §8): how a file is
// named, which names are ours, what the renderer may hand over, and which files rotation keeps.
import {
  autoBackupReasonLabels,
  type AutoBackupReason,
  type AutoBackupRequest,
  type StoredBackup,
} from '../shared/contract';
import { maxSaveFileBytes } from './files-rules';

export const backupsFolderName = 'backups';
/** Rotation keeps this many newest backups, plus the newest of every older month. */
export const keepNewest = 30;

const labelToReason = new Map(
  Object.entries(autoBackupReasonLabels).map(([reason, label]) => [label, reason as AutoBackupReason]),
);

const two = (n: number) => String(n).padStart(2, '0');

/**
 * `自动备份-2026-11-26-164400123-导入前.dcbackup`: local time to the millisecond (sortable, and
 * two backups in one second still differ), then the reason. Local time because the office reads
 * it in Explorer; createdAt in the list comes from the same fields.
 */
export function autoBackupName(at: Date, reason: AutoBackupReason): string {
  const date = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}${String(at.getMilliseconds()).padStart(3, '0')}`;
  return `自动备份-${date}-${time}-${autoBackupReasonLabels[reason]}.dcbackup`;
}

const namePattern = /^自动备份-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-([^-./\\]+)\.dcbackup$/;

/** What a file name says, or undefined for a file that is not one of ours (left alone). */
export function parseAutoBackupName(name: string): { at: Date; reason: AutoBackupReason } | undefined {
  const match = namePattern.exec(name);
  if (!match) return undefined;
  const reason = labelToReason.get(match[8] ?? '');
  if (!reason) return undefined;
  const [year, month, day, hour, minute, second, ms] = match.slice(1, 8).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(year, month - 1, day, hour, minute, second, ms);
  if (at.getMonth() !== month - 1 || at.getDate() !== day) return undefined;
  return { at, reason };
}

/** The list the renderer sees: ours only, newest first. */
export function describeBackups(files: { name: string; size: number }[]): StoredBackup[] {
  const found: (StoredBackup & { time: number })[] = [];
  for (const file of files) {
    const parsed = parseAutoBackupName(file.name);
    if (parsed)
      found.push({
        name: file.name,
        reason: parsed.reason,
        createdAt: parsed.at.toISOString(),
        size: file.size,
        time: parsed.at.getTime(),
      });
  }
  return found.sort((a, b) => b.time - a.time).map(({ time: _time, ...backup }) => backup);
}

/**
 * The backups rotation deletes: all but the `keepNewest` newest and, of the older ones, the
 * newest of each calendar month (so a year later the state of every month can still be found).
 * Files that are not ours are never listed.
 */
export function backupsToDelete(names: string[]): string[] {
  const ours = describeBackups(names.map((name) => ({ name, size: 0 })));
  const keptMonths = new Set<string>();
  const doomed: string[] = [];
  for (const [index, backup] of ours.entries()) {
    const at = new Date(backup.createdAt);
    const month = `${at.getFullYear()}-${at.getMonth()}`;
    if (index < keepNewest) {
      keptMonths.add(month);
      continue;
    }
    if (keptMonths.has(month)) doomed.push(backup.name);
    else keptMonths.add(month);
  }
  return doomed;
}

const reasons = Object.keys(autoBackupReasonLabels);
/** Every backup file starts like this (db/backup.ts writes the header first). */
const headerStart = /^\s*\{\s*"format"\s*:\s*"duchaduban-backup"/;

// The renderer is trusted less than main: only a backup file of bounded size is written.
export function parseAutoBackupRequest(input: unknown): AutoBackupRequest {
  if (typeof input !== 'object' || input === null) throw new TypeError('自动备份：请求无效');
  const { reason, bytes } = input as Record<string, unknown>;
  if (typeof reason !== 'string' || !reasons.includes(reason) || !(bytes instanceof Uint8Array))
    throw new TypeError('自动备份：请求无效');
  if (bytes.byteLength > maxSaveFileBytes) throw new RangeError('自动备份：内容过大');
  if (!headerStart.test(new TextDecoder().decode(bytes.subarray(0, 200))))
    throw new TypeError('自动备份：内容不是备份文件');
  return { reason: reason as AutoBackupReason, bytes };
}

/** A name the renderer asks to read must be one of ours: no path, no other file. */
export function parseBackupName(input: unknown): string {
  if (typeof input !== 'string' || !parseAutoBackupName(input)) throw new TypeError('读取自动备份：文件名无效');
  return input;
}
