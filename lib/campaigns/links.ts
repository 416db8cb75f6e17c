// /i/<token>[?score=N] — the survey link and the one-click score links of an invitation e-mail (an SMS carries
// the survey link). A GET records nothing (mail scanners and link previews fetch every link of a message): it
// checks the token and answers a redirect to the hosted survey with the customer's signed identity (?cid=&ct=, a
// customer token minted now and valid 30 days: docs/security/signed-customer-token.md), the invitation's channel
// (?ch=email or sms) and, for a score link, ?score=N. The hosted page then saves that score at once as a partial
// response — a POST its script makes in the person's browser — linked to the customer, and shows the rest of the
// survey to continue. So a fetch without a browser records no score, and a response without a valid token is
// never linked to anyone. Every link of one invitation leads to the same response: the redirect carries its client
// id and resume token (?rid=&rt=, derived from the invitation: link-token.ts), so a second click on another score
// replaces the first instead of adding a response. The invitation counts as started and completed from the
// customer's responses to the survey after it was sent (service.ts funnels).
import { db } from "../db";
import { publicBaseUrl } from "../mail/transport";
import { mintCustomerToken } from "../customers/token-secrets";
import { SecretUnreadableError } from "../webhooks/secret-box";
import { invitationClientId, invitationIdOf, invitationResumeToken } from "./link-token";

export const LINK_TOKEN_DAYS = 30;
/**
 * An invitation's survey links work this long after it was first sent (or queued): a forwarded or long-kept
 * message cannot mint fresh customer tokens, or rewrite the answer, for ever. Its unsubscribe link never expires.
 */
export const INVITATION_LINK_DAYS = 90;

/** Where an invitation link leads; null for a forged, stale or expired token. */
export async function invitationSurveyUrl(token: string, score: string | null): Promise<string | null> {
  const id = invitationIdOf(token);
  if (!id) return null;
  const i = await db.invitation.findUnique({
    where: { id },
    select: {
      orgId: true,
      channel: true,
      sentAt: true,
      createdAt: true,
      customer: { select: { externalId: true, erasedAt: true } },
      survey: { select: { publicId: true } },
    },
  });
  if (!i) return null;
  if (Date.now() - (i.sentAt ?? i.createdAt).getTime() > INVITATION_LINK_DAYS * 86_400_000) return null;
  const publicId = i.survey.publicId;
  const url = new URL(`/s/${encodeURIComponent(publicId)}`, publicBaseUrl());
  const externalId = i.customer.erasedAt ? null : i.customer.externalId;
  if (externalId) {
    const ct = await mintCustomerToken(i.orgId, { publicId, externalId }, LINK_TOKEN_DAYS).catch((e: unknown) => {
      if (e instanceof SecretUnreadableError) return null; // the answer is still stored, unlinked
      throw e;
    });
    if (ct) {
      url.searchParams.set("cid", externalId);
      url.searchParams.set("ct", ct);
    }
  }
  // The answer is attributed to the invitation's channel (email, sms) when the organization has it.
  const channel = await db.channel.findFirst({
    where: { orgId: i.orgId, key: i.channel, archivedAt: null },
    select: { key: true },
  });
  if (channel) url.searchParams.set("ch", channel.key);
  if (score !== null && /^\d{1,2}$/.test(score)) url.searchParams.set("score", score);
  url.searchParams.set("rid", invitationClientId(id));
  url.searchParams.set("rt", invitationResumeToken(id));
  return url.toString();
}
