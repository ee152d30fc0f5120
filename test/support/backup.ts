import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf } from '../../src/server/db/client.ts';
import type { Database } from '../../src/server/db/client.ts';

/**
 * Everything a restore must bring back, read straight from a database and a files directory:
 * every row of every table of the public schema (as sorted row_to_json text), the migrations
 * bookkeeping, the sequence values and the sha256 of every stored file.
 */
export interface InstanceSnapshot {
  tables: Record<string, string[]>;
  migrations: string[];
  sequences: Record<string, string | null>;
  files: Record<string, string>;
}

export async function snapshotInstance(database: Database, filesDir: string): Promise<InstanceSnapshot> {
  const { db } = database;
  const names = rowsOf<{ t: string }>(
    await db.execute(sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`),
  ).map((r) => r.t);
  const tables: Record<string, string[]> = {};
  for (const t of names) {
    tables[t] = rowsOf<{ j: string }>(await db.execute(sql.raw(`SELECT row_to_json(x)::text AS j FROM public."${t}" x ORDER BY 1`))).map((r) => r.j);
  }
  const migrations = rowsOf<{ m: string }>(await db.execute(sql`SELECT hash || ' ' || created_at::text AS m FROM drizzle.__drizzle_migrations ORDER BY id`)).map((r) => r.m);
  const sequences = Object.fromEntries(
    rowsOf<{ n: string; v: string | null }>(await db.execute(sql`SELECT sequencename AS n, last_value::text AS v FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).map(
      (r) => [r.n, r.v],
    ),
  );
  const files: Record<string, string> = {};
  const entries = await readdir(filesDir).catch(() => [] as string[]);
  for (const name of entries.sort())
    files[name] = createHash('sha256')
      .update(await readFile(path.join(filesDir, name)))
      .digest('hex');
  return { tables, migrations, sequences, files };
}

/** A new, empty PostgreSQL database next to TEST_DATABASE_URL (a restore target). */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `loa_r_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
