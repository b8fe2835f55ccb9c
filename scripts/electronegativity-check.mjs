// Security lint of the Electron code with @doyensec/electronegativity.
//
//   node scripts/electronegativity-check.mjs [path ...]
//
// Default paths: electron/ and renderer/index.html (the page carrying the CSP meta tag, so the
// tool's CSP checks evaluate the real policy). Exits 1 when a finding of severity MEDIUM or
// above remains, when a file failed to parse (it would have gone unchecked), or when the code
// carries an `eng-disable` comment (exceptions belong in `accepted` below, with a reason).
//
// The tool's CLI always exits 0 and does not report parse errors in its output file, so its
// programmatic API is used: it returns the findings and the parse errors directly.
import run from '@doyensec/electronegativity';
import console from 'node:console';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const failingSeverities = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const scannedExtensions = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
const timeoutMs = 180_000; // the tool tries the network first (translations, Electron releases)

// Accepted findings: check id + file (relative to the scan root) + why. Nothing else is skipped.
const accepted = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/main/window.ts',
    // Raised for every `preload` option as a "review the preload script" reminder; only
    // dropping the preload (the sole bridge to the desktop API) would silence it. Reviewed:
    // electron/preload/preload.ts runs sandboxed and context-isolated and exposes four
    // functions, each invoking one fixed channel; ipcRenderer itself is never exposed, and
    // every main-side handler checks the sender frame (electron/main/ipc.ts).
    reason: 'preload reviewed: exposes only the five DesktopApi invocations, never ipcRenderer',
  },
];

// Supplementary rule. electronegativity 1.10.3 reports `nodeIntegration: true` only as
// INFORMATIONAL (and not at all when `sandbox` is also set), so a window exposing Node to
// the page would pass. Any of these literal values anywhere in the sources fails the check.
const insecureWebPreferences = {
  nodeIntegration: true,
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  contextIsolation: false,
  sandbox: false,
  webSecurity: false,
  allowRunningInsecureContent: true,
  webviewTag: true,
  experimentalFeatures: true,
};
const severityHigh = { name: 'HIGH' };
const confidenceCertain = { name: 'CERTAIN' };

function literalBoolean(node) {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  // minifier style !0 / !1
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.ExclamationToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return Number(node.operand.text) === 0;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalBoolean(node.expression);
  return undefined;
}

function findInsecureWebPreferences(relativeFile, text) {
  const extension = path.extname(relativeFile).toLowerCase();
  const kinds = {
    '.ts': ts.ScriptKind.TS,
    '.tsx': ts.ScriptKind.TSX,
    '.js': ts.ScriptKind.JS,
    '.jsx': ts.ScriptKind.JSX,
  };
  if (!(extension in kinds)) return [];
  const source = ts.createSourceFile(relativeFile, text, ts.ScriptTarget.Latest, true, kinds[extension]);
  const findings = [];
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const key = node.name.text;
      if (
        Object.hasOwn(insecureWebPreferences, key) &&
        literalBoolean(node.initializer) === insecureWebPreferences[key]
      ) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
        findings.push({
          id: 'INSECURE_WEBPREFERENCE (supplementary)',
          file: relativeFile,
          location: { line: line + 1, column: character },
          description: `${key}: ${insecureWebPreferences[key]} weakens the renderer's isolation`,
          severity: severityHigh,
          confidence: confidenceCertain,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && scannedExtensions.has(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** Copies the inputs into one folder, keeping their paths relative to the repository. */
async function stage(inputs) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'electronegativity-'));
  try {
    for (const input of inputs) {
      const absolute = path.resolve(input);
      const relative = path.relative(root, absolute);
      const target = relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(absolute) : relative;
      await cp(absolute, path.join(dir, target), {
        recursive: true,
        filter: (source) => !source.includes('node_modules'),
      });
    }
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function runTool(dir, electronVersion) {
  // The tool logs its network attempts through console.log; collect them as notes.
  const notes = [];
  const log = console.log;
  console.log = (...args) => notes.push(args.join(' '));
  let timer;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`electronegativity did not finish within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
    });
    const result = await Promise.race([
      run({ input: dir, electronVersionOverride: electronVersion, isRelative: true, parserPlugins: [] }),
      timeout,
    ]);
    return { result, notes };
  } finally {
    clearTimeout(timer);
    console.log = log;
  }
}

const slash = (file) => file.split(path.sep).join('/');
const acceptanceOf = (issue) => accepted.find((entry) => entry.id === issue.id && entry.file === slash(issue.file));

function describe(issue) {
  const where = issue.file === 'N/A' ? '(whole app)' : `${slash(issue.file)}:${issue.location.line}`;
  return `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${where}\n      ${issue.description}`;
}

async function main() {
  const inputs = process.argv.slice(2);
  if (inputs.length === 0) inputs.push(path.join(root, 'electron'), path.join(root, 'renderer', 'index.html'));
  const electronVersion = require('electron/package.json').version;
  const dir = await stage(inputs);
  try {
    const files = await listFiles(dir);
    if (files.length === 0) {
      console.error(`electronegativity: nothing to scan in ${inputs.join(', ')}`);
      return 2;
    }

    const inlineDisables = [];
    const supplementary = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const relative = path.relative(dir, file);
      text.split('\n').forEach((line, index) => {
        if (line.includes('eng-disable')) inlineDisables.push(`${slash(relative)}:${index + 1}`);
      });
      supplementary.push(...findInsecureWebPreferences(relative, text));
    }

    const { result, notes } = await runTool(dir, electronVersion);
    const issues = [...result.issues, ...supplementary];
    const acceptedIssues = issues.filter((issue) => acceptanceOf(issue));
    const remaining = issues.filter((issue) => !acceptanceOf(issue));
    const failing = remaining.filter((issue) => failingSeverities.has(issue.severity.name));
    const allowed = remaining.filter((issue) => !failingSeverities.has(issue.severity.name));

    const toolVersion = require('@doyensec/electronegativity/package.json').version;
    const scanned = inputs.map((input) => slash(path.relative(root, path.resolve(input))) || '.');
    console.log(`electronegativity ${toolVersion} on ${scanned.join(', ')}`);
    console.log(
      `  Electron ${electronVersion} assumed · ${files.length} files · ${result.atomicChecks} atomic + ${result.globalChecks} global checks + 1 supplementary`,
    );
    for (const note of notes) console.log(`  (tool) ${note.trim()}`);
    for (const error of result.errors)
      console.log(`  PARSE ERROR ${slash(path.relative(dir, error.file))}: ${error.message}`);
    for (const where of inlineDisables)
      console.log(
        `  INLINE eng-disable at ${where}: list the exception in scripts/electronegativity-check.mjs instead`,
      );
    if (failing.length > 0) {
      console.log(`\n  Findings that fail the check (${failing.length}):`);
      for (const issue of failing) console.log(`    ${describe(issue)}`);
    }
    if (allowed.length > 0) {
      console.log(`\n  Low / informational (${allowed.length}, allowed):`);
      for (const issue of allowed) console.log(`    ${describe(issue)}`);
    }
    if (acceptedIssues.length > 0) {
      console.log(`\n  Accepted (${acceptedIssues.length}):`);
      for (const issue of acceptedIssues)
        console.log(`    ${describe(issue)}\n      accepted: ${acceptanceOf(issue).reason}`);
    }

    const ok = failing.length === 0 && result.errors.length === 0 && inlineDisables.length === 0;
    console.log(ok ? '\nelectronegativity: OK, no medium or higher findings.' : '\nelectronegativity: FAILED');
    return ok ? 0 : 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error('electronegativity: could not run:', error);
  process.exitCode = 2;
}
