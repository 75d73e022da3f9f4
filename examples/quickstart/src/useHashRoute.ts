import { useCallback, useSyncExternalStore } from 'react';

/** What the page shows: the list, a new workflow, or a saved one. */
export type Route = { page: 'list' } | { page: 'new' } | { page: 'edit'; workflowId: string };

/** The route in a location hash: `#/new`, `#/workflows/<id>`, anything else the list. */
export function parseRoute(hash: string): Route {
  if (hash === '#/new') return { page: 'new' };
  const match = /^#\/workflows\/([^/]+)$/.exec(hash);
  return match ? { page: 'edit', workflowId: decodeURIComponent(match[1]!) } : { page: 'list' };
}

/** The hash that shows a route. */
export function routeHash(route: Route): string {
  if (route.page === 'new') return '#/new';
  if (route.page === 'edit') return `#/workflows/${encodeURIComponent(route.workflowId)}`;
  return '#/';
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const readHash = () => window.location.hash;

/**
 * The page's route, kept in the location hash so a reload (and Back) returns to the same view;
 * hash routes also need nothing of the server.
 */
export function useHashRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, readHash, readHash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHash(route);
  }, []);
  return [parseRoute(hash), navigate];
}
