import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

/** A commune's broadcast programme (chương trình phát thanh): a daily slot on some weekdays. Migration 0017. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** ISO weekdays, 1 = Thứ Hai … 7 = Chủ nhật. */
    days: integer('days').array().notNull(),
    /** Local (UTC+7) minutes after midnight. */
    startMinute: integer('start_minute').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    repeat: integer('repeat').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programmes_unit_idx').on(t.unitId)],
);

/** The bulletins addressed to a commune, waiting to be placed, placed in a programme's playlist (by position) or dismissed. */
export const bulletinQueue = pgTable(
  'bulletin_queue',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    bulletinId: uuid('bulletin_id').notNull(),
    /** thuong | uu_tien | khan_cap */
    priority: text('priority').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    /** waiting | placed | dismissed */
    status: text('status').notNull().default('waiting'),
    /** ưu tiên with no programme to enter: the commune must schedule it now. */
    urgent: boolean('urgent').notNull().default(false),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    position: integer('position'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.bulletinId] }), index('bulletin_queue_programme_idx').on(t.programmeId), index('bulletin_queue_bulletin_idx').on(t.bulletinId)],
);
