import { describe, expect, it } from 'vitest';
import { countsHoldWork, dailyBackupDue } from './backupSchedule';

describe('dailyBackupDue', () => {
  const now = new Date('2026-11-26T01:30:00Z'); // 09:30 in China

  it('is due with no backups, or with only other kinds today', () => {
    expect(dailyBackupDue([], now)).toBe(true);
    expect(dailyBackupDue([{ reason: 'import', createdAt: '2026-11-26T01:00:00Z' }], now)).toBe(true);
  });

  it('is not due once a daily backup was taken today in China', () => {
    expect(dailyBackupDue([{ reason: 'daily', createdAt: '2026-11-26T00:05:00Z' }], now)).toBe(false);
  });

  it('counts days in China time, not UTC: 23:30 UTC on the 25th is already the 26th in China', () => {
    expect(dailyBackupDue([{ reason: 'daily', createdAt: '2026-11-25T16:30:00Z' }], now)).toBe(false);
    expect(dailyBackupDue([{ reason: 'daily', createdAt: '2026-11-25T15:30:00Z' }], now)).toBe(true);
  });
});

describe('countsHoldWork', () => {
  it('ignores the settings and the audit log', () => {
    expect(countsHoldWork({ settings: 2, audit: 3, units: 0 })).toBe(false);
    expect(countsHoldWork({ settings: 2, audit: 3, units: 1 })).toBe(true);
  });
});
