// When the app takes its 'daily' automatic backup (PRODUCT.md §8): on the first check of each
// day in China, so a PC left on overnight still gets one every morning.
import { chinaDateOf } from './dates';

export interface BackupTaken {
  reason: string;
  /** ISO timestamp. */
  createdAt: string;
}

export function dailyBackupDue(backups: readonly BackupTaken[], now: Date): boolean {
  const today = chinaDateOf(now);
  return !backups.some((backup) => backup.reason === 'daily' && chinaDateOf(new Date(backup.createdAt)) === today);
}

/** What a work backup holds beyond the settings and the audit log: an empty database is not worth a backup. */
export function countsHoldWork(counts: Readonly<Record<string, number>>): boolean {
  return Object.entries(counts).some(([table, count]) => table !== 'settings' && table !== 'audit' && count > 0);
}
