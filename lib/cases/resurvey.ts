// "Send the customer a short re-survey" when a case is resolved — an invitation of the organization's built-in
// re-survey trigger (lib/triggers/service.ts `resurveyTrigger`, docs/cases.md), written IN THE SAME TRANSACTION as
// the resolution (lib/cases/service.ts), once per case, asked of the contact rules like every invitation, and
// e-mailed by the campaign worker (lib/campaigns/worker.ts) with the invitation's signed link and an unsubscribe
// link. The survey: the one that triggered the case, or (for an interaction case, or a survey no longer live) the
// organization's live NPS, else CSAT, survey.
// When it cannot be e-mailed but the customer may be surveyed — no e-mail address, a bouncing address, no external
// id, or no SMTP server (then no invitation is written) — the hosted link is shown for the agent to pass on:
// /s/<publicId>?cid=<external id>&ct=<customer token valid 30 days: lib/customers/token-secrets.ts>. A customer who
// opted out (Customer.consent === false), was erased, or whom another contact rule holds back is never offered a
// survey by any path: no link is made, none is sent or shown, whatever the client asked ("unavailable"). Either
// way an AuditEvent on the case records what happened.
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { mailConfigured, publicBaseUrl } from "../mail/transport";
import { mintCustomerToken } from "../customers/token-secrets";
import { SecretUnreadableError } from "../webhooks/secret-box";
import { contactRuleReasons } from "../campaigns/contact-rules";
import { daysSinceContact, suppressionText } from "../campaigns/suppression-text";
import { inviteFor } from "../triggers/fire";
import type { LinkCode, UnavailableCode, UnlinkedCode } from "./resurvey-codes";
import { resurveyTrigger } from "../triggers/service";

function unsigned(error: unknown): null {
  if (error instanceof SecretUnreadableError) return null;
  throw error;
}

export const OPTED_OUT_REASON = "The customer has opted out of surveys, so none is sent or offered.";

// Why a re-survey was not e-mailed is stored as a stable code (./resurvey-codes.ts) beside `reason`, the English
// sentence the API gives: the pages word the code in their language (components/cases/resurvey-result.tsx,
// messages/<locale>/cases.json `resurvey.reasons`); a history row written before the codes has only its sentence,
// and shows it as stored.

/** How long a re-survey link speaks for its customer. */
export const RESURVEY_TOKEN_DAYS = 30;

export type ResurveyOutcome =
  /** The invitation is in the outbox: the worker e-mails it to `to` from `at` (waiting while the trigger is paused). */
  | { status: "queued"; to: string; at: string; paused?: true }
  /** E-mailed at once: re-surveys before they went through the outbox (kept for the case history). */
  | { status: "sent"; link: string; to: string }
  | { status: "link_shown"; link: string; reason: string; code?: LinkCode; unlinked?: UnlinkedCode }
  /** `rule` and `days` with `held_back`: the contact rule's reason (a suppression reason: "recently_invited") and
   * the whole days since the last contact (null: unknown). */
  | { status: "unavailable"; reason: string; code?: UnavailableCode; rule?: string; days?: number | null };

export const RESURVEY_ACTIONS = {
  queued: "case.resurvey_queued",
  sent: "case.resurvey_sent",
  link_shown: "case.resurvey_link_shown",
  unavailable: "case.resurvey_unavailable",
} as const;

/**
 * The English sentence of each code: the outcome's `reason` (what the API gives; docs/cases.md). The pages' words are
 * messages/<locale>/cases.json `resurvey.reasons` — English there is these, word for word (./resurvey.test.ts).
 */
export const RESURVEY_REASONS: Record<LinkCode | Exclude<UnavailableCode, "held_back">, string> = {
  no_customer: "Not e-mailed: this case has no customer.",
  no_smtp: "Not e-mailed: E-mail is not set up on this server (SMTP_URL).",
  // contact-rule reasons that only rule out e-mail: the customer may still be surveyed through the link shown
  no_email: "Not e-mailed: The customer has no e-mail address.",
  bouncing: "Not e-mailed: The customer's e-mail address is bouncing.",
  no_external_id:
    "Not e-mailed: The customer has no external id, which an invitation link needs to name them; the answer will not be linked to them.",
  opted_out: OPTED_OUT_REASON,
  erased: "The customer's personal data was erased.",
  no_survey: "There is no live NPS or CSAT survey to send. Publish one first.",
  customer_gone: "The customer no longer exists.",
  already_invited: "The customer was already invited to a re-survey for this case.",
};

/** Added to a link's reason when the link will not name its customer. */
export const UNLINKED_REASONS: Record<UnlinkedCode, string> = {
  no_external_id: "The customer has no external id, so the answer will not be linked to them.",
  secret_unreadable:
    "The customer-token secret cannot be read with this server's key (rotate it in Settings → Customer identity), so the answer will not be linked to them.",
};

/** "The organization's contact rules hold it back: invited 12 days ago." */
export const heldBackReason = (rule: string) => `The organization's contact rules hold it back: ${rule}.`;

const isLinkReason = (reason: string | null | undefined): reason is "no_email" | "bouncing" | "no_external_id" =>
  reason === "no_email" || reason === "bouncing" || reason === "no_external_id";

const unavailable = (code: Exclude<UnavailableCode, "held_back">): Decision => ({
  outcome: { status: "unavailable", code, reason: RESURVEY_REASONS[code] },
});
const linkShown = (code: LinkCode): Decision => ({ link: RESURVEY_REASONS[code], code });

async function pickSurvey(
  orgId: string,
  triggering: { id: string; publicId: string; status: string; defaultLocale: string } | null,
) {
  if (triggering?.status === "live") return triggering;
  for (const type of ["nps", "csat"]) {
    const s = await db.survey.findFirst({
      where: { orgId, type, status: "live" },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { id: true, publicId: true, status: true, defaultLocale: true },
    });
    if (s) return s;
  }
  return null;
}

export function resurveyLink(
  base: string,
  publicId: string,
  customer: { externalId: string; token: string } | null,
): string {
  const url = new URL(`/s/${encodeURIComponent(publicId)}`, base);
  if (customer) {
    url.searchParams.set("cid", customer.externalId);
    url.searchParams.set("ct", customer.token);
  }
  return url.toString();
}

/** What is read before the resolution's transaction: the case's customer and survey, the built-in trigger. */
export async function prepareResurvey(ctx: Ctx, caseId: string) {
  const kase = await db.case.findFirstOrThrow({
    where: { id: caseId, orgId: ctx.orgId },
    select: {
      id: true,
      customer: { select: { id: true, externalId: true, consent: true } },
      response: { select: { survey: { select: { id: true, publicId: true, status: true, defaultLocale: true } } } },
    },
  });
  const [survey, trigger] = await Promise.all([
    pickSurvey(ctx.orgId, kase.response?.survey ?? null),
    resurveyTrigger(ctx.orgId),
  ]);
  return { caseId, customer: kase.customer, survey, trigger };
}
type Prepared = Awaited<ReturnType<typeof prepareResurvey>>;

type Decision = { outcome: ResurveyOutcome } | { link: string; code: LinkCode };

/** Inside the resolution's transaction: writes the invitation (once per case) or decides why not. */
export async function resurveyInTx(
  tx: Prisma.TransactionClient,
  p: Prepared,
  opts: { mail?: boolean } = {},
  now = new Date(),
): Promise<Decision> {
  const customer = p.customer;
  if (customer?.consent === false) return unavailable("opted_out");
  if (!p.survey) return unavailable("no_survey");
  if (!customer) return linkShown("no_customer");
  if (!(opts.mail ?? mailConfigured())) {
    // No invitation can go out; the link is shown only where the contact rules allow surveying the customer.
    const candidate = await tx.customer.findFirstOrThrow({
      where: { id: customer.id },
      select: { id: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
    });
    const decisions = await contactRuleReasons(tx, p.trigger.orgId, [candidate], { now });
    const reason = decisions.get(customer.id);
    if (reason && !isLinkReason(reason)) return heldBack(reason, decisions.lastContactAt.get(customer.id), now);
    return linkShown("no_smtp");
  }
  const key = `case:${p.caseId}`;
  const r = (
    await inviteFor(tx, p.trigger, [{ key, customerId: customer.id, at: now, surveyId: p.survey.id }], now)
  ).get(key);
  if (!r) return unavailable("customer_gone");
  if (r.existing) return unavailable("already_invited");
  if (r.status === "queued")
    return {
      outcome: {
        status: "queued",
        to: r.address!,
        at: r.dueAt!.toISOString(),
        ...(p.trigger.status === "paused" ? { paused: true as const } : {}),
      },
    };
  if (isLinkReason(r.reason)) return linkShown(r.reason);
  return heldBack(r.reason ?? "unknown", r.lastContactAt, now);
}

/** Never a link: the contact rules say this customer is not to be surveyed now ("invited 12 days ago"). */
function heldBack(reason: string, lastContactAt: Date | null | undefined, now: Date): Decision {
  if (reason === "opted_out" || reason === "erased") return unavailable(reason);
  return {
    outcome: {
      status: "unavailable",
      code: "held_back",
      rule: reason,
      days: daysSinceContact(lastContactAt ?? null, now),
      reason: heldBackReason(suppressionText(reason, lastContactAt ?? null, now)),
    },
  };
}

/** After the transaction: makes the link to show when one is to be shown, and records the outcome on the case. */
export async function finishResurvey(ctx: Ctx, p: Prepared, d: Decision): Promise<ResurveyOutcome> {
  let outcome: ResurveyOutcome;
  if ("outcome" in d) outcome = d.outcome;
  else {
    const externalId = p.customer?.externalId ?? null;
    const publicId = p.survey!.publicId;
    // A secret sealed under another key cannot sign (NEXTAUTH_SECRET changed): the link then names nobody.
    const token = externalId
      ? await mintCustomerToken(ctx.orgId, { publicId, externalId }, RESURVEY_TOKEN_DAYS).catch(unsigned)
      : null;
    const link = resurveyLink(publicBaseUrl(), publicId, externalId && token ? { externalId, token } : null);
    const unlinked: UnlinkedCode | null =
      p.customer && !externalId && d.code !== "no_external_id"
        ? "no_external_id"
        : externalId && !token
          ? "secret_unreadable"
          : null;
    const noCid = unlinked ? ` ${UNLINKED_REASONS[unlinked]}` : "";
    outcome = {
      status: "link_shown",
      link,
      code: d.code,
      ...(unlinked ? { unlinked } : {}),
      reason: `${d.link}${noCid}`,
    };
  }
  await recordAudit(ctx, {
    action: RESURVEY_ACTIONS[outcome.status],
    entityType: "Case",
    entityId: p.caseId,
    data: outcome,
  });
  return outcome;
}

/** The re-survey of a case already resolved, in its own transaction. */
export async function resurveyCase(ctx: Ctx, caseId: string, opts: { mail?: boolean } = {}): Promise<ResurveyOutcome> {
  const p = await prepareResurvey(ctx, caseId);
  const d = await db.$transaction((tx) => resurveyInTx(tx, p, opts));
  return finishResurvey(ctx, p, d);
}
