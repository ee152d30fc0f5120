-- Predecessor → successor links between units of two editions (the 2025 → 2026 reform): which
-- pre-reform units each 2026 province and commune was formed from. `partial`: only part of the
-- predecessor went into the successor (a split unit). `source` names the crosswalk a link came
-- from, so a re-import replaces its own links and nothing else.
CREATE TABLE IF NOT EXISTS "unit_history" (
  "predecessor_id" uuid NOT NULL REFERENCES "units"("id") ON DELETE CASCADE,
  "successor_id" uuid NOT NULL REFERENCES "units"("id") ON DELETE CASCADE,
  "partial" boolean NOT NULL DEFAULT false,
  "source" text NOT NULL,
  PRIMARY KEY ("predecessor_id", "successor_id")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "unit_history_successor_idx" ON "unit_history" ("successor_id");
