-- Issue 9.3: sign-in throttling per (username, source address) replaces the per-account lock.
CREATE TABLE "login_throttles" (
	"username" text NOT NULL,
	"source" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttles_pk" PRIMARY KEY("username","source")
);
--> statement-breakpoint
CREATE INDEX "login_throttles_last_failure_idx" ON "login_throttles" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
--> statement-breakpoint
-- Issue 9.4: portal media are drafts of a section until a publisher of that section publishes them.
ALTER TABLE "media_files" ADD COLUMN "section_id" uuid;--> statement-breakpoint
ALTER TABLE "media_files" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "media_files" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "media_files" ADD COLUMN "published_by" uuid;--> statement-breakpoint
-- Files uploaded before review existed were public already; they stay so (a publisher can take one down).
UPDATE "media_files" SET "status" = 'published', "published_at" = "created_at";--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_section_id_portal_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."portal_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_files_status_idx" ON "media_files" USING btree ("status","created_at");
