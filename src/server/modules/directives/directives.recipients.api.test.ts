/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { importLaiChau } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { unitIdFor } from '../units/index.ts';
import { buildActors, client, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';

/**
 * Today (1 December 2026) the 2025 three-level tree is no longer in force: a group "all communes of
 * Tam Đường district" reaches nobody. The issue dialog's preview names it, and issuing refuses it
 * unless the clerk confirms; a directive whose every entry reaches nobody is never issued.
 */
describeApi('directives: recipients at the issue date', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  let commune2026: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2026-12-01T03:00:00Z') });
    await importLaiChau(t.c);
    await t.c.services.units.importEdition(SYSTEM_ACTOR, 'vn-2026', { provinceCodes: ['12'] });
    x = await buildActors(t.c);
    call = client(t.app);
    const communes = await t.c.services.units.listChildren(SYSTEM_ACTOR, unitIdFor('vn-2026', '12'), '2026-12-01');
    commune2026 = communes.find((u) => u.kind === 'commune')!;
    expect(commune2026).toBeDefined();
  });
  afterAll(() => t.close());

  it('previews each Kính gửi entry with the units it reaches today, and on another date', async () => {
    const id = await signedDirective(t.app, x, { recipients: { units: [commune2026.id], groups: [x.group.id] } });
    const today = await call(x.clerk, 'GET', `/api/directives/${id}/recipients-preview`);
    expect(today.status, JSON.stringify(today.body)).toBe(200);
    expect(today.body).toEqual({
      date: '2026-12-01',
      entries: [
        { kind: 'unit', id: commune2026.id, name: commune2026.name, reaches: 1, editionLabel: null },
        { kind: 'group', id: x.group.id, name: 'UBND các xã, thị trấn', reaches: 0, editionLabel: null },
      ],
      total: 1,
      unreached: ['UBND các xã, thị trấn'],
    });

    const then = await call(x.clerk, 'GET', `/api/directives/${id}/recipients-preview?date=2021-02-03`);
    expect(then.body.entries[0]).toMatchObject({ reaches: 0, editionLabel: 'Danh mục từ ngày 01 tháng 07 năm 2025' });
    expect(then.body.entries[1].reaches).toBeGreaterThan(5);
    expect(then.body.unreached).toEqual([commune2026.name]);

    // Bad date: 400 in Vietnamese; someone outside the issuer's scope: 404.
    expect((await call(x.clerk, 'GET', `/api/directives/${id}/recipients-preview?date=2026-02-30`)).status).toBe(400);
    expect((await call(x.outsiderClerk, 'GET', `/api/directives/${id}/recipients-preview`)).status).toBe(404);
  });

  it('refuses to issue while an entry reaches nobody, naming it; issues when the clerk confirms, and records what was left out', async () => {
    const id = await signedDirective(t.app, x, { recipients: { units: [commune2026.id], groups: [x.group.id] } });
    const refused = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'RECIPIENTS_REACH_NONE',
      message:
        'Nơi nhận không có đơn vị nào vào ngày 01 tháng 12 năm 2026: UBND các xã, thị trấn. Chọn đơn vị, nhóm của danh mục đang có hiệu lực, hoặc xác nhận ban hành không gửi tới các nơi nhận này.',
    });
    // Nothing happened: still signed, no number used.
    expect((await call(x.clerk, 'GET', `/api/directives/${id}`)).body.directive).toMatchObject({ status: 'signed', number: null });

    const issued = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, { allowUnreached: true });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const tracking = await call(x.clerk, 'GET', `/api/directives/${id}/tracking`);
    expect(tracking.body.items.map((r: { unitId: string }) => r.unitId)).toEqual([commune2026.id]);
    const issue = (await auditEventsFor(t.c, id)).find((e) => e.action === 'directive.issue');
    expect(issue?.after).toMatchObject({ unreached: ['UBND các xã, thị trấn'] });
  });

  it('never issues a directive whose every entry reaches nobody, even when confirmed', async () => {
    const id = await signedDirective(t.app, x, { recipients: { units: [], groups: [x.group.id] } });
    const res = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, { allowUnreached: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RECIPIENTS_REACH_NONE');
    expect(res.body.error.message).toContain('UBND các xã, thị trấn');
    // On a date the group was in force, it goes through.
    const then = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, { date: '2021-02-03' });
    expect(then.status, JSON.stringify(then.body)).toBe(200);
  });
});
