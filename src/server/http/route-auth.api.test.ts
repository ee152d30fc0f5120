/**
 * Authentication is decided by the route, not by the text of the URL: every route Fastify knows
 * (the OpenAPI document and every non-API route) is called anonymously through many spellings of
 * its address, over a raw socket so nothing normalises the request target on the way.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { describeApi, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { auditEventsSince, countRows, lastAuditId, userRow } from '../../../test/support/db.ts';
import { TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../test/factories.ts';
import type { Session } from '../../../test/factories.ts';

interface Route {
  method: string;
  path: string;
}

/** Routes anyone may call: sign-in, the API document, health, the portal, the report page (its own session handling), the admin UI's files. */
const PUBLIC_API = new Set([
  'POST /api/auth/login',
  'POST /api/auth/accept-invitation',
  'GET /api/settings/portal',
  'HEAD /api/settings/portal',
  'GET /api/openapi.json',
  'HEAD /api/openapi.json',
]);
function isPublic(r: Route): boolean {
  if (PUBLIC_API.has(`${r.method} ${r.path}`)) return true;
  return !r.path.startsWith('/api/');
}

/** Every route in `printRoutes({ commonPrefix: false })`: each node's path is its parent's plus its own fragment. */
function knownRoutes(tree: string): Route[] {
  const stack: string[] = [];
  const out: Route[] = [];
  for (const line of tree.split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = Math.floor(at / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 3));
    if (!m?.[1]) continue;
    stack.length = depth;
    const parent = stack.at(-1) ?? '';
    // A wildcard under a static node is printed without its slash ("admin" → "*" is /admin/*).
    const full = m[1] === '*' && !parent.endsWith('/') ? `${parent}/*` : `${parent}${m[1]}`;
    stack.push(full);
    for (const method of (m[2] ?? '').split(', ').filter(Boolean)) out.push({ method, path: full });
  }
  return out;
}

function openApiRoutes(doc: { paths: Record<string, Record<string, unknown>> }): Route[] {
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{([^}]+)\}/g, ':$1') })));
}

/** A concrete address for a route pattern: parameters become fresh ids, wildcards a file name. */
function concrete(pattern: string): string {
  return pattern.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*/g, 'index.html');
}

const pct = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** The spellings an attacker tries for one path. */
function spellings(path: string, host: string): { name: string; target: string }[] {
  const segs = path.split('/').slice(1);
  const encodeSeg = (i: number) => `/${segs.map((s, j) => (j === i && s ? pct(s[0] ?? '') + s.slice(1) : s)).join('/')}`;
  return [
    { name: 'plain', target: path },
    ...segs.map((_, i) => ({ name: `percent-encoded segment ${i}`, target: encodeSeg(i) })),
    { name: 'all percent-encoded', target: `/${segs.map((s) => [...s].map(pct).join('')).join('/')}` },
    { name: 'absolute-form', target: `http://${host}${path}` },
    { name: 'absolute-form, encoded', target: `http://${host}${encodeSeg(0)}` },
    { name: 'double slashes', target: `/${segs.join('//')}` },
    { name: 'leading double slash', target: `/${path}` },
    { name: 'trailing slash', target: `${path}/` },
    { name: 'upper case', target: path.toUpperCase() },
    { name: 'first letter upper', target: path.replace(/\/(\w)/g, (_, c: string) => `/${c.toUpperCase()}`) },
    { name: '; parameter at the end', target: `${path};x=1` },
    { name: '; parameter in the first segment', target: path.replace(/^\/([^/]+)/, '/$1;x=1') },
    { name: 'dot segments', target: `/x/..${path}` },
    { name: 'single dot', target: path.replace(/^\/([^/]+)\//, '/$1/./') },
    { name: 'encoded dot segments', target: `/x/%2e%2e${path}` },
    { name: 'query string', target: `${path}?public=true` },
  ];
}

/** One request over a raw socket; returns the status code (0 when the server closed without answering). */
function rawRequest(port: number, method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      data += d;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    const head = { host: 'loa.test', connection: 'close', ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers };
    // Not end(): a half-closed client socket is dropped before a streamed file is sent; the server closes it (connection: close).
    socket.write(
      `${method} ${target} HTTP/1.1\r\n${Object.entries(head)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n${body}`,
    );
  });
}

describeApi('authentication by route', (kind) => {
  let t: TestContext;
  let port: number;
  let routes: Route[];
  let admin: Session;

  beforeAll(async () => {
    t = await createTestContext(kind, { app: { serveAdmin: true } });
    await importLaiChau(t.c);
    admin = (await buildSignedInUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'] })).session;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    const seen = new Set<string>();
    routes = [...openApiRoutes(t.app.swagger() as { paths: Record<string, Record<string, unknown>> }), ...knownRoutes(t.app.printRoutes({ commonPrefix: false }))].filter((r) => {
      const key = `${r.method} ${r.path}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
  });
  afterAll(() => t.close());

  it('finds every route: the API document and the portal, admin and report pages', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const k of ['POST /api/users', 'PUT /api/settings/portal', 'GET /api/audit', 'GET /healthz', 'GET /tim-kiem', 'POST /bao-cao/:taskId', 'GET /admin/*', 'GET /rss.xml'])
      expect(keys).toContain(k);
    expect(routes.filter((r) => !isPublic(r)).length).toBeGreaterThanOrEqual(80);
  });

  it('refuses an anonymous caller on every private route (401), whatever the spelling; a spelling that does not route is a 404', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !isPublic(x))) {
      const path = concrete(r.path);
      for (const s of spellings(path, `127.0.0.1:${port}`)) {
        const body = ['POST', 'PUT', 'PATCH'].includes(r.method) ? '{}' : '';
        const status = await rawRequest(port, r.method, s.target, {}, body);
        if (status !== 401 && status !== 404) wrong.push(`${r.method} ${s.target} (${s.name}) → ${status}`);
      }
      // The plain spelling always routes, so it must be the 401.
      expect(await rawRequest(port, r.method, path), `${r.method} ${path}`).toBe(401);
    }
    expect(wrong).toEqual([]);
  });

  it('creates no account from an anonymous POST /api/users by any spelling', async () => {
    const before = await countRows(t.c, 'users');
    const mark = await lastAuditId(t.c);
    for (const s of spellings('/api/users', `127.0.0.1:${port}`)) {
      const body = JSON.stringify({ username: `x${randomUUID().slice(0, 8)}`, displayName: 'Kẻ tấn công', email: null, unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'] });
      const status = await rawRequest(port, 'POST', s.target, {}, body);
      expect([401, 404], `${s.name}: ${s.target}`).toContain(status);
    }
    expect(await countRows(t.c, 'users')).toBe(before);
    expect(await auditEventsSince(t.c, mark)).toEqual([]);
  });

  it('a forged or expired session cookie is the same as none', async () => {
    for (const target of ['/api/users', '/%61pi/users', `http://127.0.0.1:${port}/api/users`]) {
      expect(await rawRequest(port, 'POST', target, { cookie: `loa_session=${randomUUID()}` }, '{}')).toBe(401);
    }
  });

  it('the public routes stay reachable anonymously: portal, health, API document, sign-in, admin UI files, report page', async () => {
    expect(await rawRequest(port, 'GET', '/')).toBe(200);
    expect(await rawRequest(port, 'GET', '/tim-kiem?q=loa')).toBe(200);
    expect(await rawRequest(port, 'GET', '/healthz')).toBe(200);
    expect(await rawRequest(port, 'GET', '/api/openapi.json')).toBe(200);
    expect(await rawRequest(port, 'GET', '/api/settings/portal')).toBe(200);
    expect(await rawRequest(port, 'GET', '/admin/')).toBe(200);
    expect(await rawRequest(port, 'GET', '/admin')).toBe(302);
    expect(await rawRequest(port, 'POST', '/api/auth/login', {}, JSON.stringify({ username: 'khong-co', password: 'sai-mat-khau-1' }))).toBe(401);
    // The report page sends a signed-out reporter to sign in, and refuses a form post without a session.
    expect(await rawRequest(port, 'GET', `/bao-cao/${randomUUID()}`)).toBe(302);
  });

  it('a signed-in user reaches the same route by its plain address', async () => {
    expect(await rawRequest(port, 'GET', '/api/auth/me', { cookie: admin.cookie })).toBe(200);
  });

  describe('the audit trail never records an HTTP change without a human actor', () => {
    it('every event written by a range of changes through HTTP names the signed-in user and the address', async () => {
      const mark = await lastAuditId(t.c);
      const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown, expected: number) => {
        const res = await t.app.inject({ method, url, headers: admin.headers, payload: payload as Record<string, unknown> });
        expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(expected);
        return res.json() as Record<string, { id: string }>;
      };
      const unit = (await call('POST', '/api/units', { parentId: TAM_DUONG, name: 'Phòng thử nghiệm', kind: 'office' }, 201)).unit;
      if (!unit) throw new Error('no unit');
      await call('PUT', `/api/units/${unit.id}/contacts`, { emails: ['phong@loa.test'], phones: [], address: null, website: null }, 200);
      const user = (
        await call('POST', '/api/users', { username: `u${randomUUID().slice(0, 8)}`, displayName: 'Người mới', email: null, unitId: unit.id, roles: ['unit_admin'] }, 201)
      ).user;
      if (!user) throw new Error('no user');
      await call('PATCH', `/api/users/${user.id}`, { roles: ['drafter'] }, 200);
      await call('POST', '/api/groups', { ownerUnitId: unit.id, name: 'Nhóm thử', rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG } }, 201);
      await call('PUT', '/api/settings/portal', { authorityName: 'Cổng Loa', parentName: null, hotline: null, email: null, address: null, logoUrl: null }, 200);
      const events = await auditEventsSince(t.c, mark);
      expect(events.length).toBeGreaterThanOrEqual(6);
      for (const e of events) {
        expect(e.actorId, e.action).not.toBe(SYSTEM_ACTOR.userId);
        expect(e.actorId && (await userRow(t.c, e.actorId)), e.action).toBeTruthy();
        expect(e.ip, e.action).toBeTruthy();
      }
    });

    it('recordAudit cannot be called without an actor (a type error)', () => {
      // Never run: the assertion is that the compiler rejects the call (tsc --noEmit covers tests).
      const typeCheckOnly = () =>
        // @ts-expect-error recordAudit requires an Actor: there is no "null = the system" any more
        recordAudit(t.c.database.db, null, { action: 'x', entity: 'x', entityId: null, unitId: null });
      expect(typeof typeCheckOnly).toBe('function');
    });
  });
});
