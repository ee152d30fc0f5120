import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { markRoutesPublic } from '../http/session.ts';
import type { Api } from '../http/types.ts';
import { slugSchema } from '../modules/publishing/index.ts';
import type { SectionView } from '../modules/publishing/index.ts';
import { AppError } from '../platform/errors.ts';
import { formatVnDate } from '../platform/text.ts';
import { PageCache, isCachedPage, notModified } from './cache.ts';
import { createDirectivePdfs } from './directive-pdf.ts';
import { registerFeedRoutes } from './feed.routes.ts';
import { CACHE_CONTROL } from './kit.ts';
import type { SiteDeps, SiteKit } from './kit.ts';
import { QUESTION_RATE_LIMIT, registerQuestionRoutes } from './question.routes.ts';
import { registerRumorFormRoutes } from './rumor-form.routes.ts';
import { HTML, installErrorPages } from './server-rendered.ts';
import type { Rendered } from './cache.ts';
import { esc, vnNoon } from './html.ts';
import { page } from './layout.ts';
import type { Chrome, PageOptions } from './layout.ts';
import {
  articleBody,
  directiveBody,
  directiveDate,
  directiveListBody,
  faqBody,
  homeBody,
  mediaBody,
  mediaListBody,
  messageBody,
  postCards,
  searchBody,
  situationChart,
  situationHistory,
  situationTable,
  situationTitle,
} from './pages.ts';
import type { SituationBlock } from './pages.ts';

export { CACHE_CONTROL, QUESTION_RATE_LIMIT };
export type { SiteDeps };
const PAGE_SIZE = 12;
const DIRECTIVE_PAGE_SIZE = 20;
/** No script may run on the portal, whatever a body contains; styles are the one inline sheet. */
const CSP =
  "default-src 'self'; img-src 'self' https: http: data:; media-src 'self'; style-src 'unsafe-inline'; script-src 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The public portal: server-rendered, cached in memory, readable without JavaScript. */
export async function registerSiteRoutes(app: Api, deps: SiteDeps): Promise<PageCache> {
  const portal = deps.publishing.portal;
  const cache = new PageCache({ freshMs: 60_000, staleIfErrorMs: 86_400_000, maxEntries: 2000, now: () => deps.clock.now() });
  deps.publishing.onChange(() => cache.clear());
  deps.emergency?.onBannerChange(() => cache.clear());
  const pdfs = createDirectivePdfs(deps.directives, CACHE_CONTROL);
  // An issued, revoked or edited directive may change /van-ban, its pages and search results.
  deps.directives?.onPublicChange(() => {
    cache.clear();
    pdfs.clear();
  });

  async function chrome(base: string): Promise<Chrome> {
    const [settings, sections, links] = await Promise.all([deps.settings.getPortalSettings(), portal.sections(), portal.links()]);
    return { settings, sections, links, publicUrl: base };
  }
  const html = async (base: string, o: PageOptions, status = 200): Promise<Rendered> => ({ body: page(await chrome(base), o), type: HTML, status });
  const notFound = (base: string) =>
    html(
      base,
      {
        title: 'Không tìm thấy trang',
        description: 'Không tìm thấy trang',
        path: '/',
        body: messageBody('Không tìm thấy trang', 'Trang bạn tìm không tồn tại hoặc đã được gỡ.'),
        noindex: true,
      },
      404,
    );

  async function situationBlock(
    sections: readonly (SectionView & { ownerName: string; delegateName: string | null })[],
    days: number,
  ): Promise<(SituationBlock & { slug: string }) | null> {
    const s = sections.find((x) => x.situationFields);
    if (!s?.situationFields) return null;
    return { sectionName: s.name, source: s.delegateName ?? s.ownerName, slug: s.slug, fields: s.situationFields, updates: await portal.situation(s.id, days) };
  }

  /** Serves a cached page; pages hold absolute links, so each base URL has its own entries. */
  async function send(req: FastifyRequest, reply: FastifyReply, key: string, render: (base: string) => Promise<Rendered>) {
    const base = deps.publicUrl.forRequest(req);
    const result = await cache.get(`${base} ${key}`, () => render(base));
    if (!isCachedPage(result))
      return reply
        .status(result.status ?? 200)
        .type(result.type)
        .header('cache-control', 'no-store')
        .send(result.body);
    void reply.header('etag', result.etag).header('last-modified', result.lastModified.toUTCString()).header('cache-control', CACHE_CONTROL).type(result.type);
    if (notModified(result, req.headers)) return reply.status(304).send();
    return reply.send(result.body);
  }

  const kit: SiteKit = { deps, portal, send, html, notFound, situationBlock };

  await app.register(async (site) => {
    // The whole portal (pages, feeds, files, the question form) is for anyone: no session is read.
    markRoutesPublic(site);
    await site.register(fastifyFormbody, { bodyLimit: 16_384 });
    site.addHook('onRequest', async (_req, reply) => {
      void reply
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'strict-origin-when-cross-origin')
        .header('x-frame-options', 'DENY');
    });
    // Errors on the portal are pages, not JSON, with the catalogue's status (a refused origin stays 403).
    installErrorPages(
      site,
      'portal page failed',
      async (req, e) =>
        (await html(deps.publicUrl.forRequest(req), { title: 'Thông báo', description: e.message, path: req.url, body: messageBody('Thông báo', e.message), noindex: true })).body,
    );

    site.get('/', async (req, reply) =>
      send(req, reply, '/', async (base) => {
        const [settings, sections] = await Promise.all([deps.settings.getPortalSettings(), portal.sections()]);
        const situation = await situationBlock(sections, 30);
        const infoSection = sections.find((s) => s.slug === 'thong-tin-can-biet') ?? sections.find((s) => s.situationFields);
        const [latest, infoPosts, links, questions, notices] = await Promise.all([
          portal.latestPosts({ limit: 8 }),
          infoSection ? portal.latestPosts({ sectionId: infoSection.id, limit: 5 }) : Promise.resolve([]),
          portal.links(),
          portal.questions(3),
          deps.emergency?.activeBanners() ?? Promise.resolve([]),
        ]);
        const latestUpdate = situation?.updates[0];
        return html(base, {
          title: settings.authorityName,
          description:
            latestUpdate && situation ? `${situationTitle(latestUpdate)}. Tin tức, thông tin cần biết, đường dây nóng.` : `Thông tin chính thức của ${settings.authorityName}`,
          path: '/',
          body: homeBody({
            authorityName: settings.authorityName,
            situation,
            latest,
            info: infoSection ? { slug: infoSection.slug, name: infoSection.name, posts: infoPosts, delegateName: infoSection.delegateName } : null,
            links,
            questions,
            notices,
          }),
        });
      }),
    );

    site.get('/chuyen-muc/:slug', async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const n = Number((req.query as { trang?: string }).trang ?? '1');
      const pageNo = Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
      return send(req, reply, `/chuyen-muc/${slug}?trang=${pageNo}`, async (base) => {
        const section = slugSchema.safeParse(slug).success ? await portal.sectionBySlug(slug) : null;
        if (!section) return notFound(base);
        const [posts, total] = await Promise.all([
          portal.latestPosts({ sectionId: section.id, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
          portal.countPosts(section.id),
        ]);
        const situation = section.situationFields && pageNo === 1 ? await situationBlock([section], 14) : null;
        const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        const pager = `<nav class="pager" aria-label="Phân trang">${pageNo > 1 ? `<a href="/chuyen-muc/${slug}?trang=${pageNo - 1}" rel="prev">Trang trước</a>` : ''}<span>Trang ${pageNo}/${pages}</span>${
          pageNo < pages ? `<a href="/chuyen-muc/${slug}?trang=${pageNo + 1}" rel="next">Trang sau</a>` : ''
        }</nav>`;
        return html(base, {
          title: section.name,
          description: section.description ?? `${section.name} - tin bài mới nhất`,
          path: `/chuyen-muc/${slug}${pageNo > 1 ? `?trang=${pageNo}` : ''}`,
          current: slug,
          feeds: [{ title: section.name, href: `/chuyen-muc/${slug}/rss.xml` }],
          body: `<h1>${esc(section.name)}</h1>${section.delegateName ? `<p class="meta">Chuyên mục do ${esc(section.delegateName)} cập nhật</p>` : ''}${
            section.description ? `<p>${esc(section.description)}</p>` : ''
          }${situation && situation.updates.length ? `<section aria-labelledby="so-lieu"><h2 id="so-lieu">Số liệu mới nhất</h2>${situationTable(situation, { id: 'so-lieu-bang' })}${situationChart(situation, 'bieu-do-cm', 14)}</section>` : ''}${postCards(posts, 2)}${pager}`,
        });
      });
    });

    site.get('/bai-viet/:slug', async (req, reply) => {
      const { slug } = req.params as { slug: string };
      return send(req, reply, `/bai-viet/${slug}`, async (base) => {
        const post = slugSchema.safeParse(slug).success ? await portal.postBySlug(slug) : undefined;
        if (!post) return notFound(base);
        return html(base, {
          title: post.title,
          description: post.summary ?? post.bodyText.slice(0, 200),
          path: `/bai-viet/${post.slug}`,
          current: post.sectionSlug,
          og: { type: 'article', image: post.featuredImageUrl, publishedTime: post.publishedAt?.toISOString() },
          jsonLd: post.structuredData ?? undefined,
          body: articleBody(post, portal.revisionsOf(post)),
        });
      });
    });

    site.get('/tinh-hinh', async (req, reply) =>
      send(req, reply, '/tinh-hinh', async (base) => {
        const block = await situationBlock(await portal.sections(), 120);
        const latest = block?.updates[0];
        return html(base, {
          title: 'Tình hình dịch bệnh',
          description: latest ? situationTitle(latest) : 'Số liệu tình hình dịch bệnh theo ngày',
          path: '/tinh-hinh',
          current: 'tinh-hinh',
          body:
            block && latest
              ? `<h1>Tình hình dịch bệnh</h1><p class="meta">Số liệu do ${esc(block.source)} cập nhật lúc 15 giờ hằng ngày. Mới nhất: ${esc(formatVnDate(vnNoon(latest.date)))}.</p>
${situationTable(block, { id: 'so-lieu-moi' })}${situationChart(block, 'bieu-do-tinh-hinh', 60)}${situationHistory(block)}`
              : messageBody('Tình hình dịch bệnh', 'Chưa có số liệu.'),
        });
      }),
    );

    site.get('/tim-kiem', async (req, reply) => {
      const raw = (req.query as { q?: unknown }).q;
      const q = typeof raw === 'string' ? raw.normalize('NFC').trim().slice(0, 200) : '';
      return send(req, reply, `/tim-kiem?q=${q.toLowerCase()}`, async (base) => {
        const [result, docs] = q ? await Promise.all([portal.search(q, 30), deps.directives ? deps.directives.listPublicDirectives({ q, limit: 30 }) : null]) : [null, null];
        const found = result && result.words.length ? { ...result, directives: docs?.items ?? [] } : null;
        return html(base, {
          title: q ? `Tìm kiếm: ${q}` : 'Tìm kiếm',
          description: 'Tìm kiếm tin bài, số liệu và văn bản',
          path: '/tim-kiem',
          current: 'tim-kiem',
          noindex: Boolean(q),
          body: searchBody(q, found),
        });
      });
    });

    site.get('/van-ban', async (req, reply) => {
      const n = Number((req.query as { trang?: string }).trang ?? '1');
      const pageNo = Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
      return send(req, reply, `/van-ban?trang=${pageNo}`, async (base) => {
        const { items, total } = deps.directives
          ? await deps.directives.listPublicDirectives({ limit: DIRECTIVE_PAGE_SIZE, offset: (pageNo - 1) * DIRECTIVE_PAGE_SIZE })
          : { items: [], total: 0 };
        const pages = Math.max(1, Math.ceil(total / DIRECTIVE_PAGE_SIZE));
        const pager =
          pages > 1
            ? `<nav class="pager" aria-label="Phân trang">${pageNo > 1 ? `<a href="/van-ban?trang=${pageNo - 1}" rel="prev">Trang trước</a>` : ''}<span>Trang ${pageNo}/${pages}</span>${
                pageNo < pages ? `<a href="/van-ban?trang=${pageNo + 1}" rel="next">Trang sau</a>` : ''
              }</nav>`
            : '';
        return html(base, {
          title: 'Văn bản',
          description: 'Văn bản do cơ quan ban hành được công khai: số, ký hiệu, ngày ban hành, trích yếu',
          path: `/van-ban${pageNo > 1 ? `?trang=${pageNo}` : ''}`,
          current: 'van-ban',
          body: directiveListBody(items, pager),
        });
      });
    });
    site.get('/van-ban/:id', async (req, reply) => {
      const { id: raw } = req.params as { id: string };
      const pdf = raw.endsWith('.pdf');
      const id = pdf ? raw.slice(0, -4) : raw;
      if (pdf) return pdfs.serve(req, reply, id, UUID.test(id));
      return send(req, reply, `/van-ban/${id}`, async (base) => {
        const d = UUID.test(id) && deps.directives ? await deps.directives.getPublicDirective(id) : null;
        if (!d) return notFound(base);
        const date = directiveDate(d);
        return html(base, {
          title: `${d.docTypeName} số ${d.fullSymbol}`,
          description: `${d.subject}${date ? ` (${d.issuer}, ${date})` : ''}`.slice(0, 300),
          path: `/van-ban/${d.id}`,
          current: 'van-ban',
          body: directiveBody(d),
        });
      });
    });

    site.get('/hoi-dap', async (req, reply) =>
      send(req, reply, '/hoi-dap', async (base) =>
        html(base, {
          title: 'Hỏi đáp',
          description: 'Câu hỏi của người dân và trả lời của cơ quan chức năng',
          path: '/hoi-dap',
          current: 'hoi-dap',
          body: faqBody(await portal.questions(100)),
        }),
      ),
    );

    registerQuestionRoutes(site, kit);
    await registerRumorFormRoutes(site, kit);
    site.get('/hoi-dap/da-gui', async (req, reply) =>
      send(req, reply, '/hoi-dap/da-gui', async (base) =>
        html(base, {
          title: 'Đã gửi câu hỏi',
          description: 'Đã gửi câu hỏi',
          path: '/hoi-dap/da-gui',
          current: 'hoi-dap',
          noindex: true,
          body: messageBody('Đã gửi câu hỏi', 'Cảm ơn bạn. Câu hỏi sẽ được cơ quan phụ trách trả lời và đăng tại mục Hỏi đáp.'),
        }),
      ),
    );

    site.get('/tai-lieu', async (req, reply) =>
      send(req, reply, '/tai-lieu', async (base) =>
        html(base, { title: 'Tài liệu', description: 'Tài liệu, hình ảnh, âm thanh, video', path: '/tai-lieu', body: mediaListBody(await portal.media(200)) }),
      ),
    );
    site.get('/tai-lieu/:id', async (req, reply) => {
      const { id } = req.params as { id: string };
      return send(req, reply, `/tai-lieu/${id}`, async (base) => {
        const m = UUID.test(id) ? await portal.mediaById(id) : null;
        if (!m) return notFound(base);
        return html(base, { title: m.title, description: `${m.title} (${m.fileName})`, path: `/tai-lieu/${m.id}`, body: mediaBody(m) });
      });
    });
    site.get('/tep/:id/:name', async (req, reply) => {
      const { id } = req.params as { id: string };
      const file = UUID.test(id) ? await portal.openMedia(id) : null;
      if (!file) throw new AppError('NOT_FOUND');
      const etag = `"${file.media.sha256}"`;
      void reply
        .header('etag', etag)
        // Not immutable: a file taken down must leave caches soon; the ETag keeps revalidation cheap.
        .header('cache-control', 'public, max-age=300, must-revalidate')
        .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'")
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.media.fileName)}`);
      if (req.headers['if-none-match'] === etag) {
        file.stream.destroy();
        return reply.status(304).send();
      }
      return reply.type(file.media.mime).header('content-length', file.size).send(file.stream);
    });

    registerFeedRoutes(site, kit);
  });
  return cache;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
