// The misinformation desk's public surface (issue #15): reports from every channel clustered into cases, their
// verification and approved conclusion, hand-offs to the police and the press, public corrections with ClaimReview,
// and informants who stay confidential (their identity sealed, revealed only to a desk lead, with a reason, audited).
export type { CasesService } from './cases.service.ts';
export type { ActionsService } from './actions.service.ts';
export { CORRECTION_SECTION } from './actions.service.ts';
export type { MonitoringService } from './monitoring.service.ts';
export type { FromSocialService, SocialReplyOutcome } from './from-social.service.ts';
export type { FiguresService } from './figures.service.ts';
export type { IntakeService } from './intake.service.ts';
export type { ClusteringService } from './clustering.service.ts';
export { RUMOR_FORM_RATE_LIMIT } from './intake.service.ts';

import { defineModule } from '../module.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import { createCasesService } from './cases.service.ts';
import type { CasesService } from './cases.service.ts';
import { RUMORS_ERRORS } from './rumors.errors.ts';
import { createHttpLinkResolver } from '../../providers/link-resolver/http.ts';
import { registerClusteringRoutes } from './clustering.routes.ts';
import { createClusteringService } from './clustering.service.ts';
import type { ClusteringService } from './clustering.service.ts';
import { isShortLink } from './url-normalize.ts';
import { can, systemActor } from '../access/index.ts';
import { createHttpFeedFetcher } from '../../providers/feeds/http.ts';
import { createFiguresService } from './figures.service.ts';
import type { FiguresService } from './figures.service.ts';
import { createFromSocialService } from './from-social.service.ts';
import type { FromSocialService } from './from-social.service.ts';
import { FEEDS_SCHEDULE, bindMonitoringJobs } from './monitoring.jobs.ts';
import { registerMonitoringRoutes } from './monitoring.routes.ts';
import { createMonitoringService } from './monitoring.service.ts';
import type { MonitoringService } from './monitoring.service.ts';
import type { RumorsContext } from './rumors.context.ts';
import { createInformantVault } from './informant-vault.ts';
import { createIntakeService } from './intake.service.ts';
import type { IntakeService } from './intake.service.ts';
import { registerIntakeRoutes } from './intake.routes.ts';
import { RETENTION_SCHEDULE, bindRetentionJobs } from './retention.jobs.ts';
import { registerActionRoutes } from './actions.routes.ts';
import { createActionsService } from './actions.service.ts';
import type { ActionsService, OpenIdentity } from './actions.service.ts';
import type { CasesDeps } from './cases.service.ts';
import { bindNotifyJobs, enqueueNotifications } from './notify.jobs.ts';

declare module '../module.ts' {
  interface Services {
    /** The desk's cases: lists, detail, workflow, conclusion, actions. */
    rumorCases: CasesService;
    /** Confirmation requests, police and press hand-offs, answers, the public correction, legal bases. */
    rumorActions: ActionsService;
    /** Press and web monitoring: feeds, watch keywords, matched items for review (→ reports). */
    rumorMonitoring: MonitoringService;
    /** The social inbox → desk hand-off, and the reply to the citizen when the case concludes (`replyForReport`). */
    rumorFromSocial: FromSocialService;
    /** The desk's figures by channel and period, and its start-page work. */
    rumorFigures: FiguresService;
    /** Intake (staff entry, the portal form, the status page) and the informant vault (reveal, rotation, retention). */
    rumorIntake: IntakeService;
    /** Similar cases (with the reason), merge, split, spread. */
    rumorClustering: ClusteringService;
  }
}

export const module = defineModule({
  name: 'rumors',
  errors: RUMORS_ERRORS,
  create: ({ db, clock, logger, files, jobs, publicUrl, env, linkResolver }, services) => {
    // Short links are followed over HTTP (only known shorteners, ≤ 5 hops, 3 s, no private address) unless the
    // container was given a resolver (tests: the fake).
    const resolver = linkResolver ?? createHttpLinkResolver({ follow: (u) => isShortLink(u.toString()) });
    const ctx: RumorsContext = { db, clock, logger, units: services.units.lookup, files, jobs, publicUrl, linkResolver: resolver };
    const publishing = services.publishing;
    // The informant key ring: LOA_INFORMANT_KEY (+ old keys), else DATA_DIR/informant.keys, else memory (tests).
    const rumorIntake = createIntakeService(ctx, {
      vault: createInformantVault(env),
      retentionDays: env.RUMOR_RETENTION_DAYS ?? 90,
      correction: async (postId, tx) => {
        const post = await publishing.portal.postById(postId, { tx });
        return post ? { url: `${publicUrl()}/bai-viet/${post.slug}`, publishedAt: post.publishedAt ? new Date(post.publishedAt).toISOString() : null } : null;
      },
    });
    const openIdentity: OpenIdentity = async (tx, informantId) => {
      const identity = await rumorIntake.openInformant(informantId, { tx });
      return identity.erased ? null : identity;
    };
    const caseDeps: CasesDeps = {
      correction: async (postId, tx) => {
        const post = await publishing.portal.postById(postId, { tx });
        return post ? { url: `${publicUrl()}/bai-viet/${post.slug}`, publishedAt: post.publishedAt ? new Date(post.publishedAt).toISOString() : null } : null;
      },
      notifyRequesters: (tx, a, row, link) => enqueueNotifications({ jobs, clock }, tx, a, row, link),
      socialCount: async (actor, unitId, link) => {
        if (!can(actor, 'social.read', { unitPath: (await services.units.lookup.byId(unitId))?.path ?? '' })) return 0;
        return (await services.socialPublishing.listPublications(actor, unitId, { sourceKind: 'text' })).filter((p) => p.link === link).length;
      },
    };
    const rumorActions = createActionsService(ctx, {
      ...caseDeps,
      directives: services.directives,
      tasks: services.tasks,
      publishing,
      broadcasts: services.broadcasts,
      bulletins: services.bulletins,
      socialAccounts: services.socialAccounts,
      socialPublishing: services.socialPublishing,
      openIdentity,
    });
    return {
      rumorClustering: createClusteringService(ctx),
      rumorIntake,
      rumorActions,
      rumorCases: createCasesService(ctx, caseDeps),
      rumorMonitoring: createMonitoringService({ ...ctx, fetcher: createHttpFeedFetcher() }),
      rumorFromSocial: createFromSocialService({ ...ctx, inbox: services.socialInbox, seal: (tx, unitId, sender) => rumorIntake.sealInformant(unitId, sender, { tx }) }),
      rumorFigures: createFiguresService({
        ...ctx,
        // A correction counts from its publication: asked of the publishing module, one post at a time (few per desk).
        correctionDates: async (ids) => {
          const out = new Map<string, Date | null>();
          for (const id of ids) {
            const post = await publishing.getPost(systemActor('job:rumors.figures'), id).catch(() => null);
            out.set(id, post?.status === 'published' && post.publishedAt ? new Date(post.publishedAt) : null);
          }
          return out;
        },
      }),
    };
  },
  routes: async (app, { services }) => {
    await registerIntakeRoutes(app, services.rumorIntake);
    registerCaseRoutes(app, services.rumorCases);
    registerClusteringRoutes(app, services.rumorClustering);
    registerActionRoutes(app, services.rumorActions);
    registerMonitoringRoutes(app, { monitoring: services.rumorMonitoring, fromSocial: services.rumorFromSocial, figures: services.rumorFigures });
  },
  jobs: ({ db, clock, logger, files, jobs, publicUrl, mailer }, services) => [
    ...bindMonitoringJobs({ db, clock, logger, units: services.units.lookup, files, jobs, publicUrl, fetcher: createHttpFeedFetcher() }),
    ...bindRetentionJobs({ eraseExpired: () => services.rumorIntake.eraseExpired() }),
    ...bindNotifyJobs({
      db,
      clock,
      logger,
      mailer,
      openIdentity: services.rumorActions.openIdentityForJob,
      unitName: async (unitId) => (await services.units.lookup.byId(unitId))?.name ?? '',
      replySocial: (reportId, text) => services.rumorFromSocial.replyForReport(reportId, text),
    }),
  ],
  schedules: () => [FEEDS_SCHEDULE, RETENTION_SCHEDULE],
});
