// Serves dist/renderer under app://bundle/, so pages get a real, stable origin (IndexedDB is
// keyed by it) instead of file://, which would grant access to every local file.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { appScheme, contentSecurityPolicy, contentTypeFor, resolveAppUrlToFile } from './protocol-rules';

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
};

/** Must run before the app is ready. `standard` gives the scheme an origin; `secure` makes it a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function failure(status: number): Response {
  return new Response(null, { status, headers: securityHeaders });
}

export function serveRenderer(rootDir: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405);
    const file = resolveAppUrlToFile(request.url, rootDir);
    if (!file) return failure(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return failure(404);
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentTypeFor(file) },
    });
  });
}
