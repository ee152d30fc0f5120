import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, sessions, users } from '../../db/schema/index.ts';
import { describeApi, createTestContext, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { PASSWORD, TAM_DUONG, buildSignedInUser, buildUnit, buildUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { LOGIN_RATE_LIMIT } from './users.routes.ts';

interface ErrorBody {
  error: { code: string; message: string };
}

let ipSeq = 0;
/** A fresh client address per test: the login rate limit counts per IP. */
const freshIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

describeApi('authentication API', (kind) => {
  let t: TestContext;
  const mailer = memoryMailer();
  const now = new Date('2021-02-03T03:00:00Z');
  let office: string;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestContext(kind, { now, mailer });
    await importLaiChau(t.c);
    office = (await buildUnit(t.c, { parentId: TAM_DUONG })).id;
    admin = (await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'] })).session;
  });
  afterAll(() => t.close());

  const loginReq = (username: string, password: string, ip: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const userRow = async (id: string) => (await t.c.database.db.select().from(users).where(eq(users.id, id)))[0];

  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
      const user = await buildUser(t.c, { unitId: office });
      const res = await loginReq(user.username, PASSWORD, freshIp());
      expect(res.statusCode).toBe(200);
      const raw = String(res.headers['set-cookie']);
      expect(raw).toMatch(/^loa_session=[A-Za-z0-9_-]{40,};/);
      expect(raw).toMatch(/;\s*HttpOnly/i);
      expect(raw).toMatch(/;\s*SameSite=Strict/i);
      expect(raw).toMatch(/;\s*Path=\//i);
      const body = res.json() as { user: { id: string; username: string }; csrfToken: string };
      expect(body.user.id).toBe(user.id);
      expect(body.csrfToken.length).toBeGreaterThanOrEqual(40);
      // The cookie's token is not stored as such: only its hash.
      const token = res.cookies.find((c) => c.name === 'loa_session')?.value ?? '';
      const rows = await t.c.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.tokenHash).not.toBe(token);
      expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('stores the password as argon2id, never in clear', async () => {
      const user = await buildUser(t.c, { unitId: office });
      const row = await userRow(user.id);
      expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row?.passwordHash).not.toContain(PASSWORD);
    });

    it('gives the same answer for an unknown user and a wrong password', async () => {
      const user = await buildUser(t.c, { unitId: office });
      const ip = freshIp();
      const wrong = await loginReq(user.username, 'not-the-password-1', ip);
      const unknown = await loginReq('khong.ton.tai', 'not-the-password-1', ip);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect((wrong.json() as ErrorBody).error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    });

    it('rate-limits sign-in per IP (429 in Vietnamese) past LOGIN_RATE_LIMIT; another IP is still served', async () => {
      const ip = freshIp();
      // Different names each time: the throttle of one name would answer 423 from the fifth failure.
      expect(LOGIN_RATE_LIMIT.max).toBeGreaterThanOrEqual(60); // an office behind one NAT address signs in at 8:00
      for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++) expect((await loginReq(`khong.ai.${i}`, 'x', ip)).statusCode).toBe(401);
      const limited = await loginReq('khong.ai', 'x', ip);
      expect(limited.statusCode).toBe(429);
      expect((limited.json() as ErrorBody).error).toEqual({ code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau.' });
      expect((await loginReq('khong.ai', 'x', freshIp())).statusCode).toBe(401);
    });
  });

  describe('password change', () => {
    it('refuses a weak password and a wrong current password, changing nothing', async () => {
      const { user, session } = await buildSignedInUser(t.c, { unitId: office });
      const hash = (await userRow(user.id))?.passwordHash;
      for (const newPassword of ['short1', 'onlyletterslong', '1234567890123']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: session.headers, payload: { currentPassword: PASSWORD, newPassword } });
        expect(res.statusCode).toBe(400);
        expect((res.json() as ErrorBody).error).toEqual({ code: 'WEAK_PASSWORD', message: 'Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số.' });
      }
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: session.headers,
        payload: { currentPassword: 'not-it-1234', newPassword: 'Mat-khau-moi-2021' },
      });
      expect((wrong.json() as ErrorBody).error.code).toBe('WRONG_PASSWORD');
      expect((await userRow(user.id))?.passwordHash).toBe(hash);
      expect((await auditEventsFor(t.c, user.id)).filter((e) => e.action === 'user.password.change')).toEqual([]);
    });

    it('changes the password, keeps this session, revokes the others, and is audited', async () => {
      const { user, session } = await buildSignedInUser(t.c, { unitId: office });
      const other = await signIn(t.c, user.username);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: session.headers,
        payload: { currentPassword: PASSWORD, newPassword: 'Mat-khau-moi-2021' },
      });
      expect(res.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/auth/me', headers: other.headers })).statusCode).toBe(401);
      const ip = freshIp();
      expect((await loginReq(user.username, PASSWORD, ip)).statusCode).toBe(401);
      expect((await loginReq(user.username, 'Mat-khau-moi-2021', ip)).statusCode).toBe(200);
      const events = (await auditEventsFor(t.c, user.id)).filter((e) => e.action === 'user.password.change');
      expect(events).toHaveLength(1);
      expect(events[0]?.actorId).toBe(user.id);
      expect(JSON.stringify(events[0])).not.toContain('Mat-khau-moi-2021');
    });
  });

  it('a disabled user cannot sign in and their sessions die', async () => {
    const { user, session } = await buildSignedInUser(t.c, { unitId: office });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { user: { disabled: boolean } }).user.disabled).toBe(true);
    expect((await t.app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
    expect(await t.c.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    const again = await loginReq(user.username, PASSWORD, freshIp());
    expect(again.statusCode).toBe(403);
    expect((again.json() as ErrorBody).error.code).toBe('ACCOUNT_DISABLED');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  describe('invitation', () => {
    async function invite(username: string, email: string): Promise<{ userId: string; token: string }> {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { username, displayName: 'Nguyễn Văn Mời', email, unitId: office, roles: ['drafter'] },
      });
      expect(res.statusCode).toBe(201);
      const userId = (res.json() as { user: { id: string } }).user.id;
      const [job] = await t.c.database.db
        .select()
        .from(jobs)
        .where(eq(jobs.id, `invite:${userId}`));
      expect(job?.status).toBe('pending');
      expect(job?.name).toBe('users.send-invitation');
      expect(job?.payload).toEqual({ userId });
      const sentBefore = mailer.sent.length;
      expect(await t.c.jobs.drain()).toBe(1);
      expect(mailer.sent).toHaveLength(sentBefore + 1);
      const mail = mailer.sent.at(-1);
      expect(mail?.to).toBe(email);
      expect(mail?.subject).toContain('Lời mời');
      expect(mail?.text).toContain(`"${username}"`);
      const token = /http:\/\/loa\.test\/admin\/#\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
      if (!token) throw new Error(`no invitation link in ${mail?.text}`);
      return { userId, token };
    }

    it('queues a mail; the link sets the password and signs in; the token works once', async () => {
      const { userId, token } = await invite('moi.nguyen', 'moi.nguyen@laichau.gov.vn');
      expect((await userRow(userId))?.passwordHash).toBeNull();
      // No second mail on a second drain: the job is done.
      const sent = mailer.sent.length;
      expect(await t.c.jobs.drain()).toBe(0);
      expect(mailer.sent).toHaveLength(sent);

      const weak = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: 'weak' }, remoteAddress: freshIp() });
      expect((weak.json() as ErrorBody).error.code).toBe('WEAK_PASSWORD');

      const ok = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: 'Mat-khau-cua-toi-9' }, remoteAddress: freshIp() });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as { user: { id: string } }).user.id).toBe(userId);
      const cookie = ok.cookies.find((c) => c.name === 'loa_session');
      expect(cookie?.httpOnly).toBe(true);
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `loa_session=${cookie?.value}` } });
      expect((me.json() as { user: { username: string } }).user.username).toBe('moi.nguyen');
      expect((await userRow(userId))?.passwordHash).toMatch(/^\$argon2id\$/);
      expect((await loginReq('moi.nguyen', 'Mat-khau-cua-toi-9', freshIp())).statusCode).toBe(200);

      const reuse = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: 'Mat-khau-khac-12' }, remoteAddress: freshIp() });
      expect(reuse.statusCode).toBe(400);
      expect((reuse.json() as ErrorBody).error).toEqual({ code: 'INVITATION_INVALID', message: 'Lời mời không hợp lệ hoặc đã hết hạn.' });
      expect((await loginReq('moi.nguyen', 'Mat-khau-cua-toi-9', freshIp())).statusCode).toBe(200);
    });

    it('refuses an expired invitation', async () => {
      const { userId, token } = await invite('moi.tre', 'moi.tre@laichau.gov.vn');
      try {
        t.clock.set(new Date(now.getTime() + 73 * 3_600_000));
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: 'Mat-khau-cua-toi-9' }, remoteAddress: freshIp() });
        expect((res.json() as ErrorBody).error.code).toBe('INVITATION_INVALID');
      } finally {
        t.clock.set(now);
      }
      expect((await userRow(userId))?.passwordHash).toBeNull();
    });

    it('refuses a forged token', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/accept-invitation',
        payload: { token: 'x'.repeat(43), password: 'Mat-khau-cua-toi-9' },
        remoteAddress: freshIp(),
      });
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error.code).toBe('INVITATION_INVALID');
    });
  });
});
