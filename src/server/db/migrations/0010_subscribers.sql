-- Issue 12.4: subscriber lists (danh sách thuê bao) of a unit and their mobile numbers. `phone` is the
-- normalised 0xxxxxxxxx form, unique within a list (an import merges duplicates); `telco` is guessed from
-- the prefix (number portability: a delivery report may prove it wrong). `unit_id` is the list's unit,
-- copied so audience queries filter a subtree without a join. An opted-out subscriber keeps the row (so a
-- re-import does not opt them back in) and receives only khẩn cấp messages.
CREATE TABLE IF NOT EXISTS "subscriber_lists" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "name" text NOT NULL,
  "kind" text NOT NULL,
  "description" text,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "subscriber_lists_kind_chk" CHECK ("kind" IN ('can_bo_xa', 'truong_thon', 'ho_gia_dinh', 'khac'))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "subscriber_lists_unit_idx" ON "subscriber_lists" ("unit_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "subscribers" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "list_id" uuid NOT NULL REFERENCES "subscriber_lists"("id") ON DELETE CASCADE,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "full_name" text,
  "phone" text NOT NULL,
  "telco" text NOT NULL,
  "village" text,
  "opted_out_at" timestamp with time zone,
  "opt_out_source" text,
  "opt_out_reason" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "subscribers_phone_chk" CHECK ("phone" ~ '^0[0-9]{9}$'),
  CONSTRAINT "subscribers_opt_out_source_chk" CHECK ("opt_out_source" IS NULL OR "opt_out_source" IN ('staff', 'sms_keyword'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "subscribers_list_phone_uq" ON "subscribers" ("list_id", "phone");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "subscribers_phone_idx" ON "subscribers" ("phone");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "subscribers_unit_idx" ON "subscribers" ("unit_id");
