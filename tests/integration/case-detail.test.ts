// Working a case end to end over HTTP on the real database (SQLite or PostgreSQL): the root cause must be one
// of the organization's list (a removed cause stays on the cases that have it), resolving needs a resolution
// note, and resolving with a re-survey e-mails the customer the hosted link with their external id through a
// real SMTP server on a loopback port — as an invitation of the built-in re-survey trigger, queued in the
// resolution's transaction and sent by the server's campaign worker — unless the server has no SMTP, when the link
// is returned to show instead.
// A customer who opted out gets no re-survey at all, whatever the request asks: no e-mail, no link (API and the
// page's server action). Every outcome is an AuditEvent on the case. Another organization's case
// is a 404 (API and page); viewers get 403 and a read-only page.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateCaseRules, updateRootCauses, getCaseSettings } from "@/lib/cases/settings-service";
import { caseRulesFrom, caseRulesSchema } from "@/lib/cases/rules";
import { DEFAULT_ROOT_CAUSES } from "@/lib/cases/root-causes";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/ctx";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, signIn } from "./http";
import { callServerAction } from "./server-actions";
import { startServer, type RunningServer } from "../server";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

let A: Org;
let B: Org;
let sink: SmtpSink;
let mailServer: RunningServer;
let survey: { id: string; publicId: string };
const ctx = (org: Org, role: "manager" | "admin" = "manager"): Ctx => ({
  orgId: org.orgId,
  userId: org.users[role].id,
  role,
  apiKeyId: null,
});

/** A detractor case on a German survey for the given customer. */
async function detractorCase(org: Org, customerId: string) {
  const r = await db.response.create({
    data: {
      orgId: org.orgId,
      surveyId: survey.id,
      clientId: `cd-${randomUUID()}`,
      customerId,
      metric: "nps",
      score: 2,
      category: "detractor",
      comment: "Waited an hour",
      completed: true,
    },
  });
  return db.case.create({
    data: {
      orgId: org.orgId,
      customerId,
      responseId: r.id,
      title: "Detractor: NPS 2",
      ownerId: org.users.agent.id,
      triggerKey: `detractor:${r.id}`,
    },
  });
}

async function patchOn(base: string, key: string, id: string, body: unknown) {
  const res = await fetch(`${base}/api/v1/cases/${id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const paramNames = (body: { invalid_params?: { name: string }[] }) => (body.invalid_params ?? []).map((p) => p.name);

beforeAll(async () => {
  [A, B] = [await createOrg("casedetail-a"), await createOrg("casedetail-b")];
  survey = await createSurvey(A.orgId, { type: "nps" });
  await db.survey.update({ where: { id: survey.id }, data: { defaultLocale: "de", publishedAt: new Date() } });
  sink = await startSmtpSink();
  mailServer = await startServer({
    databaseUrl: process.env.DATABASE_URL!,
    // Its campaign worker sends the re-survey (every 200 ms); no digest ticker writing to the sink meanwhile.
    env: {
      SMTP_URL: sink.url,
      PUBLIC_URL: "http://cx.example.test",
      CAMPAIGN_WORKER: "on",
      CAMPAIGN_POLL_MS: "200",
      DIGEST_TICK_SECONDS: "0",
    },
  });
}, 90_000);

afterAll(async () => {
  await mailServer?.stop();
  await sink?.stop();
});

describe("root causes", () => {
  it("accepts only a cause from the organization's list, naming rootCause otherwise, and changes nothing", async () => {
    expect((await getCaseSettings(ctx(A))).rootCauses).toEqual([...DEFAULT_ROOT_CAUSES]);
    const kase = await detractorCase(A, A.ids.customer);
    const bad = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { rootCause: "Moon phase", status: "in_progress" },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(paramNames(bad.body)).toEqual(["rootCause"]);
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({
      rootCause: null,
      status: "open",
    });

    const good = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { rootCause: "Long wait" },
    });
    expect(good.status).toBe(200);
    expect(good.body.rootCause).toBe("Long wait");
  });

  it("follows the edited list; a removed cause stays on the cases that have it but cannot be chosen anew", async () => {
    const [withOld, other] = [await detractorCase(A, A.ids.customer), await detractorCase(A, A.ids.customer)];
    await updateRootCauses(ctx(A), ["Queue too long", "Billing error"]);
    expect(
      (await http("PATCH", `/api/v1/cases/${withOld.id}`, { key: A.keys.agent, body: { rootCause: "Queue too long" } }))
        .status,
    ).toBe(200);
    await updateRootCauses(ctx(A), ["Billing error", "Other"]);
    const kept = await http("PATCH", `/api/v1/cases/${withOld.id}`, {
      key: A.keys.agent,
      body: { rootCause: "Queue too long", status: "in_progress" },
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ rootCause: "Queue too long", status: "in_progress" });
    const removed = await http("PATCH", `/api/v1/cases/${other.id}`, {
      key: A.keys.agent,
      body: { rootCause: "Queue too long" },
    });
    expect(removed.status).toBe(400);
    expect(paramNames(removed.body)).toEqual(["rootCause"]);
    expect(
      (await http("PATCH", `/api/v1/cases/${other.id}`, { key: A.keys.agent, body: { rootCause: "Other" } })).status,
    ).toBe(200);
    const audit = await db.auditEvent.findMany({ where: { orgId: A.orgId, action: "case.root_causes_changed" } });
    expect(audit).toHaveLength(2);
  });
});

describe("resolving", () => {
  it("needs a resolution note: 400 naming resolution, the case stays open", async () => {
    const kase = await detractorCase(A, A.ids.customer);
    for (const body of [{ status: "resolved" }, { status: "resolved", resolution: "   " }]) {
      const res = await http("PATCH", `/api/v1/cases/${kase.id}`, { key: A.keys.agent, body });
      expect(res.status).toBe(400);
      expect(paramNames(res.body)).toEqual(["resolution"]);
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({
      status: "open",
      resolvedAt: null,
    });
    const ok = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { status: "resolved", resolution: "Refunded the fee and apologised" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "resolved", resolution: "Refunded the fee and apologised" });
    expect(ok.body.resurvey).toBeUndefined();
  });

  it("e-mails the customer a re-survey link with their external id, in the survey's language, and audits it", async () => {
    const customer = await db.customer.create({
      data: {
        orgId: A.orgId,
        name: "Erika Muster",
        email: `erika-${randomUUID().slice(0, 8)}@example.test`,
        externalId: `EXT-${randomUUID()}`,
        consent: true,
      },
    });
    const kase = await detractorCase(A, customer.id);
    const res = await patchOn(mailServer.url, A.keys.agent, kase.id, {
      status: "resolved",
      resolution: "Called back, fixed the router",
      rootCause: "Billing error",
      resurvey: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.resurvey).toEqual({ status: "queued", to: customer.email, at: expect.any(String) });
    expect(Date.parse(res.body.resurvey.at)).toBeLessThanOrEqual(Date.now()); // due at once, any hour
    // The server's campaign worker e-mails it, once.
    const mailsTo = () => sink.messages.filter((m) => m.to.includes(customer.email!));
    for (let i = 0; i < 100 && mailsTo().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const mails = mailsTo();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(
      `${(await db.organization.findUniqueOrThrow({ where: { id: A.orgId } })).name}: Wie haben wir es gemacht?`,
    );
    expect(mails[0].text).toContain("Hallo Erika Muster,");
    expect(mails[0].headers.get("list-unsubscribe")).toMatch(/^<http:\/\/cx\.example\.test\/u\//);
    // The e-mail's link is the invitation's signed link, which leads to the hosted survey with the customer's
    // external id and a customer token for this survey (customer-identity.test.ts checks that it links).
    const signed = /http:\/\/cx\.example\.test(\/i\/[\w.-]+)/.exec(mails[0].text ?? "")![1];
    expect(mails[0].html).toContain(signed);
    const redirect = await fetch(`${mailServer.url}${signed}`, { redirect: "manual" });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toMatch(
      new RegExp(
        `^http://cx\\.example\\.test/s/${survey.publicId}\\?cid=${encodeURIComponent(customer.externalId!)}&ct=\\d+\\.[\\w-]{43}`,
      ),
    );
    const invitation = await db.invitation.findFirstOrThrow({
      where: { orgId: A.orgId, causeKey: `case:${kase.id}` },
      include: { trigger: true },
    });
    expect(invitation).toMatchObject({ status: "sent", surveyId: survey.id, address: customer.email });
    expect(invitation.trigger).toMatchObject({ builtIn: "resurvey", event: "case_resolved" });
    const audit = await db.auditEvent.findMany({
      where: { orgId: A.orgId, entityType: "Case", entityId: kase.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["case.resolved", "case.resurvey_queued"]);
    expect(audit[1].data).toMatchObject({ status: "queued", to: customer.email });

    // The case page says what became of it.
    const cookie = await signIn(A.users.agent.email, TEST_PASSWORD);
    const page = await http("GET", `/cases/${kase.id}`, { cookie: cookie! });
    expect(page.body).toContain("Survey invitations");
    const text = String(page.body).replace(/<!-- -->|<[^>]+>/g, "");
    expect(text).toMatch(/\(Re-survey after a resolved case\): e-mailed \d/);

    // Once per case: asking again for the same case invites no one more.
    const again = await patchOn(mailServer.url, A.keys.agent, kase.id, { resurvey: true, status: "resolved" });
    expect(again.body.resurvey).toEqual({
      status: "unavailable",
      code: "already_invited",
      reason: expect.stringMatching(/already invited/),
    });
    expect(await db.invitation.count({ where: { orgId: A.orgId, causeKey: `case:${kase.id}` } })).toBe(1);
  });

  it("never surveys a customer who opted out, whatever the client sends: no e-mail, no link, the reason audited", async () => {
    const customer = await db.customer.create({
      data: {
        orgId: A.orgId,
        name: "No Mail",
        email: `nomail-${randomUUID().slice(0, 8)}@example.test`,
        externalId: `EXT-${randomUUID()}`,
        consent: false,
      },
    });
    const kase = await detractorCase(A, customer.id);
    const res = await patchOn(mailServer.url, A.keys.agent, kase.id, {
      status: "resolved",
      resolution: "Explained the policy",
      resurvey: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("resolved"); // the case itself is resolved
    expect(res.body.resurvey).toEqual({
      status: "unavailable",
      code: "opted_out",
      reason: expect.stringMatching(/opted out/),
    });
    expect(JSON.stringify(res.body)).not.toContain("/s/");
    await new Promise((r) => setTimeout(r, 600)); // the server's worker polls every 200 ms
    expect(sink.messages.some((m) => m.to.includes(customer.email!))).toBe(false);
    expect(await db.outboxMessage.count({ where: { invitation: { customerId: customer.id } } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { orgId: A.orgId, entityId: kase.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["case.resolved", "case.resurvey_unavailable"]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("/s/");
  });

  it("the page's server action refuses the re-survey of an opted-out customer too, even with resurvey=on", async () => {
    const customer = await db.customer.create({
      data: { orgId: A.orgId, name: "Opted Out", externalId: `EXT-${randomUUID()}`, consent: false },
    });
    const kase = await detractorCase(A, customer.id);
    const cookie = await signIn(A.users.agent.email, TEST_PASSWORD);
    const reply = await callServerAction(
      { file: "app/_actions/cases.ts", name: "workCaseAction", bound: [kase.id] },
      {
        cookie: cookie!,
        form: { status: "resolved", ownerId: "", dueAt: "", rootCause: "", resolution: "Apologised", resurvey: "on" },
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('"status":"unavailable"');
    expect(reply.text).toMatch(/opted out/);
    expect(reply.text).not.toContain("/s/");
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ status: "resolved" });
    expect(
      await db.auditEvent.count({
        where: { orgId: A.orgId, entityId: kase.id, action: { startsWith: "case.resurvey_" } },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({ where: { orgId: A.orgId, entityId: kase.id, action: "case.resurvey_unavailable" } }),
    ).toBe(1);
  });

  it("shows the link when the server has no SMTP, and uses the live NPS survey for an interaction case", async () => {
    const interaction = await db.interaction.create({
      data: {
        orgId: A.orgId,
        customerId: A.ids.customer,
        occurredAt: new Date(),
        outcome: "follow_up",
        note: "Router",
      },
    });
    const kase = await db.case.create({
      data: {
        orgId: A.orgId,
        customerId: A.ids.customer,
        interactionId: interaction.id,
        title: "Follow up: Router",
        triggerKey: `follow-up:${interaction.id}`,
      },
    });
    const res = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { status: "resolved", resolution: "Sent a new router", resurvey: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.resurvey.status).toBe("link_shown");
    expect(res.body.resurvey.reason).toMatch(/not set up/);
    expect(res.body.resurvey.code).toBe("no_smtp");
    const live = await db.survey.findFirstOrThrow({
      where: { orgId: A.orgId, type: "nps", status: "live" },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    });
    const externalId = (await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } })).externalId!;
    expect(res.body.resurvey.link).toMatch(
      new RegExp(`/s/${live.publicId}\\?cid=${encodeURIComponent(externalId)}&ct=\\d+\\.[\\w-]{43}$`),
    );
  });

  it("rejects a re-survey without resolving", async () => {
    const kase = await detractorCase(A, A.ids.customer);
    const res = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { status: "in_progress", resurvey: true },
    });
    expect(res.status).toBe(400);
    expect(paramNames(res.body)).toEqual(["resurvey"]);
  });
});

describe("access", () => {
  it("another organization's case is a 404 on the API and the page", async () => {
    const res = await http("PATCH", `/api/v1/cases/${B.ids.case}`, {
      key: A.keys.admin,
      body: { status: "resolved", resolution: "x" },
    });
    expect(res.status).toBe(404);
    expect((await http("GET", `/api/v1/cases/${B.ids.case}`, { key: A.keys.admin })).status).toBe(404);
    const cookie = await signIn(A.users.agent.email, TEST_PASSWORD);
    expect((await http("GET", `/cases/${B.ids.case}`, { cookie: cookie! })).status).toBe(404);
    expect(await db.case.findUniqueOrThrow({ where: { id: B.ids.case } })).toMatchObject({ status: "open" });
  });

  it("viewers cannot work a case (403) and see the page read-only; agents see the work form", async () => {
    const res = await http("PATCH", `/api/v1/cases/${A.ids.case}`, {
      key: A.keys.viewer,
      body: { rootCause: "Other" },
    });
    expect(res.status).toBe(403);
    const viewer = await signIn(A.users.viewer.email, TEST_PASSWORD);
    const page = await http("GET", `/cases/${A.ids.case}`, { cookie: viewer! });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Case details (read-only)");
    expect(page.body).not.toContain('aria-label="Work this case"');
    const agent = await signIn(A.users.agent.email, TEST_PASSWORD);
    const agentPage = await http("GET", `/cases/${A.ids.case}`, { cookie: agent! });
    expect(agentPage.body).toContain('aria-label="Work this case"');
  });
});

describe("case rules settings", () => {
  it("stores valid rules (audited) and rejects a fixed owner who is not an agent, manager or admin here", async () => {
    const rules = caseRulesSchema.parse({
      nps: { enabled: true, maxScore: 4 },
      csat: { enabled: false, maxScore: 2 },
      dueHours: 12,
      assignTo: A.users.agent.id,
    });
    await updateCaseRules(ctx(A), rules);
    const org = await db.organization.findUniqueOrThrow({ where: { id: A.orgId } });
    expect(caseRulesFrom(org.settings)).toEqual(rules);
    expect((await getCaseSettings(ctx(A))).rootCauses).toEqual(["Billing error", "Other"]); // other keys kept
    for (const assignTo of [A.users.viewer.id, B.users.agent.id]) {
      await expect(updateCaseRules(ctx(A), { ...rules, assignTo })).rejects.toThrow(ValidationError);
    }
    expect(caseRulesFrom((await db.organization.findUniqueOrThrow({ where: { id: A.orgId } })).settings)).toEqual(
      rules,
    );
    expect(await db.auditEvent.count({ where: { orgId: A.orgId, action: "case.rules_changed" } })).toBe(1);
  });
});

describe("GET/PUT /api/v1/case-settings", () => {
  it("reads and replaces the rules and the root causes; bad input names each field and changes nothing", async () => {
    const C = await createOrg("casedetail-c");
    const before = await http("GET", "/api/v1/case-settings", { key: C.keys.agent });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ rules: caseRulesSchema.parse({}), rootCauses: [...DEFAULT_ROOT_CAUSES] });

    const bad = await http("PUT", "/api/v1/case-settings", {
      key: C.keys.manager,
      body: { rules: { nps: { enabled: true, maxScore: 11 }, dueHours: 0 }, rootCauses: ["A", "a"] },
    });
    expect(bad.status).toBe(400);
    expect(paramNames(bad.body).sort()).toEqual(["rootCauses", "rules.dueHours", "rules.nps.maxScore"]);
    const foreignOwner = await http("PUT", "/api/v1/case-settings", {
      key: C.keys.manager,
      body: { rules: { assignTo: A.users.agent.id } },
    });
    expect(paramNames(foreignOwner.body)).toEqual(["rules.assignTo"]);
    expect((await http("GET", "/api/v1/case-settings", { key: C.keys.agent })).body).toEqual(before.body);

    const put = await http("PUT", "/api/v1/case-settings", {
      key: C.keys.manager,
      body: {
        rules: { csat: { enabled: false, maxScore: 1 }, assignTo: C.users.agent.id },
        rootCauses: ["Outage", "Billing"],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      rules: caseRulesSchema.parse({ csat: { enabled: false, maxScore: 1 }, assignTo: C.users.agent.id }),
      rootCauses: ["Outage", "Billing"],
    });
    const res = await http("PATCH", `/api/v1/cases/${C.ids.case}`, {
      key: C.keys.agent,
      body: { rootCause: "Outage" },
    });
    expect(res.status).toBe(200);
    expect(
      await db.auditEvent.findMany({
        where: { orgId: C.orgId, action: { in: ["case.rules_changed", "case.root_causes_changed"] } },
        select: { action: true },
      }),
    ).toHaveLength(2);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: C.orgId, entityId: C.ids.case, action: "case.updated" },
    });
    expect(audit.data).toEqual({ fields: ["rootCause"] });
    // the same value again is no change
    await http("PATCH", `/api/v1/cases/${C.ids.case}`, {
      key: C.keys.agent,
      body: { rootCause: "Outage", status: "in_progress" },
    });
    const last = await db.auditEvent.findFirstOrThrow({
      where: { orgId: C.orgId, entityId: C.ids.case },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(last.data).toEqual({ fields: ["status"] });
  });
});
