// Runs the demo-data generator against real SQLite files (migrated with the committed migrations) at a small
// scale: deterministic output, promises kept or broken as designed, every row in the organization, users
// able to sign in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { DRIVER_ITEMS, DRIVER_SURVEY_NAME } from "./drivers";
import { SERVQUAL_SURVEY_NAME } from "./servqual";
import { categoryFor, type Metric } from "./feedback";
import { verifyPassword } from "../auth/password";
import {
  DEMO_ABOVE_PROMISE,
  DEMO_ORG_SLUG,
  DEMO_UNDER_PROMISE,
  DEMO_USERS,
  generateDemoOrganization,
} from "./generate";
import { dropDbs, freshDb } from "./test-db";

const opts = { seed: 42, scale: 0.05, now: new Date("2026-06-15T12:00:00Z") };
let a: Db;
let b: Db;
let first: Awaited<ReturnType<typeof generateDemoOrganization>>;
let second: Awaited<ReturnType<typeof generateDemoOrganization>>;
const messages: string[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([freshDb("a"), freshDb("b")]);
  first = await generateDemoOrganization(a, { ...opts, onProgress: (m) => messages.push(m) });
  second = await generateDemoOrganization(b, opts);
}, 120_000);

afterAll(dropDbs);

async function summary(db: Db, orgId: string) {
  const where = { orgId };
  const [categories, customers, emotion, outcomes, cases, responses] = await Promise.all([
    db.response.groupBy({
      by: ["metric", "category"],
      where,
      _count: { _all: true },
      _sum: { score: true },
      orderBy: [{ metric: "asc" }, { category: "asc" }],
    }),
    db.customer.findMany({
      where,
      orderBy: { externalId: "asc" },
      take: 5,
      select: { externalId: true, name: true, email: true },
    }),
    db.interaction.aggregate({ where, _sum: { emotion: true } }),
    db.interaction.groupBy({ by: ["outcome"], where, _count: { _all: true }, orderBy: { outcome: "asc" } }),
    db.case.groupBy({ by: ["status"], where, _count: { _all: true }, orderBy: { status: "asc" } }),
    db.response.findMany({
      where,
      orderBy: { submittedAt: "asc" },
      take: 3,
      select: { score: true, submittedAt: true, comment: true },
    }), // clientIds are random: see below
  ]);
  return { categories, customers, emotion, outcomes, cases, responses };
}

describe("generateDemoOrganization", () => {
  it("is deterministic for a given seed, scale and now", async () => {
    expect(second.counts).toEqual(first.counts);
    expect(second.orgId).toBe(first.orgId); // ids too, in an empty database
    const [sa, sb] = await Promise.all([summary(a, first.orgId), summary(b, second.orgId)]);
    expect(sb).toEqual(sa);
    const nps = Object.fromEntries(
      sa.categories.filter((c) => c.metric === "nps").map((c) => [c.category, c._count._all]),
    );
    expect(nps.promoter).toBeGreaterThan(0);
    expect(nps.detractor).toBeGreaterThan(0);
    expect(sa.customers[0].externalId).toBe("C-000001");
    expect(sa.customers[0].name).toMatch(/^\S+ \S+/);
  });

  it("gives survey responses random clientIds (not demo-1, demo-2…: a clientId must not be guessable)", async () => {
    const ids = async (db: Db, orgId: string) =>
      (await db.response.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { clientId: true } })).map(
        (r) => r.clientId,
      );
    const [inA, inB] = await Promise.all([ids(a, first.orgId), ids(b, second.orgId)]);
    expect(inA).toHaveLength(first.counts.responses);
    for (const id of inA) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(inA).size).toBe(inA.length);
    expect(inB.filter((id) => new Set(inA).has(id))).toEqual([]); // the same seed does not give the same clientIds
  });

  it("creates the organization, users and the expected amount of data", async () => {
    const org = await a.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    expect(org.name).toBe("Northwind Telecom");
    expect(org.settings).toEqual({ timeZone: "Europe/London", defaultLocale: "en", demo: true });
    expect(first.counts.customers).toBe(150);
    expect(first.counts.interactions).toBe(2000);
    // + the driver survey's (lib/demo/drivers.ts) + the SERVQUAL survey's (servqual.ts) + the invitations' (distribution.ts)
    expect(first.counts.responses).toBe(1250 + 60 + 30 + first.distribution.responses.length);
    expect(first.distribution.responses.length).toBeGreaterThan(0);
    expect(first.counts.journeys).toBeGreaterThanOrEqual(3);
    expect(first.counts.cases).toBeGreaterThanOrEqual(8);
    expect(messages).toContain("customers 150/150");
    const surveys = await a.survey.findMany({ where: { orgId: org.id }, include: { questions: true } });
    expect(surveys.map((s) => s.type).sort()).toEqual(["ces", "csat", "nps", "nps", "nps", "servqual"]);
    const drivers = surveys.find((s) => s.name === DRIVER_SURVEY_NAME)!;
    expect(
      drivers.questions
        .filter((q) => !q.headline)
        .map((q) => q.key)
        .sort(),
    ).toEqual(DRIVER_ITEMS.map((i) => i.key).sort());
    for (const s of surveys.filter((s) => s.type !== "servqual"))
      expect(s.questions.filter((q) => q.headline).map((q) => q.key)).toEqual([s.type]);
    const servqual = surveys.find((s) => s.name === SERVQUAL_SURVEY_NAME)!;
    expect(servqual.questions.map((q) => `${q.servqualRole}:${q.servqualDimension}`).sort()).toEqual(
      ["expectation", "perception"].flatMap((r) =>
        ["assurance", "empathy", "reliability", "responsiveness", "tangibles"].map((d) => `${r}:${d}`),
      ),
    );
    const ces = surveys.find((s) => s.type === "ces")!.questions.find((q) => q.headline)!;
    expect((ces.text as Record<string, string>).en).toBe("The company made it easy for me to handle my issue");
  });

  it("stores every headline score with the category the schema defines", async () => {
    const groups = await a.response.groupBy({
      by: ["metric", "category"],
      where: { orgId: first.orgId, metric: { not: null } },
      _min: { score: true },
      _max: { score: true },
    });
    expect(groups.length).toBe(9);
    for (const g of groups) {
      expect(categoryFor(g.metric as Metric, g._min.score!)).toBe(g.category);
      expect(categoryFor(g.metric as Metric, g._max.score!)).toBe(g.category);
    }
    const headlineAnswers = await a.answer.count({
      where: { orgId: first.orgId, valueNumber: { not: null }, question: { headline: true } },
    });
    expect(headlineAnswers).toBe(first.counts.responses - 30); // SERVQUAL responses have no headline
    const itemAnswers = await a.answer.count({
      where: { orgId: first.orgId, valueNumber: { not: null }, question: { headline: false } },
    });
    expect(itemAnswers).toBe(60 * DRIVER_ITEMS.length + 30 * 10); // every driver-survey response rates every item; SERVQUAL: 5 dimensions × 2
    const withComment = await a.response.count({
      where: { orgId: first.orgId, hasComment: true, comment: { not: null } },
    });
    expect(first.counts.answers - headlineAnswers - itemAnswers).toBe(withComment);
  });

  it("makes the under-promise touchpoints score below their targets, the above-promise one above", async () => {
    const measured = async (name: string) => {
      const tp = await a.touchpoint.findFirstOrThrow({ where: { orgId: first.orgId, name } });
      const avg = async (metric: string) =>
        await a.response.aggregate({
          where: { orgId: first.orgId, touchpointId: tp.id, metric },
          _avg: { score: true },
          _count: { _all: true },
        });
      return { tp, csat: await avg("csat"), ces: await avg("ces") };
    };
    for (const name of DEMO_UNDER_PROMISE) {
      const { tp, csat, ces } = await measured(name);
      expect(csat._count._all, name).toBeGreaterThanOrEqual(5);
      expect(csat._avg.score!, name).toBeLessThan(tp.targetCsat!);
      expect(ces._avg.score!, name).toBeLessThan(tp.targetCes!);
    }
    for (const name of DEMO_ABOVE_PROMISE) {
      const { tp, csat, ces } = await measured(name);
      expect(csat._avg.score!, name).toBeGreaterThan(tp.targetCsat!);
      expect(ces._avg.score!, name).toBeGreaterThan(tp.targetCes!);
    }
  });

  it("puts every row in the organization", async () => {
    const orgId = first.orgId;
    const tables: [string, { count: (args?: { where?: { orgId?: string } }) => Promise<number> }][] = [
      ["memberships", a.membership],
      ["channels", a.channel],
      ["journeys", a.journey],
      ["stages", a.stage],
      ["touchpoints", a.touchpoint],
      ["customers", a.customer],
      ["customerTags", a.customerTag],
      ["surveys", a.survey],
      ["surveyQuestions", a.surveyQuestion],
      ["interactions", a.interaction],
      ["responses", a.response],
      ["answers", a.answer],
      ["cases", a.case],
      ["units", a.unit],
      ["audiences", a.audience],
      ["audienceMembers", a.audienceMember],
      ["campaigns", a.campaign],
      ["campaignWaves", a.campaignWave],
      ["triggers", a.trigger],
      ["invitations", a.invitation],
      ["outboxMessages", a.outboxMessage],
      ["suppressionLogs", a.suppressionLog],
      ["mailSuppressions", a.mailSuppression],
    ];
    for (const [key, model] of tables) {
      const [inOrg, all] = await Promise.all([model.count({ where: { orgId } }), model.count()]);
      expect(inOrg, key).toBe(first.counts[key]);
      expect(all, key).toBe(inOrg);
    }
    const cases = await a.case.findMany({ where: { orgId }, include: { response: true } });
    for (const c of cases) {
      expect(c.triggerKey).toBe(`detractor:${c.responseId}`);
      expect(c.response?.category).toBe("detractor");
    }
  });

  it("records every customer's consent in the consent history, so the customer 360 and its history agree", async () => {
    const customers = await a.customer.findMany({
      where: { orgId: first.orgId },
      select: { id: true, consent: true, consentAt: true, consentEvents: { orderBy: { createdAt: "desc" } } },
    });
    const consenting = customers.filter((c) => c.consent !== null);
    expect(consenting.length).toBeGreaterThan(0);
    expect(customers.some((c) => c.consent === false)).toBe(true);
    for (const c of customers) {
      if (c.consent === null) {
        expect(c.consentEvents).toEqual([]);
        continue;
      }
      expect(c.consentEvents[0]).toMatchObject({ consent: c.consent, createdAt: c.consentAt, orgId: first.orgId });
    }
    // one imported consent per customer who had one, plus an opt-out for each unsubscribe link used (distribution.ts)
    const events = customers.flatMap((c) => c.consentEvents);
    expect(first.counts.consentEvents).toBe(events.length);
    expect(events.filter((e) => e.source !== "import").every((e) => e.source === "unsubscribe" && !e.consent)).toBe(
      true,
    );
    for (const c of customers)
      expect(c.consentEvents.filter((e) => e.source === "import").length).toBeLessThanOrEqual(1);
  });

  it("creates users who can sign in with the demo password", async () => {
    for (const u of DEMO_USERS) {
      const user = await a.user.findUniqueOrThrow({ where: { email: u.email }, include: { memberships: true } });
      expect(await verifyPassword(u.password, user.passwordHash ?? ""), u.email).toBe(true);
      expect(await verifyPassword("wrong-password", user.passwordHash ?? "")).toBe(false);
      expect(user.memberships.map((m) => [m.orgId, m.role])).toEqual([[first.orgId, u.role]]);
      const unit = user.memberships[0].unitId
        ? await a.unit.findUniqueOrThrow({ where: { id: user.memberships[0].unitId } })
        : null;
      expect(unit?.code ?? null, u.email).toBe(u.unit);
    }
  });

  it("refuses a second demo organization, and reuses existing users once the first is gone", async () => {
    await expect(generateDemoOrganization(b, opts)).rejects.toThrow(/slug "demo" already exists/);
    const usersBefore = await b.user.findMany({ orderBy: { email: "asc" } });
    await b.organization.create({ data: { name: "Other", slug: "other" } });
    await b.organization.delete({ where: { slug: DEMO_ORG_SLUG } });
    const again = await generateDemoOrganization(b, opts);
    expect(again.counts).toEqual(first.counts);
    expect(again.orgId).not.toBe(first.orgId);
    expect(await b.user.findMany({ orderBy: { email: "asc" } })).toEqual(usersBefore);
    expect(await b.membership.count({ where: { orgId: again.orgId } })).toBe(DEMO_USERS.length);
  }, 60_000);
});
