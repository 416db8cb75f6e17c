// The one order in which transactions take several customers (lib/customers/lock.ts), on the database in
// DATABASE_URL — it matters on PostgreSQL, where rows are locked one by one and two transactions taking the same
// customers in opposite orders deadlock (40P01, one of them rolled back). A wave being queued locks its batch of
// customers (lib/campaigns/queue.ts); at the same time an ingestion batch inserts responses of the same customers in
// the reverse order and updates their lastSeenAt (lib/surveys/ingest-batch.ts), and a customer import updates them,
// also in reverse (lib/import/write.ts). Many rounds: no deadlock (PostgreSQL's own count of them, and no ingestion
// batch rolled back), and every write is there afterwards.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, provider } from "@/lib/db";
import { queueWaves, startDueWaves } from "@/lib/campaigns/queue";
import { submitPublicResponse } from "@/lib/surveys/public-service";
import { mintCustomerToken } from "@/lib/customers/token-secrets";
import { writeBatch } from "@/lib/import/write";
import { newId } from "@/lib/db-bulk";
import { createOrg, uid } from "../factories";
import { createSurvey } from "../factories/surveys";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { campaign } from "./campaign-fixtures";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
process.env.RESONANCE_PUBLIC_RATE_LIMITS = "off"; // 300 responses a round from one survey: not what is tested

const CUSTOMERS = 200;
// Deadlocks are PostgreSQL's: there the rounds are many; on SQLite (one writer at a time) a few show nothing is lost.
const ROUNDS = provider === "postgresql" ? 10 : 3;

/**
 * PostgreSQL's count of deadlocks detected in this database (0 on SQLite, which has one writer at a time). A backend
 * reports its count when it goes idle, at most once a second: read after a pause.
 */
async function deadlocks(): Promise<number> {
  if (provider !== "postgresql") return 0;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const [row] = await db.$queryRaw<Array<{ n: string }>>`
    SELECT "deadlocks"::text AS "n" FROM pg_stat_database WHERE "datname" = current_database()`;
  return Number(row?.n ?? 0);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("customers locked in one order", () => {
  it("a wave queued while responses and an import of the same customers are written in reverse order: no deadlock, no lost write", async () => {
    const o = await createOrg("locks"); // no cap: every wave invites everyone again
    const tag = `t-${uid()}`;
    const now = new Date();
    const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: newId(),
      orgId: o.orgId,
      name: `Customer ${i}`,
      email: `locks-${i}-${uid()}@example.test`,
      externalId: `L-${i}-${uid()}`,
      createdAt: now,
      updatedAt: now,
    }));
    await db.customer.createMany({ data: customers });
    await db.customerTag.createMany({ data: customers.map((c) => ({ orgId: o.orgId, customerId: c.id, tag })) });
    const audience = await db.audience.create({
      data: { orgId: o.orgId, name: tag, kind: "live", definition: { criteria: [{ type: "tags", tags: [tag] }] } },
    });
    const survey = await createSurvey(o.orgId);
    const reversed = [...customers].sort((a, b) => (a.id < b.id ? 1 : -1));
    const tokens = new Map(
      await Promise.all(
        reversed.map(
          async (c) =>
            [c.id, await mintCustomerToken(o.orgId, { publicId: survey.publicId, externalId: c.externalId })] as const,
        ),
      ),
    );
    const rolledBack: string[] = [];
    const log = console.error.bind(console);
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].includes("ingest_batch_failed")) rolledBack.push(args[0]);
      else log(...args);
    });
    const before = await deadlocks();

    const waves: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { campaign: c } = await campaign(o, audience.id);
      waves.push(c.id);
      await startDueWaves();
      const [, responses, imported] = await Promise.all([
        queueWaves(),
        Promise.all(
          reversed.map((c, k) =>
            submitPublicResponse(
              survey.publicId,
              {
                clientId: `locks-${round}-${k}-${uid()}`,
                answers: { nps: 9, plan: "pro" },
                complete: true,
                customerExternalId: c.externalId,
                customerToken: tokens.get(c.id)!,
              },
              { userAgent: null, ip: `10.0.${round}.${k % 250}` },
            ),
          ),
        ),
        writeBatch(
          o.ctx("manager"),
          reversed.map((c) => ({ externalId: c.externalId, name: c.name, attributes: { round } })),
          "update",
        ),
      ]);
      expect(responses.every((r) => r.created)).toBe(true);
      expect(imported).toEqual({ inserted: 0, updated: CUSTOMERS, skipped: 0 });
    }
    while (await queueWaves()); // a wave another test's tick left half-done is not this test's concern

    expect(await deadlocks()).toBe(before);
    expect(rolledBack).toEqual([]);
    // every wave invited every customer once
    const invited = await db.invitation.groupBy({
      by: ["campaignId"],
      where: { campaignId: { in: waves }, status: "queued" },
      _count: { _all: true },
    });
    expect(invited.map((g) => g._count._all)).toEqual(waves.map(() => CUSTOMERS));
    // every response stored, each with its customer; every customer seen, and imported in the last round
    expect(
      await db.response.count({ where: { surveyId: survey.id, customerId: { in: customers.map((c) => c.id) } } }),
    ).toBe(CUSTOMERS * ROUNDS);
    const after = await db.customer.findMany({
      where: { id: { in: customers.map((c) => c.id) } },
      select: { lastSeenAt: true, attributes: true },
    });
    expect(after.filter((c) => c.lastSeenAt === null)).toEqual([]);
    expect(after.map((c) => (c.attributes as { round?: number } | null)?.round)).toEqual(
      customers.map(() => ROUNDS - 1),
    );
  }, 300_000);
});
