// The page's connect-src, narrowed at start (issue 16: "the CSP allows the configured origin
// only"). The static policy of index.html lets the page's own scripts reach http(s) so that
// the browser build can reach an office server; before anything else runs, this adds a second
// policy — `connect-src 'self'` plus the configured server's origin, or nothing else while
// none is set up. A page enforces every policy it has, so the narrower one holds, and a policy
// cannot be widened afterwards: a new server address takes effect after a reload.
//
// The desktop app's page is served with the strict policy as a header (connect-src 'self':
// electron/main/protocol-rules.ts) and never connects anywhere itself: main sends the sync's
// requests (electron/main/sync.ts), to the configured origin only.

let installed: string | null | undefined;

/** Adds the narrowing policy once; later calls change nothing. Returns the origin it allows. */
export function installConnectPolicy(origin: string | null): string | null {
  if (installed !== undefined) return installed;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self'${origin ? ` ${origin}` : ''}`;
  document.head.prepend(meta);
  installed = origin;
  return installed;
}

/** Whether the page may connect to `origin` (same origin always). */
export function connectPolicyAllows(origin: string): boolean {
  return origin === window.location.origin || (installed !== undefined && installed === origin);
}
