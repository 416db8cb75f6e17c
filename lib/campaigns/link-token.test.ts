import { describe, expect, it } from "vitest";
import { invitationIdOf, invitationToken } from "./link-token";

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
