// Two app instances on one PostgreSQL primary with a streaming replica (docs/scaling.md): public ingestion through
// both at once (with retries of the same answers through the other instance; the daily roll-up stays exact), and every background job running in
// both — webhook deliveries, the unit backfill, the weekly digest and the retention policy — each held by one
// instance at a time. Nothing accepted is lost and nothing is done twice. A fresh database keeps the instances'
// schedulers away from the other suites' organizations.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresClient, provider, type Db } from "@/lib/db";
import { isoWeekKey } from "@/lib/digest/settings";
import { retentionPeriodKey } from "@/lib/privacy/retention-settings";
import { startReceiver, type Receiver } from "../webhook-receiver";
import { startServer, TEST_NEXTAUTH_SECRET, type RunningServer } from "../server";
import { freshDatabase } from "./fresh-database";
import { migrateScript } from "./operator-script";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { http, respondent } from "./http";
import { sleep, until } from "./until";

const REPLICA_PORT = 54349;
const ANSWERS = 120;
const RETRIES = 30;
const PAST_RETENTION = 40;
const root = path.resolve(import.meta.dirname, "../..");
type Seeded = {
  orgId: string;
  keys: Record<"admin" | "manager" | "agent" | "viewer", string>;
  managerEmail: string;
  touchpointId: string;
  storeId: string;
  survey: { id: string; publicId: string };
};

describe.skipIf(provider !== "postgresql")("two instances, one primary and one replica", () => {
  let fresh: { url: string; drop: () => Promise<void> };
  let primary: Db;
  let seeded: Seeded;
  let servers: RunningServer[] = [];
  let rx: Receiver;
  let sink: SmtpSink;

  beforeAll(async () => {
    fresh = await freshDatabase("many_instances");
    const migrated = await migrateScript(fresh.url).done;
    expect(migrated.code, migrated.out).toBe(0);
    const env = {
      ...process.env,
      DATABASE_URL: fresh.url,
      NEXTAUTH_SECRET: TEST_NEXTAUTH_SECRET,
      PAST_RETENTION: String(PAST_RETENTION),
    };
    const out = execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/integration/many-instances/seed.ts"],
      { cwd: root, env, encoding: "utf8" },
    );
    seeded = JSON.parse(out.trim().split("\n").pop()!) as Seeded;
    primary = postgresClient(fresh.url);

    execFileSync("bash", ["scripts/postgres-replica.sh", "--remove", String(REPLICA_PORT)], { stdio: "pipe" });
    execFileSync("bash", ["scripts/postgres-replica.sh", new URL(fresh.url).port, String(REPLICA_PORT)], {
      stdio: "pipe",
    });
    const replicaUrl = new URL(fresh.url);
    replicaUrl.port = String(REPLICA_PORT);

    rx = await startReceiver();
    sink = await startSmtpSink();
    const instanceEnv = {
      DATABASE_REPLICA_URLS: replicaUrl.toString(),
      REPLICA_POLL_MS: "250",
      WEBHOOK_WORKER: "on",
      WEBHOOK_POLL_MS: "100",
      WEBHOOK_TIMEOUT_MS: "15000",
      JOBS_WORKER: "on",
      JOBS_POLL_MS: "200",
      RETENTION_TICK_SECONDS: "2",
      DIGEST_SMTP_URL: sink.url,
      DIGEST_TICK_SECONDS: "5",
      PUBLIC_URL: "http://127.0.0.1:3999",
    };
    servers = await Promise.all([
      startServer({ databaseUrl: fresh.url, env: instanceEnv }),
      startServer({ databaseUrl: fresh.url, env: instanceEnv }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...servers.map((s) => s.stop()), rx?.close(), sink?.stop()]);
    await primary?.$disconnect();
    execFileSync("bash", ["scripts/postgres-replica.sh", "--remove", String(REPLICA_PORT)], { stdio: "pipe" });
    await fresh?.drop();
  });

  it("loses nothing and does nothing twice", async () => {
    const [a, b] = servers;
    const org = { orgId: seeded.orgId };
    // A webhook for every new response, created through one instance; both instances' workers deliver.
    const hook = await http("POST", `${a.url}/api/v1/webhooks`, {
      key: seeded.keys.admin,
      body: { url: `${rx.url}/many`, description: "many instances", eventTypes: ["response.created"] },
    });
    expect(hook.status).toBe(201);

    // Public ingestion through both instances at once; then the same answers again through the other one (a
    // client retrying after a lost reply): each answer is stored once.
    const answers = Array.from({ length: ANSWERS }, (_, i) => ({
      clientId: `many-${randomUUID()}`,
      answers: { nps: i % 11, plan: "pro", ...(i % 11 <= 6 ? { why_low: `Reason ${i}` } : {}) },
      complete: true,
    }));
    const post = (server: RunningServer, body: (typeof answers)[number], i: number) =>
      http("POST", `${server.url}/api/v1/public/surveys/${seeded.survey.publicId}/responses`, {
        body,
        headers: respondent(`many respondent ${i}`),
      });
    const first = [];
    for (let i = 0; i < ANSWERS; i += 20)
      first.push(...(await Promise.all(answers.slice(i, i + 20).map((x, j) => post(servers[(i + j) % 2], x, i + j)))));
    expect(first.map((r) => r.status)).toEqual(answers.map(() => 201));
    const again = await Promise.all(
      answers.slice(0, RETRIES).map((x, i) => post(servers[(i + 1) % 2], x, i)), // the other instance
    );
    expect(again.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const stored = await primary.response.findMany({
      where: { orgId: org.orgId, clientId: { startsWith: "many-" } },
      select: { clientId: true },
    });
    expect(stored.map((r) => r.clientId).sort()).toEqual(answers.map((x) => x.clientId).sort());

    // The daily roll-up both instances' ingestion wrote through the triggers equals a recomputation from the rows.
    const check = execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/rollups-rebuild.ts", "--check"],
      { cwd: root, env: { ...process.env, DATABASE_URL: fresh.url }, encoding: "utf8" },
    );
    expect(check).toMatch(/: exact/);

    // Webhooks: one delivery per new response, whichever instance took it.
    await until(
      "every webhook delivery",
      async () => rx.at("/many").length,
      (n) => n >= ANSWERS,
    );
    await sleep(1_500); // a double send would arrive now
    const ids = rx.at("/many").map((r) => r.id);
    expect(ids).toHaveLength(ANSWERS);
    expect(new Set(ids).size).toBe(ANSWERS);

    // The touchpoint joins a store; attributing the history is started on one instance and run by whichever
    // instances take its batches: every answer on the touchpoint lands in the store, each examined once.
    const moved = await http("PATCH", `${b.url}/api/v1/touchpoints/${seeded.touchpointId}`, {
      key: seeded.keys.admin,
      body: { unitId: seeded.storeId },
    });
    expect(moved.status).toBe(200);
    expect((await http("POST", `${a.url}/api/v1/units/backfill`, { key: seeded.keys.admin })).status).toBe(202);
    const job = await until(
      "the backfill",
      async () => (await http("GET", `${b.url}/api/v1/units/backfill`, { key: seeded.keys.admin })).body.job,
      (j) => j?.status === "done" || j?.status === "failed",
      60_000,
    );
    expect(job.status).toBe("done");
    expect(job.done).toBe(job.total);
    expect(Object.values(job.result as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(job.total);
    expect(job.result["responses.touchpoint"]).toBe(ANSWERS);
    expect(
      await primary.response.count({
        where: { orgId: org.orgId, clientId: { startsWith: "many-" }, unitId: seeded.storeId },
      }),
    ).toBe(ANSWERS);

    // Retention: both instances tick every 2 s; the organization's day is done once, the old answers deleted.
    const run = await until(
      "the retention run",
      () => primary.retentionRun.findMany({ where: { orgId: org.orgId, periodKey: retentionPeriodKey(new Date()) } }),
      (runs) => runs.some((r) => r.status === "done"),
      60_000,
    );
    expect(run).toHaveLength(1);
    expect(run[0].processed).toBe(PAST_RETENTION);
    expect(await primary.response.count({ where: { orgId: org.orgId, clientId: { startsWith: "old-" } } })).toBe(0);

    // The weekly digest, due now: one message to its one recipient, however many instances tick.
    const toManager = () => sink.messages.filter((m) => m.to.includes(seeded.managerEmail));
    await until(
      "the digest",
      async () => toManager().length,
      (n) => n >= 1,
      90_000,
    );
    const digest = await until(
      "the digest run",
      () =>
        primary.digestRun.findUniqueOrThrow({
          where: { orgId_periodKey: { orgId: org.orgId, periodKey: isoWeekKey(new Date()) } },
        }),
      (r) => r.status === "sent",
      60_000,
    );
    expect(digest.status).toBe("sent");
    await sleep(6_000); // both instances tick again
    expect(toManager()).toHaveLength(1);

    // The replica has every answer, and the headline read from it (or the primary) counts each once.
    const total = await primary.response.count({ where: { orgId: org.orgId, metric: "nps", score: { not: null } } });
    await until(
      "the headline to count every answer",
      async () =>
        (await http("GET", `${a.url}/api/v1/metrics/headline?days=30`, { key: seeded.keys.viewer })).body.nps.n,
      (n) => n === total,
      60_000,
    );
  }, 300_000);
});
