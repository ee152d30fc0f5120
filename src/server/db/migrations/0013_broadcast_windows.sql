-- Send windows and supersede (issue #12). A broadcast may carry a daily send window ("07:00"–"21:00", local time
-- Asia/Ho_Chi_Minh): its ordinary messages go only inside it and outside the quiet hours of the SMS settings
-- (emergencies ignore both). A broadcast may supersede another: the new one names the old (`supersedes_id`); when
-- the new one is approved, the old one's still-queued deliveries are rejected and the old one is cancelled
-- naming its successor (`superseded_by_id`).
ALTER TABLE "broadcasts" ADD COLUMN IF NOT EXISTS "window_start" text;
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN IF NOT EXISTS "window_end" text;
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN IF NOT EXISTS "supersedes_id" uuid REFERENCES "broadcasts"("id") ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN IF NOT EXISTS "superseded_by_id" uuid REFERENCES "broadcasts"("id") ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_window_check" CHECK (
  ("window_start" IS NULL AND "window_end" IS NULL)
  OR ("window_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "window_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "window_start" < "window_end")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "broadcasts_supersedes_idx" ON "broadcasts" ("supersedes_id");
