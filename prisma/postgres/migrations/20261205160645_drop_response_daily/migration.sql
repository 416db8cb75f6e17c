-- "ResponseDaily" (the daily score roll-up by unit) is read by nothing: organization-wide reads use
-- "ResponseDailyOrg" and "ResponseMonthly", and callers narrowed to units read "Response" (docs/rollups.md, "Size").
-- Its triggers on "Response" and their functions go first.
DROP TRIGGER IF EXISTS "ResponseDaily_insert" ON "Response";
DROP TRIGGER IF EXISTS "ResponseDaily_update" ON "Response";
DROP TRIGGER IF EXISTS "ResponseDaily_delete" ON "Response";
DROP FUNCTION IF EXISTS "ResponseDaily_insert"();
DROP FUNCTION IF EXISTS "ResponseDaily_update"();
DROP FUNCTION IF EXISTS "ResponseDaily_delete"();

DROP TABLE "ResponseDaily";
