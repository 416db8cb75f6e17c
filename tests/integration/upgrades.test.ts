// Upgrading cannot corrupt (scripts/migrate.mjs, lib/schema-status.ts, docs/operations.md "Upgrading"), on the
// suite's database kind, each test on a brand-new database:
//   - several instances starting together: exactly one applies the migrations, the others wait and find the
//     schema current;
//   - an instance that finds the migration lock held waits for it, however long;
//   - a migration that fails does not crash `npm start` into a restart loop: the server comes up, answers 503
//     naming the migration (pages, API and /api/health), and serves again once the operator has resolved it;
//   - PostgreSQL: a migration that fails halfway leaves no partial change and is recorded as failed.
import pg from "pg";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper shared with the npm scripts
import { withMigrationLock } from "../../scripts/migrate.mjs";
import { freePort } from "../server";
import { committed as committedOf, deployMigrations } from "../../scripts/sql-rows";
import { freshDatabase } from "./fresh-database";
import { migrateScript, startScript } from "./operator-script";

const kind = process.env.DATABASE_URL!.startsWith("file:") ? "sqlite" : "postgresql";
const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (drops.length) await drops.pop()!();
});

async function database(prefix: string) {
  const d = await freshDatabase(prefix);
  drops.push(d.drop);
  return d.url;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    try {
      const statement = db.prepare(sql);
      if (!statement.reader) return (statement.run(), []);
      return statement.all() as T[];
    } finally {
      db.close();
    }
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}
const committed = async () => committedOf(kind);

describe(`upgrades (${kind})`, () => {
  it("three instances migrating at once: one applies every migration, the others wait and find the schema current", async () => {
    const url = await database("upgrade_race");
    const runs = await Promise.all([migrateScript(url), migrateScript(url), migrateScript(url)].map((r) => r.done));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const all = await committed();
    expect(runs.filter((r) => r.out.includes(`applied ${all.length} migrations`))).toHaveLength(1);
    expect(runs.filter((r) => r.out.includes("the schema is already current"))).toHaveLength(2);
    const rows = await query<{ name: string; done: number | boolean }>(
      url,
      `SELECT migration_name AS name, (finished_at IS NOT NULL) AS done FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.name)).toEqual(all.sort());
    expect(rows.every((r) => Boolean(r.done))).toBe(true);
  }, 180_000);

  it("an instance that finds the lock held waits until it is released, then finds nothing to do", async () => {
    const url = await database("upgrade_wait");
    expect((await migrateScript(url).done).code).toBe(0);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const holder = withMigrationLock(url, async () => {
      held();
      await released;
    });
    await holding;
    const second = migrateScript(url);
    await second.printed(/another instance is migrating this database: waiting/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(second.child.exitCode).toBeNull(); // still waiting after 1.5 s (Prisma's own lock would give up at 10 s)
    release();
    await holder;
    const ran = await second.done;
    expect(ran.code).toBe(0);
    expect(ran.out).toContain("the schema is already current");
  }, 120_000);

  it("a failed migration: npm start comes up answering 503 that names it, and serves once it is resolved", async () => {
    const url = await database("upgrade_fail");
    expect((await migrateScript(url).done).code).toBe(0);
    // Make a migration fail the way a bad upgrade does: the database forgets it applied one that creates a table,
    // so the next start runs it again and the CREATE TABLE fails on the table that exists.
    const victim = (await committed()).sort().find((n) => n.endsWith("_rate_limit_buckets"))!;
    expect(victim).toBeTruthy();
    await query(url, `DELETE FROM _prisma_migrations WHERE migration_name = '${victim}'`);

    const port = await freePort();
    const start = await startScript(url, port);
    try {
      expect(start.output()).toContain(`the database upgrade stopped at migration ${victim}`);
      expect(start.output()).toContain(`not serving: The database upgrade stopped at migration ${victim}`);

      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "unavailable", schema: "not_current" });
      const page = await fetch(`${base}/login`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("15");
      expect(await page.text()).toContain(victim);
      const api = await fetch(`${base}/api/v1/me`);
      expect(api.status).toBe(503);
      expect(api.headers.get("content-type")).toBe("application/problem+json");
      expect((await api.json()).detail).toContain(victim);

      // The operator resolves it (here the table is there, so the migration counts as applied: what
      // `prisma migrate resolve --applied` records) and the same process serves again at its next check.
      const now = kind === "sqlite" ? "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')" : "now()";
      await query(
        url,
        `UPDATE _prisma_migrations SET finished_at = ${now}, rolled_back_at = NULL, applied_steps_count = 1, logs = NULL
         WHERE migration_name = '${victim}'`,
      );
      await start.printed(/the schema is current: serving/);
      const again = await fetch(`${base}/api/health`);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: "ok", schema: "current", database: "ok" });
    } finally {
      await start.stop();
    }
  }, 180_000);
});

describe.runIf(kind === "postgresql")("a PostgreSQL migration failing halfway", () => {
  it("leaves no partial change: the statements before the failing one are undone, and the migration is recorded as failed", async () => {
    const url = await database("upgrade_halfway");
    const all = (await committed()).sort();
    expect(deployMigrations(url, all).code).toBe(0);
    await query(
      url,
      `INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ('org1', 'Before', 'before', now())`,
    );
    const name = "29991231000000_fails_halfway";
    const ran = deployMigrations(url, all, {
      [name]: [
        `ALTER TABLE "Organization" ADD COLUMN "halfwayProbe" TEXT NOT NULL DEFAULT 'added';`,
        `UPDATE "Organization" SET "name" = 'Changed by a half-applied migration';`,
        `INSERT INTO "NoSuchTable" ("id") VALUES ('fails here');`,
      ].join("\n"),
    });
    expect(ran.code).not.toBe(0);
    expect(ran.out).toContain(name);
    // The first statements' effects are absent: no new column, the data as it was.
    const columns = await query<{ column_name: string }>(
      url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Organization' AND column_name = 'halfwayProbe'`,
    );
    expect(columns).toEqual([]);
    expect(await query(url, `SELECT "name" FROM "Organization" WHERE "id" = 'org1'`)).toEqual([{ name: "Before" }]);
    // Prisma records it as failed (started, not finished, not rolled back), which stops the next start until resolved.
    const rows = await query<{ finished: boolean; rolledBack: boolean; logs: string | null }>(
      url,
      `SELECT (finished_at IS NOT NULL) AS finished, (rolled_back_at IS NOT NULL) AS "rolledBack", logs
       FROM _prisma_migrations WHERE migration_name = '${name}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ finished: false, rolledBack: false });
    expect(rows[0].logs).toContain("NoSuchTable");
  }, 120_000);
});

describe("GET /api/health", () => {
  it("says the version and that the schema is current", async () => {
    const { http } = await import("./http");
    const { version } = (await import("../../package.json")).default;
    const res = await http("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", version, database: "ok", schema: "current" });
  });
});
