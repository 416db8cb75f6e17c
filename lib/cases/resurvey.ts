// "Send the customer a short re-survey" when a case is resolved: the hosted link of the survey that triggered
// the case (or, for an interaction case or a survey no longer live, the organization's live NPS, else CSAT,
// survey) with ?cid=<the customer's external id>&ct=<a customer token Resonance signs for that survey and customer,
// valid 30 days: lib/customers/token-secrets.ts>, so the answer is linked to the customer. E-mailed when SMTP is
// configured and the customer has an e-mail address; otherwise the link is shown for the agent to pass on, with
// the reason. A customer who opted out (Customer.consent === false) is never offered a survey by any path: no
// link is made, none is sent or shown, whatever the client asked ("unavailable"). Either way an AuditEvent on
// the case records what happened.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { mailerFromUrl, publicBaseUrl, sendMail, smtpUrlFromEnv, type Mailer } from "../mail/transport";
import { resurveyEmail } from "./resurvey-email";
import { mintCustomerToken } from "../customers/token-secrets";
import { SecretUnreadableError } from "../webhooks/secret-box";
import { takeResurveyContact } from "../campaigns/resurvey-contact";

function unsigned(error: unknown): null {
  if (error instanceof SecretUnreadableError) return null;
  throw error;
}

export const OPTED_OUT_REASON = "The customer has opted out of surveys, so none is sent or offered.";

/** How long a re-survey link speaks for its customer. */
export const RESURVEY_TOKEN_DAYS = 30;

export type ResurveyOutcome =
  | { status: "sent"; link: string; to: string }
  | { status: "link_shown"; link: string; reason: string }
  | { status: "unavailable"; reason: string };

export const RESURVEY_ACTIONS = {
  sent: "case.resurvey_sent",
  link_shown: "case.resurvey_link_shown",
  unavailable: "case.resurvey_unavailable",
} as const;

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

/** RESURVEY_SMTP_URL, else the server's SMTP_URL / DIGEST_SMTP_URL. */
export function resurveySmtpUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.RESURVEY_SMTP_URL || smtpUrlFromEnv(env);
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

/** Builds the link and sends or shows it. `mailer` defaults to the server's SMTP transport, if any. */
export async function resurveyCase(
  ctx: Ctx,
  caseId: string,
  opts: { mailer?: Mailer | null } = {},
): Promise<ResurveyOutcome> {
  const kase = await db.case.findFirstOrThrow({
    where: { id: caseId, orgId: ctx.orgId },
    select: {
      org: { select: { name: true } },
      customer: { select: { id: true, name: true, email: true, externalId: true, consent: true } },
      response: { select: { survey: { select: { id: true, publicId: true, status: true, defaultLocale: true } } } },
    },
  });
  const survey = await pickSurvey(ctx.orgId, kase.response?.survey ?? null);
  let outcome: ResurveyOutcome;
  if (kase.customer?.consent === false) {
    outcome = { status: "unavailable", reason: OPTED_OUT_REASON };
  } else if (!survey) {
    outcome = { status: "unavailable", reason: "There is no live NPS or CSAT survey to send. Publish one first." };
  } else {
    const customer = kase.customer;
    const externalId = customer?.externalId ?? null;
    // A secret sealed under another key cannot sign (NEXTAUTH_SECRET changed): the link then names nobody.
    const token = externalId
      ? await mintCustomerToken(ctx.orgId, { publicId: survey.publicId, externalId }, RESURVEY_TOKEN_DAYS).catch(
          unsigned,
        )
      : null;
    const link = resurveyLink(publicBaseUrl(), survey.publicId, externalId && token ? { externalId, token } : null);
    const noCid = !customer?.externalId
      ? " The customer has no external id, so the answer will not be linked to them."
      : !token
        ? " The customer-token secret cannot be read with this server's key (rotate it in Settings → Customer identity), so the answer will not be linked to them."
        : "";
    const url = resurveySmtpUrl();
    const mailer = opts.mailer === undefined ? (url ? mailerFromUrl(url) : null) : opts.mailer;
    // The organization's contact rules (lib/campaigns/resurvey-contact.ts): asked last, as it records the contact.
    const ruled =
      customer?.email && mailer
        ? await takeResurveyContact(ctx.orgId, customer.id, { caseId, surveyId: survey.id })
        : null;
    const notSent = !customer
      ? "This case has no customer."
      : !customer.email
        ? "The customer has no e-mail address."
        : !mailer
          ? "E-mail is not set up on this server (SMTP_URL)."
          : ruled
            ? `The organization's contact rules hold it back: ${ruled}.`
            : null;
    if (notSent || !mailer || !customer?.email) {
      outcome = { status: "link_shown", link, reason: `Not e-mailed: ${notSent}${noCid}` };
    } else {
      const email = resurveyEmail(survey.defaultLocale, { orgName: kase.org.name, customerName: customer.name, link });
      try {
        await sendMail({ to: customer.email, ...email }, mailer);
        outcome = { status: "sent", link, to: customer.email };
      } catch (error) {
        console.error(
          `[cases] re-survey e-mail for case ${caseId} failed:`,
          error instanceof Error ? error.message : error,
        );
        outcome = {
          status: "link_shown",
          link,
          reason: "Not e-mailed: sending the e-mail failed. Pass the link on yourself.",
        };
      }
    }
  }
  await recordAudit(ctx, {
    action: RESURVEY_ACTIONS[outcome.status],
    entityType: "Case",
    entityId: caseId,
    data: outcome,
  });
  return outcome;
}
