-- Issue 14: social pages of a unit (a Facebook Page or a Zalo OA) with their secrets encrypted by the secret
-- box (never readable back through the API: the masks are kept beside them), the cross-posts to them (one row
-- per source and page, sent by the outbox job of the same id), the webhook events of their inbox (a replay is
-- the same (account, event id)) and the replies sent from it.
CREATE TABLE IF NOT EXISTS "social_accounts" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "platform" text NOT NULL,
  "page_id" text NOT NULL,
  "display_name" text NOT NULL,
  "access_token_enc" text NOT NULL,
  "app_secret_enc" text NOT NULL,
  "app_id" text,
  "access_token_mask" text NOT NULL,
  "app_secret_mask" text NOT NULL,
  "verify_token" text,
  "status" text NOT NULL DEFAULT 'connected',
  "status_message" text,
  "connected_by" uuid,
  "connected_at" timestamp with time zone DEFAULT now() NOT NULL,
  "disconnected_at" timestamp with time zone,
  CONSTRAINT "social_accounts_platform_chk" CHECK ("platform" IN ('facebook', 'zalo')),
  CONSTRAINT "social_accounts_status_chk" CHECK ("status" IN ('connected', 'token_invalid', 'disconnected'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "social_accounts_unit_idx" ON "social_accounts" ("unit_id");
--> statement-breakpoint
-- A page feeds one unit's inbox at a time: the webhook finds the account by (platform, page id).
CREATE UNIQUE INDEX IF NOT EXISTS "social_accounts_page_uq" ON "social_accounts" ("platform", "page_id") WHERE "disconnected_at" IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "social_accounts_verify_uq" ON "social_accounts" ("verify_token") WHERE "verify_token" IS NOT NULL;
--> statement-breakpoint

CREATE TABLE IF NOT EXISTS "social_publications" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "account_id" uuid NOT NULL REFERENCES "social_accounts"("id"),
  "source_kind" text NOT NULL,
  "source_id" uuid,
  "title" text NOT NULL,
  "text" text NOT NULL,
  "link" text,
  "state" text NOT NULL DEFAULT 'queued',
  "attempts" integer NOT NULL DEFAULT 0,
  "platform_post_id" text,
  "permalink" text,
  "error_kind" text,
  "error_code" text,
  "error_message" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "published_at" timestamp with time zone,
  CONSTRAINT "social_publications_source_chk" CHECK ("source_kind" IN ('post', 'broadcast', 'text')),
  CONSTRAINT "social_publications_state_chk" CHECK ("state" IN ('queued', 'sending', 'published', 'failed', 'ambiguous'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "social_publications_unit_idx" ON "social_publications" ("unit_id", "created_at");
--> statement-breakpoint
-- A portal post or a broadcast goes to a page once (a retry is the same row).
CREATE UNIQUE INDEX IF NOT EXISTS "social_publications_source_uq" ON "social_publications" ("source_kind", "source_id", "account_id") WHERE "source_id" IS NOT NULL;
--> statement-breakpoint

-- A publish request's Idempotency-Key per unit: a retried request returns the publications it created.
CREATE TABLE IF NOT EXISTS "social_publish_keys" (
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "key" text NOT NULL,
  "request_hash" text NOT NULL,
  "publication_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("unit_id", "key")
);
--> statement-breakpoint

CREATE TABLE IF NOT EXISTS "social_inbox_items" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "account_id" uuid NOT NULL REFERENCES "social_accounts"("id"),
  "platform" text NOT NULL,
  "kind" text NOT NULL,
  "event_id" text NOT NULL,
  -- The sender (platform id and name) is personal data: secret-box ciphertext; the hash only groups a sender's messages.
  "sender_enc" text NOT NULL,
  "sender_hash" text NOT NULL,
  "text" text NOT NULL,
  "post_id" text,
  "received_at" timestamp with time zone NOT NULL,
  "state" text NOT NULL DEFAULT 'new',
  "assignee_id" uuid REFERENCES "users"("id"),
  "tags" text[] NOT NULL DEFAULT '{}'::text[],
  "question_id" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "social_inbox_kind_chk" CHECK ("kind" IN ('message', 'comment')),
  CONSTRAINT "social_inbox_state_chk" CHECK ("state" IN ('new', 'assigned', 'answered', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "social_inbox_event_uq" ON "social_inbox_items" ("account_id", "event_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "social_inbox_unit_idx" ON "social_inbox_items" ("unit_id", "received_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "social_inbox_sender_idx" ON "social_inbox_items" ("account_id", "sender_hash", "received_at");
--> statement-breakpoint

CREATE TABLE IF NOT EXISTS "social_inbox_replies" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "item_id" uuid NOT NULL REFERENCES "social_inbox_items"("id") ON DELETE CASCADE,
  "text" text NOT NULL,
  "platform_id" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "social_inbox_replies_item_idx" ON "social_inbox_replies" ("item_id", "created_at");
