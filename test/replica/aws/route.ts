// IAM is one page with hash routes: "#/roles/create?step=review", legacy "#roles", "#/roles$new?step=type".
import { useEffect, useState } from 'react';
import { config } from './page';

/** The app's own router's subscribers: with pushState navigation no DOM event says the URL changed. */
const routeListeners = new Set<() => void>();

export interface HashRoute {
  /** The path part without the leading "#" and "/", e.g. "roles/create" or "roles$new". */
  path: string;
  query: URLSearchParams;
  raw: string;
}

export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2) as [string, string?];
  return { path: path.replace(/^\/+/, '').replace(/\/+$/, ''), query: new URLSearchParams(query), raw };
}

export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute((current) => (current.raw === parseHash(location.hash).raw ? current : parseHash(location.hash)));
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    routeListeners.add(update);
    // Children's effects run first and may already have replaced the hash: catch up once.
    update();
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
      routeListeners.delete(update);
    };
  }, []);
  return route;
}

export function navigate(hash: string, opts: { replace?: boolean } = {}): void {
  const target = hash.startsWith('#') ? hash : `#${hash}`;
  if (config.aws.navigation === 'pushState') {
    // As react-router's history does: the URL changes, no hashchange or popstate fires.
    history[opts.replace ? 'replaceState' : 'pushState'](history.state, '', target);
    for (const listener of routeListeners) listener();
    return;
  }
  if (opts.replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}
