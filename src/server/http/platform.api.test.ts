import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../db/client.ts';
import { describeApi, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { buildSignedInUser, importLaiChau } from '../../../test/factories.ts';
import type { Session } from '../../../test/factories.ts';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

describeApi('platform endpoints', (kind) => {
  let t: TestContext;
  let s: Session;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    s = (await buildSignedInUser(t.c)).session;
  });
  afterAll(() => t.close());

  it('healthz reports status, database kind, version and every applied migration', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind, version: pkg.version, migrations: journal.entries.map((e) => e.tag) });
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('describes field problems in Vietnamese, with no English validator text', async () => {
    const res = await t.app.inject({ url: `/api/units/search?q=${'a'.repeat(500)}`, headers: s.headers });
    expect(res.statusCode).toBe(400);
    const { message } = (res.json() as { error: { message: string } }).error;
    expect(message).toContain('Quá lớn');
    expect(message).not.toMatch(/Too big|expected string/);
  });

  it('serves an OpenAPI 3 document listing the unit search', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json', headers: s.headers });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; info: { version: string }; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.version).toBe(pkg.version);
    const search = doc.paths['/api/units/search']?.get;
    expect(search).toBeDefined();
    expect(search?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'at', 'limit']));
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('serves the public portal page in Vietnamese', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="vi">');
  });

  it('an unknown API address is a JSON 404 for a signed-in user', async () => {
    const res = await t.app.inject({ url: '/api/khong-co', headers: s.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.' } });
  });
});
