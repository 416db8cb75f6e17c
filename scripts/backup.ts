// `npm run backup [-- --out <file>] [--format pg_dump|logical]`: a consistent copy of the database DATABASE_URL
// names (default the SQLite file), taken while the server serves and takes responses (docs/operations.md,
// "Backup and restore"). Written with mode 600 to backups/ unless --out says otherwise; prints its path.
//   - SQLite: `VACUUM INTO` (one read snapshot; writers go on) → backups/<name>-<time>.db, itself a database file.
//   - PostgreSQL: `pg_dump --format=custom` when pg_dump is on PATH and at least as new as the server
//     → backups/<database>-<time>.pgdump; otherwise (or --format logical) a logical export → …-<time>.ndjson.gz:
//     every table read in one REPEATABLE READ READ ONLY transaction (one snapshot), gzipped JSON lines: a header
//     naming the applied migrations, then per table its columns and rows (scripts/restore.ts reads it).
// What a backup holds, a restore gives back: every response acknowledged before the backup started.
// Not included: the secrets (NEXTAUTH_SECRET or data/auth-secret, WEBHOOK_SECRET_KEY): keep them too.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";
import packageJson from "../package.json";
// @ts-expect-error plain ESM helpers shared with the npm scripts
import { appliedMigrations, backupSqlite, fileStamp, isPostgres, sqliteFile } from "./migrate.mjs";
import { columns, LOGICAL_FORMAT, open, pgToolConnection, root, tableBatches, tables, transaction } from "./sql-rows";

/** The major version of the pg_dump on PATH, or null when there is none. */
function pgDumpMajor(): number | null {
  const r = spawnSync("pg_dump", ["--version"], { encoding: "utf8" });
  const m = r.status === 0 ? r.stdout.match(/(\d+)(?:\.\d+)?/) : null;
  return m ? Number(m[1]) : null;
}

async function logicalExport(url: string, target: string): Promise<void> {
  const c = await open(url);
  try {
    // One snapshot for every table: rows committed after it began are not in it, rows committed before all are.
    await transaction(
      c,
      async () => {
        const migrations = (
          await c.query<{ name: string }>(
            `SELECT migration_name AS name FROM _prisma_migrations
             WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
          )
        ).map((r) => r.name);
        const names = await tables(c);
        async function* lines() {
          yield `${JSON.stringify({ format: LOGICAL_FORMAT, version: 1, kind: "postgresql", app: packageJson.version, takenAt: new Date().toISOString(), migrations })}\n`;
          for (const t of names) {
            const cols = await columns(c, t);
            yield `${JSON.stringify({ table: t, columns: cols })}\n`;
            for await (const batch of tableBatches(c, t, cols))
              yield batch.map((r) => `${JSON.stringify(r)}\n`).join("");
          }
          yield `${JSON.stringify({ end: true })}\n`;
        }
        await pipeline(
          Readable.from(lines()),
          createGzip(),
          fs.createWriteStream(target, { mode: 0o600, flags: "wx" }),
        );
      },
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    );
  } finally {
    await c.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, format: { type: "string" } } });
  const url = process.env.DATABASE_URL ?? "file:data/resonance.db";
  const applied: string[] = await appliedMigrations(url);
  if (!applied.length) throw new Error("this database has no Resonance schema yet: nothing to back up");
  const stamp = fileStamp();
  const dir = path.join(root, "backups");
  const started = Date.now();
  let target: string;
  let format: string;
  if (!isPostgres(url)) {
    format = "sqlite";
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    target = path.resolve(values.out ?? path.join(dir, `${path.basename(sqliteFile(url), ".db")}-${stamp}.db`));
    backupSqlite(url, "", target);
  } else {
    const server = await open(url);
    const serverMajor = Math.floor(
      Number((await server.query<{ v: string }>("SELECT current_setting('server_version_num') AS v"))[0].v) / 10000,
    );
    await server.close();
    const dumpMajor = pgDumpMajor();
    format = values.format ?? (dumpMajor !== null && dumpMajor >= serverMajor ? "pg_dump" : "logical");
    if (!values.format && format === "logical")
      console.log(
        dumpMajor === null
          ? "pg_dump is not on PATH: writing a logical export instead"
          : `pg_dump ${dumpMajor} is older than the server (${serverMajor}): writing a logical export instead`,
      );
    const base = path.join(dir, `${new URL(url).pathname.slice(1) || "resonance"}-${stamp}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (format === "pg_dump") {
      target = path.resolve(values.out ?? `${base}.pgdump`);
      const { dbname, env } = pgToolConnection(url);
      const umask = process.umask(0o077);
      const r = spawnSync(
        "pg_dump",
        ["--format=custom", "--no-owner", "--no-privileges", "--file", target, "--dbname", dbname],
        { env, encoding: "utf8" },
      );
      process.umask(umask);
      if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr || r.error}`);
      fs.chmodSync(target, 0o600);
    } else if (format === "logical") {
      target = path.resolve(values.out ?? `${base}.ndjson.gz`);
      await logicalExport(url, target);
    } else throw new Error(`--format must be pg_dump or logical, not ${format}`);
  }
  const size = fs.statSync(target).size;
  console.log(
    `backup written: ${path.relative(process.cwd(), target) || target} (${format}, ${(size / 1e6).toFixed(2)} MB, ` +
      `${applied.length} migrations, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(
    "Keep the secrets with it (NEXTAUTH_SECRET or data/auth-secret, and WEBHOOK_SECRET_KEY if set): they are not in the backup.",
  );
}

main().catch((error: unknown) => {
  console.error(`✖ backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
