import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpLinkResolver } from './http.ts';

/** The HTTP link resolver against a local shortener (127.0.0.1): hops, HEAD → GET, limits, refusals. */
describe('HTTP link resolver', () => {
  let server: http.Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const url = req.url ?? '/';
      const go = (status: number, location: string) => res.writeHead(status, { location }).end();
      if (url === '/a') return go(301, '/b');
      if (url === '/b') return go(302, 'https://www.facebook.com/groups/x/posts/1?fbclid=IwAR0');
      if (url === '/head-refused') return req.method === 'HEAD' ? res.writeHead(405).end() : go(307, 'https://youtu.be/abc');
      if (url.startsWith('/loop')) return go(302, `/loop${Number(url.slice(5) || 0) + 1}`);
      if (url === '/js') return go(302, 'javascript:alert(1)');
      if (url === '/hang') return; // never answers
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>no redirect</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const local = (o: Parameters<typeof createHttpLinkResolver>[0] = {}) =>
    createHttpLinkResolver({ allowLoopback: true, follow: (u) => u.hostname === '127.0.0.1', timeoutMs: 1500, ...o });

  it('follows the shortener’s hops and stops at the first location that is not one (never requested)', async () => {
    seen.length = 0;
    expect(await local().resolve(`${base}/a`)).toBe('https://www.facebook.com/groups/x/posts/1?fbclid=IwAR0');
    expect(seen).toEqual(['HEAD /a', 'HEAD /b']);
  });

  it('asks with GET when HEAD is refused', async () => {
    expect(await local().resolve(`${base}/head-refused`)).toBe('https://youtu.be/abc');
  });

  it('gives up (null) after 5 hops, on a non-http location, on a page that does not redirect, and after the time limit', async () => {
    expect(await local().resolve(`${base}/loop`)).toBeNull();
    expect(await local().resolve(`${base}/js`)).toBeNull();
    expect(await local().resolve(`${base}/plain`)).toBeNull();
    const t0 = Date.now();
    expect(await local({ timeoutMs: 300 }).resolve(`${base}/hang`)).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(await local().resolve('ftp://127.0.0.1/x')).toBeNull();
  });

  it('never requests a loopback or private address unless the test option allows loopback', async () => {
    seen.length = 0;
    const strict = createHttpLinkResolver({ timeoutMs: 1000 });
    expect(await strict.resolve(`${base}/a`)).toBeNull();
    expect(await strict.resolve('http://10.1.2.3/a')).toBeNull();
    expect(await strict.resolve('http://[::1]/a')).toBeNull();
    expect(await strict.resolve('http://192.168.1.1/a')).toBeNull();
    expect(seen).toEqual([]);
  });
});
