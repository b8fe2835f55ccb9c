// Pure rules for the app:// protocol that serves the built renderer (dist/renderer).
import path from 'node:path';

export const appScheme = 'app';
/**
 * The single host of the scheme. It is part of the page origin (app://bundle), and IndexedDB
 * data is keyed by origin: changing it would orphan the users' data.
 */
export const appHost = 'bundle';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Sent as a response header on every app:// response; identical to the meta CSP in renderer/index.html. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// app://bundle, then an optional path, query or fragment. Anything else (other host,
// credentials, port) does not match.
const appUrlPattern = /^app:\/\/bundle(\/[^?#]*)?(?:[?#].*)?$/;

/**
 * Maps an app:// URL to a file inside rootDir, or null when the URL must not be served.
 * Chromium normalises URLs before the handler sees them; this re-checks anyway, on the raw
 * text, so a resolver bug can never expose files outside the bundle.
 */
export function resolveAppUrlToFile(url: string, rootDir: string): string | null {
  const match = appUrlPattern.exec(url);
  if (!match) return null;
  const rawPath = (match[1] ?? '/').slice(1);
  let relative: string;
  try {
    relative = decodeURIComponent(rawPath);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL, backslash (a Windows separator) and colon (drive letters, NTFS streams) never occur in the bundle.
  if (relative.includes('\0') || /[\\:]/.test(relative)) return null;
  if (relative.startsWith('/')) return null; // an absolute path smuggled in as app://bundle//etc/passwd
  if (relative === '') relative = 'index.html';
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments.filter((segment) => segment !== ''));
  if (relative.endsWith('/') || file === root) return null; // directories are not served
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts and workers are refused by Chromium unless served with a JavaScript type. */
export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
