// The demo's distribution and hierarchy (lib/demo/distribution.ts, hierarchy.ts), generated into a real SQLite
// file: every answer linked to an invitation is the one `answersInvitation` gives it, each wave's funnel in the
// database is the one the generator meant, nothing is due for the worker, the tree was built through the unit
// service and every row's unit follows lib/units/attribution.ts. At the seeded scale (in memory, no database):
// response rates that look like a real programme, and every kind of suppression.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type Db } from "../db";
import { answered, answersInvitation } from "../campaigns/service";
import { readStoredDefinition } from "../audiences/definition";
import { attribute, attributeCase } from "../units/attribution";
import { createRng } from "../metrics/random";
import { generateDemoOrganization } from "./generate";
import { buildDemoRows } from "./build";
import { buildDistribution, DEMO_CAMPAIGNS, DEMO_CONTACT_RULE, expectedFunnel } from "./distribution";
import { DEMO_UNITS } from "./hierarchy";
import { dropDbs, freshDb } from "./test-db";

const now = new Date("2026-06-15T12:00:00Z");
let db: Db;
let demo: Awaited<ReturnType<typeof generateDemoOrganization>>;

beforeAll(async () => {
  db = await freshDb("distribution");
  demo = await generateDemoOrganization(db, { seed: 7, scale: 0.1, now });
}, 120_000);
afterAll(dropDbs);

const DAY = 86_400_000;

describe("demo distribution", () => {
  it("links each generated answer to the invitation answersInvitation gives it, and to no other", async () => {
    const { links } = demo.distribution;
    expect(links.length).toBeGreaterThan(10);
    const rows = await db.$queryRaw<{ responseId: string; invitationId: string }[]>(Prisma.sql`
      SELECT r."id" AS "responseId", i."id" AS "invitationId" FROM "Response" r JOIN "Invitation" i ON ${answersInvitation}
      WHERE r."orgId" = ${demo.orgId} AND r."id" IN (${Prisma.join(links.map((l) => l.responseId))})`);
    expect(rows.sort((x, y) => (x.responseId < y.responseId ? -1 : 1))).toEqual(
      [...links].sort((x, y) => (x.responseId < y.responseId ? -1 : 1)),
    );
  });

  it("gives each wave and trigger the funnel the generator meant, counted as the campaigns page counts", async () => {
    const { sends, invitations } = demo.distribution;
    const all = await db.response.findMany({
      where: { orgId: demo.orgId },
      select: { customerId: true, surveyId: true, submittedAt: true, completed: true },
    });
    const counted = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      SELECT COALESCE(i."waveId", i."triggerId") AS "key", COUNT(*) AS "invited",
        SUM(CASE WHEN i."status" = 'sent' THEN 1 ELSE 0 END) AS "delivered",
        SUM(CASE WHEN i."status" = 'bounced' THEN 1 ELSE 0 END) AS "bounced",
        SUM(CASE WHEN i."status" = 'suppressed' THEN 1 ELSE 0 END) AS "suppressed",
        SUM(CASE WHEN i."status" = 'sent' AND ${answered(false)} THEN 1 ELSE 0 END) AS "started",
        SUM(CASE WHEN i."status" = 'sent' AND ${answered(true)} THEN 1 ELSE 0 END) AS "completed"
      FROM "Invitation" i WHERE i."orgId" = ${demo.orgId} GROUP BY COALESCE(i."waveId", i."triggerId")`);
    expect(counted).toHaveLength(sends.size);
    for (const row of counted) {
      const ids = sends.get(String(row.key))!;
      const inDb = Object.fromEntries(
        Object.entries(row)
          .filter(([k]) => k !== "key")
          .map(([k, v]) => [k, Number(v)]),
      );
      expect(inDb).toEqual(expectedFunnel(ids, invitations, all));
    }
    const waves = await db.campaignWave.findMany({ where: { orgId: demo.orgId }, include: { campaign: true } });
    expect(waves.map((w) => `${w.campaign.name} #${w.number}`).sort()).toEqual(
      [
        `${DEMO_CAMPAIGNS.pilot} #1`,
        `${DEMO_CAMPAIGNS.pilot} #2`,
        `${DEMO_CAMPAIGNS.quarterly} #1`,
        `${DEMO_CAMPAIGNS.sms} #1`,
      ].sort(),
    );
    for (const w of waves) {
      const byStatus = await db.invitation.groupBy({ by: ["status"], where: { waveId: w.id }, _count: { _all: true } });
      const n = (s: string) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
      expect(w.suppressed, w.campaign.name).toBe(n("suppressed"));
      expect(w.recipients, w.campaign.name).toBe(n("sent") + n("bounced"));
    }
  });

  it("leaves nothing for the worker: no message due or waiting, no wave to queue or start", async () => {
    const orgId = demo.orgId;
    const statuses = await db.outboxMessage.groupBy({ by: ["status"], where: { orgId }, _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["dead", "sent", "skipped"]);
    expect(await db.campaignWave.count({ where: { orgId, status: { not: "queued" } } })).toBe(0);
    expect(await db.invitation.count({ where: { orgId, status: "queued" } })).toBe(0);
    const active = await db.campaign.findMany({ where: { orgId, status: "active" } });
    for (const c of active) expect(c.nextWaveAt === null || c.nextWaveAt > now, c.name).toBe(true);
    expect(active.some((c) => c.repeatEveryDays && c.nextWaveAt)).toBe(true); // the recurring one
  });

  it("reminds only those who had not answered, once, after the delay", async () => {
    const reminders = await db.outboxMessage.findMany({
      where: { orgId: demo.orgId, seq: 1 },
      include: { invitation: true },
    });
    expect(reminders.filter((m) => m.status === "sent").length).toBeGreaterThan(0);
    expect(reminders.filter((m) => m.lastError === "answered").length).toBeGreaterThan(0);
    for (const m of reminders) {
      const i = m.invitation;
      if (m.status !== "sent") continue;
      expect(m.sentAt!.getTime() - i.sentAt!.getTime()).toBeGreaterThanOrEqual(72 * 3_600_000);
      const before = await db.response.count({
        where: { customerId: i.customerId, surveyId: i.surveyId, submittedAt: { gte: i.sentAt!, lt: m.sentAt! } },
      });
      expect(before).toBe(0);
      expect(i.reminders).toBe(1);
    }
    expect(await db.outboxMessage.count({ where: { orgId: demo.orgId, seq: { gt: 1 } } })).toBe(0);
  });

  it("logs every suppression once with its reason; bounced addresses are recorded", async () => {
    const suppressed = await db.invitation.findMany({
      where: { orgId: demo.orgId, status: "suppressed" },
      include: { suppressionLogs: true },
    });
    expect(suppressed.length).toBeGreaterThan(0);
    for (const i of suppressed) {
      expect(i.suppressionLogs.map((l) => l.reason)).toEqual([i.reason]);
      const log = i.suppressionLogs[0];
      if (log.reason === "recently_invited") {
        const gap = log.createdAt.getTime() - log.lastContactAt!.getTime();
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(DEMO_CONTACT_RULE.capDays * DAY);
      } else expect(log.lastContactAt).toBeNull();
    }
    const bounced = await db.invitation.findMany({ where: { orgId: demo.orgId, status: "bounced" } });
    const recorded = await db.mailSuppression.findMany({ where: { orgId: demo.orgId } });
    expect(recorded.map((r) => r.address).sort()).toEqual(
      [...new Set(bounced.map((b) => b.address!.toLowerCase()))].sort(),
    );
    const rule = await db.contactRule.findUniqueOrThrow({ where: { orgId: demo.orgId } });
    expect(rule).toMatchObject(DEMO_CONTACT_RULE);
  });

  it("stores audience definitions the app reads", async () => {
    const audiences = await db.audience.findMany({ where: { orgId: demo.orgId } });
    expect(audiences.map((x) => x.kind).sort()).toEqual(["live", "live", "static"]);
    for (const x of audiences) expect(readStoredDefinition(x.definition).problems, x.name).toBeNull();
    const statics = audiences.find((x) => x.kind === "static")!;
    expect(await db.audienceMember.count({ where: { audienceId: statics.id } })).toBeGreaterThan(0);
  });

  it("is the same on every run", async () => {
    const other = await freshDb("distribution-again");
    const again = await generateDemoOrganization(other, { seed: 7, scale: 0.1, now });
    const shape = (d: typeof demo.distribution) =>
      d.invitations.map((i) => [i.id, i.status, i.reason, i.sentAt, i.reminders]);
    expect(shape(again.distribution)).toEqual(shape(demo.distribution));
    expect(again.attribution).toEqual(demo.attribution);
  }, 60_000);
});

describe("demo hierarchy", () => {
  it("builds the tree through the unit service: paths, depths and an audit event per unit", async () => {
    const units = await db.unit.findMany({ where: { orgId: demo.orgId } });
    expect(units).toHaveLength(DEMO_UNITS.length);
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const parent = u.parentId ? byId.get(u.parentId)! : null;
      expect(u.path).toBe(`${parent ? parent.path : "/"}${u.id}/`);
      expect(u.depth).toBe(parent ? parent.depth + 1 : 0);
      expect(u.archivedAt).toBeNull();
    }
    const kinds = (k: string) => units.filter((u) => u.kind === k).length;
    expect([kinds("region"), kinds("area"), kinds("team")]).toEqual([3, 7, 4]);
    expect(kinds("store")).toBeGreaterThanOrEqual(15);
    expect(await db.auditEvent.count({ where: { orgId: demo.orgId, action: "unit.created" } })).toBe(units.length);
  });

  it("attributes every interaction, response and case by the rule order of lib/units/attribution.ts", async () => {
    const orgId = demo.orgId;
    const [touchpoints, customers, memberships] = await Promise.all([
      db.touchpoint.findMany({ where: { orgId }, select: { id: true, unitId: true } }),
      db.customer.findMany({ where: { orgId }, select: { id: true, unitId: true } }),
      db.membership.findMany({ where: { orgId }, select: { userId: true, unitId: true } }),
    ]);
    const unitOf = (rows: { id?: string; userId?: string; unitId: string | null }[]) =>
      new Map(rows.map((r) => [r.id ?? r.userId!, r.unitId]));
    const [tp, home, staff] = [unitOf(touchpoints), unitOf(customers), unitOf(memberships)];
    const candidate = (id: string | null | undefined) => (id ? { id, archived: false } : null);
    const rules: Record<string, number> = {};
    for (const i of await db.interaction.findMany({ where: { orgId } })) {
      const a = attribute({
        staff: i.source === "staff" && i.staffId ? candidate(staff.get(i.staffId)) : null,
        touchpoint: candidate(i.touchpointId ? tp.get(i.touchpointId) : null),
        customer: candidate(i.customerId ? home.get(i.customerId) : null),
      });
      expect(i.unitId).toBe(a.unitId);
      rules[a.rule] = (rules[a.rule] ?? 0) + 1;
    }
    expect(Object.keys(rules).sort()).toEqual(["customer", "none", "staff", "touchpoint"]); // every rule shows
    const responses = await db.response.findMany({ where: { orgId } });
    for (const r of responses) {
      const a = attribute({
        touchpoint: candidate(r.touchpointId ? tp.get(r.touchpointId) : null),
        customer: candidate(r.customerId ? home.get(r.customerId) : null),
      });
      expect(r.unitId).toBe(a.unitId);
    }
    const responseUnit = new Map(responses.map((r) => [r.id, r.unitId]));
    for (const c of await db.case.findMany({ where: { orgId } })) {
      const a = attributeCase({
        source: c.responseId ? { unitId: responseUnit.get(c.responseId) ?? null } : null,
        customer: candidate(c.customerId ? home.get(c.customerId) : null),
      });
      expect(c.unitId).toBe(a.unitId);
    }
    expect(customers.filter((c) => c.unitId).length / customers.length).toBeGreaterThan(0.7);
  });
});

describe("demo distribution at the seeded scale", () => {
  const seed = 20261123;
  const rng = createRng(1);
  const newId = () => rng.id();
  const users = {
    admin: "a",
    manager: "m",
    agent: "g",
    agent2: "h",
    viewer: "v",
    regionManager: "r",
    areaManager: "ar",
    storeManager: "s",
    teamLead: "t",
  };
  const rows = buildDemoRows({
    seed,
    scale: 1,
    now,
    orgId: "o",
    users,
    newId,
    newPublicId: () => rng.token(12),
    newClientId: () => rng.token(32),
  });
  const d = buildDistribution({
    seed,
    orgId: "o",
    nowMs: now.getTime(),
    newId,
    newClientId: () => rng.token(32),
    newPublicId: () => rng.token(12),
    users: { admin: "a", manager: "m" },
    channelIds: Object.fromEntries(rows.channels.map((c) => [c.key, c.id!])),
    ...rows,
  });
  const all = [...rows.responses, ...d.responses];

  it("has believable response rates: 20–35 % of delivered e-mail invitations answered per wave", () => {
    for (const w of d.waves) {
      const f = expectedFunnel(d.sends.get(w.id!)!, d.invitations, all);
      const rate = f.started / f.delivered;
      expect(f.delivered, w.id).toBeGreaterThan(50);
      expect(rate, `${w.campaignId} #${w.number}: ${f.started}/${f.delivered}`).toBeGreaterThanOrEqual(0.2);
      expect(rate).toBeLessThanOrEqual(0.35);
      expect(f.completed).toBeLessThanOrEqual(f.started);
    }
  });

  it("shows every kind of suppression and a few bounces", () => {
    const reasons = new Set(d.suppressionLogs.map((l) => l.reason));
    for (const r of ["recently_invited", "opted_out", "no_email", "no_phone", "bouncing"])
      expect(reasons.has(r), r).toBe(true);
    const bounced = d.invitations.filter((i) => i.status === "bounced").length;
    expect(bounced).toBeGreaterThan(3);
    expect(bounced / d.invitations.length).toBeLessThan(0.03);
    expect(d.consentEvents.every((e) => e.source === "unsubscribe" && e.consent === false)).toBe(true);
  });
});
