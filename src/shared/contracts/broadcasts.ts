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

/**
 * How a broadcast reaches phones: through Loa's SMS accounts (SMPP), or — when the authority has none — as a
 * công văn asking the telcos to text it (seed 001's way); the telcos' replies are the result.
 */
export const BROADCAST_ROUTES = ['smpp', 'telco_request'] as const;
export type BroadcastRoute = (typeof BROADCAST_ROUTES)[number];
export const BroadcastRouteEnum = z.enum(BROADCAST_ROUTES);
export const BROADCAST_ROUTE_LABELS: Record<BroadcastRoute, string> = {
  smpp: 'Gửi qua tài khoản SMS',
  telco_request: 'Đề nghị nhà mạng nhắn tin (công văn)',
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

/** A local time of day, "HH:MM" (Asia/Ho_Chi_Minh). */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM (00:00–23:59).');

export const BroadcastInputSchema = z.object({
  title: text(BROADCAST_LIMITS.title),
  priority: PriorityEnum,
  smsText: text(BROADCAST_LIMITS.smsText),
  unaccented: z.boolean(),
  senderName: SenderNameSchema.nullish(),
  audience: AudienceSchema,
  scheduleAt: z.iso.datetime({ offset: true }).nullish(),
  directiveId: z.uuid().nullish(),
  /** Daily send window (e.g. "07:00"–"21:00"), both or neither, start before end; emergencies ignore it. */
  windowStart: TimeOfDaySchema.nullish(),
  windowEnd: TimeOfDaySchema.nullish(),
  /** Default on create: 'smpp' when Loa has an SMS account, else 'telco_request'. */
  route: BroadcastRouteEnum.optional(),
});
export type BroadcastInput = z.infer<typeof BroadcastInputSchema>;

export const CreateBroadcastBodySchema = BroadcastInputSchema.extend({ unitId: z.uuid() });
export type CreateBroadcastBody = z.infer<typeof CreateBroadcastBodySchema>;
export const UpdateBroadcastBodySchema = BroadcastInputSchema.partial();
export type UpdateBroadcastBody = z.infer<typeof UpdateBroadcastBodySchema>;

export const CancelBroadcastBodySchema = z.object({ reason: text(1000).nullish() });

export const BroadcastListQuerySchema = z.object({
  unitId: z.uuid().optional(),
  status: BroadcastStatusEnum.optional(),
  /** '1': the unit's broadcasts and those of every unit below it (a province sees its communes' campaigns). */
  subtree: z.enum(['0', '1']).default('0'),
});
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
  /** Draft a new message replacing this one (POST /api/broadcasts/:id/supersede). */
  supersede: z.boolean(),
  /** Record a telco's reply to the telco request (route telco_request, once approved). */
  recordTelcoResult: z.boolean(),
  /** End a telco request ("Kết thúc" → done). */
  finish: z.boolean(),
});
export type BroadcastCapabilities = z.infer<typeof BroadcastCapabilitiesSchema>;

/** A telco's reply to the request: "đã nhắn N thuê bao". */
export const TelcoResultSchema = z.object({
  id: z.uuid(),
  /** The telco's unit in the tree, when it is one. */
  telcoUnitId: z.uuid().nullable(),
  telcoName: z.string(),
  subscribers: z.number().int(),
  reportedAt: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TelcoResult = z.infer<typeof TelcoResultSchema>;

/** The công văn drafted on approval of a telco request, as the directives module has it now. */
export const TelcoRequestSchema = z.object({
  directiveId: z.uuid(),
  /** The directive's status (draft … issued); null when the viewer may not read it. */
  status: z.string().nullable(),
  /** "12/UBND-VX" once issued, "/UBND-VX" before; null when the viewer may not read it. */
  symbol: z.string().nullable(),
  number: z.string().nullable(),
  issuedAt: z.string().nullable(),
  /** The telco units the công văn is sent to (the choices when a reply is recorded); [] when hidden. */
  telcos: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TelcoRequest = z.infer<typeof TelcoRequestSchema>;

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
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  /** The broadcast this one replaces, and the one that replaced it (approved). */
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
  progress: ProgressSchema,
  route: BroadcastRouteEnum,
  /** Whether Loa has an SMS account configured (the composer offers the SMS route only then). */
  smsAccount: z.boolean(),
  telcoRequest: TelcoRequestSchema.nullable(),
  telcoResults: z.array(TelcoResultSchema),
  /** Subscribers the telcos report having texted (sum of telcoResults). */
  telcoTotal: z.number().int(),
  capabilities: BroadcastCapabilitiesSchema,
});
export type BroadcastView = z.infer<typeof BroadcastViewSchema>;

export const BroadcastSummarySchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  priority: PriorityEnum,
  status: BroadcastStatusEnum,
  createdAt: z.string(),
  recipients: z.number().int().nullable(),
  progress: z.object({ total: z.number().int(), delivered: z.number().int() }),
  supersededById: z.uuid().nullable(),
});
export type BroadcastSummary = z.infer<typeof BroadcastSummarySchema>;
export const BroadcastListSchema = z.object({
  items: z.array(BroadcastSummarySchema),
  /** What the viewer may do on the list page: draft a new broadcast in their own unit. */
  capabilities: z.object({ draft: z.boolean() }),
});

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

// Telco requests (issue #12 point 7): the telcos' replies and the end of the campaign.

export const RecordTelcoResultBodySchema = z
  .object({
    /** The telco's unit (kind 'telco'); its name is used when telcoName is left out. */
    telcoUnitId: z.uuid().nullish(),
    telcoName: text(200).nullish(),
    subscribers: z.number().int().min(0).max(1_000_000_000),
    /** When the telco reported (default now). */
    reportedAt: z.iso.datetime({ offset: true }).nullish(),
    note: text(1000).nullish(),
  })
  .refine((b) => b.telcoUnitId || b.telcoName, { message: 'Cần chọn nhà mạng hoặc nhập tên nhà mạng.', path: ['telcoName'] });
export type RecordTelcoResultBody = z.infer<typeof RecordTelcoResultBodySchema>;

/** A retried POST with the same Idempotency-Key records the reply once. */
export const TelcoResultHeadersSchema = z.looseObject({
  'idempotency-key': z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional(),
});

export const TelcoResultOutSchema = z.object({ result: TelcoResultSchema, replayed: z.boolean(), broadcast: BroadcastViewSchema });

/** Which routes this Loa offers (the composer of a new broadcast). */
export const BroadcastRoutesOutSchema = z.object({ smsAccount: z.boolean(), defaultRoute: BroadcastRouteEnum });
