// Contract of the emergency API (/api/emergency/*, issue #14 point 6): one message composed once and fanned out with
// per-channel renditions — SMS (khẩn cấp broadcast), loudspeakers and LED boards (khẩn cấp bulletin), the portal
// home's banner, the unit's social pages, the CAP feed — launched in one transaction, followed per channel.
import { z } from 'zod';
import { segment, unaccented } from '../sms/segments.ts';

export const EMERGENCY_CHANNELS = ['sms', 'loudspeaker', 'banner', 'social', 'cap'] as const;
export type EmergencyChannel = (typeof EMERGENCY_CHANNELS)[number];
export const CHANNEL_LABELS: Record<EmergencyChannel, string> = {
  sms: 'Tin nhắn SMS',
  loudspeaker: 'Loa truyền thanh và bảng LED',
  banner: 'Thông báo trên cổng thông tin',
  social: 'Trang mạng xã hội',
  cap: 'Cảnh báo CAP',
};

export const EMERGENCY_LIMITS = { title: 160, text: 4000, sms: 1600, led: 480, banner: 300, social: 5000, areas: 200 } as const;
/** How long the banner stays and the CAP alert is active when the official gives no end (hours). */
export const DEFAULT_ACTIVE_HOURS = 24;

const nfc = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.normalize('NFC'));
const required = (max: number) => nfc(max).pipe(z.string().min(1, 'Không được để trống'));

const CapTextSchema = z.object({
  headline: required(160),
  description: required(4000),
  instruction: nfc(2000).default(''),
});
export type CapText = z.infer<typeof CapTextSchema>;

/** Each channel's text, made from the one message and edited by the official before launching. */
export const RenditionsSchema = z.object({
  sms: z.object({ text: required(EMERGENCY_LIMITS.sms), unaccented: z.boolean() }),
  /** What the loudspeakers read (TTS). */
  radio: z.object({ text: required(EMERGENCY_LIMITS.text) }),
  /** The LED boards' short text. */
  led: z.object({ text: required(EMERGENCY_LIMITS.led) }),
  banner: z.object({
    headline: required(EMERGENCY_LIMITS.banner),
    link: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullish(),
  }),
  social: z.object({ text: required(EMERGENCY_LIMITS.social) }),
  cap: z.object({ vi: CapTextSchema, en: CapTextSchema.nullish() }),
});
export type Renditions = z.infer<typeof RenditionsSchema>;

export const LaunchBodySchema = z.object({
  /** The issuing unit (the actor's, where it holds broadcast.approve). */
  unitId: z.uuid(),
  areaUnitIds: z
    .array(z.uuid())
    .min(1, 'Chọn ít nhất một xã')
    .max(EMERGENCY_LIMITS.areas)
    .transform((a) => [...new Set(a)]),
  title: required(EMERGENCY_LIMITS.title),
  text: required(EMERGENCY_LIMITS.text),
  channels: z
    .array(z.enum(EMERGENCY_CHANNELS))
    .min(1, 'Chọn ít nhất một kênh')
    .transform((c) => [...new Set(c)]),
  renditions: RenditionsSchema,
  /** CAP status of the alert: a real emergency or an exercise (diễn tập). */
  capStatus: z.enum(['Actual', 'Exercise']).default('Actual'),
  /** When the banner and the CAP alert end; default 24 h after the launch. */
  expires: z.iso.datetime({ offset: true }).nullish(),
  /** The Idempotency-Key for a client that cannot set the header (the admin UI: one per composed message). */
  idempotencyKey: z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional(),
});
export type LaunchBody = z.input<typeof LaunchBodySchema>;
export type LaunchInput = z.infer<typeof LaunchBodySchema>;
export const IdempotencyHeadersSchema = z.looseObject({ 'idempotency-key': z.string().trim().min(8, 'Idempotency-Key cần 8–200 ký tự').max(200).optional() });

export const ReachBodySchema = z.object({ unitId: z.uuid(), areaUnitIds: z.array(z.uuid()).max(EMERGENCY_LIMITS.areas) });
export const AreaChoiceSchema = z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() });
export const ChoicesOutSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  communes: z.array(AreaChoiceSchema),
  capabilities: z.object({ launch: z.boolean() }),
});
export type Choices = z.infer<typeof ChoicesOutSchema>;
/** What each channel would reach for the chosen communes. */
export const ReachOutSchema = z.object({
  subscribers: z.number().int(),
  loudspeakers: z.number().int(),
  ledBoards: z.number().int(),
  pages: z.array(z.object({ id: z.uuid(), platform: z.string(), name: z.string() })),
  /** Why a channel cannot be used (not configured, not permitted); absent when it can. */
  unavailable: z.partialRecord(z.enum(EMERGENCY_CHANNELS), z.string()),
});
export type Reach = z.infer<typeof ReachOutSchema>;

export const CHANNEL_STATES = ['not_selected', 'not_configured', 'in_progress', 'done', 'failed'] as const;
export type ChannelState = (typeof CHANNEL_STATES)[number];
export const CHANNEL_STATE_LABELS: Record<ChannelState, string> = {
  not_selected: 'Không chọn',
  not_configured: 'Chưa cấu hình',
  in_progress: 'Đang gửi',
  done: 'Hoàn tất',
  failed: 'Có lỗi',
};

export const ChannelStatusSchema = z.object({
  channel: z.enum(EMERGENCY_CHANNELS),
  state: z.enum(CHANNEL_STATES),
  /** Why not configured, or what failed. */
  reason: z.string().nullable(),
  /** Per-channel figures: sms delivered/failed/ambiguous/pending of total; loudspeaker started of targeted; … */
  counts: z.record(z.string(), z.number().int()),
  total: z.number().int().nullable(),
  /** The record in its own module (broadcast, bulletin, CAP alert) or the public address (banner, CAP document). */
  recordId: z.string().nullable(),
  url: z.string().nullable(),
  items: z.array(z.object({ label: z.string(), state: z.string(), url: z.string().nullable(), error: z.string().nullable() })).default([]),
});
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const EmergencyViewSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  text: z.string(),
  areas: z.array(AreaChoiceSchema),
  capStatus: z.enum(['Actual', 'Exercise']),
  createdAt: z.string(),
  expires: z.string(),
  /** Every channel is final (done, failed, not configured, not selected). */
  final: z.boolean(),
  channels: z.array(ChannelStatusSchema),
});
export type EmergencyView = z.infer<typeof EmergencyViewSchema>;
export const EmergencyOutSchema = z.object({ emergency: EmergencyViewSchema });
export const EmergencyListOutSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), title: z.string(), unitName: z.string(), createdAt: z.string(), channels: z.array(z.enum(EMERGENCY_CHANNELS)) })),
});

/** The ends of the portal's banner and the link of a social post to the portal home's emergency notice. */
export const BANNER_ANCHOR = 'thong-bao-khan-cap';

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/**
 * The channels' renditions of one message (the composer shows each for editing): SMS unaccented when that saves
 * parts, the radio script with a khẩn cấp opening repeated at its end, a short LED text, the banner's headline,
 * the social post with the portal link, the CAP info texts.
 */
export function renditionsOf(title: string, text: string, o: { portalUrl: string; authority?: string } = { portalUrl: '' }): Renditions {
  const t = title.trim().normalize('NFC');
  const body = text.trim().normalize('NFC');
  const smsFull = `${o.authority ? `${o.authority}: ` : ''}${t}. ${body}`;
  const u = unaccented(clip(smsFull, EMERGENCY_LIMITS.sms));
  const useUnaccented = u.savedParts > 0 || segment(smsFull).parts > 3;
  return {
    sms: { text: clip(smsFull, EMERGENCY_LIMITS.sms), unaccented: useUnaccented },
    radio: { text: clip(`Thông báo khẩn cấp. ${t}. ${body} Xin nhắc lại: ${t}.`, EMERGENCY_LIMITS.text) },
    led: { text: clip(`KHẨN CẤP: ${t}. ${body}`, EMERGENCY_LIMITS.led) },
    banner: { headline: clip(t, EMERGENCY_LIMITS.banner), link: null },
    social: { text: clip(`[KHẨN CẤP] ${t}\n\n${body}${o.portalUrl ? `\n\nChi tiết: ${o.portalUrl}/#${BANNER_ANCHOR}` : ''}`, EMERGENCY_LIMITS.social) },
    cap: { vi: { headline: clip(t, 160), description: clip(body, 4000), instruction: '' }, en: null },
  };
}
