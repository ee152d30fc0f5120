import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import type { RumorLegalBaseView } from '../../../shared/contracts/rumors.ts';
import { setUpDesk } from '../../../../test/builders/rumors.ts';
import type { Desk } from '../../../../test/builders/rumors.ts';

const NOW = new Date('2026-12-01T02:00:00Z');
type DirectiveOut = {
  subject: string;
  status: string;
  issuer: string;
  symbol: string;
  addressees: string[];
  recipients: { units: string[]; groups: string[] };
  body: unknown;
  urgency: string | null;
};

/** Confirmation requests (task or công văn) and answers, the police hand-off (legal bases, evidence, identity only when a desk lead attaches it), the press request. */
describeApi('rumor actions API', () => {
  let t: TestContext;
  let d: Desk;
  const directive = async (id: string) => {
    const res = await d.req('approver', 'GET', `/api/directives/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { directive: DirectiveOut }).directive;
  };
  beforeAll(async () => {
    t = await createTestContext('pglite', { now: NOW });
    d = await setUpDesk(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('confirmation as a task to Sở Y tế and as a công văn; the answers attached as evidence', async () => {
    const { caseId } = await d.report({ description: 'Tin nhắn lan truyền: bệnh viện tỉnh hết thuốc điều trị sốt xuất huyết', urls: ['https://zalo.me/g/abc'] });
    const question = 'Đề nghị Sở Y tế cho biết tình hình cung ứng thuốc điều trị sốt xuất huyết tại Bệnh viện Đa khoa tỉnh.';
    expect((await d.req('viewer', 'POST', `/api/rumors/cases/${caseId}/actions/confirmation`, { targetUnitId: d.ytId, question, via: 'task' })).statusCode).toBe(403);
    expect((await d.req('outsider', 'POST', `/api/rumors/cases/${caseId}/actions/confirmation`, { targetUnitId: d.ytId, question, via: 'task' })).statusCode).toBe(404);
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/confirmation`, { targetUnitId: d.soId, question, via: 'task' })).json()).toMatchObject({
      error: { code: 'RUMOR_SAME_UNIT' },
    });

    let c = d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/confirmation`, { targetUnitId: d.ytId, question, via: 'task' }), 201);
    expect(c.status).toBe('verifying');
    const byTask = c.actions[0]!;
    expect(byTask).toMatchObject({ kind: 'confirmation', state: 'open', targetUnit: { id: d.ytId, name: 'Sở Y tế tỉnh Lai Châu' }, directiveId: null, question });
    const task = (await d.req('drafter', 'GET', `/api/tasks/${byTask.taskId}`)).json() as {
      task: { title: string; description: string; issuerUnitId: string };
      assignees: { id: string }[];
    };
    expect(task.task).toMatchObject({ issuerUnitId: d.soId, title: expect.stringContaining('Xác minh thông tin') });
    expect(task.task.description).toContain(question);
    expect(task.assignees.map((u) => u.id)).toEqual([d.ytId]);

    c = d.detail(await d.req('lead', 'POST', `/api/rumors/cases/${caseId}/actions/confirmation`, { targetUnitId: d.ytId, question, via: 'directive' }), 201);
    const byLetter = c.actions.find((x) => x.id !== byTask.id)!;
    expect(byLetter).toMatchObject({ kind: 'confirmation', taskId: null, state: 'open' });
    const cv = await directive(byLetter.directiveId!);
    expect(cv).toMatchObject({
      status: 'draft',
      issuer: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu',
      symbol: 'SVHTTDL',
      addressees: ['Sở Y tế tỉnh Lai Châu'],
      recipients: { units: [d.ytId] },
    });
    expect(cv.subject).toContain('Đề nghị xác minh');
    expect(JSON.stringify(cv.body)).toContain(question);

    c = d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/${byTask.id}/answer`, { response: 'Bệnh viện đủ thuốc, không có tình trạng thiếu thuốc.' }));
    expect(c.actions.find((x) => x.id === byTask.id)).toMatchObject({
      state: 'answered',
      response: 'Bệnh viện đủ thuốc, không có tình trạng thiếu thuốc.',
      respondedAt: NOW.toISOString(),
    });
    expect(c.evidence).toEqual([
      expect.objectContaining({ kind: 'answer', title: 'Trả lời của Sở Y tế tỉnh Lai Châu', note: 'Bệnh viện đủ thuốc, không có tình trạng thiếu thuốc.' }),
    ]);
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/${byTask.id}/answer`, { response: 'again' })).json()).toMatchObject({
      error: { code: 'RUMOR_ACTION_CLOSED' },
    });
    // The công văn will not be answered now: withdrawn with a note.
    expect((await d.req('viewer', 'POST', `/api/rumors/cases/${caseId}/actions/${byLetter.id}/cancel`, { note: 'x' })).statusCode).toBe(403);
    c = d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/${byLetter.id}/cancel`, { note: 'Sở Y tế đã trả lời qua nhiệm vụ.' }));
    expect(c.actions.find((x) => x.id === byLetter.id)).toMatchObject({ state: 'cancelled' });
    expect(c.evidence.find((e) => e.kind === 'note')).toMatchObject({ title: 'Hủy yêu cầu gửi Sở Y tế tỉnh Lai Châu', note: 'Sở Y tế đã trả lời qua nhiệm vụ.' });
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/${byLetter.id}/cancel`, { note: 'x' })).json()).toMatchObject({
      error: { code: 'RUMOR_ACTION_CLOSED' },
    });
    expect((await auditEventsFor(t.c, caseId)).map((e) => e.action)).toEqual([
      'rumor.action.confirmation',
      'rumor.action.confirmation',
      'rumor.action.answer',
      'rumor.action.cancel',
    ]);
  });

  it('legal bases: seeded on first use, editable by the desk, not by a viewer', async () => {
    const list = (await d.req('viewer', 'GET', '/api/rumors/legal-bases')).json() as { items: RumorLegalBaseView[]; capabilities: { edit: boolean } };
    expect(list.capabilities.edit).toBe(false);
    expect(list.items.map((b) => b.code)).toEqual(['nd-15-2020-dieu-101', 'luat-an-ninh-mang-2018-dieu-8-16', 'blhs-2015-dieu-288']);
    expect(list.items[0]!.title).toContain('Nghị định số 15/2020/NĐ-CP');
    expect((await d.req('viewer', 'POST', '/api/rumors/legal-bases', { code: 'x', title: 'X' })).statusCode).toBe(403);
    const created = await d.req('drafter', 'POST', '/api/rumors/legal-bases', { code: 'luat-bao-chi-2016', title: 'Luật Báo chí số 103/2016/QH13' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await d.req('drafter', 'POST', '/api/rumors/legal-bases', { code: 'luat-bao-chi-2016', title: 'Lại' })).json()).toMatchObject({
      error: { code: 'RUMOR_LEGAL_BASIS_TAKEN' },
    });
    const id = (created.json() as { item: RumorLegalBaseView }).item.id;
    const off = await d.req('drafter', 'PATCH', `/api/rumors/legal-bases/${id}`, { active: false });
    expect((off.json() as { item: RumorLegalBaseView }).item.active).toBe(false);
    expect((await d.req('outsider', 'PATCH', `/api/rumors/legal-bases/${id}`, { active: true })).statusCode).toBe(404);
  });

  it('police hand-off: a công văn with the chosen legal bases and the evidence list, WITHOUT the identity; with it only when a desk lead attaches it (audited)', async () => {
    const { caseId, reportId, code } = await d.report({
      description: 'Video "Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu" chưa được kiểm chứng',
      urls: ['https://tiktok.com/@x/video/9'],
      informant: { name: 'Lò Văn Sáng', phone: '0987654321', email: 'sang@loa.test' },
    });
    d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/evidence`, { kind: 'link', title: 'Video gốc trên TikTok', url: 'https://tiktok.com/@x/video/9' }), 201);
    const bad = await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/police`, { targetUnitId: d.caId, legalBasisCodes: ['luat-bao-chi-2016'] });
    expect(bad.json()).toMatchObject({ error: { code: 'RUMOR_UNKNOWN_LEGAL_BASIS', message: expect.stringContaining('luat-bao-chi-2016') } });

    let c = d.detail(
      await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/police`, {
        targetUnitId: d.caId,
        legalBasisCodes: ['nd-15-2020-dieu-101', 'blhs-2015-dieu-288'],
        note: 'Tài khoản đăng tải có dấu hiệu giả mạo.',
      }),
      201,
    );
    const plain = c.actions[0]!;
    expect(plain).toMatchObject({ kind: 'police', targetUnit: { id: d.caId }, legalBasisCodes: ['nd-15-2020-dieu-101', 'blhs-2015-dieu-288'], informantAttached: false });
    const cv = await directive(plain.directiveId!);
    const text = JSON.stringify(cv);
    expect(cv).toMatchObject({ addressees: ['Công an tỉnh Lai Châu'], recipients: { units: [d.caId] }, urgency: 'khan' });
    expect(text).toContain('Nghị định số 15/2020/NĐ-CP');
    expect(text).toContain('Điều 288');
    expect(text).not.toContain('Luật An ninh mạng');
    expect(text).toContain('Danh mục tài liệu, chứng cứ kèm theo');
    expect(text).toContain('Video gốc trên TikTok — https://tiktok.com/@x/video/9');
    expect(text).toContain('Hàng dài người từ Trung Quốc');
    for (const secret of ['Lò Văn Sáng', '0987654321', 'sang@loa.test']) expect(text).not.toContain(secret);

    // Attaching the informant: only a desk lead (rumor.reveal); a drafter is refused.
    const attach = {
      targetUnitId: d.caId,
      legalBasisCodes: ['luat-an-ninh-mang-2018-dieu-8-16'],
      attachInformants: { reportIds: [reportId], reason: 'Công an đề nghị cung cấp nhân chứng' },
    };
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/police`, attach)).statusCode).toBe(403);
    expect((await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/actions/police`, attach)).statusCode).toBe(403);
    c = d.detail(await d.req('lead', 'POST', `/api/rumors/cases/${caseId}/actions/police`, attach), 201);
    const named = c.actions.find((x) => x.id !== plain.id)!;
    expect(named.informantAttached).toBe(true);
    expect(JSON.stringify(c)).not.toContain('0987654321');
    const withId = JSON.stringify(await directive(named.directiveId!));
    expect(withId).toContain('Lò Văn Sáng');
    expect(withId).toContain('0987654321');
    expect(withId).toContain('bảo đảm bí mật tuyệt đối');

    const events = await auditEventsFor(t.c, caseId);
    expect(events.map((e) => e.action)).toEqual(['rumor.evidence.add', 'rumor.action.police', 'rumor.action.police', 'rumor.informant.attach']);
    expect(events.at(-1)).toMatchObject({ actorId: d.ids.lead, after: { reportCodes: [code], reason: 'Công an đề nghị cung cấp nhân chứng' } });
    expect(JSON.stringify(events)).not.toMatch(/Lò Văn Sáng|0987654321|sang@loa\.test/);
  });

  it('press request: only after an approved conclusion; a công văn to the press carrying the verdict, "đồng loạt phản ánh để tạo dư luận đúng"', async () => {
    const { caseId } = await d.report({ description: 'Thông tin thủy điện Nậm Na xả lũ khẩn cấp trong đêm nay' });
    const body = { targetUnitIds: [d.pressId] };
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/press`, body)).json()).toMatchObject({ error: { code: 'RUMOR_NOT_CONCLUDED' } });
    expect((await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/press`, { targetUnitIds: [] })).statusCode).toBe(400);
    d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/conclusion`, { verdict: 'false', summary: 'Công ty thủy điện xác nhận không xả lũ.' }));
    d.detail(await d.req('approver', 'POST', `/api/rumors/cases/${caseId}/conclusion/approve`));
    const c = d.detail(await d.req('drafter', 'POST', `/api/rumors/cases/${caseId}/actions/press`, body), 201);
    const press = c.actions[0]!;
    expect(press).toMatchObject({ kind: 'press', targetUnit: { id: d.pressId, name: 'Báo Lai Châu' } });
    const cv = await directive(press.directiveId!);
    expect(cv).toMatchObject({ addressees: ['Báo Lai Châu'], recipients: { units: [d.pressId] } });
    const text = JSON.stringify(cv.body);
    expect(text).toContain('đồng loạt phản ánh để tạo dư luận đúng');
    expect(text).toContain('sai sự thật');
    expect(text).toContain('Công ty thủy điện xác nhận không xả lũ.');
  });
});
