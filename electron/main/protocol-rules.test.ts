import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEntryUrl, contentSecurityPolicy, contentTypeFor, resolveAppUrlToFile } from './protocol-rules';

const root = path.resolve('/srv/app/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppUrlToFile', () => {
  it.each([
    ['app://bundle/', inRoot('index.html')],
    ['app://bundle', inRoot('index.html')],
    [appEntryUrl, inRoot('index.html')],
    ['app://bundle/index.html?x=1#/ledger', inRoot('index.html')],
    ['app://bundle/assets/index-3f2a.js', inRoot('assets', 'index-3f2a.js')],
    ['app://bundle/assets/%E5%AD%97%E4%BD%93.woff2', inRoot('assets', '字体.woff2')],
  ])('serves %s', (url, file) => {
    expect(resolveAppUrlToFile(url, root)).toBe(file);
  });

  it.each([
    ['plain traversal', 'app://bundle/../../etc/passwd'],
    ['traversal in the middle', 'app://bundle/assets/../../../etc/passwd'],
    ['encoded traversal', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded traversal', 'app://bundle/%2E%2e/secret.txt'],
    ['encoded slash traversal', 'app://bundle/..%2f..%2fetc%2fpasswd'],
    ['encoded backslash traversal', 'app://bundle/..%5c..%5cwindows%5cwin.ini'],
    ['backslash', 'app://bundle/assets\\..\\..\\x'],
    ['absolute path', 'app://bundle//etc/passwd'],
    ['encoded absolute path', 'app://bundle/%2fetc%2fpasswd'],
    ['Windows drive', 'app://bundle/C:/Windows/win.ini'],
    ['encoded Windows drive', 'app://bundle/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://bundle/index.html%00.png'],
    ['malformed encoding', 'app://bundle/%E5%AD'],
    ['dot segment', 'app://bundle/./index.html'],
    ['directory', 'app://bundle/assets/'],
    ['other host', 'app://evil/index.html'],
    ['host prefix', 'app://bundle.evil.example/index.html'],
    ['credentials', 'app://bundle@evil/index.html'],
    ['port', 'app://bundle:8080/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['https', 'https://bundle/index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppUrlToFile(url, root)).toBeNull();
  });

  it('never leaves the root, whatever the root looks like', () => {
    const relativeRoot = 'dist/renderer';
    const file = resolveAppUrlToFile('app://bundle/assets/a.js', relativeRoot);
    expect(file).toBe(path.resolve(relativeRoot, 'assets', 'a.js'));
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'], // module scripts and workers require this
    ['assets/worker.MJS', 'text/javascript; charset=utf-8'],
    ['assets/a.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/unknown.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('contentSecurityPolicy', () => {
  it('is the policy of the meta tag in renderer/index.html, but for connect-src', () => {
    // The meta tag lets the browser build reach an office server (http: https:); the renderer
    // narrows it at start to the configured origin (io/connectPolicy.ts). The desktop app's
    // header keeps connect-src 'self': its sync requests are sent by main.
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy.replace("connect-src 'self'", "connect-src 'self' http: https:"));
    expect(contentSecurityPolicy).toContain("connect-src 'self';");
  });

  it('allows no remote origin and no eval', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self';");
    expect(contentSecurityPolicy).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});
