import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { directiveCitations, directiveRecipients, directives, recipientGroups, registerCounters, units, users } from '../../db/schema/index.ts';

export type DirectiveRow = typeof directives.$inferSelect;
export type DirectiveInsert = typeof directives.$inferInsert;
export type DirectiveWithPath = DirectiveRow & { issuerPath: string };
export type RecipientRow = typeof directiveRecipients.$inferSelect;
export type CitationRow = typeof directiveCitations.$inferSelect;
export type Register = 'outgoing' | 'incoming';

const directiveColumns = getTableColumns(directives);

/** True when a database error (either driver, possibly wrapped by Drizzle) is a unique violation. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function underPath(path: string): SQL {
  return sql`(${units.path} = ${path} OR ${units.path} LIKE ${`${path}.%`})`;
}

/** A Postgres array literal of uuids (or NULL) passed as ONE parameter: `{a,b,NULL}`. */
function uuidArray(ids: readonly (string | null)[]): string {
  return `{${ids.map((id) => id ?? 'NULL').join(',')}}`;
}

// Directives

export async function insertDirective(db: Db, row: DirectiveInsert): Promise<DirectiveRow> {
  const [created] = await db.insert(directives).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function findDirectiveById(db: Db, id: string): Promise<DirectiveWithPath | undefined> {
  const [row] = await db
    .select({ ...directiveColumns, issuerPath: units.path })
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(eq(directives.id, id));
  return row;
}

/**
 * Updates a directive only while it is in one of `from` statuses; returns undefined when it was
 * not (someone else moved it first). Two concurrent steps on one directive: one wins, one is told.
 */
export async function updateDirectiveIf(
  db: Db,
  id: string,
  from: readonly string[],
  patch: Partial<DirectiveInsert>,
): Promise<DirectiveRow | undefined> {
  const [row] = await db
    .update(directives)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(directives.id, id), inArray(directives.status, [...from])))
    .returning();
  return row;
}

export async function replaceCitations(db: Db, directiveId: string, rows: Omit<CitationRow, 'directiveId'>[]): Promise<void> {
  await db.delete(directiveCitations).where(eq(directiveCitations.directiveId, directiveId));
  if (rows.length) await db.insert(directiveCitations).values(rows.map((r) => ({ ...r, directiveId })));
}

/** The citations of a directive, each with the id of the cited document when Loa holds it. */
export async function findCitations(db: Db, directiveId: string): Promise<(CitationRow & { citedId: string | null })[]> {
  const rows = await db.execute(sql`
    SELECT c.directive_id AS "directiveId", c.position, c.type, c.number, c.symbol, c.symbol_key AS "symbolKey",
      to_char(c.date, 'YYYY-MM-DD') AS date,
      (SELECT d.id FROM directives d
        WHERE d.number = c.number AND d.symbol_key = c.symbol_key AND d.status IN ('issued','revoked')
          AND (c.date IS NULL OR d.year = extract(year FROM c.date)::int)
        ORDER BY d.year DESC LIMIT 1) AS "citedId"
    FROM directive_citations c WHERE c.directive_id = ${directiveId} ORDER BY c.position`);
  return rowsOf<CitationRow & { citedId: string | null }>(rows);
}

/** Issued documents that cite this one (by number, folded symbol and year). */
export async function findCitingDirectives(db: Db, d: { number: number; symbolKey: string; year: number }): Promise<DirectiveRow[]> {
  return db
    .selectDistinct(directiveColumns)
    .from(directives)
    .innerJoin(directiveCitations, eq(directiveCitations.directiveId, directives.id))
    .where(
      and(
        eq(directiveCitations.number, d.number),
        eq(directiveCitations.symbolKey, d.symbolKey),
        sql`(${directiveCitations.date} IS NULL OR extract(year FROM ${directiveCitations.date})::int = ${d.year})`,
        inArray(directives.status, ['issued', 'revoked']),
      ),
    )
    .orderBy(desc(directives.issuedAt));
}

export async function findReferencing(db: Db, id: string): Promise<DirectiveRow[]> {
  return db.select().from(directives).where(eq(directives.refersToId, id)).orderBy(asc(directives.createdAt));
}

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
    f.underPath ? underPath(f.underPath) : undefined,
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
    underPath(f.underPath),
    f.signerUserId ? sql`(${directives.signerUserId} IS NULL OR ${directives.signerUserId} = ${f.signerUserId}::uuid)` : undefined,
  );
  const rows = await db
    .select(directiveColumns)
    .from(directives)
    .innerJoin(units, eq(units.id, directives.issuerUnitId))
    .where(where)
    .orderBy(asc(directives.updatedAt))
    .limit(f.limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(directives).innerJoin(units, eq(units.id, directives.issuerUnitId)).where(where);
  return { rows, total: count?.n ?? 0 };
}

// Public portal (/van-ban): issued or revoked directives marked public, newest first.

const PUBLIC_STATUSES = ['issued', 'revoked'];

function publicWhere(words: readonly string[]): SQL | undefined {
  const escape = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return and(
    eq(directives.public, true),
    inArray(directives.status, PUBLIC_STATUSES),
    ...words.map((w) => sql`${directives.searchText} LIKE lower(loa_unaccent(${escape(w)}))`),
  );
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
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(directives).where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function findPublicDirective(db: Db, id: string): Promise<DirectiveRow | undefined> {
  const [row] = await db.select(directiveColumns).from(directives).where(and(eq(directives.id, id), publicWhere([])));
  return row;
}

// Register

/**
 * The next number of a register: UPDATE ... SET last = last + 1 RETURNING (an upsert for the first
 * number of a year). The row stays locked until the transaction ends, so concurrent clerks queue.
 */
export async function nextRegisterNumber(db: Db, unitId: string, year: number, register: Register): Promise<number> {
  const [row] = await db
    .insert(registerCounters)
    .values({ unitId, year, register, last: 1 })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.register],
      set: { last: sql`${registerCounters.last} + 1` },
    })
    .returning({ last: registerCounters.last });
  if (!row) throw new Error('counter upsert returned no row');
  return row.last;
}

/** Moves a counter up to at least `n` (a number registered by hand), locking it like nextRegisterNumber. */
export async function raiseRegisterTo(db: Db, unitId: string, year: number, register: Register, n: number): Promise<void> {
  await db
    .insert(registerCounters)
    .values({ unitId, year, register, last: n })
    .onConflictDoUpdate({
      target: [registerCounters.unitId, registerCounters.year, registerCounters.register],
      set: { last: sql`greatest(${registerCounters.last}, ${n})` },
    });
}

export async function isNumberTaken(db: Db, issuerUnitId: string, year: number, number: number): Promise<boolean> {
  const [row] = await db
    .select({ id: directives.id })
    .from(directives)
    .where(and(eq(directives.issuerUnitId, issuerUnitId), eq(directives.year, year), eq(directives.number, number)));
  return Boolean(row);
}

// Lookups in other tables the directive rules need (read only)

export async function findGroupsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: recipientGroups.id, name: recipientGroups.name, rule: recipientGroups.rule, ownerPath: units.path })
    .from(recipientGroups)
    .innerJoin(units, eq(units.id, recipientGroups.ownerUnitId))
    .where(inArray(recipientGroups.id, [...ids]));
}

export async function findUserForSigning(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, disabledAt: users.disabledAt, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row;
}

// Distribution

export const FANOUT_BATCH = 5000;

/**
 * Stores the recipients of an issued directive, each with the next number of its incoming register,
 * in batched statements: one counter upsert + one INSERT per batch (sorted ids: every issuer locks
 * counters in the same order, so concurrent issues cannot deadlock).
 */
export async function insertRecipients(
  db: Db,
  d: { directiveId: string; year: number; deliveredAt: Date },
  rows: readonly { unitId: string; viaGroupId: string | null }[],
): Promise<number> {
  const sorted = [...rows].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  let inserted = 0;
  for (let i = 0; i < sorted.length; i += FANOUT_BATCH) {
    const batch = sorted.slice(i, i + FANOUT_BATCH);
    const result = await db.execute(sql`
      WITH input AS (
        SELECT * FROM unnest(${uuidArray(batch.map((r) => r.unitId))}::uuid[], ${uuidArray(batch.map((r) => r.viaGroupId))}::uuid[])
          AS t(unit_id, via_group_id)
      ), numbered AS (
        INSERT INTO register_counters (unit_id, year, register, last)
        SELECT unit_id, ${d.year}, 'incoming', 1 FROM input ORDER BY unit_id
        ON CONFLICT (unit_id, year, register) DO UPDATE SET last = register_counters.last + 1
        RETURNING unit_id, last
      )
      INSERT INTO directive_recipients (directive_id, unit_id, via_group_id, arrival_year, arrival_number, delivered_at)
      SELECT ${d.directiveId}::uuid, n.unit_id, i.via_group_id, ${d.year}, n.last, ${d.deliveredAt.toISOString()}::timestamptz
      FROM numbered n JOIN input i USING (unit_id)
      RETURNING 1 AS x`);
    inserted += rowsOf(result).length;
  }
  return inserted;
}

/** The recipient units of a directive (the fan-out and revocation notices go to each). */
export async function findRecipientUnitIds(db: Db, directiveId: string): Promise<string[]> {
  const rows = await db.select({ unitId: directiveRecipients.unitId }).from(directiveRecipients).where(eq(directiveRecipients.directiveId, directiveId));
  return rows.map((r) => r.unitId);
}

export async function markRecipientsRevoked(db: Db, directiveId: string, at: Date): Promise<number> {
  const rows = await db
    .update(directiveRecipients)
    .set({ revokedAt: at })
    .where(and(eq(directiveRecipients.directiveId, directiveId), isNull(directiveRecipients.revokedAt)))
    .returning({ id: directiveRecipients.id });
  return rows.length;
}

/**
 * Reminders: marks at most `limit` recipients that have not acknowledged within the delay as reminded
 * (one statement, SKIP LOCKED) and returns them; the caller enqueues one reminder job each in the same
 * transaction.
 */
export async function markDueReminders(db: Db, p: { cutoff: Date; now: Date; limit: number }): Promise<{ directiveId: string; unitId: string }[]> {
  const result = await db.execute(sql`
    UPDATE directive_recipients r SET reminded_at = ${p.now.toISOString()}::timestamptz
    WHERE r.id IN (
      SELECT r2.id FROM directive_recipients r2 JOIN directives d ON d.id = r2.directive_id
      WHERE r2.acknowledged_at IS NULL AND r2.revoked_at IS NULL AND r2.reminded_at IS NULL
        AND r2.delivered_at <= ${p.cutoff.toISOString()}::timestamptz AND d.status = 'issued'
      ORDER BY r2.delivered_at LIMIT ${p.limit}
      FOR UPDATE OF r2 SKIP LOCKED)
    RETURNING r.directive_id AS "directiveId", r.unit_id AS "unitId"`);
  return rowsOf<{ directiveId: string; unitId: string }>(result);
}

/**
 * Escalation: marks at most `limit` recipients reminded and still silent after the second delay as
 * escalated, and returns each (directive, parent unit) pair once; the caller enqueues one job per pair.
 */
export async function markDueEscalations(db: Db, p: { cutoff: Date; now: Date; limit: number }): Promise<{ directiveId: string; unitId: string }[]> {
  const result = await db.execute(sql`
    WITH due AS (
      UPDATE directive_recipients r SET escalated_at = ${p.now.toISOString()}::timestamptz
      WHERE r.id IN (
        SELECT r2.id FROM directive_recipients r2 JOIN directives d ON d.id = r2.directive_id
        WHERE r2.acknowledged_at IS NULL AND r2.revoked_at IS NULL AND r2.reminded_at IS NOT NULL
          AND r2.escalated_at IS NULL AND r2.delivered_at <= ${p.cutoff.toISOString()}::timestamptz AND d.status = 'issued'
        ORDER BY r2.delivered_at LIMIT ${p.limit}
        FOR UPDATE OF r2 SKIP LOCKED)
      RETURNING r.directive_id, r.unit_id
    )
    SELECT DISTINCT due.directive_id AS "directiveId", u.parent_id AS "unitId"
    FROM due JOIN units u ON u.id = due.unit_id WHERE u.parent_id IS NOT NULL`);
  return rowsOf<{ directiveId: string; unitId: string }>(result);
}

// Inbox and tracking

export type InboxRow = RecipientRow & { unitPath: string; directive: DirectiveRow };

const recipientColumns = getTableColumns(directiveRecipients);

export async function findRecipientItem(db: Db, itemId: string): Promise<InboxRow | undefined> {
  const [row] = await db
    .select({ ...recipientColumns, unitPath: units.path, directive: directives })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .innerJoin(directives, eq(directives.id, directiveRecipients.directiveId))
    .where(eq(directiveRecipients.id, itemId));
  return row;
}

export async function findRecipient(db: Db, directiveId: string, unitId: string): Promise<RecipientRow | undefined> {
  const [row] = await db
    .select()
    .from(directiveRecipients)
    .where(and(eq(directiveRecipients.directiveId, directiveId), eq(directiveRecipients.unitId, unitId)));
  return row;
}

/** Whether some unit under `path` received the directive (recipients may read what they got). */
export async function isRecipientUnder(db: Db, directiveId: string, path: string): Promise<boolean> {
  const [row] = await db
    .select({ id: directiveRecipients.id })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .where(and(eq(directiveRecipients.directiveId, directiveId), underPath(path)))
    .limit(1);
  return Boolean(row);
}

export async function findInbox(
  db: Db,
  f: { unitId: string; filter: 'all' | 'unread' | 'unacknowledged'; year?: number | undefined; limit: number; offset: number; oldestFirst?: boolean },
): Promise<{ rows: InboxRow[]; total: number }> {
  const where = and(
    eq(directiveRecipients.unitId, f.unitId),
    f.filter === 'unread' ? isNull(directiveRecipients.readAt) : undefined,
    f.filter === 'unacknowledged' ? and(isNull(directiveRecipients.acknowledgedAt), isNull(directiveRecipients.revokedAt)) : undefined,
    f.year ? eq(directiveRecipients.arrivalYear, f.year) : undefined,
  );
  const rows = await db
    .select({ ...recipientColumns, unitPath: units.path, directive: directives })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .innerJoin(directives, eq(directives.id, directiveRecipients.directiveId))
    .where(where)
    .orderBy(...(f.oldestFirst ? [asc(directiveRecipients.deliveredAt)] : [desc(directiveRecipients.arrivalYear), desc(directiveRecipients.arrivalNumber)]))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(directiveRecipients).where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function markRead(db: Db, itemId: string, userId: string, at: Date): Promise<RecipientRow | undefined> {
  const [row] = await db
    .update(directiveRecipients)
    .set({ readAt: at, readBy: userId })
    .where(and(eq(directiveRecipients.id, itemId), isNull(directiveRecipients.readAt)))
    .returning();
  return row;
}

/** Acknowledges ("đã nhận"); also counts as read. Undefined when already acknowledged or revoked. */
export async function markAcknowledged(db: Db, itemId: string, userId: string, at: Date): Promise<RecipientRow | undefined> {
  const [row] = await db
    .update(directiveRecipients)
    .set({
      acknowledgedAt: at,
      acknowledgedBy: userId,
      readAt: sql`coalesce(${directiveRecipients.readAt}, ${at.toISOString()}::timestamptz)`,
      readBy: sql`coalesce(${directiveRecipients.readBy}, ${userId}::uuid)`,
    })
    .where(and(eq(directiveRecipients.id, itemId), isNull(directiveRecipients.acknowledgedAt), isNull(directiveRecipients.revokedAt)))
    .returning();
  return row;
}

export async function markEmailed(db: Db, directiveId: string, unitId: string, at: Date): Promise<void> {
  await db
    .update(directiveRecipients)
    .set({ emailedAt: at })
    .where(and(eq(directiveRecipients.directiveId, directiveId), eq(directiveRecipients.unitId, unitId)));
}

export async function countRecipients(db: Db, directiveId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      read: sql<number>`count(${directiveRecipients.readAt})::int`,
      acknowledged: sql<number>`count(${directiveRecipients.acknowledgedAt})::int`,
      emailed: sql<number>`count(${directiveRecipients.emailedAt})::int`,
      revoked: sql<number>`count(${directiveRecipients.revokedAt})::int`,
    })
    .from(directiveRecipients)
    .where(eq(directiveRecipients.directiveId, directiveId));
  return row ?? { total: 0, read: 0, acknowledged: 0, emailed: 0, revoked: 0 };
}

export async function findTracking(
  db: Db,
  f: { directiveId: string; filter: 'all' | 'unread' | 'unacknowledged' | 'acknowledged'; limit: number; offset: number },
): Promise<(RecipientRow & { unitName: string })[]> {
  return db
    .select({ ...recipientColumns, unitName: units.name })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .where(
      and(
        eq(directiveRecipients.directiveId, f.directiveId),
        f.filter === 'unread' ? isNull(directiveRecipients.readAt) : undefined,
        f.filter === 'unacknowledged' ? isNull(directiveRecipients.acknowledgedAt) : undefined,
        f.filter === 'acknowledged' ? sql`${directiveRecipients.acknowledgedAt} IS NOT NULL` : undefined,
      ),
    )
    .orderBy(asc(units.code), asc(units.name))
    .limit(f.limit)
    .offset(f.offset);
}

/** Child units of a parent that received a directive and have not acknowledged it (for escalation mail). */
export async function findSilentChildren(db: Db, directiveId: string, parentId: string): Promise<string[]> {
  const rows = await db
    .select({ name: units.name })
    .from(directiveRecipients)
    .innerJoin(units, eq(units.id, directiveRecipients.unitId))
    .where(
      and(
        eq(directiveRecipients.directiveId, directiveId),
        eq(units.parentId, parentId),
        isNull(directiveRecipients.acknowledgedAt),
        isNull(directiveRecipients.revokedAt),
      ),
    )
    .orderBy(asc(units.name));
  return rows.map((r) => r.name);
}
