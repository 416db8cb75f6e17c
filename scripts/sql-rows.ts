// Plain SQL on a database of either kind, whatever its schema (the Prisma client knows only the current one): create
// a database at a given set of migrations, read every table in one canonical form (dates as ISO strings, booleans,
// parsed JSON) and load such rows into either database, count and checksum. Used by the logical backup and restore
// (scripts/backup.ts, scripts/restore.ts), the upgrade fixture (scripts/build-upgrade-fixture.ts) and the tests
// that read databases at old schemas (tests/integration/upgrade-from-oldest.test.ts, backup-restore.test.ts).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { committedMigrations, migrationsFolder } from "../lib/migrations.mjs";

export const root = path.resolve(import.meta.dirname, "..");
export type Kind = "sqlite" | "postgresql";
export const kindOf = (url: string): Kind => (url.startsWith("file:") ? "sqlite" : "postgresql");
export const migrationsDir = (kind: Kind) => migrationsFolder(root, kind);
export const committed = (kind: Kind) => committedMigrations(root, kind);

/** The first line of a logical backup (scripts/backup.ts) says this. */
export const LOGICAL_FORMAT = "resonance-logical-backup";

/** Query parameters libpq's tools (pg_dump, pg_restore) understand and that hold no secret; others are left out. */
const LIBPQ_PARAMETERS = new Set([
  "host",
  "port",
  "sslmode",
  "sslrootcert",
  "sslcert",
  "sslkey",
  "sslcrl",
  "connect_timeout",
  "application_name",
  "target_session_attrs",
  "options",
]);

/**
 * A connection for pg tools without the password on their command line (other users can read that): PGPASSWORD.
 * Parameters only Prisma or node-postgres know (`schema`, `connection_limit`, `pgbouncer`…) would make the tools
 * refuse the URL, and a `password` parameter must not reach the command line either: both are dropped (a password
 * given as a parameter goes to PGPASSWORD too).
 */
export function pgToolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password) || u.searchParams.get("password") || "";
  u.password = "";
  for (const key of [...u.searchParams.keys()]) if (!LIBPQ_PARAMETERS.has(key)) u.searchParams.delete(key);
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Column types as both databases store them: SQLite's declared types, PostgreSQL's data_type. */
export type ColumnType = "text" | "integer" | "real" | "boolean" | "datetime" | "json";
export type Column = { name: string; type: ColumnType };
export type Value = string | number | boolean | null | { [k: string]: unknown } | unknown[];
export type TableRows = { name: string; columns: Column[]; rows: Value[][] };

function columnType(declared: string): ColumnType {
  const t = declared.toLowerCase();
  if (t.startsWith("timestamp") || t === "datetime") return "datetime";
  if (t === "boolean") return "boolean";
  if (t.startsWith("json")) return "json";
  if (t === "integer" || t === "bigint" || t === "smallint") return "integer";
  if (t === "real" || t === "double precision" || t === "numeric" || t.startsWith("decimal")) return "real";
  return "text";
}

export type Client = {
  kind: Kind;
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
};

/** SQL written with `?` placeholders; PostgreSQL gets them as $1, $2… */
export async function open(url: string): Promise<Client> {
  if (kindOf(url) === "sqlite") {
    const db = new Database(url.slice("file:".length).replace(/^\/\//, ""), { timeout: 15_000 });
    db.pragma("foreign_keys = ON");
    return {
      kind: "sqlite",
      query: async <T>(sql: string, params: unknown[] = []) => {
        const s = db.prepare(sql);
        if (s.reader) return s.all(...params) as T[];
        s.run(...params);
        return [];
      },
      close: async () => void db.close(),
    };
  }
  // timestamp(3) without time zone holds UTC here (Prisma's convention): read it as UTC, whatever TZ says.
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 1114
        ? (v: string) => new Date(`${v.replace(" ", "T")}Z`).toISOString()
        : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
  };
  const client = new pg.Client({ connectionString: url, types: types as pg.CustomTypesConfig });
  await client.connect();
  return {
    kind: "postgresql",
    query: async <T>(sql: string, params: unknown[] = []) => {
      let i = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++i}`),
          params,
        )
      ).rows as T[];
    },
    close: () => client.end(),
  };
}

export async function withDb<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = await open(url);
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

/** The database's tables (Prisma's _prisma_migrations left out), parents before children. */
export async function tables(c: Client): Promise<string[]> {
  let names: string[];
  const parents = new Map<string, Set<string>>();
  if (c.kind === "sqlite") {
    names = (
      await c.query<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
      )
    ).map((r) => r.name);
    for (const n of names)
      parents.set(
        n,
        new Set(
          (await c.query<{ table: string }>(`SELECT "table" FROM pragma_foreign_key_list(?)`, [n])).map((r) => r.table),
        ),
      );
  } else {
    names = (
      await c.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
      )
    ).map((r) => r.name);
    for (const r of await c.query<{ child: string; parent: string }>(
      `SELECT tc.table_name AS child, ccu.table_name AS parent FROM information_schema.table_constraints tc
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
    ))
      (parents.get(r.child) ?? parents.set(r.child, new Set()).get(r.child)!).add(r.parent);
  }
  const ordered: string[] = [];
  const visit = (n: string, seen: Set<string>) => {
    if (ordered.includes(n) || seen.has(n)) return;
    seen.add(n);
    for (const p of [...(parents.get(n) ?? [])].sort()) if (p !== n && names.includes(p)) visit(p, seen);
    ordered.push(n);
  };
  for (const n of names.sort()) visit(n, new Set());
  return ordered;
}

export async function columns(c: Client, table: string): Promise<Column[]> {
  if (c.kind === "sqlite")
    return (
      await c.query<{ name: string; type: string }>(`SELECT name, type FROM pragma_table_info(?) ORDER BY cid`, [table])
    ).map((r) => ({ name: r.name, type: columnType(r.type) }));
  return (
    await c.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`,
      [table],
    )
  ).map((r) => ({ name: r.name, type: columnType(r.type) }));
}

/** A stored value in the canonical form both databases are compared in. */
function canonical(kind: Kind, type: ColumnType, v: unknown): Value {
  if (v === null || v === undefined) return null;
  switch (type) {
    case "datetime":
      return new Date(v instanceof Date ? v : String(v)).toISOString();
    case "boolean":
      return v === true || v === 1 || v === "1" || v === "t";
    case "json":
      // SQLite keeps JSON as text; pg hands jsonb over parsed (a JSON string value arrives as a JS string).
      return kind === "sqlite" && typeof v === "string" ? (JSON.parse(v) as Value) : (v as Value);
    case "integer":
    case "real":
      return Number(v);
    default:
      return String(v);
  }
}

/** A canonical value as the database takes it as a parameter. */
function stored(kind: Kind, type: ColumnType, v: Value): unknown {
  if (v === null) return null;
  if (type === "json") return JSON.stringify(v);
  if (kind === "sqlite" && type === "boolean") return v ? 1 : 0;
  // Prisma's SQLite form: 2026-05-10T20:59:47.690+00:00
  if (kind === "sqlite" && type === "datetime") return new Date(String(v)).toISOString().replace("Z", "+00:00");
  return v;
}

/** Every row of a table, canonical, in a stable order (by the canonical text of the row). */
export async function readTable(c: Client, table: string, cols?: Column[]): Promise<TableRows> {
  const cs = cols ?? (await columns(c, table));
  const raw = await c.query<Record<string, unknown>>(
    `SELECT ${cs.map((x) => `"${x.name}"`).join(", ")} FROM "${table}"`,
  );
  const rows = raw.map((r) => cs.map((x) => canonical(c.kind, x.type, r[x.name])));
  rows.sort((a, b) => (stableJson(a) < stableJson(b) ? -1 : 1));
  return { name: table, columns: cs, rows };
}

/** Rows of a PostgreSQL table, canonical, `size` at a time, without holding the table in memory (a cursor). */
export async function* tableBatches(c: Client, table: string, cols: Column[], size = 2000): AsyncGenerator<Value[][]> {
  const select = `SELECT ${cols.map((x) => `"${x.name}"`).join(", ")} FROM "${table}"`;
  const shape = (raw: Record<string, unknown>[]) =>
    raw.map((r) => cols.map((x) => canonical(c.kind, x.type, r[x.name])));
  // Only the PostgreSQL logical export reads tables in batches (scripts/backup.ts); a SQLite database is backed up
  // whole with VACUUM INTO (scripts/migrate.mjs backupSqlite).
  if (c.kind === "sqlite") throw new Error("tableBatches reads PostgreSQL tables only");
  const cursor = `rows_${table.replace(/\W/g, "_")}`;
  await c.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${select}`); // inside the caller's transaction
  try {
    for (;;) {
      const raw = await c.query<Record<string, unknown>>(`FETCH ${size} FROM ${cursor}`);
      if (!raw.length) return;
      yield shape(raw);
    }
  } finally {
    await c.query(`CLOSE ${cursor}`);
  }
}

/** Inserts canonical rows into a table (the caller holds the transaction). */
export async function insertRows(c: Client, table: string, cols: Column[], rows: Value[][]): Promise<void> {
  const per = Math.max(1, Math.floor(2000 / cols.length));
  const one = `(${cols.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    await c.query(
      `INSERT INTO "${table}" (${cols.map((x) => `"${x.name}"`).join(", ")}) VALUES ${batch.map(() => one).join(", ")}`,
      batch.flatMap((row) => row.map((v, j) => stored(c.kind, cols[j].type, v))),
    );
  }
}

/** Runs fn in one transaction: all of it or nothing. */
export async function transaction<T>(c: Client, fn: () => Promise<T>, begin = "BEGIN"): Promise<T> {
  await c.query(begin);
  try {
    const out = await fn();
    await c.query("COMMIT");
    return out;
  } catch (error) {
    await c.query("ROLLBACK");
    throw error;
  }
}

/** Inserts the rows, in the order given, in one transaction. */
export async function loadRows(c: Client, data: TableRows[]): Promise<void> {
  await transaction(c, async () => {
    for (const t of data) await insertRows(c, t.name, t.columns, t.rows);
  });
}

/** JSON with object keys sorted (PostgreSQL's jsonb does not keep the order they were written in). */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

export async function rowCounts(c: Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tables(c))
    out[t] = Number((await c.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${t}"`))[0].n);
  return out;
}

/** One hash over every row of every table, migrations record included: equal means nothing changed. */
export async function checksum(c: Client): Promise<string> {
  const h = createHash("sha256");
  for (const t of [...(await tables(c)), "_prisma_migrations"]) {
    const { columns: cs, rows } = await readTable(c, t);
    h.update(`${t}(${cs.map((x) => x.name).join(",")})\n`);
    for (const r of rows) h.update(`${stableJson(r)}\n`);
  }
  return h.digest("hex");
}

/**
 * Runs the real `prisma migrate deploy` with a migrations folder holding only the committed migrations named, plus
 * `extra` ones given as SQL (a test's own), through a Prisma config of its own. Returns its exit code and output.
 */
export function deployMigrations(
  url: string,
  names: string[],
  extra: Record<string, string> = {},
): { code: number; out: string } {
  const kind = kindOf(url);
  fs.mkdirSync(path.join(root, "tmp"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, "tmp/migrations-subset-"));
  try {
    const migrations = path.join(dir, "migrations");
    fs.mkdirSync(migrations);
    fs.copyFileSync(
      path.join(migrationsDir(kind), "migration_lock.toml"),
      path.join(migrations, "migration_lock.toml"),
    );
    for (const n of names) fs.cpSync(path.join(migrationsDir(kind), n), path.join(migrations, n), { recursive: true });
    for (const [n, sql] of Object.entries(extra)) {
      fs.mkdirSync(path.join(migrations, n));
      fs.writeFileSync(path.join(migrations, n, "migration.sql"), sql);
    }
    const schema = path.join(root, kind === "sqlite" ? "prisma/schema.prisma" : "prisma/postgres/schema.prisma");
    fs.writeFileSync(
      path.join(dir, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";\n` +
        `export default defineConfig({ schema: ${JSON.stringify(schema)}, migrations: { path: ${JSON.stringify(migrations)} }, datasource: { url: process.env.DATABASE_URL! } });\n`,
    );
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma/build/index.js"),
        "migrate",
        "deploy",
        "--config",
        path.join(dir, "prisma.config.ts"),
      ],
      {
        cwd: root,
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: url,
          PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/prisma-schema-engine.mjs"),
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
    return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Creates the schema of the given migrations only (the oldest ones: an installation of that time). */
export function createAtMigrations(url: string, names: string[]): void {
  const r = deployMigrations(url, names);
  if (r.code !== 0) throw new Error(`migrate deploy of ${names.join(", ")} failed:\n${r.out}`);
}
