CREATE TABLE "directive_citations" (
	"directive_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text,
	"number" integer NOT NULL,
	"symbol" text NOT NULL,
	"symbol_key" text NOT NULL,
	"date" date,
	CONSTRAINT "directive_citations_directive_id_position_pk" PRIMARY KEY("directive_id","position")
);
--> statement-breakpoint
CREATE TABLE "directive_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"via_group_id" uuid,
	"arrival_year" integer NOT NULL,
	"arrival_number" integer NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"emailed_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"issuer_parent" text,
	"issuer" text NOT NULL,
	"doc_type" text NOT NULL,
	"number" integer,
	"year" integer,
	"symbol" text NOT NULL,
	"symbol_key" text NOT NULL,
	"place" text,
	"date" date,
	"subject" text NOT NULL,
	"urgency" text,
	"circulation" text,
	"legal_bases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(loa_unaccent(symbol || ' ' || subject || ' ' || body_text))) STORED NOT NULL,
	"addressees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipient_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipient_group_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cc" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archive" jsonb DEFAULT '["VT"]'::jsonb NOT NULL,
	"signer_authority" text,
	"signer_position" text,
	"signer_title" text,
	"signer_name" text,
	"signer_user_id" uuid,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"returned_from" text,
	"return_comment" text,
	"refers_to_id" uuid,
	"refers_as" text,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_counters" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"register" text NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "register_counters_unit_id_year_register_pk" PRIMARY KEY("unit_id","year","register")
);
--> statement-breakpoint
ALTER TABLE "directive_citations" ADD CONSTRAINT "directive_citations_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_recipients" ADD CONSTRAINT "directive_recipients_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_recipients" ADD CONSTRAINT "directive_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_recipients" ADD CONSTRAINT "directive_recipients_via_group_id_recipient_groups_id_fk" FOREIGN KEY ("via_group_id") REFERENCES "public"."recipient_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_citations_key_idx" ON "directive_citations" USING btree ("number","symbol_key");--> statement-breakpoint
CREATE UNIQUE INDEX "directive_recipients_uq" ON "directive_recipients" USING btree ("directive_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directive_recipients_arrival_uq" ON "directive_recipients" USING btree ("unit_id","arrival_year","arrival_number");--> statement-breakpoint
CREATE INDEX "directive_recipients_pending_idx" ON "directive_recipients" USING btree ("delivered_at") WHERE acknowledged_at IS NULL AND revoked_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "directives_register_uq" ON "directives" USING btree ("issuer_unit_id","year","number");--> statement-breakpoint
CREATE INDEX "directives_issuer_idx" ON "directives" USING btree ("issuer_unit_id","status");--> statement-breakpoint
CREATE INDEX "directives_cite_idx" ON "directives" USING btree ("number","symbol_key");--> statement-breakpoint
CREATE INDEX "directives_refers_idx" ON "directives" USING btree ("refers_to_id");--> statement-breakpoint
CREATE INDEX "directives_search_trgm_idx" ON "directives" USING gin ("search_text" gin_trgm_ops);