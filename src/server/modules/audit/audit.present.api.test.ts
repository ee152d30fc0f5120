import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, buildSignedInUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { buildActors, client, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { insertAuditEvents } from './audit.repository.ts';
import { recordAudit } from './audit.service.ts';

interface Row {
  action: string;
  actionLabel: string;
  actorLabel: string;
  system: boolean;
  entity: string;
  entityKindLabel: string;
  entityId: string | null;
  entityLabel: string | null;
  href: string | null;
}

/** The audit trail reads in Vietnamese: action names, objects by name with links, one name for the system. */
describeApi('audit trail presentation', (kind) => {
  let t: TestContext;
  let x: Actors;
  let admin: Session;
  let call: ReturnType<typeof client>;

  async function trail(query = '', lang?: 'en'): Promise<Row[]> {
    const res = await t.app.inject({ url: `/api/audit?limit=200${query}`, headers: { ...admin.headers, ...(lang ? { 'accept-language': lang } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Row[] }).items;
  }

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
    admin = (await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'], username: 'quantri.tamduong' })).session;
  });
  afterAll(() => t.close());

  it('names a created account by its person, with the action in Vietnamese and a link to the unit’s users', async () => {
    const res = await call(admin, 'POST', '/api/users', { username: 'vanthu.moi', displayName: 'Lò Thị Mai', email: 'mai@tamduong.gov.vn', unitId: x.office.id, roles: ['clerk'] });
    expect(res.status).toBe(201);
    const id = String(res.body.user.id);
    const [row] = (await trail('&action=user.create')).filter((r) => r.entityId === id);
    expect(row).toMatchObject({
      actionLabel: 'Tạo tài khoản',
      actorLabel: 'Người dùng thử nghiệm (quantri.tamduong)',
      system: false,
      entityKindLabel: 'Tài khoản',
      entityLabel: 'Lò Thị Mai (vanthu.moi)',
      href: `/admin/#/users?unit=${x.office.id}`,
    });
  });

  it('names an issued directive by its number and subject, linked to its page; units by their names', async () => {
    const id = await signedDirective(t.app, x, { subject: 'Tuyên truyền phòng chống dịch' });
    expect((await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {})).status).toBe(200);
    const [issue] = (await trail('&action=directive.issue')).filter((r) => r.entityId === id);
    expect(issue).toMatchObject({
      actionLabel: 'Ban hành văn bản',
      entityKindLabel: 'Văn bản',
      entityLabel: '01/VHTT-TT&TT — Tuyên truyền phòng chống dịch',
      href: `/admin/#/outgoing/${id}`,
    });
    const [created] = (await trail('&action=unit.create')).filter((r) => r.entityId === x.office.id);
    expect(created).toMatchObject({ actionLabel: 'Thêm đơn vị, tổ chức', entityLabel: 'Phòng Văn hóa và Thông tin huyện Tam Đường', href: `/admin/#/units/${x.office.id}` });
  });

  it('keeps the name of a deleted group from the event, without a link', async () => {
    const group = await call(admin, 'POST', '/api/groups', { ownerUnitId: x.office.id, name: 'Nhóm tạm', rule: { type: 'explicit', unitIds: [TAM_DUONG] } });
    expect(group.status).toBe(201);
    const id = String(group.body.group.id);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/groups/${id}`, headers: admin.headers })).statusCode).toBe(204);
    const rows = (await trail()).filter((r) => r.entityId === id);
    expect(rows.find((r) => r.action === 'group.delete')).toMatchObject({ actionLabel: 'Xóa nhóm nơi nhận', entityLabel: 'Nhóm tạm', href: null });
  });

  it('spells the system one way, naming the job or command when the row has one (also old rows without an actor)', async () => {
    const unitId = x.office.id;
    await t.c.database.db.transaction(async (tx) => {
      await recordAudit(
        tx,
        { ...SYSTEM_ACTOR, username: 'job:directives.reminders' },
        { action: 'directive.reminders', entity: 'directive', entityId: null, unitId, after: { reminded: 1 } },
      );
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'unit.update', entity: 'unit', entityId: unitId, unitId, after: {} });
      await insertAuditEvents(tx, [
        { actorId: null, actorName: 'hệ thống', unitId, ip: null, action: 'settings.update', entity: 'settings', entityId: 'portal', before: null, after: {} },
      ]);
    });
    // Newest first: the three rows just written (factories also act as the system, further down).
    const rows = (await trail()).filter((r) => r.system).slice(0, 3);
    expect(rows.map((r) => r.actorLabel)).toEqual(['Hệ thống', 'Hệ thống', 'Hệ thống (job:directives.reminders)']);
    expect(rows[0]).toMatchObject({ actionLabel: 'Sửa cài đặt cổng thông tin', entityLabel: 'Cổng thông tin' });
    expect(rows[2]).toMatchObject({ actionLabel: 'Nhắc đơn vị chưa xác nhận đã nhận văn bản', entityLabel: null, href: null });
  });

  it('answers in English on request', async () => {
    const [row] = await trail('&action=directive.issue', 'en');
    expect(row).toMatchObject({ actionLabel: 'Issue document', entityKindLabel: 'Document' });
    const system = (await trail('', 'en')).find((r) => r.system);
    expect(system?.actorLabel).toBe('System');
  });
});
