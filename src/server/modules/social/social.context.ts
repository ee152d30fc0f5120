import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import type { SocialAccountCredentials, SocialProvider } from '../../providers/social/port.ts';
import type { SocialPlatformName } from '../../../shared/contracts/social.ts';
import { authorize } from '../access/index.ts';
import type { Actor, Permission } from '../access/index.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import type { AccountRow } from './accounts.repository.ts';
import './social.errors.ts';

/** The Facebook and Zalo adapters (real platforms, or the local fakes of the tests and the demo). */
export type SocialProviders = Record<SocialPlatformName, SocialProvider>;

/** What every part of the social module works with. */
export interface SocialContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  units: UnitLookup;
  box: SecretBox;
  providers: SocialProviders;
  publicUrl: () => string;
}

type SocialPermission = Extract<Permission, `social.${string}`>;

/** The unit and the authorised actor: 404 when the actor may not even read the unit's pages, 403 inside. */
export async function unitFor(ctx: SocialContext, actor: Actor, unitId: string, permission: SocialPermission, tx?: Db): Promise<{ unit: UnitRecord; a: Actor }> {
  const unit = await ctx.units.byId(unitId, tx ? { tx } : {});
  if (!unit) throw new AppError('NOT_FOUND');
  return { unit, a: authorize(actor, permission, { unitPath: unit.path }, 'social.read') };
}

/** The decrypted secrets of a connected account (only inside the module, only to call the platform). */
export function credentialsOf(box: SecretBox, account: AccountRow): SocialAccountCredentials {
  return {
    platform: account.platform,
    pageId: account.pageId,
    accessToken: box.open(account.accessTokenEnc),
    appSecret: box.open(account.appSecretEnc),
    ...(account.appId ? { appId: account.appId } : {}),
  };
}

/**
 * The credentials, or null when the sealed values cannot be opened (the data restored without its secret key, or
 * another LOA_SECRET_KEY): the page must be connected again, nothing may be sent or trusted with it.
 */
export function readableCredentials(box: SecretBox, account: AccountRow): SocialAccountCredentials | null {
  try {
    return credentialsOf(box, account);
  } catch {
    return null;
  }
}

/** Refuses an account that cannot be used: disconnected, or its token expired. */
export function assertUsable(account: AccountRow): void {
  if (account.disconnectedAt || account.status === 'disconnected') throw new AppError('SOCIAL_ACCOUNT_INACTIVE', { name: account.displayName });
  if (account.status === 'token_invalid') throw new AppError('SOCIAL_TOKEN_INVALID', { name: account.displayName });
}

/** What the operator reads when a token stopped working. */
export const TOKEN_INVALID_MESSAGE = 'Mã truy cập đã hết hạn, hãy kết nối lại trang';

/** Groups a sender's messages without revealing who they are (the platform id is page-scoped and long). */
export function senderHash(accountId: string, senderId: string): string {
  return createHash('sha256').update(`${accountId}:${senderId}`).digest('hex').slice(0, 12);
}

export const PLATFORM_NAMES: Record<SocialPlatformName, string> = { facebook: 'Facebook', zalo: 'Zalo' };
