// The committed migrations are the schema, on the database under test, through the Prisma CLI and the
// offline schema-engine bridge (scripts/prisma-schema-engine.mjs): an upgrade that breaks either fails here.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { provider } from "@/lib/db";

const exec = promisify(execFile);
const prisma = (...args: string[]) =>
  exec(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
const dir = provider === "postgresql" ? "prisma/postgres" : "prisma";

describe(`migrations (${provider})`, () => {
  it("the PostgreSQL schema is the one derived from prisma/schema.prisma", async () => {
    await expect(exec(process.execPath, ["scripts/derive-postgres-schema.mjs", "--check"])).resolves.toBeDefined();
  });

  it("applying the committed migrations yields exactly the schema (no drift)", async () => {
    const { stdout } = await prisma(
      "migrate",
      "diff",
      "--from-migrations",
      `${dir}/migrations`,
      "--to-schema",
      `${dir}/schema.prisma`,
      "--exit-code",
    );
    expect(stdout).toContain("No difference detected");
  });

  it("the test database has every migration applied", async () => {
    const { stdout } = await prisma("migrate", "status");
    expect(stdout).toMatch(/Database schema is up to date/);
  });
});
