// Automatic backups (PRODUCT.md §8), in the desktop app only: main writes them into the data
// folder's `backups` folder and rotates them; a browser cannot, so there backups are manual.
// Taken: before a schema upgrade (main.tsx, before anything opens the database), once a day
// while the app is open, before every import commit (ImportFrame), before a restore
// (RestorePreviewDialog) and when the window closes (main's close gate calls the quit hook).
// An empty database is never backed up: the newest backup must be worth restoring.
import { beforeQuitHook, type AutoBackupReason, type StoredBackup } from '../../../electron/shared/contract';
import { countsHoldWork, dailyBackupDue } from '../core/backupSchedule';
import {
  createBackup,
  createUpgradeBackup,
  emptiedBySampleRemoval,
  holdsWork,
  newerDatabaseNotice,
  type CreatedBackup,
} from '../db';
import { desktop, isDesktopShell } from '../io/desktop';
import { flushEdits } from './autosave';
import { failureReason } from './errors';
import { now } from './today';

export const autoBackupsAvailable = isDesktopShell;

const listeners = new Set<() => void>();
/** Calls `listener` after each automatic backup is written (the 数据安全 list refreshes); returns the unsubscribe. */
export function onAutoBackupWritten(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Writes `backup` as an automatic backup, unless it holds no work. */
async function keep(reason: AutoBackupReason, backup: CreatedBackup): Promise<StoredBackup | undefined> {
  if (!countsHoldWork(backup.summary.counts)) return undefined;
  const stored = await desktop.writeAutoBackup({ reason, bytes: backup.bytes });
  for (const listener of listeners) listener();
  return stored;
}

/**
 * Takes an automatic backup of the whole database. Undefined when none is taken: in the
 * browser, for an empty database, or for one a newer program owns (this one only reads it).
 */
export async function takeAutoBackup(reason: AutoBackupReason): Promise<StoredBackup | undefined> {
  if (!autoBackupsAvailable || (await newerDatabaseNotice()) || !(await holdsWork())) return undefined;
  return keep(reason, await createBackup());
}

/** Keeps the backup a restore takes of the current state, as a '恢复前' automatic backup. */
export async function keepSafetyBackup(backup: CreatedBackup): Promise<StoredBackup | undefined> {
  return keep('restore', backup);
}

/**
 * Before anything opens the database: when it was left by an older program, backs it up as it
 * is, so the upgrade this program is about to run can be undone.
 */
export async function backUpBeforeUpgrade(): Promise<StoredBackup | undefined> {
  if (!autoBackupsAvailable) return undefined;
  const backup = await createUpgradeBackup();
  return backup ? keep('upgrade', backup) : undefined;
}

const checkEveryMs = 30 * 60 * 1000;

/**
 * While the app is open: a daily backup at start and on the first check of each new day, and
 * the quit hook main calls when the window closes. Returns a function that stops both.
 */
export function startAutomaticBackups(onError: (message: string) => void): () => void {
  if (!autoBackupsAvailable) return () => undefined;
  const hooks = globalThis as Record<string, unknown>;
  const check = async () => {
    try {
      const { backups } = await desktop.listAutoBackups();
      if (dailyBackupDue(backups, now())) await takeAutoBackup('daily');
    } catch (e) {
      onError(`每日自动备份失败：${failureReason(e)}`);
    }
  };
  void check();
  const timer = setInterval(() => void check(), checkEveryMs);
  // Closing the window: what is being typed is saved first, then backed up with the rest.
  hooks[beforeQuitHook] = async () => {
    await flushEdits();
    return takeAutoBackup('quit');
  };
  return () => {
    clearInterval(timer);
    delete hooks[beforeQuitHook];
  };
}

/**
 * The automatic backups when the database holds no work: a possible loss the office must see.
 * Not when the office emptied it by removing the sample year (示例数据): those backups hold the sample.
 */
export async function backupsOfEmptyDatabase(): Promise<StoredBackup[]> {
  if (!autoBackupsAvailable || (await holdsWork()) || (await emptiedBySampleRemoval())) return [];
  return (await desktop.listAutoBackups()).backups;
}
