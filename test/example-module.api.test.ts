// The example module of CODE_STYLE.md (docs/example-module) is real: copied into src/server/modules as a
// new folder and added to the module list with one line, it starts with the app and serves its routes.
import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MODULES } from '../src/server/modules/registry.ts';
import type { RegisteredModule } from '../src/server/modules/registry.ts';
import { buildSignedInUser, buildUnit, buildUser, importLaiChau, signIn } from './factories.ts';
import { createTestContext, describeApi } from './support/harness.ts';
import type { TestContext } from './support/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const folder = path.join(ROOT, 'src/server/modules', `.example-notes-${randomUUID().slice(0, 8)}`);

describeApi('the example module of CODE_STYLE.md', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    cpSync(path.join(ROOT, 'docs/example-module'), folder, { recursive: true, filter: (f) => !f.endsWith('.md') });
    const example = (await import(path.join(folder, 'index.ts'))) as { module: RegisteredModule };
    t = await createTestContext(kind, { modules: [...MODULES, example.module] });
    await t.c.database.db.execute(
      sql`CREATE TABLE example_notes (id uuid PRIMARY KEY, unit_id uuid NOT NULL REFERENCES units(id), text text NOT NULL, created_by uuid NOT NULL, created_at timestamptz NOT NULL)`,
    );
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves its routes behind the same session, validation, access rules and audit as every module', async () => {
    await importLaiChau(t.c);
    const unit = await buildUnit(t.c);
    const other = await buildUnit(t.c);
    const { session: admin } = await buildSignedInUser(t.c, { unitId: unit.id, roles: ['unit_admin'] });
    const viewer = await buildUser(t.c, { unitId: unit.id, roles: ['viewer'] });
    const viewerSession = await signIn(t.c, viewer.username);
    const url = `/api/units/${unit.id}/notes`;

    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const created = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { text: '  Họp giao ban thứ hai  ' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().note.text).toBe('Họp giao ban thứ hai');

    const empty = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { text: ' ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Nội dung ghi chú không được để trống');

    expect((await t.app.inject({ method: 'POST', url, headers: viewerSession.headers, payload: { text: 'x' } })).statusCode).toBe(403);
    const listed = await t.app.inject({ method: 'GET', url, headers: viewerSession.headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(1);
    // Another office: readable by everyone (the directory is open), writable only by its own admins.
    expect((await t.app.inject({ method: 'POST', url: `/api/units/${other.id}/notes`, headers: admin.headers, payload: { text: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${randomUUID()}/notes`, headers: admin.headers })).statusCode).toBe(404);

    const audit = await t.app.inject({ method: 'GET', url: '/api/audit', headers: admin.headers });
    expect(audit.json<{ items: { action: string }[] }>().items.map((e) => e.action)).toContain('note.create');
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys((doc.json() as { paths: Record<string, unknown> }).paths)).toContain('/api/units/{unitId}/notes');
  });
});
