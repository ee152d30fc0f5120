-- Issue 13.6–13.7: device health and the report loop. `audience` is a device's estimated listeners per
-- play (ước số người nghe; NULL: the 'devices' setting's default). `offline_alerted_at` is when the last
-- offline alert went out: a device is alerted again only after it was heard from since (once per outage).
-- The covering index serves the period figures (deviceFigures.byPeriod: plays of the communes of a subtree
-- in a window, read from the index alone) and replaces 0014's plain ("unit_id", "at").
ALTER TABLE "devices" ADD COLUMN IF NOT EXISTS "audience" integer;
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN IF NOT EXISTS "offline_alerted_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "devices" DROP CONSTRAINT IF EXISTS "devices_audience_chk";
--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_audience_chk" CHECK ("audience" IS NULL OR ("audience" BETWEEN 0 AND 1000000));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "devices_last_seen_idx" ON "devices" ("last_seen_at") WHERE "status" = 'active';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "device_logs_figures_idx" ON "device_logs" ("unit_id", "at") INCLUDE ("type", "item_id", "duration_ms", "device_id");
--> statement-breakpoint
DROP INDEX IF EXISTS "device_logs_unit_at_idx";
