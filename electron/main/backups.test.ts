// The automatic backups folder against a real temporary folder.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoBackupName, keepNewest } from './backups-rules';
import { listAutoBackups, pruneAutoBackups, readAutoBackup, writeAutoBackup } from './backups';

const backup = (text: string) => new TextEncoder().encode(`{"format": "duchaduban-backup", "note": "${text}"}`);

let folder: string;
beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(os.tmpdir(), 'auto-backups-')), 'backups');
});
afterEach(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

describe('automatic backups on disk', () => {
  it('creates the folder, writes the file whole under its name, and lists it', async () => {
    const stored = await writeAutoBackup(
      folder,
      { reason: 'import', bytes: backup('a') },
      new Date(2026, 10, 26, 9, 30),
    );
    expect(stored).toEqual({
      name: '自动备份-2026-11-26-093000000-导入前.dcbackup',
      reason: 'import',
      createdAt: new Date(2026, 10, 26, 9, 30).toISOString(),
      size: backup('a').byteLength,
    });
    expect(await readdir(folder)).toEqual([stored.name]);
    expect(await readFile(path.join(folder, stored.name), 'utf8')).toBe('{"format": "duchaduban-backup", "note": "a"}');
    expect(await listAutoBackups(folder)).toEqual({ folder, backups: [stored] });
    expect(new TextDecoder().decode((await readAutoBackup(folder, stored.name)).bytes)).toContain('"a"');
  });

  it('lists nothing when no backup was ever taken', async () => {
    expect(await listAutoBackups(folder)).toEqual({ folder, backups: [] });
  });

  it('never overwrites: a second backup in the same millisecond gets the next one', async () => {
    const at = new Date(2026, 10, 26, 9, 30);
    const first = await writeAutoBackup(folder, { reason: 'daily', bytes: backup('first') }, at);
    const second = await writeAutoBackup(folder, { reason: 'daily', bytes: backup('second') }, at);
    expect(second.name).not.toBe(first.name);
    expect(new TextDecoder().decode((await readAutoBackup(folder, first.name)).bytes)).toContain('first');
  });

  it('rotates after each write and leaves other files alone', async () => {
    await writeAutoBackup(folder, { reason: 'daily', bytes: backup('seed') }, new Date(2026, 5, 1));
    await writeFile(path.join(folder, '我的备份.dcbackup'), 'mine');
    for (let day = 0; day < keepNewest + 5; day++) {
      await writeAutoBackup(folder, { reason: 'daily', bytes: backup(String(day)) }, new Date(2026, 9, 1 + day, 18));
    }
    const { backups } = await listAutoBackups(folder);
    // 35 daily backups from 1 Oct to 4 Nov: the newest 30 (6 Oct – 4 Nov); October is among
    // them, so the older October ones go; June's only backup stays as June's.
    expect(backups).toHaveLength(31);
    expect(backups.at(-1)?.name).toBe(autoBackupName(new Date(2026, 5, 1), 'daily'));
    expect(await readdir(folder)).toContain('我的备份.dcbackup');
  });

  it('removes temporary files a crash left behind', async () => {
    await writeAutoBackup(folder, { reason: 'daily', bytes: backup('a') }, new Date(2026, 10, 26));
    const torn = `${autoBackupName(new Date(2026, 10, 26, 12), 'quit')}.tmp`;
    await writeFile(path.join(folder, torn), '{"format": "duch');
    expect((await listAutoBackups(folder)).backups.map((b) => b.name)).not.toContain(torn);
    expect(await pruneAutoBackups(folder)).toEqual([torn]);
    expect(await readdir(folder)).not.toContain(torn);
  });

  it('a writer killed at any moment never leaves a torn file under a backup name', async () => {
    const size = 8 * 1024 * 1024;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'testdata', 'backup-writer.ts'), folder, String(size)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let finished = 0;
    // Kill it in the middle of a write: a few backups after the first, at an odd moment.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        finished += chunk.toString().split('\n').filter(Boolean).length;
        if (finished >= 3)
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 7);
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const { backups } = await listAutoBackups(folder);
    expect(backups.length).toBeGreaterThanOrEqual(3);
    for (const stored of backups) expect(stored.size, stored.name).toBe(size);
    await pruneAutoBackups(folder);
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
