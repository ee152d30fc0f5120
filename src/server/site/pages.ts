import type { PublicDirectiveView } from '../modules/directives/index.ts';
import type { LinkView, MediaView, PublicPost, QuestionView, SituationView } from '../modules/publishing/index.ts';
import { formatVnDate } from '../platform/text.ts';
import { lineChart } from './chart.ts';
import type { ChartSeries } from './chart.ts';
import { highlight, snippet } from './highlight.ts';
import { esc, formatNumber, shortVnDate, telHref, vnNoon } from './html.ts';

export interface SituationBlock {
  sectionName: string;
  /** Who keeps the figures: the section's delegate unit, else its owner ("Sở Y tế tỉnh Lai Châu"). */
  source: string;
  fields: ChartSeries[];
  /** Newest first. */
  updates: SituationView[];
}

function excerpt(p: PublicPost, max = 220): string {
  const t = p.summary ?? p.bodyText;
  return t.length > max ? `${t.slice(0, max).replace(/\s+\S*$/, '')} …` : t;
}

export function postDate(p: PublicPost): string {
  return p.publishedAt ? formatVnDate(p.publishedAt) : '';
}

export function postCards(posts: readonly PublicPost[], headingLevel: 2 | 3 = 3): string {
  if (posts.length === 0) return '<p>Chưa có bài viết.</p>';
  const h = `h${headingLevel}`;
  return `<ul class="cards">${posts
    .map(
      (p) => `<li><article>${p.featuredImageUrl ? `<img src="${esc(p.featuredImageUrl)}" alt="" loading="lazy">` : ''}
<${h}><a href="/bai-viet/${esc(p.slug)}">${esc(p.title)}</a></${h}>
<p class="meta"><time datetime="${esc(p.publishedAt?.toISOString() ?? '')}">${esc(postDate(p))}</time> · ${esc(p.authorUnitName)}</p>
<p>${esc(excerpt(p))}</p></article></li>`,
    )
    .join('')}</ul>`;
}

/** Opens the box a wide table scrolls in: a named region that the keyboard can focus and scroll (WCAG 2.1.1). */
const tableRegion = (label: string): string => `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(label)}">`;

/** The latest figures as a table: each field, the day's value and the change from the day before. */
export function situationTable(block: SituationBlock, opts: { id: string }): string {
  const [latest, previous] = block.updates;
  if (!latest) return '<p>Chưa có số liệu.</p>';
  const rows = block.fields
    .map((f) => {
      const v = latest.figures[f.key];
      const p = previous?.figures[f.key];
      const delta = v !== undefined && p !== undefined ? v - p : null;
      return `<tr><th scope="row">${esc(f.label)}</th><td>${v === undefined ? '–' : esc(formatNumber(v))}</td><td>${delta === null ? '–' : `${delta > 0 ? '+' : ''}${esc(formatNumber(delta))}`}</td></tr>`;
    })
    .join('');
  const caption = `Số liệu ${formatVnDate(vnNoon(latest.date))}`;
  return `${tableRegion(caption)}<table id="${opts.id}"><caption>${esc(caption)}</caption>
<thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Số lượng</th><th scope="col">So với ngày trước</th></tr></thead><tbody>${rows}</tbody></table></div>
${latest.note ? `<p>${esc(latest.note)}</p>` : ''}`;
}

/** Every update as rows (newest first), for the history page. */
export function situationHistory(block: SituationBlock): string {
  if (block.updates.length === 0) return '<p>Chưa có số liệu.</p>';
  return `${tableRegion('Số liệu theo ngày')}<table><caption>Số liệu theo ngày</caption><thead><tr><th scope="col">Ngày</th>${block.fields
    .map((f) => `<th scope="col">${esc(f.label)}</th>`)
    .join('')}</tr></thead><tbody>${block.updates
    .map(
      (u) =>
        `<tr id="ngay-${esc(u.date)}"><th scope="row">${esc(shortVnDate(u.date))}</th>${block.fields
          .map((f) => `<td>${u.figures[f.key] === undefined ? '–' : esc(formatNumber(u.figures[f.key] ?? 0))}</td>`)
          .join('')}</tr>`,
    )
    .join('')}</tbody></table></div>`;
}

export function situationChart(block: SituationBlock, id: string, days: number): string {
  const points = block.updates.slice(0, days).map((u) => ({ date: u.date, figures: u.figures }));
  return lineChart(points, block.fields, { id, title: `Diễn biến ${block.fields.map((f) => f.label.toLowerCase()).join(', ')} theo ngày` });
}

export function situationTitle(u: SituationView): string {
  return `Cập nhật tình hình dịch bệnh ${formatVnDate(vnNoon(u.date))}`;
}

export function linksBlock(links: readonly LinkView[]): string {
  const hotlines = links.filter((l) => l.kind === 'hotline');
  const services = links.filter((l) => l.kind === 'service');
  return `${
    hotlines.length
      ? `<section class="box" aria-labelledby="duong-day-nong"><h2 id="duong-day-nong">Đường dây nóng</h2><ul class="links">${hotlines
          .map((l) => `<li>${esc(l.label)}: <a href="${esc(telHref(l.value))}">${esc(l.value)}</a>${l.note ? ` <span class="meta">(${esc(l.note)})</span>` : ''}</li>`)
          .join('')}</ul></section>`
      : ''
  }
${
  services.length
    ? `<section class="box" aria-labelledby="dich-vu-cong"><h2 id="dich-vu-cong">Dịch vụ công trực tuyến</h2><ul class="links">${services
        .map((l) => `<li><a href="${esc(l.value)}" rel="noopener">${esc(l.label)}</a>${l.note ? ` <span class="meta">${esc(l.note)}</span>` : ''}</li>`)
        .join('')}</ul></section>`
    : ''
}`;
}

/** The top of the home page during an emergency: each active notice with its text and link. */
function emergencyNotices(notices: readonly { headline: string; text: string; link: string | null }[]): string {
  if (notices.length === 0) return '';
  return `<section id="thong-bao-khan-cap" class="box" role="alert" aria-labelledby="khan-cap-tieu-de" style="border:3px solid #a10000;background:#fff0f0">
<h2 id="khan-cap-tieu-de" style="color:#a10000;margin-top:0">Thông báo khẩn cấp</h2>${notices
    .map((n) => `<p class="lead">${esc(n.headline)}</p><p>${esc(n.text)}</p>${n.link ? `<p><a href="${esc(n.link)}">Xem chi tiết</a></p>` : ''}`)
    .join('')}</section>`;
}

export function homeBody(o: {
  authorityName: string;
  situation: SituationBlock | null;
  latest: readonly PublicPost[];
  info: { slug: string; name: string; posts: readonly PublicPost[]; delegateName: string | null } | null;
  links: readonly LinkView[];
  questions: readonly QuestionView[];
  /** Emergency notices (thông báo khẩn cấp) while active, newest first. */
  notices?: readonly { headline: string; text: string; link: string | null }[];
}): string {
  const s = o.situation;
  const latest = s?.updates[0];
  return `${emergencyNotices(o.notices ?? [])}<h1>${esc(o.authorityName)}</h1>
<div class="cols"><div>
${
  s && latest
    ? `<section aria-labelledby="tinh-hinh"><h2 id="tinh-hinh">Tình hình dịch bệnh</h2>
<p class="meta">Cập nhật ${esc(formatVnDate(vnNoon(latest.date)))} · ${esc(s.source)}</p>
${situationTable(s, { id: 'so-lieu-moi' })}${situationChart(s, 'bieu-do', 14)}<p><a href="/tinh-hinh">Xem số liệu các ngày</a></p></section>`
    : ''
}
<section aria-labelledby="tin-moi"><h2 id="tin-moi">Tin mới</h2>${postCards(o.latest)}</section>
${o.info ? `<section aria-labelledby="can-biet"><h2 id="can-biet">${esc(o.info.name)}</h2>${o.info.delegateName ? `<p class="meta">Do ${esc(o.info.delegateName)} cập nhật</p>` : ''}${postCards(o.info.posts)}<p><a href="/chuyen-muc/${esc(o.info.slug)}">Xem tất cả</a></p></section>` : ''}
</div><aside aria-label="Liên hệ và dịch vụ">${linksBlock(o.links)}
${
  o.questions.length
    ? `<section class="box" aria-labelledby="hoi-dap-moi"><h2 id="hoi-dap-moi">Hỏi đáp</h2><ul class="links">${o.questions
        .map((q) => `<li><a href="/hoi-dap#q-${esc(q.id)}">${esc(q.question.length > 120 ? `${q.question.slice(0, 120)} …` : q.question)}</a></li>`)
        .join('')}</ul><p><a href="/hoi-dap/gui-cau-hoi">Gửi câu hỏi</a></p></section>`
    : '<p class="box"><a href="/hoi-dap/gui-cau-hoi">Gửi câu hỏi cho cơ quan chức năng</a></p>'
}
</aside></div>`;
}

export function articleBody(p: PublicPost, revisions: readonly { at: string; note: string }[]): string {
  return `<article><p class="meta"><a href="/chuyen-muc/${esc(p.sectionSlug)}">${esc(p.sectionName)}</a></p>
<h1>${esc(p.title)}</h1>
<p class="meta"><time datetime="${esc(p.publishedAt?.toISOString() ?? '')}">${esc(postDate(p))}</time> · ${esc(p.authorUnitName)}</p>
${p.featuredImageUrl ? `<img src="${esc(p.featuredImageUrl)}" alt="" style="max-width:100%;height:auto">` : ''}
${p.summary ? `<p class="lead">${esc(p.summary)}</p>` : ''}
<div class="body">${p.bodyHtml}</div>
${p.sourceName || p.sourceUrl ? `<p class="meta">Nguồn: ${p.sourceUrl ? `<a href="${esc(p.sourceUrl)}" rel="noopener">${esc(p.sourceName ?? p.sourceUrl)}</a>` : esc(p.sourceName ?? '')}</p>` : ''}
${p.tags.length ? `<p class="meta">Từ khóa: ${p.tags.map((t) => `<a href="/tim-kiem?q=${encodeURIComponent(t)}">${esc(t)}</a>`).join(', ')}</p>` : ''}
${
  revisions.length
    ? `<aside class="revisions" aria-label="Đính chính"><h2>Đính chính</h2><ul>${revisions
        .map((r) => `<li><time datetime="${esc(r.at)}">${esc(formatVnDate(new Date(r.at)))}</time>: ${esc(r.note)}</li>`)
        .join('')}</ul></aside>`
    : ''
}</article>`;
}

/** "ngày 05 tháng 02 năm 2021" from YYYY-MM-DD (empty when the directive has no date). */
export function directiveDate(d: Pick<PublicDirectiveView, 'date'>): string {
  return d.date ? formatVnDate(vnNoon(d.date)) : '';
}

function directiveMeta(d: PublicDirectiveView): string {
  const date = directiveDate(d);
  return `${esc(d.issuer)}${date ? ` · ${esc(date)}` : ''}${d.status === 'revoked' ? ' · <strong>Đã thu hồi</strong>' : ''}`;
}

/** One directive in a list or in search results: số/ký hiệu (link), trích yếu, cơ quan ban hành, ngày. */
function directiveCard(d: PublicDirectiveView, words: readonly string[], headingLevel: 2 | 3): string {
  const h = `h${headingLevel}`;
  return `<li><article><${h}><a href="/van-ban/${esc(d.id)}">${esc(d.docTypeName)} số ${highlight(d.fullSymbol, words)}</a></${h}>
<p>${highlight(d.subject, words)}</p><p class="meta">${directiveMeta(d)}</p></article></li>`;
}

export function directiveListBody(items: readonly PublicDirectiveView[], pager: string): string {
  return `<h1>Văn bản</h1><p>Văn bản do cơ quan ban hành được công khai.</p>
${
  items.length
    ? `<table><caption>Danh sách văn bản</caption><thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Trích yếu</th><th scope="col">Cơ quan ban hành</th></tr></thead><tbody>${items
        .map(
          (d) =>
            `<tr><th scope="row"><a href="/van-ban/${esc(d.id)}">${esc(d.fullSymbol)}</a></th><td style="text-align:left">${esc(directiveDate(d))}</td><td style="text-align:left">${esc(d.subject)}${
              d.status === 'revoked' ? ' <strong>(Đã thu hồi)</strong>' : ''
            }</td><td style="text-align:left">${esc(d.issuer)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Chưa có văn bản nào được công khai.</p>'
}${pager}`;
}

export function directiveBody(d: PublicDirectiveView): string {
  const rows: [string, string][] = [
    ['Số, ký hiệu', d.fullSymbol],
    ['Loại văn bản', d.docTypeName],
    ['Ngày ban hành', directiveDate(d)],
    ['Cơ quan ban hành', d.issuerParent ? `${d.issuer} (${d.issuerParent})` : d.issuer],
    ['Trích yếu', d.subject],
    ['Người ký', [d.signerPosition, d.signerName].filter(Boolean).join(' ')],
    ['Tình trạng', d.status === 'revoked' ? 'Đã thu hồi' : 'Đã ban hành'],
  ];
  const paragraphs = d.bodyText
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
  return `<article><h1>${esc(d.docTypeName)} số ${esc(d.fullSymbol)}</h1><p class="lead">${esc(d.subject)}</p>
${d.status === 'revoked' ? '<p class="error" role="note">Văn bản này đã thu hồi.</p>' : ''}
${tableRegion('Thông tin văn bản')}<table><caption>Thông tin văn bản</caption><tbody>${rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td style="text-align:left">${esc(v)}</td></tr>`)
    .join('')}</tbody></table></div>
${d.status === 'issued' ? `<p><a href="/van-ban/${esc(d.id)}.pdf" type="application/pdf" download>Tải văn bản (PDF)</a></p>` : ''}
${paragraphs ? `<h2>Nội dung</h2><div class="body">${paragraphs}</div>` : ''}
<p><a href="/van-ban">Danh sách văn bản</a></p></article>`;
}

export function searchBody(
  q: string,
  r: { words: string[]; posts: readonly PublicPost[]; situation: readonly SituationView[]; directives?: readonly PublicDirectiveView[] } | null,
): string {
  const form = `<h1>Tìm kiếm</h1><form method="get" action="/tim-kiem" role="search"><label for="q">Từ khóa (có dấu hoặc không dấu)</label>
<input type="search" id="q" name="q" value="${esc(q)}" maxlength="200"><button type="submit">Tìm</button></form>`;
  if (!r) return form;
  const directives = r.directives ?? [];
  const total = r.posts.length + r.situation.length + directives.length;
  return `${form}<h2>${total ? `${total} kết quả cho “${esc(q)}”` : `Không tìm thấy kết quả cho “${esc(q)}”`}</h2>
${
  r.posts.length
    ? `<ul class="cards">${r.posts
        .map(
          (p) => `<li><article><h3><a href="/bai-viet/${esc(p.slug)}">${highlight(p.title, r.words)}</a></h3>
<p class="meta">${esc(postDate(p))} · ${esc(p.sectionName)}</p><p>${snippet(`${p.summary ? `${p.summary} ` : ''}${p.bodyText}`, r.words)}</p></article></li>`,
        )
        .join('')}</ul>`
    : ''
}
${
  r.situation.length
    ? `<h2>Số liệu tình hình</h2><ul class="cards">${r.situation
        .map((u) => `<li><h3><a href="/tinh-hinh#ngay-${esc(u.date)}">${esc(situationTitle(u))}</a></h3><p>${snippet(u.note ?? '', r.words)}</p></li>`)
        .join('')}</ul>`
    : ''
}
${directives.length ? `<h2>Văn bản</h2><ul class="cards">${directives.map((d) => directiveCard(d, r.words, 3)).join('')}</ul>` : ''}`;
}

export function faqBody(questions: readonly QuestionView[]): string {
  return `<h1>Hỏi đáp</h1><p><a href="/hoi-dap/gui-cau-hoi">Gửi câu hỏi</a></p>
${
  questions.length
    ? questions
        .map(
          (q) => `<section class="box" id="q-${esc(q.id)}" aria-labelledby="q-${esc(q.id)}-h"><h2 id="q-${esc(q.id)}-h">Hỏi: ${esc(q.question)}</h2>
<p class="meta">${esc(q.name)} · ${esc(formatVnDate(new Date(q.createdAt)))}</p><p><strong>Trả lời:</strong> ${esc(q.answer ?? '').replace(/\n/g, '<br>')}</p></section>`,
        )
        .join('')
    : '<p>Chưa có câu hỏi nào được trả lời.</p>'
}`;
}

export interface FormState {
  values?: { sectionId?: string; name?: string; email?: string; question?: string };
  errors?: string[];
}

export function questionFormBody(sections: readonly { id: string; name: string }[], token: string, state: FormState = {}): string {
  const v = state.values ?? {};
  return `<h1>Gửi câu hỏi</h1>
<p>Câu hỏi được cơ quan phụ trách trả lời và đăng tại mục Hỏi đáp. Nếu để lại thư điện tử, bạn sẽ nhận được thông báo khi có trả lời.</p>
${state.errors?.length ? `<div role="alert" class="error"><p>Chưa gửi được:</p><ul>${state.errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>` : ''}
<form method="post" action="/hoi-dap/gui-cau-hoi">
<label for="sectionId">Lĩnh vực</label><select id="sectionId" name="sectionId" required>${sections
    .map((s) => `<option value="${esc(s.id)}"${v.sectionId === s.id ? ' selected' : ''}>${esc(s.name)}</option>`)
    .join('')}</select>
<label for="name">Họ và tên</label><input type="text" id="name" name="name" required maxlength="120" autocomplete="name" value="${esc(v.name ?? '')}">
<label for="email">Thư điện tử (không bắt buộc)</label><input type="email" id="email" name="email" maxlength="254" autocomplete="email" value="${esc(v.email ?? '')}">
<label for="question">Nội dung câu hỏi</label><textarea id="question" name="question" rows="6" required maxlength="4000">${esc(v.question ?? '')}</textarea>
<div class="hp" aria-hidden="true"><label for="website">Không điền vào ô này</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="t" value="${esc(token)}">
<button type="submit">Gửi câu hỏi</button></form>`;
}

export function mediaListBody(items: readonly MediaView[]): string {
  return `<h1>Tài liệu</h1>${
    items.length
      ? `<ul class="links">${items
          .map((m) => `<li><a href="/tai-lieu/${esc(m.id)}">${esc(m.title)}</a> <span class="meta">(${esc(m.mime)}, ${esc(formatSize(m.size))})</span></li>`)
          .join('')}</ul>`
      : '<p>Chưa có tài liệu.</p>'
  }`;
}

export function mediaBody(m: MediaView): string {
  const preview = m.mime.startsWith('image/')
    ? `<img src="${esc(m.url)}" alt="${esc(m.title)}" style="max-width:100%;height:auto">`
    : m.mime === 'video/mp4'
      ? `<video controls preload="none" src="${esc(m.url)}" style="max-width:100%"></video>`
      : m.mime === 'audio/mpeg'
        ? `<audio controls preload="none" src="${esc(m.url)}"></audio>`
        : '';
  return `<h1>${esc(m.title)}</h1><p class="meta">Đăng ${esc(formatVnDate(new Date(m.createdAt)))} · ${esc(m.mime)} · ${esc(formatSize(m.size))}</p>
${preview}<p><a href="${esc(m.url)}" download>Tải về ${esc(m.fileName)}</a></p><p class="meta">SHA-256: <code>${esc(m.sha256)}</code></p>`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function messageBody(title: string, text: string): string {
  return `<h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/">Về trang chủ</a></p>`;
}
