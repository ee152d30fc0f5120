import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Administrative units and organisations in one tree. `path` is the dot-joined chain of ancestor
 * ids ending with the unit's own id, so a subtree is a prefix match. `edition` names the unit list
 * an administrative unit came from (vn-2025 three-level, vn-2026 two-level); GSO codes are unique
 * within an edition. Validity dates say when the unit is in force.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    edition: text('edition'),
    code: text('code'),
    name: text('name').notNull(),
    /** Lower-cased, diacritics removed: what search matches against. */
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`lower(loa_unaccent(name))`),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    emails: text('emails')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    phones: text('phones')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    address: text('address'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_edition_code_uq').on(t.edition, t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('units_kind_idx').on(t.kind),
    index('units_search_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** Named recipient sets: explicit units, or a rule "all units of kind K under unit U". */
export const recipientGroups = pgTable('recipient_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerUnitId: uuid('owner_unit_id')
    .notNull()
    .references(() => units.id),
  name: text('name').notNull(),
  description: text('description'),
  rule: jsonb('rule').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Predecessor → successor links between units of two editions (migration 0009): which pre-reform
 * units each 2026 province and commune was formed from. `partial`: only part of the predecessor
 * went into the successor. `source` names the crosswalk (a re-import replaces its own links).
 */
export const unitHistory = pgTable(
  'unit_history',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    partial: boolean('partial').notNull().default(false),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] }), index('unit_history_successor_idx').on(t.successorId)],
);
