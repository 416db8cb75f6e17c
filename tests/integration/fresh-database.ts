// A brand-new, empty database of the suite's kind (a SQLite file, or a PostgreSQL database on the same server as
// DATABASE_URL), for tests of what happens before and during migrations. `drop` removes it.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  if (base.startsWith("file:")) {
    const file = path.resolve("tmp/test-dbs", `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const drop = async () => {
      for (const f of fs.readdirSync(path.dirname(file)))
        if (f.startsWith(`${name}.db`)) fs.rmSync(path.join(path.dirname(file), f), { force: true });
    };
    return { url: `file:${file}`, drop };
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  const u = new URL(base);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop };
}
