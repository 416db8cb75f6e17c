// The weekly digest of a member scoped to a unit (docs/hierarchy.md, "Metrics and reports"): the page and the e-mail
// cover their units only. One scheduled run sends one e-mail per scope — the organization's to organization-wide
// members, S1's to S1's manager, R1's to R1's viewer — over a real SMTP server, each with its own figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "@/lib/digest/service";
import { sendOrgDigest } from "@/lib/digest/send";
import { digestSettingsFrom } from "@/lib/digest/settings";
import { mailerFromUrl } from "@/lib/mail/transport";
import { loadScope } from "@/lib/units/scope-load";
import { createScopeFixture, type ScopeFixture } from "./scope/fixture";
import { expectedNps } from "./scope/probes-analytics";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

let f: ScopeFixture;
let sink: SmtpSink;
const DAY = 86_400_000;
// The fixture's responses are a day old: the week before tomorrow's midnight holds them all.
const now = new Date();
const weekEnding = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY);

beforeAll(async () => {
  f = await createScopeFixture("digest-scope");
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.stop();
});

describe("a scoped member's digest", () => {
  it("counts their units only", async () => {
    const ctx = f.org.ctx("viewer");
    for (const [unit, stores] of [
      ["S1", ["S1"]],
      ["R1", ["S1", "S2"]],
    ] as const) {
      const d = await buildDigest({ ...ctx, scope: await loadScope(f.orgId, f.units[unit]) }, { weekEnding }, now);
      expect(d.headline.current.nps.n, unit).toBe(expectedNps(stores).n);
      expect(d.headline.current.nps.nps, unit).toBeCloseTo(expectedNps(stores).nps, 6);
      expect(d.openCases, unit).toBe(stores.length);
      expect(d.unit?.id).toBe(f.units[unit]);
    }
    const org = await buildDigest(ctx, { weekEnding }, now);
    expect(org.unit).toBeNull();
    expect(org.headline.current.nps.n).toBeGreaterThan(expectedNps(["S1", "S2", "S3", "none"]).n - 1);
  });

  it("the scheduled e-mail: one per scope, each with its own figures", async () => {
    const settings = {
      ...digestSettingsFrom({}),
      recipients: [f.callers.s1Manager.userId, f.callers.r1Viewer.userId, f.org.users.admin.id],
    };
    const outcome = await sendOrgDigest(f.orgId, settings, weekEnding, mailerFromUrl(sink.url), now);
    expect(outcome).toMatchObject({ status: "sent", recipients: 3 });
    const to = (email: string) => sink.messages.filter((m) => m.to.includes(email));
    const [s1] = to(f.callers.s1Manager.email);
    const [r1] = to(f.callers.r1Viewer.email);
    const [org] = to(f.org.users.admin.email);
    expect([s1, r1, org].map((m) => m?.to.length)).toEqual([1, 1, 1]); // nobody sees another scope's e-mail
    expect(s1.subject).toMatch(/Store 1 \(/);
    expect(s1.subject).toContain(`NPS ${Math.round(expectedNps(["S1"]).nps)} `);
    expect(r1.subject).toMatch(/Region 1 \(/);
    expect(r1.subject).toContain(`NPS ${Math.round(expectedNps(["S1", "S2"]).nps)} `);
    expect(org.subject).not.toMatch(/Store 1|Region 1/);
    expect(s1.text).not.toContain("Checkout S2");
  });
});
