// Benchmark: the retention job (lib/privacy/retention.ts) on N old responses with two answers each, SQLite and
// PostgreSQL: anonymise and delete in batches of 500 (one short transaction each), next to the raw database
// doing the same work in one statement (which would hold the write lock for its whole duration).
//   npx tsx bench/retention.ts [--responses=100000] [--postgres=<admin url>]
// Prints total time, rows per second, the mean time per batch and the longest write transaction (how long a
// batch holds the write lock; the read of the next batch's ids runs outside it).
import { insertBatches } from "../lib/db-bulk";
import { inChildPerDatabase } from "./lib/databases";
import { arg } from "./lib/timing";

const N = Number(arg("responses", "100000"));
const DAY = 86_400_000;

async function run(label: string) {
  const { db } = await import("../lib/db");
  const { runRetention } = await import("../lib/privacy/retention");
  const seed = async (slug: string, mode: "anonymise" | "delete") => {
    const org = await db.organization.create({
      data: { name: slug, slug: `${slug}-${Date.now()}`, settings: { retention: { enabled: true, months: 12, mode } } },
    });
    const survey = await db.survey.create({
      data: { orgId: org.id, publicId: `${slug}${Date.now()}`, name: "Bench", type: "nps", status: "live" },
    });
    const q1 = await db.surveyQuestion.create({
      data: { orgId: org.id, surveyId: survey.id, key: "nps", position: 0, type: "score", text: { en: "NPS" } },
    });
    const q2 = await db.surveyQuestion.create({
      data: { orgId: org.id, surveyId: survey.id, key: "why", position: 1, type: "text", text: { en: "Why" } },
    });
    const at = new Date(Date.now() - 800 * DAY);
    const responses = Array.from({ length: N }, (_, i) => ({
      id: `${slug}r${i}`,
      orgId: org.id,
      surveyId: survey.id,
      surveyVersion: 1,
      clientId: `c${i}`,
      metric: "nps",
      score: i % 11,
      category: "passive",
      comment: "a comment",
      hasComment: true,
      completed: true,
      pageUrl: "https://x.test/p",
      submittedAt: at,
      createdAt: at,
      updatedAt: at,
    }));
    const answers = responses.flatMap((r, i) => [
      { id: `${slug}a${i}`, orgId: org.id, responseId: r.id, questionId: q1.id, valueNumber: r.score },
      { id: `${slug}b${i}`, orgId: org.id, responseId: r.id, questionId: q2.id, valueText: "free text" },
    ]);
    await db.$transaction(
      async (tx) => {
        await insertBatches(tx, "Response", "responses", responses);
        await insertBatches(tx, "Answer", "answers", answers);
      },
      { timeout: 600_000 },
    );
    return { orgId: org.id, cutoff: new Date(Date.now() - 365 * DAY) };
  };
  console.log(`${label}: ${N} responses past retention, 2 answers each`);
  for (const mode of ["anonymise", "delete"] as const) {
    const job = await seed(`job${mode}`, mode);
    const t0 = performance.now();
    const out = await runRetention(job.orgId);
    const ms = performance.now() - t0;
    if (out.status !== "done" || out.processed !== N) throw new Error(`unexpected ${JSON.stringify(out)}`);
    const raw = await seed(`raw${mode}`, mode);
    const t1 = performance.now();
    if (mode === "delete")
      await db.$executeRaw`DELETE FROM "Response" WHERE "orgId" = ${raw.orgId} AND "submittedAt" < ${raw.cutoff}`;
    else {
      await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`UPDATE "Response" SET "customerId" = NULL, "pageUrl" = NULL, "userAgentCategory" = NULL, "comment" = NULL, "hasComment" = false, "anonymisedAt" = ${new Date()}, "clientId" = 'anonymised-' || "id" WHERE "orgId" = ${raw.orgId} AND "submittedAt" < ${raw.cutoff}`;
          await tx.$executeRaw`UPDATE "Answer" SET "valueText" = NULL WHERE "orgId" = ${raw.orgId} AND "valueText" IS NOT NULL`;
        },
        { timeout: 600_000 },
      );
    }
    const rawMs = performance.now() - t1;
    console.log(
      `  ${mode.padEnd(9)} job ${(ms / 1000).toFixed(2)} s (${Math.round(N / (ms / 1000))} rows/s, ${out.batches} batches, ${(ms / out.batches).toFixed(1)} ms per batch, longest write transaction ${out.longestBatchMs} ms)   raw one statement ${(rawMs / 1000).toFixed(2)} s (one lock for all of it)`,
    );
  }
  await db.$disconnect();
}

await inChildPerDatabase("retention", run, { RETENTION_TICK_SECONDS: "0" });
