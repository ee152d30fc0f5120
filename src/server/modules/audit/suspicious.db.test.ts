/**
 * `loa audit suspicious`: after running a version where an anonymous request could act as the
 * system, list the elevated accounts that no person created. The vulnerable version's audit rows
 * (no actor, "hệ thống", no address) are written as it wrote them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.ts';
import { SYSTEM_ACTOR, systemActor } from '../access/index.ts';
import type { Role } from '../access/index.ts';
import { createTestContext, describeEachDb } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { PASSWORD, TAM_DUONG, buildSignedInUser, importLaiChau, signIn } from '../../../../test/factories.ts';
import { formatSuspiciousAccounts } from './suspicious.ts';

async function scenario(t: TestContext) {
  const db = t.c.database.db;
  const cli = systemActor('cli:users create');
  const make = (username: string, roles: Role[]) =>
    t.c.services.users.createUser(cli, { username, displayName: username, email: null, unitId: TAM_DUONG, roles, password: PASSWORD });
  /** Rewrites the account's events as the vulnerable version wrote them for an anonymous request. */
  const asVulnerableVersion = (userId: string, action: string) =>
    db
      .update(auditEvents)
      .set({ actorId: null, actorName: 'hệ thống', ip: null })
      .where(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, userId), eq(auditEvents.action, action)));

  const attacker = await make('ke-tan-cong', ['system_admin']);
  await asVulnerableVersion(attacker.id, 'user.create');
  const noTrail = await make('khong-nhat-ky', ['clerk']);
  await db.delete(auditEvents).where(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, noTrail.id)));
  await t.c.services.users.createUser(SYSTEM_ACTOR, { username: 'he-thong-tran', displayName: 'x', email: null, unitId: TAM_DUONG, roles: ['unit_admin'], password: PASSWORD });
  const viewer = await make('nguoi-xem', ['viewer']);
  await asVulnerableVersion(viewer.id, 'user.create');
  await make('tao-bang-lenh', ['system_admin']);

  await make('quan-tri', ['system_admin']);
  const admin = { session: await signIn(t.c, 'quan-tri') };
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.session.headers,
    payload: { username: 'tao-qua-web', displayName: 'Người thật tạo', email: null, unitId: TAM_DUONG, roles: ['drafter'] },
  });
  expect(created.statusCode).toBe(201);
  const promoted = (created.json() as { user: { id: string } }).user;
  const patched = await t.app.inject({ method: 'PATCH', url: `/api/users/${promoted.id}`, headers: admin.session.headers, payload: { roles: ['system_admin'] } });
  expect(patched.statusCode).toBe(200);
  await asVulnerableVersion(promoted.id, 'user.update');
  return { flagged: ['ke-tan-cong', 'khong-nhat-ky', 'he-thong-tran', 'tao-qua-web'], clean: ['nguoi-xem', 'tao-bang-lenh'] };
}

describeEachDb('audit suspicious', (kind) => {
  let t: TestContext;
  let s: Awaited<ReturnType<typeof scenario>>;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
    s = await scenario(t);
  });
  afterAll(() => t.close());

  it('lists elevated accounts created (or promoted) without a human actor, and only those', async () => {
    const rows = await t.c.services.audit.listSuspiciousAccounts(systemActor('cli:audit suspicious'));
    const names = rows.map((r) => r.username).sort();
    expect(names).toEqual([...s.flagged].sort());
    const attacker = rows.find((r) => r.username === 'ke-tan-cong');
    expect(attacker).toMatchObject({ action: 'user.create', actorName: 'hệ thống', ip: null, roles: ['system_admin'] });
    expect(rows.find((r) => r.username === 'khong-nhat-ky')).toMatchObject({ action: null });
    expect(rows.find((r) => r.username === 'tao-qua-web')).toMatchObject({ action: 'user.update', roles: ['system_admin'] });
    // Accounts made by a person over HTTP, or by a named CLI command, are not listed (admin included).
    for (const n of s.clean) expect(names).not.toContain(n);
  });

  it('prints a readable Vietnamese report', async () => {
    const text = formatSuspiciousAccounts(await t.c.services.audit.listSuspiciousAccounts(SYSTEM_ACTOR));
    expect(text).toMatch(/^4 tài khoản có vai trò cao/);
    expect(text).toContain('- ke-tan-cong (ke-tan-cong)');
    expect(text).toContain('tạo bởi hệ thống, địa chỉ IP không có');
    expect(text).toContain('không có sự kiện tạo trong nhật ký');
    expect(formatSuspiciousAccounts([])).toMatch(/^Không có tài khoản nào/);
  });

  it('is for whoever reads the whole trail: a unit administrator is refused', async () => {
    const unitAdmin = await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'] });
    const actor = (await t.c.services.users.resolveSession(unitAdmin.session.cookie.split('=')[1] ?? '', '127.0.0.1'))?.actor;
    if (!actor) throw new Error('no session');
    await expect(t.c.services.audit.listSuspiciousAccounts(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('loa audit suspicious (the command)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loa-suspicious-'));
    const t = await createTestContext('pglite', { dataDir: dir });
    try {
      await importLaiChau(t.c);
      await scenario(t);
    } finally {
      await t.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the accounts to review; --json gives the rows', () => {
    const bin = path.resolve(import.meta.dirname, '../../../../bin/loa.mjs');
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    const text = spawnSync(process.execPath, [bin, 'audit', 'suspicious'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^4 tài khoản có vai trò cao/);
    expect(text.stdout).toContain('ke-tan-cong');
    expect(text.stdout).not.toContain('tao-bang-lenh');
    const json = spawnSync(process.execPath, [bin, 'audit', 'suspicious', '--json'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { username: string }[]).map((r) => r.username).sort()).toEqual(['he-thong-tran', 'ke-tan-cong', 'khong-nhat-ky', 'tao-qua-web']);
  });
});
