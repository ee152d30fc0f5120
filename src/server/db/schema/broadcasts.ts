import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { directives } from './directives.ts';
import { units } from './units.ts';

/** Broadcasts (thông điệp) shared by every channel; see migrations/0011_broadcasts.sql. */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** thuong | uu_tien | khan_cap */
    priority: text('priority').notNull(),
    /** draft | submitted | approved | sending | done | cancelled */
    status: text('status').notNull().default('draft'),
    smsText: text('sms_text').notNull(),
    unaccented: boolean('unaccented').notNull().default(false),
    senderName: text('sender_name'),
    audience: jsonb('audience').notNull(),
    scheduleAt: timestamp('schedule_at', { withTimezone: true }),
    directiveId: uuid('directive_id'),
    recipients: integer('recipients'),
    emergency: boolean('emergency').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Daily send window "HH:MM"–"HH:MM" local (0013_broadcast_windows.sql); null: the whole day outside quiet hours. */
    windowStart: text('window_start'),
    windowEnd: text('window_end'),
    /** The broadcast this one replaces, and the one that replaced this one (0013; FKs in the migration). */
    supersedesId: uuid('supersedes_id'),
    supersededById: uuid('superseded_by_id'),
    /** smpp | telco_request (0012_telco_requests.sql) */
    route: text('route').notNull().default('smpp'),
    /** The công văn to the telcos drafted when a telco_request broadcast is approved. */
    telcoRequestDirectiveId: uuid('telco_request_directive_id').references(() => directives.id, { onDelete: 'set null' }),
  },
  (t) => [index('broadcasts_unit_idx').on(t.unitId, t.createdAt)],
);

/** One SMS to one phone of one broadcast. */
export const smsDeliveries = pgTable(
  'sms_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    broadcastId: uuid('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id'),
    unitId: uuid('unit_id'),
    phone: text('phone').notNull(),
    telco: text('telco').notNull(),
    /** queued | submitting | submitted | delivered | failed | expired | rejected | ambiguous */
    state: text('state').notNull().default('queued'),
    parts: integer('parts').notNull(),
    ordinary: boolean('ordinary').notNull(),
    localDay: date('local_day').notNull(),
    messageId: text('message_id'),
    messageKey: text('message_key'),
    bind: text('bind'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** When the SMSC accepted the submit_sm (0015_sms_delivery_speed.sql); null before, or never accepted. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sms_deliveries_broadcast_phone_idx').on(t.broadcastId, t.phone),
    index('sms_deliveries_message_key_idx').on(t.messageKey),
    // No index on state, and fillfactor 70 (0015_sms_delivery_speed.sql): claims and receipts stay HOT updates.
    index('sms_deliveries_phone_day_idx').on(t.phone, t.localDay),
  ],
);

/** A telco's reply to a telco request ("đã nhắn N thuê bao"); see migrations/0012_telco_requests.sql. */
export const broadcastTelcoResults = pgTable(
  'broadcast_telco_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    broadcastId: uuid('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    telcoUnitId: uuid('telco_unit_id').references(() => units.id),
    telcoName: text('telco_name').notNull(),
    subscribers: integer('subscribers').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    note: text('note'),
    idempotencyKey: text('idempotency_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('broadcast_telco_results_broadcast_idx').on(t.broadcastId, t.reportedAt), uniqueIndex('broadcast_telco_results_key_idx').on(t.broadcastId, t.idempotencyKey)],
);
