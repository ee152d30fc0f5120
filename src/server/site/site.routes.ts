
import type { Api } from '../http/types.ts';
import type { SettingsService } from '../modules/settings/index.ts';
import type { Clock } from '../platform/clock.ts';
import { formatVnDate } from '../platform/text.ts';
import { esc } from './html.ts';

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fafafa;line-height:1.55}
a{color:#0b4f9c}a:focus,button:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px}
header{background:#a50e0e;color:#fff;padding:12px 16px}header .parent{font-size:.85rem;text-transform:uppercase;margin:0}
header h1{font-size:1.25rem;margin:2px 0;text-transform:uppercase}header img{height:48px;float:left;margin-right:12px}
.hotline{background:#fff3cd;color:#5c3c00;padding:8px 16px;font-weight:600}
main{max-width:960px;margin:0 auto;padding:16px}footer{border-top:1px solid #ddd;padding:16px;font-size:.9rem;color:#444;max-width:960px;margin:0 auto}
`;

/** The public portal shell: server-rendered, no JavaScript, readable on any phone. */
export function registerSiteRoutes(app: Api, deps: { settings: SettingsService; clock: Clock }): void {
  app.get('/', async (_req, reply) => {
    const s = await deps.settings.getPortalSettings();
    const today = formatVnDate(deps.clock.now());
    const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(s.authorityName)}</title><meta name="description" content="${esc(`Thông tin chính thức của ${s.authorityName}`)}">
<style>${CSS}</style></head><body>
<a class="skip" href="#noi-dung">Chuyển đến nội dung chính</a>
<header role="banner">${s.logoUrl ? `<img src="${esc(s.logoUrl)}" alt="Biểu trưng ${esc(s.authorityName)}">` : ''}
${s.parentName ? `<p class="parent">${esc(s.parentName)}</p>` : ''}<h1>${esc(s.authorityName)}</h1></header>
${s.hotline ? `<p class="hotline" role="note">Đường dây nóng: <a href="tel:${esc(s.hotline.replace(/[^0-9+]/g, ''))}">${esc(s.hotline)}</a></p>` : ''}
<main id="noi-dung"><h2>Thông tin chính thức</h2><p>Hôm nay, ${esc(today)}.</p>
<p>Cổng thông tin đang được cập nhật. Tin tức, thông tin cần biết và văn bản chỉ đạo sẽ được đăng tại đây.</p></main>
<footer role="contentinfo"><p>${esc(s.authorityName)}${s.address ? ` · ${esc(s.address)}` : ''}${s.email ? ` · <a href="mailto:${esc(s.email)}">${esc(s.email)}</a>` : ''}</p>
<p><a href="/admin/">Đăng nhập quản trị</a></p></footer></body></html>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400').send(html);
  });
}
