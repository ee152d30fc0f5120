// Tiny hash router: URLs look like /admin/#/units/123?x=1 so the server only
// has to serve index.html at /admin/ (no history fallback needed).
import { useSyncExternalStore, type AnchorHTMLAttributes } from 'react';

export interface Route {
  /** Path without query, always starting with "/", e.g. "/units/42". */
  path: string;
  /** Non-empty path segments, URI-decoded. */
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const qIndex = raw.indexOf('?');
  const pathPart = qIndex >= 0 ? raw.slice(0, qIndex) : raw;
  const query = new URLSearchParams(qIndex >= 0 ? raw.slice(qIndex + 1) : '');
  const segments = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path: '/' + segments.join('/'), segments, query };
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const getHash = (): string => window.location.hash;
const getServerHash = (): string => '';

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getServerHash);
  return parseHash(hash);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const target = '#' + (to.startsWith('/') ? to : '/' + to);
  if (window.location.hash === target) return;
  if (opts.replace) {
    window.history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

export function href(to: string): string {
  return '#' + (to.startsWith('/') ? to : '/' + to);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, ...rest }: LinkProps) {
  return <a {...rest} href={href(to)} />;
}
