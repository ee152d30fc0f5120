import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { directiveAttachments } from '../../db/schema/index.ts';

export type AttachmentRow = typeof directiveAttachments.$inferSelect;
export type AttachmentInsert = typeof directiveAttachments.$inferInsert;

export async function listAttachments(db: Db, directiveId: string): Promise<AttachmentRow[]> {
  return db.select().from(directiveAttachments).where(eq(directiveAttachments.directiveId, directiveId)).orderBy(asc(directiveAttachments.createdAt), asc(directiveAttachments.id));
}

export async function findAttachment(db: Db, directiveId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(directiveAttachments)
    .where(and(eq(directiveAttachments.directiveId, directiveId), eq(directiveAttachments.id, id)));
  return row;
}

export async function countAttachments(db: Db, directiveId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(directiveAttachments).where(eq(directiveAttachments.directiveId, directiveId));
  return row?.n ?? 0;
}

/** How many attachment rows use a stored file (an amendment shares its original's files). */
export async function countByStorageKey(db: Db, storageKey: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(directiveAttachments).where(eq(directiveAttachments.storageKey, storageKey));
  return row?.n ?? 0;
}

/**
 * The directive's status with its row locked for the rest of the transaction: a workflow step
 * (which updates the row) waits, so a file is never added to or removed from an issued directive.
 */
export async function lockDirectiveStatus(db: Db, directiveId: string): Promise<string | undefined> {
  const rows = rowsOf<{ status: string }>(await db.execute(sql`SELECT status FROM directives WHERE id = ${directiveId} FOR UPDATE`));
  return rows[0]?.status;
}

export async function insertAttachment(db: Db, row: AttachmentInsert): Promise<AttachmentRow> {
  const [created] = await db.insert(directiveAttachments).values(row).returning();
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function deleteAttachment(db: Db, directiveId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .delete(directiveAttachments)
    .where(and(eq(directiveAttachments.directiveId, directiveId), eq(directiveAttachments.id, id)))
    .returning();
  return row;
}

/** An amendment starts with its original's files (the stored bytes are shared, not copied). */
export async function copyAttachments(db: Db, fromId: string, toId: string, createdBy: string | null, at: Date): Promise<void> {
  const rows = await listAttachments(db, fromId);
  if (rows.length === 0) return;
  await db.insert(directiveAttachments).values(rows.map(({ id: _id, directiveId: _d, ...r }) => ({ ...r, directiveId: toId, createdBy, createdAt: at })));
}
