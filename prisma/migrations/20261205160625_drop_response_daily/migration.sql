-- "ResponseDaily" (the daily score roll-up by unit) is read by nothing: organization-wide reads use
-- "ResponseDailyOrg" and "ResponseMonthly", and callers narrowed to units read "Response" (docs/rollups.md, "Size").
-- Its triggers on "Response" go first: they belong to "Response", so dropping the table would leave them behind.
DROP TRIGGER IF EXISTS "ResponseDaily_insert";
DROP TRIGGER IF EXISTS "ResponseDaily_delete";
DROP TRIGGER IF EXISTS "ResponseDaily_update";

DROP TABLE "ResponseDaily";
