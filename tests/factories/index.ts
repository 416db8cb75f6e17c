// Test data built through the same client the app uses. Each call makes a new organization with unique
// names, so test files never depend on each other's rows and never need a truncate.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/ctx";
import { ROLES, type Role } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/api-keys/service";
import { createInvite } from "@/lib/members/service";
import { ensureTaxonomy } from "@/lib/text-analytics/taxonomy";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export function uid(): string {
  return randomUUID().slice(0, 8);
}

export async function createUser(label: string) {
  const email = `${label}-${uid()}@test.resonance.test`;
  const user = await db.user.create({
    data: { email, name: `${label} user`, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)) },
  });
  return { id: user.id, email };
}

export type Org = Awaited<ReturnType<typeof createOrg>>;

/**
 * An organization with one member and one API key per role, and one record of every kind. Its contact rules
 * are off (no frequency cap, no quiet hours) unless `contactRules: "default"`: the defaults (one invitation per 30
 * days, nothing sent 21:00–08:00) would make suites that invite a customer twice, or run at night, depend on their
 * history and the clock; contact-rules.test.ts tests the defaults.
 */
export async function createOrg(label = "org", opts: { contactRules?: "off" | "default" } = {}) {
  const org = await db.organization.create({ data: { name: `${label} ${uid()}`, slug: `${label}-${uid()}` } });
  if (opts.contactRules !== "default")
    await db.contactRule.create({ data: { orgId: org.id, capDays: 0, quietStartHour: 0, quietEndHour: 0 } });
  const users = {} as Record<Role, { id: string; email: string; membershipId: string }>;
  for (const role of ROLES) {
    const u = await createUser(`${label}-${role}`);
    const m = await db.membership.create({ data: { orgId: org.id, userId: u.id, role } });
    users[role] = { ...u, membershipId: m.id };
  }
  const ctx = (role: Role): Ctx => ({ orgId: org.id, userId: users[role].id, role, apiKeyId: null });
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) keys[role] = (await createApiKey(ctx("admin"), { name: `${role} key`, role })).key;
  const spareKey = await createApiKey(ctx("admin"), { name: "spare", role: "viewer" });

  const channel = await db.channel.create({ data: { orgId: org.id, key: "phone", name: "Phone" } });
  const journey = await db.journey.create({ data: { orgId: org.id, name: `${label} journey` } });
  const stage = await db.stage.create({ data: { orgId: org.id, journeyId: journey.id, name: "Support", position: 0 } });
  const touchpoint = await db.touchpoint.create({
    data: {
      orgId: org.id,
      journeyId: journey.id,
      stageId: stage.id,
      channelId: channel.id,
      name: "Call",
      kind: "human",
      targetCsat: 4.2,
      promise: "Solved on the first call",
    },
  });
  const customer = await db.customer.create({
    data: { orgId: org.id, name: `${label} customer`, email: `c-${uid()}@example.test`, externalId: `EXT-${uid()}` },
  });
  const interaction = await db.interaction.create({
    data: {
      orgId: org.id,
      customerId: customer.id,
      touchpointId: touchpoint.id,
      channelId: channel.id,
      staffId: users.agent.id,
      occurredAt: new Date(),
      outcome: "resolved",
      emotion: 1,
      note: "original note",
    },
  });
  const survey = await db.survey.create({
    data: { orgId: org.id, publicId: `pub-${uid()}`, name: "NPS", type: "nps", status: "live" },
  });
  const response = await db.response.create({
    data: {
      orgId: org.id,
      surveyId: survey.id,
      clientId: `r-${uid()}`,
      customerId: customer.id,
      metric: "nps",
      score: 3,
      category: "detractor",
      completed: true,
    },
  });
  const kase = await db.case.create({
    data: {
      orgId: org.id,
      customerId: customer.id,
      responseId: response.id,
      title: "Call back detractor",
      ownerId: users.agent.id,
    },
  });
  const invite = await createInvite(ctx("admin"), { email: `invitee-${uid()}@example.test`, role: "viewer" });
  // Subscribed to nothing and pointing at the discard port: it never receives the other tests' events.
  const webhook = await db.webhookEndpoint.create({
    data: { orgId: org.id, url: "http://127.0.0.1:9/hook", eventTypes: [], secretEnc: "v1:unused", active: false },
  });
  // Static, with the organization's customer as its member: the CSV upload route has a list to replace.
  const audience = await db.audience.create({
    data: {
      orgId: org.id,
      name: `${label} audience`,
      kind: "static",
      definition: { criteria: [] },
      createdById: users.manager.id,
      members: { create: { customerId: customer.id, orgId: org.id } },
    },
  });
  // Paused and without a due wave: no worker ever sends it; the routes have a campaign to read and steer.
  const campaign = await db.campaign.create({
    data: {
      orgId: org.id,
      name: `${label} campaign`,
      surveyId: survey.id,
      audienceId: audience.id,
      status: "paused",
      startAt: new Date(),
      createdById: users.manager.id,
    },
  });
  // Paused: it fires nothing in other suites; the trigger routes have one to read, change and delete.
  const trigger = await db.trigger.create({
    data: {
      orgId: org.id,
      name: `${label} trigger`,
      event: "interaction",
      touchpointId: touchpoint.id,
      surveyId: survey.id,
      status: "paused",
      createdById: users.manager.id,
    },
  });

  // One top-level unit with one store below it (docs/hierarchy.md): the unit routes have records to probe.
  const region = await db.unit.create({
    data: { orgId: org.id, code: "NORTH", name: `${label} North`, kind: "region", path: "/" },
  });
  await db.unit.update({ where: { id: region.id }, data: { path: `/${region.id}/` } });
  const store = await db.unit.create({
    data: {
      orgId: org.id,
      code: "S-1",
      name: `${label} Store 1`,
      kind: "store",
      parentId: region.id,
      path: "/",
      depth: 1,
    },
  });
  await db.unit.update({ where: { id: store.id }, data: { path: `/${region.id}/${store.id}/` } });

  // The organization's taxonomy, copied from the starter taxonomy (docs/text-analytics.md): the theme routes have a theme.
  await ensureTaxonomy(org.id);
  const textTheme = await db.textTheme.findFirstOrThrow({ where: { orgId: org.id, key: "billing" } });

  return {
    orgId: org.id,
    name: org.name,
    users,
    keys,
    ctx,
    ids: {
      customer: customer.id,
      journey: journey.id,
      stage: stage.id,
      touchpoint: touchpoint.id,
      channel: channel.id,
      interaction: interaction.id,
      survey: survey.id,
      response: response.id,
      case: kase.id,
      member: users.viewer.membershipId,
      invite: invite.id,
      apiKey: spareKey.id,
      webhook: webhook.id,
      audience: audience.id,
      campaign: campaign.id,
      trigger: trigger.id,
      unit: store.id,
      textTheme: textTheme.id,
    },
  };
}
