// Upgrading an installation from the oldest schema Resonance supports to this version keeps everything, on the
// suite's database kind (docs/operations.md, "Upgrading"). The committed fixture tests/upgrade/oldest.json
// (scripts/build-upgrade-fixture.ts) is a database at the first migration with two organizations of demo data. It is
// loaded into a brand-new database created with only those migrations, then upgraded by the real
// `npm run db:migrate` (scripts/migrate.mjs), so every migration added later runs through this test:
//   - every table keeps every row, and every value of every column the old schema had;
//   - the upgraded schema has the same tables and columns as a database created new at this version;
//   - NPS, CSAT and CES (with n and intervals), read over HTTP from the upgraded installation through the real
//     dashboard code, equal those the old rows give, per organization, and records read through the API are the
//     fixture's;
//   - migrating again, and `npm start`, change nothing: "the schema is already current", same checksum.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cesFromCounts, csatFromCounts, distributionsByKey, npsFromCounts } from "@/lib/metrics";
import { freePort } from "../server";
import {
  checksum,
  columns,
  createAtMigrations,
  kindOf,
  loadRows,
  committed as committedOf,
  readTable,
  rowCounts,
  stableJson,
  tables,
  withDb,
  type TableRows,
  type Value,
} from "../../scripts/sql-rows";
import { freshDatabase } from "./fresh-database";
import { migrateScript, startScript } from "./operator-script";

type Fixture = {
  now: string;
  migrations: { sqlite: string[]; postgresql: string[] };
  apiKey: string;
  tables: TableRows[];
};
const fixture = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../upgrade/oldest.json"), "utf8"),
) as Fixture;
const kind = kindOf(process.env.DATABASE_URL!);
const committed = committedOf(kind);

/**
 * Values a migration changes on purpose, per "Table.column": a function giving the value expected after the upgrade
 * from the fixture's row (as an object). Empty today: no migration since the oldest schema rewrites old data. A
 * future migration that does must say so here (and in CHANGELOG.md's upgrade notes), or this test fails.
 */
const INTENDED_CHANGES: Record<string, (row: Record<string, Value>) => Value> = {};

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  while (drops.length) await drops.pop()!();
});

const table = (name: string) => fixture.tables.find((t) => t.name === name)!;
const asObject = (t: TableRows, row: Value[]) => Object.fromEntries(t.columns.map((c, i) => [c.name, row[i]]));
const orgIds = table("Organization").rows.map((r) => asObject(table("Organization"), r).id as string);
const demoOrg = table("Organization")
  .rows.map((r) => asObject(table("Organization"), r))
  .find((o) => o.slug === "demo")!;

/** Headline figures from the rows as stored at the old schema: the grouped counts, then lib/metrics' maths. */
async function headlineFromRows(url: string, orgId: string) {
  const counts = await withDb(url, (c) =>
    c.query<{ metric: string; score: number; n: number | string }>(
      `SELECT "metric", "score", COUNT(*) AS n FROM "Response"
       WHERE "orgId" = ? AND "score" IS NOT NULL AND "metric" IN ('nps', 'csat', 'ces') GROUP BY "metric", "score"`,
      [orgId],
    ),
  );
  const d = distributionsByKey(
    counts.map((r) => ({ key: "all", metric: r.metric, score: r.score, count: Number(r.n) })),
  ).get("all")!;
  return JSON.parse(
    JSON.stringify({ nps: npsFromCounts(d.nps), csat: csatFromCounts(d.csat), ces: cesFromCounts(d.ces) }),
  ) as unknown;
}

describe(`upgrade from the oldest supported schema (${kind}, ${fixture.migrations[kind].join(", ")})`, () => {
  let url: string;
  let before: {
    counts: Record<string, number>;
    headline: Map<string, unknown>;
  };
  let migrated: { code: number | null; out: string };

  beforeAll(async () => {
    const d = await freshDatabase("upgrade_oldest");
    drops.push(d.drop);
    url = d.url;
    createAtMigrations(url, fixture.migrations[kind]);
    await withDb(url, (c) => loadRows(c, fixture.tables));
    const headline = new Map<string, unknown>();
    for (const id of orgIds) headline.set(id, await headlineFromRows(url, id));
    before = { counts: await withDb(url, rowCounts), headline };
    migrated = await migrateScript(url).done;
    if (kind === "sqlite") {
      // The copy npm start / db:migrate takes before upgrading a SQLite file that holds data: not this test's to keep.
      const copy = migrated.out.match(/copied the database to (\S+)/)?.[1];
      if (copy) drops.push(async () => fs.rmSync(path.resolve(import.meta.dirname, "../..", copy), { force: true }));
    }
  }, 240_000);

  it("loads the fixture as it was: every table at the old schema holds the fixture's rows", () => {
    for (const t of fixture.tables) expect(before.counts[t.name], t.name).toBe(t.rows.length);
    expect(Object.keys(before.counts).sort()).toEqual(fixture.tables.map((t) => t.name).sort());
  });

  it("applies every later migration with the real migrate command", () => {
    expect(migrated.code, migrated.out).toBe(0);
    const later = committed.length - fixture.migrations[kind].length;
    expect(migrated.out).toContain(`applied ${later} migration${later === 1 ? "" : "s"}`);
    if (kind === "sqlite") expect(migrated.out).toMatch(/copied the database to \S+before-/);
  });

  it("keeps every row of every table, and every value of every column the old schema had", async () => {
    const counts = await withDb(url, rowCounts);
    const lost = fixture.tables
      .filter((t) => counts[t.name] !== t.rows.length)
      .map((t) => `${t.name}: ${t.rows.length} → ${counts[t.name]}`);
    expect(lost, "row counts changed").toEqual([]);
    await withDb(url, async (c) => {
      for (const t of fixture.tables) {
        const now = await columns(c, t.name);
        const missing = t.columns.filter((x) => !now.some((n) => n.name === x.name)).map((x) => x.name);
        expect(missing, `${t.name}: columns gone`).toEqual([]);
        const after = await readTable(c, t.name, t.columns);
        expect(after.rows.length, t.name).toBe(t.rows.length);
        const expected = t.rows.map((row) => {
          const o = asObject(t, row);
          return t.columns.map((x) => INTENDED_CHANGES[`${t.name}.${x.name}`]?.(o) ?? o[x.name]);
        });
        const key = (r: Value[]) => stableJson(r);
        const want = new Set(expected.map(key));
        const changed = after.rows.filter((r) => !want.has(key(r)));
        expect(changed.slice(0, 3), `${t.name}: rows not as they were (${changed.length})`).toEqual([]);
      }
    });
  });

  it("gives every organization the same headline figures from its rows as before", async () => {
    for (const id of orgIds) expect(await headlineFromRows(url, id), id).toEqual(before.headline.get(id));
  });

  it("ends with the schema of a database created new at this version", async () => {
    const fresh = await freshDatabase("upgrade_new");
    drops.push(fresh.drop);
    expect((await migrateScript(fresh.url).done).code).toBe(0);
    const shape = (u: string) =>
      withDb(u, async (c) => {
        const out: Record<string, string[]> = {};
        for (const t of await tables(c)) out[t] = (await columns(c, t)).map((x) => `${x.name}:${x.type}`).sort();
        return out;
      });
    expect(await shape(url)).toEqual(await shape(fresh.url));
  }, 120_000);

  it("a second migrate and npm start change nothing; the upgraded installation serves the same figures and records", async () => {
    const upgraded = await withDb(url, checksum);
    const again = await migrateScript(url).done;
    expect(again.code).toBe(0);
    expect(again.out).toContain("the schema is already current");
    expect(await withDb(url, checksum)).toBe(upgraded);

    const port = await freePort();
    const start = await startScript(url, port);
    try {
      expect(start.output()).toContain("the schema is current");
      expect(await withDb(url, checksum)).toBe(upgraded); // before any request: starting wrote nothing
      const base = `http://127.0.0.1:${port}`;
      const get = async (p: string) => {
        const res = await fetch(base + p, { headers: { authorization: `Bearer ${fixture.apiKey}` } });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const health = await get("/api/health");
      expect(health.body).toMatchObject({ status: "ok", schema: "current" });

      // The fixture's key belongs to the demo organization: its figures over every day the fixture covers.
      const earliest = Math.min(
        ...table("Response").rows.map((r) => Date.parse(String(asObject(table("Response"), r).submittedAt))),
      );
      const days = Math.ceil((Date.now() - earliest) / 86_400_000) + 1;
      expect(days, "the fixture's responses fall outside the API's longest window: rebuild it").toBeLessThanOrEqual(
        3650,
      );
      const headline = await get(`/api/v1/metrics/headline?days=${days}`);
      expect(headline.status).toBe(200);
      const figures = { nps: headline.body.nps, csat: headline.body.csat, ces: headline.body.ces };
      expect(figures).toEqual(before.headline.get(demoOrg.id as string));
      expect((figures.nps as { n: number }).n).toBeGreaterThan(100); // real figures, not empty ones

      // Records read through the API are the fixture's, and the other organization's are not found.
      const customers = table("Customer");
      const sample = customers.rows.map((r) => asObject(customers, r)).filter((_, i) => i % 10 === 0);
      for (const c of sample) {
        const res = await get(`/api/v1/customers/${c.id}`);
        if (c.orgId !== demoOrg.id) {
          expect(res.status).toBe(404);
          continue;
        }
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: c.id, name: c.name, email: c.email, externalId: c.externalId });
      }
      const responses = table("Response");
      const withComments = responses.rows
        .map((r) => asObject(responses, r))
        .filter((r) => r.orgId === demoOrg.id && r.comment)
        .slice(0, 10);
      for (const r of withComments) {
        const res = await get(`/api/v1/responses/${r.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: r.id, metric: r.metric, score: r.score, comment: r.comment });
      }
      const cases = table("Case");
      for (const k of cases.rows
        .map((r) => asObject(cases, r))
        .filter((x) => x.orgId === demoOrg.id)
        .slice(0, 5)) {
        const res = await get(`/api/v1/cases/${k.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: k.id, title: k.title, status: k.status, priority: k.priority });
      }
    } finally {
      await start.stop();
    }
  }, 180_000);
});
