import { randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { mask } from '../../platform/secret-box.ts';
import type { AccountList, ConnectAccountBody, SocialAccountView } from '../../../shared/contracts/social.ts';
import { can } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './accounts.repository.ts';
import type { AccountRow } from './accounts.repository.ts';
import { unitFor } from './social.context.ts';
import type { SocialContext } from './social.context.ts';

/** Connected pages of a unit: connect (secrets sealed, masks kept), list (masked only), disconnect. */
export function createAccountsService(ctx: SocialContext) {
  const { db, clock, box } = ctx;

  function present(actor: Actor, unitPath: string, r: AccountRow): SocialAccountView {
    return {
      id: r.id,
      unitId: r.unitId,
      platform: r.platform,
      pageId: r.pageId,
      displayName: r.displayName,
      accessTokenMasked: r.accessTokenMask,
      appSecretMasked: r.appSecretMask,
      appId: r.appId,
      verifyToken: can(actor, 'social.manage', { unitPath }) ? r.verifyToken : null,
      webhookUrl: `${ctx.publicUrl()}/webhooks/${r.platform}`,
      status: r.status,
      statusMessage: r.statusMessage,
      connectedAt: r.connectedAt.toISOString(),
    };
  }

  return {
    async listAccounts(actor: Actor, unitId: string): Promise<AccountList> {
      const { unit } = await unitFor(ctx, actor, unitId, 'social.read');
      const scope = { unitPath: unit.path };
      return {
        items: (await repo.listAccounts(db, unit.id)).map((r) => present(actor, unit.path, r)),
        capabilities: { manage: can(actor, 'social.manage', scope), publish: can(actor, 'social.publish', scope), inbox: can(actor, 'social.inbox', scope) },
      };
    },

    /**
     * Connects a page: the token and secret are sealed by the secret box; only their masks are ever shown again.
     * The unit's own page connected already (its token expired, say) takes the new secrets: "kết nối lại trang".
     */
    async connectAccount(actor: Actor, unitId: string, input: ConnectAccountBody): Promise<SocialAccountView> {
      const { unit, a } = await unitFor(ctx, actor, unitId, 'social.manage');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const secrets = {
          displayName: input.displayName,
          accessTokenEnc: box.seal(input.accessToken),
          appSecretEnc: box.seal(input.appSecret),
          appId: input.platform === 'zalo' ? (input.appId ?? null) : null,
          accessTokenMask: mask(input.accessToken),
          appSecretMask: mask(input.appSecret),
          connectedBy: a.userId,
          connectedAt: now,
        };
        const existing = await repo.findActiveByPage(tx, input.platform, input.pageId);
        if (existing && existing.unitId !== unit.id) throw new AppError('SOCIAL_PAGE_TAKEN', { pageId: input.pageId });
        const row = existing
          ? await repo.replaceSecrets(tx, existing.id, secrets)
          : await repo.insertAccount(tx, {
              ...secrets,
              unitId: unit.id,
              platform: input.platform,
              pageId: input.pageId,
              verifyToken: input.platform === 'facebook' ? randomBytes(18).toString('base64url') : null,
            });
        if (!row) throw new AppError('SOCIAL_PAGE_TAKEN', { pageId: input.pageId });
        // The trail names the page, never its secrets (not even masked).
        await recordAudit(tx, a, {
          action: 'social.connect',
          entity: 'social_account',
          entityId: row.id,
          unitId: unit.id,
          ...(existing ? { before: { status: existing.status } } : {}),
          after: { platform: row.platform, pageId: row.pageId, displayName: row.displayName, status: 'connected' },
        });
        return present(a, unit.path, row);
      });
    },

    async disconnectAccount(actor: Actor, accountId: string): Promise<void> {
      const account = await repo.findAccount(db, accountId);
      if (!account || account.disconnectedAt) throw new AppError('NOT_FOUND');
      const { unit, a } = await unitFor(ctx, actor, account.unitId, 'social.manage');
      await db.transaction(async (tx) => {
        await repo.disconnectAccount(tx, account.id, clock.now());
        await recordAudit(tx, a, {
          action: 'social.disconnect',
          entity: 'social_account',
          entityId: account.id,
          unitId: unit.id,
          before: { platform: account.platform, pageId: account.pageId, displayName: account.displayName, status: account.status },
        });
      });
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
