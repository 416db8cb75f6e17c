// Benchmark: resolving an audience (docs/distribution.md, "Audiences") over 100,000 customers with their tags,
// interactions and NPS answers, on SQLite and PostgreSQL: the app's count and preview next to a hand-written
// SQL count of the same question, in the same run.
//   npx tsx bench/audiences.ts [--customers=100000] [--runs=15] [--postgres=<admin url>]
// Prints p50/p99 in milliseconds and checks that both counts agree; nothing else is asserted.
import { insertBatches, newId } from "../lib/db-bulk";
import { inChildPerDatabase } from "./lib/databases";
import { arg, fmt, timeIt } from "./lib/timing";
import { createRng } from "../lib/metrics/random";

const N = Number(arg("customers", "100000"));
const RUNS = Number(arg("runs", "15"));
const DAY = 86_400_000;

async function run(label: string) {
  const { db, provider, optimizeDatabase, Prisma } = await import("../lib/db");
  const { countAudience, previewAudience, createAudience } = await import("../lib/audiences/service");
  const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const user = await db.user.create({ data: { email: `bench-${Date.now()}@bench.test`, name: "Bench" } });
  const journey = await db.journey.create({ data: { orgId: org.id, name: "Support" } });
  const stage = await db.stage.create({ data: { orgId: org.id, journeyId: journey.id, name: "Help", position: 0 } });
  const tps = await Promise.all(
    ["Call", "Chat", "Store"].map((name) =>
      db.touchpoint.create({ data: { orgId: org.id, journeyId: journey.id, stageId: stage.id, name, kind: "human" } }),
    ),
  );
  const survey = await db.survey.create({
    data: { orgId: org.id, publicId: `bench${Date.now()}`, name: "NPS", type: "nps", status: "live" },
  });
  const rng = createRng(11);
  const now = Date.now();
  const customers: object[] = [];
  const tags: object[] = [];
  const interactions: object[] = [];
  const responses: object[] = [];
  for (let i = 0; i < N; i++) {
    const id = newId();
    const created = new Date(now - rng.int(0, 700) * DAY);
    customers.push({
      id,
      orgId: org.id,
      name: `Customer ${i}`,
      email: rng.next() < 0.9 ? `c${i}@example.com` : null,
      externalId: `C-${i}`,
      consent: rng.next() < 0.1 ? false : rng.next() < 0.5 ? true : null,
      attributes: { plan: rng.pick(["free", "pro", "team"]), tenureMonths: rng.int(0, 60) },
      createdAt: created,
      updatedAt: created,
    });
    if (rng.next() < 0.3) tags.push({ id: newId(), orgId: org.id, customerId: id, tag: "vip" });
    if (rng.next() < 0.5) tags.push({ id: newId(), orgId: org.id, customerId: id, tag: rng.pick(["b2b", "b2c"]) });
    const touches = rng.int(0, 2);
    for (let k = 0; k < touches; k++)
      interactions.push({
        id: newId(),
        orgId: org.id,
        customerId: id,
        touchpointId: rng.pick(tps).id,
        occurredAt: new Date(now - rng.int(0, 180) * DAY - DAY / 2), // half a day off the day boundaries, so that the
        // app (whose "30 days ago" is taken at query time) and the raw count ask exactly the same question
        outcome: rng.pick(["resolved", "escalated", "follow_up", "no_action"]),
        createdAt: created,
      });
    const answers = rng.int(0, 2);
    for (let k = 0; k < answers; k++) {
      const score = rng.int(0, 10);
      const at = new Date(now - rng.int(0, 365) * DAY);
      responses.push({
        id: newId(),
        orgId: org.id,
        surveyId: survey.id,
        clientId: newId(),
        customerId: id,
        metric: "nps",
        score,
        category: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor",
        completed: true,
        submittedAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  const t0 = performance.now();
  await db.$transaction(
    async (tx) => {
      await insertBatches(tx, "Customer", "customers", customers);
      await insertBatches(tx, "CustomerTag", "tags", tags);
      await insertBatches(tx, "Interaction", "interactions", interactions);
      await insertBatches(tx, "Response", "responses", responses);
    },
    { timeout: 900_000 },
  );
  await optimizeDatabase();
  console.log(
    `${label}: ${N} customers, ${tags.length} tags, ${interactions.length} interactions, ${responses.length} NPS answers, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const ctx = { orgId: org.id, userId: user.id, role: "manager" as const, apiKeyId: null };
  const since = new Date(now - 30 * DAY);
  const cases = [
    {
      name: "VIP detractors with a call in 30 days, not opted out",
      definition: {
        criteria: [
          { type: "tags" as const, match: "any" as const, tags: ["vip"] },
          { type: "interaction" as const, touchpointId: tps[0].id, days: 30 },
          { type: "lastNps" as const, categories: ["detractor" as const] },
          { type: "consent" as const, states: ["refused" as const], negate: true },
        ],
      },
      raw: Prisma.sql`SELECT COUNT(*) AS n FROM "Customer" c
        WHERE c."orgId" = ${org.id}
          AND EXISTS (SELECT 1 FROM "CustomerTag" t WHERE t."orgId" = ${org.id} AND t."customerId" = c."id" AND t."tag" = 'vip')
          AND EXISTS (SELECT 1 FROM "Interaction" i WHERE i."orgId" = ${org.id} AND i."customerId" = c."id" AND i."touchpointId" = ${tps[0].id} AND i."occurredAt" >= ${since})
          AND (SELECT r."category" FROM "Response" r WHERE r."orgId" = ${org.id} AND r."customerId" = c."id" AND r."metric" = 'nps' AND r."score" IS NOT NULL ORDER BY r."submittedAt" DESC, r."id" DESC LIMIT 1) = 'detractor'
          AND (c."consent" IS NULL OR c."consent")`,
    },
    {
      name: "plan = pro, tenure 12–36 months",
      definition: {
        criteria: [
          { type: "attribute" as const, key: "plan", op: "equals" as const, value: "pro" },
          { type: "attribute" as const, key: "tenureMonths", op: "range" as const, min: 12, max: 36 },
        ],
      },
      raw:
        provider === "postgresql"
          ? Prisma.sql`SELECT COUNT(*) AS n FROM "Customer" c WHERE c."orgId" = ${org.id} AND c."attributes" ->> 'plan' = 'pro' AND (c."attributes" ->> 'tenureMonths')::numeric BETWEEN 12 AND 36`
          : Prisma.sql`SELECT COUNT(*) AS n FROM "Customer" c WHERE c."orgId" = ${org.id} AND json_extract(c."attributes", '$.plan') = 'pro' AND json_extract(c."attributes", '$.tenureMonths') BETWEEN 12 AND 36`,
    },
    {
      name: "everyone (no criteria)",
      definition: { criteria: [] },
      raw: Prisma.sql`SELECT COUNT(*) AS n FROM "Customer" c WHERE c."orgId" = ${org.id}`,
    },
  ];
  for (const c of cases) {
    const audience = await createAudience(ctx, { name: c.name, definition: c.definition });
    const [appCount, [raw]] = await Promise.all([
      countAudience(ctx, audience.id),
      db.$queryRaw<Array<{ n: number | bigint }>>(c.raw),
    ]);
    const agree = appCount === Number(raw.n) ? "counts agree" : `COUNTS DIFFER (raw ${Number(raw.n)})`;
    const count = await timeIt(RUNS, () => countAudience(ctx, audience.id), 2);
    const preview = await timeIt(RUNS, () => previewAudience(ctx, audience.id), 2);
    const rawTimes = await timeIt(RUNS, () => db.$queryRaw(c.raw), 2);
    console.log(`  ${c.name}: ${appCount} match (${agree})`);
    console.log(`    countAudience   ${fmt(count)}`);
    console.log(`    previewAudience ${fmt(preview)}   (count by reason + first 20)`);
    console.log(`    raw SQL count   ${fmt(rawTimes)}`);
  }
  await db.$disconnect();
}

await inChildPerDatabase("audiences", run);
