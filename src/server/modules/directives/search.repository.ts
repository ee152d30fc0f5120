import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { directives, units } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';
import { directiveColumns } from './directives.repository.ts';
import type { DirectiveRow } from './directives.repository.ts';

// Search, the start page's waiting steps, and the public portal's reads.

export interface SearchFilter {
  words: readonly string[];
  issuerId?: string | undefined;
  docType?: string | undefined;
  year?: number | undefined;
  status?: string | undefined;
  /** Only directives whose issuer lies under this path (null: all). */
  underPath: string | null;
  limit: number;
  offset: number;
}

/** Diacritic-insensitive search: every folded word must occur in symbol, subject or body. */
export async function searchDirectives(db: Db, f: SearchFilter): Promise<{ rows: DirectiveRow[]; total: number }> {
  const escape = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(
    ...f.words.map((w) => sql`${directives.searchText} LIKE ${escape(w)}`),
    f.issuerId ? eq(directives.issuerUnitId, f.issuerId) : undefined,
    f.docType ? eq(directives.docType, f.docType) : undefined,
    f.year ? sql`coalesce(${directives.year}, extract(year FROM ${directives.createdAt})::int) = ${f.year}` : undefined,
    f.status ? eq(directives.status, f.status) : undefined,
    f.underPath ? inSubtree(units.path, f.underPath) : undefined,
  );
  const rows = await db
    .select(directiveColumns)
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(where)
    .orderBy(sql`${directives.issuedAt} DESC NULLS FIRST`, desc(directives.updatedAt))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/**
 * Directives waiting for one workflow step under a path (the start page): the oldest first, at most
 * `limit`, with how many there are. `signerUserId` keeps those designated for another signer out.
 */
export async function findAwaitingStep(
  db: Db,
  f: { status: string; underPath: string; signerUserId?: string | undefined; limit: number },
): Promise<{ rows: DirectiveRow[]; total: number }> {
  const where = and(
    eq(directives.status, f.status),
    inSubtree(units.path, f.underPath),
    f.signerUserId ? sql`(${directives.signerUserId} IS NULL OR ${directives.signerUserId} = ${f.signerUserId}::uuid)` : undefined,
  );
  const rows = await db
    .select(directiveColumns)
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(where)
    .orderBy(asc(directives.updatedAt))
    .limit(f.limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

// Public portal (/van-ban): issued or revoked directives marked public, newest first.

const PUBLIC_STATUSES = ['issued', 'revoked'];

function publicWhere(words: readonly string[]): SQL | undefined {
  const escape = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return and(eq(directives.public, true), inArray(directives.status, PUBLIC_STATUSES), ...words.map((w) => sql`${directives.searchText} LIKE lower(loa_unaccent(${escape(w)}))`));
}

export async function listPublicDirectives(db: Db, f: { words: readonly string[]; limit: number; offset: number }): Promise<{ rows: DirectiveRow[]; total: number }> {
  const where = publicWhere(f.words);
  const rows = await db
    .select(directiveColumns)
    .from(directives)
    .where(where)
    .orderBy(sql`${directives.date} DESC NULLS LAST`, sql`${directives.issuedAt} DESC NULLS LAST`, desc(directives.id))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(directives)
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function findPublicDirective(db: Db, id: string): Promise<DirectiveRow | undefined> {
  const [row] = await db
    .select(directiveColumns)
    .from(directives)
    .where(and(eq(directives.id, id), publicWhere([])));
  return row;
}
