import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeApi, createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, buildUser, importLaiChau, login } from '../../../../test/factories.ts';

describeApi('units API', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
  });
  afterAll(() => t.close());

  it('finds "Tam Đường" when searching "tam duong"', async () => {
    const user = await buildUser(t.c);
    const s = await login(t.app, user.username);
    const res = await t.app.inject({ url: '/api/units/search?q=tam%20duong&at=2021-02-01', headers: s.headers });
    expect(res.statusCode).toBe(200);
    const names = (res.json() as { items: { id: string; name: string }[] }).items.map((u) => u.name);
    expect(names).toContain('Huyện Tam Đường');
  });

  it('refuses an anonymous caller', async () => {
    const res = await t.app.inject({ url: `/api/units/${TAM_DUONG}` });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' } });
  });
});
