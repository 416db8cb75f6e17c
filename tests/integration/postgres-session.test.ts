// The settings every PostgreSQL session of the app opens with (lib/db-url.ts postgresSessionOptions), on a real
// server: the planner's parallel_setup_cost by default (docs/rollups.md, "Reading fast"); nothing when
// DATABASE_SESSION_OPTIONS is set to nothing, as behind PgBouncer, which refuses startup options; or what it says.
import { afterEach, describe, expect, it } from "vitest";
import { db, postgresClient, provider, type Db } from "@/lib/db";

const show = async (client: Db, setting: string) =>
  (await client.$queryRawUnsafe<Record<string, string>[]>(`SHOW ${setting}`))[0][setting];

describe.runIf(provider === "postgresql")("PostgreSQL session settings", () => {
  const opened: Db[] = [];
  const open = (options: string | undefined) => {
    const before = process.env.DATABASE_SESSION_OPTIONS;
    if (options === undefined) delete process.env.DATABASE_SESSION_OPTIONS;
    else process.env.DATABASE_SESSION_OPTIONS = options;
    try {
      const client = postgresClient(process.env.DATABASE_URL!);
      opened.push(client);
      return client;
    } finally {
      if (before === undefined) delete process.env.DATABASE_SESSION_OPTIONS;
      else process.env.DATABASE_SESSION_OPTIONS = before;
    }
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.$disconnect()));
  });

  it("the app's sessions keep small statements off parallel workers", async () => {
    expect(await show(db, "parallel_setup_cost")).toBe("100000");
    expect(await show(open(undefined), "parallel_setup_cost")).toBe("100000");
  });

  it("DATABASE_SESSION_OPTIONS set to nothing sends no options (the server's defaults); set, it replaces them", async () => {
    const none = open("");
    expect(await show(none, "parallel_setup_cost")).toBe("1000");
    const own = open("-c statement_timeout=5s");
    expect(await show(own, "statement_timeout")).toBe("5s");
    expect(await show(own, "parallel_setup_cost")).toBe("1000");
  });
});
