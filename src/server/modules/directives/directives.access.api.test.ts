/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { lastAuditId, auditEventsSince } from '../../../../test/support/db.ts';
import { TT_TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import { directiveCitations, directiveRecipients, directives } from '../../db/schema/index.ts';
import { buildActors, client, draftBody, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { findJobsByIdPrefix } from '../../jobs/jobs.repository.ts';

describeApi('directives: bad input and access', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
  });
  afterAll(() => t.close());
  const countRows = async (_c: unknown, table: PgTable) => (await t.c.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

  async function snapshot() {
    return {
      directives: await countRows(t.c, directives),
      citations: await countRows(t.c, directiveCitations),
      recipients: await countRows(t.c, directiveRecipients),
      jobs: (await findJobsByIdPrefix(t.c.database.db, '')).length,
    };
  }

  it('refuses bad drafts with clear Vietnamese errors and changes nothing', async () => {
    const before = await snapshot();
    const audit = await lastAuditId(t.c);
    const { subject: _s, ...noSubject } = draftBody(x);
    const missing = await call(x.drafter, 'POST', '/api/directives', noSubject);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.message).toContain('subject: trích yếu (V/v) phải là chuỗi ký tự');

    const blank = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { subject: '   ' }));
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toContain('trích yếu (V/v) không được để trống');

    const kh = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { docType: 'KH', symbol: 'VHTT' }));
    expect(kh.status).toBe(400);
    expect(kh.body.error.message).toContain('ký hiệu của Kế hoạch phải bắt đầu bằng "KH-"');

    const unknownUnit = '11111111-1111-4111-8111-111111111111';
    const unit = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { recipients: { units: [unknownUnit], groups: [] } }));
    expect(unit.status).toBe(400);
    expect(unit.body.error).toEqual({ code: 'UNKNOWN_UNIT', message: `Đơn vị không tồn tại: ${unknownUnit}.` });

    const group = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { recipients: { units: [], groups: [unknownUnit] } }));
    expect(group.status).toBe(400);
    expect(group.body.error.code).toBe('UNKNOWN_GROUP');

    // The designated signer must be a leader (approver role) of the issuing unit.
    const signer = await call(
      x.drafter,
      'POST',
      '/api/directives',
      draftBody(x, { signer: { name: 'Nguyễn Văn A', userId: (await buildSignedInUser(t.c, { unitId: x.office.id, roles: ['drafter'] })).user.id } }),
    );
    expect(signer.status).toBe(403);
    expect(signer.body.error).toEqual({
      code: 'SIGNER_NOT_ALLOWED',
      message: 'Người ký phải có vai trò Lãnh đạo duyệt, ký của đơn vị ban hành (PHÒNG VĂN HÓA VÀ THÔNG TIN).'.replace('PHÒNG VĂN HÓA VÀ THÔNG TIN', x.office.name),
    });

    expect(await snapshot()).toEqual(before);
    expect((await auditEventsSince(t.c, audit)).filter((e) => e.entity === 'directive')).toEqual([]);
  });

  it('only a leader of the issuing unit signs', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { signer: { position: 'TRƯỞNG PHÒNG' } }));
    const id = created.body.directive.id as string;
    await call(x.drafter, 'POST', `/api/directives/${id}/submit`);
    await call(x.approver, 'POST', `/api/directives/${id}/approve`);
    const before = await snapshot();
    for (const s of [x.drafter, x.clerk]) {
      const res = await call(s, 'POST', `/api/directives/${id}/sign`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('SIGNER_NOT_ALLOWED');
      expect(res.body.error.message).toMatch(/^Người ký phải có vai trò Lãnh đạo duyệt, ký của đơn vị ban hành/);
    }
    // A leader of another district does not even learn the directive exists.
    expect((await call(x.outsiderClerk, 'POST', `/api/directives/${id}/sign`)).status).toBe(404);
    // A drafter cannot approve; a clerk cannot issue an unsigned directive.
    expect((await call(x.drafter, 'POST', `/api/directives/${id}/approve`)).status).toBe(403);
    expect((await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {})).status).toBe(409);
    expect(await snapshot()).toEqual(before);
    expect((await call(x.drafter, 'GET', `/api/directives/${id}`)).body.directive.status).toBe('approved');
  });

  it('keeps communes out of drafts and out of each other’s inboxes', async () => {
    const draft = await call(x.drafter, 'POST', '/api/directives', draftBody(x));
    const draftId = draft.body.directive.id as string;
    expect((await call(x.communeClerk, 'GET', `/api/directives/${draftId}`)).status).toBe(404);
    expect((await call(x.communeClerk, 'GET', `/api/directives/${draftId}/tracking`)).status).toBe(404);
    expect((await call(x.communeClerk, 'PATCH', `/api/directives/${draftId}`, { subject: 'Sửa trộm' })).status).toBe(404);
    const search = await call(x.communeClerk, 'GET', '/api/directives?q=covid');
    expect(search.status).toBe(200);
    expect(search.body.items.map((d: { id: string }) => d.id)).not.toContain(draftId);
    expect((await call(null, 'GET', `/api/directives/${draftId}`)).status).toBe(401);

    const id = await signedDirective(t.app, x);
    await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    const mine = (await call(x.communeClerk, 'GET', '/api/inbox')).body.items.find((i: { directive: { id: string } }) => i.directive.id === id);
    const theirs = (await call(x.otherCommuneClerk, 'GET', '/api/inbox')).body.items.find((i: { directive: { id: string } }) => i.directive.id === id);
    expect(mine.unitId).toBe(TT_TAM_DUONG);
    expect(theirs.unitId).toBe(x.otherCommuneId);

    // The other commune's item: 404 on open, acknowledge and list; nothing is marked.
    expect((await call(x.communeClerk, 'GET', `/api/inbox/${theirs.itemId}`)).status).toBe(404);
    expect((await call(x.communeClerk, 'POST', `/api/inbox/${theirs.itemId}/acknowledge`)).status).toBe(404);
    expect((await call(x.communeClerk, 'GET', `/api/inbox?unitId=${x.otherCommuneId}`)).status).toBe(404);
    expect((await call(x.outsiderClerk, 'GET', `/api/directives/${id}`)).status).toBe(404);
    const tracking = await call(x.clerk, 'GET', `/api/directives/${id}/tracking?filter=unread`);
    expect(tracking.body.items.some((r: { unitId: string }) => r.unitId === x.otherCommuneId)).toBe(true);

    // A recipient reads what it received, but not the issuer's tracking.
    expect((await call(x.communeClerk, 'GET', `/api/directives/${id}`)).status).toBe(200);
    expect((await call(x.communeClerk, 'GET', `/api/directives/${id}/tracking`)).status).toBe(404);
    // Forged CSRF: refused.
    const forged = await t.app.inject({ method: 'POST', url: `/api/inbox/${mine.itemId}/acknowledge`, headers: { cookie: x.communeClerk.cookie, 'x-csrf-token': 'x' } });
    expect(forged.statusCode).toBe(403);
  });
});
