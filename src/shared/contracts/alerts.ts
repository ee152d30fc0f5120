// Contract of the CAP alerts API (/api/alerts/*, issue #14 point 5): an alert in the OASIS Common Alerting Protocol 1.2
// (ITU-T X.1303) — composed by a unit, approved and published (signed) by its approver, then readable by anyone at
// /cap/<identifier>.xml and listed in the Atom index /cap/atom.xml. Update and Cancel are new messages of the same chain.
import { z } from 'zod';

export const ALERT_LIMITS = { headline: 160, event: 200, description: 4000, instruction: 2000, contact: 300, note: 1000, areas: 200 } as const;

/** CAP `status`: System and Draft are not offered (a draft is Loa's workflow state, not a message). */
export const CAP_STATUSES = ['Actual', 'Exercise', 'Test'] as const;
export type CapStatus = (typeof CAP_STATUSES)[number];
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
/** Only Public: Restricted and Private need `restriction` / `addresses`, which Loa does not handle. */
export const CAP_SCOPES = ['Public'] as const;
export type CapScope = (typeof CAP_SCOPES)[number];
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** Loa's workflow: draft → submitted → published (an approver publishes, i.e. signs; a draft in one step in an emergency). */
export const ALERT_STATES = ['draft', 'submitted', 'published'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
/**
 * What a reader sees: draft, submitted; a published message is active until it expires, replaced by a later
 * Update (updated) or ended by a Cancel (cancelled).
 */
export const ALERT_PHASES = ['draft', 'submitted', 'active', 'expired', 'updated', 'cancelled'] as const;
export type AlertPhase = (typeof ALERT_PHASES)[number];

const nfc = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize('NFC'));
const required = (max: number) => nfc(max).pipe(z.string().min(1, 'Không được để trống'));
const dateTime = z.iso.datetime({ offset: true });

/** One `info` block's texts (vi-VN always, en-US optionally). */
export const AlertInfoTextSchema = z.object({
  headline: required(ALERT_LIMITS.headline),
  description: required(ALERT_LIMITS.description),
  instruction: nfc(ALERT_LIMITS.instruction).default(''),
  contact: nfc(ALERT_LIMITS.contact).default(''),
  /** The event's name in this language (the en-US block; vi-VN uses `event`). */
  event: nfc(ALERT_LIMITS.event).nullish(),
});
export type AlertInfoText = z.infer<typeof AlertInfoTextSchema>;
/** The same, as responses carry it (no transforms: responses are encoded). */
const AlertInfoTextOut = z.object({ headline: z.string(), description: z.string(), instruction: z.string(), contact: z.string(), event: z.string().nullish() });

export const AlertInputSchema = z.object({
  status: z.enum(CAP_STATUSES),
  scope: z.enum(CAP_SCOPES).default('Public'),
  categories: z
    .array(z.enum(CAP_CATEGORIES))
    .min(1)
    .max(CAP_CATEGORIES.length)
    .transform((c) => [...new Set(c)]),
  event: required(ALERT_LIMITS.event),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  vi: AlertInfoTextSchema,
  en: AlertInfoTextSchema.nullish(),
  effective: dateTime.nullish(),
  onset: dateTime.nullish(),
  expires: dateTime,
  /** Units of the tree in force in the issuer's area (communes, usually). */
  areaUnitIds: z
    .array(z.uuid())
    .min(1)
    .max(ALERT_LIMITS.areas)
    .transform((a) => [...new Set(a)]),
  /** CAP `note` (e.g. why a Cancel). */
  note: nfc(ALERT_LIMITS.note).nullish(),
});
export type AlertInput = z.infer<typeof AlertInputSchema>;

export const CreateAlertBodySchema = AlertInputSchema.extend({ unitId: z.uuid() });
export type CreateAlertBody = z.infer<typeof CreateAlertBodySchema>;
export const UpdateAlertBodySchema = AlertInputSchema.partial();
export type UpdateAlertBody = z.infer<typeof UpdateAlertBodySchema>;
/** Update / Cancel of a published alert: a new draft of the chain (the approver reviews and publishes it). */
export const FollowUpBodySchema = z.object({ note: nfc(ALERT_LIMITS.note).nullish() });
export const AlertIdempotencyHeadersSchema = z.looseObject({ 'idempotency-key': z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional() });

export const AlertListQuerySchema = z.object({ unitId: z.uuid().optional(), phase: z.enum(ALERT_PHASES).optional() });
export const AlertAreasQuerySchema = z.object({ unitId: z.uuid() });

export const AlertCapabilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  publish: z.boolean(),
  /** An approver publishes a draft in one step (audited as an emergency publication). */
  emergencyPublish: z.boolean(),
  update: z.boolean(),
  cancel: z.boolean(),
});
export type AlertCapabilities = z.infer<typeof AlertCapabilitiesSchema>;

const AreaUnit = z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() });
export type AlertAreaUnit = z.infer<typeof AreaUnit>;

export const AlertSummarySchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  state: z.enum(ALERT_STATES),
  phase: z.enum(ALERT_PHASES),
  status: z.enum(CAP_STATUSES),
  msgType: z.enum(CAP_MSG_TYPES),
  event: z.string(),
  headline: z.string(),
  severity: z.enum(CAP_SEVERITIES),
  urgency: z.enum(CAP_URGENCIES),
  identifier: z.string().nullable(),
  sent: z.string().nullable(),
  expires: z.string(),
  createdAt: z.string(),
});
export type AlertSummary = z.infer<typeof AlertSummarySchema>;

export const AlertViewSchema = AlertSummarySchema.extend({
  scope: z.enum(CAP_SCOPES),
  categories: z.array(z.enum(CAP_CATEGORIES)),
  certainty: z.enum(CAP_CERTAINTIES),
  vi: AlertInfoTextOut,
  en: AlertInfoTextOut.nullable(),
  effective: z.string().nullable(),
  onset: z.string().nullable(),
  note: z.string().nullable(),
  areaUnitIds: z.array(z.uuid()),
  areas: z.array(AreaUnit),
  sender: z.string().nullable(),
  references: z.string().nullable(),
  /** The message this one updates or cancels. */
  previousId: z.uuid().nullable(),
  /** Every message of the chain, oldest first (this one included). */
  chain: z.array(z.object({ id: z.uuid(), msgType: z.enum(CAP_MSG_TYPES), state: z.enum(ALERT_STATES), identifier: z.string().nullable(), sent: z.string().nullable() })),
  /** The public CAP document (published only). */
  xmlUrl: z.string().nullable(),
  emergency: z.boolean(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  capabilities: AlertCapabilitiesSchema,
});
export type AlertView = z.infer<typeof AlertViewSchema>;
export const AlertOutSchema = z.object({ alert: AlertViewSchema });
export const AlertListSchema = z.object({ items: z.array(AlertSummarySchema), capabilities: z.object({ draft: z.boolean() }) });
export const AlertAreasSchema = z.object({ items: z.array(AreaUnit) });

/** A problem found by the XSD or by the rules beyond it: the CAP field and a Vietnamese message. */
export const CapProblemSchema = z.object({ field: z.string(), message: z.string() });
export type CapProblem = z.infer<typeof CapProblemSchema>;
/** The XML the alert would publish (identifier and sent provisional until published) and what is wrong with it. */
export const AlertPreviewSchema = z.object({ xml: z.string(), valid: z.boolean(), problems: z.array(CapProblemSchema) });
export type AlertPreview = z.infer<typeof AlertPreviewSchema>;

/** Vietnamese labels of the CAP enumerations (the English are the CAP words themselves). */
export const CAP_LABELS_VI = {
  status: { Actual: 'Thật', Exercise: 'Diễn tập', Test: 'Thử nghiệm kỹ thuật' },
  msgType: { Alert: 'Cảnh báo', Update: 'Cập nhật', Cancel: 'Hủy' },
  scope: { Public: 'Công khai' },
  category: {
    Geo: 'Địa chất (động đất, sạt lở)',
    Met: 'Khí tượng, thủy văn (bão, lũ)',
    Safety: 'An toàn chung',
    Security: 'An ninh',
    Rescue: 'Cứu hộ, cứu nạn',
    Fire: 'Cháy, nổ, cháy rừng',
    Health: 'Y tế, dịch bệnh',
    Env: 'Môi trường',
    Transport: 'Giao thông',
    Infra: 'Hạ tầng (điện, nước, viễn thông)',
    CBRNE: 'Hóa học, sinh học, phóng xạ, hạt nhân, chất nổ',
    Other: 'Khác',
  },
  urgency: { Immediate: 'Khẩn cấp ngay', Expected: 'Sắp xảy ra (trong 1 giờ)', Future: 'Sẽ xảy ra', Past: 'Đã qua', Unknown: 'Chưa rõ' },
  severity: { Extreme: 'Đặc biệt nghiêm trọng', Severe: 'Nghiêm trọng', Moderate: 'Trung bình', Minor: 'Nhẹ', Unknown: 'Chưa rõ' },
  certainty: { Observed: 'Đã xác nhận (quan sát thấy)', Likely: 'Nhiều khả năng (trên 50%)', Possible: 'Có thể (dưới 50%)', Unlikely: 'Ít khả năng', Unknown: 'Chưa rõ' },
} as const;
