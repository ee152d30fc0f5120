import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, TT_MUONG_TE, TT_TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { buildActors, client, draftBody, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { actorIn } from '../../../../test/builders/broadcasts.ts';
import { TODO_KINDS } from '../../../shared/contracts/todo.ts';
import type { TodoKind, TodoView } from '../../../shared/contracts/todo.ts';

/** Wednesday 3 February 2021, 10:00 in Viet Nam. */
const NOW = new Date('2021-02-03T03:00:00Z');

describeApi('start page (GET /api/todo) per role', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  let viewer: Session;
  let reporter: Session;
  let outsider: Session;
  let returnedId: string;
  let submittedId: string;
  let approvedId: string;
  let signedId: string;
  let taskId: string;

  async function todo(s: Session): Promise<TodoView> {
    const res = await call(s, 'GET', '/api/todo');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as TodoView;
  }
  const ofKind = (v: TodoView, k: TodoKind) => v.items.filter((i) => i.kind === k);

  beforeAll(async () => {
    t = await createTestContext(kind, { now: NOW });
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
    viewer = (await buildSignedInUser(t.c, { unitId: x.office.id, roles: ['viewer'] })).session;
    reporter = (await buildSignedInUser(t.c, { unitId: TT_TAM_DUONG, roles: ['reporter'] })).session;
    outsider = (await buildSignedInUser(t.c, { unitId: TT_MUONG_TE, roles: ['drafter', 'approver', 'clerk', 'reporter'] })).session;

    // One directive waiting at each step of the workflow.
    const draft = async (subject: string) => {
      const r = await call(x.drafter, 'POST', '/api/directives', draftBody(x, { subject }));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return String(r.body.directive.id);
    };
    returnedId = await draft('Dự thảo bị trả lại để sửa');
    expect((await call(x.drafter, 'POST', `/api/directives/${returnedId}/submit`)).status).toBe(200);
    expect((await call(x.approver, 'POST', `/api/directives/${returnedId}/return`, { comment: 'Bổ sung căn cứ' })).status).toBe(200);
    submittedId = await draft('Văn bản chờ duyệt');
    expect((await call(x.drafter, 'POST', `/api/directives/${submittedId}/submit`)).status).toBe(200);
    approvedId = await draft('Văn bản chờ ký');
    expect((await call(x.drafter, 'POST', `/api/directives/${approvedId}/submit`)).status).toBe(200);
    expect((await call(x.approver, 'POST', `/api/directives/${approvedId}/approve`)).status).toBe(200);
    signedId = await signedDirective(t.app, x, { subject: 'Văn bản chờ ban hành' });

    // A weekly report (Thursday 16:00) every commune of Tam Đường owes since 1 January.
    const task = await call(x.drafter, 'POST', '/api/tasks', {
      issuerUnitId: x.office.id,
      title: 'Báo cáo kết quả tuyên truyền hằng tuần',
      dueRule: { kind: 'weekly', weekday: 4, time: '16:00', from: '2021-01-01' },
      assignees: { rules: [{ type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG }] },
      reportForm: { template: 'tuyen-truyen' },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    taskId = String(task.body.task.id);
  });
  afterAll(() => t.close());

  it('refuses an anonymous caller and is in the OpenAPI document', async () => {
    expect((await call(null, 'GET', '/api/todo')).status).toBe(401);
    const doc = await call(null, 'GET', '/api/openapi.json');
    expect(doc.body.paths['/api/todo'].get.responses['200']).toBeDefined();
  });

  it('a drafter with a returned draft sees it, linked to the draft, and nothing to approve or sign', async () => {
    const v = await todo(x.drafter);
    expect(ofKind(v, 'draft_returned')).toEqual([{ kind: 'draft_returned', title: 'Dự thảo bị trả lại để sửa', dueAt: null, href: `/admin/#/outgoing/${returnedId}`, count: 1 }]);
    expect(v.counts.draft_returned).toBe(1);
    expect(v.counts.to_approve + v.counts.to_sign + v.counts.to_issue).toBe(0);
    expect(Object.keys(v.counts).sort()).toEqual([...TODO_KINDS].sort());
  });

  it('the approver sees what to approve and what to sign; a viewer of the same unit gets no "to sign" items', async () => {
    const v = await todo(x.approver);
    expect(ofKind(v, 'to_approve').map((i) => i.href)).toEqual([`/admin/#/outgoing/${submittedId}`]);
    expect(ofKind(v, 'to_sign').map((i) => i.href)).toEqual([`/admin/#/outgoing/${approvedId}`]);
    expect(v.counts).toMatchObject({ to_approve: 1, to_sign: 1, draft_returned: 0, to_issue: 0 });

    const seen = await todo(viewer);
    expect(seen.counts).toMatchObject({ draft_returned: 0, to_approve: 0, to_sign: 0, to_issue: 0 });
    expect(seen.items.filter((i) => i.href.includes('/outgoing/'))).toEqual([]);
  });

  it("the approver sees the unit's submitted SMS message and bulletin to approve; the drafter and the viewer do not", async () => {
    const drafter = await actorIn(t.c, x.office.id, 'drafter');
    const sms = await t.c.services.broadcasts.createBroadcast(drafter, {
      unitId: x.office.id,
      title: 'Nhắc lịch tiêm chủng',
      priority: 'thuong',
      smsText: 'Lich tiem chung tuan nay',
      unaccented: false,
      audience: { unitIds: [x.office.id], listIds: [] },
    });
    await t.c.services.broadcasts.submitBroadcast(drafter, sms.id);
    const b = await t.c.services.bulletins.createBulletin(drafter, {
      unitId: x.office.id,
      title: 'Bản tin sáng',
      priority: 'thuong',
      source: 'tts',
      text: 'Thông báo lịch tiêm chủng.',
      repeat: 1,
      targetUnitIds: [],
    });
    await t.c.services.bulletins.submitBulletin(drafter, b.id);
    const v = await todo(x.approver);
    expect(ofKind(v, 'sms_to_approve').map((i) => i.href)).toEqual([`/admin/#/sms/${sms.id}`]);
    expect(ofKind(v, 'bulletin_to_approve').map((i) => i.href)).toEqual([`/admin/#/bulletins/${b.id}`]);
    for (const s of [x.drafter, viewer]) expect((await todo(s)).counts).toMatchObject({ sms_to_approve: 0, bulletin_to_approve: 0, alert_to_publish: 0 });
  });

  it('a directive designated for another signer does not wait for this approver', async () => {
    const other = await buildSignedInUser(t.c, { unitId: x.office.id, roles: ['approver'] });
    const v = await todo(other.session);
    expect(v.counts.to_sign).toBe(0);
    expect(v.counts.to_approve).toBe(1);
  });

  it('the clerk sees what to issue; after issue the commune clerk sees the dispatch to acknowledge, until it is acknowledged', async () => {
    const v = await todo(x.clerk);
    expect(ofKind(v, 'to_issue').map((i) => i.href)).toEqual([`/admin/#/outgoing/${signedId}`]);
    expect(v.counts.to_issue).toBe(1);

    const issued = await call(x.clerk, 'POST', `/api/directives/${signedId}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect((await todo(x.clerk)).counts.to_issue).toBe(0);

    const commune = await todo(x.communeClerk);
    const [item, ...rest] = ofKind(commune, 'inbox_unacknowledged');
    expect(rest).toEqual([]);
    expect(item!.title).toBe(`01/VHTT-TT&TT — Văn bản chờ ban hành (PHÒNG VĂN HÓA VÀ THÔNG TIN)`);
    expect(item!.href).toMatch(/^\/admin\/#\/inbox\/[0-9a-f-]{36}$/);
    expect(commune.counts.inbox_unacknowledged).toBe(1);
    // A reporter of the same commune cannot acknowledge: it is told what nobody has opened yet.
    expect((await todo(reporter)).counts).toMatchObject({ inbox_unacknowledged: 0, inbox_unread: 1 });

    const itemId = item!.href.split('/').at(-1)!;
    expect((await call(x.communeClerk, 'POST', `/api/inbox/${itemId}/acknowledge`)).status).toBe(200);
    const after = await todo(x.communeClerk);
    expect(after.counts.inbox_unacknowledged).toBe(0);
    expect((await todo(reporter)).counts.inbox_unread).toBe(0);
  });

  it('a reporter sees the open period with its deadline and the periods it missed; the issuer sees who has not reported', async () => {
    const v = await todo(reporter);
    expect(ofKind(v, 'report_due')).toEqual([
      { kind: 'report_due', title: 'Báo cáo kết quả tuyên truyền hằng tuần', dueAt: '2021-02-04T09:00:00.000Z', href: `/admin/#/reports/${taskId}`, count: 1 },
    ]);
    // 7, 14, 21 and 28 January have passed without a report; the latest is shown with the count.
    expect(ofKind(v, 'report_late')).toEqual([
      { kind: 'report_late', title: 'Báo cáo kết quả tuyên truyền hằng tuần', dueAt: '2021-01-28T09:00:00.000Z', href: `/admin/#/reports/${taskId}`, count: 4 },
    ]);

    const communes = (await t.c.services.groups.listMembers(SYSTEM_ACTOR, x.group.id, '2021-02-03')).length;
    const issuer = await todo(x.drafter);
    expect(ofKind(issuer, 'reports_missing')).toEqual([
      { kind: 'reports_missing', title: 'Báo cáo kết quả tuyên truyền hằng tuần', dueAt: '2021-01-28T09:00:00.000Z', href: `/admin/#/reports/${taskId}`, count: communes },
    ]);

    // Reporting this week's figures takes the due item away; a late report for 28 January moves the late one back a week.
    const now = await call(reporter, 'POST', `/api/tasks/${taskId}/submissions`, { values: { so_tin_bai: 3, do_dai_tin_bai: 30, so_luot_phat_song: 6, uoc_so_nguoi_nghe: 300 } });
    expect(now.status, JSON.stringify(now.body)).toBe(201);
    const late = await call(reporter, 'POST', `/api/tasks/${taskId}/submissions`, {
      period: '2021-01-28',
      values: { so_tin_bai: 1, do_dai_tin_bai: 10, so_luot_phat_song: 2, uoc_so_nguoi_nghe: 100 },
    });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const after = await todo(reporter);
    expect(ofKind(after, 'report_due')).toEqual([]);
    expect(ofKind(after, 'report_late')).toMatchObject([{ dueAt: '2021-01-21T09:00:00.000Z', count: 3 }]);
    expect(ofKind(await todo(x.drafter), 'reports_missing')).toMatchObject([{ count: communes - 1 }]);
  });

  describe('another unit', () => {
    it('sees nothing of this unit’s work, whatever its roles', async () => {
      const v = await todo(outsider);
      expect(v.items).toEqual([]);
      expect(Object.values(v.counts).every((n) => n === 0)).toBe(true);
    });
  });
});
