import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccounts, socialPublications, socialPublishKeys } from '../../db/schema/index.ts';
import type { PublicationState, SocialPlatformName, SourceKind } from '../../../shared/contracts/social.ts';

type Stored = typeof socialPublications.$inferSelect;
export type PublicationRow = Omit<Stored, 'state' | 'sourceKind'> & { state: PublicationState; sourceKind: SourceKind };
export type PublicationListRow = PublicationRow & { platform: SocialPlatformName; accountName: string };
export type PublicationInsert = Omit<typeof socialPublications.$inferInsert, 'state' | 'attempts'>;

const asRow = (r: Stored): PublicationRow => r as PublicationRow;

/** Inserts the rows; one whose (source, page) exists already (a concurrent twin) is skipped. Returns those inserted. */
export async function insertPublications(db: Db, rows: PublicationInsert[]): Promise<PublicationRow[]> {
  if (rows.length === 0) return [];
  return (await db.insert(socialPublications).values(rows).onConflictDoNothing().returning()).map(asRow);
}

export async function findPublication(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<PublicationRow | undefined> {
  const q = db.select().from(socialPublications).where(eq(socialPublications.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r ? asRow(r) : undefined;
}

/** The rows a source already has on these pages (a post goes to a page once). */
export async function findForSource(db: Db, kind: SourceKind, sourceId: string, accountIds: readonly string[]): Promise<PublicationRow[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select()
    .from(socialPublications)
    .where(and(eq(socialPublications.sourceKind, kind), eq(socialPublications.sourceId, sourceId), inArray(socialPublications.accountId, [...accountIds])));
  return rows.map(asRow);
}

export async function listPublications(
  db: Db,
  q: { unitId: string; ids?: readonly string[]; sourceKind?: SourceKind | undefined; sourceId?: string | undefined; limit: number },
): Promise<PublicationListRow[]> {
  const where = [eq(socialPublications.unitId, q.unitId)];
  if (q.ids) where.push(inArray(socialPublications.id, q.ids.length ? [...q.ids] : ['00000000-0000-0000-0000-000000000000']));
  if (q.sourceKind) where.push(eq(socialPublications.sourceKind, q.sourceKind));
  if (q.sourceId) where.push(eq(socialPublications.sourceId, q.sourceId));
  const rows = await db
    .select({ p: socialPublications, platform: socialAccounts.platform, accountName: socialAccounts.displayName })
    .from(socialPublications)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialPublications.accountId))
    .where(and(...where))
    .orderBy(desc(socialPublications.createdAt), socialAccounts.platform, socialPublications.id)
    .limit(q.limit);
  return rows.map((r) => ({ ...asRow(r.p), platform: r.platform as SocialPlatformName, accountName: r.accountName }));
}

export async function updatePublication(db: Db, id: string, patch: Partial<Omit<Stored, 'id'>>, at: Date): Promise<void> {
  await db
    .update(socialPublications)
    .set({ ...patch, updatedAt: at })
    .where(eq(socialPublications.id, id));
}

/** queued → sending, committed before the platform is called (a crash after it leaves `sending`: ambiguous). */
export async function claimForSending(db: Db, id: string, at: Date): Promise<PublicationRow | undefined> {
  const [r] = await db
    .update(socialPublications)
    .set({ state: 'sending', attempts: sql`${socialPublications.attempts} + 1`, updatedAt: at })
    .where(and(eq(socialPublications.id, id), eq(socialPublications.state, 'queued')))
    .returning();
  return r ? asRow(r) : undefined;
}

export async function findPublishKey(db: Db, unitId: string, key: string): Promise<{ requestHash: string; publicationIds: string[] } | undefined> {
  const [r] = await db
    .select({ requestHash: socialPublishKeys.requestHash, publicationIds: socialPublishKeys.publicationIds })
    .from(socialPublishKeys)
    .where(and(eq(socialPublishKeys.unitId, unitId), eq(socialPublishKeys.key, key)));
  return r ? { requestHash: r.requestHash, publicationIds: r.publicationIds as string[] } : undefined;
}

/** Claims the key in the caller's transaction; false when a concurrent twin holds it. */
export async function claimPublishKey(db: Db, row: { unitId: string; key: string; requestHash: string; publicationIds: string[]; at: Date }): Promise<boolean> {
  const r = await db
    .insert(socialPublishKeys)
    .values({ unitId: row.unitId, key: row.key, requestHash: row.requestHash, publicationIds: row.publicationIds, createdAt: row.at })
    .onConflictDoNothing()
    .returning({ key: socialPublishKeys.key });
  return r.length > 0;
}
