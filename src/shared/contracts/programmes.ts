// Contract of a commune's broadcast programme (chương trình phát thanh, "Lịch phát sóng") and its bulletin
// queue: /api/units/:unitId/programmes, /api/units/:unitId/bulletin-queue, /api/programmes (the province
// view). Shared by the server routes and the admin page. Times are local (Asia/Ho_Chi_Minh, UTC+7).
import { z } from 'zod';
import { PRIORITIES } from './device-protocol.ts';
import { labelledText as text } from './text.ts';

/** 1 = Thứ Hai … 7 = Chủ nhật (ISO weekday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS: Record<number, string> = { 1: 'Thứ Hai', 2: 'Thứ Ba', 3: 'Thứ Tư', 4: 'Thứ Năm', 5: 'Thứ Sáu', 6: 'Thứ Bảy', 7: 'Chủ nhật' };
export const WEEKDAY_SHORT: Record<number, string> = { 1: 'T2', 2: 'T3', 3: 'T4', 4: 'T5', 5: 'T6', 6: 'T7', 7: 'CN' };

export const PROGRAMME_LIMITS = { name: 200, slotMinutesMax: 720, playlist: 100, repeatMax: 20 } as const;
/** How far ahead a device's `schedule` command reaches. */
export const SCHEDULE_HORIZON_MS = 48 * 3_600_000;

/** "07:30" → 450 minutes after midnight. */
export const minutesOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** 450 → "07:30" (1440 → "24:00"). */
export const hhmmOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ bắt đầu phải có dạng HH:MM (00:00–23:59)');
const Day = z.iso.date({ error: 'ngày phải có dạng YYYY-MM-DD' });

export const UnitIdParams = z.object({ unitId: z.uuid({ error: 'mã đơn vị không hợp lệ' }) });
export const ProgrammeParams = UnitIdParams.extend({ programmeId: z.uuid({ error: 'mã chương trình không hợp lệ' }) });
export const QueueItemParams = UnitIdParams.extend({ bulletinId: z.uuid({ error: 'mã bản tin không hợp lệ' }) });
export const ProvinceProgrammesQuery = z.object({ unitId: z.uuid({ error: 'mã đơn vị không hợp lệ' }), subtree: z.enum(['0', '1']).default('1') });

const programmeFields = {
  name: text(PROGRAMME_LIMITS.name, 'tên chương trình'),
  days: z
    .array(z.number().int().min(1).max(7), { error: 'ngày trong tuần không hợp lệ' })
    .min(1, 'chọn ít nhất một ngày trong tuần')
    .max(7)
    .transform((d) => [...new Set(d)].sort((a, b) => a - b)),
  startTime: Time,
  slotMinutes: z
    .number({ error: 'thời lượng phải là số phút' })
    .int('thời lượng phải là số phút nguyên')
    .min(1, 'thời lượng ít nhất 1 phút')
    .max(PROGRAMME_LIMITS.slotMinutesMax, `thời lượng tối đa ${PROGRAMME_LIMITS.slotMinutesMax} phút`),
  validFrom: Day,
  validUntil: Day.nullable().default(null),
  /** Times each bulletin of the playlist plays, back to back. */
  repeat: z.number().int().min(1).max(PROGRAMME_LIMITS.repeatMax).default(1),
  /** Bulletin ids in play order: bulletins of the commune's queue. */
  playlist: z.array(z.uuid()).max(PROGRAMME_LIMITS.playlist).default([]),
};

const slotChecks = <T extends { startTime?: string | undefined; slotMinutes?: number | undefined; validFrom?: string | undefined; validUntil?: string | null | undefined }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.startTime !== undefined && v.slotMinutes !== undefined && minutesOfDay(v.startTime) + v.slotMinutes > 1440)
    ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: 'khung giờ phải kết thúc trước 24:00 cùng ngày' });
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'ngày kết thúc phải sau ngày bắt đầu' });
};

export const ProgrammeBody = z.object(programmeFields).superRefine(slotChecks);
export type ProgrammeInput = z.infer<typeof ProgrammeBody>;
/** Every field of the programme again (the form sends the whole programme). */
export const UpdateProgrammeBody = ProgrammeBody;

export const PlaylistItemOut = z.object({ bulletinId: z.uuid(), title: z.string(), priority: z.enum(PRIORITIES) });
export const ProgrammeOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  name: z.string(),
  days: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number().int(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  repeat: z.number().int(),
  playlist: z.array(PlaylistItemOut),
  updatedAt: z.string(),
});
export type ProgrammeView = z.infer<typeof ProgrammeOut>;

export const ProgrammeCapabilities = z.object({ write: z.boolean() });
export const ProgrammesOut = z.object({ items: z.array(ProgrammeOut), capabilities: ProgrammeCapabilities });
export const OneProgrammeOut = z.object({ programme: ProgrammeOut });

export const QUEUE_STATUSES = ['waiting', 'placed', 'dismissed'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = { waiting: 'Chờ xếp lịch', placed: 'Đã xếp lịch', dismissed: 'Đã bỏ qua' };

export const QueueItemOut = z.object({
  bulletinId: z.uuid(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  status: z.enum(QUEUE_STATUSES),
  /** ưu tiên with no programme to enter: "cần xếp lịch ngay". */
  urgent: z.boolean(),
  programmeId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  queuedAt: z.string(),
});
export type QueueItemView = z.infer<typeof QueueItemOut>;
export const QueueOut = z.object({ items: z.array(QueueItemOut), capabilities: ProgrammeCapabilities });
export const PlaceBody = z.object({ programmeId: z.uuid({ error: 'chọn chương trình' }) });
export const OneQueueItemOut = z.object({ item: QueueItemOut });
