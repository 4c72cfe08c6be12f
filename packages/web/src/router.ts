import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/patient/diary`): the route never reaches the server — a browser sends no fragment in
 * requests or in the Referer header — so record ids in routes (`#/clinic/patients/<id>`) stay out of
 * server and proxy logs, and a reload keeps the page. (The server also answers unknown paths with
 * index.html, but the app does not rely on it.) Query parameters after `?` in the hash are page
 * options (e.g. the self-test's test-only duration).
 */
export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', qs = ''] = raw.split('?');
  return { path, segments: path.split('/').filter(Boolean), query: new URLSearchParams(qs) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function href(path: string): string {
  return `#${path}`;
}
