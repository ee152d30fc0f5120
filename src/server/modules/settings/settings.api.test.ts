import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { TT_TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import type { Role } from '../access/index.ts';
import { DEFAULT_SMS_SETTINGS, SmsSettingsOutSchema } from '../../../shared/contracts/settings.ts';

/** GET /api/settings/sms for those who read SMS campaigns; PUT only with settings.write, validated, audited. */
describe('SMS settings API', () => {
  let t: TestContext;
  const s: Partial<Record<'admin' | 'unitAdmin' | 'approver' | 'viewer' | 'reporter', Session>> = {};
  const as = (who: keyof typeof s) => s[who]!.headers;
  const put = (who: keyof typeof s, payload: object) => t.app.inject({ method: 'PUT', url: '/api/settings/sms', headers: as(who), payload });

  beforeAll(async () => {
    t = await createTestContext('pglite');
    await importLaiChau(t.c);
    const make = async (roles: Role[]) => (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles })).session;
    s.admin = await make(['system_admin']);
    s.unitAdmin = await make(['unit_admin']);
    s.approver = await make(['approver']);
    s.viewer = await make(['viewer']);
    s.reporter = await make(['reporter']);
  });
  afterAll(() => t.close());

  it('reads the defaults for broadcast readers, with whether they may change them; 403 for others, 401 without a session', async () => {
    const viewer = await t.app.inject({ url: '/api/settings/sms', headers: as('viewer') });
    expect(viewer.statusCode).toBe(200);
    expect(SmsSettingsOutSchema.parse(viewer.json())).toEqual({ settings: DEFAULT_SMS_SETTINGS, capabilities: { write: false } });
    expect(SmsSettingsOutSchema.parse((await t.app.inject({ url: '/api/settings/sms', headers: as('admin') })).json()).capabilities.write).toBe(true);
    expect((await t.app.inject({ url: '/api/settings/sms', headers: as('reporter') })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/settings/sms' })).statusCode).toBe(401);
  });

  it('only settings.write changes them; out-of-range values are a 400 in Vietnamese; the change is audited and applied', async () => {
    const next = { quietStartHour: 21, quietEndHour: 6, dailyCap: 2, maxParts: 6 };
    for (const who of ['unitAdmin', 'approver', 'viewer'] as const) expect((await put(who, next)).statusCode, who).toBe(403);
    for (const bad of [{ ...next, quietStartHour: 24 }, { ...next, dailyCap: 0 }, { ...next, maxParts: 1.5 }, { quietStartHour: 21 }]) {
      const res = await put('admin', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect((res.json() as { error: { message: string } }).error.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    }
    const ok = await put('admin', next);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(SmsSettingsOutSchema.parse((await t.app.inject({ url: '/api/settings/sms', headers: as('viewer') })).json()).settings).toEqual(next);
    const events = await auditEventsFor(t.c, 'sms');
    expect(events.map((e) => e.action)).toEqual(['settings.sms_update']);
    expect(events[0]).toMatchObject({ before: DEFAULT_SMS_SETTINGS, after: next });
  });
});
