import { describe, expect, it } from "vitest";
import { pgToolConnection } from "./sql-rows";

describe("pgToolConnection", () => {
  it("keeps the password off the command line and drops parameters libpq's tools would refuse", () => {
    const r = pgToolConnection(
      "postgresql://app:p%40ss@db.internal:5433/resonance?schema=public&connection_limit=5&pgbouncer=true&sslmode=require",
    );
    expect(r.dbname).toBe("postgresql://app@db.internal:5433/resonance?sslmode=require");
    expect(r.env.PGPASSWORD).toBe("p@ss");
  });

  it("moves a password given as a parameter to PGPASSWORD as well", () => {
    const r = pgToolConnection("postgresql://app@127.0.0.1/resonance?password=secret&application_name=backup");
    expect(r.dbname).not.toContain("secret");
    expect(r.dbname).toContain("application_name=backup");
    expect(r.env.PGPASSWORD).toBe("secret");
  });
});
