// Contract of the broadcasts API (/api/broadcasts/*), shared by the server routes and the admin client: the message
// model every channel plugs into (SMS now), its workflow, delivery states and the response shapes the client checks.
import { z } from 'zod';
import { validateSenderName } from '../sms/segments.ts';

export const BROADCAST_LIMITS = { title: 300, smsText: 1600, maxParts: 10, audienceItems: 500, deliveriesPage: 500 } as const;

/** TT 39/2020 priority levels. */
export const PRIORITIES = ['thuong', 'uu_tien', 'khan_cap'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PriorityEnum = z.enum(PRIORITIES);
export const PRIORITY_LABELS: Record<Priority, string> = { thuong: 'Thường', uu_tien: 'Ưu tiên', khan_cap: 'Khẩn cấp' };

export const BROADCAST_STATUSES = ['draft', 'submitted', 'approved', 'sending', 'done', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];
export const BroadcastStatusEnum = z.enum(BROADCAST_STATUSES);
export const BROADCAST_STATUS_LABELS: Record<BroadcastStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  sending: 'Đang gửi',
  done: 'Hoàn thành',
  cancelled: 'Đã hủy',
};

export const DELIVERY_STATES = ['queued', 'submitting', 'submitted', 'delivered', 'failed', 'expired', 'rejected', 'ambiguous'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const DeliveryStateEnum = z.enum(DELIVERY_STATES);
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  queued: 'Chờ gửi',
  submitting: 'Đang gửi',
  submitted: 'Đã gửi đến tổng đài',
  delivered: 'Đã nhận',
  failed: 'Thất bại',
  expired: 'Hết hạn',
  rejected: 'Bị từ chối',
  ambiguous: 'Chưa rõ kết quả',
};
/** States a delivery does not leave by itself (ambiguous may still be settled by a late receipt). */
export const FINAL_DELIVERY_STATES: readonly DeliveryState[] = ['delivered', 'failed', 'expired', 'rejected'];

export const AudienceSchema = z.object({
  unitIds: z.array(z.uuid()).max(BROADCAST_LIMITS.audienceItems),
  listIds: z.array(z.uuid()).max(BROADCAST_LIMITS.audienceItems),
});
export type Audience = z.infer<typeof AudienceSchema>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));

export const SenderNameSchema = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const r = validateSenderName(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });

export const BroadcastInputSchema = z.object({
  title: text(BROADCAST_LIMITS.title),
  priority: PriorityEnum,
  smsText: text(BROADCAST_LIMITS.smsText),
  unaccented: z.boolean(),
  senderName: SenderNameSchema.nullish(),
  audience: AudienceSchema,
  scheduleAt: z.iso.datetime({ offset: true }).nullish(),
  directiveId: z.uuid().nullish(),
});
export type BroadcastInput = z.infer<typeof BroadcastInputSchema>;

export const CreateBroadcastBodySchema = BroadcastInputSchema.extend({ unitId: z.uuid() });
export type CreateBroadcastBody = z.infer<typeof CreateBroadcastBodySchema>;
export const UpdateBroadcastBodySchema = BroadcastInputSchema.partial();
export type UpdateBroadcastBody = z.infer<typeof UpdateBroadcastBodySchema>;

export const CancelBroadcastBodySchema = z.object({ reason: text(1000).nullish() });

export const BroadcastListQuerySchema = z.object({ unitId: z.uuid().optional(), status: BroadcastStatusEnum.optional() });
export const DeliveriesQuerySchema = z.object({
  state: DeliveryStateEnum.optional(),
  limit: z.coerce.number().int().min(1).max(BROADCAST_LIMITS.deliveriesPage).default(100),
});

const countsByState = z.record(DeliveryStateEnum, z.number().int());
export type CountsByState = Record<DeliveryState, number>;

export const ProgressSchema = z.object({
  total: z.number().int(),
  byState: countsByState,
  byTelco: z.record(z.string(), countsByState),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const BroadcastCapabilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  emergencyApprove: z.boolean(),
  cancel: z.boolean(),
});
export type BroadcastCapabilities = z.infer<typeof BroadcastCapabilitiesSchema>;

export const SegmentsSchema = z.object({ encoding: z.enum(['gsm7', 'ucs2']), parts: z.number().int(), characters: z.number().int() });

export const BroadcastViewSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  priority: PriorityEnum,
  status: BroadcastStatusEnum,
  smsText: z.string(),
  unaccented: z.boolean(),
  senderName: z.string().nullable(),
  /** What is sent (the unaccented rendition when `unaccented`). */
  textToSend: z.string(),
  segments: SegmentsSchema,
  audience: AudienceSchema,
  /** Recipients resolved at approval; null before. */
  recipients: z.number().int().nullable(),
  scheduleAt: z.string().nullable(),
  directiveId: z.uuid().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** Approved in one step on the emergency path. */
  emergency: z.boolean(),
  cancelledAt: z.string().nullable(),
  progress: ProgressSchema,
  capabilities: BroadcastCapabilitiesSchema,
});
export type BroadcastView = z.infer<typeof BroadcastViewSchema>;

export const BroadcastSummarySchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  title: z.string(),
  priority: PriorityEnum,
  status: BroadcastStatusEnum,
  createdAt: z.string(),
  recipients: z.number().int().nullable(),
  progress: z.object({ total: z.number().int(), delivered: z.number().int() }),
});
export type BroadcastSummary = z.infer<typeof BroadcastSummarySchema>;
export const BroadcastListSchema = z.object({ items: z.array(BroadcastSummarySchema) });

export const AudiencePreviewSchema = z.object({
  recipients: z.number().int(),
  byTelco: z.record(z.string(), z.number().int()),
  partsPerRecipient: z.number().int(),
  totalParts: z.number().int(),
  /** Recipients excluded because they opted out (0 for khẩn cấp, which ignores opt-out). */
  optedOut: z.number().int().optional(),
});
export type AudiencePreview = z.infer<typeof AudiencePreviewSchema>;

export const DeliveryViewSchema = z.object({
  id: z.uuid(),
  /** Masked (091****678) unless the viewer holds subscriber.read. */
  phone: z.string(),
  telco: z.string(),
  state: DeliveryStateEnum,
  parts: z.number().int(),
  messageId: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  updatedAt: z.string(),
});
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;
export const DeliveryListSchema = z.object({ items: z.array(DeliveryViewSchema) });
