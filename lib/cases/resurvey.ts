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
import { inviteFor } from "../triggers/fire";
import { resurveyTrigger } from "../triggers/service";

function unsigned(error: unknown): null {
  if (error instanceof SecretUnreadableError) return null;
  throw error;
}

export const OPTED_OUT_REASON = "The customer has opted out of surveys, so none is sent or offered.";

/** How long a re-survey link speaks for its customer. */
export const RESURVEY_TOKEN_DAYS = 30;

export type ResurveyOutcome =
  /** The invitation is in the outbox: the worker e-mails it to `to` from `at` (waiting while the trigger is paused). */
  | { status: "queued"; to: string; at: string; paused?: true }
  /** E-mailed at once: re-surveys before they went through the outbox (kept for the case history). */
  | { status: "sent"; link: string; to: string }
  | { status: "link_shown"; link: string; reason: string }
  | { status: "unavailable"; reason: string };

export const RESURVEY_ACTIONS = {
  queued: "case.resurvey_queued",
  sent: "case.resurvey_sent",
  link_shown: "case.resurvey_link_shown",
  unavailable: "case.resurvey_unavailable",
} as const;

/** Contact-rule reasons that only rule out e-mail: the customer may still be surveyed through the link shown. */
const LINK_REASONS: Record<string, string> = {
  no_email: "The customer has no e-mail address.",
  bouncing: "The customer's e-mail address is bouncing.",
  no_external_id:
    "The customer has no external id, which an invitation link needs to name them; the answer will not be linked to them.",
};
const HELD_BACK: Record<string, string> = {
  opted_out: OPTED_OUT_REASON,
  erased: "The customer's personal data was erased.",
};

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

type Decision = { outcome: ResurveyOutcome } | { link: string };

/** Inside the resolution's transaction: writes the invitation (once per case) or decides why not. */
export async function resurveyInTx(
  tx: Prisma.TransactionClient,
  p: Prepared,
  opts: { mail?: boolean } = {},
  now = new Date(),
): Promise<Decision> {
  const customer = p.customer;
  if (customer?.consent === false) return { outcome: { status: "unavailable", reason: OPTED_OUT_REASON } };
  if (!p.survey)
    return {
      outcome: { status: "unavailable", reason: "There is no live NPS or CSAT survey to send. Publish one first." },
    };
  if (!customer) return { link: "Not e-mailed: this case has no customer." };
  if (!(opts.mail ?? mailConfigured())) {
    // No invitation can go out; the link is shown only where the contact rules allow surveying the customer.
    const candidate = await tx.customer.findFirstOrThrow({
      where: { id: customer.id },
      select: { id: true, email: true, externalId: true, consent: true, erasedAt: true, attributes: true },
    });
    const reason = (await contactRuleReasons(tx, p.trigger.orgId, [candidate])).get(customer.id);
    if (reason && !LINK_REASONS[reason]) return heldBack(reason);
    return { link: "Not e-mailed: E-mail is not set up on this server (SMTP_URL)." };
  }
  const key = `case:${p.caseId}`;
  const r = (
    await inviteFor(tx, p.trigger, [{ key, customerId: customer.id, at: now, surveyId: p.survey.id }], now)
  ).get(key);
  if (!r) return { outcome: { status: "unavailable", reason: "The customer no longer exists." } };
  if (r.existing)
    return {
      outcome: { status: "unavailable", reason: "The customer was already invited to a re-survey for this case." },
    };
  if (r.status === "queued")
    return {
      outcome: {
        status: "queued",
        to: r.address!,
        at: r.dueAt!.toISOString(),
        ...(p.trigger.status === "paused" ? { paused: true as const } : {}),
      },
    };
  if (r.reason && LINK_REASONS[r.reason]) return { link: `Not e-mailed: ${LINK_REASONS[r.reason]}` };
  return heldBack(r.reason ?? "unknown");
}

const heldBack = (reason: string): Decision => ({
  outcome: {
    status: "unavailable",
    reason: HELD_BACK[reason] ?? `A contact rule holds the customer back (${reason}).`,
  },
});

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
    const noCid =
      p.customer && !externalId && !d.link.includes("external id")
        ? " The customer has no external id, so the answer will not be linked to them."
        : externalId && !token
          ? " The customer-token secret cannot be read with this server's key (rotate it in Settings → Customer identity), so the answer will not be linked to them."
          : "";
    outcome = { status: "link_shown", link, reason: `${d.link}${noCid}` };
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
