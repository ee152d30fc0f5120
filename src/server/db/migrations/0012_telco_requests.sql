-- Telco requests (issue #12 point 7). A broadcast goes out by `route`: 'smpp' through Loa's SMS accounts, or
-- 'telco_request' when the authority has none: approving it drafts a công văn asking the telcos to text the
-- message (`telco_request_directive_id`), and the telcos' replies ("đã nhắn N thuê bao") are its result.
ALTER TABLE "broadcasts" ADD COLUMN IF NOT EXISTS "route" text NOT NULL DEFAULT 'smpp'
  CONSTRAINT "broadcasts_route_check" CHECK ("route" IN ('smpp', 'telco_request'));
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN IF NOT EXISTS "telco_request_directive_id" uuid REFERENCES "directives"("id") ON DELETE SET NULL;
--> statement-breakpoint
-- One telco's reply to the request: how many subscribers it texted. `telco_unit_id` is the telco's unit when it
-- is one of the tree (null for a telco named by hand). `idempotency_key` makes a retried POST record it once.
CREATE TABLE IF NOT EXISTS "broadcast_telco_results" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "broadcast_id" uuid NOT NULL REFERENCES "broadcasts"("id") ON DELETE CASCADE,
  "telco_unit_id" uuid REFERENCES "units"("id"),
  "telco_name" text NOT NULL,
  "subscribers" integer NOT NULL,
  "reported_at" timestamp with time zone NOT NULL,
  "note" text,
  "idempotency_key" text,
  "created_by" uuid,
  "created_at" timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT "broadcast_telco_results_subscribers_check" CHECK ("subscribers" >= 0)
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "broadcast_telco_results_broadcast_idx" ON "broadcast_telco_results" ("broadcast_id", "reported_at");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "broadcast_telco_results_key_idx" ON "broadcast_telco_results" ("broadcast_id", "idempotency_key");
