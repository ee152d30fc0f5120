-- Issue 14.6: one emergency message, every channel. The row links the channels' own records (a khẩn cấp
-- broadcast, a khẩn cấp bulletin, a CAP alert, social publications), all created in the launch's one
-- transaction, and holds the portal home's banner while it is active (until expires or banner_ended_at).
CREATE TABLE IF NOT EXISTS "emergency_messages" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "title" text NOT NULL,
  "text" text NOT NULL,
  "area_unit_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "channels" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "renditions" jsonb NOT NULL,
  "cap_status" text NOT NULL DEFAULT 'Actual',
  "expires" timestamp with time zone NOT NULL,
  "broadcast_id" uuid,
  "bulletin_id" uuid,
  "alert_id" uuid,
  "social_publication_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "not_configured" jsonb NOT NULL DEFAULT '{}'::jsonb,
  "banner_headline" text,
  "banner_link" text,
  "banner_ended_at" timestamp with time zone,
  "idempotency_key" text,
  "request_hash" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "emergency_messages_cap_status_chk" CHECK ("cap_status" IN ('Actual', 'Exercise'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "emergency_messages_key_idx" ON "emergency_messages" ("unit_id", "idempotency_key");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "emergency_messages_unit_idx" ON "emergency_messages" ("unit_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "emergency_messages_banner_idx" ON "emergency_messages" ("expires") WHERE "banner_headline" IS NOT NULL AND "banner_ended_at" IS NULL;
