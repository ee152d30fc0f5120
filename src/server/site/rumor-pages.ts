// The public pages of the misinformation desk's intake (issue #15 point 1): the report form, the thank-you page with
// the reference code, and the status page of a code. Plain HTML (no script), the site's layout and form styles:
// usable without JavaScript and on a 390 px phone. Nothing on them names an informant or another reporter.
import type { RumorPublicStatusView } from '../../shared/contracts/rumors-intake.ts';
import { RUMOR_LIMITS } from '../../shared/contracts/rumors.ts';
import { formatVnDate } from '../platform/text.ts';
import { esc } from './html.ts';

export const RUMOR_FORM_PATH = '/phan-anh-tin-sai';

/** The consent a citizen gives (shown beside the box they must tick). */
export const RUMOR_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan tiếp nhận dùng nội dung này để xác minh thông tin. Thông tin cá nhân của tôi (họ tên, số điện thoại, thư điện tử, địa chỉ mạng) được mã hóa và bảo mật tuyệt đối: không công khai, không cung cấp cho người khác; chỉ người có thẩm quyền của cơ quan tiếp nhận được xem khi thật cần thiết, mỗi lần xem đều được ghi lại, và được xóa sau khi vụ việc kết thúc.';

export interface RumorFormState {
  values?: { description?: string; links?: string; name?: string; phone?: string; email?: string; consent?: boolean };
  errors?: string[];
  /** A file was chosen but the form is shown again: the browser cannot keep it, the citizen must choose it again. */
  fileDropped?: boolean;
}

export function rumorFormBody(token: string, state: RumorFormState = {}, hotline: string | null = null): string {
  const v = state.values ?? {};
  const maxMb = RUMOR_LIMITS.fileBytes / 1024 / 1024;
  const errors = [...(state.errors ?? []), ...(state.fileDropped ? ['Tệp ảnh bạn đã chọn chưa được gửi: vui lòng chọn lại tệp.'] : [])];
  return `<h1>Phản ánh tin sai sự thật</h1>
<p>Bạn thấy trên mạng xã hội, báo chí hay Internet một thông tin thất thiệt, sai sự thật gây hoang mang? Hãy gửi cho cơ quan chức năng: đường liên kết, ảnh chụp màn hình và mô tả ngắn. Bạn sẽ nhận được mã phản ánh để theo dõi kết quả xác minh.</p>
${errors.length ? `<div role="alert" class="error"><p>Chưa gửi được:</p><ul>${errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>` : ''}
<form method="post" action="${RUMOR_FORM_PATH}" enctype="multipart/form-data">
<label for="description">Nội dung thông tin bạn thấy sai sự thật</label><textarea id="description" name="description" rows="5" maxlength="${RUMOR_LIMITS.description}">${esc(v.description ?? '')}</textarea>
<label for="links">Đường liên kết (mỗi dòng một liên kết, tối đa ${RUMOR_LIMITS.urls}; không bắt buộc)</label><textarea id="links" name="links" rows="3" inputmode="url" autocapitalize="off" spellcheck="false" placeholder="https://">${esc(v.links ?? '')}</textarea>
<label for="file">Ảnh chụp màn hình (JPEG, PNG hoặc WebP, tối đa ${maxMb} MB; không bắt buộc)</label><input type="file" id="file" name="file" accept="image/jpeg,image/png,image/webp" style="max-width:100%">
<p class="meta">Thông tin về thiết bị, vị trí chụp (EXIF, GPS) trong ảnh được tự động xóa trước khi lưu.</p>
<fieldset style="border:1px solid #ccc;border-radius:4px;margin-top:16px;padding:8px 12px"><legend>Thông tin liên hệ (không bắt buộc: để được báo kết quả)</legend>
<label for="name">Họ và tên</label><input type="text" id="name" name="name" maxlength="${RUMOR_LIMITS.name}" autocomplete="name" value="${esc(v.name ?? '')}">
<label for="phone">Số điện thoại</label><input type="text" id="phone" name="phone" inputmode="tel" maxlength="30" autocomplete="tel" value="${esc(v.phone ?? '')}">
<label for="email">Thư điện tử</label><input type="email" id="email" name="email" maxlength="${RUMOR_LIMITS.contact}" autocomplete="email" value="${esc(v.email ?? '')}">
</fieldset>
<label for="consent" style="font-weight:400"><input type="checkbox" id="consent" name="consent" value="yes" required${v.consent ? ' checked' : ''}> ${esc(RUMOR_CONSENT_TEXT)}</label>
<div class="hp" aria-hidden="true"><label for="website">Không điền vào ô này</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="t" value="${esc(token)}">
<button type="submit">Gửi phản ánh</button></form>
<h2>Tra cứu phản ánh đã gửi</h2>
<form method="get" action="${RUMOR_FORM_PATH}/tra-cuu"><label for="ma">Mã phản ánh</label><input type="text" id="ma" name="ma" maxlength="20" autocapitalize="characters" placeholder="PA-XXXX-XXXX"><button type="submit">Tra cứu</button></form>
${hotline ? `<p class="meta">Trường hợp khẩn cấp, vui lòng gọi đường dây nóng ${esc(hotline)}.</p>` : ''}`;
}

export function rumorThanksBody(code: string): string {
  return `<h1>Đã nhận phản ánh</h1>
<p>Cảm ơn bạn. Cơ quan chức năng sẽ xác minh thông tin bạn gửi.</p>
<p>Mã phản ánh của bạn: <strong style="font-size:1.4rem;letter-spacing:.05em">${esc(code)}</strong></p>
<p>Hãy ghi lại mã này: với nó, bạn xem được tình trạng xử lý tại <a href="${RUMOR_FORM_PATH}/${esc(code)}">${RUMOR_FORM_PATH}/${esc(code)}</a>. Mã không chứa thông tin cá nhân của bạn.</p>
<p><a href="/">Về trang chủ</a></p>`;
}

export function rumorStatusBody(s: RumorPublicStatusView): string {
  const received = formatVnDate(new Date(s.receivedAt));
  return `<h1>Phản ánh ${esc(s.code)}</h1>
<dl>
<dt>Ngày tiếp nhận</dt><dd>${esc(received)}</dd>
<dt>Tình trạng</dt><dd>${esc(s.statusLabel)}</dd>
${s.verdictLabel ? `<dt>Kết luận</dt><dd><strong>${esc(s.verdictLabel)}</strong></dd>` : ''}
${s.correctionUrl ? `<dt>Thông tin chính thức</dt><dd><a href="${esc(s.correctionUrl)}">Xem bài đính chính</a></dd>` : ''}
</dl>
<p class="meta">Trang này chỉ cho biết tình trạng xử lý; không hiển thị thông tin của người phản ánh.</p>
<p><a href="${RUMOR_FORM_PATH}">Gửi phản ánh khác</a> · <a href="/">Về trang chủ</a></p>`;
}
