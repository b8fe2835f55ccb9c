// Where the office sync may connect: the configured origin and database only. Shared by main
// (which sends the desktop app's requests) and the browser build's own sender (io/syncBrowser.ts).

/** The origin of an http(s) address typed by the office, or undefined when it is not one. */
export function syncOrigin(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.origin;
}

export interface SyncTarget {
  origin: string;
  database: string;
}

/**
 * Whether main may send a request to `url`: exactly the configured origin, and only the
 * database (and below it) or `/_session` (who the user is). Checked after URL normalisation,
 * so `/db/../_users` is `/_users` and refused.
 */
export function isAllowedSyncUrl(url: string, target: SyncTarget): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin !== target.origin || parsed.username !== '' || parsed.password !== '') return false;
  const db = `/${encodeURIComponent(target.database)}`;
  const path = parsed.pathname;
  return path === '/_session' || path === db || path === `${db}/` || path.startsWith(`${db}/`);
}
