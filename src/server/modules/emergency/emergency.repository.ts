import { and, desc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { emergencyMessages } from '../../db/schema/index.ts';
import type { EmergencyChannel, Renditions } from '../../../shared/contracts/emergency.ts';

type Stored = typeof emergencyMessages.$inferSelect;
export type EmergencyRow = Omit<Stored, 'areaUnitIds' | 'channels' | 'renditions' | 'capStatus' | 'socialPublicationIds' | 'notConfigured'> & {
  areaUnitIds: string[];
  channels: EmergencyChannel[];
  renditions: Renditions;
  capStatus: 'Actual' | 'Exercise';
  socialPublicationIds: string[];
  notConfigured: Partial<Record<EmergencyChannel, string>>;
};
export type EmergencyInsert = Omit<EmergencyRow, 'bannerEndedAt'>;

const asRow = (r: Stored): EmergencyRow => r as EmergencyRow;

export async function insertEmergency(db: Db, row: EmergencyInsert): Promise<EmergencyRow> {
  const [r] = await db.insert(emergencyMessages).values(row).returning();
  return asRow(r!);
}

export async function findEmergency(db: Db, id: string): Promise<EmergencyRow | undefined> {
  const [r] = await db.select().from(emergencyMessages).where(eq(emergencyMessages.id, id));
  return r ? asRow(r) : undefined;
}

export async function findByKey(db: Db, unitId: string, key: string): Promise<EmergencyRow | undefined> {
  const [r] = await db
    .select()
    .from(emergencyMessages)
    .where(and(eq(emergencyMessages.unitId, unitId), eq(emergencyMessages.idempotencyKey, key)));
  return r ? asRow(r) : undefined;
}

export async function listForUnits(db: Db, unitIds: readonly string[] | null, limit: number): Promise<EmergencyRow[]> {
  if (unitIds && unitIds.length === 0) return [];
  const q = db.select().from(emergencyMessages);
  const rows = await (unitIds ? q.where(inArray(emergencyMessages.unitId, [...unitIds])) : q).orderBy(desc(emergencyMessages.createdAt)).limit(limit);
  return rows.map(asRow);
}

/** The banners shown now: not ended, not expired, newest first. */
export async function activeBanners(db: Db, now: Date, limit = 3): Promise<EmergencyRow[]> {
  const rows = await db
    .select()
    .from(emergencyMessages)
    .where(and(isNotNull(emergencyMessages.bannerHeadline), isNull(emergencyMessages.bannerEndedAt), gt(emergencyMessages.expires, now)))
    .orderBy(desc(emergencyMessages.createdAt))
    .limit(limit);
  return rows.map(asRow);
}

/** Ends the banner; false when it had already ended. */
export async function endBanner(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(emergencyMessages)
    .set({ bannerEndedAt: at })
    .where(and(eq(emergencyMessages.id, id), isNotNull(emergencyMessages.bannerHeadline), isNull(emergencyMessages.bannerEndedAt)))
    .returning({ id: emergencyMessages.id });
  return r.length > 0;
}
