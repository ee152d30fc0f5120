-- Issue 15: the misinformation desk (bàn xử lý tin sai sự thật). Reports (phản ánh) from every channel join cases
-- (vụ việc) about one claim; informants' identities live only sealed in rumor_informants; feeds and keywords feed
-- the monitoring queue; confirmations, hand-offs and the correction link a case to what Loa created for it.
CREATE TABLE IF NOT EXISTS "rumor_cases" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "code" text NOT NULL,
  "title" text NOT NULL,
  "claim" text NOT NULL DEFAULT '',
  "status" text NOT NULL DEFAULT 'unverified',
  "verdict" text,
  "verdict_summary" text,
  "conclusion_state" text,
  "proposed_by" uuid,
  "proposed_at" timestamp with time zone,
  "approved_by" uuid,
  "approved_at" timestamp with time zone,
  "severity" text NOT NULL DEFAULT 'medium',
  "respond_by" timestamp with time zone,
  "assignee_id" uuid REFERENCES "users"("id"),
  "report_count" integer NOT NULL DEFAULT 0,
  "first_seen_at" timestamp with time zone,
  "last_report_at" timestamp with time zone,
  "first_appearance_url" text,
  "correction_post_id" uuid,
  "correction_broadcast_id" uuid,
  "requesters_notified_at" timestamp with time zone,
  "closed_at" timestamp with time zone,
  "search_text" text GENERATED ALWAYS AS (lower(loa_unaccent(title || ' ' || claim))) STORED NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "rumor_cases_status_chk" CHECK ("status" IN ('unverified', 'verifying', 'concluded')),
  CONSTRAINT "rumor_cases_verdict_chk" CHECK ("verdict" IS NULL OR "verdict" IN ('false', 'partly_false', 'true', 'out_of_scope')),
  CONSTRAINT "rumor_cases_conclusion_chk" CHECK ("conclusion_state" IS NULL OR "conclusion_state" IN ('proposed', 'approved')),
  CONSTRAINT "rumor_cases_severity_chk" CHECK ("severity" IN ('low', 'medium', 'high', 'critical'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_cases_code_uq" ON "rumor_cases" ("code");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_cases_unit_idx" ON "rumor_cases" ("unit_id", "status", "last_report_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_cases_search_trgm_idx" ON "rumor_cases" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_informants" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "key_id" text NOT NULL,
  "sealed" text NOT NULL,
  "contact_kind" text,
  "erase_after" timestamp with time zone,
  "erased_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "rumor_informants_contact_chk" CHECK ("contact_kind" IS NULL OR "contact_kind" IN ('email', 'phone', 'social'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_informants_erase_idx" ON "rumor_informants" ("erase_after") WHERE "erased_at" IS NULL AND "erase_after" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_reports" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "case_id" uuid NOT NULL REFERENCES "rumor_cases"("id"),
  "code" text NOT NULL,
  "channel" text NOT NULL,
  "description" text NOT NULL DEFAULT '',
  "urls" text[] DEFAULT '{}'::text[] NOT NULL,
  "normalized_urls" text[] DEFAULT '{}'::text[] NOT NULL,
  "text_folded" text NOT NULL DEFAULT '',
  "file_id" text,
  "file_sha256" text,
  "file_type" text,
  "file_size" integer,
  "informant_id" uuid REFERENCES "rumor_informants"("id"),
  "social_item_id" uuid,
  "feed_item_id" uuid,
  "seen_at" timestamp with time zone,
  "outcome_notified_at" timestamp with time zone,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "rumor_reports_channel_chk" CHECK ("channel" IN ('portal', 'social', 'staff', 'monitoring'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_reports_code_uq" ON "rumor_reports" ("code");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_reports_case_idx" ON "rumor_reports" ("case_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_reports_unit_idx" ON "rumor_reports" ("unit_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_reports_text_trgm_idx" ON "rumor_reports" USING gin ("text_folded" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_reports_urls_idx" ON "rumor_reports" USING gin ("normalized_urls");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_reports_file_idx" ON "rumor_reports" ("unit_id", "file_sha256") WHERE "file_sha256" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_reports_social_uq" ON "rumor_reports" ("social_item_id") WHERE "social_item_id" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_reports_feed_uq" ON "rumor_reports" ("feed_item_id") WHERE "feed_item_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_evidence" (
  "id" uuid PRIMARY KEY NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "rumor_cases"("id"),
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "url" text,
  "note" text,
  "file_id" text,
  "file_type" text,
  "directive_id" uuid,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "rumor_evidence_kind_chk" CHECK ("kind" IN ('document', 'link', 'note', 'file', 'answer'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_evidence_case_idx" ON "rumor_evidence" ("case_id", "created_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_actions" (
  "id" uuid PRIMARY KEY NOT NULL,
  "case_id" uuid NOT NULL REFERENCES "rumor_cases"("id"),
  "kind" text NOT NULL,
  "target_unit_id" uuid REFERENCES "units"("id"),
  "question" text,
  "legal_basis_codes" text[] DEFAULT '{}'::text[] NOT NULL,
  "directive_id" uuid,
  "task_id" uuid,
  "state" text NOT NULL DEFAULT 'open',
  "response" text,
  "responded_at" timestamp with time zone,
  "informant_attached_by" uuid,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "rumor_actions_kind_chk" CHECK ("kind" IN ('confirmation', 'police', 'press')),
  CONSTRAINT "rumor_actions_state_chk" CHECK ("state" IN ('open', 'answered', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_actions_case_idx" ON "rumor_actions" ("case_id", "created_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_legal_bases" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "code" text NOT NULL,
  "title" text NOT NULL,
  "excerpt" text NOT NULL DEFAULT '',
  "active" boolean NOT NULL DEFAULT true,
  "position" integer NOT NULL DEFAULT 0,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_legal_bases_code_uq" ON "rumor_legal_bases" ("unit_id", "code");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_feeds" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "name" text NOT NULL,
  "url" text NOT NULL,
  "active" boolean NOT NULL DEFAULT true,
  "etag" text,
  "last_modified" text,
  "last_fetched_at" timestamp with time zone,
  "last_status" text,
  "last_error" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_feeds_url_uq" ON "rumor_feeds" ("unit_id", "url");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_feed_items" (
  "id" uuid PRIMARY KEY NOT NULL,
  "feed_id" uuid NOT NULL REFERENCES "rumor_feeds"("id"),
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "guid" text NOT NULL,
  "url" text,
  "title" text NOT NULL,
  "summary" text NOT NULL DEFAULT '',
  "published_at" timestamp with time zone,
  "matched_keywords" text[] DEFAULT '{}'::text[] NOT NULL,
  "state" text NOT NULL DEFAULT 'new',
  "report_id" uuid,
  "fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "rumor_feed_items_state_chk" CHECK ("state" IN ('new', 'dismissed', 'reported'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_feed_items_guid_uq" ON "rumor_feed_items" ("feed_id", "guid");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rumor_feed_items_unit_idx" ON "rumor_feed_items" ("unit_id", "state", "fetched_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rumor_keywords" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "keyword" text NOT NULL,
  "folded" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "rumor_keywords_uq" ON "rumor_keywords" ("unit_id", "folded");
--> statement-breakpoint
ALTER TABLE "portal_posts" ADD COLUMN IF NOT EXISTS "structured_data" jsonb;
