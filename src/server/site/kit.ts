import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectivesService } from '../modules/directives/index.ts';
import type { EmergencyService } from '../modules/emergency/index.ts';
import type { PublishingService, SectionView } from '../modules/publishing/index.ts';
import type { IntakeService } from '../modules/rumors/index.ts';
import type { SettingsService } from '../modules/settings/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { PublicUrl } from '../platform/public-url.ts';
import type { Rendered } from './cache.ts';
import type { PageOptions } from './layout.ts';
import type { SituationBlock } from './pages.ts';

/** Browsers and proxies may keep a page a minute, revalidate in the background, and ride out an outage. */
export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';

export interface SiteDeps {
  settings: SettingsService;
  publishing: PublishingService;
  /** Public directives (/van-ban); optional so a portal can run without the directives module. */
  directives?: Pick<DirectivesService, 'listPublicDirectives' | 'getPublicDirective' | 'renderDirective' | 'onPublicChange'>;
  clock: Clock;
  /** The emergency notices shown at the top of the home page while active (optional: a portal without the module). */
  emergency?: Pick<EmergencyService, 'activeBanners' | 'onBannerChange'>;
  /** PUBLIC_URL, else the host each request came to. */
  publicUrl: PublicUrl;
  /** The misinformation desk's public form and status pages (/phan-anh-tin-sai); optional: a portal without the desk. */
  rumors?: Pick<IntakeService, 'formToken' | 'submitPortalReport' | 'publicStatus'>;
}

/** What the portal's route files share (built once in site.routes.ts). */
export interface SiteKit {
  deps: SiteDeps;
  portal: PublishingService['portal'];
  /** Serves a cached page; pages hold absolute links, so each base URL has its own entries. */
  send: (req: FastifyRequest, reply: FastifyReply, key: string, render: (base: string) => Promise<Rendered>) => Promise<FastifyReply>;
  html: (base: string, o: PageOptions, status?: number) => Promise<Rendered>;
  notFound: (base: string) => Promise<Rendered>;
  situationBlock: (sections: readonly (SectionView & { ownerName: string; delegateName: string | null })[], days: number) => Promise<(SituationBlock & { slug: string }) | null>;
}
