// First run on a brand-new database of the suite's kind (SQLite file or PostgreSQL database): nobody can
// sign in or become admin without the setup token; setup works once, even when two arrive together; the demo
// organization comes only on request, marked, with sample staff who cannot sign in; a server on it points
// /login at /setup until the first account exists and then closes setup. (lib/setup/service.ts)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper shared with the npm scripts
import { migrateDeploy } from "../../scripts/lib.mjs";
import { createDb, type Db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { completeSetup, demoLoginsPresent, setupOpen, setupToken } from "@/lib/setup/service";
import { startServer, type RunningServer } from "../server";
import { freshDatabase } from "./fresh-database";
import { http } from "./http";

const SECRET = "first-run-test-secret-0123456789abcdef";
let url: string;
let db: Db;
let dropDatabase: () => Promise<void> = async () => {};
let server: RunningServer;
let winner = "";

const input = (over: Partial<Parameters<typeof completeSetup>[0]> = {}) => ({
  token: setupToken(SECRET),
  orgName: "Acme Retail",
  name: "Ada Admin",
  email: "Ada@Acme.example",
  password: "quartz lantern orbit 42",
  demo: false,
  ...over,
});

beforeAll(async () => {
  ({ url, drop: dropDatabase } = await freshDatabase("first_run"));
  await migrateDeploy(url);
  db = createDb(url).db;
  server = await startServer({ databaseUrl: url, env: { NEXTAUTH_SECRET: SECRET } });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await dropDatabase();
});

describe("first run", () => {
  it("a new installation has no account and sends the sign-in page to setup", async () => {
    expect(await setupOpen(db)).toBe(true);
    expect(await db.user.count()).toBe(0);
    expect(await db.organization.count()).toBe(0);
    const login = await fetch(`${server.url}/login`, { redirect: "manual" });
    expect(login.status).toBe(307);
    expect(login.headers.get("location")).toMatch(/\/setup$/);
    const page = await fetch(`${server.url}/setup`);
    const html = await page.text();
    expect(html).toContain("Set up Resonance");
    expect(html).toContain("Setup token");
    expect(html).not.toContain(setupToken(SECRET)); // the page never gives the token away
  });

  it("the token is the server's secret's: a wrong one, or another installation's, creates nothing", async () => {
    for (const token of ["", "guess", setupToken("another-installation-secret-0123456789")]) {
      const error = await completeSetup(input({ token }), { db, secret: SECRET }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).invalidParams?.map((p) => p.name)).toEqual(["token"]);
    }
    expect(await db.user.count()).toBe(0);
  });

  it("two setups at the same moment: exactly one admin is created", async () => {
    const results = await Promise.allSettled([
      completeSetup(input(), { db, secret: SECRET }),
      completeSetup(input({ email: "mallory@evil.example", orgName: "Mallory" }), { db, secret: SECRET }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const users = await db.user.findMany({ include: { memberships: { include: { org: true } } } });
    expect(users).toHaveLength(1);
    winner = users[0].email;
    expect(users[0].memberships).toHaveLength(1);
    expect(users[0].memberships[0].role).toBe("admin");
    expect(users[0].memberships[0].source).toBe("setup");
    // The same organization as "Create organization" makes: its default channels are there to log interactions.
    expect(await db.channel.count({ where: { orgId: users[0].memberships[0].orgId } })).toBeGreaterThan(0);
    expect(await setupOpen(db)).toBe(false);
  });

  it("once an account exists, setup is closed for good and the sign-in page shows no demo hint", async () => {
    const again = await completeSetup(input({ email: "late@acme.example" }), { db, secret: SECRET }).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(ConflictError);
    const page = await (await fetch(`${server.url}/setup`)).text();
    expect(page).toContain("Resonance is set up");
    expect(page).not.toContain("Setup token");
    const login = await fetch(`${server.url}/login`, { redirect: "manual" });
    expect(login.status).toBe(200);
    const html = await login.text();
    expect(html).not.toContain("resonance-demo");
    expect(await demoLoginsPresent(db)).toBe(false);
  });

  it("the admin signs in with the password chosen at setup (the e-mail is stored in lower case)", async () => {
    expect(["ada@acme.example", "mallory@evil.example"]).toContain(winner);
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({
        csrfToken,
        email: winner.toUpperCase(),
        password: "quartz lantern orbit 42",
        json: "true",
      }),
      redirect: "manual",
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(cookie).toBeDefined();
    const me = await http("GET", `${server.url}/api/v1/me`, { cookie: cookie!.split(";")[0] });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(winner);
  });
});

describe("demo data on request", () => {
  let demoDb: Db;
  let demoUrl: string;
  let dropDemo: () => Promise<void>;
  beforeAll(async () => {
    ({ url: demoUrl, drop: dropDemo } = await freshDatabase("first_run_demo"));
    await migrateDeploy(demoUrl);
    demoDb = createDb(demoUrl).db;
  }, 180_000);
  afterAll(async () => {
    await demoDb?.$disconnect();
    await dropDemo?.();
  });

  it("adds the marked demo organization with the new admin as its admin; its staff accounts have no password", async () => {
    // A tenth of the full demo (~2,500 responses): the same generator and the same rows, in a tenth of the time.
    const done = await completeSetup(input({ demo: true }), { db: demoDb, secret: SECRET, demoScale: 0.1 });
    expect(done.demoOrgId).toBeTruthy();
    const demo = await demoDb.organization.findUniqueOrThrow({ where: { id: done.demoOrgId! } });
    expect((demo.settings as { demo?: boolean }).demo).toBe(true);
    const mine = await demoDb.membership.findMany({ where: { userId: done.userId }, orderBy: { createdAt: "asc" } });
    expect(mine.map((m) => [m.orgId, m.role]).sort()).toEqual(
      [
        [done.demoOrgId, "admin"],
        [done.orgId, "admin"],
      ].sort(),
    );
    const staff = await demoDb.user.findMany({ where: { email: { endsWith: "@demo.resonance.test" } } });
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.every((u) => u.passwordHash === null)).toBe(true);
    expect(await demoLoginsPresent(demoDb)).toBe(false);
    expect(await demoDb.response.count({ where: { orgId: done.demoOrgId! } })).toBeGreaterThan(1000);
  }, 300_000);
});
