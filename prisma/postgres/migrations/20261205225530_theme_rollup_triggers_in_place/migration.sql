-- The SQLite migration of this name rewrites the theme roll-ups' triggers so that they build no temporary table per
-- row. PostgreSQL's (20261205193312_theme_rollups) are statement-level and compare their lists in place already; their
-- lookups use the primary keys and the analysisId index (EXPLAIN ANALYZE through auto_explain, 110,000 responses):
-- nothing to change here.
SELECT 1;
