-- Issue 13.5: a commune's broadcast programme (chương trình phát thanh) and its bulletin queue. A programme
-- is a daily slot (start time, length) on some days of the week (1 = Thứ Hai … 7 = Chủ nhật) within a
-- validity window; its playlist is the commune's queued bulletins placed into it, in `position` order.
-- A bulletin reaches a commune's queue when published (thường: waits; ưu tiên: placed at the head of the
-- next slot, or flagged `urgent` when the commune has no programme). No foreign key to bulletins: the
-- bulletins module removes a cancelled bulletin through the programmes service.
CREATE TABLE IF NOT EXISTS "programmes" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "name" text NOT NULL,
  "days" integer[] NOT NULL,
  "start_minute" integer NOT NULL,
  "slot_minutes" integer NOT NULL,
  "valid_from" date NOT NULL,
  "valid_until" date,
  "repeat" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "programmes_slot_chk" CHECK ("start_minute" >= 0 AND "slot_minutes" > 0 AND "start_minute" + "slot_minutes" <= 1440),
  CONSTRAINT "programmes_repeat_chk" CHECK ("repeat" BETWEEN 1 AND 20),
  CONSTRAINT "programmes_valid_chk" CHECK ("valid_until" IS NULL OR "valid_until" >= "valid_from")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "programmes_unit_idx" ON "programmes" ("unit_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "bulletin_queue" (
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "bulletin_id" uuid NOT NULL,
  "priority" text NOT NULL,
  "queued_at" timestamp with time zone NOT NULL,
  "status" text DEFAULT 'waiting' NOT NULL,
  "urgent" boolean DEFAULT false NOT NULL,
  "programme_id" uuid REFERENCES "programmes"("id") ON DELETE SET NULL,
  "position" integer,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("unit_id", "bulletin_id"),
  CONSTRAINT "bulletin_queue_status_chk" CHECK ("status" IN ('waiting', 'placed', 'dismissed')),
  CONSTRAINT "bulletin_queue_priority_chk" CHECK ("priority" IN ('thuong', 'uu_tien', 'khan_cap'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bulletin_queue_programme_idx" ON "bulletin_queue" ("programme_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bulletin_queue_bulletin_idx" ON "bulletin_queue" ("bulletin_id");
