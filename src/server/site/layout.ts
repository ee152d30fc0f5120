import type { LinkView, SectionView } from '../modules/publishing/index.ts';
import type { PortalSettings } from '../modules/settings/index.ts';
import { esc, htmlDocument, telHref } from './html.ts';

/**
 * Mobile first; text and controls meet WCAG AA contrast; visible focus; no JavaScript anywhere. On a
 * phone the sections menu is one row that scrolls sideways, so the content starts near the top.
 */
export const CSS = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;color:#1a1a1a;background:#fafafa;line-height:1.6}
a{color:#0b4f9c}a:visited{color:#5a2d82}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}.skip:focus{left:8px;top:8px;background:#fff;color:#0b4f9c;padding:8px 12px;z-index:10}
header.site{background:#a50e0e;color:#fff;padding:12px 16px}header.site a{color:#fff;text-decoration:none}
header.site .parent{font-size:.85rem;text-transform:uppercase;margin:0}header.site .name{font-size:1.2rem;margin:2px 0;text-transform:uppercase;font-weight:700}
header.site img{height:48px;float:left;margin-right:12px}
nav.sections{background:#7d0a0a}nav.sections ul{list-style:none;margin:0 auto;padding:0 8px;display:flex;flex-wrap:nowrap;overflow-x:auto;max-width:1040px;scrollbar-width:thin}
nav.sections li{flex:none}nav.sections a{display:block;color:#fff;padding:10px 10px;text-decoration:none;font-weight:600;white-space:nowrap}nav.sections a:hover,nav.sections a[aria-current]{text-decoration:underline}
.hotline{background:#fff3cd;color:#4d3200;padding:8px 16px;font-weight:600;margin:0}.hotline a{color:#4d3200}
main{max-width:1040px;margin:0 auto;padding:16px}footer.site{border-top:1px solid #ccc;padding:16px;font-size:.95rem;color:#333;max-width:1040px;margin:0 auto}
h1{font-size:1.6rem;line-height:1.3;margin:.4em 0}h2{font-size:1.3rem;margin:1.2em 0 .5em}h3{font-size:1.1rem;margin:.3em 0}
.meta{color:#4a4a4a;font-size:.95rem}.lead{font-weight:600}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:12px}
.cards li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px}
.cards img{width:100%;height:auto;border-radius:4px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #ccc;padding:6px 8px;text-align:right}th[scope=row],thead th:first-child{text-align:left}
.table-wrap{overflow-x:auto;max-width:100%}.table-wrap:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.chart{margin:12px 0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.9rem}
.box{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:12px 0}
.links{padding-left:1.2em}
mark{background:#ffe066;color:#1a1a1a}
article .body img{max-width:100%;height:auto}article .body{overflow-wrap:anywhere}
.revisions{border-left:4px solid #f2a900;padding:4px 12px;background:#fffbea}
form label{display:block;font-weight:600;margin-top:12px}form input[type=text],form input[type=email],form input[type=search],form textarea,form select{width:100%;font:inherit;padding:8px;border:1px solid #555;border-radius:4px;background:#fff}
form button{font:inherit;margin-top:12px;padding:10px 18px;background:#0b4f9c;color:#fff;border:0;border-radius:4px;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.error{color:#8a1010;font-weight:600}.pager{display:flex;gap:16px;margin:16px 0}
@media(max-width:719px){header.site{padding:8px 12px}header.site img{height:36px}header.site .name{font-size:1.05rem}th,td{padding:4px 6px}}
@media(min-width:720px){nav.sections ul{flex-wrap:wrap;overflow-x:visible}.cards{grid-template-columns:repeat(2,1fr)}.cols{display:grid;grid-template-columns:2fr 1fr;gap:24px}h1{font-size:2rem}}
`;

export interface Chrome {
  settings: PortalSettings;
  sections: readonly Pick<SectionView, 'slug' | 'name'>[];
  links: readonly LinkView[];
  publicUrl: string;
}

export interface PageOptions {
  title: string;
  description: string;
  path: string;
  body: string;
  /** Section slug to mark as current in the navigation. */
  current?: string | undefined;
  og?: { type: 'website' | 'article'; image?: string | null | undefined; publishedTime?: string | undefined };
  /** Extra <link rel="alternate"> feeds. */
  feeds?: { title: string; href: string }[];
  noindex?: boolean;
  /** Structured data of the page (schema.org JSON-LD, e.g. a correction's ClaimReview), in the head. */
  jsonLd?: unknown;
}

/** A JSON-LD block: `<` escaped as \u003c so no `</script>` (or comment opener) inside the data can end the element. */
export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export function absolute(publicUrl: string, pathOrUrl: string): string {
  if (/^https?:\/\//.test(pathOrUrl)) return pathOrUrl;
  return `${publicUrl.replace(/\/$/, '')}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

/** The whole HTML document: landmarks, skip link, navigation, hotline strip, Open Graph tags. */
export function page(chrome: Chrome, o: PageOptions): string {
  const s = chrome.settings;
  const url = absolute(chrome.publicUrl, o.path);
  const title = o.path === '/' ? s.authorityName : `${o.title} | ${s.authorityName}`;
  const og = o.og ?? { type: 'website' as const };
  const feeds = [{ title: `Tin mới - ${s.authorityName}`, href: '/rss.xml' }, ...(o.feeds ?? [])];
  const hotlines = chrome.links.filter((l) => l.kind === 'hotline');
  const firstHotline = s.hotline ? { label: 'Đường dây nóng', value: s.hotline } : hotlines[0];
  const head = `<meta name="description" content="${esc(o.description)}">
<link rel="canonical" href="${esc(url)}"><link rel="icon" href="/favicon.ico" sizes="any"><link rel="icon" href="/favicon.svg" type="image/svg+xml">${o.noindex ? '<meta name="robots" content="noindex">' : ''}
${feeds.map((f) => `<link rel="alternate" type="application/rss+xml" title="${esc(f.title)}" href="${esc(f.href)}">`).join('')}
<meta property="og:site_name" content="${esc(s.authorityName)}"><meta property="og:locale" content="vi_VN">
<meta property="og:type" content="${og.type}"><meta property="og:title" content="${esc(o.title)}">
<meta property="og:description" content="${esc(o.description)}"><meta property="og:url" content="${esc(url)}">
${og.image ? `<meta property="og:image" content="${esc(absolute(chrome.publicUrl, og.image))}">` : ''}${og.publishedTime ? `<meta property="article:published_time" content="${esc(og.publishedTime)}">` : ''}${o.jsonLd ? `\n${jsonLdScript(o.jsonLd)}` : ''}`;
  const body = `<a class="skip" href="#noi-dung">Chuyển đến nội dung chính</a>
<header class="site" role="banner">${s.logoUrl ? `<img src="${esc(s.logoUrl)}" alt="Biểu trưng ${esc(s.authorityName)}">` : ''}
${s.parentName ? `<p class="parent">${esc(s.parentName)}</p>` : ''}<p class="name"><a href="/">${esc(s.authorityName)}</a></p></header>
<nav class="sections" aria-label="Chuyên mục"><ul><li><a href="/"${o.path === '/' ? ' aria-current="page"' : ''}>Trang chủ</a></li>
${chrome.sections.map((c) => `<li><a href="/chuyen-muc/${esc(c.slug)}"${o.current === c.slug ? ' aria-current="page"' : ''}>${esc(c.name)}</a></li>`).join('')}
<li><a href="/tinh-hinh"${o.current === 'tinh-hinh' ? ' aria-current="page"' : ''}>Tình hình dịch bệnh</a></li><li><a href="/van-ban"${o.current === 'van-ban' ? ' aria-current="page"' : ''}>Văn bản</a></li><li><a href="/hoi-dap"${o.current === 'hoi-dap' ? ' aria-current="page"' : ''}>Hỏi đáp</a></li>
<li><a href="/tim-kiem"${o.current === 'tim-kiem' ? ' aria-current="page"' : ''}>Tìm kiếm</a></li></ul></nav>
${firstHotline ? `<p class="hotline">${esc(firstHotline.label)}: <a href="${esc(telHref(firstHotline.value))}">${esc(firstHotline.value)}</a></p>` : ''}
<main id="noi-dung" tabindex="-1">${o.body}</main>
<footer class="site" role="contentinfo"><p>${esc(s.authorityName)}${s.address ? ` · ${esc(s.address)}` : ''}${s.email ? ` · <a href="mailto:${esc(s.email)}">${esc(s.email)}</a>` : ''}</p>
<p><a href="/phan-anh-tin-sai">Phản ánh tin sai sự thật</a> · <a href="/rss.xml">Nhận tin RSS</a> · <a href="/tai-lieu">Tài liệu</a> · <a href="/sitemap.xml">Sơ đồ trang</a> · <a href="/admin/">Đăng nhập quản trị</a></p></footer>`;
  return htmlDocument({ title, head, css: CSS, body });
}
