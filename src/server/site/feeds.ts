import { esc } from './html.ts';

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  date: Date;
  description: string;
  category?: string | undefined;
}

/**
 * Text for an RSS element that readers render as HTML (description): escaped for HTML, then wrapped
 * in CDATA for XML, so a summary reading `<b>x</b>` reaches the reader's screen as those characters
 * and never as markup. A `]]>` (not left by the HTML escape, but kept safe anyway) is split across two
 * CDATA sections.
 */
export function htmlText(s: string): string {
  return `<![CDATA[${esc(s).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** RSS 2.0 with an atom:link to itself; every text is escaped, descriptions for HTML-rendering readers too. */
export function rss(o: { title: string; link: string; self: string; description: string; items: readonly FeedItem[] }): string {
  const items = [...o.items].sort((a, b) => b.date.getTime() - a.date.getTime());
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${esc(o.title)}</title><link>${esc(o.link)}</link><description>${htmlText(o.description)}</description><language>vi</language>
<atom:link href="${esc(o.self)}" rel="self" type="application/rss+xml"/>
${items[0] ? `<lastBuildDate>${items[0].date.toUTCString()}</lastBuildDate>` : ''}
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.guid)}</guid><pubDate>${i.date.toUTCString()}</pubDate>${
        i.category ? `<category>${esc(i.category)}</category>` : ''
      }<description>${htmlText(i.description)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function sitemap(urls: readonly { loc: string; lastmod?: Date | undefined }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`).join('\n')}
</urlset>`;
}
