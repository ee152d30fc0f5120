/**
 * Control characters and deep nesting are refused at the HTTP boundary with a Vietnamese 400,
 * on every kind of input (query string, path, JSON, portal and report forms), instead of a 500
 * from the database or the parser.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import { describeApi, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { countRows } from '../../../test/support/db.ts';
import { TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../test/factories.ts';
import type { Session } from '../../../test/factories.ts';
import { MAX_JSON_DEPTH, jsonTooDeep } from './input-guard.ts';

const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

describe('jsonTooDeep', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonTooDeep(nested(32), 32)).toBe(false);
    expect(jsonTooDeep(nested(33), 32)).toBe(true);
    expect(jsonTooDeep(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\\' }), 3)).toBe(false);
  });
});

describeApi('input guard', (kind) => {
  let t: TestContext;
  let admin: Session;
  let office: string;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    office = (await buildUnit(t.c, { parentId: TAM_DUONG })).id;
    admin = (await buildSignedInUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'] })).session;
  });
  afterAll(() => t.close());

  const json = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: string, headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload });

  function expectControl400(res: { statusCode: number; json(): unknown }, field: RegExp) {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('CONTROL_CHARACTERS');
    expect(body.error.message).toMatch(/ký tự điều khiển không hợp lệ/);
    expect(body.error.message).toMatch(field);
  }

  it('portal search with a NUL in the query: a Vietnamese 400 page, not a 500', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tim-kiem?q=a%00b' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('ký tự điều khiển không hợp lệ');
  });

  it("the router's own refusals: an over-long path parameter is a Vietnamese 404, a malformed URL a Vietnamese 400", async () => {
    const long = await t.app.inject({ method: 'GET', url: `/cap/${'a'.repeat(400)}.xml` });
    expect(long.statusCode).toBe(404);
    expect(long.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy dữ liệu.' } });
    const bad = await t.app.inject({ method: 'GET', url: '/api/directives/%E0%A4%A', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Dữ liệu không hợp lệ/) });
  });

  it('sign-in with a NUL in the username or password', async () => {
    expectControl400(await json('POST', '/api/auth/login', JSON.stringify({ username: 'admin\u0000', password: 'x' }), {}), /body\.username/);
    expectControl400(await json('POST', '/api/auth/login', '{"username":"admin","password":"a\\u0000b"}', {}), /body\.password/);
  });

  it('a unit name with a NUL, contacts with other control characters, a search with one: 400, nothing stored', async () => {
    const before = await countRows(t.c, 'units');
    expectControl400(await json('POST', '/api/units', JSON.stringify({ parentId: TAM_DUONG, name: 'Phòng\u0000', kind: 'office' })), /body\.name/);
    expect(await countRows(t.c, 'units')).toBe(before);
    expectControl400(await json('PUT', `/api/units/${office}/contacts`, JSON.stringify({ emails: [], phones: [], address: 'Số 1\u0007', website: null })), /body\.address/);
    expectControl400(await t.app.inject({ method: 'GET', url: '/api/units/search?q=Tam%01', headers: admin.headers }), /query\.q/);
    expectControl400(
      await json('POST', '/api/groups', JSON.stringify({ ownerUnitId: office, name: 'Nhóm\u001b', rule: { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG } })),
      /body\.name/,
    );
    expectControl400(await t.app.inject({ method: 'GET', url: `/api/units/a%00b`, headers: admin.headers }), /params\.id/);
    // A control character in a key counts too.
    expectControl400(await json('PATCH', `/api/units/${office}`, '{"name":"A","x\\u0000":1}'), /body\.x/);
  });

  it('tab, line feed and carriage return are text, not control characters', async () => {
    const res = await json('PUT', `/api/units/${office}/contacts`, JSON.stringify({ emails: [], phones: [], address: 'Số 1,\r\nđường\tA', website: null }));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('the portal question form (urlencoded) with a NUL: the form again with a Vietnamese 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/hoi-dap/gui-cau-hoi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `sectionId=${randomUUID()}&name=Nguy%E1%BB%85n%00&email=&question=H%E1%BB%8Fi`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('ký tự điều khiển không hợp lệ');
  });

  it('the report page form with a NUL', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/bao-cao/${randomUUID()}`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${admin.csrf}&so_buoi=1%00`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('ký tự điều khiển không hợp lệ');
  });

  it('a report submission with 50,000-level nested values: 400 "nested too deeply" in Vietnamese, not a 500', async () => {
    const payload = `{"unitId":"${office}","period":"2021-02-03","values":{"a":${nested(50_000)}}}`;
    const res = await json('POST', `/api/tasks/${randomUUID()}/submissions`, payload, { ...admin.headers, 'idempotency-key': randomUUID() });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'INPUT_TOO_DEEP', message: `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp).` } });
    // In English when asked.
    const en = await json('POST', `/api/tasks/${randomUUID()}/submissions`, payload, { ...admin.headers, 'accept-language': 'en' });
    expect((en.json() as { error: { message: string } }).error.message).toBe(`The data is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`);
    // Anonymous: the 401 comes first, the body is never read.
    expect((await json('POST', `/api/tasks/${randomUUID()}/submissions`, payload, {})).statusCode).toBe(401);
  });

  it('shallow JSON is parsed as before (a malformed body is still a plain 400)', async () => {
    const ok = await json('PATCH', `/api/units/${office}`, JSON.stringify({ name: 'Phòng Văn hóa' }));
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await json('PATCH', `/api/units/${office}`, '{"name":');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const proto = await json('PATCH', `/api/units/${office}`, '{"name":"A","__proto__":{"x":1}}');
    expect(proto.statusCode).toBe(400);
  });
});
