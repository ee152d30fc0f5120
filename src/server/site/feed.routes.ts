import type { Api } from '../http/types.ts';
import { slugSchema } from '../modules/publishing/index.ts';
import { formatNumber } from './html.ts';
import { rss, sitemap } from './feeds.ts';
import type { FeedItem } from './feeds.ts';
import { CACHE_CONTROL } from './kit.ts';
import type { SiteKit } from './kit.ts';
import { absolute } from './layout.ts';
import { situationTitle } from './pages.ts';
import type { SituationBlock } from './pages.ts';

const XML = 'application/xml; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

/** RSS of the portal and of each section, the sitemap, robots.txt. */
export function registerFeedRoutes(site: Api, { deps, portal, send, situationBlock }: SiteKit): void {
  const situationItems = (base: string, block: SituationBlock & { slug: string }, limit: number): FeedItem[] =>
    block.updates.slice(0, limit).map((u) => ({
      title: situationTitle(u),
      link: absolute(base, `/tinh-hinh#ngay-${u.date}`),
      guid: `situation:${u.id}:${u.publishedAt}`,
      date: new Date(u.publishedAt),
      category: block.sectionName,
      description: `${block.fields.map((f) => `${f.label}: ${formatNumber(u.figures[f.key] ?? 0)}`).join('; ')}.${u.note ? ` ${u.note}` : ''}`,
    }));
  const postItems = (base: string, posts: Awaited<ReturnType<typeof portal.latestPosts>>): FeedItem[] =>
    posts.map((p) => ({
      title: p.title,
      link: absolute(base, `/bai-viet/${p.slug}`),
      guid: absolute(base, `/bai-viet/${p.slug}`),
      date: p.publishedAt ?? p.updatedAt,
      category: p.sectionName,
      description: p.summary ?? p.bodyText.slice(0, 500),
    }));

  site.get('/rss.xml', async (req, reply) =>
    send(req, reply, '/rss.xml', async (base) => {
      const [settings, sections, posts] = await Promise.all([deps.settings.getPortalSettings(), portal.sections(), portal.latestPosts({ limit: 30 })]);
      const block = await situationBlock(sections, 10);
      const items = [...postItems(base, posts), ...(block ? situationItems(base, block, 10) : [])];
      return {
        type: RSS,
        body: rss({ title: settings.authorityName, link: absolute(base, '/'), self: absolute(base, '/rss.xml'), description: `Tin mới - ${settings.authorityName}`, items }),
      };
    }),
  );
  site.get('/chuyen-muc/:slug/rss.xml', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    return send(req, reply, `/chuyen-muc/${slug}/rss.xml`, async (base) => {
      const section = slugSchema.safeParse(slug).success ? await portal.sectionBySlug(slug) : null;
      if (!section) return { type: XML, body: '<?xml version="1.0"?><error>not found</error>', status: 404 };
      const settings = await deps.settings.getPortalSettings();
      const posts = await portal.latestPosts({ sectionId: section.id, limit: 30 });
      const block = section.situationFields ? await situationBlock([section], 10) : null;
      const items = [...postItems(base, posts), ...(block ? situationItems(base, block, 10) : [])];
      return {
        type: RSS,
        body: rss({
          title: `${section.name} - ${settings.authorityName}`,
          link: absolute(base, `/chuyen-muc/${slug}`),
          self: absolute(base, `/chuyen-muc/${slug}/rss.xml`),
          description: section.description ?? section.name,
          items,
        }),
      };
    });
  });
  site.get('/sitemap.xml', async (req, reply) =>
    send(req, reply, '/sitemap.xml', async (base) => {
      const [sections, posts] = await Promise.all([portal.sections(), portal.publishedSlugs()]);
      const urls = [
        { loc: absolute(base, '/') },
        ...sections.map((s) => ({ loc: absolute(base, `/chuyen-muc/${s.slug}`) })),
        { loc: absolute(base, '/tinh-hinh') },
        { loc: absolute(base, '/van-ban') },
        { loc: absolute(base, '/hoi-dap') },
        { loc: absolute(base, '/tai-lieu') },
        ...posts.map((p) => ({ loc: absolute(base, `/bai-viet/${p.slug}`), lastmod: p.updatedAt })),
      ];
      return { type: XML, body: sitemap(urls) };
    }),
  );
  site.get('/robots.txt', async (req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', CACHE_CONTROL)
      .send(`User-agent: *\nDisallow: /admin/\nDisallow: /api/\nSitemap: ${absolute(deps.publicUrl.forRequest(req), '/sitemap.xml')}\n`),
  );
}
