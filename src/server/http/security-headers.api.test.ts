/**
 * Security headers on every response (admin UI, API, portal, report page) and the same-origin
 * rule for unsafe requests that name their origin.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { describeApi, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { countRows } from '../../../test/support/db.ts';
import { TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../test/factories.ts';
import type { Session } from '../../../test/factories.ts';
import { ADMIN_DIST, buildApp } from './app.ts';
import type { Api } from './types.ts';
import { inlineScriptHashes } from './security-headers.ts';

type Headers = Record<string, string | string[] | number | undefined>;

/** The headers every response carries. */
function expectBaseline(h: Headers) {
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  expect(String(h['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
}

/** The script sources a CSP allows, or null when it names none. */
const scriptSrc = (csp: unknown) => /(?:^|;\s*)script-src ([^;]*)/.exec(String(csp))?.[1] ?? null;

describe('inline script hashes of the admin page', () => {
  it('the built admin page has no inline script; one would be allowed by its hash only', () => {
    expect(inlineScriptHashes(readFileSync(path.join(ADMIN_DIST, 'index.html'), 'utf8'))).toEqual([]);
    expect(inlineScriptHashes('<script type="module" src="/a.js"></script><script>alert(1)</script>')).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  });
});

describeApi('security headers', (kind) => {
  let t: TestContext;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestContext(kind, { app: { serveAdmin: true } });
    await importLaiChau(t.c);
    admin = (await buildSignedInUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'] })).session;
  });
  afterAll(() => t.close());

  it('admin UI: a CSP with no inline script and no eval, frame protection, nosniff', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/admin/' });
    expect(page.statusCode).toBe(200);
    expectBaseline(page.headers);
    const csp = String(page.headers['content-security-policy']);
    expect(scriptSrc(csp)).toBe("'self'");
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    const asset = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    if (!asset) throw new Error('no script in the admin page');
    const js = await t.app.inject({ method: 'GET', url: asset });
    expect(js.statusCode).toBe(200);
    expectBaseline(js.headers);
  });

  it('API: nosniff and a CSP that runs nothing, on answers and on errors', async () => {
    for (const res of [
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.headers }),
      await t.app.inject({ method: 'GET', url: '/api/users?unitId=' + TAM_DUONG }),
      await t.app.inject({ method: 'GET', url: '/api/khong-co' }),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
    ]) {
      expectBaseline(res.headers);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    }
  });

  it('portal: its own CSP (no script at all), frame protection, nosniff', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expectBaseline(res.headers);
    expect(scriptSrc(res.headers['content-security-policy'])).toBe("'none'");
  });

  it('report page: a CSP with no script, frame protection, for signed-out and signed-in visitors', async () => {
    const out = await t.app.inject({ method: 'GET', url: `/bao-cao/${randomUUID()}` });
    expect(out.statusCode).toBe(302);
    const signedIn = await t.app.inject({ method: 'GET', url: `/bao-cao/${randomUUID()}`, headers: { cookie: admin.cookie } });
    expect(signedIn.headers['content-type']).toMatch(/text\/html/);
    for (const res of [out, signedIn]) {
      expectBaseline(res.headers);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/default-src 'none'/);
      expect(scriptSrc(csp)).toBeNull();
      expect(csp).toMatch(/form-action 'self'/);
    }
  });

  it('no HSTS over plain http; HSTS when served over https (behind a trusted proxy)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
    const behindProxy: Api = await buildApp(t.c, { trustProxy: '127.0.0.1' });
    try {
      const res = await behindProxy.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const page = await behindProxy.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await behindProxy.close();
    }
  });

  describe('unsafe requests must come from this site when they say where they come from', () => {
    const createUnit = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/units',
        headers: { ...admin.headers, ...headers },
        payload: { parentId: TAM_DUONG, name: `Phòng ${randomUUID().slice(0, 6)}`, kind: 'office' },
      });

    it('another origin, a foreign Referer or an opaque "null" origin: 403 in Vietnamese, nothing created', async () => {
      const before = await countRows(t.c, 'units');
      for (const headers of [
        { origin: 'https://ke-xau.example' } as Record<string, string>,
        { origin: 'http://loa.test.ke-xau.example' },
        { origin: 'null' },
        { referer: 'https://ke-xau.example/trang' },
        { origin: 'http://loa.test:8080' },
      ]) {
        const res = await createUnit(headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'ORIGIN_MISMATCH', message: expect.stringMatching(/trang web khác/) as unknown } });
      }
      expect(await countRows(t.c, 'units')).toBe(before);
    });

    it('the public URL, the address the request was sent to, or no Origin at all (scripts, the CLI) are accepted', async () => {
      expect((await createUnit({ origin: 'http://loa.test' })).statusCode).toBe(201);
      expect((await createUnit({ origin: 'http://127.0.0.1:4321', host: '127.0.0.1:4321' })).statusCode).toBe(201);
      expect((await createUnit({ referer: 'http://loa.test/admin/don-vi' })).statusCode).toBe(201);
      expect((await createUnit({})).statusCode).toBe(201);
    });

    it('applies to public routes too: a cross-site sign-in or portal form is refused; safe methods are not checked', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://ke-xau.example' }, payload: { username: 'a', password: 'b' } });
      expect(login.statusCode).toBe(403);
      const form = await t.app.inject({
        method: 'POST',
        url: '/hoi-dap/gui-cau-hoi',
        headers: { origin: 'https://ke-xau.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=A&question=B',
      });
      expect(form.statusCode).toBeGreaterThanOrEqual(400);
      expect(form.body).toContain('trang web khác');
      expect((await t.app.inject({ method: 'GET', url: '/', headers: { origin: 'https://ke-xau.example' } })).statusCode).toBe(200);
    });
  });
});
