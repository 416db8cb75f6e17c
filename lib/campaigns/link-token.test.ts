import { describe, expect, it } from "vitest";
import {
  invitationClientId,
  invitationIdOf,
  invitationOfClientId,
  invitationResumeToken,
  invitationToken,
} from "./link-token";

const env = { NEXTAUTH_SECRET: "test-secret-for-invitation-links" };

describe("invitation link tokens", () => {
  it("round-trip, and any change to the id or the signature is refused", () => {
    const t = invitationToken("cinv123", env);
    expect(t).toMatch(/^cinv123\.[A-Za-z0-9_-]{22}$/);
    expect(invitationIdOf(t, env)).toBe("cinv123");
    expect(invitationIdOf(t.replace("cinv123", "cinv124"), env)).toBeNull();
    const sig = t.split(".")[1];
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(invitationIdOf(`cinv123.${flipped}`, env)).toBeNull();
    expect(invitationIdOf("cinv123", env)).toBeNull();
    expect(invitationIdOf("", env)).toBeNull();
  });

  it("a token made under another server key is refused", () => {
    const t = invitationToken("cinv123", env);
    expect(invitationIdOf(t, { NEXTAUTH_SECRET: "another-key" })).toBeNull();
  });
});

describe("the response client id and resume token of an invitation", () => {
  it("are derived from the invitation, verifiable, distinct from the link token, and refused when altered", () => {
    const clientId = invitationClientId("cinv123", env);
    expect(clientId).toMatch(/^inv\.cinv123\.[A-Za-z0-9_-]{22}$/);
    expect(clientId).toBe(invitationClientId("cinv123", env)); // every click gets the same one
    expect(invitationOfClientId(clientId, env)).toBe("cinv123");
    expect(clientId.slice(4)).not.toBe(invitationToken("cinv123", env));
    expect(invitationOfClientId(clientId.replace("cinv123", "cinv124"), env)).toBeNull();
    expect(invitationOfClientId(`inv.${invitationToken("cinv123", env)}`, env)).toBeNull(); // the link token is not one
    expect(invitationOfClientId(clientId, { NEXTAUTH_SECRET: "another-key" })).toBeNull();
    expect(invitationOfClientId("a-random-client-id", env)).toBeNull();
    expect(invitationOfClientId(clientId, {})).toBeNull(); // no key: an ordinary client id, never an error

    const token = invitationResumeToken("cinv123", env);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).toBe(invitationResumeToken("cinv123", env));
    expect(token).not.toBe(invitationResumeToken("cinv124", env));
    expect(token).not.toBe(invitationResumeToken("cinv123", { NEXTAUTH_SECRET: "another-key" }));
  });
});
