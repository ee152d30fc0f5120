import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

/** A unit's list of SMS subscribers (cán bộ xã, trưởng thôn, hộ gia đình đăng ký, khác). Migration 0010. */
export const subscriberLists = pgTable(
  'subscriber_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subscriber_lists_unit_idx').on(t.unitId)],
);

/** One number in one list: `phone` is 0xxxxxxxxx, `telco` a prefix guess; opted out rows stay (khẩn cấp only). */
export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => subscriberLists.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name'),
    phone: text('phone').notNull(),
    telco: text('telco').notNull(),
    village: text('village'),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    optOutSource: text('opt_out_source'),
    optOutReason: text('opt_out_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('subscribers_list_phone_uq').on(t.listId, t.phone), index('subscribers_phone_idx').on(t.phone), index('subscribers_unit_idx').on(t.unitId)],
);
