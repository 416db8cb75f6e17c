// Analytics reads on a real PostgreSQL streaming replica (lib/db-replica.ts, docs/scaling.md "Read replicas"): the
// test starts a hot standby of the test server on loopback (scripts/postgres-replica.sh: pg_basebackup), runs an app
// instance with DATABASE_REPLICA_URLS, and holds the replica back (pg_wal_replay_pause) to see what a manager sees
// while it lags: the figures of the copy with a notice saying how old they are, the write itself on the pages that
// show it (primary), and the primary's figures once the copy is further behind than REPLICA_MAX_LAG_SECONDS.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, postgresClient, provider, type Db } from "@/lib/db";
import { parseLsn } from "@/lib/db-replica";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { startServer, type RunningServer } from "../server";
import { http, respondent, signIn } from "./http";
import { until } from "./until";

const MAX_LAG_SECONDS = 8;
const REPLICA_PORT = 54339;

describe.skipIf(provider !== "postgresql")("analytics on a streaming read replica", () => {
  let replica: Db;
  let server: RunningServer;
  let org: Org;
  let survey: { id: string; publicId: string };
  let cookie: string;

  const lsn = async (client: Db, fn: string) =>
    parseLsn((await client.$queryRawUnsafe<{ l: string }[]>(`SELECT ${fn}()::text AS l`))[0].l);
  /** Until the replica has replayed everything the primary has written so far. The replica replays the whole
   * server's WAL, the other suites' writes with it: on a busy 2-core machine that can take a while. */
  const caughtUp = async () => {
    const target = await lsn(db, "pg_current_wal_lsn");
    await until(
      "the replica to catch up",
      () => lsn(replica, "pg_last_wal_replay_lsn"),
      (l) => l >= target,
      90_000,
    );
  };
  const submit = async (score: number) => {
    const clientId = `replica-${randomUUID()}`;
    const res = await http("POST", `${server.url}/api/v1/public/surveys/${survey.publicId}/responses`, {
      body: {
        clientId,
        answers: { nps: score, plan: "pro", ...(score <= 6 ? { why_low: "Waited too long" } : {}) },
        complete: true,
      },
      headers: respondent(`replica respondent ${clientId}`),
    });
    return { status: res.status, clientId };
  };
  const headlineN = async () => {
    const res = await http("GET", `${server.url}/api/v1/metrics/headline?days=7`, { key: org.keys.viewer });
    expect(res.status).toBe(200);
    return res.body.nps.n as number;
  };
  const dashboard = async () => (await http("GET", `${server.url}/`, { cookie })).body as string;
  const stored = () => db.response.count({ where: { orgId: org.orgId, metric: "nps", score: { not: null } } });

  beforeAll(async () => {
    const primary = new URL(process.env.DATABASE_URL!);
    // A fresh copy each run: one left from an earlier run may need WAL the primary has recycled since.
    execFileSync("bash", ["scripts/postgres-replica.sh", "--remove", String(REPLICA_PORT)], { stdio: "pipe" });
    execFileSync("bash", ["scripts/postgres-replica.sh", primary.port, String(REPLICA_PORT)], { stdio: "pipe" });
    const replicaUrl = new URL(primary);
    replicaUrl.port = String(REPLICA_PORT);
    replica = postgresClient(replicaUrl.toString());
    // A test database made after the replica was: it arrives with the WAL.
    const answers = () =>
      replica.$queryRawUnsafe("SELECT 1").then(
        () => true,
        () => false,
      );
    await until("the test database on the replica", answers, Boolean, 30_000);
    org = await createOrg("replica");
    survey = await createSurvey(org.orgId);
    server = await startServer({
      databaseUrl: process.env.DATABASE_URL!,
      env: {
        DATABASE_REPLICA_URLS: replicaUrl.toString(),
        REPLICA_POLL_MS: "200",
        REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      },
    });
    cookie = (await signIn(org.users.manager.email, TEST_PASSWORD, server.url))!;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await replica?.$disconnect();
    // The copy would replay the rest of the suite's writes for nothing.
    execFileSync("bash", ["scripts/postgres-replica.sh", "--remove", String(REPLICA_PORT)], { stdio: "pipe" });
  });

  it("serves the figures from the copy, says how old they are, and falls back to the primary past the limit", async () => {
    for (const score of [10, 9, 0]) expect((await submit(score)).status).toBe(201);
    await caughtUp();
    const before = await stored();
    await until("the server to read the caught-up replica", headlineN, (n) => n === before);
    expect(await dashboard()).not.toContain('data-testid="replica-lag"');

    // Hold the copy back, then write two more answers on the primary.
    await replica.$executeRawUnsafe("SELECT pg_wal_replay_pause()");
    const written = [await submit(10), await submit(2)];
    expect(written.map((r) => r.status)).toEqual([201, 201]);
    const pausedAt = Date.now();
    expect(await stored()).toBe(before + 2);

    // A page that shows what was just written reads the primary: both new answers are in the inbox at once.
    const inbox = await http("GET", `${server.url}/api/v1/responses?surveyId=${survey.id}`, { key: org.keys.viewer });
    expect(inbox.status).toBe(200);
    const listed = JSON.stringify(inbox.body);
    const rows = await db.response.findMany({ where: { clientId: { in: written.map((w) => w.clientId) } } });
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(listed).toContain(r.id);

    // The figures come from the copy: the two new answers are not counted yet...
    expect(await headlineN()).toBe(before);
    // ...and once it is noticeably behind (2 s), the dashboard says how old its figures are.
    let page = "";
    await until(
      "the lag notice",
      async () => (page = await dashboard()),
      (html) => html.includes('data-testid="replica-lag"'),
      MAX_LAG_SECONDS * 1000 - 2_000,
    );
    expect(page).toMatch(
      /Figures as of \d\d:\d\d:\d\d UTC: they are read from a copy of the database that is \d+ s behind/,
    );

    // Past REPLICA_MAX_LAG_SECONDS the copy is skipped: the primary's figures, and no notice.
    await until("the primary's figures", headlineN, (n) => n === before + 2);
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(MAX_LAG_SECONDS * 1000 - 500);
    expect(await dashboard()).not.toContain('data-testid="replica-lag"');

    // Let the copy go on: it catches up and serves the same figures again.
    await replica.$executeRawUnsafe("SELECT pg_wal_replay_resume()");
    await caughtUp();
    expect(await headlineN()).toBe(before + 2);
  }, 300_000);
});
