import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { users } from './users.ts';

/** A unit's Facebook Page or Zalo OA (issue #14; migration 0020). Secrets are secret-box ciphertext; the masks are what the UI shows. */
export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** facebook | zalo */
    platform: text('platform').notNull(),
    pageId: text('page_id').notNull(),
    displayName: text('display_name').notNull(),
    accessTokenEnc: text('access_token_enc').notNull(),
    appSecretEnc: text('app_secret_enc').notNull(),
    appId: text('app_id'),
    accessTokenMask: text('access_token_mask').notNull(),
    appSecretMask: text('app_secret_mask').notNull(),
    /** Facebook's webhook verification token (hub.verify_token), generated at connection. */
    verifyToken: text('verify_token'),
    /** connected | token_invalid | disconnected */
    status: text('status').notNull().default('connected'),
    statusMessage: text('status_message'),
    connectedBy: uuid('connected_by'),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
  },
  (t) => [
    index('social_accounts_unit_idx').on(t.unitId),
    uniqueIndex('social_accounts_page_uq')
      .on(t.platform, t.pageId)
      .where(sql`${t.disconnectedAt} IS NULL`),
    uniqueIndex('social_accounts_verify_uq')
      .on(t.verifyToken)
      .where(sql`${t.verifyToken} IS NOT NULL`),
  ],
);

/** One cross-post of a source (portal post, broadcast, free text) to one page: queued → sending → published / failed / ambiguous. */
export const socialPublications = pgTable(
  'social_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id),
    /** post | broadcast | text */
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id'),
    title: text('title').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    platformPostId: text('platform_post_id'),
    permalink: text('permalink'),
    errorKind: text('error_kind'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('social_publications_unit_idx').on(t.unitId, t.createdAt),
    uniqueIndex('social_publications_source_uq')
      .on(t.sourceKind, t.sourceId, t.accountId)
      .where(sql`${t.sourceId} IS NOT NULL`),
  ],
);

/** The Idempotency-Key of a publish request, per unit. */
export const socialPublishKeys = pgTable(
  'social_publish_keys',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    publicationIds: jsonb('publication_ids').notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.key] })],
);

/** A message or comment a webhook delivered to a page's inbox; the sender is secret-box ciphertext. */
export const socialInboxItems = pgTable(
  'social_inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id),
    platform: text('platform').notNull(),
    /** message | comment */
    kind: text('kind').notNull(),
    eventId: text('event_id').notNull(),
    senderEnc: text('sender_enc').notNull(),
    senderHash: text('sender_hash').notNull(),
    text: text('text').notNull(),
    postId: text('post_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** new | assigned | answered | closed */
    state: text('state').notNull().default('new'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    questionId: uuid('question_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_inbox_event_uq').on(t.accountId, t.eventId),
    index('social_inbox_unit_idx').on(t.unitId, t.receivedAt),
    index('social_inbox_sender_idx').on(t.accountId, t.senderHash, t.receivedAt),
  ],
);

/** A reply sent from the inbox through the platform. */
export const socialInboxReplies = pgTable(
  'social_inbox_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => socialInboxItems.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    platformId: text('platform_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('social_inbox_replies_item_idx').on(t.itemId, t.createdAt)],
);
