import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Instance settings (authority name, logo, hotline...) as key → JSON value. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
