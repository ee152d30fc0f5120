import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, configureApi, errorMessage, getMe, queryString, requestParsed, toApiError } from './api.ts';
import { login } from './features/auth/auth-api.ts';
import { searchUnits, updateContacts } from './features/units/units-api.ts';
import { bulletinStep } from './features/bulletins/bulletins-api.ts';

describe('toApiError', () => {
  it('uses the server envelope code and message', () => {
    const e = toApiError(409, JSON.stringify({ error: { code: 'DUPLICATE', message: 'Đã tồn tại' } }), 'vi');
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(409);
    expect(e.code).toBe('DUPLICATE');
    expect(e.message).toBe('Đã tồn tại');
  });

  it('falls back to a localized message for non-JSON bodies', () => {
    const vi = toApiError(502, '<html>Bad gateway</html>', 'vi');
    expect(vi.code).toBe('HTTP_502');
    expect(vi.message).toContain('502');
    expect(vi.message).toMatch(/Máy chủ/);
    expect(toApiError(502, '', 'en').message).toMatch(/Server error/);
    expect(toApiError(429, '', 'vi').message).toMatch(/quá nhiều/);
    expect(toApiError(403, '{"error":{}}', 'en').message).toMatch(/not allowed/);
  });

  it('errorMessage handles unknown throwables', () => {
    expect(errorMessage(new ApiError(400, 'X', 'msg'), 'vi')).toBe('msg');
    expect(errorMessage('weird', 'en')).toBe('Unknown error.');
  });
});

describe('queryString', () => {
  it('skips empty values and encodes', () => {
    expect(queryString({ q: 'tam đường', at: '2025-01-01', x: undefined, y: '', z: null })).toBe('?q=tam+%C4%91%C6%B0%E1%BB%9Dng&at=2025-01-01');
    expect(queryString({})).toBe('');
  });
});

describe('request transport', () => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fakeFetch = (responses: Response[]) =>
    (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const r = responses.shift();
      if (!r) throw new TypeError('network down');
      return r;
    }) as unknown as typeof fetch;

  afterEach(() => {
    calls.length = 0;
    configureApi({ fetchImpl: null, csrfToken: null, onUnauthorized: null, lang: 'vi' });
  });

  it('sends Accept-Language and, on mutations, the CSRF token from login', async () => {
    const me = { id: '1', username: 'admin', displayName: 'A', email: null, unitId: 'u', unitName: 'U', roles: [] };
    configureApi({
      lang: 'en',
      fetchImpl: fakeFetch([
        new Response(JSON.stringify({ user: me, csrfToken: 'tok' }), { status: 200 }),
        new Response(JSON.stringify({ contacts: { emails: [], phones: [], address: null, website: null } })),
        new Response(JSON.stringify({ items: [] })),
      ]),
    });
    await login('admin', 'pw');
    await updateContacts('u/1', { emails: [], phones: [], address: null, website: null });
    await searchUnits('tam duong', '2025-01-01');
    const [, put, get] = calls;
    const h = (c: (typeof calls)[number] | undefined) => (c?.init.headers ?? {}) as Record<string, string>;
    expect(put?.url).toBe('/api/units/u%2F1/contacts');
    expect(put?.init.method).toBe('PUT');
    expect(h(put)['X-CSRF-Token']).toBe('tok');
    expect(h(put)['Accept-Language']).toBe('en');
    expect(get?.url).toBe('/api/units/search?q=tam+duong&at=2025-01-01&limit=20&editions=current');
    expect(h(get)['X-CSRF-Token']).toBeUndefined();
  });

  it('sends an Idempotency-Key when asked, the same for the same step of the same state', async () => {
    configureApi({ fetchImpl: fakeFetch([new Response('not json', { status: 500 }), new Response('not json', { status: 500 })]) });
    const b = { id: '5b3f2c1e-0000-4000-8000-000000000001', status: 'draft' as const };
    await expect(bulletinStep(b, 'emergencyApprove')).rejects.toBeInstanceOf(ApiError);
    await expect(bulletinStep(b, 'emergencyApprove')).rejects.toBeInstanceOf(ApiError);
    const keys = calls.map((c) => (c.init.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toEqual([`${b.id}:emergencyApprove:draft`, `${b.id}:emergencyApprove:draft`]);
  });

  it('maps 401 from /me to null without firing the session-expired hook', async () => {
    let fired = 0;
    configureApi({
      onUnauthorized: () => fired++,
      fetchImpl: fakeFetch([new Response('{"error":{"code":"UNAUTHENTICATED","message":"x"}}', { status: 401 })]),
    });
    expect(await getMe()).toBeNull();
    expect(fired).toBe(0);
  });

  it('fires the session-expired hook on 401 elsewhere and reports network errors', async () => {
    let fired = 0;
    configureApi({
      onUnauthorized: () => fired++,
      fetchImpl: fakeFetch([new Response('{"error":{"code":"UNAUTHENTICATED","message":"hết hạn"}}', { status: 401 })]),
    });
    await expect(searchUnits('a', '2025-01-01')).rejects.toMatchObject({ status: 401, message: 'hết hạn' });
    expect(fired).toBe(1);
    await expect(searchUnits('a', '2025-01-01')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('requestParsed returns the checked body and turns a wrong shape into BAD_RESPONSE', async () => {
    const Out = z.object({ n: z.number() });
    configureApi({
      fetchImpl: fakeFetch([
        new Response(JSON.stringify({ n: 1, extra: true }), { status: 200 }),
        new Response(JSON.stringify({ n: 'one' }), { status: 201 }),
        new Response(null, { status: 204 }),
      ]),
    });
    expect(await requestParsed(Out, 'GET', '/api/x')).toEqual({ n: 1 });
    await expect(requestParsed(Out, 'POST', '/api/x', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 201 });
    expect(await requestParsed(z.undefined(), 'DELETE', '/api/x')).toBeUndefined();
  });
});
