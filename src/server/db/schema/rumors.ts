import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';
import { users } from './users.ts';

// The misinformation desk (issue #15, migration 0022). Nothing here holds an informant's identity in clear text:
// rumor_informants.sealed is secret-box ciphertext under a key kept outside the database (key_id names it).

/** A case (vụ việc): one claim, the reports about it, its verification, conclusion and actions. */
export const rumorCases = pgTable(
  'rumor_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** "TS-2026-0007": the case's number in the desk (per year). */
    code: text('code').notNull(),
    /** The claim as staff summarise it (ClaimReview.claimReviewed). */
    title: text('title').notNull(),
    claim: text('claim').notNull().default(''),
    /** unverified | verifying | concluded */
    status: text('status').notNull().default('unverified'),
    /** false | partly_false | true | out_of_scope, set when a conclusion is proposed */
    verdict: text('verdict'),
    verdictSummary: text('verdict_summary'),
    /** null | proposed | approved (a leader approves) */
    conclusionState: text('conclusion_state'),
    proposedBy: uuid('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** low | medium | high | critical: sets the response deadline */
    severity: text('severity').notNull().default('medium'),
    respondBy: timestamp('respond_by', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references(() => users.id),
    reportCount: integer('report_count').notNull().default(0),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    firstAppearanceUrl: text('first_appearance_url'),
    correctionPostId: uuid('correction_post_id'),
    correctionBroadcastId: uuid('correction_broadcast_id'),
    requestersNotifiedAt: timestamp('requesters_notified_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(loa_unaccent(title || ' ' || claim))`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rumor_cases_code_uq').on(t.code),
    index('rumor_cases_unit_idx').on(t.unitId, t.status, t.lastReportAt),
    index('rumor_cases_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** An informant's identity, sealed: {name, phone, email, socialId, ip, userAgent, fileName}. Erased after retention. */
export const rumorInformants = pgTable(
  'rumor_informants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Which key of the informant key ring sealed it (rotation re-seals under the newest). */
    keyId: text('key_id').notNull(),
    sealed: text('sealed').notNull(),
    /** How the outcome can reach them (email | phone | social), without saying where; null: no contact left. */
    contactKind: text('contact_kind'),
    eraseAfter: timestamp('erase_after', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rumor_informants_erase_idx')
      .on(t.eraseAfter)
      .where(sql`${t.erasedAt} IS NULL AND ${t.eraseAfter} IS NOT NULL`),
  ],
);

/** A report (phản ánh) from one channel; always part of a case. `code` is the citizen's reference. */
export const rumorReports = pgTable(
  'rumor_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rumorCases.id),
    code: text('code').notNull(),
    /** portal | social | staff | monitoring */
    channel: text('channel').notNull(),
    description: text('description').notNull().default(''),
    urls: text('urls')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    normalizedUrls: text('normalized_urls')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The description folded (lower case, no diacritics, NFC): what trigram similarity compares. */
    textFolded: text('text_folded').notNull().default(''),
    /** The uploaded screenshot or file in the file store (metadata stripped), its hash, sniffed type and size. */
    fileId: text('file_id'),
    fileSha256: text('file_sha256'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    informantId: uuid('informant_id').references(() => rumorInformants.id),
    socialItemId: uuid('social_item_id'),
    feedItemId: uuid('feed_item_id'),
    /** When the reported content was seen or published (first appearance), if known. */
    seenAt: timestamp('seen_at', { withTimezone: true }),
    outcomeNotifiedAt: timestamp('outcome_notified_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rumor_reports_code_uq').on(t.code),
    index('rumor_reports_case_idx').on(t.caseId, t.createdAt),
    index('rumor_reports_unit_idx').on(t.unitId, t.createdAt),
    index('rumor_reports_text_trgm_idx').using('gin', sql`${t.textFolded} gin_trgm_ops`),
    index('rumor_reports_urls_idx').using('gin', t.normalizedUrls),
    index('rumor_reports_file_idx')
      .on(t.unitId, t.fileSha256)
      .where(sql`${t.fileSha256} IS NOT NULL`),
    uniqueIndex('rumor_reports_social_uq')
      .on(t.socialItemId)
      .where(sql`${t.socialItemId} IS NOT NULL`),
    uniqueIndex('rumor_reports_feed_uq')
      .on(t.feedItemId)
      .where(sql`${t.feedItemId} IS NOT NULL`),
  ],
);

/** Evidence of a case: documents, links, notes, files, answers of the competent body. */
export const rumorEvidence = pgTable(
  'rumor_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rumorCases.id),
    /** document | link | note | file | answer */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    note: text('note'),
    fileId: text('file_id'),
    fileType: text('file_type'),
    directiveId: uuid('directive_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rumor_evidence_case_idx').on(t.caseId, t.createdAt)],
);

/** What the desk asked of others: confirmation by a competent body, a hand-off to the police, a request to the press. */
export const rumorActions = pgTable(
  'rumor_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => rumorCases.id),
    /** confirmation | police | press */
    kind: text('kind').notNull(),
    targetUnitId: uuid('target_unit_id').references(() => units.id),
    question: text('question'),
    legalBasisCodes: text('legal_basis_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The công văn drafted for it (directives module), or the task assigned (tasks module). */
    directiveId: uuid('directive_id'),
    taskId: uuid('task_id'),
    /** open | answered | cancelled */
    state: text('state').notNull().default('open'),
    response: text('response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** Set when a desk lead attached the informant's identity to a police hand-off (audited). */
    informantAttachedBy: uuid('informant_attached_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rumor_actions_case_idx').on(t.caseId, t.createdAt)],
);

/** The legal bases an officer picks for a police hand-off (editable per unit). */
export const rumorLegalBases = pgTable(
  'rumor_legal_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rumor_legal_bases_code_uq').on(t.unitId, t.code)],
);

/** Press and official sites' RSS/Atom feeds a unit watches. */
export const rumorFeeds = pgTable(
  'rumor_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    active: boolean('active').notNull().default(true),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
    lastStatus: text('last_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rumor_feeds_url_uq').on(t.unitId, t.url)],
);

/** Items of the watched feeds that matched a keyword: new → dismissed | reported (turned into a report). */
export const rumorFeedItems = pgTable(
  'rumor_feed_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedId: uuid('feed_id')
      .notNull()
      .references(() => rumorFeeds.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    guid: text('guid').notNull(),
    url: text('url'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    matchedKeywords: text('matched_keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    state: text('state').notNull().default('new'),
    reportId: uuid('report_id'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rumor_feed_items_guid_uq').on(t.feedId, t.guid), index('rumor_feed_items_unit_idx').on(t.unitId, t.state, t.fetchedAt)],
);

/** Watch keywords of a unit (`folded`: lower case without diacritics, what matching compares). */
export const rumorKeywords = pgTable(
  'rumor_keywords',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    keyword: text('keyword').notNull(),
    folded: text('folded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rumor_keywords_uq').on(t.unitId, t.folded)],
);

export type RumorCaseRow = typeof rumorCases.$inferSelect;
export type RumorReportRow = typeof rumorReports.$inferSelect;
export type RumorInformantRow = typeof rumorInformants.$inferSelect;
export type RumorEvidenceRow = typeof rumorEvidence.$inferSelect;
export type RumorActionRow = typeof rumorActions.$inferSelect;
export type RumorFeedRow = typeof rumorFeeds.$inferSelect;
export type RumorFeedItemRow = typeof rumorFeedItems.$inferSelect;
