// Benchmark: campaign delivery (docs/distribution.md, "Outbox and worker"), on SQLite and PostgreSQL.
// 1. Sending: N invitations queued by a campaign, sent by the worker (lease, checks, rendering, nodemailer, the
//    outcome and the next reminder written) to a real SMTP server on 127.0.0.1 (tests/integration/smtp-sink.ts),
//    against raw nodemailer sends of the same rendered messages through the same transport at the same
//    concurrency (the worker's batch, 50), in alternating rounds (raw, worker) of the same run, medians compared.
//    Goal: ≥ 0.8× raw.
// 2. Queueing: an audience of 100,000 customers resolved and queued — the wave's invitations and their first outbox
//    messages written in batches of 500 (queue.ts) — timed from the campaign's creation to the wave "queued".
//   npx tsx bench/campaigns.ts [--sends=2000] [--rounds=3] [--customers=100000] [--postgres=<admin url>]
// Prints figures and checks the counts (every message received once, every customer invited once); nothing else
// is asserted.
import { insertBatches, newId } from "../lib/db-bulk";
import { inChildPerDatabase } from "./lib/databases";
import { arg } from "./lib/timing";

const SENDS = Number(arg("sends", "2000"));
const CUSTOMERS = Number(arg("customers", "100000"));
const ROUNDS = Number(arg("rounds", "3"));
const CONCURRENCY = 50; // the worker's batch (lib/campaigns/worker.ts)
process.env.NEXTAUTH_SECRET ??= "bench-secret-for-invitation-links-0123456789";
process.env.CAMPAIGN_SEND_RATE_PER_MINUTE = "100000000"; // the rate cap is not what is measured
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function run(label: string) {
  const { db, optimizeDatabase } = await import("../lib/db");
  const { createCampaign } = await import("../lib/campaigns/service");
  const { createCampaignSchema } = await import("../lib/campaigns/schema");
  const { startDueWaves, queueWaves } = await import("../lib/campaigns/queue");
  const { runDueMessages } = await import("../lib/campaigns/worker");
  const { invitationEmail } = await import("../lib/campaigns/email");
  const { mailerFromUrl, publicBaseUrl, sendMail } = await import("../lib/mail/transport");
  const { startSmtpSink } = await import("../tests/integration/smtp-sink");

  /** An organization with `n` customers (all with an e-mail and an external id), a live NPS survey, "everyone". */
  async function seed(n: number, tag: string) {
    const org = await db.organization.create({ data: { name: `Bench ${tag}`, slug: `bench-${tag}-${Date.now()}` } });
    const user = await db.user.create({ data: { email: `bench-${tag}-${Date.now()}@bench.test`, name: "Bench" } });
    const survey = await db.survey.create({
      data: { orgId: org.id, publicId: `bench${tag}${Date.now()}`, name: "NPS", type: "nps", status: "live" },
    });
    await db.surveyQuestion.create({
      data: {
        orgId: org.id,
        surveyId: survey.id,
        key: "nps",
        type: "score",
        headline: true,
        scaleMin: 0,
        scaleMax: 10,
        text: { en: "How likely are you to recommend us to a friend?" },
        position: 0,
      },
    });
    const now = new Date();
    const customers = Array.from({ length: n }, (_, i) => ({
      id: newId(),
      orgId: org.id,
      name: `Customer ${i}`,
      email: `c${i}-${tag}@bench.test`,
      externalId: `C-${tag}-${i}`,
      createdAt: now,
      updatedAt: now,
    }));
    await db.$transaction((tx) => insertBatches(tx, "Customer", "customers", customers), { timeout: 900_000 });
    // The default contact rules, except the quiet hours (21:00–08:00 UTC would hold every message of a run at night):
    // the frequency cap is checked at queueing and sending as in production.
    await db.contactRule.create({ data: { orgId: org.id, capDays: 30, quietStartHour: 0, quietEndHour: 0 } });
    const audience = await db.audience.create({
      data: { orgId: org.id, name: "Everyone", kind: "live", definition: { criteria: [] } },
    });
    const ctx = { orgId: org.id, userId: user.id, role: "manager" as const, apiKeyId: null };
    return { org, survey, audience, ctx };
  }

  const campaignOf = (s: Awaited<ReturnType<typeof seed>>) =>
    createCampaign(
      s.ctx,
      createCampaignSchema.parse({
        name: "Bench",
        surveyId: s.survey.id,
        audienceId: s.audience.id,
        windowStartHour: 0,
        windowEndHour: 0,
      }),
    );

  // 1. Sending: ROUNDS rounds of raw then worker, each on fresh customers (so no rule about recent invitations can
  // skip anyone), medians compared: on a shared machine one run of each says little.
  const sink = await startSmtpSink();
  const mailer = mailerFromUrl(sink.url);
  const rawMs: number[] = [];
  const workerMs: number[] = [];
  let duplicates = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const s = await seed(SENDS, `send${round}`);
    await optimizeDatabase();
    const c = await campaignOf(s);
    await startDueWaves();
    await queueWaves();
    const invitations = await db.invitation.findMany({
      where: { campaignId: c.id },
      select: { id: true, customerId: true },
    });
    const customers = new Map(
      (await db.customer.findMany({ where: { orgId: s.org.id }, select: { id: true, name: true, email: true } })).map(
        (x) => [x.id, x],
      ),
    );
    // The same messages the worker renders, rendered here beforehand: the raw run is nodemailer alone.
    const messages = invitations.map((i) => {
      const cu = customers.get(i.customerId)!;
      return {
        to: cu.email!,
        ...invitationEmail({
          baseUrl: publicBaseUrl(),
          invitationId: i.id,
          orgName: s.org.name,
          customerName: cu.name,
          subject: null,
          question: { text: "How likely are you to recommend us to a friend?", min: 0, max: 10 },
          reminder: false,
          locale: "en",
        }),
      };
    });
    sink.messages.length = 0;
    let next = 0;
    const r0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < messages.length) await sendMail(messages[next++], mailer);
      }),
    );
    rawMs.push(performance.now() - r0);
    if (sink.messages.length !== messages.length) throw new Error(`raw: ${sink.messages.length} received`);
    sink.messages.length = 0;
    const w0 = performance.now();
    while ((await db.invitation.count({ where: { campaignId: c.id, status: "sent" } })) < SENDS)
      await runDueMessages({ mailer, sms: null });
    workerMs.push(performance.now() - w0);
    const received = sink.messages.map((m) => m.to[0]);
    if (received.length !== SENDS) throw new Error(`worker: ${received.length} received`);
    duplicates += received.length - new Set(received).size;
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const list = (xs: number[]) => xs.map((ms) => rate(SENDS, ms)).join(", ");
  console.log(
    `${label.padEnd(10)} sending ${SENDS} invitations, ${ROUNDS} rounds: worker ${list(workerMs)}/s (median ${rate(SENDS, median(workerMs))}/s, duplicates ${duplicates}); ` +
      `raw nodemailer ${CONCURRENCY} at a time ${list(rawMs)}/s (median ${rate(SENDS, median(rawMs))}/s); ` +
      `worker / raw, medians = ${(median(rawMs) / median(workerMs)).toFixed(2)}×`,
  );
  await sink.stop();

  // 2. Queueing an audience of CUSTOMERS
  const q = await seed(CUSTOMERS, "queue");
  await optimizeDatabase();
  const t1 = performance.now();
  const big = await campaignOf(q);
  await startDueWaves();
  while ((await db.campaignWave.count({ where: { campaignId: big.id, status: "queued" } })) === 0) await queueWaves();
  const queueMs = performance.now() - t1;
  const [invited, outbox] = await Promise.all([
    db.invitation.count({ where: { campaignId: big.id, status: "queued" } }),
    db.outboxMessage.count({ where: { invitation: { campaignId: big.id } } }),
  ]);
  console.log(
    `${label.padEnd(10)} queueing an audience of ${CUSTOMERS}: ${(queueMs / 1000).toFixed(1)} s = ${rate(CUSTOMERS, queueMs)} customers/s ` +
      `(${invited} invitations queued, ${outbox} outbox messages${invited === CUSTOMERS && outbox === CUSTOMERS ? "" : " — COUNTS DIFFER"})`,
  );
  await db.$disconnect();
}

await inChildPerDatabase("campaigns", run, { CAMPAIGN_SEND_RATE_PER_MINUTE: "100000000" });
