import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { users } from './users.ts';

/**
 * Dispatch imports (nhập công văn): a file a unit received outside Loa, its extracted text, what
 * the parser read and what the matcher proposed. `content_hash` (SHA-256 of the file's bytes) is
 * unique per importing unit, so the same file imported twice is detected. On confirmation the
 * received document is registered as a directive (referenced by id; the directives module owns it).
 */
export const dispatchImports = pgTable(
  'dispatch_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: uuid('created_by').references(() => users.id),
    fileName: text('file_name').notNull(),
    /** txt | docx | pdf, as detected from the content. */
    format: text('format').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    contentHash: text('content_hash').notNull(),
    text: text('text').notNull(),
    parsed: jsonb('parsed').notNull(),
    proposal: jsonb('proposal').notNull(),
    /** What the confirmation created (directive, inbox item, tasks). */
    result: jsonb('result'),
    /** proposed | confirming | confirmed */
    status: text('status').notNull().default('proposed'),
    directiveId: uuid('directive_id'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dispatch_imports_unit_hash_idx').on(t.unitId, t.contentHash), index('dispatch_imports_created_idx').on(t.unitId, t.createdAt)],
);
