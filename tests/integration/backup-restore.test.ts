// Backup and restore that lose nothing acknowledged (scripts/backup.ts, scripts/restore.ts, docs/operations.md
// "Backup and restore"), on the suite's database kind: SQLite (VACUUM INTO), PostgreSQL with pg_dump and with the
// logical export.
//   - Under ingestion load: clients post survey responses continuously to a production server; `npm run backup`
//     runs in the middle. Restored into a new database with `npm run restore`, every response acknowledged (2xx)
//     before the backup started is there with all its answers, every restored row is the source's, and a server
//     started on the restored database (`npm start`) serves the figures the source's rows give for the same data.
//   - An older backup (the upgrade fixture at the oldest schema) restores and is upgraded; a restore refuses a
//     database that is not empty unless --force, which backs it up first.
//   - A --force restore of a damaged backup, one of the other database's kind or one from a newer version is
//     refused before anything is touched.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cesFromCounts, csatFromCounts, distributionsByKey, npsFromCounts } from "@/lib/metrics";
import { freePort, startServer, type RunningServer } from "../server";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import {
  createAtMigrations,
  kindOf,
  loadRows,
  readTable,
  rowCounts,
  stableJson,
  withDb,
  type TableRows,
} from "../../scripts/sql-rows";
import { freshDatabase } from "./fresh-database";
import { script, startScript } from "./operator-script";

const source = process.env.DATABASE_URL!;
const kind = kindOf(source);
const formats = kind === "sqlite" ? ["sqlite"] : ["pg_dump", "logical"];
const root = path.resolve(import.meta.dirname, "../..");
const WORKERS = 6;
const env = { RESONANCE_PUBLIC_RATE_LIMITS: "100000000,100000000" }; // a load test, not a rate-limit test
const tsx = "node_modules/tsx/dist/cli.mjs";

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function database(prefix: string) {
  const d = await freshDatabase(prefix);
  cleanup.push(d.drop);
  return d.url;
}

async function backup(url: string, format: string, out?: string) {
  const args = [tsx, "scripts/backup.ts", ...(format === "sqlite" ? [] : ["--format", format])];
  const ran = await script(out ? [...args, "--out", out] : args, { DATABASE_URL: url }).done;
  expect(ran.code, ran.out).toBe(0);
  const file = path.resolve(root, ran.out.match(/backup written: (\S+)/)![1]);
  cleanup.push(async () => fs.rmSync(file, { force: true }));
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  return file;
}
const restore = (file: string, url: string, force = false) =>
  script([tsx, "scripts/restore.ts", file, ...(force ? ["--force"] : [])], { DATABASE_URL: url }).done;

type Sent = { clientId: string; score: number; sentAt: number; ackAt: number | null };

/** Headline figures of one organization from (metric, score) rows, with lib/metrics' maths. */
function figures(rows: { metric: string | null; score: number | null }[]) {
  const counts = new Map<string, { metric: string; score: number; count: number }>();
  for (const r of rows) {
    if (r.score === null || !r.metric) continue;
    const k = `${r.metric}:${r.score}`;
    counts.set(k, { metric: r.metric, score: r.score, count: (counts.get(k)?.count ?? 0) + 1 });
  }
  const d = distributionsByKey([...counts.values()].map((c) => ({ key: "all", ...c }))).get("all") ?? {
    nps: [],
    csat: [],
    ces: [],
  };
  return JSON.parse(
    JSON.stringify({ nps: npsFromCounts(d.nps), csat: csatFromCounts(d.csat), ces: cesFromCounts(d.ces) }),
  ) as unknown;
}

for (const format of formats) {
  describe(`backup and restore (${kind}, ${format})`, () => {
    let A: Org;
    let survey: Awaited<ReturnType<typeof createSurvey>>;
    let server: RunningServer | null = null;
    beforeAll(async () => {
      A = await createOrg("backup");
      survey = await createSurvey(A.orgId);
      server = await startServer({ databaseUrl: source, env });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("a backup under ingestion load restores every response acknowledged before it started; the restored installation serves the same figures", async () => {
      const sent: Sent[] = [];
      let running = true;
      const post = async (w: number) => {
        for (let n = 0; running; n++) {
          const score = (n * WORKERS + w) % 11;
          const item: Sent = { clientId: `backup-${randomUUID()}`, score, sentAt: Date.now(), ackAt: null };
          sent.push(item);
          const res = await fetch(`${server!.url}/api/v1/public/surveys/${survey.publicId}/responses`, {
            method: "POST",
            headers: { "content-type": "application/json", "user-agent": "Mozilla/5.0 (backup test)" },
            body: JSON.stringify({
              clientId: item.clientId,
              complete: true,
              answers: { nps: score, ...(score <= 6 ? { why_low: `Reason ${n}` } : {}), plan: n % 2 ? "pro" : "basic" },
            }),
          });
          await res.arrayBuffer();
          if (res.status >= 200 && res.status < 300) item.ackAt = Date.now();
          else throw new Error(`a response was answered ${res.status}`);
        }
      };
      const acked = () => sent.filter((s) => s.ackAt !== null).length;
      const until = async (n: number) => {
        const deadline = Date.now() + 60_000;
        while (acked() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      };
      const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => post(w)));
      let file: string, backupStarted: number, backupEnded: number, before: Sent[];
      try {
        await until(60);
        before = sent.filter((s) => s.ackAt !== null); // acknowledged before the backup started, exactly
        backupStarted = Date.now();
        file = await backup(source, format, path.join(root, `tmp/test-dbs/backup-${format}-${Date.now()}`));
        backupEnded = Date.now();
        await until(acked() + 30); // and the load goes on after it
      } finally {
        running = false;
        await load;
      }
      await server!.stop();
      server = null;

      const inFlight = sent.filter((s) => s.sentAt < backupStarted && (s.ackAt === null || s.ackAt >= backupStarted));
      const during = sent.filter((s) => s.ackAt !== null && s.ackAt >= backupStarted && s.ackAt <= backupEnded);
      console.log(
        `backup under load (${kind}, ${format}): ${sent.length} sent, ${acked()} acknowledged; ${before.length} before the backup started, ` +
          `${inFlight.length} in flight as it started, ${during.length} acknowledged while it ran (${backupEnded - backupStarted} ms)`,
      );
      expect(before.length).toBeGreaterThanOrEqual(60);
      expect(inFlight.length).toBeGreaterThan(0); // the backup started in the middle of the load

      const target = await database("restored");
      const restored = await restore(file, target);
      expect(restored.code, restored.out).toBe(0);
      expect(restored.out).toContain("the schema is already current");

      // Every response acknowledged before the backup started is there, with all its answers.
      const responseRows = (url: string) =>
        withDb(url, (c) =>
          c.query<{
            id: string;
            clientId: string;
            metric: string | null;
            score: number | null;
            submittedAt: string | Date;
            answers: number | string;
          }>(
            `SELECT r."id", r."clientId", r."metric", r."score", r."submittedAt", (SELECT COUNT(*) FROM "Answer" a WHERE a."responseId" = r."id") AS answers
             FROM "Response" r WHERE r."orgId" = ?`,
            [A.orgId],
          ),
        );
      const inRestore = new Map((await responseRows(target)).map((r) => [r.clientId, r]));
      const missing = before.filter((s) => !inRestore.has(s.clientId)).map((s) => s.clientId);
      expect(missing, "acknowledged before the backup, missing from the restore").toEqual([]);
      for (const s of before) expect(Number(inRestore.get(s.clientId)!.answers), s.clientId).toBe(s.score <= 6 ? 3 : 2);

      // Every restored row of the organization's responses and answers is the source's, value for value.
      for (const table of ["Response", "Answer"]) {
        const rows = async (url: string) => {
          const t = await withDb(url, (c) => readTable(c, table));
          const org = t.columns.findIndex((c) => c.name === "orgId");
          return { ...t, rows: t.rows.filter((r) => r[org] === A.orgId) } satisfies TableRows;
        };
        const [back, src] = [await rows(target), await rows(source)];
        const all = new Set(src.rows.map((r) => stableJson(r)));
        expect(
          back.rows.filter((r) => !all.has(stableJson(r))),
          table,
        ).toEqual([]);
        expect(back.rows.length).toBeGreaterThanOrEqual(before.length);
      }

      // A server on the restored database serves the figures the source's rows give for the same responses.
      const restoredIds = new Set([...inRestore.values()].map((r) => r.id));
      const window = Date.now() - 2 * 86_400_000; // the API's ?days=2
      const expected = figures(
        (await responseRows(source)).filter(
          (r) => restoredIds.has(r.id) && new Date(r.submittedAt).getTime() >= window,
        ),
      );
      const port = await freePort();
      const start = await startScript(target, port);
      try {
        expect(start.output()).toContain("the schema is current");
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/metrics/headline?days=2`, {
          headers: { authorization: `Bearer ${A.keys.viewer}` },
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { nps: { n: number }; csat: unknown; ces: unknown };
        expect({ nps: body.nps, csat: body.csat, ces: body.ces }).toEqual(expected);
        expect(body.nps.n).toBeGreaterThanOrEqual(before.length); // real figures, not empty ones
      } finally {
        await start.stop();
      }
    }, 240_000);

    // The upgrade after a restore is the same code for every format; on PostgreSQL it runs once, with the logical
    // export (the format restore builds the old schema for itself), to keep the suite's time down.
    it.skipIf(format === "pg_dump")(
      "an older backup restores and is upgraded; a database that is not empty is refused unless --force",
      async () => {
        const fixture = JSON.parse(fs.readFileSync(path.join(root, "tests/upgrade/oldest.json"), "utf8")) as {
          migrations: Record<typeof kind, string[]>;
          tables: TableRows[];
        };
        const old = await database("old_install");
        createAtMigrations(old, fixture.migrations[kind]);
        await withDb(old, (c) => loadRows(c, fixture.tables));
        const file = await backup(old, format); // the default place: backups/, mode 600
        expect(path.dirname(file)).toBe(path.join(root, "backups"));

        const target = await database("restore_old");
        const first = await restore(file, target);
        expect(first.code, first.out).toBe(0);
        expect(first.out).toMatch(/applied \d+ migrations?: the backup is upgraded to this version/);
        const counts = await withDb(target, rowCounts);
        for (const t of fixture.tables) expect(counts[t.name], t.name).toBe(t.rows.length);

        // Not over a database that holds something…
        const again = await restore(file, target);
        expect(again.code).toBe(1);
        expect(again.out).toContain("is not empty");
        expect(await withDb(target, rowCounts)).toEqual(counts);
        // …unless told to: then it is replaced by the backup, upgraded again.
        const forced = await restore(file, target, true);
        expect(forced.code, forced.out).toBe(0);
        expect(forced.out).toContain("--force: replacing");
        // what was replaced is backed up first, where the operator is told
        const copy = path.resolve(root, /backed up to (\S+)/.exec(forced.out)![1]);
        cleanup.push(async () => fs.rmSync(copy, { force: true }));
        expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
        expect(forced.out).toMatch(/applied \d+ migrations?/);
        expect(await withDb(target, rowCounts)).toEqual(counts);
      },
      240_000,
    );
  });
}

describe(`a --force restore that cannot succeed changes nothing (${kind})`, () => {
  it("a damaged backup, one of the other database's kind, and one from a newer version are refused before anything is touched", async () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(root, "tests/upgrade/oldest.json"), "utf8")) as {
      migrations: Record<typeof kind, string[]>;
      tables: TableRows[];
    };
    const target = await database("force_safe");
    createAtMigrations(target, fixture.migrations[kind]);
    await withDb(target, (c) => loadRows(c, fixture.tables));
    const before = await withDb(target, rowCounts);
    const dir = fs.mkdtempSync(path.join(root, "tmp/restore-bad-"));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, content: Buffer | string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, content);
      return f;
    };

    const bad: [string, string, RegExp][] = [
      [
        "damaged",
        kind === "sqlite"
          ? write("damaged.db", Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4096, 7)]))
          : write("damaged.pgdump", Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(4096, 7)])),
        kind === "sqlite" ? /damaged|not a database|malformed|file is not/i : /not a readable pg_dump archive/,
      ],
      [
        "other kind",
        kind === "sqlite"
          ? write("other.pgdump", Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(64, 0)]))
          : write("other.db", Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(64, 0)])),
        /restores into/,
      ],
    ];
    // From a newer version: this version's backup with one more migration recorded than it ships.
    const newer = await database("force_newer");
    createAtMigrations(newer, fixture.migrations[kind]);
    await withDb(newer, async (c) => {
      await c.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, started_at, applied_steps_count) VALUES ('future', 'x', '29990101000000_from_the_future', ${kind === "sqlite" ? "1" : "now()"}, ${kind === "sqlite" ? "1" : "now()"}, 1)`,
      );
    });
    bad.push(["newer", await backup(newer, kind === "sqlite" ? "sqlite" : "logical"), /taken by a newer version/]);

    for (const [what, file, message] of bad) {
      const r = await restore(file, target, true);
      expect(r.code, `${what}: ${r.out}`).toBe(1);
      expect(r.out, what).toMatch(message);
      expect(r.out, what).not.toContain("--force: replacing");
      expect(await withDb(target, rowCounts), what).toEqual(before);
    }
  }, 180_000);
});
