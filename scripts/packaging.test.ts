// The packaging configuration (electron-builder.ts) and what it packs.
//
// The targets' options are checked as values: NSIS, portable and .deb need tools downloaded
// on first use, which these machines cannot fetch. The pack itself runs for real: the app is
// built and electron-builder packs it (`--linux dir` and `--win dir`) into a stand-in
// Electron, a folder whose `electron` / `electron.exe` carries the fuse wire of Electron's
// binary (sentinel, version, one byte per fuse). So the app.asar is the one a release would
// ship, and the fuses, the Windows icon, version strings and asar checksum are written by
// electron-builder itself; nothing is downloaded.
import { extractFile, getRawHeader } from '@electron/asar';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as ResEdit from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../electron-builder';
import { appId, userDataFolderName } from '../electron/main/identity';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const rootPackage = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
  version: string;
  main: string;
  scripts: Record<string, string>;
};

type TargetEntry = { target: string; arch?: string[] };
const targets = (value: unknown): TargetEntry[] => (Array.isArray(value) ? value : [value]) as TargetEntry[];

describe('electron-builder configuration', () => {
  it('builds an NSIS installer and a portable exe for Windows x64', () => {
    expect(targets(config.win?.target)).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
  });

  it('installs per user in Chinese, with shortcuts, and keeps the data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false, // per user: no administrator rights, no UAC prompt
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      multiLanguageInstaller: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: rootPackage.productName,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds .deb packages for Linux x64 and arm64 (UOS, Kylin)', () => {
    expect(targets(config.linux?.target)).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.linux?.icon).toBe('build/icons');
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/); // dpkg wants "Name <email>"
  });

  it('flips the fuses that keep Electron from running anything but the packed app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      enableCookieEncryption: false,
    });
    expect(config.asar).toBe(true);
  });

  it('keeps the identities that must never change', () => {
    expect(config.appId).toBe(appId);
    expect(appId).toBe('cn.duchaduban.desktop');
    expect(userDataFolderName).toBe('duchaduban');
    expect(config.executableName).toBe('duchaduban');
  });

  it('is what `npm run dist` uses', () => {
    expect(rootPackage.scripts.dist).toMatch(/^npm run build && electron-builder\b/);
    expect(rootPackage.scripts.dist).toContain('--publish never');
  });
});

describe('icons in build/', () => {
  const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

  it('has the Linux set, each PNG the size its name says', async () => {
    const files = (await readdir(path.join(root, 'build', 'icons'))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
    ]);
    for (const file of files) {
      const bytes = await readFile(path.join(root, 'build', 'icons', file));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      const size = parseInt(file);
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }
    expect(pngSize(await readFile(path.join(root, 'build', 'icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('has a Windows .ico with 16 to 256 px images', async () => {
    const ico = await readFile(path.join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + length);
      // A PNG, or a 32-bit DIB (BITMAPINFOHEADER) of that width and twice the height.
      if (image.subarray(1, 4).toString('latin1') === 'PNG') expect(pngSize(image).width).toBe(size);
      else
        expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([
          40,
          size,
          size * 2,
          32,
        ]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});

// --- The pack, against a stand-in Electron ------------------------------------------------

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // what @electron/fuses looks for
const fuseNames = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
// Electron's own defaults, as in a downloaded binary ('1' on, '0' off).
const electronDefaults = '10110001';
const fuseWire = () =>
  Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, fuseNames.length]), Buffer.from(electronDefaults)]);

function readFuses(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  expect(at).toBeGreaterThan(SENTINEL.length - 1);
  expect(binary[at]).toBe(1); // wire version
  const length = binary[at + 1]!;
  return Object.fromEntries(fuseNames.slice(0, length).map((name, i) => [name, binary[at + 2 + i] === 0x31]));
}

async function standInCommon(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await writeFile(path.join(dir, 'LICENSE'), 'stand-in');
  for (const locale of ['de', 'en-GB', 'en-US', 'fr', 'ja', 'zh-CN', 'zh-TW'])
    await writeFile(path.join(dir, 'locales', `${locale}.pak`), locale);
}

/** Linux: `electron`, a shell script followed by the fuse wire. */
async function makeLinuxStandIn(dir: string): Promise<void> {
  await standInCommon(dir);
  await writeFile(
    path.join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'), fuseWire()]),
  );
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'chrome-sandbox'), '');
}

/**
 * Windows: `electron.exe`, an empty but valid PE file with an en-US version resource (as
 * Electron's has) and the fuse wire appended: enough for electron-builder to embed the asar
 * integrity, the icon and the version strings (resedit, in JavaScript) and flip the fuses.
 */
async function makeWindowsStandIn(dir: string): Promise<void> {
  await standInCommon(dir);
  const exe = ResEdit.NtExecutable.createEmpty(false, false);
  const resources = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
  version.setFileVersion(45, 0, 0, 0);
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  exe.setExtraData(fuseWire());
  await writeFile(path.join(dir, 'electron.exe'), Buffer.from(exe.generate()));
}

/** Every file (not folder) in an asar, as a relative path with forward slashes. */
function asarFiles(archive: string): string[] {
  type Node = { files?: Record<string, Node> };
  const walk = (node: Node, prefix: string): string[] =>
    Object.entries(node.files ?? {}).flatMap(([name, child]) =>
      child.files ? walk(child, `${prefix}${name}/`) : [`${prefix}${name}`],
    );
  return walk(getRawHeader(archive).header as Node, '').sort();
}

/** The environment of `npm run dist`: electron-builder stays silent when it sees Vitest's variables. */
function builderEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return { ...env, NO_UPDATE_NOTIFIER: '1' };
}

interface Packed {
  log: string;
  appOut: string;
  archive: string;
  files: string[];
}

async function pack(
  work: string,
  platform: 'linux' | 'win',
  makeStandIn: (dir: string) => Promise<void>,
): Promise<Packed> {
  const electronDist = path.join(work, `electron-${platform}`);
  await makeStandIn(electronDist);
  const output = path.join(work, `release-${platform}`);
  const { stdout, stderr } = await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
      `--${platform}`,
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, env: builderEnv(), maxBuffer: 64 * 1024 * 1024 },
  );
  const appOut = path.join(output, platform === 'linux' ? 'linux-unpacked' : 'win-unpacked');
  const archive = path.join(appOut, 'resources', 'app.asar');
  return { log: `${stdout}\n${stderr}`, appOut, archive, files: asarFiles(archive) };
}

describe('the packed app (electron-builder --dir into a stand-in Electron)', () => {
  let work: string;
  let linux: Packed;
  let win: Packed;
  const decoyMap = path.join(root, 'dist', 'renderer', 'assets', 'decoy.js.map');

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'duchaduban-pack-'));
    // The real build, as `npm run dist` does it, plus a source map that must not be packed.
    await run(
      process.execPath,
      [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: root },
    );
    await run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root });
    await writeFile(decoyMap, '{"version":3}');
    linux = await pack(work, 'linux', makeLinuxStandIn);
    win = await pack(work, 'win', makeWindowsStandIn);
  }, 300_000);

  afterAll(async () => {
    await rm(decoyMap, { force: true });
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('loaded electron-builder.ts and used the stand-in, downloading nothing', () => {
    for (const { log } of [linux, win]) {
      expect(log).toContain('electron-builder.ts');
      expect(log).toContain('using custom unpacked Electron distribution');
      expect(log).not.toMatch(/download/i);
    }
  });

  it('packs main, preload, the renderer and package.json', () => {
    const { files } = linux;
    expect(files).toContain('package.json');
    expect(files).toContain('dist/electron/main.cjs');
    expect(files).toContain('dist/electron/preload.cjs');
    expect(files).toContain('dist/renderer/index.html');
    expect(files.some((file) => /^dist\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
    expect(win.files).toEqual(files);
  });

  it('packs nothing else: no sources, tests, source maps or node_modules', () => {
    const allowed = (file: string) =>
      file === 'package.json' ||
      file === 'dist/electron/main.cjs' ||
      file === 'dist/electron/preload.cjs' ||
      file.startsWith('dist/renderer/');
    expect(linux.files.filter((file) => !allowed(file))).toEqual([]);
    expect(linux.files.filter((file) => /\.(ts|tsx|map)$|\.test\.|node_modules/.test(file))).toEqual([]);
  });

  it('needs no node_modules at run time: main and preload require only electron and Node built-ins', () => {
    for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const code = extractFile(linux.archive, bundle).toString('utf8');
      const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((name) => name !== 'electron' && !name.startsWith('node:'))).toEqual([]);
    }
  });

  it('ships package.json with the version the app shows (关于) and the bundled main', () => {
    const packed = JSON.parse(extractFile(linux.archive, 'package.json').toString('utf8')) as typeof rootPackage;
    expect(packed.version).toBe(rootPackage.version);
    expect(packed.productName).toBe(rootPackage.productName);
    expect(packed.main).toBe('dist/electron/main.cjs');
    expect(linux.files).toContain(packed.main);
  });

  it('names the executable duchaduban and keeps only the Chinese and English Chromium locales', async () => {
    expect(await readdir(linux.appOut)).toContain('duchaduban');
    expect(await readdir(win.appOut)).toContain('duchaduban.exe');
    for (const { appOut } of [linux, win]) {
      expect(await readdir(appOut)).not.toContain('electron');
      expect((await readdir(path.join(appOut, 'locales'))).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    }
  });

  it('flipped the fuses in both executables as configured', async () => {
    const before = readFuses(fuseWire());
    expect(before).toMatchObject({
      runAsNode: true,
      onlyLoadAppFromAsar: false,
      grantFileProtocolExtraPrivileges: true,
    });
    expect(readFuses(await readFile(path.join(linux.appOut, 'duchaduban')))).toEqual(config.electronFuses);
    expect(readFuses(await readFile(path.join(win.appOut, 'duchaduban.exe')))).toEqual(config.electronFuses);
  });

  it('gives the Windows exe the icon, the Chinese name, the version and the app.asar checksum', async () => {
    const exe = ResEdit.NtExecutable.from(await readFile(path.join(win.appOut, 'duchaduban.exe')));
    const resources = ResEdit.NtExecutableResource.from(exe);
    const [version] = ResEdit.Resource.VersionInfo.fromEntries(resources.entries);
    expect(version?.getStringValues({ lang: 1033, codepage: 1200 })).toMatchObject({
      ProductName: rootPackage.productName,
      FileDescription: rootPackage.productName,
      FileVersion: rootPackage.version,
    });
    const [iconGroup] = ResEdit.Resource.IconGroupEntry.fromEntries(resources.entries);
    expect(iconGroup?.icons.map((icon) => icon.width || 256)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    // Electron checks app.asar against this before loading it (the embedded-integrity fuse).
    const integrity = resources.entries.find((entry) => entry.type === 'INTEGRITY' && entry.id === 'ELECTRONASAR');
    const headerHash = createHash('sha256').update(getRawHeader(win.archive).headerString).digest('hex');
    expect(JSON.parse(Buffer.from(integrity!.bin).toString('utf8'))).toEqual([
      { file: 'resources\\app.asar', alg: 'SHA256', value: headerHash },
    ]);
  });
});
