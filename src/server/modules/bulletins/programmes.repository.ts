import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bulletinQueue, programmes, units } from '../../db/schema/index.ts';
import { inSubtree } from '../../db/subtree.ts';

export type ProgrammeRow = typeof programmes.$inferSelect & { unitName: string };
export type ProgrammeWrite = Pick<typeof programmes.$inferInsert, 'name' | 'days' | 'startMinute' | 'slotMinutes' | 'validFrom' | 'validUntil' | 'repeat'>;
export type QueueRow = typeof bulletinQueue.$inferSelect;

const programmeColumns = {
  id: programmes.id,
  unitId: programmes.unitId,
  name: programmes.name,
  days: programmes.days,
  startMinute: programmes.startMinute,
  slotMinutes: programmes.slotMinutes,
  validFrom: programmes.validFrom,
  validUntil: programmes.validUntil,
  repeat: programmes.repeat,
  createdBy: programmes.createdBy,
  createdAt: programmes.createdAt,
  updatedAt: programmes.updatedAt,
  unitName: units.name,
};

/** The programmes of a commune, or of every unit under `path`; by unit, then start time. */
export async function findProgrammes(db: Db, where: { unitId: string } | { path: string } | { unitIds: readonly string[] }): Promise<ProgrammeRow[]> {
  const cond = 'unitId' in where ? eq(programmes.unitId, where.unitId) : 'path' in where ? inSubtree(units.path, where.path) : inArray(programmes.unitId, [...where.unitIds]);
  return db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(units, eq(units.id, programmes.unitId))
    .where(cond)
    .orderBy(asc(units.path), asc(programmes.startMinute), asc(programmes.name), asc(programmes.id));
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select(programmeColumns).from(programmes).innerJoin(units, eq(units.id, programmes.unitId)).where(eq(programmes.id, id));
  return row;
}

/** Serialises the programme changes of one commune (conflict check, then write) until the transaction ends. */
export async function lockCommune(tx: Db, unitId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`);
}

export async function insertProgramme(tx: Db, row: ProgrammeWrite & { unitId: string; createdBy: string }, at: Date): Promise<string> {
  const [r] = await tx
    .insert(programmes)
    .values({ ...row, createdAt: at, updatedAt: at })
    .returning({ id: programmes.id });
  return r!.id;
}

export async function updateProgramme(tx: Db, id: string, row: ProgrammeWrite, at: Date): Promise<void> {
  await tx
    .update(programmes)
    .set({ ...row, updatedAt: at })
    .where(eq(programmes.id, id));
}

export async function deleteProgramme(tx: Db, id: string): Promise<void> {
  await tx.delete(programmes).where(eq(programmes.id, id));
}

/** The queue of a commune (dismissed ones too), newest first; or of several communes. */
export async function findQueue(db: Db, unitIds: readonly string[]): Promise<QueueRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(bulletinQueue)
    .where(inArray(bulletinQueue.unitId, [...unitIds]))
    .orderBy(asc(bulletinQueue.unitId), asc(bulletinQueue.programmeId), asc(bulletinQueue.position), sql`${bulletinQueue.queuedAt} DESC`);
}

export async function findQueueItem(db: Db, unitId: string, bulletinId: string): Promise<QueueRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletinQueue)
    .where(and(eq(bulletinQueue.unitId, unitId), eq(bulletinQueue.bulletinId, bulletinId)));
  return row;
}

/** A bulletin arrives in a commune's queue (once: a second publish of it changes nothing). */
export async function insertQueued(
  tx: Db,
  row: { unitId: string; bulletinId: string; priority: string; urgent: boolean; programmeId: string | null; position: number | null },
  at: Date,
): Promise<void> {
  await tx
    .insert(bulletinQueue)
    .values({ ...row, status: row.programmeId ? 'placed' : 'waiting', queuedAt: at, updatedAt: at })
    .onConflictDoNothing();
}

/** The head (min) and tail (max) positions of a programme's playlist. */
export async function playlistEnds(tx: Db, programmeId: string): Promise<{ head: number | null; tail: number | null }> {
  const [r] = await tx
    .select({ head: sql<number | null>`min(${bulletinQueue.position})`, tail: sql<number | null>`max(${bulletinQueue.position})` })
    .from(bulletinQueue)
    .where(and(eq(bulletinQueue.programmeId, programmeId), eq(bulletinQueue.status, 'placed')));
  return { head: r?.head ?? null, tail: r?.tail ?? null };
}

export async function placeQueued(tx: Db, unitId: string, bulletinId: string, programmeId: string, position: number, at: Date): Promise<void> {
  await tx
    .update(bulletinQueue)
    .set({ status: 'placed', urgent: false, programmeId, position, updatedAt: at })
    .where(and(eq(bulletinQueue.unitId, unitId), eq(bulletinQueue.bulletinId, bulletinId)));
}

/** Sets a programme's playlist: the given queue items placed in order, the others it held back to waiting. */
export async function setPlaylist(tx: Db, unitId: string, programmeId: string, bulletinIds: readonly string[], at: Date): Promise<void> {
  await tx
    .update(bulletinQueue)
    .set({ status: 'waiting', programmeId: null, position: null, updatedAt: at })
    .where(and(eq(bulletinQueue.programmeId, programmeId), eq(bulletinQueue.status, 'placed')));
  for (const [i, id] of bulletinIds.entries()) await placeQueued(tx, unitId, id, programmeId, i, at);
}

export async function dismissQueued(tx: Db, unitId: string, bulletinId: string, at: Date): Promise<void> {
  await tx
    .update(bulletinQueue)
    .set({ status: 'dismissed', urgent: false, programmeId: null, position: null, updatedAt: at })
    .where(and(eq(bulletinQueue.unitId, unitId), eq(bulletinQueue.bulletinId, bulletinId)));
}

/** A cancelled bulletin leaves every queue and playlist; returns the communes whose queue held it. */
export async function removeBulletin(tx: Db, bulletinId: string, at: Date): Promise<string[]> {
  const rows = await tx
    .update(bulletinQueue)
    .set({ status: 'dismissed', urgent: false, programmeId: null, position: null, updatedAt: at })
    .where(and(eq(bulletinQueue.bulletinId, bulletinId), ne(bulletinQueue.status, 'dismissed')))
    .returning({ unitId: bulletinQueue.unitId });
  return [...new Set(rows.map((r) => r.unitId))];
}

/** Placed bulletin ids per programme, in play order. */
export async function playlistsOf(db: Db, programmeIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(programmeIds.map((id) => [id, []]));
  if (programmeIds.length === 0) return out;
  const rows = await db
    .select({ programmeId: bulletinQueue.programmeId, bulletinId: bulletinQueue.bulletinId })
    .from(bulletinQueue)
    .where(and(inArray(bulletinQueue.programmeId, [...programmeIds]), eq(bulletinQueue.status, 'placed')))
    .orderBy(asc(bulletinQueue.position), asc(bulletinQueue.queuedAt));
  for (const r of rows) out.get(r.programmeId!)?.push(r.bulletinId);
  return out;
}

/** Every commune with at least one programme (the twice-daily republish). */
export async function communesWithProgrammes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ unitId: programmes.unitId }).from(programmes);
  return rows.map((r) => r.unitId);
}
