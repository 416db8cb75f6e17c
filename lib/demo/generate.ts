// Generates one realistic demo organization ("Northwind Telecom", slug "demo") with 18 months of history:
// customers, journeys and touchpoints with promises, staff-logged interactions, NPS/CSAT/CES responses and
// follow-up cases. Deterministic for a given seed, scale and `now` (except survey responses' clientIds: random,
// since a clientId must not be guessable — lib/surveys/response-store.ts); rows are built in memory and written
// with batched multi-row INSERTs inside one transaction, so a failed run leaves no half-made organization.
import { randomBytes } from "node:crypto";
import { searchTokenRows } from "../customers/search-tokens";
import type { Db } from "../db";
import { insertBatches } from "../db-bulk";
import { buildDemoRows, DAY, WINDOW_DAYS, type DemoUserIds } from "./build";
import { createRng, hashString } from "../metrics/random";
import { hashPassword } from "../auth/password";

export { DEMO_ABOVE_PROMISE, DEMO_UNDER_PROMISE } from "./catalog";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_ORG_NAME = "Northwind Telecom";
export const DEMO_PASSWORD = "resonance-demo";
export const DEFAULT_DEMO_SEED = 20261123;

export const DEMO_USERS = [
  { email: "admin@demo.resonance.test", name: "Morgan Reyes", role: "admin", password: DEMO_PASSWORD },
  { email: "manager@demo.resonance.test", name: "Priya Shah", role: "manager", password: DEMO_PASSWORD },
  { email: "agent@demo.resonance.test", name: "Sam Carter", role: "agent", password: DEMO_PASSWORD },
  { email: "agent2@demo.resonance.test", name: "Jordan Lee", role: "agent", password: DEMO_PASSWORD },
  { email: "viewer@demo.resonance.test", name: "Robin Fox", role: "viewer", password: DEMO_PASSWORD },
] as const satisfies readonly { email: string; name: string; role: string; password: string }[];

/** Which demo user plays which part in the generated data (interaction staff, case owners). */
const USER_KEYS: (keyof DemoUserIds)[] = ["admin", "manager", "agent", "agent2", "viewer"];

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
): Promise<{ orgId: string; counts: Record<string, number>; ms: number }> {
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
  const memberships = DEMO_USERS.map((u, i) => ({
    id: newId(),
    orgId,
    userId: userIds[USER_KEYS[i]],
    role: u.role,
    createdAt: orgCreatedAt,
  }));
  if (opts.adminUserId && !Object.values(userIds).includes(opts.adminUserId)) {
    memberships.push({ id: newId(), orgId, userId: opts.adminUserId, role: "admin", createdAt: orgCreatedAt });
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
      await insertBatches(tx, "Membership", "memberships", memberships);
      await insertBatches(tx, "Channel", "channels", rows.channels, progress);
      await insertBatches(tx, "Journey", "journeys", rows.journeys, progress);
      await insertBatches(tx, "Stage", "stages", rows.stages, progress);
      await insertBatches(tx, "Touchpoint", "touchpoints", rows.touchpoints, progress);
      await insertBatches(tx, "Customer", "customers", rows.customers, progress);
      await insertBatches(tx, "CustomerTag", "customer tags", rows.customerTags, progress);
      await insertBatches(tx, "ConsentEvent", "consent events", rows.consentEvents, progress);
      await insertBatches(
        tx,
        "CustomerSearchToken",
        "search index",
        rows.customers.flatMap((c) => searchTokenRows(orgId, c.id!, c)),
        progress,
      );
      await insertBatches(tx, "Survey", "surveys", rows.surveys, progress);
      await insertBatches(tx, "SurveyQuestion", "questions", rows.questions, progress);
      await insertBatches(tx, "Interaction", "interactions", rows.interactions, progress);
      await insertBatches(tx, "Response", "responses", rows.responses, progress);
      await insertBatches(tx, "Answer", "answers", rows.answers, progress);
      await insertBatches(tx, "Case", "cases", rows.cases, progress);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );

  const counts: Record<string, number> = {
    users: DEMO_USERS.length,
    memberships: memberships.length,
    channels: rows.channels.length,
    journeys: rows.journeys.length,
    stages: rows.stages.length,
    touchpoints: rows.touchpoints.length,
    customers: rows.customers.length,
    customerTags: rows.customerTags.length,
    consentEvents: rows.consentEvents.length,
    surveys: rows.surveys.length,
    surveyQuestions: rows.questions.length,
    interactions: rows.interactions.length,
    responses: rows.responses.length,
    answers: rows.answers.length,
    cases: rows.cases.length,
  };
  const ms = Math.round(performance.now() - started);
  progress?.(`done in ${(ms / 1000).toFixed(1)} s`);
  return { orgId, counts, ms };
}
