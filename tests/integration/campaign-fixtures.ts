// What the campaign suites share (campaigns.test.ts, contact-rules.test.ts): customers in a fresh live audience, a
// campaign of a new live survey that sends at any hour. (A second worker instance in its own process:
// worker-instance.ts.)
import { db } from "@/lib/db";
import { createCampaign } from "@/lib/campaigns/service";
import { createCampaignSchema, type CreateCampaignInput } from "@/lib/campaigns/schema";
import { uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import type { SmtpSink } from "./smtp-sink";

export type CustomerSeed = {
  label: string;
  email?: string | null;
  externalId?: string | null;
  consent?: boolean | null;
  timeZone?: string;
};

/** Customers tagged with a fresh tag, and a live audience of that tag. */
export async function audienceOf(org: Org, seeds: CustomerSeed[], sink: SmtpSink) {
  const tag = `t-${uid()}`;
  const customers: Awaited<ReturnType<typeof db.customer.create>>[] = [];
  for (const s of seeds) {
    const c = await db.customer.create({
      data: {
        orgId: org.orgId,
        name: s.label,
        email: s.email === undefined ? `${s.label}-${uid()}@example.test` : s.email,
        externalId: s.externalId === undefined ? `X-${s.label}-${uid()}` : s.externalId,
        consent: s.consent ?? null,
        attributes: s.timeZone ? { timeZone: s.timeZone } : undefined,
        tags: { create: { orgId: org.orgId, tag } },
      },
    });
    customers.push(c);
  }
  const audience = await db.audience.create({
    data: {
      orgId: org.orgId,
      name: `aud ${tag}`,
      kind: "live",
      definition: { criteria: [{ type: "tags", tags: [tag] }] },
    },
  });
  const emails = new Set(customers.map((c) => c.email));
  return {
    audience,
    customers,
    byLabel: (l: string) => customers.find((c) => c.name === l)!,
    /** The messages the sink received for these customers (a reused database may hold other tests' due mail). */
    mails: () => sink.messages.filter((m) => emails.has(m.to[0])),
  };
}

export const ANY_TIME = { windowStartHour: 0, windowEndHour: 0 };

/** A campaign of a new live NPS survey to the audience, sending at any hour unless `input` says otherwise. */
export async function campaign(org: Org, audienceId: string, input: Partial<CreateCampaignInput> = {}) {
  const survey = await createSurvey(org.orgId);
  const c = await createCampaign(
    org.ctx("manager"),
    createCampaignSchema.parse({ name: `c ${uid()}`, surveyId: survey.id, audienceId, ...ANY_TIME, ...input }),
  );
  return { campaign: c, survey };
}
