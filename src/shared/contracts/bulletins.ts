// Contract of the bulletins API (/api/bulletins/*, issue #13): a bulletin (bản tin truyền thanh) is what commune
// loudspeakers play and LED boards show — text read by TTS, an uploaded audio file or a live relay — with the three
// priorities of TT 39/2020, its workflow (draft → submitted → published, cancelled, ended) and its coverage.
import { z } from 'zod';
import { PRIORITIES, TextPage } from './device-protocol.ts';

export { PRIORITIES };
export type { Priority } from './device-protocol.ts';

export const BULLETIN_LIMITS = { title: 300, text: 20_000, repeat: 20, targets: 1000, audioBytes: 30 * 1024 * 1024, ledPages: 50 } as const;

export const BULLETIN_SOURCES = ['tts', 'audio', 'stream'] as const;
export type BulletinSource = (typeof BULLETIN_SOURCES)[number];

export const BULLETIN_STATUSES = ['draft', 'submitted', 'published', 'cancelled', 'ended'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

const nfc = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize('NFC'));

export const LedPageSchema = TextPage;
export type LedPage = z.infer<typeof TextPage>;

export const BulletinInputSchema = z.object({
  title: nfc(BULLETIN_LIMITS.title).pipe(z.string().min(1)),
  priority: z.enum(PRIORITIES),
  source: z.enum(BULLETIN_SOURCES),
  /** What the TTS reads (source tts); also the default LED text. */
  text: nfc(BULLETIN_LIMITS.text).default(''),
  /** A live relay of the provincial/district station (source stream). */
  streamUrl: z.url({ protocol: /^(https?|rtsp|rtmp|icecast)$/ }).nullish(),
  /** LED pages; null or absent: built from the title and the text. */
  ledPages: z.array(TextPage).min(1).max(BULLETIN_LIMITS.ledPages).nullish(),
  repeat: z.number().int().min(1).max(BULLETIN_LIMITS.repeat).default(1),
  /** Communes; empty or absent: every commune of the issuer's area (a commune: itself). */
  targetUnitIds: z.array(z.uuid()).max(BULLETIN_LIMITS.targets).nullish(),
  validUntil: z.iso.datetime({ offset: true }).nullish(),
});
export type BulletinInput = z.infer<typeof BulletinInputSchema>;

export const CreateBulletinBodySchema = BulletinInputSchema.extend({ unitId: z.uuid() });
export type CreateBulletinBody = z.infer<typeof CreateBulletinBodySchema>;
export const UpdateBulletinBodySchema = BulletinInputSchema.partial();
export type UpdateBulletinBody = z.infer<typeof UpdateBulletinBodySchema>;

export const CancelBulletinBodySchema = z.object({ reason: nfc(1000).nullish() });
export const UploadAudioBodySchema = z.object({ fileName: z.string().min(1).max(300), contentBase64: z.string().min(1) });
export const TtsPreviewBodySchema = z.object({ text: nfc(BULLETIN_LIMITS.text).pipe(z.string().min(1)) });
export const IdempotencyHeadersSchema = z.looseObject({ 'idempotency-key': z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional() });

export const BulletinListQuerySchema = z.object({
  unitId: z.uuid().optional(),
  status: z.enum(BULLETIN_STATUSES).optional(),
  /** '1': the unit's bulletins and those of every unit below it. */
  subtree: z.enum(['0', '1']).default('0'),
});

export const BulletinCapabilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  /** khẩn cấp: an approver publishes a draft in one step. */
  emergencyApprove: z.boolean(),
  cancel: z.boolean(),
});
export type BulletinCapabilities = z.infer<typeof BulletinCapabilitiesSchema>;

export const BulletinMediaSchema = z.object({
  contentType: z.enum(['audio/mpeg', 'audio/wav', 'audio/ogg']).nullable(),
  durationMs: z.number().int().nullable(),
  sha256: z.string().nullable(),
  /** Where staff listen to it (the admin session's route). */
  url: z.string().nullable(),
});

export const BulletinViewSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  source: z.enum(BULLETIN_SOURCES),
  status: z.enum(BULLETIN_STATUSES),
  text: z.string(),
  /** The text as given to the TTS (numbers, dates, abbreviations written out). */
  spokenText: z.string().nullable(),
  ttsVoice: z.string().nullable(),
  audio: BulletinMediaSchema,
  streamUrl: z.string().nullable(),
  ledPages: z.array(TextPage),
  repeat: z.number().int(),
  targetUnitIds: z.array(z.uuid()),
  targetUnits: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() })),
  validUntil: z.string().nullable(),
  emergency: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Devices it was sent to (published). */
  devices: z.number().int(),
  capabilities: BulletinCapabilitiesSchema,
});
export type BulletinView = z.infer<typeof BulletinViewSchema>;
export const BulletinOutSchema = z.object({ bulletin: BulletinViewSchema });

export const BulletinSummarySchema = BulletinViewSchema.pick({
  id: true,
  unitId: true,
  unitName: true,
  title: true,
  priority: true,
  source: true,
  status: true,
  createdAt: true,
  publishedAt: true,
  devices: true,
});
export type BulletinSummary = z.infer<typeof BulletinSummarySchema>;
export const BulletinListSchema = z.object({ items: z.array(BulletinSummarySchema), capabilities: z.object({ draft: z.boolean() }) });

export const CommuneCoverageSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  code: z.string().nullable(),
  targeted: z.number().int(),
  started: z.number().int(),
  finished: z.number().int(),
  interrupted: z.number().int(),
});
export type CommuneCoverage = z.infer<typeof CommuneCoverageSchema>;
export const CoverageSchema = z.object({
  bulletinId: z.uuid(),
  totals: CommuneCoverageSchema.pick({ targeted: true, started: true, finished: true, interrupted: true }),
  communes: z.array(CommuneCoverageSchema),
  /** Targeted devices with no `started` log for it (at most 500). */
  notPlayed: z.array(z.object({ deviceId: z.uuid(), name: z.string(), kind: z.string(), unitName: z.string(), village: z.string().nullable(), lastSeenAt: z.string().nullable() })),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const TtsPreviewOutSchema = z.object({ spokenText: z.string(), voice: z.string(), durationMs: z.number().int(), wavBase64: z.string() });
export type TtsPreviewOut = z.infer<typeof TtsPreviewOutSchema>;
