// "Nothing changed": every table's row count and newest updatedAt, in one query that runs on SQLite and
// PostgreSQL alike. New models are included automatically (Prisma.ModelName).
import { db, Prisma } from "@/lib/db";

// Counters that a refused request updates on purpose (rate limits, sign-in throttling).
const DELIBERATE = new Set<string>(["RateLimitBucket"]);
// Rows a background worker updates on its own schedule (delivery attempts and leases): only their count counts.
const BACKGROUND = new Set<string>(["WebhookDelivery"]);

const SQL = Object.values(Prisma.ModelName)
  .filter((m) => !DELIBERATE.has(m))
  .map((m) => {
    const fields =
      (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${m}ScalarFieldEnum`] ?? {};
    const newest = "updatedAt" in fields && !BACKGROUND.has(m) ? `CAST(MAX("updatedAt") AS TEXT)` : "NULL";
    return `SELECT '${m}' AS t, CAST(COUNT(*) AS TEXT) AS n, ${newest} AS u FROM "${m}"`;
  })
  .join(" UNION ALL ");

export async function dbSnapshot(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ t: string; n: string; u: string | null }[]>(SQL);
  return rows
    .map((r) => `${r.t}:${r.n}:${r.u}`)
    .sort()
    .join("\n");
}
