// `npm start` runs this before it builds: Electron's binary is downloaded once, on first use
// (node_modules/electron/install.js). Where it cannot be (no internet, a proxy in the way), the
// downloader's stack trace says little; one sentence says what failed and how to run the same
// app in a browser instead, and the start stops (exit code 1) before building anything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

// From the project being started (npm runs scripts in its folder).
const require = createRequire(path.join(process.cwd(), 'package.json'));
const electronDir = path.dirname(require.resolve('electron/package.json'));

if (!existsSync(path.join(electronDir, 'dist', 'version'))) console.log('Downloading Electron (first start only)…');
const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
});
if (result.status !== 0) {
  // The downloader's first line names the cause (e.g. "RequestError: getaddrinfo ENOTFOUND github.com").
  const cause = (result.stderr ?? result.error?.message ?? '').split('\n').find((line) => line.trim() !== '');
  console.error(
    `Electron could not be downloaded${cause ? ` (${cause.trim()})` : ''}; \`npm run build:renderer && npm run preview:web\` runs the app in a browser instead.`,
  );
  process.exit(1);
}
