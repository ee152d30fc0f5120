import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccounts } from '../../db/schema/index.ts';
import type { AccountStatus, SocialPlatformName } from '../../../shared/contracts/social.ts';

type Stored = typeof socialAccounts.$inferSelect;
export type AccountRow = Omit<Stored, 'platform' | 'status'> & { platform: SocialPlatformName; status: AccountStatus };
const asRow = (r: Stored): AccountRow => r as AccountRow;

export type AccountInsert = Omit<typeof socialAccounts.$inferInsert, 'id' | 'status' | 'statusMessage' | 'disconnectedAt'>;

/** Inserts a connected page; null when the page is connected already (to this unit or another). */
export async function insertAccount(db: Db, row: AccountInsert): Promise<AccountRow | null> {
  const [r] = await db.insert(socialAccounts).values(row).onConflictDoNothing().returning();
  return r ? asRow(r) : null;
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  const [r] = await db.select().from(socialAccounts).where(eq(socialAccounts.id, id));
  return r ? asRow(r) : undefined;
}

/** The unit's pages still connected (token_invalid ones included: the operator must see them). */
export async function listAccounts(db: Db, unitId: string): Promise<AccountRow[]> {
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.unitId, unitId), isNull(socialAccounts.disconnectedAt)))
    .orderBy(asc(socialAccounts.platform), asc(socialAccounts.displayName));
  return rows.map(asRow);
}

/** The connected account of a page id (what a webhook names), or undefined. */
export async function findActiveByPage(db: Db, platform: SocialPlatformName, pageId: string): Promise<AccountRow | undefined> {
  const [r] = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.platform, platform), eq(socialAccounts.pageId, pageId), isNull(socialAccounts.disconnectedAt)));
  return r ? asRow(r) : undefined;
}

export async function findActiveByVerifyToken(db: Db, token: string): Promise<AccountRow | undefined> {
  const [r] = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.verifyToken, token), eq(socialAccounts.platform, 'facebook'), isNull(socialAccounts.disconnectedAt)));
  return r ? asRow(r) : undefined;
}

export async function setAccountStatus(db: Db, id: string, status: AccountStatus, message: string | null): Promise<void> {
  await db.update(socialAccounts).set({ status, statusMessage: message }).where(eq(socialAccounts.id, id));
}

/** New secrets for a connected page (reconnecting after its token expired): connected again. */
export async function replaceSecrets(
  db: Db,
  id: string,
  s: Pick<AccountRow, 'displayName' | 'accessTokenEnc' | 'appSecretEnc' | 'appId' | 'accessTokenMask' | 'appSecretMask' | 'connectedBy' | 'connectedAt'>,
): Promise<AccountRow | undefined> {
  const [r] = await db
    .update(socialAccounts)
    .set({ ...s, status: 'connected', statusMessage: null })
    .where(and(eq(socialAccounts.id, id), isNull(socialAccounts.disconnectedAt)))
    .returning();
  return r ? asRow(r) : undefined;
}

/** Disconnects: the secrets are overwritten (nothing left to decrypt), the verify token freed. */
export async function disconnectAccount(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(socialAccounts)
    .set({ status: 'disconnected', disconnectedAt: at, accessTokenEnc: '', appSecretEnc: '', verifyToken: null })
    .where(and(eq(socialAccounts.id, id), isNull(socialAccounts.disconnectedAt)));
}
