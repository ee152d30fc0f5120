CREATE TABLE "dispatch_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_hash" text NOT NULL,
	"text" text NOT NULL,
	"parsed" jsonb NOT NULL,
	"proposal" jsonb NOT NULL,
	"result" jsonb,
	"status" text DEFAULT 'proposed' NOT NULL,
	"directive_id" uuid,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispatch_imports" ADD CONSTRAINT "dispatch_imports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_imports" ADD CONSTRAINT "dispatch_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_imports_unit_hash_idx" ON "dispatch_imports" USING btree ("unit_id","content_hash");--> statement-breakpoint
CREATE INDEX "dispatch_imports_created_idx" ON "dispatch_imports" USING btree ("unit_id","created_at");