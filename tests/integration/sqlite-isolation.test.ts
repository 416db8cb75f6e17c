// A request's write must never ride along in another request's transaction: on SQLite the driver adapter
// shares one connection, so lib/db.ts queues statements behind an open transaction. On PostgreSQL each
// transaction has its own connection. Both must behave the same. Another process writing between a
// transaction's read and its write (a second instance, a worker) must not make that transaction fail.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, provider, TRANSACTION_OPTIONS } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/db-url";
import { inOneSnapshot } from "@/lib/text-analytics/themes-report";
import { createOrg } from "../factories";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Another process that inserts one channel with its own connection, waiting for the write lock up to `waitMs`.
// `attempting` resolves when it is about to write; `done` when its write committed (rejects if it failed).
const WRITER = `
const [url, id, orgId, key, waitMs] = process.argv.slice(1);
const insert = 'INSERT INTO "Channel" ("id", "orgId", "key", "name", "createdAt") VALUES ';
(async () => {
  if (url.startsWith("file:")) {
    const db = new (require("better-sqlite3"))(url.slice(5), { timeout: Number(waitMs) });
    console.log("attempting");
    db.prepare(insert + "(?, ?, ?, ?, ?)").run(id, orgId, key, key, new Date().toISOString().replace("Z", "+00:00"));
  } else {
    const client = new (require("pg").Client)({ connectionString: url });
    await client.connect();
    console.log("attempting");
    await client.query(insert + "($1, $2, $3, $4, now())", [id, orgId, key, key]);
    await client.end();
  }
  console.log("written");
})().catch((e) => { console.error(e.code ?? e.message); process.exit(1); });
`;

function otherProcessWrites(orgId: string, key: string, waitMs: number) {
  const { url } = resolveDatabaseUrl(process.env.DATABASE_URL);
  const child = spawn(process.execPath, ["-e", WRITER, url, randomUUID(), orgId, key, String(waitMs)]);
  let out = "";
  let err = "";
  const attempting = new Promise<void>((resolve) =>
    child.stdout.on("data", (d) => (out += d) && out.includes("attempting") && resolve()),
  );
  child.stderr.on("data", (d) => (err += d));
  const done = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the other process failed: ${err}`)))),
  );
  return { attempting, done };
}

describe(`isolation between concurrent requests (${provider})`, () => {
  it("a write made while another transaction is open survives that transaction's rollback", async () => {
    const org = await createOrg("isolation");
    const failing = db
      .$transaction(async (tx) => {
        await tx.channel.create({ data: { orgId: org.orgId, key: "inside", name: "inside" } });
        await sleep(300);
        throw new Error("rolled back on purpose");
      })
      .catch((e: Error) => e.message);
    await sleep(100);
    await db.channel.create({ data: { orgId: org.orgId, key: "outside", name: "outside" } });
    expect(await failing).toBe("rolled back on purpose");
    const keys = (await db.channel.findMany({ where: { orgId: org.orgId } })).map((c) => c.key).sort();
    expect(keys).toEqual(["outside", "phone"]);
  });

  it("a read never sees another transaction's uncommitted rows", async () => {
    const org = await createOrg("isolation-read");
    let seen: string[] = [];
    const failing = db
      .$transaction(async (tx) => {
        await tx.channel.create({ data: { orgId: org.orgId, key: "uncommitted", name: "x" } });
        await sleep(300);
        throw new Error("rollback");
      })
      .catch(() => null);
    await sleep(100);
    seen = (await db.channel.findMany({ where: { orgId: org.orgId } })).map((c) => c.key);
    await failing;
    expect(seen).not.toContain("uncommitted");
  });

  it("a transaction that reads, then writes, commits although another process wrote in between", async () => {
    const org = await createOrg("isolation-between");
    let other: ReturnType<typeof otherProcessWrites> | null = null;
    await db.$transaction(async (tx) => {
      await tx.channel.findMany({ where: { orgId: org.orgId } }); // what nearly every transaction does first
      other = otherProcessWrites(org.orgId, "other", 15_000);
      await other.attempting;
      await sleep(400); // the other process's write: committed by now, or waiting for this transaction
      await tx.channel.create({ data: { orgId: org.orgId, key: "mine", name: "mine" } });
    }, TRANSACTION_OPTIONS);
    await other!.done;
    const keys = (await db.channel.findMany({ where: { orgId: org.orgId } })).map((c) => c.key).sort();
    expect(keys).toEqual(["mine", "other", "phone"]);
  });

  it("a report's read-only snapshot does not hold up another process's write", async () => {
    const org = await createOrg("isolation-snapshot");
    const seen = await inOneSnapshot(async (read) => {
      const before = await read.channel.count({ where: { orgId: org.orgId } });
      const other = otherProcessWrites(org.orgId, "during-report", 3_000); // fails if it must wait 3 s
      await other.done;
      return [before, await read.channel.count({ where: { orgId: org.orgId } })];
    });
    expect(seen).toEqual([1, 1]); // one snapshot: the report does not see the write made during it
    expect(await db.channel.count({ where: { orgId: org.orgId } })).toBe(2);
  });
});
