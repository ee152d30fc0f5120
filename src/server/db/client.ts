import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir } from './lock.ts';
import { templateFor } from './pglite-template.ts';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Applies pending migrations from the one migrations folder. */
  migrate(): Promise<void>;
  /** Names of the applied migrations, oldest first. */
  appliedMigrations(): Promise<string[]>;
  /** PGlite only: the cluster as a gzip tarball (used to build the start-up template). */
  dumpPglite(): Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

function journalTags(): string[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

async function appliedFrom(db: Db): Promise<string[]> {
  const rows = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  const n = Number((rows as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return journalTags().slice(0, n);
}

export interface OpenOptions {
  /** postgres:// URL; when absent, embedded PGlite in dataDir (or in memory when dataDir is null). */
  databaseUrl?: string | undefined;
  dataDir: string | null;
  /**
   * Migrated empty-cluster tarball for a new PGlite database (on disk default: the one the build
   * writes); false: none (a restore creates the schema of the backup's own migrations).
   */
  pgliteTemplate?: string | false;
  /** Told when an idle PostgreSQL connection fails (the pool replaces it). */
  onIdleError?: (err: Error) => void;
}

/** Opens PostgreSQL when a URL is given, else embedded PGlite under an exclusive directory lock. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client whose server connection drops (restart, admin termination) emits 'error' on the
    // pool; the pool discards it and opens a new one on demand. Without a listener it would crash
    // the process. Queries in flight still reject to their callers.
    pool.on('error', (err) => opts.onIdleError?.(err));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async migrate() {
        // Serialise concurrent boots of several instances on one database.
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(7726001)');
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('SELECT pg_advisory_unlock(7726001)').catch(() => undefined);
          client.release();
        }
      },
      appliedMigrations: () => appliedFrom(db),
      dumpPglite: () => Promise.reject(new Error('dumpPglite: not a PGlite database')),
      close: () => pool.end(),
    };
  }
  const pgDir = opts.dataDir ? path.join(opts.dataDir, 'pglite') : null;
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => undefined;
  try {
    // On disk the built template is used by default; in memory only when asked (tests).
    const template = opts.pgliteTemplate !== false && (pgDir || opts.pgliteTemplate) ? templateFor(pgDir, opts.pgliteTemplate) : null;
    const client = new PGlite({
      ...(pgDir ? { dataDir: pgDir } : {}),
      ...(template ? { loadDataDir: template } : {}),
      extensions: { unaccent, pg_trgm },
    });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_DIR }),
      appliedMigrations: () => appliedFrom(db),
      dumpPglite: () => client.dumpDataDir('gzip'),
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Rows of a raw `db.execute` result on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
