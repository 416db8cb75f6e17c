// Benchmark: webhook delivery throughput. N deliveries due at once in the outbox of a fresh database, worked
// off by 1 and then 2 production servers (the worker of every instance, polling every 50 ms) POSTing to a
// real receiver on 127.0.0.1 that answers 200 at once; then the same N signed POSTs sent straight from this
// process at the same concurrency (20, the worker's batch) — the raw HTTP cost the worker adds its leases and
// its log to. Also counts duplicate deliveries (must be 0). Prints figures; nothing is asserted.
//   npx tsx bench/webhooks.ts [--deliveries=2000] [--postgres=<admin url>]
// Needs `npx next build` first.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createDb } from "../lib/db";
import { sealSecret } from "../lib/webhooks/secret-box";
import { generateWebhookSecret, webhookHeaders } from "../lib/webhooks/signature";
import { newEvent } from "../lib/webhooks/events";
import { startServer, type RunningServer } from "../tests/server";
import { startReceiver } from "../tests/webhook-receiver";
import { forEachDatabase } from "./lib/databases";
import { arg } from "./lib/timing";

const N = Number(arg("deliveries", "2000"));
const CONCURRENCY = 20;
const root = path.resolve(import.meta.dirname, "..");
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production-0123456789"; // what tests/server.ts gives the servers
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000)}/s`;

async function workedOff(url: string, instances: number) {
  const { db } = createDb(url);
  const rx = await startReceiver();
  const secret = generateWebhookSecret();
  const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${randomUUID().slice(0, 8)}` } });
  const endpoint = await db.webhookEndpoint.create({
    data: { orgId: org.id, url: `${rx.url}/hook`, eventTypes: ["response.created"], secretEnc: sealSecret(secret) },
  });
  const servers: RunningServer[] = [];
  try {
    for (let i = 0; i < instances; i++)
      servers.push(await startServer({ databaseUrl: url, env: { WEBHOOK_WORKER: "on", WEBHOOK_POLL_MS: "50" } }));
    const rows = Array.from({ length: N }, (_, i) => {
      const event = newEvent("response.created", { responseId: `r${i}`, score: i % 11 });
      return {
        orgId: org.id,
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        payload: JSON.stringify(event),
        nextAttemptAt: new Date(),
      };
    });
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += 500) await db.webhookDelivery.createMany({ data: rows.slice(i, i + 500) });
    await rx.waitFor("/hook", N, 600_000);
    while ((await db.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })) < N)
      await new Promise((r) => setTimeout(r, 20));
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    const ids = rx.at("/hook").map((r) => r.id);
    return { ms, received: ids.length, duplicates: ids.length - new Set(ids).size, secret, rx };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.$disconnect();
  }
}

async function rawPosts(receiverUrl: string, secret: string) {
  const bodies = Array.from({ length: N }, (_, i) =>
    JSON.stringify(newEvent("response.created", { responseId: `r${i}` })),
  );
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const body = bodies[next++];
        const res = await fetch(`${receiverUrl}/raw`, {
          method: "POST",
          headers: { "content-type": "application/json", ...webhookHeaders(secret, `evt_${next}`, body) },
          body,
          redirect: "manual",
        });
        await res.text();
      }
    }),
  );
  return performance.now() - t0;
}

await forEachDatabase("webhooks", async (label, url) => {
  execFileSync(process.execPath, ["scripts/db.mjs", "migrate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  for (const instances of [1, 2]) {
    const r = await workedOff(url, instances);
    const raw = await rawPosts(r.rx.url, r.secret);
    await r.rx.close();
    console.log(
      `${label.padEnd(10)} ${instances} instance(s): ${N} deliveries in ${(r.ms / 1000).toFixed(1)} s = ${rate(N, r.ms)} (enqueued → all logged as delivered), ` +
        `received ${r.received}, duplicates ${r.duplicates}; raw signed POSTs from one process, ${CONCURRENCY} at a time: ${rate(N, raw)}`,
    );
  }
});
process.exit(0);
