import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { setUpDesk } from '../../../../test/builders/rumors.ts';
import type { Desk } from '../../../../test/builders/rumors.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
const HOUR = 3_600_000;

/** The case workflow by role: detail, editing, deadlines by severity, assignment, evidence, the conclusion approved or returned, audit. */
describeApi('rumor cases workflow API', () => {
  let t: TestContext;
  let d: Desk;
  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW });
    d = await setUpDesk(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('detail by role: the desk reads it with capabilities, another unit gets 404, a viewer reads but may not write (403)', async () => {
    const seen = new Date(NOW.getTime() - 2 * HOUR);
    const { caseId, code } = await d.report({
      description: 'Clip nói nước máy thành phố nhiễm độc, không được dùng để nấu ăn',
      urls: ['https://facebook.com/xyz/videos/1'],
      informant: { email: 'dan@loa.test' },
      seenAt: seen,
    });
    const c = d.detail(await d.req('drafter', 'GET', `/api/rumors/cases/${caseId}`));
    expect(c).toMatchObject({
      status: 'unverified',
      severity: 'medium',
      reportCount: 1,
      firstAppearanceUrl: 'https://facebook.com/xyz/videos/1',
      correction: null,
      evidence: [],
      actions: [],
    });
    expect(c.respondBy).toBe(new Date(seen.getTime() + 72 * HOUR).toISOString());
    expect(c.reports).toEqual([expect.objectContaining({ code, hasInformant: true, canNotify: true })]);
    expect(c.capabilities).toEqual({ canWrite: true, canApprove: false, canReveal: false, canPublish: false, canStartVerification: true, canPropose: true });
    // Nothing identifying in the detail.
    expect(JSON.stringify(c)).not.toContain('dan@loa.test');
    expect(d.detail(await d.req('lead', 'GET', `/api/rumors/cases/${caseId}`)).capabilities.canReveal).toBe(true);

    expect((await d.req('outsider', 'GET', `/api/rumors/cases/${caseId}`)).statusCode).toBe(404);
    expect((await d.req('outsider', 'PATCH', `/api/rumors/cases/${caseId}`, { severity: 'high' })).statusCode).toBe(404);
    expect((await d.req('drafter', 'GET', `/api/rumors/cases/${randomUUID()}`)).statusCode).toBe(404);
    expect((await d.req(null, 'GET', `/api/rumors/cases/${caseId}`)).statusCode).toBe(401);
    expect(d.detail(await d.req('viewer', 'GET', `/api/rumors/cases/${caseId}`)).capabilities.canWrite).toBe(false);
    const denied = await d.req('viewer', 'PATCH', `/api/rumors/cases/${caseId}`, { severity: 'high' });
    expect(denied.statusCode).toBe(403);
    expect((await d.req('viewer', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'note', title: 'x', note: 'y' })).statusCode).toBe(403);
  });

  it('severity sets the deadline from the first report; assignment only to a desk user who may write; starting verification; audit', async () => {
    const { caseId } = await d.report({ description: 'Tin đồn sập cầu treo bản Nậm Cuổi làm nhiều người chết', seenAt: new Date(NOW.getTime() - HOUR) });
    const first = NOW.getTime() - HOUR;
    let c = d.detail(await d.req('drafter', 'PATCH', `/api/rumors/cases/${caseId}`, { severity: 'critical' }));
    expect(c.respondBy).toBe(new Date(first + 6 * HOUR).toISOString());
    t.clock.set(new Date(NOW.getTime() + 6 * HOUR));
    expect(d.detail(await d.req('drafter', 'GET', `/api/rumors/cases/${caseId}`)).overdue).toBe(true);
    c = d.detail(await d.req('drafter', 'PATCH', `/api/rumors/cases/${caseId}`, { severity: 'low' }));
    expect(c).toMatchObject({ severity: 'low', respondBy: new Date(first + 168 * HOUR).toISOString(), overdue: false });
    t.clock.set(NOW);

    const bad = await d.req('drafter', 'PATCH', `/api/rumors/cases/${caseId}`, { assigneeId: d.ids.viewer });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'RUMOR_BAD_ASSIGNEE', message: expect.stringContaining('Người được giao') } });
    expect((await d.req('drafter', 'PATCH', `/api/rumors/cases/${caseId}`, { assigneeId: d.ids.outsider })).statusCode).toBe(422);
    c = d.detail(await d.req('drafter', 'PATCH', `/api/rumors/cases/${caseId}`, { assigneeId: d.ids.lead }));
    expect(c.assignee).toMatchObject({ id: d.ids.lead });
    const mine = (await d.req('lead', 'GET', '/api/rumors/cases?mine=true')).json() as { cases: { id: string }[] };
    expect(mine.cases.map((x) => x.id)).toEqual([caseId]);

    c = d.detail(await d.req('lead', 'PATCH', `/api/rumors/cases/${caseId}`, { status: 'verifying', title: 'Tin "sập cầu treo Nậm Cuổi"' }));
    expect(c).toMatchObject({ status: 'verifying', title: 'Tin "sập cầu treo Nậm Cuổi"', capabilities: { canStartVerification: false } });
    const again = await d.req('lead', 'PATCH', `/api/rumors/cases/${caseId}`, { status: 'verifying' });
    expect(again.json()).toMatchObject({ error: { code: 'RUMOR_BAD_STATE' } });
    expect((await d.req('lead', 'PATCH', `/api/rumors/cases/${caseId}`, {})).statusCode).toBe(400);

    const actions = (await auditEventsFor(t.c, caseId)).map((e) => e.action);
    expect(actions).toEqual(['rumor.case.update', 'rumor.case.update', 'rumor.case.assign', 'rumor.case.start_verification']);
    const severity = (await auditEventsFor(t.c, caseId))[0]!;
    expect(severity).toMatchObject({ before: { severity: 'medium' }, after: { severity: 'critical' } });
  });

  it('evidence: documents, links and notes, validated; a conclusion proposed, returned with a note, proposed again and approved by another leader', async () => {
    const { caseId } = await d.report({ description: 'Ảnh chế công văn tỉnh cho học sinh nghỉ học cả tuần vì rét đậm', informant: { phone: '0912345678' } });
    const noUrl = await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'link', title: 'Bài gốc' });
    expect(noUrl.statusCode).toBe(400);
    const js = await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'link', title: 'x', url: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(400);
    d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'link', title: 'Bài đăng gốc trên Facebook', url: 'https://facebook.com/p/123' }), 201);
    d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'document', title: 'Công văn 123/SGDĐT về lịch học' }), 201);
    let c = d.detail(
      await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'note', title: 'Gọi điện Sở GD&ĐT', note: 'Sở khẳng định không có văn bản nào như vậy.' }),
      201,
    );
    // (One clock instant in the test: the order among same-time rows is not asserted.)
    expect(c.evidence).toHaveLength(3);
    expect(c.evidence.map((e) => [e.kind, e.title, e.createdBy?.id])).toEqual(
      expect.arrayContaining([
        ['link', 'Bài đăng gốc trên Facebook', d.ids.drafter],
        ['document', 'Công văn 123/SGDĐT về lịch học', d.ids.drafter],
        ['note', 'Gọi điện Sở GD&ĐT', d.ids.drafter],
      ]),
    );

    // Approving needs a proposal; proposing needs rumor.write.
    expect((await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/conclusion/approve`)).json()).toMatchObject({ error: { code: 'RUMOR_BAD_STATE' } });
    expect((await d.req('viewer', 'POST', `/api/rumors/cases/${caseId}/conclusion`, { verdict: 'false', summary: 'x' })).statusCode).toBe(403);
    c = d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/conclusion`, { verdict: 'partly_false', summary: 'Có rét đậm nhưng không có lệnh nghỉ học.' }));
    expect(c).toMatchObject({ status: 'verifying', verdict: 'partly_false', conclusionState: 'proposed', proposedBy: { id: d.ids.drafter }, approvedBy: null });
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/conclusion/approve`)).statusCode).toBe(403);
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/conclusion`, { verdict: 'false', summary: 'x' })).json()).toMatchObject({
      error: { code: 'RUMOR_BAD_STATE' },
    });
    expect(d.detail(await d.req('approver', 'GET', `/api/rumors/cases/${caseId}`)).capabilities).toMatchObject({ canApprove: true, canPropose: false });

    c = d.detail(await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/conclusion/return`, { note: 'Cần trả lời chính thức của Sở GD&ĐT.' }));
    expect(c).toMatchObject({ conclusionState: null, status: 'verifying' });
    expect(c.evidence.find((e) => e.createdBy?.id === d.ids.approver)).toMatchObject({ kind: 'note', note: 'Cần trả lời chính thức của Sở GD&ĐT.' });

    // The leader who proposes may not approve their own proposal: another leader does.
    d.detail(await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/conclusion`, { verdict: 'false', summary: 'Sở GD&ĐT xác nhận không ban hành văn bản này.' }));
    const own = await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/conclusion/approve`);
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ error: { code: 'RUMOR_OWN_PROPOSAL', message: expect.stringContaining('không được tự duyệt') } });
    c = d.detail(await d.req('approver2', 'POST', `/api/rumors/cases/${caseId}/conclusion/approve`));
    expect(c).toMatchObject({ status: 'concluded', verdict: 'false', conclusionState: 'approved', approvedBy: { id: d.ids.approver2 }, closedAt: null, overdue: false });
    expect(c.capabilities).toMatchObject({ canApprove: false, canStartVerification: false, canPropose: false });
    expect(d.detail(await d.req('approver', 'GET', `/api/rumors/cases/${caseId}`)).capabilities.canPublish).toBe(true);
    expect((await d.req('drafter', 'PATCH', `/api/rumors/cases/${caseId}`, { title: 'Khác' })).json()).toMatchObject({ error: { code: 'RUMOR_BAD_STATE' } });

    const events = await auditEventsFor(t.c, caseId);
    expect(events.map((e) => e.action)).toEqual([
      'rumor.evidence.add',
      'rumor.evidence.add',
      'rumor.evidence.add',
      'rumor.conclusion.propose',
      'rumor.conclusion.return',
      'rumor.conclusion.propose',
      'rumor.conclusion.approve',
    ]);
    expect(events.at(-1)).toMatchObject({ after: { status: 'concluded', verdict: 'false', conclusionState: 'approved' } });
    // No audit row carries the informant's phone.
    expect(JSON.stringify(events)).not.toContain('0912345678');
  });

  it('a verdict with nothing to correct (out of scope) closes the case at approval and tells the requesters at once', async () => {
    const { caseId } = await d.report({ description: 'Hỏi về giá vé xe khách Lai Châu - Hà Nội dịp Tết', informant: { email: 'hoi@loa.test' } });
    d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/conclusion`, { verdict: 'out_of_scope', summary: 'Không phải thông tin sai sự thật.' }));
    const c = d.detail(await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/conclusion/approve`));
    expect(c.closedAt).toBe(NOW.toISOString());
    expect(c.requestersNotifiedAt).toBe(NOW.toISOString());
    expect(c.capabilities.canPublish).toBe(false);
    expect((await auditEventsFor(t.c, caseId)).map((e) => e.action)).toEqual([
      'rumor.conclusion.propose',
      'rumor.conclusion.approve',
      'rumor.requesters.notify',
      'rumor.case.close',
    ]);
  });
});
