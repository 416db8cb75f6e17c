// The DNS challenge of domain verification (lib/sso/domains.ts): stable for a server key, different for every
// (organization, domain) pair and every server key, so one organization's published record proves nothing for
// another organization or another installation.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHALLENGE_LABEL, CHALLENGE_PREFIX, domainChallenge } from "./domains";

const saved = process.env.NEXTAUTH_SECRET;
beforeEach(() => {
  process.env.NEXTAUTH_SECRET = "unit-secret-0123456789-0123456789";
});
afterEach(() => {
  process.env.NEXTAUTH_SECRET = saved;
});

describe("domainChallenge", () => {
  it("names the record under the domain and carries 32 url-safe characters after the prefix", () => {
    const c = domainChallenge("org_1", "acme.com");
    expect(c.name).toBe(`${CHALLENGE_LABEL}.acme.com`);
    expect(c.value.startsWith(CHALLENGE_PREFIX)).toBe(true);
    expect(c.value.slice(CHALLENGE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("is stable, and differs per organization, per domain and per server key", () => {
    const base = domainChallenge("org_1", "acme.com").value;
    expect(domainChallenge("org_1", "acme.com").value).toBe(base);
    expect(domainChallenge("org_2", "acme.com").value).not.toBe(base);
    expect(domainChallenge("org_1", "acme.co").value).not.toBe(base);
    // No other split of the same characters gives the same challenge.
    expect(domainChallenge("org_1\nacme", "com").value).not.toBe(domainChallenge("org_1", "acme\ncom").value);
    process.env.NEXTAUTH_SECRET = "another-installation-secret-0123456789";
    expect(domainChallenge("org_1", "acme.com").value).not.toBe(base);
  });
});
