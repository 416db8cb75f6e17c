import { describe, expect, it } from "vitest";
import { POSTGRES_SESSION_OPTIONS, postgresSessionOptions, resolveDatabaseUrl } from "./db-url";

describe("postgresSessionOptions", () => {
  it("sends the app's settings unless DATABASE_SESSION_OPTIONS is set", () => {
    expect(postgresSessionOptions({})).toBe(POSTGRES_SESSION_OPTIONS);
    expect(POSTGRES_SESSION_OPTIONS).toBe("-c parallel_setup_cost=100000");
  });

  it("sends none when it is set to nothing (a pooler that refuses startup options), or what it says", () => {
    expect(postgresSessionOptions({ DATABASE_SESSION_OPTIONS: "" })).toBeUndefined();
    expect(postgresSessionOptions({ DATABASE_SESSION_OPTIONS: "  " })).toBeUndefined();
    expect(postgresSessionOptions({ DATABASE_SESSION_OPTIONS: " -c statement_timeout=5s " })).toBe(
      "-c statement_timeout=5s",
    );
  });
});

describe("resolveDatabaseUrl", () => {
  it("tells PostgreSQL from a SQLite file, whose relative path is made absolute, and refuses anything else", () => {
    expect(resolveDatabaseUrl("postgresql://u@127.0.0.1:5432/db")).toEqual({
      url: "postgresql://u@127.0.0.1:5432/db",
      provider: "postgresql",
    });
    expect(resolveDatabaseUrl("file:data/x.db", "/srv/app")).toEqual({
      url: "file:/srv/app/data/x.db",
      provider: "sqlite",
    });
    expect(resolveDatabaseUrl(undefined, "/srv/app")).toEqual({
      url: "file:/srv/app/data/resonance.db",
      provider: "sqlite",
    });
    expect(() => resolveDatabaseUrl("mysql://u@h/db")).toThrow(/must start with file: .* or postgres:\/\//);
  });
});
