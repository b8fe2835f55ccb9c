import { useSyncExternalStore } from 'react';
import { isRouteName, type RouteName, type RoutePath } from './routes';

// Hash routing: works the same under app:// in Electron and http:// in the tests, and a reload
// keeps the screen the user was on. Routes are 'name' or 'name/param'.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Opens a screen: `navigateTo(routes.feedback(5))`. */
export function navigateTo(path: RoutePath): void {
  window.location.hash = `/${path}`;
}

/** The address of a screen as a link's href: `<a href={hrefOf(routes.unit(id))}>`. */
export function hrefOf(path: RoutePath): string {
  return `#/${path}`;
}

export interface Route {
  name: RouteName;
  param?: string;
}

/** The screen in the address bar; an address naming no screen opens `fallback`. */
export function useHashRoute(fallback: RouteName): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#\/?/, ''));
  const [name = '', ...rest] = decodeURIComponent(hash).split('/');
  if (!isRouteName(name)) return { name: fallback };
  return { name, param: rest.length ? rest.join('/') : undefined };
}
