// Runs the security check as `npm run test:security` does, against fixtures, to prove it
// fails on real findings and passes a clean app. Each run takes a few seconds because the
// tool first tries the network.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'electronegativity-check.mjs');
const secureApp = path.join(here, 'fixtures', 'secure-app');
const timeout = 120_000;
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function check(input: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, input], { cwd: path.join(here, '..'), timeout }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr });
    });
  });
}

/** A copy of the secure fixture with one edit to its main.ts (or an extra file). */
function variant(edit: (source: string) => string, extra?: { name: string; text: string }): string {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'eng-fixture-'));
  tempDirs.push(temp);
  const dir = path.join(temp, 'app');
  cpSync(secureApp, dir, { recursive: true });
  const main = path.join(dir, 'main.ts');
  const source = readFileSync(main, 'utf8');
  const edited = edit(source);
  if (edited === source && !extra) throw new Error('the variant must differ from the secure fixture');
  writeFileSync(main, edited);
  if (extra) writeFileSync(path.join(dir, extra.name), extra.text);
  return dir;
}

describe.concurrent('electronegativity-check', () => {
  it('passes the secure fixture', { timeout }, async () => {
    const { code, output } = await check(secureApp);
    expect(output).toContain('OK, no medium or higher findings');
    expect(code).toBe(0);
  });

  it('fails the insecure fixture on the tool’s own findings', { timeout }, async () => {
    const { code, output } = await check(path.join(here, 'fixtures', 'insecure-app'));
    expect(code).toBe(1);
    expect(output).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(output).toContain('SANDBOX_JS_CHECK');
  });

  it('fails on nodeIntegration: true alone (which the tool itself lets through)', { timeout }, async () => {
    const dir = variant((source) => source.replace('nodeIntegration: false', 'nodeIntegration: true'));
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/INSECURE_WEBPREFERENCE.*main\.ts:18/);
  });

  it('fails when a window opens without any navigation limit', { timeout }, async () => {
    const dir = variant((source) => source.replace(/app\.on\('web-contents-created'[\s\S]*?\n\}\);\n/, ''));
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
  });

  it('fails when a file cannot be parsed (it would go unchecked)', { timeout }, async () => {
    const dir = variant((source) => source, { name: 'broken.ts', text: 'export const broken = (;\n' });
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/PARSE ERROR .*broken\.ts/);
  });

  it('fails on an inline eng-disable comment', { timeout }, async () => {
    const dir = variant((source) =>
      source.replace('sandbox: true,', 'sandbox: false, // eng-disable SANDBOX_JS_CHECK'),
    );
    const { code, output } = await check(dir);
    expect(code).toBe(1);
    expect(output).toContain('INLINE eng-disable');
  });
});
