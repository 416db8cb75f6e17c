// `npm run rollups:rebuild`: recompute the roll-ups (ResponseDailyOrg, ResponseMonthly, InteractionDaily,
// InteractionMonthly, ThemeDaily, ThemeMonthly: docs/rollups.md) from the raw responses, interactions and the comments' analyses
// and theme matches, one transaction per organization. The database's triggers keep them exact on
// every write, so this is for repairs: after restoring rows by hand, after a migration that dropped the triggers, or
// to verify. DATABASE_URL as for `npm start` (default: the SQLite file). On PostgreSQL each organization's rebuild
// holds writes to responses and interactions (of every organization) until it commits: about 2 seconds per million
// of its rows (10 on SQLite, which runs one writing transaction at a time anyway).
//   --org <slug>   only this organization (repeatable)
//   --check        change nothing: list where the roll-up differs from a recomputation; exit 1 if it does
import { db, Prisma } from "../lib/db";
import { rebuildRollups, rollupDifferences, ROLLUP_TABLES } from "../lib/rollups/rebuild";

const values = (flag: string) => process.argv.flatMap((a, i, all) => (a === flag && all[i + 1] ? [all[i + 1]] : []));
const slugs = values("--org");
const check = process.argv.includes("--check");
const orgs = await db.organization.findMany({
  where: slugs.length ? { slug: { in: slugs } } : {},
  select: { id: true, slug: true },
  orderBy: { slug: "asc" },
});
const missing = slugs.filter((s) => !orgs.some((o) => o.slug === s));
if (missing.length) {
  console.error(`no organization with slug ${missing.join(", ")}`);
  process.exit(2);
}
let differing = 0;
for (const org of orgs) {
  const started = performance.now();
  if (check) {
    const diff = await rollupDifferences(org.id);
    differing += diff.length;
    console.log(`${org.slug}: ${diff.length ? `${diff.length} roll-up rows differ` : "exact"}`);
    for (const d of diff.slice(0, 20))
      console.log(
        `  ${d.table} ${JSON.stringify(d.key)} stored ${d.stored}, recomputed ${d.expected}${d.values ? ` ${JSON.stringify(d.values)}` : ""}`,
      );
  } else {
    const rows = await rebuildRollups(org.id);
    console.log(`${org.slug}: ${rows} roll-up rows in ${Math.round(performance.now() - started)} ms`);
  }
}
if (!slugs.length && !check) {
  // Rows of organizations that no longer exist (none while the triggers are in place).
  for (const table of ROLLUP_TABLES) {
    const gone = await db.$executeRaw(
      Prisma.sql`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "orgId" NOT IN (SELECT "id" FROM "Organization")`,
    );
    if (gone) console.log(`removed ${gone} ${table} rows of deleted organizations`);
  }
}
await db.$disconnect();
if (differing) process.exit(1);
