import { describe, expect, it } from 'vitest';
import {
  autoBackupName,
  backupsToDelete,
  describeBackups,
  keepNewest,
  parseAutoBackupName,
  parseAutoBackupRequest,
  parseBackupName,
} from './backups-rules';

const backupBytes = new TextEncoder().encode('{\n  "format": "duchaduban-backup",\n  "formatVersion": 1\n}');

describe('automatic backup names', () => {
  it('say the local time to the millisecond and the reason in Chinese, and read back', () => {
    const at = new Date(2026, 10, 26, 16, 44, 0, 123);
    const name = autoBackupName(at, 'import');
    expect(name).toBe('自动备份-2026-11-26-164400123-导入前.dcbackup');
    expect(parseAutoBackupName(name)).toEqual({ at, reason: 'import' });
    expect(autoBackupName(new Date(2027, 0, 2, 3, 4, 5, 6), 'quit')).toBe(
      '自动备份-2027-01-02-030405006-退出时.dcbackup',
    );
  });

  it('do not match other files, temporary files or impossible dates', () => {
    for (const name of [
      '督查督办备份-2026-05-27-1030.dcbackup',
      '自动备份-2026-11-26-164400123-导入前.dcbackup.tmp',
      '自动备份-2026-02-30-164400123-每日.dcbackup',
      '自动备份-2026-11-26-164400123-其他.dcbackup',
      '../自动备份-2026-11-26-164400123-每日.dcbackup',
      'window-state.json',
    ]) {
      expect(parseAutoBackupName(name), name).toBeUndefined();
    }
  });
});

/** `count` daily backups, one a day going back from `last`, newest first. */
function dailyNames(last: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    autoBackupName(new Date(last.getFullYear(), last.getMonth(), last.getDate() - i, 9), 'daily'),
  );
}

describe('rotation', () => {
  it('keeps everything up to the newest 30', () => {
    expect(backupsToDelete(dailyNames(new Date(2026, 10, 26), keepNewest))).toEqual([]);
  });

  it('beyond the newest 30, keeps the newest backup of each older month', () => {
    // 120 days back from 26 Nov: the newest 30 reach back to 28 Oct.
    const names = dailyNames(new Date(2026, 10, 26), 120);
    const doomed = new Set(backupsToDelete(names));
    const kept = names.filter((name) => !doomed.has(name));
    expect(kept.slice(0, 30)).toEqual(names.slice(0, 30));
    // October already has backups among the newest 30; older months keep their newest: 30 Sep,
    // 31 Aug and 31 Jul (the range starts on 30 Jul).
    expect(kept.slice(30)).toEqual([
      autoBackupName(new Date(2026, 8, 30, 9), 'daily'),
      autoBackupName(new Date(2026, 7, 31, 9), 'daily'),
      autoBackupName(new Date(2026, 6, 31, 9), 'daily'),
    ]);
    expect(doomed.size).toBe(120 - 33);
  });

  it('never touches files that are not automatic backups', () => {
    const names = [...dailyNames(new Date(2026, 10, 26), 40), '督查督办备份-2026-05-27-1030.dcbackup', 'notes.txt'];
    const doomed = backupsToDelete(names);
    expect(doomed).not.toContain('督查督办备份-2026-05-27-1030.dcbackup');
    expect(doomed).not.toContain('notes.txt');
    expect(doomed).toHaveLength(10); // back to 18 Oct: beyond the newest 30, all in October, which the 30 already cover
  });

  it('lists the backups newest first, whatever the folder order', () => {
    const older = autoBackupName(new Date(2026, 10, 25, 18), 'quit');
    const newer = autoBackupName(new Date(2026, 10, 26, 9), 'daily');
    expect(
      describeBackups([
        { name: older, size: 10 },
        { name: 'x.txt', size: 1 },
        { name: newer, size: 20 },
      ]).map((b) => [b.name, b.reason, b.size]),
    ).toEqual([
      [newer, 'daily', 20],
      [older, 'quit', 10],
    ]);
  });
});

describe('requests from the renderer', () => {
  it('accept a backup file with a known reason', () => {
    expect(parseAutoBackupRequest({ reason: 'upgrade', bytes: backupBytes })).toEqual({
      reason: 'upgrade',
      bytes: backupBytes,
    });
  });

  it('refuse anything else', () => {
    expect(() => parseAutoBackupRequest({ reason: 'upgrade', bytes: new TextEncoder().encode('<html>') })).toThrow(
      /不是备份文件/,
    );
    expect(() => parseAutoBackupRequest({ reason: 'weekly', bytes: backupBytes })).toThrow(TypeError);
    expect(() => parseAutoBackupRequest({ reason: 'daily', bytes: 'text' })).toThrow(TypeError);
    expect(() => parseAutoBackupRequest(null)).toThrow(TypeError);
  });

  it('read only names of automatic backups', () => {
    expect(parseBackupName('自动备份-2026-11-26-164400123-每日.dcbackup')).toBe(
      '自动备份-2026-11-26-164400123-每日.dcbackup',
    );
    expect(() => parseBackupName('..\\..\\secret.txt')).toThrow(TypeError);
    expect(() => parseBackupName(42)).toThrow(TypeError);
  });
});
