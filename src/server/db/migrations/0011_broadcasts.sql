-- Broadcasts (thông điệp, issue #12): one message model for every channel. A broadcast belongs to the
-- unit that drafts it, carries its SMS rendition, audience (units with their subtrees, subscriber
-- lists), priority (TT 39/2020: thuong / uu_tien / khan_cap), schedule and the directive it carries
-- out, and moves draft → submitted → approved → sending → done / cancelled. `emergency` marks the
-- one-step approval of a khẩn cấp message.
CREATE TABLE IF NOT EXISTS "broadcasts" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "title" text NOT NULL,
  "priority" text NOT NULL,
  "status" text NOT NULL DEFAULT 'draft',
  "sms_text" text NOT NULL,
  "unaccented" boolean NOT NULL DEFAULT false,
  "sender_name" text,
  "audience" jsonb NOT NULL,
  "schedule_at" timestamp with time zone,
  "directive_id" uuid,
  "recipients" integer,
  "emergency" boolean NOT NULL DEFAULT false,
  "created_by" uuid,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  "updated_at" timestamp with time zone NOT NULL DEFAULT now(),
  "submitted_at" timestamp with time zone,
  "approved_by" uuid,
  "approved_at" timestamp with time zone,
  "cancelled_at" timestamp with time zone,
  "finished_at" timestamp with time zone,
  CONSTRAINT "broadcasts_priority_check" CHECK ("priority" IN ('thuong', 'uu_tien', 'khan_cap')),
  CONSTRAINT "broadcasts_status_check" CHECK ("status" IN ('draft', 'submitted', 'approved', 'sending', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "broadcasts_unit_idx" ON "broadcasts" ("unit_id", "created_at");
--> statement-breakpoint
-- One SMS to one phone of one broadcast (unique per phone: a re-run of the approval inserts nothing twice).
-- `message_key` is the SMSC's message id, lower case without leading zeros, matched against every form a
-- receipt may carry. `local_day` (Asia/Ho_Chi_Minh date) and `ordinary` serve the per-subscriber daily cap.
CREATE TABLE IF NOT EXISTS "sms_deliveries" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "broadcast_id" uuid NOT NULL REFERENCES "broadcasts"("id") ON DELETE CASCADE,
  "subscriber_id" uuid,
  "unit_id" uuid,
  "phone" text NOT NULL,
  "telco" text NOT NULL,
  "state" text NOT NULL DEFAULT 'queued',
  "parts" integer NOT NULL,
  "ordinary" boolean NOT NULL,
  "local_day" date NOT NULL,
  "message_id" text,
  "message_key" text,
  "bind" text,
  "error" text,
  "attempts" integer NOT NULL DEFAULT 0,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  "updated_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "sms_deliveries_state_check" CHECK ("state" IN ('queued', 'submitting', 'submitted', 'delivered', 'failed', 'expired', 'rejected', 'ambiguous'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "sms_deliveries_broadcast_phone_idx" ON "sms_deliveries" ("broadcast_id", "phone");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sms_deliveries_message_key_idx" ON "sms_deliveries" ("message_key");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sms_deliveries_state_idx" ON "sms_deliveries" ("state");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sms_deliveries_phone_day_idx" ON "sms_deliveries" ("phone", "local_day");
