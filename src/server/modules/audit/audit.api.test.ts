import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipientGroups, units } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { describeApi, createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsSince, countRows, lastAuditId } from '../../../../test/support/db.ts';
import { PASSWORD, TAM_DUONG, TT_TAM_DUONG, buildSignedInUser, buildUnit, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR, systemActor } from '../access/index.ts';
import { recordAudit } from './audit.service.ts';

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const IP = '203.0.113.7';

describeApi('audit of every change', (kind) => {
  let t: TestContext;
  let admin: Session;
  let adminId: string;
  let sysAdmin: Session;
  let sysAdminId: string;
  let office: string;

  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    office = (await buildUnit(t.c, { parentId: TAM_DUONG, name: 'Phòng Văn hóa và Thông tin huyện Tam Đường' })).id;
    const a = await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'], username: 'quantri.tamduong' });
    admin = a.session;
    adminId = a.user.id;
    const s = await buildSignedInUser(t.c, { unitId: SYSTEM_ACTOR.unitId, roles: ['system_admin'], username: 'quantri.he.thong' });
    sysAdmin = s.session;
    sysAdminId = s.user.id;
  });
  afterAll(() => t.close());

  /** Sends a mutation as `s` from IP and returns the response and the audit events it left. */
  async function mutate(s: Session, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    const mark = await lastAuditId(t.c);
    const res = await t.app.inject({ method, url, headers: s.headers, remoteAddress: IP, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    return { res, events: await auditEventsSince(t.c, mark) };
  }

  function expectOneEvent(events: Awaited<ReturnType<typeof auditEventsSince>>, want: { actorId: string; username: string; action: string; entity: string; entityId: string }) {
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e?.actorId).toBe(want.actorId);
    expect(e?.actorName).toBe(`Người dùng thử nghiệm (${want.username})`);
    expect(e?.ip).toBe(IP);
    expect(e?.action).toBe(want.action);
    expect(e?.entity).toBe(want.entity);
    expect(e?.entityId).toBe(want.entityId);
    return e;
  }

  describe('units', () => {
    it('creating an organisation leaves one event with actor, IP and the new unit', async () => {
      const { res, events } = await mutate(admin, 'POST', '/api/units', { parentId: TAM_DUONG, name: '  Trung tâm Văn hóa huyện  ', kind: 'radio_tv' });
      expect(res.statusCode).toBe(201);
      const unit = (res.json() as { unit: { id: string; name: string } }).unit;
      expect(unit.name).toBe('Trung tâm Văn hóa huyện');
      const e = expectOneEvent(events, { actorId: adminId, username: 'quantri.tamduong', action: 'unit.create', entity: 'unit', entityId: unit.id });
      expect(e?.unitId).toBe(unit.id);
      expect(e?.before).toBeNull();
      expect(e?.after).toEqual(unit);
    });

    it('refuses a village outside a commune', async () => {
      const { res, events } = await mutate(admin, 'POST', '/api/units', { parentId: TAM_DUONG, name: 'Bản A', kind: 'village' });
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error.code).toBe('UNIT_KIND_NOT_ALLOWED');
      expect(events).toEqual([]);
    });

    it('renaming a unit records before and after', async () => {
      const { res, events } = await mutate(admin, 'PATCH', `/api/units/${office}`, { name: 'Phòng Văn hóa - Thông tin', shortName: 'Phòng VH-TT' });
      expect(res.statusCode).toBe(200);
      const e = expectOneEvent(events, { actorId: adminId, username: 'quantri.tamduong', action: 'unit.update', entity: 'unit', entityId: office });
      expect(e?.before).toEqual({ name: 'Phòng Văn hóa và Thông tin huyện Tam Đường', shortName: null });
      expect(e?.after).toEqual({ name: 'Phòng Văn hóa - Thông tin', shortName: 'Phòng VH-TT' });
    });

    it('editing contacts validates e-mails: a bad one is a 400 in Vietnamese and changes nothing', async () => {
      const [before] = await t.c.database.db.select().from(units).where(eq(units.id, office));
      const { res, events } = await mutate(admin, 'PUT', `/api/units/${office}/contacts`, {
        emails: ['vanhoa@tamduong.gov.vn', 'khong-phai-email'],
        phones: [],
        address: null,
        website: null,
      });
      expect(res.statusCode).toBe(400);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toMatch(/^Dữ liệu không hợp lệ\./);
      expect(body.error.issues?.map((i) => i.path)).toEqual(['body.emails.1']);
      expect(events).toEqual([]);
      const [after] = await t.c.database.db.select().from(units).where(eq(units.id, office));
      expect(after?.emails).toEqual(before?.emails);
      expect(after?.updatedAt.getTime()).toBe(before?.updatedAt.getTime());
    });

    it('editing contacts records before and after', async () => {
      const contacts = { emails: ['vanhoa@tamduong.gov.vn'], phones: ['0213 3875 123'], address: 'Thị trấn Tam Đường', website: 'https://tamduong.laichau.gov.vn' };
      const { res, events } = await mutate(admin, 'PUT', `/api/units/${office}/contacts`, contacts);
      expect(res.statusCode).toBe(200);
      expect((res.json() as { contacts: unknown }).contacts).toEqual(contacts);
      const e = expectOneEvent(events, { actorId: adminId, username: 'quantri.tamduong', action: 'unit.contacts.update', entity: 'unit', entityId: office });
      expect(e?.before).toEqual({ emails: [], phones: [], address: null, website: null });
      expect(e?.after).toEqual(contacts);
    });
  });

  describe('groups', () => {
    let groupId: string;
    const rule = { type: 'kind_under', kind: 'commune', underUnitId: TAM_DUONG } as const;

    it('create, edit and delete each leave one event', async () => {
      const created = await mutate(admin, 'POST', '/api/groups', { ownerUnitId: office, name: 'UBND các xã', rule });
      expect(created.res.statusCode).toBe(201);
      const group = (created.res.json() as { group: { id: string } }).group;
      groupId = group.id;
      const c = expectOneEvent(created.events, { actorId: adminId, username: 'quantri.tamduong', action: 'group.create', entity: 'recipient_group', entityId: groupId });
      expect(c?.after).toEqual(group);
      expect(c?.unitId).toBe(office);

      const members = await t.app.inject({ url: `/api/groups/${groupId}/members?at=2021-02-01`, headers: admin.headers });
      expect((members.json() as { items: unknown[] }).items).toHaveLength(13);

      const edited = await mutate(admin, 'PATCH', `/api/groups/${groupId}`, { name: 'UBND các xã, thị trấn' });
      expect(edited.res.statusCode).toBe(200);
      const ed = expectOneEvent(edited.events, { actorId: adminId, username: 'quantri.tamduong', action: 'group.update', entity: 'recipient_group', entityId: groupId });
      expect(ed?.before).toMatchObject({ name: 'UBND các xã' });
      expect(ed?.after).toMatchObject({ name: 'UBND các xã, thị trấn' });

      const deleted = await mutate(admin, 'DELETE', `/api/groups/${groupId}`);
      expect(deleted.res.statusCode).toBe(204);
      const d = expectOneEvent(deleted.events, { actorId: adminId, username: 'quantri.tamduong', action: 'group.delete', entity: 'recipient_group', entityId: groupId });
      expect(d?.before).toMatchObject({ name: 'UBND các xã, thị trấn', rule });
      expect(await t.c.database.db.select().from(recipientGroups).where(eq(recipientGroups.id, groupId))).toEqual([]);
    });

    it('an unknown unit in a rule is 400 UNKNOWN_UNIT, naming it, and no row or event is written', async () => {
      const ghost = crypto.randomUUID();
      const count = await countRows(t.c, 'recipientGroups');
      const { res, events } = await mutate(admin, 'POST', '/api/groups', { ownerUnitId: office, name: 'Nhóm sai', rule: { type: 'explicit', unitIds: [TT_TAM_DUONG, ghost] } });
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error).toEqual({ code: 'UNKNOWN_UNIT', message: `Đơn vị không tồn tại: ${ghost}.` });
      expect(events).toEqual([]);
      expect(await countRows(t.c, 'recipientGroups')).toBe(count);
    });
  });

  describe('users and settings', () => {
    it('creating a user leaves one event without any password hash', async () => {
      const { res, events } = await mutate(admin, 'POST', '/api/users', {
        username: 'vanthu.moi',
        displayName: 'Văn thư',
        email: 'vanthu@tamduong.gov.vn',
        unitId: office,
        roles: ['clerk'],
      });
      expect(res.statusCode).toBe(201);
      const id = (res.json() as { user: { id: string } }).user.id;
      const e = expectOneEvent(events, { actorId: adminId, username: 'quantri.tamduong', action: 'user.create', entity: 'user', entityId: id });
      expect(e?.after).toEqual({ username: 'vanthu.moi', displayName: 'Văn thư', email: 'vanthu@tamduong.gov.vn', unitId: office, roles: ['clerk'], disabled: false });
      expect(JSON.stringify(e)).not.toMatch(/argon2|passwordHash/);
    });

    it('a duplicate username fails inside the transaction: 409, no event, no invitation job', async () => {
      const jobsBefore = await countRows(t.c, 'jobs');
      const usersBefore = await countRows(t.c, 'users');
      const { res, events } = await mutate(admin, 'POST', '/api/users', {
        username: 'vanthu.moi',
        displayName: 'Trùng',
        email: 'trung@tamduong.gov.vn',
        unitId: office,
        roles: ['clerk'],
      });
      expect(res.statusCode).toBe(409);
      expect((res.json() as ErrorBody).error.code).toBe('USERNAME_TAKEN');
      expect(events).toEqual([]);
      expect(await countRows(t.c, 'jobs')).toBe(jobsBefore);
      expect(await countRows(t.c, 'users')).toBe(usersBefore);
    });

    it('editing a user records before and after', async () => {
      const u = await buildUser(t.c, { unitId: office, roles: ['drafter'] });
      const { res, events } = await mutate(admin, 'PATCH', `/api/users/${u.id}`, { roles: ['drafter', 'approver'], disabled: true });
      expect(res.statusCode).toBe(200);
      const e = expectOneEvent(events, { actorId: adminId, username: 'quantri.tamduong', action: 'user.update', entity: 'user', entityId: u.id });
      expect(e?.before).toMatchObject({ roles: ['drafter'], disabled: false });
      expect(e?.after).toMatchObject({ roles: ['drafter', 'approver'], disabled: true });
    });

    it('a password change leaves one event and no password', async () => {
      const u = await buildUser(t.c, { unitId: office, username: 'doi.mat.khau' });
      const s = await signIn(t.c, u.username);
      const { res, events } = await mutate(s, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Mat-khau-moi-2021' });
      expect(res.statusCode).toBe(204);
      const e = expectOneEvent(events, { actorId: u.id, username: 'doi.mat.khau', action: 'user.password.change', entity: 'user', entityId: u.id });
      expect(JSON.stringify(e)).not.toContain('Mat-khau-moi-2021');
    });

    it('portal settings: a system admin saves them (one event, before/after); the public reads them back', async () => {
      const settings = {
        authorityName: 'Sở Thông tin và Truyền thông tỉnh Lai Châu',
        parentName: 'UBND tỉnh Lai Châu',
        hotline: '1900 9095',
        email: 'stttt@laichau.gov.vn',
        address: null,
        logoUrl: null,
      };
      const { res, events } = await mutate(sysAdmin, 'PUT', '/api/settings/portal', settings);
      expect(res.statusCode).toBe(200);
      expect((res.json() as { settings: unknown }).settings).toEqual(settings);
      const e = expectOneEvent(events, { actorId: sysAdminId, username: 'quantri.he.thong', action: 'settings.update', entity: 'settings', entityId: 'portal' });
      expect(e?.before).toBeNull();
      expect(e?.after).toEqual(settings);
      const read = await t.app.inject({ url: '/api/settings/portal' });
      expect(read.statusCode).toBe(200);
      expect((read.json() as { settings: unknown }).settings).toEqual(settings);
      const second = await mutate(sysAdmin, 'PUT', '/api/settings/portal', { ...settings, hotline: '1900 0000' });
      expect(second.events[0]?.before).toEqual(settings);
    });
  });

  describe('transactions', () => {
    it('an audit event written in a transaction that then fails is rolled back with it', async () => {
      const mark = await lastAuditId(t.c);
      const attempt = t.c.database.db.transaction(async (tx) => {
        await recordAudit(tx, { ...SYSTEM_ACTOR, ip: IP }, { action: 'unit.update', entity: 'unit', entityId: office, unitId: office, after: { name: 'x' } });
        await tx.update(units).set({ name: 'Không được lưu' }).where(eq(units.id, office));
        throw new AppError('VALIDATION_FAILED');
      });
      await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await auditEventsSince(t.c, mark)).toEqual([]);
      const [row] = await t.c.database.db.select().from(units).where(eq(units.id, office));
      expect(row?.name).not.toBe('Không được lưu');
    });

    it('a change by a job or a CLI command is audited as the system, naming the source, without IP', async () => {
      const mark = await lastAuditId(t.c);
      await t.c.services.settings.updatePortalSettings(systemActor('cli:settings test'), {
        authorityName: 'Cổng Loa',
        parentName: null,
        hotline: null,
        email: null,
        address: null,
        logoUrl: null,
      });
      const events = await auditEventsSince(t.c, mark);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: SYSTEM_ACTOR.userId, actorName: 'Hệ thống (cli:settings test)', ip: null, action: 'settings.update' });
    });
  });
});
