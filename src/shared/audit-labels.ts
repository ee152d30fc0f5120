/**
 * Names of audit actions and of the kinds of objects they touch, in Vietnamese and English: the
 * contract between the server (which returns `actionLabel` and `entityKindLabel` with every audit
 * row) and the admin UI (which offers them in its filters). Pure data: no server or browser imports.
 * Every action code the code base records must be listed here (audit-labels.unit.test.ts checks it).
 */
export type LabelLang = 'vi' | 'en';
export interface Label {
  vi: string;
  en: string;
}

export const AUDIT_ACTIONS = {
  'unit.create': { vi: 'Thêm đơn vị, tổ chức', en: 'Create unit' },
  'unit.update': { vi: 'Sửa tên đơn vị', en: 'Rename unit' },
  'unit.contacts.update': { vi: 'Sửa thông tin liên hệ của đơn vị', en: 'Edit unit contacts' },
  'units.import': { vi: 'Nhập danh mục đơn vị hành chính', en: 'Import administrative units' },
  'units.history.import': { vi: 'Nhập bảng sáp nhập đơn vị hành chính 2025–2026', en: 'Import the 2025–2026 unit merger table' },
  'group.create': { vi: 'Tạo nhóm nơi nhận', en: 'Create recipient group' },
  'group.update': { vi: 'Sửa nhóm nơi nhận', en: 'Edit recipient group' },
  'group.delete': { vi: 'Xóa nhóm nơi nhận', en: 'Delete recipient group' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Create account' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Edit account' },
  'user.lock': { vi: 'Khóa tài khoản (đăng nhập sai nhiều lần)', en: 'Lock account (failed sign-ins)' },
  'user.unlock': { vi: 'Mở khóa tài khoản', en: 'Unlock account' },
  'user.password.change': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'user.invitation.accept': { vi: 'Kích hoạt tài khoản qua thư mời', en: 'Accept invitation' },
  'settings.update': { vi: 'Sửa cài đặt cổng thông tin', en: 'Edit portal settings' },
  'settings.sms_update': { vi: 'Sửa cài đặt SMS', en: 'Edit SMS settings' },
  'settings.devices_update': { vi: 'Sửa cài đặt thiết bị truyền thanh', en: 'Edit device settings' },
  'directive.create': { vi: 'Tạo dự thảo văn bản', en: 'Create draft document' },
  'directive.update': { vi: 'Sửa dự thảo văn bản', en: 'Edit draft document' },
  'directive.amend': { vi: 'Tạo văn bản sửa đổi, bổ sung', en: 'Draft an amendment' },
  'directive.submit': { vi: 'Trình duyệt văn bản', en: 'Submit document for approval' },
  'directive.approve': { vi: 'Duyệt văn bản', en: 'Approve document' },
  'directive.return': { vi: 'Trả lại văn bản', en: 'Return document' },
  'directive.sign': { vi: 'Ký văn bản', en: 'Sign document' },
  'directive.issue': { vi: 'Ban hành văn bản', en: 'Issue document' },
  'directive.revoke': { vi: 'Thu hồi văn bản', en: 'Revoke document' },
  'directive.attachment.add': { vi: 'Đính kèm tệp vào văn bản', en: 'Attach file to document' },
  'directive.attachment.delete': { vi: 'Xóa tệp đính kèm của văn bản', en: 'Remove attached file' },
  'directive.receive.register': { vi: 'Vào sổ văn bản đến', en: 'Register incoming document' },
  'directive.receive.read': { vi: 'Mở văn bản đến', en: 'Open incoming document' },
  'directive.receive.acknowledge': { vi: 'Xác nhận đã nhận văn bản', en: 'Acknowledge receipt' },
  'directive.reminders': { vi: 'Nhắc đơn vị chưa xác nhận đã nhận văn bản', en: 'Remind silent recipients' },
  'import.create': { vi: 'Tải lên văn bản đến để nhập', en: 'Upload incoming document' },
  'import.confirm': { vi: 'Xác nhận nhập văn bản đến', en: 'Confirm import' },
  'task.create': { vi: 'Giao nhiệm vụ', en: 'Assign task' },
  'broadcast.create': { vi: 'Soạn thông điệp', en: 'Draft broadcast' },
  'broadcast.update': { vi: 'Sửa thông điệp', en: 'Edit broadcast' },
  'broadcast.submit': { vi: 'Trình duyệt thông điệp', en: 'Submit broadcast' },
  'broadcast.approve': { vi: 'Duyệt gửi thông điệp', en: 'Approve broadcast' },
  'broadcast.emergency_approve': { vi: 'Duyệt khẩn cấp một bước', en: 'Emergency one-step approval' },
  'broadcast.cancel': { vi: 'Hủy thông điệp', en: 'Cancel broadcast' },
  'broadcast.supersede': { vi: 'Soạn thông điệp thay thế', en: 'Draft a replacing broadcast' },
  'broadcast.superseded': { vi: 'Thông điệp bị thay thế', en: 'Broadcast superseded' },
  'broadcast.telco_result': { vi: 'Ghi kết quả nhà mạng nhắn tin', en: 'Record a telco’s reply' },
  'broadcast.finish': { vi: 'Kết thúc thông điệp', en: 'Finish broadcast' },
  'task.comment': { vi: 'Trao đổi về nhiệm vụ', en: 'Comment on task' },
  'task.progress.update': { vi: 'Cập nhật tiến độ nhiệm vụ', en: 'Update task progress' },
  'report.submit': { vi: 'Gửi báo cáo', en: 'Submit report' },
  'report.update': { vi: 'Sửa báo cáo đã gửi', en: 'Edit submitted report' },
  'report.prefill_correction': { vi: 'Sửa số liệu điền sẵn từ nhật ký phát', en: 'Correct figures prefilled from play logs' },
  'section.create': { vi: 'Tạo chuyên mục', en: 'Create portal section' },
  'section.update': { vi: 'Sửa chuyên mục', en: 'Edit portal section' },
  'post.create': { vi: 'Tạo bài viết', en: 'Create post' },
  'post.update': { vi: 'Sửa bài viết', en: 'Edit post' },
  'post.publish': { vi: 'Đăng bài viết', en: 'Publish post' },
  'situation.publish': { vi: 'Đăng số liệu tình hình', en: 'Publish situation figures' },
  'situation.correct': { vi: 'Sửa số liệu tình hình', en: 'Correct situation figures' },
  'question.answer': { vi: 'Trả lời câu hỏi', en: 'Answer question' },
  'question.record': { vi: 'Ghi nhận câu hỏi đã trả lời', en: 'Record answered question' },
  'question.reject': { vi: 'Từ chối câu hỏi', en: 'Reject question' },
  'link.create': { vi: 'Thêm đường dây nóng, liên kết', en: 'Add hotline or link' },
  'link.delete': { vi: 'Xóa đường dây nóng, liên kết', en: 'Remove hotline or link' },
  'media.upload': { vi: 'Tải lên tệp đa phương tiện', en: 'Upload media file' },
  'media.publish': { vi: 'Công khai tệp đa phương tiện', en: 'Publish media file' },
  'media.unpublish': { vi: 'Thôi công khai tệp đa phương tiện', en: 'Unpublish media file' },
  'subscriber_list.create': { vi: 'Tạo danh sách thuê bao', en: 'Create subscriber list' },
  'subscriber_list.update': { vi: 'Sửa danh sách thuê bao', en: 'Edit subscriber list' },
  'subscriber_list.delete': { vi: 'Xóa danh sách thuê bao', en: 'Delete subscriber list' },
  'subscriber.import': { vi: 'Nhập danh sách thuê bao từ tệp', en: 'Import subscribers from a file' },
  'subscriber.opt_out': { vi: 'Ghi nhận thuê bao từ chối nhận tin', en: 'Opt a subscriber out' },
  'subscriber.opt_in': { vi: 'Ghi nhận thuê bao nhận tin lại', en: 'Opt a subscriber back in' },
  'device.create': { vi: 'Thêm thiết bị (cụm loa, bảng tin)', en: 'Add device' },
  'device.update': { vi: 'Sửa thông tin thiết bị', en: 'Edit device' },
  'device.import': { vi: 'Nhập danh sách thiết bị từ tệp', en: 'Import devices from a file' },
  'device.credential_issue': { vi: 'Tạo mã truy cập thiết bị', en: 'Issue device access token' },
  'device.credential_rotate': { vi: 'Đổi mã truy cập thiết bị', en: 'Rotate device access token' },
  'device.credential_revoke': { vi: 'Thu hồi mã truy cập thiết bị', en: 'Revoke device access token' },
  'bulletin.create': { vi: 'Soạn bản tin truyền thanh', en: 'Draft bulletin' },
  'bulletin.update': { vi: 'Sửa bản tin truyền thanh', en: 'Edit bulletin' },
  'bulletin.audio': { vi: 'Tải lên âm thanh bản tin', en: 'Upload bulletin audio' },
  'bulletin.submit': { vi: 'Trình duyệt bản tin', en: 'Submit bulletin' },
  'bulletin.publish': { vi: 'Duyệt phát bản tin', en: 'Approve and publish bulletin' },
  'bulletin.emergency_publish': { vi: 'Phát bản tin khẩn cấp một bước', en: 'Emergency one-step publication' },
  'bulletin.cancel': { vi: 'Hủy bản tin', en: 'Cancel bulletin' },
  'alert.create': { vi: 'Soạn cảnh báo CAP', en: 'Draft CAP alert' },
  'alert.edit': { vi: 'Sửa cảnh báo CAP', en: 'Edit CAP alert' },
  'alert.submit': { vi: 'Trình duyệt cảnh báo CAP', en: 'Submit CAP alert' },
  'alert.publish': { vi: 'Duyệt và phát hành cảnh báo CAP', en: 'Approve and publish CAP alert' },
  'alert.emergency_publish': { vi: 'Phát hành cảnh báo CAP khẩn cấp một bước', en: 'Emergency one-step CAP publication' },
  'alert.update_draft': { vi: 'Soạn bản cập nhật cảnh báo CAP', en: 'Draft CAP alert update' },
  'alert.cancel_draft': { vi: 'Soạn bản hủy cảnh báo CAP', en: 'Draft CAP alert cancellation' },
  'programme.create': { vi: 'Thêm chương trình phát thanh', en: 'Add broadcast programme' },
  'programme.update': { vi: 'Sửa chương trình phát thanh', en: 'Edit broadcast programme' },
  'programme.delete': { vi: 'Xóa chương trình phát thanh', en: 'Delete broadcast programme' },
  'programme.place': { vi: 'Xếp bản tin vào chương trình', en: 'Place bulletin in programme' },
  'programme.dismiss': { vi: 'Bỏ qua bản tin trong hàng chờ', en: 'Dismiss queued bulletin' },
  'social.connect': { vi: 'Kết nối trang mạng xã hội', en: 'Connect social page' },
  'social.disconnect': { vi: 'Ngắt kết nối trang mạng xã hội', en: 'Disconnect social page' },
  'social.token_invalid': { vi: 'Mã truy cập trang hết hạn', en: 'Social page token expired' },
  'social.publish': { vi: 'Đăng lên trang mạng xã hội', en: 'Post to social page' },
  'social.publication_retry': { vi: 'Đăng lại lên trang', en: 'Post to page again' },
  'social.publication_mark_published': { vi: 'Xác nhận bài đã có trên trang', en: 'Mark as on the page' },
  'social.inbox_assign': { vi: 'Giao tin nhắn mạng xã hội', en: 'Assign social message' },
  'social.inbox_tag': { vi: 'Gắn nhãn tin nhắn mạng xã hội', en: 'Tag social message' },
  'social.inbox_state': { vi: 'Đóng/mở tin nhắn mạng xã hội', en: 'Close/reopen social message' },
  'social.inbox_reply': { vi: 'Trả lời tin nhắn mạng xã hội', en: 'Reply to social message' },
  'social.inbox_convert': { vi: 'Chuyển tin nhắn thành câu hỏi', en: 'Turn message into question' },
  'emergency.launch': { vi: 'Phát thông báo khẩn cấp tới các kênh', en: 'Launch emergency message on every channel' },
  'emergency.banner_end': { vi: 'Gỡ thông báo khẩn cấp trên cổng', en: 'End portal emergency notice' },
  'rumor.feed_create': { vi: 'Thêm nguồn tin theo dõi', en: 'Add watched feed' },
  'rumor.feed_update': { vi: 'Sửa nguồn tin theo dõi', en: 'Edit watched feed' },
  'rumor.feed_delete': { vi: 'Xóa nguồn tin theo dõi', en: 'Delete watched feed' },
  'rumor.keyword_create': { vi: 'Thêm từ khóa theo dõi', en: 'Add watch keyword' },
  'rumor.keyword_delete': { vi: 'Xóa từ khóa theo dõi', en: 'Delete watch keyword' },
  'rumor.feed_item_dismiss': { vi: 'Bỏ qua tin từ nguồn theo dõi', en: 'Dismiss monitored item' },
  'rumor.feed_item_report': { vi: 'Chuyển tin từ nguồn theo dõi thành phản ánh', en: 'Turn monitored item into report' },
  'rumor.from_social': { vi: 'Chuyển tin nhắn mạng xã hội thành phản ánh tin sai sự thật', en: 'Turn social message into misinformation report' },
} as const satisfies Record<string, Label>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITIES = {
  unit: { vi: 'Đơn vị', en: 'Unit' },
  edition: { vi: 'Danh mục đơn vị', en: 'Unit list' },
  user: { vi: 'Tài khoản', en: 'Account' },
  recipient_group: { vi: 'Nhóm nơi nhận', en: 'Recipient group' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  directive: { vi: 'Văn bản', en: 'Document' },
  dispatch_import: { vi: 'Văn bản nhập', en: 'Document import' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  broadcast: { vi: 'Thông điệp', en: 'Broadcast' },
  report_submission: { vi: 'Báo cáo', en: 'Report' },
  section: { vi: 'Chuyên mục', en: 'Portal section' },
  post: { vi: 'Bài viết', en: 'Post' },
  situation: { vi: 'Số liệu tình hình', en: 'Situation figures' },
  question: { vi: 'Câu hỏi', en: 'Question' },
  link: { vi: 'Liên kết', en: 'Link' },
  media: { vi: 'Tệp đa phương tiện', en: 'Media file' },
  subscriber_list: { vi: 'Danh sách thuê bao', en: 'Subscriber list' },
  subscriber: { vi: 'Thuê bao', en: 'Subscriber' },
  device: { vi: 'Thiết bị', en: 'Device' },
  bulletin: { vi: 'Bản tin truyền thanh', en: 'Bulletin' },
  cap_alert: { vi: 'Cảnh báo CAP', en: 'CAP alert' },
  programme: { vi: 'Chương trình phát thanh', en: 'Broadcast programme' },
  social_account: { vi: 'Trang mạng xã hội', en: 'Social page' },
  social_publication: { vi: 'Bài đăng mạng xã hội', en: 'Social post' },
  emergency_message: { vi: 'Thông báo khẩn cấp', en: 'Emergency message' },
  social_inbox_item: { vi: 'Tin nhắn mạng xã hội', en: 'Social message' },
  rumor_feed: { vi: 'Nguồn tin theo dõi', en: 'Watched feed' },
  rumor_keyword: { vi: 'Từ khóa theo dõi', en: 'Watch keyword' },
  rumor_feed_item: { vi: 'Tin từ nguồn theo dõi', en: 'Monitored item' },
} as const satisfies Record<string, Label>;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

/** The one name of the system actor (jobs, commands, seeding) wherever the trail is shown. */
export const SYSTEM_ACTOR_LABEL: Label = { vi: 'Hệ thống', en: 'System' };

function pick(table: Record<string, Label>, code: string, lang: LabelLang): string {
  return Object.hasOwn(table, code) ? (table[code] as Label)[lang] : code;
}

/** "Ban hành văn bản" for `directive.issue`; an unknown code is shown as it is. */
export function auditActionLabel(code: string, lang: LabelLang): string {
  return pick(AUDIT_ACTIONS, code, lang);
}

/** "Tài khoản" for `user`; an unknown kind is shown as it is. */
export function auditEntityLabel(entity: string, lang: LabelLang): string {
  return pick(AUDIT_ENTITIES, entity, lang);
}
