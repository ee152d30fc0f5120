import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recipientGroups, units } from './units.ts';
import { users } from './users.ts';

/**
 * Directives (văn bản đi): one row per document a unit drafts, signs and issues. `number` stays
 * null until the clerk issues; it runs from 1 per issuing unit per calendar year (`year`), which
 * the unique index guarantees. Structured fields (body, cc, signer, attachments) are jsonb whose
 * shapes are the zod schemas of modules/directives/directives.schemas.ts.
 */
export const directives = pgTable(
  'directives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    /** Names as printed in the header: the governing body (may be null) and the issuer. */
    issuerParent: text('issuer_parent'),
    issuer: text('issuer').notNull(),
    /** Decree 30 Phụ lục III abbreviation: CV (công văn), KH, TB, CĐ, CT, QĐ, BC, HD, ... */
    docType: text('doc_type').notNull(),
    number: integer('number'),
    /** Calendar year the number belongs to (year of `date` at issue). */
    year: integer('year'),
    /** As printed after "Số: NN/", e.g. "STTTT-TTBCXB" (công văn) or "KH-UBND". */
    symbol: text('symbol').notNull(),
    /** Folded symbol (lower case, no diacritics or spaces): how citations are matched. */
    symbolKey: text('symbol_key').notNull(),
    place: text('place'),
    date: date('date'),
    subject: text('subject').notNull(),
    /** null | khan | thuong_khan | hoa_toc */
    urgency: text('urgency'),
    /** Circulation mark (dấu chỉ phạm vi lưu hành), e.g. "LƯU HÀNH NỘI BỘ". */
    circulation: text('circulation'),
    legalBases: jsonb('legal_bases')
      .notNull()
      .default(sql`'[]'::jsonb`),
    body: jsonb('body').notNull(),
    /** Plain text of the body (for search and e-mail). */
    bodyText: text('body_text').notNull().default(''),
    /** Lower-cased, diacritics removed: what search matches against. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(loa_unaccent(symbol || ' ' || subject || ' ' || body_text))`),
    /** The "Kính gửi" lines as printed. */
    addressees: jsonb('addressees')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Requested recipients: explicit unit ids and recipient group ids (expanded at issue). */
    recipientUnitIds: jsonb('recipient_unit_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    recipientGroupIds: jsonb('recipient_group_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Nơi nhận besides "Như trên": [{name, purpose}] and the archive line ("Lưu: VT, BCXB"). */
    cc: jsonb('cc')
      .notNull()
      .default(sql`'[]'::jsonb`),
    archive: jsonb('archive')
      .notNull()
      .default(sql`'["VT"]'::jsonb`),
    /** KT. / TL. / TM. / Q. / TUQ. or null when the head signs in their own name. */
    signerAuthority: text('signer_authority'),
    signerPosition: text('signer_position'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    signerUserId: uuid('signer_user_id').references(() => users.id),
    attachments: jsonb('attachments')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** draft | submitted | approved | signed | issued | returned | revoked */
    status: text('status').notNull().default('draft'),
    /** Shown on the public portal (/van-ban) once issued; a revoked one stays listed as "Đã thu hồi". */
    public: boolean('public').notNull().default(false),
    /** Set when returned: the step it was returned from and the reviewer's comment. */
    returnedFrom: text('returned_from'),
    returnComment: text('return_comment'),
    /** Another directive this one amends, replaces or revokes. */
    refersToId: uuid('refers_to_id'),
    refersAs: text('refers_as'),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('directives_register_uq').on(t.issuerUnitId, t.year, t.number),
    index('directives_issuer_idx').on(t.issuerUnitId, t.status),
    index('directives_cite_idx').on(t.number, t.symbolKey),
    index('directives_refers_idx').on(t.refersToId),
    index('directives_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Register counters: the last number given per unit, year and register (`outgoing` văn bản đi,
 * `incoming` văn bản đến). Incremented with UPDATE ... SET last = last + 1 RETURNING inside the
 * issuing transaction, so the row lock serialises clerks and no two documents get one number.
 */
export const registerCounters = pgTable(
  'register_counters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    register: text('register').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year, t.register] })],
);

/**
 * The expansion of a directive's recipients at issue (văn bản đến of each recipient unit), with
 * the arrival number in the recipient's incoming register and the tracking times.
 */
export const directiveRecipients = pgTable(
  'directive_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    viaGroupId: uuid('via_group_id').references(() => recipientGroups.id, { onDelete: 'set null' }),
    arrivalYear: integer('arrival_year').notNull(),
    arrivalNumber: integer('arrival_number').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: uuid('read_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('directive_recipients_uq').on(t.directiveId, t.unitId),
    uniqueIndex('directive_recipients_arrival_uq').on(t.unitId, t.arrivalYear, t.arrivalNumber),
    index('directive_recipients_pending_idx')
      .on(t.deliveredAt)
      .where(sql`acknowledged_at IS NULL AND revoked_at IS NULL`),
  ],
);

/** Documents a directive cites ("Căn cứ/Thực hiện Công điện số 04/CĐ-UBND ngày 07/3/2020"). */
export const directiveCitations = pgTable(
  'directive_citations',
  {
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    type: text('type'),
    number: integer('number').notNull(),
    symbol: text('symbol').notNull(),
    symbolKey: text('symbol_key').notNull(),
    date: date('date'),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.position] }), index('directive_citations_key_idx').on(t.number, t.symbolKey)],
);

/**
 * Files attached to a directive (tệp đính kèm, or "Tài liệu tuyên truyền kèm theo" when `kind` is
 * `propaganda_material`). The bytes live in the file store (DATA_DIR/files) under `storage_key`;
 * the `attachments` jsonb column of `directives` stays the printed list the drafter types in.
 */
export const directiveAttachments = pgTable(
  'directive_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    /** attachment | propaganda_material */
    kind: text('kind').notNull().default('attachment'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('directive_attachments_directive_idx').on(t.directiveId, t.createdAt)],
);
