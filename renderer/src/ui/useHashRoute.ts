import { useCallback, useSyncExternalStore } from 'react';

// Hash routing: works the same under app:// in Electron and http:// in the tests, and a reload
// keeps the screen the user was on.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(fallback: string): [string, (route: string) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#\/?/, ''));
  const navigate = useCallback((route: string) => {
    window.location.hash = `/${route}`;
  }, []);
  return [hash || fallback, navigate];
}
