// The scope matrix's organization (docs/hierarchy.md, "The scope matrix test"): the tree R1 {S1, S2}, R2 {S3}; a
// touchpoint, a customer (home unit), an interaction, NPS responses and a case attributed to each store, and the same
// with no unit; members scoped to S1 and R1 beside the organization-wide ones of createOrg; API keys scoped through
// their own unit and through their creator's.
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/service";
import type { Role } from "@/lib/auth/roles";
import { createOrg, createUser, TEST_PASSWORD, uid, type Org } from "../../factories";
import { signIn } from "../http";

export const STORES = ["S1", "S2", "S3", "none"] as const;
export type Store = (typeof STORES)[number];

/** NPS scores per store: S1 alone is NPS +50 (3 promoters, 1 detractor of 4), R1 = S1 + S2, the organization all. */
export const SCORES: Record<Store, number[]> = {
  S1: [10, 9, 9, 2],
  S2: [0, 5, 10],
  S3: [10, 10],
  none: [0, 0],
};

export type StoreRows = {
  unitId: string | null;
  touchpointId: string;
  customerId: string;
  customerEmail: string;
  interactionId: string;
  responseIds: string[];
  caseId: string;
};

/** A scoped caller: a member of the organization with a role over one unit's subtree, their session and key. */
export type ScopedCaller = { userId: string; email: string; role: Role; unitId: string; cookie: string; key: string };

export type ScopeFixture = Awaited<ReturnType<typeof createScopeFixture>>;

async function unit(orgId: string, code: string, name: string, parent: { id: string; path: string } | null) {
  const u = await db.unit.create({
    data: {
      orgId,
      code,
      name,
      kind: parent ? "store" : "region",
      parentId: parent?.id ?? null,
      path: "/",
      depth: parent ? 1 : 0,
    },
  });
  return db.unit.update({ where: { id: u.id }, data: { path: `${parent?.path ?? "/"}${u.id}/` } });
}

export async function createScopeFixture(label = "scope") {
  const org: Org = await createOrg(label);
  const orgId = org.orgId;
  const r1 = await unit(orgId, "R1", `${label} Region 1`, null);
  const s1 = await unit(orgId, "S1", `${label} Store 1`, r1);
  const s2 = await unit(orgId, "S2", `${label} Store 2`, r1);
  const r2 = await unit(orgId, "R2", `${label} Region 2`, null);
  const s3 = await unit(orgId, "S3", `${label} Store 3`, r2);
  const units = { R1: r1.id, S1: s1.id, S2: s2.id, R2: r2.id, S3: s3.id };
  const unitOf: Record<Store, string | null> = { S1: s1.id, S2: s2.id, S3: s3.id, none: null };

  const survey = await db.survey.findUniqueOrThrow({ where: { id: org.ids.survey } });
  const rows = {} as Record<Store, StoreRows>;
  const now = Date.now();
  for (const store of STORES) {
    const unitId = unitOf[store];
    const touchpoint = await db.touchpoint.create({
      data: {
        orgId,
        journeyId: org.ids.journey,
        stageId: org.ids.stage,
        channelId: org.ids.channel,
        name: `Checkout ${store}`,
        kind: "human",
        unitId,
      },
    });
    const email = `scope-${store.toLowerCase()}-${uid()}@example.test`;
    const customer = await db.customer.create({
      data: { orgId, name: `Customer of ${store}`, email, externalId: `SC-${store}-${uid()}`, unitId },
    });
    const interaction = await db.interaction.create({
      data: {
        orgId,
        customerId: customer.id,
        touchpointId: touchpoint.id,
        channelId: org.ids.channel,
        staffId: org.users.agent.id,
        occurredAt: new Date(now - 3_600_000),
        outcome: "resolved",
        emotion: 1,
        note: `Visit at ${store}`,
        unitId,
      },
    });
    const responseIds: string[] = [];
    for (const [i, score] of SCORES[store].entries()) {
      const r = await db.response.create({
        data: {
          orgId,
          surveyId: survey.id,
          clientId: `sc-${store}-${i}-${uid()}`,
          customerId: customer.id,
          touchpointId: touchpoint.id,
          channelId: org.ids.channel,
          metric: "nps",
          score,
          category: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor",
          completed: true,
          submittedAt: new Date(now - 86_400_000 - i * 60_000),
          comment: `Comment from ${store} #${i}`,
          hasComment: true,
          unitId,
        },
      });
      responseIds.push(r.id);
    }
    const kase = await db.case.create({
      data: {
        orgId,
        customerId: customer.id,
        responseId: responseIds[responseIds.length - 1],
        title: `Call back ${store}`,
        ownerId: org.users.agent.id,
        unitId,
      },
    });
    rows[store] = {
      unitId,
      touchpointId: touchpoint.id,
      customerId: customer.id,
      customerEmail: email,
      interactionId: interaction.id,
      responseIds,
      caseId: kase.id,
    };
  }

  // Members over one subtree, each with a session and a key of their own (the key has no unit of its own: it is
  // scoped through its creator).
  async function scoped(name: string, role: Role, unitId: string): Promise<ScopedCaller> {
    const u = await createUser(`${label}-${name}`);
    await db.membership.create({ data: { orgId, userId: u.id, role, unitId } });
    const ctx = { orgId, userId: u.id, role, apiKeyId: null };
    const key = (await createApiKey(ctx, { name: `${name} key`, role })).key;
    const cookie = (await signIn(u.email, TEST_PASSWORD))!;
    return { userId: u.id, email: u.email, role, unitId, cookie, key };
  }
  const callers = {
    s1Manager: await scoped("s1-manager", "manager", s1.id),
    s1Agent: await scoped("s1-agent", "agent", s1.id),
    s1Admin: await scoped("s1-admin", "admin", s1.id),
    r1Viewer: await scoped("r1-viewer", "viewer", r1.id),
  };
  // An organization-wide admin's key limited to S1 by its own unit.
  const adminKey = await createApiKey(org.ctx("admin"), { name: "S1 integration", role: "manager" });
  await db.apiKey.update({ where: { id: adminKey.id }, data: { unitId: s1.id } });
  const orgAdminCookie = (await signIn(org.users.admin.email, TEST_PASSWORD))!;

  /** The fixture's ids of these stores, per kind. */
  const idsOf = (stores: Store[]) => ({
    stores,
    responses: stores.flatMap((s) => rows[s].responseIds),
    interactions: stores.map((s) => rows[s].interactionId),
    cases: stores.map((s) => rows[s].caseId),
    customers: stores.map((s) => rows[s].customerId),
  });
  const storesIn = (scope: "S1" | "R1"): Store[] => (scope === "S1" ? ["S1"] : ["S1", "S2"]);
  /** The ids a caller scoped to `scope` may see, per kind. */
  const visible = (scope: "S1" | "R1") => idsOf(storesIn(scope));
  /** Every fixture row of a kind that lies outside `scope` (other stores and the rows without a unit). */
  const hidden = (scope: "S1" | "R1") => idsOf(STORES.filter((s) => !storesIn(scope).includes(s)));

  return {
    org,
    orgId,
    units,
    rows,
    callers,
    /** The organization admin's key with unitId S1 (role manager). */
    s1IntegrationKey: adminKey.key,
    orgAdminCookie,
    visible,
    hidden,
  };
}
