import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { auditEventsFor } from '../../../../test/support/db.ts';
import { MUONG_TE, PASSWORD, TAM_DUONG, buildSignedInUser, buildUnit, buildUser, importLaiChau } from '../../../../test/factories.ts';
import type { Session } from '../../../../test/factories.ts';
import { lockDelayMs, throttleSource } from './login.ts';

interface Lockout {
  userId: string;
  username: string;
  source: string;
  failures: number;
  lockedUntil: string;
}

let ipSeq = 0;
/** A fresh client address per use: the login route is also rate-limited per IP (10 a minute). */
const freshIp = () => `10.88.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

describe('throttle keys and delays', () => {
  it('count an IPv6 address by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(throttleSource('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleSource('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleSource('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(throttleSource('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleSource('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(throttleSource('192.0.2.7')).toBe('192.0.2.7');
    expect(throttleSource(null)).toBe('unknown');
  });

  it('let four failures pass, then double from 30 s up to an hour', () => {
    expect([1, 2, 3, 4].map(lockDelayMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(lockDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(lockDelayMs(12)).toBe(3_600_000);
    expect(lockDelayMs(40)).toBe(3_600_000);
  });
});

describeApi('sign-in throttling', (kind) => {
  let t: TestContext;
  const now = new Date('2021-02-03T03:00:00Z');
  let office: string;
  let admin: Session;
  let otherAdmin: Session;

  beforeAll(async () => {
    t = await createTestContext(kind, { now });
    await importLaiChau(t.c);
    office = (await buildUnit(t.c, { parentId: TAM_DUONG })).id;
    admin = (await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'] })).session;
    otherAdmin = (await buildSignedInUser(t.c, { unitId: MUONG_TE, roles: ['unit_admin'] })).session;
  });
  afterAll(() => t.close());

  const loginReq = (username: string, password: string, ip: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const lockouts = async (session: Session, query = '') => {
    const res = await t.app.inject({ url: `/api/users/lockouts${query}`, headers: session.headers });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: Lockout[] }).items;
  };
  const at = async <T>(ms: number, fn: () => Promise<T>): Promise<T> => {
    t.clock.set(new Date(now.getTime() + ms));
    try {
      return await fn();
    } finally {
      t.clock.set(now);
    }
  };

  it('an attacker failing at address A does not stop the user signing in from address B', async () => {
    const user = await buildUser(t.c, { unitId: office });
    const attacker = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await loginReq(user.username, `doan-mo-${i}`, attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423, 423, 423]);
    // The attacker's address is locked even with the right password …
    const locked = await loginReq(user.username, PASSWORD, attacker);
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['set-cookie']).toBeUndefined();
    // … the user at home is not.
    const home = await loginReq(user.username, PASSWORD, freshIp());
    expect(home.statusCode).toBe(200);
    expect(String(home.headers['set-cookie'])).toMatch(/^loa_session=/);
  });

  it('gives an unknown username exactly the statuses and bodies of a known one', async () => {
    const user = await buildUser(t.c, { unitId: office });
    const run = async (username: string) => {
      const ip = freshIp();
      const out: { status: number; body: unknown }[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await loginReq(username, `sai-mat-khau-${i}`, ip);
        out.push({ status: res.statusCode, body: res.json() });
      }
      return out;
    };
    const known = await run(user.username);
    const unknown = await run('khong.co.ai.ten.nay');
    expect(unknown).toEqual(known);
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(known[5]?.body).toEqual({ error: { code: 'ACCOUNT_LOCKED', message: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 1 phút.' } });
  });

  it('takes as long for a wrong password of a real account as for an unknown name', async () => {
    const user = await buildUser(t.c, { unitId: office });
    const time = async (username: string) => {
      const started = performance.now();
      const res = await loginReq(username, 'khong-dung-123', freshIp());
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(401);
      return ms;
    };
    await time('khoi.dong'); // warm-up: the dummy hash is made once
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      known.push(await time(user.username));
      unknown.push(await time(`khong.ton.tai.${i}`));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mean(known) / mean(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('doubles the wait at each further failure, lets the right password in once it is over, and audits each lock', async () => {
    const user = await buildUser(t.c, { unitId: office });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await loginReq(user.username, `sai-${i}`, ip);
    const first = (await lockouts(admin)).find((l) => l.userId === user.id);
    expect(first).toMatchObject({ source: ip, failures: 5, lockedUntil: new Date(now.getTime() + 30_000).toISOString() });
    // After the wait, one more failure locks for twice as long.
    await at(31_000, async () => expect((await loginReq(user.username, 'sai-5', ip)).statusCode).toBe(401));
    expect((await lockouts(admin)).find((l) => l.userId === user.id)).toMatchObject({ failures: 6, lockedUntil: new Date(now.getTime() + 31_000 + 60_000).toISOString() });
    await at(60_000, async () => expect((await loginReq(user.username, PASSWORD, ip)).statusCode).toBe(423));
    await at(92_000, async () => expect((await loginReq(user.username, PASSWORD, ip)).statusCode).toBe(200));
    // The success forgets the failures of that address.
    expect((await lockouts(admin)).find((l) => l.userId === user.id)).toBeUndefined();
    expect((await loginReq(user.username, 'sai-lan-nua', ip)).statusCode).toBe(401);

    const locks = (await auditEventsFor(t.c, user.id)).filter((e) => e.action === 'user.lock');
    expect(locks.map((e) => e.after)).toEqual([
      { reason: 'failed_logins', source: ip, failures: 5, lockedUntil: new Date(now.getTime() + 30_000).toISOString() },
      { reason: 'failed_logins', source: ip, failures: 6, lockedUntil: new Date(now.getTime() + 91_000).toISOString() },
    ]);
    expect(locks[0]?.ip).toBe(ip);
    expect(locks[0]?.unitId).toBe(office);
    expect(locks[0]?.actorName).toContain('auth:lockout');
  });

  it('lets the unit admin see and lift a lockout (audited); another unit’s admin neither sees nor lifts it', async () => {
    const user = await buildUser(t.c, { unitId: office });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await loginReq(user.username, `sai-${i}`, ip);
    expect((await loginReq(user.username, PASSWORD, ip)).statusCode).toBe(423);

    const seen = (await lockouts(admin)).filter((l) => l.userId === user.id);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ username: user.username, source: ip, failures: 5 });
    expect((await lockouts(admin, `?unitId=${office}`)).map((l) => l.userId)).toContain(user.id);

    // Another district's admin: not in their list, not their unit to ask about, not theirs to unlock.
    expect((await lockouts(otherAdmin)).map((l) => l.userId)).not.toContain(user.id);
    expect((await t.app.inject({ url: `/api/users/lockouts?unitId=${office}`, headers: otherAdmin.headers })).statusCode).toBe(403);
    const refused = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/unlock`, headers: otherAdmin.headers, payload: {} });
    expect(refused.statusCode).toBe(404);
    expect((await loginReq(user.username, PASSWORD, ip)).statusCode).toBe(423);
    expect((await auditEventsFor(t.c, user.id)).filter((e) => e.action === 'user.unlock')).toEqual([]);

    // A drafter in the same unit cannot either.
    const drafter = (await buildSignedInUser(t.c, { unitId: office, roles: ['drafter'] })).session;
    expect((await t.app.inject({ url: '/api/users/lockouts', headers: drafter.headers })).statusCode).toBe(403);

    const res = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/unlock`, headers: admin.headers, payload: { source: ip } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unlocked: 1 });
    expect((await lockouts(admin)).map((l) => l.userId)).not.toContain(user.id);
    expect((await loginReq(user.username, PASSWORD, ip)).statusCode).toBe(200);

    const unlocks = (await auditEventsFor(t.c, user.id)).filter((e) => e.action === 'user.unlock');
    expect(unlocks).toHaveLength(1);
    expect(unlocks[0]?.actorName).not.toContain('Hệ thống');
    expect(unlocks[0]?.unitId).toBe(office);
    expect(unlocks[0]?.before).toEqual([{ source: ip, failures: 5, lockedUntil: new Date(now.getTime() + 30_000).toISOString() }]);
  });

  it('requires a session for the lockout API', async () => {
    expect((await t.app.inject({ url: '/api/users/lockouts' })).statusCode).toBe(401);
  });
});
