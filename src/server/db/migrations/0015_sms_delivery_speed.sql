-- SMS send path (issue #12's benchmark): every message is claimed ('submitting'), answered ('submitted' with the
-- message id) and settled by its receipt ('delivered'), three updates of one sms_deliveries row.
-- * No index on state: an index on a column (or a partial index whose predicate names it) makes every update of
--   that column write a new entry in every index of the table. Without one, the claim and the receipt are HOT
--   updates (no index touched) when the row's page has room: hence the fillfactor (applies to pages written from
--   now on). Only restart paths filter by state alone (markSubmittingAmbiguous, queuedOfSending): a sequential
--   scan once per restart.
-- * submitted_at: when the SMSC accepted the submit_sm (the roll-up's instant of a delivery; updated_at moves with
--   every receipt). Not indexed: the roll-up groups the whole table, and an index would cost every answer.
DROP INDEX IF EXISTS "sms_deliveries_state_idx";
--> statement-breakpoint
ALTER TABLE "sms_deliveries" ADD COLUMN IF NOT EXISTS "submitted_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "sms_deliveries" SET (fillfactor = 70);
