// Pure trust decisions used by the security hooks and every IPC handler.
import { appOrigin } from './protocol-rules';

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // `origin` is "null" for non-special schemes in the WHATWG parser, so build it by hand.
    if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Only the app's own top-level page (app://bundle/…) may call the desktop API. */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || !frameUrl) return false;
  return originOf(frameUrl) === appOrigin;
}

/** Navigation is allowed only within the bundle itself (e.g. a reload of app://bundle/index.html). */
export function isAllowedNavigation(url: string): boolean {
  return originOf(url) === appOrigin;
}
