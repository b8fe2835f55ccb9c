// `npm start` without network: one sentence and exit code 1, not the downloader's stack trace.
// Run against a stand-in electron package whose installer fails (or succeeds) as the real one does.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(root, 'scripts', 'ensure-electron.mjs');
const run = promisify(execFile);
const dirs: string[] = [];

async function projectWithInstaller(installer: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ensure-electron-'));
  dirs.push(dir);
  const electron = path.join(dir, 'node_modules', 'electron');
  await mkdir(electron, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{"name":"app","private":true}');
  await writeFile(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0","main":"index.js"}');
  await writeFile(path.join(electron, 'install.js'), installer);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('npm start: Electron download', () => {
  it('is the first step of npm start, before the build', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toMatch(/^node scripts\/ensure-electron\.mjs && npm run build && electron \.$/);
  });

  it('ends with one sentence naming the browser alternative and exit code 1 when the download fails', async () => {
    // What install.js does offline: the fetch error's stack on stderr, exit 1.
    const cwd = await projectWithInstaller(
      "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download'); process.exit(1);",
    );
    const failure = await run(process.execPath, [script], { cwd }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Electron could not be downloaded (TypeError: fetch failed); `npm run build:renderer && npm run preview:web` runs the app in a browser instead.',
    ]);
  });

  it('lets the start go on when Electron is there', async () => {
    const cwd = await projectWithInstaller('process.exit(0);');
    const { stderr } = await run(process.execPath, [script], { cwd });
    expect(stderr).toBe('');
  });
});
