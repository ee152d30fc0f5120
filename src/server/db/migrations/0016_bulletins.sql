-- Issue 13.4: bulletins (bản tin truyền thanh) — text read by TTS, an uploaded audio file or a live relay —
-- with three priorities of TT 39/2020 (thuong, uu_tien, khan_cap), the create → submit → approve (publish)
-- → cancel workflow, and, once published, the devices it was meant for (bulletin_targets: one command id
-- per device, so a resend is the same command). Play logs tie to a bulletin by device_logs.item_id = id::text.
CREATE TABLE IF NOT EXISTS "bulletins" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "title" text NOT NULL,
  "priority" text NOT NULL,
  "source" text NOT NULL,
  "text" text NOT NULL DEFAULT '',
  "spoken_text" text,
  "tts_voice" text,
  "audio_key" text,
  "audio_content_type" text,
  "audio_duration_ms" integer,
  "audio_sha256" text,
  "stream_url" text,
  "led_pages" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "repeat" integer NOT NULL DEFAULT 1,
  "target_unit_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "status" text NOT NULL DEFAULT 'draft',
  "valid_until" timestamp with time zone,
  "emergency" boolean NOT NULL DEFAULT false,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "submitted_at" timestamp with time zone,
  "approved_by" uuid,
  "approved_at" timestamp with time zone,
  "published_at" timestamp with time zone,
  "approve_key" text,
  "cancelled_at" timestamp with time zone,
  "cancelled_by" uuid,
  "cancel_reason" text,
  "broadcast_id" uuid REFERENCES "broadcasts"("id"),
  CONSTRAINT "bulletins_priority_chk" CHECK ("priority" IN ('thuong', 'uu_tien', 'khan_cap')),
  CONSTRAINT "bulletins_source_chk" CHECK ("source" IN ('tts', 'audio', 'stream')),
  CONSTRAINT "bulletins_status_chk" CHECK ("status" IN ('draft', 'submitted', 'published', 'cancelled', 'ended')),
  CONSTRAINT "bulletins_repeat_chk" CHECK ("repeat" BETWEEN 1 AND 20)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bulletins_unit_idx" ON "bulletins" ("unit_id", "created_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "bulletin_targets" (
  "bulletin_id" uuid NOT NULL REFERENCES "bulletins"("id") ON DELETE CASCADE,
  "device_id" uuid NOT NULL REFERENCES "devices"("id") ON DELETE CASCADE,
  "unit_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "command_id" uuid NOT NULL,
  "dispatched_at" timestamp with time zone,
  "stopped_at" timestamp with time zone,
  PRIMARY KEY ("bulletin_id", "device_id")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bulletin_targets_device_idx" ON "bulletin_targets" ("device_id");
--> statement-breakpoint
-- Coverage of a bulletin reads the play logs by item: without this it scans every log of every device.
CREATE INDEX IF NOT EXISTS "device_logs_item_idx" ON "device_logs" ("item_id", "device_id");
