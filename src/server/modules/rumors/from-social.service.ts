import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { FromSocialInput, HandedReportView } from '../../../shared/contracts/rumors-monitoring.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { InboxService } from '../social/index.ts';
import * as repo from './monitoring.repository.ts';
import { fileReport } from './reports.core.ts';
import { deskUnit } from './rumors.context.ts';
import type { RumorsContext } from './rumors.context.ts';
import { presentReport } from './rumors.present.ts';

/** Seals a social sender as the report's informant (the vault's writer); returns the informant's id. */
export type SealSocialInformant = (tx: Db, unitId: string, sender: { socialId: string; name: string | null }) => Promise<string>;

/** What answering a requester through the inbox came to (H3's notify job decides what to do next). */
export type SocialReplyOutcome = 'sent' | 'not_social' | 'window_closed' | 'failed';

const PLATFORM: Record<'facebook' | 'zalo', string> = { facebook: 'Facebook', zalo: 'Zalo' };

/**
 * The social inbox → desk hand-off (issue #14 "into a report for the desk", #15 point 1): a citizen's message or
 * comment becomes a report (channel social, once per message: a second hand-off returns the first report), its
 * sender sealed as the informant, the message tagged in the inbox. And the way back: `replyForReport` answers the
 * citizen in the inbox when the case concludes.
 */
export function createFromSocialService(
  ctx: RumorsContext & { inbox: Pick<InboxService, 'itemForDesk' | 'markHandedToDesk' | 'replyFromDesk'>; seal: SealSocialInformant | null },
) {
  const { db, clock, inbox } = ctx;
  return {
    async fromSocial(actor: Actor, inboxItemId: string, input: FromSocialInput): Promise<HandedReportView> {
      return db.transaction(async (tx) => {
        // The inbox's own check first (social.inbox in the message's unit; 404 outside), then the desk's.
        const item = await inbox.itemForDesk(actor, inboxItemId, { tx });
        const { unit, a } = await deskUnit(ctx, actor, input.unitId ?? item.unitId, 'rumor.write', tx);
        const existing = await repo.reportOfSocialItem(tx, item.id);
        if (existing) {
          const kase = (await repo.findCaseBrief(tx, existing.caseId))!;
          return { report: presentReport(existing, existing.informantId !== null), case: kase, opened: false, created: false };
        }
        const informantId = ctx.seal && item.sender ? await ctx.seal(tx, unit.id, { socialId: `${item.platform}:${item.sender.id}`, name: item.sender.name }) : null;
        const { report, kase, opened, mergedCaseIds } = await fileReport(
          tx,
          {
            unitId: unit.id,
            channel: 'social',
            description: input.description ?? item.text,
            urls: item.permalink ? [item.permalink] : [],
            socialItemId: item.id,
            informantId,
            seenAt: item.receivedAt,
            title: input.description ? null : `${PLATFORM[item.platform]}: ${item.text}`.slice(0, 160),
            createdBy: a.userId,
          },
          clock.now(),
        );
        await inbox.markHandedToDesk(actor, item.id, { tx });
        // Named by ids: never the sender nor the message's text (it may carry the citizen's own details).
        await recordAudit(tx, a, {
          action: 'rumor.from_social',
          entity: 'social_inbox_item',
          entityId: item.id,
          unitId: unit.id,
          after: { reportId: report.id, reportCode: report.code, caseId: kase.id, opened, mergedCaseIds, informant: informantId !== null },
        });
        return { report: presentReport(report, informantId !== null), case: { id: kase.id, code: kase.code, title: kase.title }, opened, created: true };
      });
    },

    /**
     * Answers the citizen behind a report that came from the social inbox (the case concluded): a reply in the inbox,
     * as the job `source`, the system (audited there as social.inbox_reply). Only within the platform's reply window — outside
     * it the platform refuses and so does Loa ('window_closed'). Never throws for a citizen who cannot be reached.
     */
    async replyForReport(reportId: string, text: string, source: `job:${string}` = 'job:rumors.notify'): Promise<SocialReplyOutcome> {
      const report = await repo.findReport(db, reportId);
      if (!report?.socialItemId) return 'not_social';
      try {
        await inbox.replyFromDesk(source, report.socialItemId, text);
        return 'sent';
      } catch (e) {
        if (e instanceof AppError && e.code === 'SOCIAL_WINDOW_CLOSED') return 'window_closed';
        ctx.logger.warn({ reportId, code: e instanceof AppError ? e.code : 'error' }, 'rumors: social reply failed');
        return 'failed';
      }
    },
  };
}

export type FromSocialService = ReturnType<typeof createFromSocialService>;
