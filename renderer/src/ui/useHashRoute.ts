import { useSyncExternalStore } from 'react';

// Hash routing: works the same under app:// in Electron and http:// in the tests, and a reload
// keeps the screen the user was on. Routes are 'name' or 'name/param'.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function navigateTo(route: string): void {
  window.location.hash = `/${route}`;
}

export interface Route {
  name: string;
  param?: string;
}

export function useHashRoute(fallback: string): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#\/?/, ''));
  const [name, ...rest] = decodeURIComponent(hash || fallback).split('/');
  return { name: name || fallback, param: rest.length ? rest.join('/') : undefined };
}
