// Generates one realistic demo organization ("Northwind Telecom", slug "demo") with 18 months of history:
// customers, journeys and touchpoints with promises, staff-logged interactions, NPS/CSAT/CES responses and
// follow-up cases. Deterministic for a given seed, scale and `now` (except survey responses' clientIds: random,
// since a clientId must not be guessable — lib/surveys/response-store.ts); rows are built in memory and written
// with batched multi-row INSERTs inside one transaction, so a failed run leaves no half-made organization.
import { randomBytes } from "node:crypto";
import { searchTokenRows } from "../customers/search-tokens";
import type { Db } from "../db";
import { insertBatches } from "../db-bulk";
import { analyseOnWrite, type AnswerText, type InteractionText, type ResponseText } from "../text-analytics/store";
import { buildDemoRows, DAY, WINDOW_DAYS, type DemoUserIds } from "./build";
import { createRng, hashString } from "../metrics/random";
import { hashPassword } from "../auth/password";
import { attributeDemoRows, createDemoUnits, planUnits, type AttributionCounts } from "./hierarchy";
import { buildDistribution, type DemoDistribution } from "./distribution";

export { DEMO_ABOVE_PROMISE, DEMO_UNDER_PROMISE } from "./catalog";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_ORG_NAME = "Northwind Telecom";
export const DEMO_PASSWORD = "resonance-demo";
export const DEFAULT_DEMO_SEED = 20261123;

/**
 * The demo's staff. The first five see the whole organization; the last four are the hierarchy's people
 * (docs/hierarchy.md): their membership is scoped to a unit of lib/demo/hierarchy.ts (`unit`, by code), so each
 * sees that unit and the units below it only.
 */
export const DEMO_USERS = [
  { email: "admin@demo.resonance.test", name: "Morgan Reyes", role: "admin", password: DEMO_PASSWORD, unit: null },
  { email: "manager@demo.resonance.test", name: "Priya Shah", role: "manager", password: DEMO_PASSWORD, unit: null },
  { email: "agent@demo.resonance.test", name: "Sam Carter", role: "agent", password: DEMO_PASSWORD, unit: null },
  { email: "agent2@demo.resonance.test", name: "Jordan Lee", role: "agent", password: DEMO_PASSWORD, unit: null },
  { email: "viewer@demo.resonance.test", name: "Robin Fox", role: "viewer", password: DEMO_PASSWORD, unit: null },
  {
    email: "region.manager@demo.resonance.test",
    name: "Hannah Okafor",
    role: "manager",
    password: DEMO_PASSWORD,
    unit: "R-NORTH",
  },
  {
    email: "area.manager@demo.resonance.test",
    name: "Callum Reid",
    role: "manager",
    password: DEMO_PASSWORD,
    unit: "A-NW",
  },
  {
    email: "store.manager@demo.resonance.test",
    name: "Tom Whitfield",
    role: "manager",
    password: DEMO_PASSWORD,
    unit: "S-MAN",
  },
  { email: "teamlead@demo.resonance.test", name: "Aisha Khan", role: "agent", password: DEMO_PASSWORD, unit: "T-TECH" },
] as const satisfies readonly { email: string; name: string; role: string; password: string; unit: string | null }[];

/** Which demo user plays which part in the generated data (interaction staff, case owners). */
const USER_KEYS: (keyof DemoUserIds)[] = [
  "admin",
  "manager",
  "agent",
  "agent2",
  "viewer",
  "regionManager",
  "areaManager",
  "storeManager",
  "teamLead",
];

export interface GenerateOptions {
  seed?: number;
  /** 1 = ~3,000 customers, ~40,000 interactions, ~25,000 responses. */
  scale?: number;
  now?: Date;
  onProgress?: (msg: string) => void;
  /**
   * true (the default, `npm start -- --demo`, tests): the demo staff accounts sign in with the published demo
   * password. false (first-run setup): they exist as the staff in the data but have no password at all.
   */
  demoLogins?: boolean;
  /** A user (the first-run admin) who also becomes admin of the demo organization. */
  adminUserId?: string;
}

export async function generateDemoOrganization(
  db: Db,
  opts: GenerateOptions = {},
): Promise<{
  orgId: string;
  counts: Record<string, number>;
  ms: number;
  /** How many rows each attribution rule decided (lib/units/attribution.ts). */
  attribution: AttributionCounts;
  /** What distribution rows were made, with each generated response's invitation (for the tests). */
  distribution: DemoDistribution;
}> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const scale = opts.scale ?? 1;
  const now = opts.now ?? new Date();
  const progress = opts.onProgress;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  if (Number.isNaN(now.getTime())) throw new Error("now must be a valid date");

  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG }, select: { id: true } });
  if (existing) {
    throw new Error(
      `An organization with slug "${DEMO_ORG_SLUG}" already exists (id ${existing.id}); ` +
        "delete it or use an empty database before generating the demo data again.",
    );
  }
  // Ids come from their own stream: identical for a given seed in an empty database, salted otherwise so
  // that they cannot collide with the rows of an earlier demo organization that was renamed.
  const organizations = await db.organization.count();
  const idSeed = hashString(organizations === 0 ? `ids:${seed}` : `ids:${seed}:${Date.now()}:${performance.now()}`);
  const idRng = createRng(idSeed);
  const newId = () => idRng.id();

  // Users: upserted by e-mail (an existing account keeps its password); each distinct password hashed once.
  progress?.("users");
  const demoLogins = opts.demoLogins ?? true;
  const hashes = new Map<string, Promise<string>>();
  if (demoLogins)
    for (const u of DEMO_USERS) if (!hashes.has(u.password)) hashes.set(u.password, hashPassword(u.password));
  const userIds = {} as DemoUserIds;
  for (const [i, u] of DEMO_USERS.entries()) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: {
        id: newId(),
        email: u.email,
        name: u.name,
        passwordHash: demoLogins ? await hashes.get(u.password)! : null,
      },
      select: { id: true },
    });
    userIds[USER_KEYS[i]] = user.id;
  }

  progress?.("building rows");
  const orgId = newId();
  const rows = buildDemoRows({
    seed,
    scale,
    now,
    orgId,
    users: userIds,
    newId,
    newPublicId: () => idRng.token(12),
    newClientId: () => randomBytes(16).toString("hex"),
  });
  const orgCreatedAt = new Date(now.getTime() - (WINDOW_DAYS + 30) * DAY);
  // The hierarchy (ids from the id stream, written through the unit service below) and distribution; then every
  // interaction, response and case is attributed to a unit by the documented rule order.
  const units = planUnits(newId);
  const unitId = (code: string | null) => (code ? units.find((u) => u.code === code)!.id : null);
  const distribution = buildDistribution({
    seed,
    orgId,
    nowMs: now.getTime(),
    newId,
    newClientId: () => randomBytes(16).toString("hex"),
    newPublicId: () => idRng.token(12),
    users: { admin: userIds.admin, manager: userIds.manager },
    channelIds: Object.fromEntries(rows.channels.map((c) => [c.key, c.id])),
    ...rows,
  });
  const responses = [...rows.responses, ...distribution.responses];
  const attribution = attributeDemoRows(
    { ...rows, responses },
    units,
    {
      teamLead: { id: userIds.teamLead, unit: DEMO_USERS[8].unit },
      storeManager: { id: userIds.storeManager, unit: DEMO_USERS[7].unit },
    },
    seed,
  );
  const memberships = DEMO_USERS.map((u, i) => ({
    id: newId(),
    orgId,
    userId: userIds[USER_KEYS[i]],
    role: u.role,
    unitId: unitId(u.unit),
    createdAt: orgCreatedAt,
  }));
  if (opts.adminUserId && !Object.values(userIds).includes(opts.adminUserId)) {
    memberships.push({
      id: newId(),
      orgId,
      userId: opts.adminUserId,
      role: "admin",
      unitId: null,
      createdAt: orgCreatedAt,
    });
  }

  await db.$transaction(
    async (tx) => {
      await tx.organization.create({
        data: {
          id: orgId,
          name: DEMO_ORG_NAME,
          slug: DEMO_ORG_SLUG,
          // `demo: true` puts the "Demo data" marker on every page of this organization (app/(app)/layout.tsx).
          settings: { timeZone: "Europe/London", defaultLocale: "en", demo: true },
          createdAt: orgCreatedAt,
          updatedAt: orgCreatedAt,
        },
      });
      const ctx = { orgId, userId: userIds.admin, role: "admin" as const, apiKeyId: null };
      await createDemoUnits(tx, ctx, units, orgCreatedAt);
      progress?.(`units ${units.length}/${units.length}`);
      await insertBatches(tx, "Membership", "memberships", memberships);
      await insertBatches(tx, "Channel", "channels", [...rows.channels, distribution.channel], progress);
      await insertBatches(tx, "Journey", "journeys", rows.journeys, progress);
      await insertBatches(tx, "Stage", "stages", rows.stages, progress);
      await insertBatches(tx, "Touchpoint", "touchpoints", rows.touchpoints, progress);
      await insertBatches(tx, "Customer", "customers", rows.customers, progress);
      await insertBatches(tx, "CustomerTag", "customer tags", rows.customerTags, progress);
      await insertBatches(
        tx,
        "ConsentEvent",
        "consent events",
        [...rows.consentEvents, ...distribution.consentEvents],
        progress,
      );
      await insertBatches(
        tx,
        "CustomerSearchToken",
        "search index",
        rows.customers.flatMap((c) => searchTokenRows(orgId, c.id!, c)),
        progress,
      );
      await insertBatches(tx, "Survey", "surveys", [...rows.surveys, distribution.survey], progress);
      await insertBatches(tx, "SurveyQuestion", "questions", [...rows.questions, ...distribution.questions], progress);
      await insertBatches(tx, "Interaction", "interactions", rows.interactions, progress);
      await insertBatches(tx, "Response", "responses", responses, progress);
      await insertBatches(tx, "Answer", "answers", [...rows.answers, ...distribution.answers], progress);
      // Sentiment and themes of every comment and note, as the write paths store them (docs/text-analytics.md).
      await analyseOnWrite(tx, {
        responses: responses as ResponseText[],
        answers: [...rows.answers, ...distribution.answers] as AnswerText[],
        interactions: rows.interactions as InteractionText[],
      });
      await insertBatches(tx, "Case", "cases", rows.cases, progress);
      await insertBatches(tx, "ContactRule", "contact rules", [distribution.contactRule]);
      await insertBatches(tx, "Audience", "audiences", distribution.audiences);
      await insertBatches(tx, "AudienceMember", "audience members", distribution.audienceMembers);
      await insertBatches(tx, "Campaign", "campaigns", distribution.campaigns);
      await insertBatches(tx, "CampaignWave", "waves", distribution.waves);
      await insertBatches(tx, "Trigger", "triggers", distribution.triggers);
      await insertBatches(tx, "Invitation", "invitations", distribution.invitations, progress);
      await insertBatches(tx, "OutboxMessage", "outbox", distribution.outbox, progress);
      await insertBatches(tx, "SuppressionLog", "suppression log", distribution.suppressionLogs, progress);
      await insertBatches(tx, "MailSuppression", "bounced addresses", distribution.mailSuppressions);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );

  const counts: Record<string, number> = {
    users: DEMO_USERS.length,
    memberships: memberships.length,
    units: units.length,
    channels: rows.channels.length + 1,
    journeys: rows.journeys.length,
    stages: rows.stages.length,
    touchpoints: rows.touchpoints.length,
    customers: rows.customers.length,
    customerTags: rows.customerTags.length,
    consentEvents: rows.consentEvents.length + distribution.consentEvents.length,
    surveys: rows.surveys.length + 1,
    surveyQuestions: rows.questions.length + distribution.questions.length,
    interactions: rows.interactions.length,
    responses: responses.length,
    answers: rows.answers.length + distribution.answers.length,
    cases: rows.cases.length,
    audiences: distribution.audiences.length,
    audienceMembers: distribution.audienceMembers.length,
    campaigns: distribution.campaigns.length,
    campaignWaves: distribution.waves.length,
    triggers: distribution.triggers.length,
    invitations: distribution.invitations.length,
    outboxMessages: distribution.outbox.length,
    suppressionLogs: distribution.suppressionLogs.length,
    mailSuppressions: distribution.mailSuppressions.length,
  };
  const ms = Math.round(performance.now() - started);
  progress?.(`done in ${(ms / 1000).toFixed(1)} s`);
  return { orgId, counts, ms, attribution, distribution };
}
