// The per-manager digest (docs/hierarchy.md, "Scoped memberships"): the weekly run sends the members for the whole
// organization today's digest, and each member scoped to a unit the digest of that unit's subtree — its figures
// computed over their units' rows only, its touchpoint lines only touchpoints with responses there. Real database
// (SQLite or PostgreSQL) and a real SMTP server on a loopback port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { distributionFromScores, formatNumber, npsCategory, npsFromCounts } from "@/lib/metrics";
import { sendDigestToMember, sendOrgDigest } from "@/lib/digest/send";
import { DEFAULT_DIGEST_SETTINGS } from "@/lib/digest/settings";
import { startOfUtcDay } from "@/lib/digest/service";
import { mailerFromUrl } from "@/lib/mail/transport";
import { uid } from "../factories";
import { startSmtpSink, type Received, type SmtpSink } from "./smtp-sink";
import { createScopeFixture, SCORES, type ScopeFixture } from "./scope/fixture";

const DAY = 86_400_000;
const NOW = new Date();
// The week ends tomorrow at midnight UTC: it holds the fixture's responses of yesterday; the week before is the
// seven days before that.
const SLOT = new Date(startOfUtcDay(NOW).getTime() + DAY + 8 * 3_600_000);
const THIS_WEEK = startOfUtcDay(NOW).getTime() - 6 * DAY;
const WEEK_BEFORE = THIS_WEEK - 7 * DAY;

let sink: SmtpSink;
let f: ScopeFixture;
let names: Record<"S1" | "S2", string>;

const repeat = (score: number, n: number) => Array<number>(n).fill(score);

/** Responses at a store's touchpoint, attributed to the store, spread over the first day of a week. */
async function addResponses(store: "S1" | "S2", weekStart: number, scores: number[]) {
  await db.response.createMany({
    data: scores.map((score, i) => ({
      orgId: f.orgId,
      surveyId: f.org.ids.survey,
      clientId: `dgs-${uid()}-${i}`,
      touchpointId: f.rows[store].touchpointId,
      unitId: f.units[store],
      metric: "nps",
      score,
      category: npsCategory(score),
      completed: true,
      submittedAt: new Date(weekStart + 3_600_000 + i * 60_000),
    })),
  });
}

const to = (m: Received, email: string) => m.to.includes(email);

beforeAll(async () => {
  process.env.PUBLIC_URL = "http://127.0.0.1:3999";
  sink = await startSmtpSink();
  f = await createScopeFixture("digest-scope");
  // Checkout S1 goes from 40 detractors to 40 promoters, Checkout S2 the other way: both significant changes.
  await addResponses("S1", WEEK_BEFORE, repeat(0, 40));
  await addResponses("S1", THIS_WEEK, repeat(10, 40));
  await addResponses("S2", WEEK_BEFORE, repeat(10, 40));
  await addResponses("S2", THIS_WEEK, repeat(0, 40));
  const units = await db.unit.findMany({ where: { id: { in: [f.units.S1, f.units.S2] } } });
  names = {
    S1: units.find((u) => u.id === f.units.S1)!.name,
    S2: units.find((u) => u.id === f.units.S2)!.name,
  };
});

afterAll(async () => {
  await sink?.stop();
});

describe("the weekly digest per scope", () => {
  it("sends S1's members the digest of S1 alone and the organization's members the whole organization's", async () => {
    const outcome = await sendOrgDigest(f.orgId, DEFAULT_DIGEST_SETTINGS, SLOT, mailerFromUrl(sink.url), NOW);
    // Admins and managers: the organization's two, S1's manager and admin (S1's agent and R1's viewer are neither).
    expect(outcome).toMatchObject({ status: "sent", recipients: 4 });
    const org = await db.organization.findUniqueOrThrow({ where: { id: f.orgId } });
    const mine = sink.messages.filter((m) =>
      [f.org.users.admin.email, f.callers.s1Manager.email].some((e) => to(m, e)),
    );
    expect(mine).toHaveLength(2);

    // S1: the fixture's 10, 9, 9, 2 and this week's 40 promoters → 43 promoters, 1 detractor of 44.
    const s1 = mine.find((m) => to(m, f.callers.s1Manager.email))!;
    expect(new Set(s1.to)).toEqual(new Set([f.callers.s1Manager.email, f.callers.s1Admin.email]));
    const s1Nps = npsFromCounts(distributionFromScores("nps", [...SCORES.S1, ...repeat(10, 40)]));
    expect(s1Nps.nps).toBeCloseTo((100 * 42) / 44, 9);
    expect(s1.subject).toMatch(
      new RegExp(
        `^Weekly CX digest, ${escape(names.S1)} \\(${escape(org.name)}\\), .*: NPS ${formatNumber(s1Nps.nps!, 0)}$`,
      ),
    );
    expect(s1.text).toContain(`Weekly CX digest for ${names.S1} (${org.name})`);
    expect(s1.text).toContain("n = 44; up");
    expect(s1.text).toMatch(/\(week before: \S*100 \(n = 40\)\)/);
    expect(s1.text).toContain("New detractors: 1");
    expect(s1.text).toContain("Open cases: 1 (0 overdue)");
    expect(s1.text).toContain("Interactions logged: 1");
    expect(s1.text).toContain("  - Checkout S1 (");
    for (const other of ["Checkout S2", "Checkout S3", "Checkout none", names.S2])
      expect(s1.text, other).not.toContain(other);

    // The whole organization: every store, the unit-less rows and createOrg's own response.
    const whole = mine.find((m) => to(m, f.org.users.admin.email))!;
    expect(new Set(whole.to)).toEqual(new Set([f.org.users.admin.email, f.org.users.manager.email]));
    expect(whole.subject).toMatch(new RegExp(`^Weekly CX digest, ${escape(org.name)}, \\d`));
    expect(whole.text).toContain("  - Checkout S1 (");
    expect(whole.text).toContain("  - Checkout S2 (");
    // Detractors this week: S1 1, S2 2 + 40, the unit-less 2, createOrg's 1.
    expect(whole.text).toContain("New detractors: 46");
    expect(whole.text).toContain("Interactions logged: 5");
  });

  it("'Send me this now' gives a scoped member the digest of their units", async () => {
    const weekEnding = new Date(startOfUtcDay(NOW).getTime() + DAY);
    const ctx = {
      orgId: f.orgId,
      userId: f.callers.s1Manager.userId,
      role: "manager" as const,
      apiKeyId: null,
      scope: { unitId: f.units.S1, unitName: names.S1, unitIds: [f.units.S1] },
    };
    const before = sink.messages.length;
    await sendDigestToMember(ctx, weekEnding, mailerFromUrl(sink.url), NOW);
    const [m] = sink.messages.slice(before);
    expect(m.to).toEqual([f.callers.s1Manager.email]);
    expect(m.text).toContain("New detractors: 1");
    expect(m.text).not.toContain("Checkout S2");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
