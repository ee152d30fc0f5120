import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { users } from './users.ts';

/**
 * Portal sections (chuyên mục). The owner unit runs the section; a section may be handed to a
 * delegate unit (e.g. Sở Y tế for "Thông tin cần biết") whose editors publish there and nowhere
 * else. `situation_fields` ([{key,label}]) marks the section that carries the daily situation update.
 */
export const portalSections = pgTable(
  'portal_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    delegateUnitId: uuid('delegate_unit_id').references(() => units.id),
    situationFields: jsonb('situation_fields'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('portal_sections_slug_uq').on(t.slug)],
);

/**
 * Posts: draft → review → (scheduled →) published; `unpublished` takes a post down. `body_html` is
 * sanitised before it is stored; `body_text` is its plain text for search and feeds. `revisions`
 * lists correction notes [{at, note, by}] shown under the article.
 */
export const portalPosts = pgTable(
  'portal_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => portalSections.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    featuredImageUrl: text('featured_image_url'),
    authorUnitId: uuid('author_unit_id')
      .notNull()
      .references(() => units.id),
    sourceName: text('source_name'),
    sourceUrl: text('source_url'),
    status: text('status').notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    revisions: jsonb('revisions')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** schema.org JSON-LD rendered in the article's head (a correction's ClaimReview, issue #15); null for most posts. */
    structuredData: jsonb('structured_data'),
    /** Lower-cased, diacritics removed: what search matches against. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(loa_unaccent(title || ' ' || coalesce(summary, '') || ' ' || body_text))`),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('portal_posts_slug_uq').on(t.slug),
    index('portal_posts_section_idx').on(t.sectionId, t.status, t.publishedAt),
    index('portal_posts_published_idx').on(t.status, t.publishedAt),
    index('portal_posts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Daily situation figures ({field key: number}) of a section for a date, entered by its health unit. */
export const situationUpdates = pgTable(
  'situation_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => portalSections.id),
    date: date('date').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    figures: jsonb('figures').notNull(),
    note: text('note'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(loa_unaccent(coalesce(note, '')))`),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('situation_updates_section_date_uq').on(t.sectionId, t.date), index('situation_updates_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`)],
);

/** Citizens' questions (hỏi đáp): pending → published (answered, shown as FAQ) or rejected. */
export const citizenQuestions = pgTable(
  'citizen_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => portalSections.id),
    name: text('name').notNull(),
    email: text('email'),
    question: text('question').notNull(),
    answer: text('answer'),
    status: text('status').notNull().default('pending'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answerUnitId: uuid('answer_unit_id').references(() => units.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    ip: text('ip'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(loa_unaccent(question || ' ' || coalesce(answer, '')))`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('citizen_questions_section_idx').on(t.sectionId, t.status, t.createdAt)],
);

/** Hotlines and links to online public services (dịch vụ công) shown on every page. */
export const portalLinks = pgTable('portal_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** hotline | service */
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  /** A phone number (hotline) or an https URL (service). */
  value: text('value').notNull(),
  note: text('note'),
  ownerUnitId: uuid('owner_unit_id')
    .notNull()
    .references(() => units.id),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Uploaded files; the content lives under DATA_DIR/files/<storage_key>. Reviewed like posts: an
 * upload is a `draft` of its section, public only once `published` by a publisher of that section
 * (directly, or by publishing a post of the section that shows it). Rows from before review existed
 * have no section and were already public.
 */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    sectionId: uuid('section_id').references(() => portalSections.id),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('media_files_created_idx').on(t.createdAt), index('media_files_status_idx').on(t.status, t.createdAt)],
);

/** Secrets the portal signs its public forms with (one row per purpose, created on first use). */
export const portalKeys = pgTable('portal_keys', {
  id: text('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
