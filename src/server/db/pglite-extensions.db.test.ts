import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb, createTestContext } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { TAM_DUONG, importLaiChau } from '../../../test/factories.ts';
import { findSimilarUnits } from '../modules/units/units.repository.ts';
import { MIGRATIONS_DIR, rowsOf } from './client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Fails (instead of hanging the suite) when a query does not return within `ms`. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not return within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

it('package.json pins @electric-sql/pglite to exactly 0.5.14 (trigram/unaccent regression in other versions)', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies['@electric-sql/pglite']).toBe('0.5.14');
  const installed = JSON.parse(readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string };
  expect(installed.version).toBe('0.5.14');
});

/**
 * The regression this pin guards against hangs inside PGlite's WebAssembly, which blocks the event
 * loop, so no in-process timeout could fire. The query runs in a child process that is killed after
 * a generous limit instead: a hang fails this test rather than stalling the suite.
 */
it('on PGlite, unaccent + a trigram-indexed % query complete in a child process', async () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import { PGlite } from '@electric-sql/pglite';
    import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
    import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
    const db = new PGlite({ extensions: { unaccent, pg_trgm } });
    for (const stmt of readFileSync(${JSON.stringify(path.join(MIGRATIONS_DIR, '0000_extensions.sql'))}, 'utf8').split('--> statement-breakpoint')) await db.exec(stmt);
    await db.exec(\`CREATE TABLE u (name text, s text GENERATED ALWAYS AS (lower(loa_unaccent(name))) STORED);
      CREATE INDEX u_trgm ON u USING gin (s gin_trgm_ops);
      INSERT INTO u (name) VALUES ('Huyện Tam Đường'), ('Xã Tả Lèng'), ('Thị trấn Mường Tè');\`);
    const r = await db.query("SELECT name FROM u WHERE s % 'huyen tam duongg' ORDER BY similarity(s, 'huyen tam duongg') DESC");
    process.stdout.write(JSON.stringify(r.rows));
    await db.close();`;
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}${err.killed ? ' (killed: the query hung)' : ''}\n${stderr}`)) : resolve(stdout),
    );
  });
  expect(JSON.parse(out)).toEqual([{ name: 'Huyện Tam Đường' }]);
}, 90_000);

describeEachDb('pg_trgm and unaccent', (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(kind);
    await importLaiChau(t.c);
  });
  afterAll(() => t.close());

  it('loa_unaccent and the % similarity operator answer promptly and correctly', async () => {
    const res = await within(
      t.c.database.db.execute(
        sql`SELECT lower(loa_unaccent('Huyện Tam Đường')) AS folded,
                   lower(loa_unaccent('Huyện Tam Đường')) % 'huyen tam duong' AS same,
                   similarity('huyen tam duong', 'huyen tam duongg') AS sim`,
      ),
      10_000,
      'unaccent + similarity',
    );
    const row = rowsOf<{ folded: string; same: boolean; sim: number }>(res)[0];
    expect(row?.folded).toBe('huyen tam duong');
    expect(row?.same).toBe(true);
    expect(Number(row?.sim)).toBeGreaterThan(0.5);
  });

  it('a % query over the units table (trigram index) returns promptly with the right unit first', async () => {
    const rows = await within(findSimilarUnits(t.c.database.db, 'huyen tam duongg', '2021-02-01', 5), 10_000, 'findSimilarUnits');
    expect(rows[0]?.id).toBe(TAM_DUONG);
    const count = await within(t.c.database.db.execute(sql`SELECT count(*)::int AS n FROM units WHERE search_name % ${'xa ta leng'}`), 10_000, '% over units');
    expect(rowsOf<{ n: number }>(count)[0]?.n).toBeGreaterThan(0);
  });
});
