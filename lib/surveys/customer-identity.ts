// Who a public respondent is. A customer external id counts only with a valid customer token for this survey
// (lib/customers/customer-token.ts; docs/security/signed-customer-token.md): then the response is linked to that
// customer (activity, follow-up case, customer-linked webhook data) and an opt-out is honoured. Without one —
// no token, a wrong, expired or other survey's token — the id is only the respondent's unverified claim: the
// response is stored like an anonymous one (never lose an answer) with the claim kept in Response.customerClaim,
// and every answer the public endpoints give is the one an unknown customer gets, so nobody learns from them
// whether a customer exists or opted out.
import { ValidationError } from "../errors";
import { verifyCustomerToken } from "../customers/token-secrets";
import { isOptedOut } from "../privacy/consent";

export type CustomerIdentity = {
  /** The external id a valid token vouches for. */
  verified: string | null;
  /** An external id sent without a valid token. */
  claim: string | null;
};

export async function resolveCustomerIdentity(
  survey: { orgId: string; publicId: string },
  externalId: string | null | undefined,
  token: string | null | undefined,
  field: { name: string; in: "body" | "query" } = { name: "customerToken", in: "body" },
): Promise<CustomerIdentity> {
  if (!externalId) {
    if (token)
      throw new ValidationError([{ ...field, reason: "A customer token needs the customer's external id beside it" }]);
    return { verified: null, claim: null };
  }
  const check = token
    ? await verifyCustomerToken(survey.orgId, { publicId: survey.publicId, externalId, token })
    : "invalid";
  return check === "valid" ? { verified: externalId, claim: null } : { verified: null, claim: externalId };
}

/** True only for a verified customer who opted out of surveys: an unverified one is answered as unknown. */
export async function verifiedOptOut(orgId: string, identity: CustomerIdentity): Promise<boolean> {
  return identity.verified !== null && (await isOptedOut(orgId, identity.verified));
}
