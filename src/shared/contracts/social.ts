import { z } from 'zod';

// Social pages of a unit (issue #14): a Facebook Page or a Zalo Official Account connected with its tokens
// (stored encrypted, shown masked), cross-posts to them, and the inbox of messages and comments their webhooks deliver.

export const SOCIAL_PLATFORMS = ['facebook', 'zalo'] as const;
export const SocialPlatformEnum = z.enum(SOCIAL_PLATFORMS);
export type SocialPlatformName = z.infer<typeof SocialPlatformEnum>;
export const PLATFORM_LABELS: Record<SocialPlatformName, string> = { facebook: 'Facebook', zalo: 'Zalo OA' };

export const AccountStatusEnum = z.enum(['connected', 'token_invalid', 'disconnected']);
export type AccountStatus = z.infer<typeof AccountStatusEnum>;

const nfc = (s: string) => s.normalize('NFC');
const text = (min: number, max: number, message?: string) => z.string().trim().min(min, message).max(max).transform(nfc);
/** Tokens and secrets: no spaces inside, nothing to normalise. */
const secret = (label: string) => z.string().trim().min(8, `${label} cần ít nhất 8 ký tự`).max(1000).regex(/^\S+$/, `${label} không được chứa khoảng trắng`);

export const ConnectAccountBody = z
  .object({
    platform: SocialPlatformEnum,
    pageId: z
      .string()
      .trim()
      .min(1, 'Nhập mã trang (Page ID / OA ID)')
      .max(64)
      .regex(/^[0-9A-Za-z_.-]+$/, 'Mã trang chỉ gồm chữ, số, dấu gạch'),
    displayName: text(1, 200, 'Nhập tên trang'),
    accessToken: secret('Mã truy cập'),
    appSecret: secret('Khóa bí mật ứng dụng'),
    appId: z
      .string()
      .trim()
      .max(64)
      .regex(/^[0-9A-Za-z_-]*$/, 'Mã ứng dụng chỉ gồm chữ và số')
      .optional(),
  })
  .refine((b) => b.platform !== 'zalo' || (b.appId ?? '') !== '', { message: 'Zalo OA cần mã ứng dụng (App ID)', path: ['appId'] });
export type ConnectAccountBody = z.infer<typeof ConnectAccountBody>;

export const SocialAccountView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  platform: SocialPlatformEnum,
  pageId: z.string(),
  displayName: z.string(),
  /** Never the token itself: the first and last characters. */
  accessTokenMasked: z.string(),
  appSecretMasked: z.string(),
  appId: z.string().nullable(),
  /** Facebook: the token to enter in the app's webhook settings (only for social.manage), with the callback URL. */
  verifyToken: z.string().nullable(),
  webhookUrl: z.string(),
  status: AccountStatusEnum,
  statusMessage: z.string().nullable(),
  connectedAt: z.string(),
});
export type SocialAccountView = z.infer<typeof SocialAccountView>;
export const AccountListOut = z.object({ items: z.array(SocialAccountView), capabilities: z.object({ manage: z.boolean(), publish: z.boolean(), inbox: z.boolean() }) });
export type AccountList = z.infer<typeof AccountListOut>;

// ---------- cross-posting ----------

export const PUBLICATION_STATES = ['queued', 'sending', 'published', 'failed', 'ambiguous'] as const;
export const PublicationStateEnum = z.enum(PUBLICATION_STATES);
export type PublicationState = z.infer<typeof PublicationStateEnum>;
export const SourceKindEnum = z.enum(['post', 'broadcast', 'text']);
export type SourceKind = z.infer<typeof SourceKindEnum>;

export const SOCIAL_TEXT_MAX = 5000;

export const PublishSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), postId: z.uuid() }),
  z.object({ kind: z.literal('broadcast'), broadcastId: z.uuid() }),
  z.object({
    kind: z.literal('text'),
    title: text(1, 200, 'Nhập tiêu đề'),
    text: text(1, SOCIAL_TEXT_MAX, 'Nhập nội dung'),
    link: z
      .url({ protocol: /^https?$/, message: 'Liên kết phải là địa chỉ http(s)' })
      .max(2000)
      .optional(),
  }),
]);
export type PublishSource = z.infer<typeof PublishSource>;

export const PublishBody = z.object({
  source: PublishSource,
  accountIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một trang').max(20),
});
export type PublishBody = z.infer<typeof PublishBody>;

export const MarkPublishedBody = z.object({
  permalink: z.url({ protocol: /^https?$/, message: 'Nhập đường dẫn bài trên trang (http/https)' }).max(2000),
  platformPostId: z.string().trim().max(200).optional(),
});
export type MarkPublishedBody = z.infer<typeof MarkPublishedBody>;

export const PublicationView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  accountId: z.uuid(),
  platform: SocialPlatformEnum,
  accountName: z.string(),
  sourceKind: SourceKindEnum,
  sourceId: z.uuid().nullable(),
  title: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  state: PublicationStateEnum,
  attempts: z.number().int(),
  platformPostId: z.string().nullable(),
  permalink: z.string().nullable(),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  capabilities: z.object({ retry: z.boolean(), markPublished: z.boolean() }),
});
export type PublicationView = z.infer<typeof PublicationView>;
export const PublicationListOut = z.object({ items: z.array(PublicationView) });
export const PublicationsOut = z.object({ publications: z.array(PublicationView) });

// ---------- inbox ----------

export const INBOX_STATES = ['new', 'assigned', 'answered', 'closed'] as const;
export const InboxStateEnum = z.enum(INBOX_STATES);
export type InboxState = z.infer<typeof InboxStateEnum>;

/**
 * How long after a person's last message the page may still answer them (hours): Facebook's standard messaging
 * window (24 h; private replies to comments 7 days), Zalo's free "tin phản hồi" (48 h after the person's message).
 */
export const REPLY_WINDOW_HOURS: Record<SocialPlatformName, Record<'message' | 'comment', number>> = {
  facebook: { message: 24, comment: 24 * 7 },
  zalo: { message: 48, comment: 48 },
};

export const TAG_MAX = 10;
export const TagsBody = z.object({
  tags: z
    .array(
      text(1, 40)
        .transform((s) => s.toLowerCase())
        .refine((s) => !s.includes(','), 'Nhãn không được chứa dấu phẩy'),
    )
    .max(TAG_MAX, `Tối đa ${TAG_MAX} nhãn`),
});
export type TagsBody = z.infer<typeof TagsBody>;
export const AssignBody = z.object({ assigneeId: z.uuid().nullable() });
export const ReplyBody = z.object({ text: text(1, 2000, 'Nhập nội dung trả lời') });
export const InboxStateBody = z.object({ state: z.enum(['closed', 'open']) });
export const ConvertBody = z.object({
  sectionId: z.uuid(),
  question: text(5, 2000, 'Nhập câu hỏi (đã bỏ thông tin cá nhân)'),
  answer: text(1, 20000, 'Nhập câu trả lời'),
});
export type ConvertBody = z.infer<typeof ConvertBody>;

export const InboxQuery = z.object({
  state: InboxStateEnum.optional(),
  tag: z.string().trim().max(40).optional(),
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const InboxItemView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  platform: SocialPlatformEnum,
  kind: z.enum(['message', 'comment']),
  text: z.string(),
  postId: z.string().nullable(),
  receivedAt: z.string(),
  state: InboxStateEnum,
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  questionId: z.uuid().nullable(),
  /** "Người gửi ẩn danh #ab12cd" unless the reader holds social.sender; then name and platform id too. */
  sender: z.object({ label: z.string(), name: z.string().nullable(), platformId: z.string().nullable() }),
  /** Until when a reply is allowed (the platform's window after the person's last message). */
  replyWindow: z.object({ hours: z.number().int(), until: z.string(), open: z.boolean() }),
  replies: z.array(z.object({ id: z.uuid(), text: z.string(), createdAt: z.string(), byName: z.string().nullable() })),
  capabilities: z.object({ reply: z.boolean(), convert: z.boolean() }),
});
export type InboxItemView = z.infer<typeof InboxItemView>;
export const InboxListOut = z.object({ items: z.array(InboxItemView), tags: z.array(z.string()) });
export const InboxItemOut = z.object({ item: InboxItemView });
export const InboxMembersOut = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });

/** A retried publish request with the same key gets the same publications (nothing posted twice). */
export const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional() });
