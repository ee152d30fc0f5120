import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPgliteTemplate } from './build-template.ts';
import { MIGRATIONS_DIR, openDatabase } from './client.ts';
import { TEMPLATE_PATH, templateFor } from './pglite-template.ts';

describe('PGlite start-up template', () => {
  let dir: string;
  let file: string;
  const tags = (JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries.map((e) => e.tag);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loa-tpl-'));
    file = path.join(dir, 'template.tar.gz');
    await buildPgliteTemplate(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named after the PGlite version and the migrations journal', () => {
    expect(path.basename(TEMPLATE_PATH)).toMatch(/^pglite-0\.5\.14-[0-9a-f]{12}\.tar\.gz$/);
  });

  it('gives a new data directory every migration before migrate() runs', async () => {
    const db = await openDatabase({ dataDir: path.join(dir, 'data'), pgliteTemplate: file });
    try {
      expect(await db.appliedMigrations()).toEqual(tags);
      await db.migrate(); // a no-op, and still safe
      expect(await db.appliedMigrations()).toEqual(tags);
    } finally {
      await db.close();
    }
  });

  it('is used only for an empty directory, and only when the file exists', () => {
    expect(templateFor(path.join(dir, 'data', 'pglite'), file)).toBeNull(); // holds a cluster now
    expect(templateFor(path.join(dir, 'fresh'), path.join(dir, 'missing.tar.gz'))).toBeNull();
    expect(templateFor(path.join(dir, 'fresh'), file)).toBeInstanceOf(Blob);
  });
});
