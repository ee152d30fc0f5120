import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

/** CAP 1.2 alerts (issue #14.5; migration 0019): drafts, and published messages with the XML as published. */
export const capAlerts = pgTable(
  'cap_alerts',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The first message's id (an Alert's own). */
    chainId: uuid('chain_id').notNull(),
    /** The message an Update or Cancel follows. */
    previousId: uuid('previous_id').references((): AnyPgColumn => capAlerts.id),
    /** draft | submitted | published */
    state: text('state').notNull().default('draft'),
    /** CAP status: Actual | Exercise | Test */
    status: text('status').notNull(),
    /** Alert | Update | Cancel */
    msgType: text('msg_type').notNull().default('Alert'),
    scope: text('scope').notNull().default('Public'),
    categories: jsonb('categories').notNull().default([]),
    event: text('event').notNull(),
    urgency: text('urgency').notNull(),
    severity: text('severity').notNull(),
    certainty: text('certainty').notNull(),
    infoVi: jsonb('info_vi').notNull(),
    infoEn: jsonb('info_en'),
    effective: timestamp('effective', { withTimezone: true }),
    onset: timestamp('onset', { withTimezone: true }),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
    areaUnitIds: jsonb('area_unit_ids').notNull().default([]),
    note: text('note'),
    identifier: text('identifier'),
    sender: text('sender'),
    sent: timestamp('sent', { withTimezone: true }),
    references: text('references'),
    /** The CAP document as published (served byte for byte). */
    xml: text('xml'),
    emergency: boolean('emergency').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The Idempotency-Key of the publication (a retry with it gets the same answer). */
    publishKey: text('publish_key'),
  },
  (t) => [uniqueIndex('cap_alerts_identifier_idx').on(t.identifier), index('cap_alerts_unit_idx').on(t.unitId, t.createdAt), index('cap_alerts_chain_idx').on(t.chainId)],
);
