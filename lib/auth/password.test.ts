// Hashing with the real argon2 binary and bcryptjs: what a stored hash accepts, and which hashes the
// sign-in upgrades (lib/users/service.ts does the upgrade; tests/integration/passwords.test.ts over HTTP).
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";

describe("argon2id hashes", () => {
  it("are argon2id at the chosen parameters, salted, and accept only the password", async () => {
    const a = await hashPassword("velvet harbour lantern");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword("velvet harbour lantern")).not.toBe(a);
    expect(await verifyPassword("velvet harbour lantern", a)).toBe(true);
    expect(await verifyPassword("velvet harbour lanterN", a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it("do not cut long passwords: two that share their first 72 bytes (and more) are two passwords", async () => {
    const prefix = "ü".repeat(50); // 100 bytes of UTF-8
    const stored = await hashPassword(`${prefix} first ending`);
    expect(await verifyPassword(`${prefix} first ending`, stored)).toBe(true);
    expect(await verifyPassword(`${prefix} other ending`, stored)).toBe(false);
    expect(await verifyPassword(prefix, stored)).toBe(false);
  });

  it("the timing equaliser is a hash of the same kind", async () => {
    expect(needsRehash(await dummyHash())).toBe(false);
    expect(await verifyPassword("anything at all", await dummyHash())).toBe(false);
  });

  it("a malformed stored hash is a wrong password, not an error", async () => {
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });
});

describe("bcrypt hashes from before argon2id", () => {
  it("still verify and are marked for upgrade", async () => {
    const legacy = await bcrypt.hash("an older password", 10);
    expect(await verifyPassword("an older password", legacy)).toBe(true);
    expect(await verifyPassword("another password", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).toBe(true); // weaker parameters
  });
});
