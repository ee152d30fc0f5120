// The social module's public surface (issue #14): the unit's Facebook Page / Zalo OA, cross-posts, the inbox.
export type { AccountsService } from './accounts.service.ts';
export type { CrossPosting } from './publishing.service.ts';
export type { InboxService } from './inbox.service.ts';
export type { Webhooks } from './webhooks.service.ts';
export type { SocialProviders } from './social.context.ts';

import { defineModule } from '../module.ts';
import { createAccountsService } from './accounts.service.ts';
import { createFeaturedPhotoReader } from './featured-photo.ts';
import type { AccountsService } from './accounts.service.ts';
import { createInboxService } from './inbox.service.ts';
import type { InboxService } from './inbox.service.ts';
import { createCrossPosting } from './publishing.service.ts';
import type { CrossPosting } from './publishing.service.ts';
import { SOCIAL_ERRORS } from './social.errors.ts';
import { publishJob } from './social.jobs.ts';
import { registerSocialRoutes } from './social.routes.ts';
import type { SocialContext } from './social.context.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';
import { createWebhooks } from './webhooks.service.ts';
import type { Webhooks } from './webhooks.service.ts';

declare module '../module.ts' {
  interface Services {
    /** Connected pages of a unit (tokens sealed, shown masked). */
    socialAccounts: AccountsService;
    /** Cross-posting a portal post, a broadcast or a text to the unit's pages, through the outbox. */
    socialPublishing: CrossPosting;
    /** The unit's social inbox: assign, tag, reply within the platform's window, turn into a portal question. */
    socialInbox: InboxService;
    /** The platforms' webhooks (handshake, signed deliveries). */
    socialWebhooks: Webhooks;
  }
}

/** Social pages (issue #14; docs/social.md). */
export const module = defineModule({
  name: 'social',
  errors: SOCIAL_ERRORS,
  create: ({ db, clock, logger, jobs, publicUrl, social, secretBox }, services) => {
    const ctx: SocialContext = { db, clock, logger, units: services.units.lookup, box: secretBox, providers: social, publicUrl };
    const { publishing, broadcasts } = services;
    return {
      socialAccounts: createAccountsService(ctx),
      socialPublishing: createCrossPosting({
        ...ctx,
        jobs,
        sources: {
          getPost: (a, id) => publishing.getPost(a, id),
          getBroadcast: (a, id) => broadcasts.getBroadcast(a, id),
          featuredPhoto: createFeaturedPhotoReader(publishing, publicUrl),
        },
      }),
      socialInbox: createInboxService({ ...ctx, questions: { recordAnsweredQuestion: (a, input) => publishing.recordAnsweredQuestion(a, input) } }),
      socialWebhooks: createWebhooks(ctx),
    };
  },
  routes: async (app, { services }) => {
    registerSocialRoutes(app, { accounts: services.socialAccounts, crossPosting: services.socialPublishing, inbox: services.socialInbox });
    await registerWebhookRoutes(app, services.socialWebhooks);
  },
  jobs: (_ctx, services) => [{ ...publishJob, handle: ({ publicationId }: { publicationId: string }) => services.socialPublishing.runPublication(publicationId) }],
});
