/* eslint-disable @typescript-eslint/no-unsafe-call -- API responses are untyped JSON here; the assertions check their shape. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { buildActors, client, draftBody, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { findJobsByIdPrefix } from '../../jobs/jobs.repository.ts';

describeApi('directives: draft → issue → inbox → tracking', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  const mailer = memoryMailer();
  beforeAll(async () => {
    t = await createTestContext(kind, { mailer });
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
    await t.c.services.units.updateContacts(SYSTEM_ACTOR, TT_TAM_DUONG, { emails: ['vanthu@tttamduong.example'], phones: [], address: null, website: null });
  });
  afterAll(() => t.close());

  it('runs the whole flow to a recipient group, and the commune acknowledges', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.directive.id as string;
    expect(created.body.directive).toMatchObject({ status: 'draft', number: null, fullSymbol: '/VHTT-TT&TT' });

    expect((await call(x.drafter, 'POST', `/api/directives/${id}/submit`)).body.directive.status).toBe('submitted');
    expect((await call(x.approver, 'POST', `/api/directives/${id}/approve`)).body.directive.status).toBe('approved');
    expect((await call(x.approver, 'POST', `/api/directives/${id}/sign`)).body.directive.status).toBe('signed');
    const issued = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.directive).toMatchObject({ status: 'issued', number: '01', fullSymbol: '01/VHTT-TT&TT', year: 2021, date: '2021-02-03' });

    // The commune sees it in its inbox, opens it (readAt) and acknowledges it (acknowledgedAt).
    const inbox = await call(x.communeClerk, 'GET', '/api/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.total).toBe(1);
    const item = inbox.body.items[0];
    expect(item).toMatchObject({ arrivalNumber: '01', arrivalYear: 2021, readAt: null, acknowledgedAt: null, directive: { id, number: '01' } });

    t.clock.set(new Date('2021-02-03T04:00:00Z'));
    const opened = await call(x.communeClerk, 'GET', `/api/inbox/${item.itemId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.item.readAt).toBe('2021-02-03T04:00:00.000Z');
    expect(opened.body.directive.body.sections[0].blocks[0].runs[1]).toEqual({ text: 'Mọi thông tin của người cung cấp thông tin được đảm bảo bảo mật tuyệt đối.', bold: true });

    t.clock.set(new Date('2021-02-03T05:30:00Z'));
    const acked = await call(x.communeClerk, 'POST', `/api/inbox/${item.itemId}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body.item.acknowledgedAt).toBe('2021-02-03T05:30:00.000Z');
    const again = await call(x.communeClerk, 'POST', `/api/inbox/${item.itemId}/acknowledge`);
    expect(again.body.item.acknowledgedAt).toBe('2021-02-03T05:30:00.000Z');

    // The issuer's tracking: every commune of Tam Đường delivered, this one read and acknowledged.
    const tracking = await call(x.clerk, 'GET', `/api/directives/${id}/tracking`);
    expect(tracking.status).toBe(200);
    const communes = await t.c.services.groups.listMembers(SYSTEM_ACTOR, x.group.id, '2021-02-03');
    expect(communes.length).toBeGreaterThan(5);
    expect(tracking.body.counts).toMatchObject({ total: communes.length, read: 1, acknowledged: 1, revoked: 0 });
    const mine = tracking.body.items.find((r: { unitId: string }) => r.unitId === TT_TAM_DUONG);
    expect(mine).toMatchObject({ readAt: '2021-02-03T04:00:00.000Z', acknowledgedAt: '2021-02-03T05:30:00.000Z', arrivalNumber: '01' });
    expect(tracking.body.items.every((r: { deliveredAt: string }) => r.deliveredAt === '2021-02-03T03:00:00.000Z')).toBe(true);

    // E-mail: one job per recipient unit with a deterministic id; the unit with contacts gets mail.
    const jobs = await findJobsByIdPrefix(t.c.database.db, `directive-mail:${id}:`);
    expect(jobs.length).toBe(tracking.body.counts.total);
    await t.c.jobs.drain();
    const sent = mailer.sent.filter((m) => m.to === 'vanthu@tttamduong.example');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toContain('01/VHTT-TT&TT');
    expect((await call(x.clerk, 'GET', `/api/directives/${id}/tracking`)).body.counts.emailed).toBe(1);

    // Every step is in the audit trail, in order.
    const actions = (await auditEventsFor(t.c, id)).map((e) => e.action);
    expect(actions).toEqual([
      'directive.create',
      'directive.submit',
      'directive.approve',
      'directive.sign',
      'directive.issue',
      'directive.receive.read',
      'directive.receive.acknowledge',
    ]);
  });

  it('returns with comments at each step, and the drafter resubmits', async () => {
    const created = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { subject: 'Về việc trả lại để sửa' }));
    const id = created.body.directive.id as string;
    await call(x.drafter, 'POST', `/api/directives/${id}/submit`);
    const returned = await call(x.approver, 'POST', `/api/directives/${id}/return`, { comment: 'Bổ sung căn cứ pháp lý.' });
    expect(returned.status).toBe(200);
    expect(returned.body.directive).toMatchObject({ status: 'returned', returnedFrom: 'submitted', returnComment: 'Bổ sung căn cứ pháp lý.' });
    const edited = await call(x.drafter, 'PATCH', `/api/directives/${id}`, { legalBases: ['Căn cứ Luật Tiếp cận thông tin năm 2016;'] });
    expect(edited.status).toBe(200);
    await call(x.drafter, 'POST', `/api/directives/${id}/submit`);
    await call(x.approver, 'POST', `/api/directives/${id}/approve`);
    await call(x.approver, 'POST', `/api/directives/${id}/sign`);
    // The clerk finds a formatting problem before issuing.
    const byClerk = await call(x.clerk, 'POST', `/api/directives/${id}/return`, { comment: 'Sai thể thức nơi nhận.' });
    expect(byClerk.body.directive).toMatchObject({ status: 'returned', returnedFrom: 'signed' });
    // A returned directive cannot be issued: clear Vietnamese error, 409.
    const bad = await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('DIRECTIVE_INVALID_STATE');
    expect(bad.body.error.message).toBe('Văn bản đang ở trạng thái "bị trả lại" nên không thể ban hành.');
    const actions = (await auditEventsFor(t.c, id)).map((e) => e.action);
    expect(actions).toEqual([
      'directive.create',
      'directive.submit',
      'directive.return',
      'directive.update',
      'directive.submit',
      'directive.approve',
      'directive.sign',
      'directive.return',
    ]);
  });

  it('revokes an issued directive: inbox items marked revoked, recipients notified', async () => {
    const id = await signedDirective(t.app, x, { subject: 'Văn bản sẽ bị thu hồi' });
    await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    const revoked = await call(x.approver, 'POST', `/api/directives/${id}/revoke`, { reason: 'Ban hành nhầm đối tượng.' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.directive).toMatchObject({ status: 'revoked', revokeReason: 'Ban hành nhầm đối tượng.' });
    const inbox = await call(x.communeClerk, 'GET', '/api/inbox');
    const item = inbox.body.items.find((i: { directive: { id: string } }) => i.directive.id === id);
    expect(item.revokedAt).not.toBeNull();
    expect(item.directive.status).toBe('revoked');
    const ack = await call(x.communeClerk, 'POST', `/api/inbox/${item.itemId}/acknowledge`);
    expect(ack.status).toBe(409);
    const jobs = await findJobsByIdPrefix(t.c.database.db, `directive-revoked:${id}:`);
    expect(jobs.length).toBeGreaterThan(0);
    mailer.sent.length = 0;
    await t.c.jobs.drain();
    expect(mailer.sent.some((m) => m.to === 'vanthu@tttamduong.example' && m.subject.startsWith('Thu hồi văn bản'))).toBe(true);
    expect((await auditEventsFor(t.c, id)).map((e) => e.action)).toContain('directive.revoke');
  });

  it('amends: a new draft references the old one, which lists it', async () => {
    const id = await signedDirective(t.app, x, { subject: 'Văn bản được sửa đổi' });
    await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    const amended = await call(x.drafter, 'POST', `/api/directives/${id}/amend`);
    expect(amended.status).toBe(201);
    expect(amended.body.directive).toMatchObject({ status: 'draft', number: null, references: { directiveId: id, relation: 'amends' } });
    const old = await call(x.drafter, 'GET', `/api/directives/${id}`);
    expect(old.body.directive.referencedBy.map((r: { id: string }) => r.id)).toEqual([amended.body.directive.id]);
  });

  it('searches without diacritics, filters, links citations both ways', async () => {
    const cited = await signedDirective(t.app, x, { subject: 'Kế hoạch truyền thông phòng chống thiên tai', docType: 'KH', symbol: 'KH-VHTT' });
    const issued = await call(x.clerk, 'POST', `/api/directives/${cited}/issue`, {});
    const number = Number(issued.body.directive.number);
    const citing = await call(
      x.drafter,
      'POST',
      '/api/directives',
      draftBody(x, {
        subject: 'Triển khai kế hoạch phòng chống thiên tai',
        citations: [{ type: 'Kế hoạch', number, symbol: 'KH - VHTT', date: '2021-02-03' }],
      }),
    );
    expect(citing.body.directive.citations[0].directiveId).toBe(cited);
    const citingId = citing.body.directive.id as string;
    for (const [s, step] of [
      [x.drafter, 'submit'],
      [x.approver, 'approve'],
      [x.approver, 'sign'],
      [x.clerk, 'issue'],
    ] as const)
      await call(s, 'POST', `/api/directives/${citingId}/${step}`, step === 'issue' ? {} : undefined);
    const detail = await call(x.drafter, 'GET', `/api/directives/${cited}`);
    expect(detail.body.directive.citedBy.map((d: { id: string }) => d.id)).toEqual([citingId]);

    const found = await call(x.drafter, 'GET', `/api/directives?q=${encodeURIComponent('THIEN TAI phong chong')}`);
    expect(found.body.items.map((d: { id: string }) => d.id).sort()).toEqual([cited, citingId].sort());
    const kh = await call(x.drafter, 'GET', `/api/directives?q=thien%20tai&type=KH&year=2021&status=issued&issuerId=${x.office.id}`);
    expect(kh.body.items.map((d: { id: string }) => d.id)).toEqual([cited]);
    // Body text counts too ("bảo mật tuyệt đối" is bold in the body only).
    const body = await call(x.drafter, 'GET', '/api/directives?q=bao%20mat%20tuyet%20doi&limit=200');
    expect(body.body.total).toBeGreaterThan(0);
  });
});
