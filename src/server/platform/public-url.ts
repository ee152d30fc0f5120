/**
 * Where Loa is reached from outside, for absolute links (feeds, sitemap, Open Graph, e-mails).
 *
 * PUBLIC_URL wins when it is set. Without it, a page links to the host the request came to (Fastify's
 * `request.host`/`protocol` read X-Forwarded-Host/Proto only from a trusted proxy, TRUST_PROXY), and work
 * without a request (jobs sending e-mails) uses the URL the server actually listens on, known once it
 * has started.
 */
export interface PublicUrl {
  /** The base (no trailing slash) for links made without a request. */
  (): string;
  /** The base for links in the answer to this request. */
  forRequest(req: { protocol: string; host: string }): string;
  /** Records the URL the HTTP server listens on (called once it does). */
  listening(url: string): void;
}

/** A host header worth echoing: a name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const SANE_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const DEFAULT_URL = 'http://localhost:3000';

const trim = (url: string) => url.replace(/\/+$/, '');

export function createPublicUrl(configured: string | undefined): PublicUrl {
  let listened: string | null = null;
  const base = () => (configured ? trim(configured) : (listened ?? DEFAULT_URL));
  return Object.assign(base, {
    forRequest(req: { protocol: string; host: string }): string {
      if (configured) return trim(configured);
      const protocol = req.protocol === 'https' ? 'https' : 'http';
      return SANE_HOST.test(req.host) ? `${protocol}://${req.host.toLowerCase()}` : base();
    },
    listening(url: string) {
      listened = trim(url);
    },
  });
}

/** The URL a person opens for a server bound to `host`:`port` (a wildcard address becomes localhost). */
export function listenUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}
