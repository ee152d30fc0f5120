-- Issue 14.5: CAP 1.2 alerts (OASIS Common Alerting Protocol, ITU-T X.1303). A unit composes an alert
-- (draft → submitted), its approver publishes it (signs): then it has its identifier, sender, sent, the
-- references of its chain and the XML as published, served byte for byte at /cap/<identifier>.xml.
-- Update and Cancel are new rows of the same chain (chain_id = the first message's id, previous_id = the
-- message they follow).
CREATE TABLE IF NOT EXISTS "cap_alerts" (
  "id" uuid PRIMARY KEY NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "chain_id" uuid NOT NULL,
  "previous_id" uuid REFERENCES "cap_alerts"("id"),
  "state" text NOT NULL DEFAULT 'draft',
  "status" text NOT NULL,
  "msg_type" text NOT NULL DEFAULT 'Alert',
  "scope" text NOT NULL DEFAULT 'Public',
  "categories" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "event" text NOT NULL,
  "urgency" text NOT NULL,
  "severity" text NOT NULL,
  "certainty" text NOT NULL,
  "info_vi" jsonb NOT NULL,
  "info_en" jsonb,
  "effective" timestamp with time zone,
  "onset" timestamp with time zone,
  "expires" timestamp with time zone NOT NULL,
  "area_unit_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
  "note" text,
  "identifier" text,
  "sender" text,
  "sent" timestamp with time zone,
  "references" text,
  "xml" text,
  "emergency" boolean NOT NULL DEFAULT false,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "submitted_at" timestamp with time zone,
  "published_by" uuid,
  "published_at" timestamp with time zone,
  "publish_key" text,
  CONSTRAINT "cap_alerts_state_chk" CHECK ("state" IN ('draft', 'submitted', 'published')),
  CONSTRAINT "cap_alerts_status_chk" CHECK ("status" IN ('Actual', 'Exercise', 'Test')),
  CONSTRAINT "cap_alerts_msg_type_chk" CHECK ("msg_type" IN ('Alert', 'Update', 'Cancel')),
  CONSTRAINT "cap_alerts_published_chk" CHECK ("state" <> 'published' OR ("identifier" IS NOT NULL AND "sent" IS NOT NULL AND "xml" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "cap_alerts_identifier_idx" ON "cap_alerts" ("identifier");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cap_alerts_unit_idx" ON "cap_alerts" ("unit_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cap_alerts_chain_idx" ON "cap_alerts" ("chain_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cap_alerts_feed_idx" ON "cap_alerts" ("sent" DESC) WHERE "state" = 'published';
