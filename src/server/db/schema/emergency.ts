import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

/**
 * Emergency messages (issue #14.6; migration 0021): one message fanned out to every channel. The channels' own
 * records live in their modules (broadcast, bulletin, CAP alert, social publications); this row links them and
 * holds the portal home's banner while it is active.
 */
export const emergencyMessages = pgTable(
  'emergency_messages',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    text: text('text').notNull(),
    areaUnitIds: jsonb('area_unit_ids').notNull().default([]),
    /** The channels chosen (sms, loudspeaker, banner, social, cap). */
    channels: jsonb('channels').notNull().default([]),
    renditions: jsonb('renditions').notNull(),
    /** Actual | Exercise */
    capStatus: text('cap_status').notNull().default('Actual'),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
    broadcastId: uuid('broadcast_id'),
    bulletinId: uuid('bulletin_id'),
    alertId: uuid('alert_id'),
    socialPublicationIds: jsonb('social_publication_ids').notNull().default([]),
    /** Why a chosen channel was not configured at launch, per channel. */
    notConfigured: jsonb('not_configured').notNull().default({}),
    bannerHeadline: text('banner_headline'),
    bannerLink: text('banner_link'),
    bannerEndedAt: timestamp('banner_ended_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('emergency_messages_key_idx').on(t.unitId, t.idempotencyKey), index('emergency_messages_unit_idx').on(t.unitId, t.createdAt)],
);
