// Benchmark: building the weekly digest of the demo organization (~25,000 responses over 18 months) and sending
// it to a local SMTP sink (smtp-server on a loopback port), on the database in DATABASE_URL (seeded with
// `npx tsx prisma/seed.ts`). Prints p50/p99 in milliseconds; nothing is asserted.
//   DATABASE_URL=file:tmp/bench-digest.db npx tsx bench/digest.ts [--runs=50]
import { db } from "../lib/db";
import { buildDigest, startOfUtcDay } from "../lib/digest/service";
import { digestLinks, renderDigestEmail } from "../lib/digest/email";
import { mailerFromUrl } from "../lib/mail/transport";
import { startSmtpSink } from "../tests/integration/smtp-sink";

const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 50);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`;

async function timeIt(fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(); // warm up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const org = await db.organization.findFirstOrThrow({ where: { slug: "demo" } });
const manager = await db.membership.findFirstOrThrow({ where: { orgId: org.id, role: "manager" } });
const ctx = { orgId: org.id, userId: manager.userId, role: "manager" as const, apiKeyId: null };
const weekEnding = startOfUtcDay(new Date());
const responses = await db.response.count({ where: { orgId: org.id } });
const sink = await startSmtpSink();
const mailer = mailerFromUrl(sink.url);

const build = await timeIt(() => buildDigest(ctx, { weekEnding }));
const digest = await buildDigest(ctx, { weekEnding });
const send = await timeIt(async () => {
  const e = renderDigestEmail(await buildDigest(ctx, { weekEnding }), digestLinks("http://127.0.0.1:3000", weekEnding));
  await mailer.sendMail({
    from: "bench@localhost",
    to: "someone@localhost",
    subject: e.subject,
    text: e.text,
    html: e.html,
  });
});
console.log(
  `demo organization: ${responses} responses; this week NPS n = ${digest.headline.current.nps.n}, ${digest.touchpoints.tested + digest.touchpoints.tooFew} touchpoint figures`,
);
console.log(`buildDigest            ${fmt(build)}  (${runs} runs)`);
console.log(`build + render + SMTP  ${fmt(send)}  (${sink.messages.length} messages received)`);
mailer.close();
await sink.stop();
await db.$disconnect();
