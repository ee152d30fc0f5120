// The Loa device protocol, version 1 (docs/devices.md): what a loudspeaker cluster or an LED board and
// Loa say to each other, over MQTT (topics loa/v1/<deviceId>/cmd, /state, /log, QoS 1, state retained)
// or the HTTP pull fallback (GET /device/v1/schedule, POST /device/v1/logs). Every payload is JSON with
// `v: 1`; a device ignores fields it does not know and refuses a `v` it does not speak.
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** The MQTT topics of one device. A device publishes only state and log, and subscribes only cmd. */
export const deviceTopics = (deviceId: string) => ({
  cmd: `loa/v1/${deviceId}/cmd`,
  state: `loa/v1/${deviceId}/state`,
  log: `loa/v1/${deviceId}/log`,
});

/** deviceId and channel of a topic loa/v1/<deviceId>/<channel>, or null for any other topic. */
export function parseDeviceTopic(topic: string): { deviceId: string; channel: 'cmd' | 'state' | 'log' } | null {
  const m = /^loa\/v1\/([0-9a-f-]{36})\/(cmd|state|log)$/.exec(topic);
  return m ? { deviceId: m[1]!, channel: m[2] as 'cmd' | 'state' | 'log' } : null;
}

/** The three bulletin levels of TT 39/2020: thường, ưu tiên, khẩn cấp (pre-empts everything). */
export const PRIORITIES = ['thuong', 'uu_tien', 'khan_cap'] as const;
export type Priority = (typeof PRIORITIES)[number];

const isoTime = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ });
/** What Loa asks to be played: a file (downloaded, checked against sha256 when given) or a live relay. */
export const Media = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('audio'),
    url: httpUrl,
    /** audio/mpeg, audio/wav or audio/ogg. */
    contentType: z.enum(['audio/mpeg', 'audio/wav', 'audio/ogg']),
    durationMs: z.number().int().positive(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  z.object({ kind: z.literal('stream'), url: z.url({ protocol: /^(https?|rtsp|rtmp|icecast)$/ }) }),
]);
export type Media = z.infer<typeof Media>;

const Volume = z.number().int().min(0).max(100);
/** The item a command plays or shows (a bulletin's id in later versions; free text up to 100 characters). */
const ItemId = z.string().min(1).max(100);

const envelope = { v: z.literal(PROTOCOL_VERSION), id: z.uuid(), at: isoTime };

export const PlayNow = z.object({
  ...envelope,
  cmd: z.literal('play_now'),
  itemId: ItemId,
  media: Media,
  priority: z.enum(PRIORITIES),
  /** Times to play it back to back. */
  repeat: z.number().int().min(1).max(20).default(1),
  /** khẩn cấp: stop whatever is playing (reported as interrupted) and play at once. */
  interrupt: z.boolean().default(false),
  volume: Volume.optional(),
});

export const ScheduleEntry = z.object({
  itemId: ItemId,
  media: Media,
  priority: z.enum(PRIORITIES),
  startAt: isoTime,
  repeat: z.number().int().min(1).max(20).default(1),
  volume: Volume.optional(),
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

/** The device's programme: replaces every entry received before (an empty list clears it). */
export const ScheduleCmd = z.object({ ...envelope, cmd: z.literal('schedule'), entries: z.array(ScheduleEntry).max(1000) });

/** Stops the item named, or whatever plays or shows when none is named (reported as interrupted). */
export const Stop = z.object({ ...envelope, cmd: z.literal('stop'), itemId: ItemId.optional() });
export const SetVolume = z.object({ ...envelope, cmd: z.literal('set_volume'), volume: Volume });
/** The amplifier's power relay. */
export const AmpPower = z.object({ ...envelope, cmd: z.literal('amp_power'), on: z.boolean() });

export const TextPage = z.object({
  text: z.string().min(1).max(2000),
  /** Character height in pixels; the board picks its nearest font. */
  sizePx: z.number().int().min(8).max(256).optional(),
  scroll: z.enum(['none', 'left', 'up']).default('none'),
  seconds: z.number().int().min(1).max(3600),
});
/** LED board: pages shown in turn until `until` (or once through when absent). */
export const ShowText = z.object({ ...envelope, cmd: z.literal('show_text'), itemId: ItemId, pages: z.array(TextPage).min(1).max(50), until: isoTime.optional() });
export const ShowImage = z.object({
  ...envelope,
  cmd: z.literal('show_image'),
  itemId: ItemId,
  url: httpUrl,
  contentType: z.enum(['image/png', 'image/jpeg']),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  seconds: z.number().int().min(1).max(86_400),
});
/** Sets the device clock (Loa's time when sent; the device corrects by half the round trip if it can). */
export const SyncClock = z.object({ ...envelope, cmd: z.literal('sync_clock'), serverTime: isoTime });
/** Asks the device to publish its state now. */
export const ReportState = z.object({ ...envelope, cmd: z.literal('report_state') });

/** A message on loa/v1/<deviceId>/cmd (and an item of GET /device/v1/schedule). */
export const DeviceCommand = z.discriminatedUnion('cmd', [PlayNow, ScheduleCmd, Stop, SetVolume, AmpPower, ShowText, ShowImage, SyncClock, ReportState]);
export type DeviceCommand = z.infer<typeof DeviceCommand>;
export type DeviceCommandName = DeviceCommand['cmd'];

/** Retained on loa/v1/<deviceId>/state: published on connect, on every change and on report_state. */
export const DeviceState = z.object({
  v: z.literal(PROTOCOL_VERSION),
  at: isoTime,
  status: z.enum(['idle', 'playing', 'showing', 'error']),
  /** What plays or shows now. */
  current: z.object({ itemId: ItemId, commandId: z.uuid().optional(), startedAt: isoTime }).nullable(),
  volume: Volume,
  ampOn: z.boolean(),
  /** Mobile signal strength (dBm) where the device has a SIM. */
  signalDbm: z.number().int().min(-150).max(0).optional(),
  firmware: z.string().max(100).optional(),
  /** Entries of the programme the device holds (after the last schedule command). */
  scheduled: z.number().int().min(0).optional(),
  error: z.string().max(500).optional(),
});
export type DeviceState = z.infer<typeof DeviceState>;

const logBase = {
  /** Chosen by the device (a UUID): a resent event (QoS 1, HTTP retry) is stored once. */
  id: z.uuid(),
  at: isoTime,
  itemId: ItemId,
  /** The command that asked for it (play_now id, or the schedule command's id). */
  commandId: z.uuid().optional(),
};
export const LogStarted = z.object({ ...logBase, type: z.literal('started') });
/** Played to its end: durationMs is what was heard (all repeats). */
export const LogFinished = z.object({ ...logBase, type: z.literal('finished'), durationMs: z.number().int().min(0) });
export const LogInterrupted = z.object({
  ...logBase,
  type: z.literal('interrupted'),
  durationMs: z.number().int().min(0),
  reason: z.enum(['preempted', 'stopped', 'power', 'error']),
  /** For `preempted`: the command that took over. */
  byCommandId: z.uuid().optional(),
});
/** Every minute or so (also over HTTP): proof of life with volume and signal. */
export const Heartbeat = z.object({
  id: z.uuid(),
  at: isoTime,
  type: z.literal('heartbeat'),
  volume: Volume,
  ampOn: z.boolean(),
  signalDbm: z.number().int().min(-150).max(0).optional(),
  uptimeS: z.number().int().min(0).optional(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;
export const DeviceLogEvent = z.discriminatedUnion('type', [LogStarted, LogFinished, LogInterrupted, Heartbeat]);
export type DeviceLogEvent = z.infer<typeof DeviceLogEvent>;

export const LOG_BATCH_MAX = 500;
/** A message on loa/v1/<deviceId>/log, and the body of POST /device/v1/logs. */
export const DeviceLogBatch = z.object({ v: z.literal(PROTOCOL_VERSION), events: z.array(DeviceLogEvent).min(1).max(LOG_BATCH_MAX) });
export type DeviceLogBatch = z.infer<typeof DeviceLogBatch>;

/** GET /device/v1/schedule: the commands waiting for the device (ETag over `commands`; 304 on If-None-Match). */
export const DeviceScheduleOut = z.object({ v: z.literal(PROTOCOL_VERSION), deviceId: z.uuid(), serverTime: isoTime, commands: z.array(DeviceCommand) });
export type DeviceScheduleOut = z.infer<typeof DeviceScheduleOut>;

/** POST /device/v1/logs answer: how many events were new (a resent batch counts 0). */
export const DeviceLogsOut = z.object({ accepted: z.number().int(), duplicates: z.number().int() });
