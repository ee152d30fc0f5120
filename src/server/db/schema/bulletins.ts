import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { broadcasts } from './broadcasts.ts';
import { devices } from './devices.ts';
import { units } from './units.ts';

/** Bulletins (bản tin truyền thanh): TTS text, an uploaded audio file or a live relay; migration 0016. */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** thuong | uu_tien | khan_cap */
    priority: text('priority').notNull(),
    /** tts | audio | stream */
    source: text('source').notNull(),
    text: text('text').notNull().default(''),
    spokenText: text('spoken_text'),
    ttsVoice: text('tts_voice'),
    audioKey: text('audio_key'),
    audioContentType: text('audio_content_type'),
    audioDurationMs: integer('audio_duration_ms'),
    audioSha256: text('audio_sha256'),
    streamUrl: text('stream_url'),
    /** Protocol v1 TextPage[] for LED boards. */
    ledPages: jsonb('led_pages').notNull().default([]),
    repeat: integer('repeat').notNull().default(1),
    /** Commune unit ids (string[]). */
    targetUnitIds: jsonb('target_unit_ids').notNull().default([]),
    /** draft | submitted | published | cancelled | ended */
    status: text('status').notNull().default('draft'),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    emergency: boolean('emergency').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The Idempotency-Key of the approval that published it (a retry with it gets the same answer). */
    approveKey: text('approve_key'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by'),
    cancelReason: text('cancel_reason'),
    broadcastId: uuid('broadcast_id').references(() => broadcasts.id),
  },
  (t) => [index('bulletins_unit_idx').on(t.unitId, t.createdAt)],
);

/** The devices a published bulletin was meant for, with the id of the command each was sent. */
export const bulletinTargets = pgTable(
  'bulletin_targets',
  {
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    /** loudspeaker_cluster | led_board */
    kind: text('kind').notNull(),
    commandId: uuid('command_id').notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.deviceId] }), index('bulletin_targets_device_idx').on(t.deviceId)],
);
