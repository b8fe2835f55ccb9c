// serveRenderer with a stand-in for Electron's protocol module, against a real folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './protocol-rules';

type Handler = (request: Request) => Promise<Response>;
const fake = vi.hoisted(() => ({ handlers: new Map<string, Handler>(), privileged: [] as unknown[] }));

vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: Handler) => fake.handlers.set(scheme, handler),
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
  },
}));

const { registerAppScheme, serveRenderer } = await import('./protocol');

describe('app:// protocol', () => {
  let serve: Handler;
  let base: string;
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'protocol-test-'));
    const root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>督查</title>');
    writeFileSync(path.join(root, 'assets', 'main.js'), 'export {};');
    writeFileSync(path.join(base, 'secret.txt'), 'outside the bundle');
    serveRenderer(root);
    serve = fake.handlers.get('app') as Handler;
  });

  it('registers app as a standard, secure scheme without bypassing CSP', () => {
    registerAppScheme();
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(JSON.stringify(fake.privileged)).not.toContain('bypassCSP');
  });

  it('serves index.html with the CSP header', async () => {
    const response = await serve(new Request('app://bundle/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('督查');
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await serve(new Request('app://bundle/assets/main.js'));
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://bundle/missing.js',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://other/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('refuses methods other than GET', async () => {
    const response = await serve(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
