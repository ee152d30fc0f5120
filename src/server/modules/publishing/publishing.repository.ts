import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { citizenQuestions, mediaFiles, portalKeys, portalLinks, portalPosts, portalSections, situationUpdates, units } from '../../db/schema/index.ts';

export type SectionRow = typeof portalSections.$inferSelect;
export type PostRow = typeof portalPosts.$inferSelect;
export type SituationRow = typeof situationUpdates.$inferSelect;
export type QuestionRow = typeof citizenQuestions.$inferSelect;
export type LinkRow = typeof portalLinks.$inferSelect;
export type MediaRow = typeof mediaFiles.$inferSelect;
/** A section with the materialised paths of its owner and delegate units (for authorization). */
export type SectionWithPaths = SectionRow & { ownerPath: string; ownerName: string; delegatePath: string | null; delegateName: string | null };

const sectionWithPaths = {
  id: portalSections.id,
  slug: portalSections.slug,
  name: portalSections.name,
  description: portalSections.description,
  ownerUnitId: portalSections.ownerUnitId,
  delegateUnitId: portalSections.delegateUnitId,
  situationFields: portalSections.situationFields,
  position: portalSections.position,
  createdAt: portalSections.createdAt,
  updatedAt: portalSections.updatedAt,
  ownerPath: sql<string>`(SELECT u.path FROM units u WHERE u.id = ${portalSections.ownerUnitId})`,
  ownerName: sql<string>`(SELECT u.name FROM units u WHERE u.id = ${portalSections.ownerUnitId})`,
  delegatePath: sql<string | null>`(SELECT u.path FROM units u WHERE u.id = ${portalSections.delegateUnitId})`,
  delegateName: sql<string | null>`(SELECT u.name FROM units u WHERE u.id = ${portalSections.delegateUnitId})`,
};

// Sections

export async function listSections(db: Db): Promise<SectionWithPaths[]> {
  return db.select(sectionWithPaths).from(portalSections).orderBy(asc(portalSections.position), asc(portalSections.name));
}

export async function findSectionById(db: Db, id: string): Promise<SectionWithPaths | undefined> {
  const [row] = await db.select(sectionWithPaths).from(portalSections).where(eq(portalSections.id, id));
  return row;
}

export async function findSectionBySlug(db: Db, slug: string): Promise<SectionWithPaths | undefined> {
  const [row] = await db.select(sectionWithPaths).from(portalSections).where(eq(portalSections.slug, slug));
  return row;
}

export async function insertSection(db: Db, row: typeof portalSections.$inferInsert): Promise<SectionRow> {
  const [created] = await db.insert(portalSections).values(row).onConflictDoNothing().returning();
  if (!created) throw new UniqueViolation();
  return created;
}

export async function updateSection(db: Db, id: string, patch: Partial<typeof portalSections.$inferInsert>): Promise<SectionRow | undefined> {
  const [row] = await db
    .update(portalSections)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(portalSections.id, id))
    .returning();
  return row;
}

/** Thrown by inserts that hit a unique key (slug): the service turns it into an AppError. */
export class UniqueViolation extends Error {
  constructor() {
    super('unique violation');
  }
}

// Posts

export async function findPostById(db: Db, id: string): Promise<PostRow | undefined> {
  const [row] = await db.select().from(portalPosts).where(eq(portalPosts.id, id));
  return row;
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: portalPosts.id }).from(portalPosts).where(eq(portalPosts.slug, slug));
  return Boolean(row);
}

export async function insertPost(db: Db, row: typeof portalPosts.$inferInsert): Promise<PostRow> {
  const [created] = await db.insert(portalPosts).values(row).onConflictDoNothing().returning();
  if (!created) throw new UniqueViolation();
  return created;
}

export async function updatePost(db: Db, id: string, patch: Partial<typeof portalPosts.$inferInsert>): Promise<PostRow | undefined> {
  const [row] = await db.update(portalPosts).set(patch).where(eq(portalPosts.id, id)).returning();
  return row;
}

/** Flips a scheduled post to published when its time has come; undefined when not (any more) due. */
export async function publishIfDue(db: Db, id: string, now: Date): Promise<PostRow | undefined> {
  const [row] = await db
    .update(portalPosts)
    .set({ status: 'published', publishedAt: sql`${portalPosts.publishAt}`, updatedAt: now })
    .where(and(eq(portalPosts.id, id), eq(portalPosts.status, 'scheduled'), lte(portalPosts.publishAt, now)))
    .returning();
  return row;
}

export async function listPosts(db: Db, q: { sectionIds: readonly string[]; status?: string | undefined; limit: number }): Promise<PostRow[]> {
  if (q.sectionIds.length === 0) return [];
  return db
    .select()
    .from(portalPosts)
    .where(and(inArray(portalPosts.sectionId, [...q.sectionIds]), q.status ? eq(portalPosts.status, q.status) : undefined))
    .orderBy(desc(portalPosts.updatedAt))
    .limit(q.limit);
}

export type PublicPostRow = PostRow & { sectionSlug: string; sectionName: string; authorUnitName: string };

function publishedPostsQuery(db: Db, where: SQL | undefined) {
  return db
    .select({ post: portalPosts, sectionSlug: portalSections.slug, sectionName: portalSections.name, authorUnitName: units.name })
    .from(portalPosts)
    .innerJoin(portalSections, eq(portalSections.id, portalPosts.sectionId))
    .innerJoin(units, eq(units.id, portalPosts.authorUnitId))
    .where(and(eq(portalPosts.status, 'published'), where));
}

function flatten(rows: { post: PostRow; sectionSlug: string; sectionName: string; authorUnitName: string }[]): PublicPostRow[] {
  return rows.map((r) => ({ ...r.post, sectionSlug: r.sectionSlug, sectionName: r.sectionName, authorUnitName: r.authorUnitName }));
}

export async function listPublishedPosts(db: Db, q: { sectionId?: string | undefined; limit: number; offset: number }): Promise<PublicPostRow[]> {
  return flatten(
    await publishedPostsQuery(db, q.sectionId ? eq(portalPosts.sectionId, q.sectionId) : undefined)
      .orderBy(desc(portalPosts.publishedAt), desc(portalPosts.id))
      .limit(q.limit)
      .offset(q.offset),
  );
}

export async function countPublishedPosts(db: Db, sectionId: string | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portalPosts)
    .where(and(eq(portalPosts.status, 'published'), sectionId ? eq(portalPosts.sectionId, sectionId) : undefined));
  return row?.n ?? 0;
}

export async function findPublishedPostBySlug(db: Db, slug: string): Promise<PublicPostRow | undefined> {
  return flatten(await publishedPostsQuery(db, eq(portalPosts.slug, slug)))[0];
}

export async function findPublishedPostById(db: Db, id: string): Promise<PublicPostRow | undefined> {
  return flatten(await publishedPostsQuery(db, eq(portalPosts.id, id)))[0];
}

/** For the sitemap: every published post's address and last change. */
export async function listPublishedSlugs(db: Db, limit: number): Promise<{ slug: string; updatedAt: Date }[]> {
  return db
    .select({ slug: portalPosts.slug, updatedAt: portalPosts.updatedAt })
    .from(portalPosts)
    .where(eq(portalPosts.status, 'published'))
    .orderBy(desc(portalPosts.publishedAt))
    .limit(limit);
}

/** Every word must occur in the folded text: "phong chong dich" finds "phòng, chống dịch". */
function allWords(column: SQL | typeof portalPosts.searchText, words: readonly string[]): SQL | undefined {
  return and(...words.map((w) => sql`${column} LIKE '%' || lower(loa_unaccent(${w.replace(/[\\%_]/g, (c) => `\\${c}`)})) || '%'`));
}

export async function searchPublishedPosts(db: Db, words: readonly string[], limit: number): Promise<PublicPostRow[]> {
  if (words.length === 0) return [];
  const phrase = words.join(' ');
  return flatten(
    await publishedPostsQuery(db, allWords(portalPosts.searchText, words))
      .orderBy(sql`similarity(${portalPosts.searchText}, lower(loa_unaccent(${phrase}))) DESC`, desc(portalPosts.publishedAt))
      .limit(limit),
  );
}

// Situation updates

export async function upsertSituation(db: Db, row: typeof situationUpdates.$inferInsert): Promise<SituationRow> {
  const [saved] = await db
    .insert(situationUpdates)
    .values(row)
    .onConflictDoUpdate({
      target: [situationUpdates.sectionId, situationUpdates.date],
      set: { figures: row.figures, note: row.note ?? null, unitId: row.unitId, createdBy: row.createdBy ?? null, updatedAt: row.updatedAt ?? new Date() },
    })
    .returning();
  if (!saved) throw new Error('upsert returned no row');
  return saved;
}

export async function findSituation(db: Db, sectionId: string, date: string): Promise<SituationRow | undefined> {
  const [row] = await db
    .select()
    .from(situationUpdates)
    .where(and(eq(situationUpdates.sectionId, sectionId), eq(situationUpdates.date, date)));
  return row;
}

/** The latest `limit` updates of a section, newest first. */
export async function listSituation(db: Db, sectionId: string, limit: number, from?: string): Promise<SituationRow[]> {
  return db
    .select()
    .from(situationUpdates)
    .where(and(eq(situationUpdates.sectionId, sectionId), from ? gte(situationUpdates.date, from) : undefined))
    .orderBy(desc(situationUpdates.date))
    .limit(limit);
}

export async function searchSituation(db: Db, words: readonly string[], limit: number): Promise<SituationRow[]> {
  if (words.length === 0) return [];
  return db
    .select()
    .from(situationUpdates)
    .where(allWords(sql`${situationUpdates.searchText}`, words))
    .orderBy(desc(situationUpdates.date))
    .limit(limit);
}

// Questions

export async function insertQuestion(db: Db, row: typeof citizenQuestions.$inferInsert): Promise<QuestionRow> {
  const [created] = await db.insert(citizenQuestions).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function findQuestionById(db: Db, id: string): Promise<QuestionRow | undefined> {
  const [row] = await db.select().from(citizenQuestions).where(eq(citizenQuestions.id, id));
  return row;
}

export async function listQuestions(db: Db, q: { sectionIds: readonly string[]; status?: string | undefined; limit: number }): Promise<QuestionRow[]> {
  if (q.sectionIds.length === 0) return [];
  return db
    .select()
    .from(citizenQuestions)
    .where(and(inArray(citizenQuestions.sectionId, [...q.sectionIds]), q.status ? eq(citizenQuestions.status, q.status) : undefined))
    .orderBy(desc(citizenQuestions.createdAt))
    .limit(q.limit);
}

export async function updateQuestion(db: Db, id: string, patch: Partial<typeof citizenQuestions.$inferInsert>): Promise<QuestionRow | undefined> {
  const [row] = await db.update(citizenQuestions).set(patch).where(eq(citizenQuestions.id, id)).returning();
  return row;
}

export async function listPublishedQuestions(db: Db, limit: number): Promise<QuestionRow[]> {
  return db.select().from(citizenQuestions).where(eq(citizenQuestions.status, 'published')).orderBy(desc(citizenQuestions.answeredAt)).limit(limit);
}

// Links

export async function listLinks(db: Db): Promise<LinkRow[]> {
  return db.select().from(portalLinks).where(eq(portalLinks.active, true)).orderBy(asc(portalLinks.kind), asc(portalLinks.position), asc(portalLinks.label));
}

export async function findLinkById(db: Db, id: string): Promise<LinkRow | undefined> {
  const [row] = await db.select().from(portalLinks).where(eq(portalLinks.id, id));
  return row;
}

export async function insertLink(db: Db, row: typeof portalLinks.$inferInsert): Promise<LinkRow> {
  const [created] = await db.insert(portalLinks).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function deleteLink(db: Db, id: string): Promise<void> {
  await db.delete(portalLinks).where(eq(portalLinks.id, id));
}

// Media

export async function insertMedia(db: Db, row: typeof mediaFiles.$inferInsert): Promise<MediaRow> {
  const [created] = await db.insert(mediaFiles).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function findMediaById(db: Db, id: string): Promise<MediaRow | undefined> {
  const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
  return row;
}

export async function findPublishedMediaById(db: Db, id: string): Promise<MediaRow | undefined> {
  const [row] = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.id, id), eq(mediaFiles.status, 'published')));
  return row;
}

export async function listPublishedMedia(db: Db, limit: number): Promise<MediaRow[]> {
  return db.select().from(mediaFiles).where(eq(mediaFiles.status, 'published')).orderBy(desc(mediaFiles.createdAt)).limit(limit);
}

/**
 * The library as editors see it: files of the given sections, plus (when `withUnsectioned`) the
 * files from before review existed, which belong to no section.
 */
export async function listMediaIn(db: Db, q: { sectionIds: readonly string[]; withUnsectioned: boolean; status?: string | undefined; limit: number }): Promise<MediaRow[]> {
  const inSections = q.sectionIds.length > 0 ? inArray(mediaFiles.sectionId, [...q.sectionIds]) : undefined;
  const scope = q.withUnsectioned ? or(inSections, isNull(mediaFiles.sectionId)) : inSections;
  if (!scope) return [];
  return db
    .select()
    .from(mediaFiles)
    .where(and(scope, q.status ? eq(mediaFiles.status, q.status) : undefined))
    .orderBy(desc(mediaFiles.createdAt))
    .limit(q.limit);
}

export async function updateMedia(db: Db, id: string, patch: Partial<typeof mediaFiles.$inferInsert>): Promise<MediaRow | undefined> {
  const [row] = await db.update(mediaFiles).set(patch).where(eq(mediaFiles.id, id)).returning();
  return row;
}

/** Publishes the drafts among `ids` that belong to the section; returns those it published. */
export async function publishDraftMediaOfSection(db: Db, q: { ids: readonly string[]; sectionId: string; now: Date; by: string | null }): Promise<MediaRow[]> {
  if (q.ids.length === 0) return [];
  return db
    .update(mediaFiles)
    .set({ status: 'published', publishedAt: q.now, publishedBy: q.by })
    .where(and(inArray(mediaFiles.id, [...q.ids]), eq(mediaFiles.sectionId, q.sectionId), eq(mediaFiles.status, 'draft')))
    .returning();
}

// Units (paths and names for authorization and display)

export async function findUnitPaths(db: Db, ids: readonly string[]): Promise<Map<string, { path: string; name: string; emails: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, path: units.path, name: units.name, emails: units.emails })
    .from(units)
    .where(inArray(units.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { path: r.path, name: r.name, emails: r.emails }]));
}

// Keys

/** The secret for a purpose, created on first use (concurrent first uses agree on one row). */
export async function ensureKey(db: Db, id: string, fresh: string): Promise<string> {
  await db.insert(portalKeys).values({ id, secret: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(portalKeys).where(eq(portalKeys.id, id));
  if (!row) throw new Error('key not stored');
  return row.secret;
}
