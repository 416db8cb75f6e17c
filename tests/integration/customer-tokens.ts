// Customer tokens as a company's own server makes them: the organization's secret from the rotate API (answered
// once), then HMAC-SHA256 as docs/security/signed-customer-token.md describes (lib/customers/customer-token.ts).
import { expect } from "vitest";
import { TEST_PASSWORD } from "../factories";
import { signCustomerToken } from "@/lib/customers/customer-token";
import type { Org } from "../factories";
import { baseURL, http, signIn } from "./http";

const secrets = new Map<string, string>();
const sessions = new Map<string, string>();

/** The organization's admin, signed in: the secret speaks for every customer, so no API key manages it. */
export async function adminSession(org: Org): Promise<{ cookie: string; headers: Record<string, string> }> {
  if (!sessions.has(org.orgId)) sessions.set(org.orgId, (await signIn(org.users.admin.email, TEST_PASSWORD))!);
  return { cookie: sessions.get(org.orgId)!, headers: { origin: baseURL() } };
}

/** A new signing secret for the organization (the previous one stays valid `previousValidHours`). */
export async function rotateSecret(org: Org, previousValidHours?: number): Promise<string> {
  const res = await http("POST", "/api/v1/customer-token-secret/rotate", {
    ...(await adminSession(org)),
    body: previousValidHours === undefined ? {} : { previousValidHours },
  });
  expect(res.status).toBe(201);
  secrets.set(org.orgId, res.body.secret);
  return res.body.secret as string;
}

export async function customerToken(
  org: Org,
  publicId: string,
  externalId: string,
  expiresAt = new Date(Date.now() + 3_600_000),
): Promise<string> {
  const secret = secrets.get(org.orgId) ?? (await rotateSecret(org));
  return signCustomerToken(secret, { publicId, externalId, expiresAt });
}
