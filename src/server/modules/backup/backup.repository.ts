import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { MIGRATIONS_DIR, rowsOf } from '../../db/client.ts';
import type { Database, Db } from '../../db/client.ts';

/**
 * SQL of backup and restore. Everything is generic over the tables of the `public` schema, so a
 * table added by a later migration is backed up without touching this file. Row values travel as
 * `row_to_json` text and come back through `json_populate_recordset`, which parses each value with
 * the column type's own input function (timestamps, jsonb, arrays, bytea all round-trip).
 */

export interface TableInfo {
  name: string;
  /** Columns written on restore: every column except generated ones (the database recomputes those). */
  columns: string[];
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const qualified = (table: string): string => `public.${ident(table)}`;
const columnList = (cols: string[]): string => cols.map(ident).join(', ');

async function run<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Ordinary tables of the public schema, in name order, with their non-generated columns. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const rows = await run<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
        ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/**
 * Runs `fn` in one REPEATABLE READ, READ ONLY transaction: every read sees the same snapshot, so
 * the dump is consistent while the server keeps writing.
 */
export function inSnapshot<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** Reads a table in pages of JSON rows through a cursor (inside a transaction). */
export async function* tableRows(tx: Db, table: TableInfo, pageSize: number): AsyncGenerator<string[]> {
  await tx.execute(
    sql.raw(`DECLARE loa_backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${columnList(table.columns)} FROM ${qualified(table.name)}) r`),
  );
  try {
    for (;;) {
      const page = await run<{ j: string }>(tx, sql.raw(`FETCH ${pageSize} FROM loa_backup_rows`));
      if (page.length === 0) return;
      yield page.map((p) => p.j);
    }
  } finally {
    await tx.execute(sql.raw('CLOSE loa_backup_rows'));
  }
}

/** Current values of the sequences of the public schema (never-used ones are left out). */
export async function sequenceValues(tx: Db): Promise<Record<string, string>> {
  const rows = await run<{ name: string; value: string | null }>(
    tx,
    sql`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  return Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.name, r.value!]));
}

export async function setSequence(tx: Db, name: string, value: string): Promise<void> {
  await tx.execute(sql`SELECT setval(${`public.${ident(name)}`}::regclass, ${value}::bigint, true)`);
}

export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await run<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${qualified(table)}`));
  return row?.n ?? 0;
}

export async function deleteAllRows(tx: Db, table: string): Promise<void> {
  await tx.execute(sql.raw(`DELETE FROM ${qualified(table)}`));
}

/** Inserts rows given as JSON objects (one text each), typed by the table's own row type. */
export async function insertJsonRows(tx: Db, table: TableInfo, rows: string[]): Promise<void> {
  const cols = columnList(table.columns);
  await tx.execute(
    sql`INSERT INTO ${sql.raw(qualified(table.name))} (${sql.raw(cols)}) SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.raw(qualified(table.name))}, ${`[${rows.join(',')}]`}::json)`,
  );
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Foreign keys of the public schema: dropped while a restore loads rows in any order, then re-added (and so checked). */
export async function foreignKeys(tx: Db): Promise<ForeignKey[]> {
  return run<ForeignKey>(
    tx,
    sql`SELECT cl.relname AS "table", co.conname AS name, pg_get_constraintdef(co.oid) AS definition
        FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
        WHERE co.contype = 'f' AND co.connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
}

export async function dropForeignKey(tx: Db, fk: ForeignKey): Promise<void> {
  await tx.execute(sql.raw(`ALTER TABLE ${qualified(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`));
}

export async function addForeignKey(tx: Db, fk: ForeignKey): Promise<void> {
  await tx.execute(sql.raw(`ALTER TABLE ${qualified(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`));
}

/** Whether the migrations bookkeeping table exists (false on a database Loa never touched). */
export async function hasMigrationsTable(db: Db): Promise<boolean> {
  const [row] = await run<{ t: string | null }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  return Boolean(row?.t);
}

/** Tags of the migrations journal shipped with this Loa, oldest first. */
export function knownMigrations(): string[] {
  return journal().entries.map((e) => e.tag);
}

interface Journal {
  entries: { tag: string }[];
}

function journal(): Journal {
  return JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * Applies migrations up to and including the first `count` of the journal (a backup made by an
 * older Loa is loaded into its own schema first; the newer migrations then upgrade it like any
 * upgrade would). Works on a copy of the migrations folder with a shortened journal.
 */
export async function migrateTo(database: Database, count: number): Promise<void> {
  const full = journal();
  const dir = mkdtempSync(path.join(tmpdir(), 'loa-migrations-'));
  try {
    mkdirSync(path.join(dir, 'meta'));
    const entries = full.entries.slice(0, count);
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...full, entries }));
    for (const e of entries) copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    const config = { migrationsFolder: dir };
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
    else await migratePg(database.db as unknown as NodePgDatabase, config);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
