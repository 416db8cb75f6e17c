// A request's write must never ride along in another request's transaction: on SQLite the driver adapter
// shares one connection, so lib/db.ts queues statements behind an open transaction. On PostgreSQL each
// transaction has its own connection. Both must behave the same.
import { describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import { createOrg } from "../factories";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
});
