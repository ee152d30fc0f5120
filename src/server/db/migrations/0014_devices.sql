-- Issue 13.1: devices of a commune — loudspeaker clusters (cụm loa) and LED boards — with their access
-- tokens and what they report playing. A device's id is its MQTT username and the <deviceId> of its
-- topics loa/v1/<deviceId>/{cmd,state,log}. `(vendor, serial)` is unique when both are given (NULLs are
-- distinct). A token is stored twice hashed: HMAC-SHA-256 (checked on every connect and HTTP request)
-- and as a Mosquitto PBKDF2-SHA512 line for the generated password file; at most one live token per device.
CREATE TABLE IF NOT EXISTS "devices" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "kind" text NOT NULL,
  "name" text NOT NULL,
  "vendor" text,
  "model" text,
  "serial" text,
  "sim_number" text,
  "village" text,
  "lat" double precision,
  "lon" double precision,
  "installed_on" date,
  "status" text NOT NULL,
  "last_seen_at" timestamp with time zone,
  "last_state" jsonb,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "devices_kind_chk" CHECK ("kind" IN ('loudspeaker_cluster', 'led_board')),
  CONSTRAINT "devices_status_chk" CHECK ("status" IN ('active', 'maintenance', 'retired')),
  CONSTRAINT "devices_lat_chk" CHECK ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90)),
  CONSTRAINT "devices_lon_chk" CHECK ("lon" IS NULL OR ("lon" BETWEEN -180 AND 180))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "devices_unit_idx" ON "devices" ("unit_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "devices_vendor_serial_uq" ON "devices" ("vendor", "serial");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "device_credentials" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "device_id" uuid NOT NULL REFERENCES "devices"("id") ON DELETE CASCADE,
  "token_hash" text NOT NULL,
  "mosquitto_hash" text NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "device_credentials_device_idx" ON "device_credentials" ("device_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "device_credentials_token_uq" ON "device_credentials" ("token_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "device_credentials_live_uq" ON "device_credentials" ("device_id") WHERE "revoked_at" IS NULL;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "device_logs" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "device_id" uuid NOT NULL REFERENCES "devices"("id") ON DELETE CASCADE,
  "unit_id" uuid NOT NULL,
  "event_id" uuid NOT NULL,
  "type" text NOT NULL,
  "item_id" text,
  "command_id" uuid,
  "at" timestamp with time zone NOT NULL,
  "duration_ms" integer,
  "detail" jsonb,
  "source" text NOT NULL,
  "received_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "device_logs_type_chk" CHECK ("type" IN ('started', 'finished', 'interrupted')),
  CONSTRAINT "device_logs_source_chk" CHECK ("source" IN ('mqtt', 'http'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "device_logs_event_uq" ON "device_logs" ("device_id", "event_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "device_logs_unit_at_idx" ON "device_logs" ("unit_id", "at");
