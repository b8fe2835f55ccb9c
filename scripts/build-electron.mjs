// Bundles the Electron main process and the preload script into dist/electron.
// The preload must be a single file: a sandboxed preload can require only 'electron'.
import { build } from 'esbuild';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  external: ['electron'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'info',
  absWorkingDir: root,
};

try {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: path.join(outDir, 'preload.cjs') }),
  ]);
} catch {
  process.exitCode = 1; // esbuild has already printed the errors
}
