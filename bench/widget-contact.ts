// Benchmark: the widget's check for an identified customer (lib/campaigns/widget-contact.ts: GET
// /api/v1/public/surveys/:publicId?customer=&customerToken=) under the contact rules, alone and while survey
// responses are ingested in the same process (lib/surveys/ingest-batch.ts), as one server process runs both.
// In-process, no HTTP: what is measured is the database work of the check and how it shares the database with
// ingestion — on SQLite one writer at a time, so a check that takes the write lock waits behind every batch.
// Most page views are repeats: the customer was shown this survey already (the same contact) or is held back by an
// invitation within the cap; a few are first views, which record a contact.
//   npx tsx bench/widget-contact.ts [--seconds=10] [--customers=2000] [--widget=16] [--ingest=16] [--postgres=<admin url>]
// Prints calls/s and latencies; checks that no customer got two widget contacts for the survey.
import { insertBatches, newId } from "../lib/db-bulk";
import { inChildPerDatabase } from "./lib/databases";
import { arg, pct } from "./lib/timing";

const SECONDS = Number(arg("seconds", "10"));
const CUSTOMERS = Number(arg("customers", "2000"));
const WIDGET = Number(arg("widget", "16"));
const INGEST = Number(arg("ingest", "16"));
process.env.RESONANCE_PUBLIC_RATE_LIMITS ??= "off"; // the limits are not what is measured
process.env.NEXTAUTH_SECRET ??= "bench-secret-for-customer-tokens-0123456789";

async function run(label: string) {
  const { db, optimizeDatabase } = await import("../lib/db");
  const { widgetEligibility, submitPublicResponse } = await import("../lib/surveys/public-service");
  const { mintCustomerToken } = await import("../lib/customers/token-secrets");
  const { batchesIdle } = await import("../lib/surveys/ingest-batch");

  const org = await db.organization.create({ data: { name: "Bench widget", slug: `bench-widget-${Date.now()}` } });
  const survey = await db.survey.create({
    data: { orgId: org.id, publicId: `benchw${Date.now()}`, name: "NPS", type: "nps", status: "live", version: 1 },
  });
  await db.surveyQuestion.create({
    data: {
      orgId: org.id,
      surveyId: survey.id,
      key: "nps",
      type: "score",
      required: true,
      headline: true,
      scaleMin: 0,
      scaleMax: 10,
      text: { en: "How likely are you to recommend us?" },
      position: 0,
    },
  });
  const other = await db.survey.create({
    data: { orgId: org.id, publicId: `benchwo${Date.now()}`, name: "Other", type: "nps", status: "live" },
  });
  const now = new Date();
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: newId(),
    orgId: org.id,
    name: `Customer ${i}`,
    email: `w${i}@bench.test`,
    externalId: `W-${i}`,
    createdAt: now,
    updatedAt: now,
  }));
  await db.$transaction((tx) => insertBatches(tx, "Customer", "customers", customers), { timeout: 600_000 });
  // A quarter was invited by e-mail to another survey a day ago (held back: "not now"); half was shown this survey
  // already (a repeat view is the same contact); the last quarter has no contact yet (a first view records one).
  const day = new Date(now.getTime() - 86_400_000);
  const quarter = Math.floor(CUSTOMERS / 4);
  await db.invitation.createMany({
    data: customers.slice(0, quarter).map((c) => ({
      orgId: org.id,
      customerId: c.id,
      surveyId: other.id,
      channel: "email",
      status: "sent",
      sentAt: day,
      contactAt: day,
    })),
  });
  await db.contactEvent.createMany({
    data: customers
      .slice(quarter, 3 * quarter)
      .map((c) => ({ orgId: org.id, customerId: c.id, channel: "widget", surveyId: survey.id, createdAt: day })),
  });
  // The first token alone: it makes the organization's signing secret, which tokens minted at once would each make.
  const mint = (c: (typeof customers)[number]) =>
    mintCustomerToken(org.id, { publicId: survey.publicId, externalId: c.externalId });
  const tokens = [await mint(customers[0])];
  tokens.push(...(await Promise.all(customers.slice(1).map(mint))));
  await optimizeDatabase();

  async function measure(withIngestion: boolean) {
    const until = performance.now() + SECONDS * 1000;
    const widgetMs: number[] = [];
    const answers = { eligible: 0, not_now: 0, opted_out: 0 };
    let ingested = 0;
    let failed = 0;
    let next = 0;
    const widget = async () => {
      while (performance.now() < until) {
        const k = (next++ * 7919) % CUSTOMERS; // a stride through the customers: every kind of view mixed
        const t = performance.now();
        const a = await widgetEligibility(survey.publicId, customers[k].externalId, tokens[k]);
        widgetMs.push(performance.now() - t);
        answers[a]++;
      }
    };
    const ingest = async () => {
      while (performance.now() < until) {
        try {
          await submitPublicResponse(
            survey.publicId,
            { clientId: `c${newId()}`, answers: { nps: 9 }, complete: true } as never,
            { userAgent: null, ip: null },
          );
          ingested++;
        } catch {
          failed++;
        }
      }
    };
    const cpu0 = process.cpuUsage();
    await Promise.all([
      ...Array.from({ length: WIDGET }, widget),
      ...(withIngestion ? Array.from({ length: INGEST }, ingest) : []),
    ]);
    await batchesIdle();
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const rate = (n: number) => Math.round(n / SECONDS);
    console.log(
      `${label.padEnd(10)} widget GET check, ${WIDGET} at a time${withIngestion ? `, while ${INGEST} ingest` : ", alone"}: ` +
        `${rate(widgetMs.length)}/s, p50 ${pct(widgetMs, 50).toFixed(1)} ms, p99 ${pct(widgetMs, 99).toFixed(1)} ms ` +
        `(eligible ${answers.eligible}, not now ${answers.not_now})` +
        (withIngestion ? "" : `, ${(cpuMs / widgetMs.length).toFixed(2)} ms CPU per check`) +
        (withIngestion ? `; ingestion ${rate(ingested)} responses/s${failed ? `, ${failed} failed` : ""}` : ""),
    );
  }
  await measure(false);
  await measure(true);
  const doubled = await db.contactEvent.groupBy({
    by: ["customerId"],
    where: { orgId: org.id, surveyId: survey.id },
    _count: { _all: true },
    having: { customerId: { _count: { gt: 1 } } },
  });
  const held = await db.contactEvent.count({
    where: { orgId: org.id, customerId: { in: customers.slice(0, quarter).map((c) => c.id) } },
  });
  console.log(
    `${label.padEnd(10)} customers with two widget contacts for the survey: ${doubled.length}; contacts of customers held back: ${held}` +
      (doubled.length || held ? " — WRONG" : ""),
  );
  await db.$disconnect();
}

await inChildPerDatabase("widget-contact", run);
