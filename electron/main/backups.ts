// The automatic backups folder on disk. Node only (no Electron), so the tests run it against a
// real temporary folder. A backup is written to a temporary name, flushed to the disk, then
// renamed: a crash or power cut leaves either the whole file or no file under a backup name.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AutoBackupList, AutoBackupRequest, PickedFile, StoredBackup } from '../shared/contract';
import { autoBackupName, backupsToDelete, describeBackups, parseAutoBackupName } from './backups-rules';

const temporarySuffix = '.tmp';

async function flushFolder(folder: string): Promise<void> {
  // Makes the rename itself durable on Linux; Windows cannot open a folder, and NTFS logs it.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` under `name` in `folder`: temporary file, flush, rename. */
export async function writeDurably(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(folder, name);
  const temporary = `${target}${temporarySuffix}`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, target);
  await flushFolder(folder);
}

async function listFiles(folder: string): Promise<{ name: string; size: number }[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: { name: string; size: number }[] = [];
  for (const name of names) {
    if (!parseAutoBackupName(name)) continue;
    try {
      files.push({ name, size: (await stat(path.join(folder, name))).size });
    } catch {
      // deleted meanwhile
    }
  }
  return files;
}

export async function listAutoBackups(folder: string): Promise<AutoBackupList> {
  return { folder, backups: describeBackups(await listFiles(folder)) };
}

/** Deletes what rotation no longer keeps, and temporary files a crash left behind. */
export async function pruneAutoBackups(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  const doomed = [
    ...backupsToDelete(names),
    ...names.filter(
      (name) => name.endsWith(temporarySuffix) && parseAutoBackupName(name.slice(0, -temporarySuffix.length)),
    ),
  ];
  for (const name of doomed) await rm(path.join(folder, name), { force: true });
  return doomed;
}

/** Writes a new automatic backup into `folder` (created when missing), then rotates. */
export async function writeAutoBackup(
  folder: string,
  request: AutoBackupRequest,
  now: Date = new Date(),
): Promise<StoredBackup> {
  await mkdir(folder, { recursive: true });
  let at = now;
  let name = autoBackupName(at, request.reason);
  // Two backups in the same millisecond: the later one takes the next millisecond.
  while ((await listFiles(folder)).some((file) => file.name === name)) {
    at = new Date(at.getTime() + 1);
    name = autoBackupName(at, request.reason);
  }
  await writeDurably(folder, name, request.bytes);
  await pruneAutoBackups(folder);
  return { name, reason: request.reason, createdAt: at.toISOString(), size: request.bytes.byteLength };
}

export async function readAutoBackup(folder: string, name: string): Promise<PickedFile> {
  const data = await readFile(path.join(folder, name));
  return { name, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
