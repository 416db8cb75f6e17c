// Consent to be surveyed: every change is a ConsentEvent (when, where from, who), written in the same
// transaction as the change itself; and the one check every survey path asks before it shows or stores a
// survey for an identified customer: has this customer opted out (consent === false)?
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { AppError, NotFoundError } from "../errors";
import { visibleCustomerWhere } from "../customers/visible";

/** unsubscribe: the customer's own unsubscribe link in an invitation e-mail (lib/campaigns/unsubscribe.ts);
 * sms_stop: they replied STOP to an SMS invitation, as the SMS provider reported (lib/campaigns/worker.ts). */
export const CONSENT_SOURCES = ["staff", "api", "import", "erasure", "unsubscribe", "sms_stop"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

type Tx = Pick<typeof db, "consentEvent">;

/** Where a change made with this ctx came from: an API key, else a person in the app. */
export function consentSourceOf(ctx: Pick<Ctx, "apiKeyId">): ConsentSource {
  return ctx.apiKeyId ? "api" : "staff";
}

export async function recordConsentChange(
  tx: Tx,
  ctx: Pick<Ctx, "orgId" | "apiKeyId"> & { userId: string | null },
  change: { customerId: string; consent: boolean | null; source?: ConsentSource; at?: Date },
): Promise<void> {
  await tx.consentEvent.create({
    data: {
      orgId: ctx.orgId,
      customerId: change.customerId,
      consent: change.consent,
      source: change.source ?? consentSourceOf(ctx),
      actorId: ctx.userId,
      apiKeyId: ctx.apiKeyId,
      ...(change.at ? { createdAt: change.at } : {}),
    },
  });
}

export type ConsentEventDto = {
  id: string;
  consent: boolean | null;
  source: string;
  actor: { id: string; name: string } | null;
  viaApiKey: boolean;
  at: Date;
};

/**
 * The customer's consent history, newest first. Every change since the history was kept is an event; a consent
 * set before that (data from before this table existed) has none, so it is shown as one entry of source
 * "before_history" at Customer.consentAt — the history never says "nothing recorded" while the customer's
 * consent says otherwise.
 */
export async function listConsentHistory(ctx: Ctx, customerId: string): Promise<ConsentEventDto[]> {
  const customer = await db.customer.findFirst({
    where: visibleCustomerWhere(ctx, customerId),
    select: { id: true, consent: true, consentAt: true, createdAt: true },
  });
  if (!customer) throw new NotFoundError("Customer");
  const rows = await db.consentEvent.findMany({
    where: { orgId: ctx.orgId, customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const users = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  if (rows.length === 0 && customer.consent !== null)
    return [
      {
        id: `before-history-${customer.id}`,
        consent: customer.consent,
        source: "before_history",
        actor: null,
        viaApiKey: false,
        at: customer.consentAt ?? customer.createdAt,
      },
    ];
  return rows.map((r) => ({
    id: r.id,
    consent: r.consent,
    source: r.source,
    actor: (r.actorId && byId.get(r.actorId)) || null,
    viaApiKey: r.apiKeyId !== null,
    at: r.createdAt,
  }));
}

/** 403: the identified customer has opted out of surveys; nothing is shown or stored for them. */
export class CustomerOptedOutError extends AppError {
  constructor() {
    super(
      403,
      "Opted out",
      "This customer has opted out of surveys; no survey is shown and no response is stored for them.",
    );
  }
}

/** True when the organization has a customer with this external id who opted out (consent === false). */
export async function isOptedOut(orgId: string, externalId: string | null | undefined): Promise<boolean> {
  if (!externalId) return false;
  const c = await db.customer.findFirst({ where: { orgId, externalId }, select: { consent: true } });
  return c?.consent === false;
}
