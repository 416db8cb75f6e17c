// Password storage as sign-in sees it, over real HTTP: no 72-byte cut, bcrypt hashes from before argon2id
// sign in once and come back as argon2id, and an account without a password never signs in with one.
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword, needsRehash } from "@/lib/auth/password";
import { createUser } from "../factories";
import { signIn } from "./http";

const hashOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

describe("passwords at sign-in", () => {
  it("two passwords that share their first 72 bytes are two passwords", async () => {
    const user = await createUser("long-password");
    const shared = "a passphrase that runs on and on, well past seventy-two bytes of text, and then some ";
    expect(Buffer.byteLength(shared)).toBeGreaterThan(72);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(`${shared}ending one`) } });
    expect(await signIn(user.email, `${shared}ending two`)).toBeNull();
    expect(await signIn(user.email, shared)).toBeNull();
    expect(await signIn(user.email, `${shared}ending one`)).not.toBeNull();
  });

  it("a bcrypt hash from before argon2id signs in and is replaced by argon2id; a wrong password changes nothing", async () => {
    const user = await createUser("legacy-hash");
    const legacy = await bcrypt.hash("an old but good passphrase", 10);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: legacy } });

    expect(await signIn(user.email, "not the passphrase")).toBeNull();
    expect(await hashOf(user.id)).toBe(legacy);

    expect(await signIn(user.email, "an old but good passphrase")).not.toBeNull();
    const upgraded = await hashOf(user.id);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(upgraded!)).toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordChangedAt: true } });
    expect(after.passwordChangedAt).toBeNull(); // the same password: not a change that ends sessions

    expect(await signIn(user.email, "an old but good passphrase")).not.toBeNull();
    expect(await signIn(user.email, "not the passphrase")).toBeNull();
  });

  it("an account without a password (single sign-on only) does not sign in with the timing equaliser's password", async () => {
    const user = await createUser("sso-only");
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expect(await signIn(user.email, "resonance-timing-equaliser")).toBeNull();
    expect(await signIn(user.email, "")).toBeNull();
  });
});
