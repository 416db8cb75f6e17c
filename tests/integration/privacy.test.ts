// Privacy tools against the real database (SQLite or PostgreSQL) and the production server: the per-customer
// export holds everything about that customer and nothing of anyone else; the erasure removes the personal data
// everywhere (checked in the tables, audit events included) and keeps the response scores and its own audit
// entry; an opted-out customer gets no survey through any path (public API GET and POST, hosted link, hosted
// submit, re-survey e-mail); the retention job with two concurrent runners processes each row exactly once.
// Webhook deliveries follow: erasure and retention leave none that names the person (issue #13, item 8).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mailerFromUrl } from "@/lib/mail/transport";
import { resurveyCase } from "@/lib/cases/resurvey";
import { runDueMessages } from "@/lib/campaigns/worker";
import { submitPublicResponse } from "@/lib/surveys/public-service";
import { runRetention } from "@/lib/privacy/retention";
import { CustomerOptedOutError } from "@/lib/privacy/consent";
import { enqueueResponsesCreated } from "@/lib/webhooks/outbox";
import { createOrg, TEST_PASSWORD, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { customerToken } from "./customer-tokens";
import { baseURL, http, renderedHtml, signIn } from "./http";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

// submitPublicResponse below runs in this process and opens the sealed token secrets as the server does.
process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
const DAY = 86_400_000;
let A: Org;
let B: Org;
let survey: Awaited<ReturnType<typeof createSurvey>>;
let sink: SmtpSink;
let hookA: string; // A's webhook endpoint: every event, never sent (the suite's server runs no delivery worker)

type Person = { id: string; name: string; email: string; phone: string; externalId: string; caseId: string };
let ada: Person;
let bob: Person; // B's customer, with the same shape of data

const paramNames = (body: { invalid_params?: { name: string }[] }) => (body.invalid_params ?? []).map((p) => p.name);

/** A customer with a profile, a consent change, a survey response (free text), an interaction note and a resolved case. */
async function personWithHistory(org: Org, surveyPublicId: string, name: string): Promise<Person> {
  const tag = uid();
  const p = {
    name,
    email: `${name.split(" ")[0].toLowerCase()}.${tag}@example.test`,
    phone: `+44 20 7946 ${tag.slice(0, 4)}`,
    externalId: `CRM-${tag}`,
  };
  const created = await http("POST", "/api/v1/customers", {
    key: org.keys.agent,
    body: { ...p, attributes: { plan: "pro", region: "Wessex" }, tags: ["vip"], consent: true },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const res = await http("POST", `/api/v1/public/surveys/${surveyPublicId}/responses`, {
    body: {
      clientId: `device-${tag}-0001`,
      answers: { nps: 3, why_low: `${name}'s router broke twice`, plan: "pro" },
      complete: true,
      customerExternalId: p.externalId,
      customerToken: await customerToken(org, surveyPublicId, p.externalId),
      pageUrl: "https://shop.example.test/account/orders",
    },
  });
  expect(res.status).toBe(201);
  const note = await http("POST", "/api/v1/interactions", {
    key: org.keys.agent,
    body: { customerId: id, outcome: "follow_up", note: `Called ${name} at ${p.phone}` },
  });
  expect(note.status).toBe(201);
  const kase = await db.case.findFirstOrThrow({
    where: { orgId: org.orgId, customerId: id, responseId: { not: null } },
  });
  // Resolving with a re-survey writes the hosted link with ?cid=<external id> into the case's audit trail.
  const resolved = await http("PATCH", `/api/v1/cases/${kase.id}`, {
    key: org.keys.agent,
    body: { status: "resolved", resolution: `Sent ${name} a new router`, resurvey: true },
  });
  expect(resolved.status).toBe(200);
  return { id, ...p, caseId: kase.id };
}

/** A webhook endpoint on a public address subscribed to every event; its deliveries stay pending (no worker runs). */
async function webhookEndpoint(org: Org): Promise<string> {
  const res = await http("POST", "/api/v1/webhooks", {
    key: org.keys.admin,
    body: { url: "https://93.184.215.14/resonance", eventTypes: ["response.created", "case.opened", "case.resolved"] },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const deliveryPayloads = async (org: Org, endpointId: string) => {
  const res = await http("GET", `/api/v1/webhooks/${endpointId}/deliveries?limit=100`, { key: org.keys.admin });
  expect(res.status).toBe(200);
  return res.body.data as { eventType: string; payload: { data: Record<string, unknown> } }[];
};

beforeAll(async () => {
  [A, B] = [await createOrg("privacy-a"), await createOrg("privacy-b")];
  hookA = await webhookEndpoint(A);
  survey = await createSurvey(A.orgId, { type: "nps" });
  const surveyB = await createSurvey(B.orgId, { type: "nps" });
  ada = await personWithHistory(A, survey.publicId, "Ada Lovelace");
  bob = await personWithHistory(B, surveyB.publicId, "Bob Marley");
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

describe("GET /api/v1/customers/:id/export", () => {
  it("holds the profile, attributes, consent history, interactions, responses with answers and cases", async () => {
    const res = await http("GET", `/api/v1/customers/${ada.id}/export`, { key: A.keys.manager });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customer-/);
    const doc = res.body;
    expect(doc.format).toBe("resonance.customer-export/1");
    expect(doc.customer).toMatchObject({
      id: ada.id,
      name: ada.name,
      email: ada.email,
      phone: ada.phone,
      externalId: ada.externalId,
      attributes: { plan: "pro", region: "Wessex" },
      tags: ["vip"],
      consent: true,
    });
    expect(doc.consentHistory).toEqual([expect.objectContaining({ consent: true, source: "api" })]);
    expect(doc.interactions).toEqual([
      expect.objectContaining({ outcome: "follow_up", note: `Called ${ada.name} at ${ada.phone}` }),
    ]);
    expect(doc.responses).toHaveLength(1);
    expect(doc.responses[0]).toMatchObject({
      metric: "nps",
      score: 3,
      category: "detractor",
      pageUrl: "https://shop.example.test/account/orders",
    });
    expect(doc.responses[0].answers).toEqual([
      expect.objectContaining({ question: "nps", number: 3 }),
      expect.objectContaining({
        question: "why_low",
        questionText: "What went wrong?",
        text: `${ada.name}'s router broke twice`,
      }),
      expect.objectContaining({ question: "plan", choice: "pro" }),
    ]);
    // the detractor case (resolved) and the one the "follow_up" interaction opened
    expect(doc.cases).toEqual([
      expect.objectContaining({ id: ada.caseId, status: "resolved", resolution: `Sent ${ada.name} a new router` }),
      expect.objectContaining({ status: "open", title: `Follow up: Called ${ada.name} at ${ada.phone}` }),
    ]);
    const audit = await db.auditEvent.findMany({
      where: { orgId: A.orgId, action: "customer.exported", entityId: ada.id },
    });
    expect(audit).toHaveLength(1);
  });

  it("holds nothing of another customer or of staff secrets", async () => {
    const text = JSON.stringify((await http("GET", `/api/v1/customers/${ada.id}/export`, { key: A.keys.admin })).body);
    for (const other of [
      A.ids.customer,
      A.ids.interaction,
      A.ids.response,
      A.ids.case,
      "original note",
      bob.id,
      bob.email,
      bob.name,
      bob.externalId,
    ])
      expect(text).not.toContain(other);
    for (const secret of ["passwordHash", "keyHash", "@test.resonance.test", A.users.agent.email])
      expect(text).not.toContain(secret);
  });

  it("is a 404 for another organization's customer and refused to agents", async () => {
    expect((await http("GET", `/api/v1/customers/${bob.id}/export`, { key: A.keys.admin })).status).toBe(404);
    expect((await http("GET", `/api/v1/customers/${ada.id}/export`, { key: A.keys.agent })).status).toBe(403);
  });
});

describe("consent: recorded and respected", () => {
  let carol: { id: string; externalId: string };

  beforeAll(async () => {
    const externalId = `CRM-${uid()}`;
    const res = await http("POST", "/api/v1/customers", {
      key: A.keys.agent,
      body: { name: "Carol Opted-Out", email: `carol.${uid()}@example.test`, externalId, consent: true },
    });
    carol = { id: res.body.id, externalId };
    const optOut = await http("PATCH", `/api/v1/customers/${carol.id}`, {
      key: A.keys.agent,
      body: { consent: false },
    });
    expect(optOut.status).toBe(200);
  });

  it("keeps every change with time, source and actor, newest first", async () => {
    const res = await http("GET", `/api/v1/customers/${carol.id}/consent`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((e: { consent: boolean; source: string; viaApiKey: boolean; actor: { id: string } }) => [
        e.consent,
        e.source,
        e.viaApiKey,
        e.actor.id,
      ]),
    ).toEqual([
      [false, "api", true, A.users.admin.id], // API keys are created by the factory's admin
      [true, "api", true, A.users.admin.id],
    ]);
    const unchanged = await http("PATCH", `/api/v1/customers/${carol.id}`, {
      key: A.keys.agent,
      body: { consent: false, phone: "+1 555 0100" },
    });
    expect(unchanged.status).toBe(200);
    expect(await db.consentEvent.count({ where: { customerId: carol.id } })).toBe(2); // no change, no event
    expect((await http("GET", `/api/v1/customers/${bob.id}/consent`, { key: A.keys.admin })).status).toBe(404);
  });

  it("a consent set before the history was kept shows as one entry at its date, never as 'nothing recorded'", async () => {
    const consentAt = new Date("2025-05-13T10:00:00.000Z");
    const legacy = await db.customer.create({
      data: { orgId: A.orgId, name: "Legacy Consent", consent: true, consentAt },
    });
    const res = await http("GET", `/api/v1/customers/${legacy.id}/consent`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ consent: true, source: "before_history", actor: null, at: consentAt.toISOString() }),
    ]);
    const page = await http("GET", `/customers/${legacy.id}`, {
      cookie: (await signIn(A.users.viewer.email, TEST_PASSWORD))!,
    });
    expect(page.body).toContain("Set before the history was kept");
    expect(renderedHtml(String(page.body))).not.toContain("No consent recorded yet");
    const never = await db.customer.create({ data: { orgId: A.orgId, name: "Never Asked" } });
    expect((await http("GET", `/api/v1/customers/${never.id}/consent`, { key: A.keys.viewer })).body.data).toEqual([]);
  });

  it("the public API tells the widget not to show the survey, and refuses a response (with the customer's token)", async () => {
    const token = await customerToken(A, survey.publicId, carol.externalId);
    const get = await http(
      "GET",
      `/api/v1/public/surveys/${survey.publicId}?customer=${carol.externalId}&customerToken=${token}`,
    );
    expect(get.status).toBe(200);
    expect(get.body).toEqual({ publicId: survey.publicId, eligible: false, reason: "opted_out" });
    const before = await db.response.count({ where: { surveyId: survey.id } });
    const post = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
      body: {
        clientId: `carol-${uid()}-x`,
        answers: { nps: 10 },
        complete: false,
        customerExternalId: carol.externalId,
        customerToken: token,
      },
    });
    expect(post.status).toBe(403);
    expect(post.contentType).toContain("application/problem+json");
    expect(post.body).toMatchObject({ title: "Opted out" });
    expect(await db.response.count({ where: { surveyId: survey.id } })).toBe(before);
    // a customer who consents, and an anonymous visitor, still get the survey (the check is not vacuous)
    for (const q of [
      `?customer=${ada.externalId}&customerToken=${await customerToken(A, survey.publicId, ada.externalId)}`,
      "",
    ]) {
      const ok = await http("GET", `/api/v1/public/surveys/${survey.publicId}${q}`);
      expect(ok.status).toBe(200);
      expect(ok.body.questions.length).toBeGreaterThan(0);
    }
  });

  it("the hosted link with the customer's id and token shows no form, and its submit stores nothing", async () => {
    const token = await customerToken(A, survey.publicId, carol.externalId);
    const page = await fetch(
      `${baseURL()}/s/${survey.publicId}?cid=${encodeURIComponent(carol.externalId)}&ct=${token}`,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You have opted out of surveys");
    expect(html).not.toContain("How likely are you to recommend us?");
    const open = await (
      await fetch(`${baseURL()}/s/${survey.publicId}?cid=${encodeURIComponent(ada.externalId)}`)
    ).text();
    expect(open).toContain("How likely are you to recommend us?");
    // the hosted page's submit goes through the same service
    await expect(
      submitPublicResponse(
        survey.publicId,
        {
          clientId: `carol-${uid()}-y`,
          answers: { nps: 9 },
          complete: false,
          customerExternalId: carol.externalId,
          customerToken: token,
        },
        { userAgent: null, ip: "127.0.0.9" },
      ),
    ).rejects.toBeInstanceOf(CustomerOptedOutError);
  });

  it("the re-survey on resolving a case is neither e-mailed nor offered as a link to them", async () => {
    const mailer = mailerFromUrl(sink.url);
    const caseOf = (customerId: string) =>
      db.case.create({ data: { orgId: A.orgId, customerId, title: "Follow-up", triggerKey: `manual:${uid()}` } });
    // The re-survey is an invitation of the built-in trigger, e-mailed by the campaign worker.
    const optedOut = await resurveyCase(A.ctx("agent"), (await caseOf(carol.id)).id, { mail: true });
    expect(optedOut).toEqual({
      status: "unavailable",
      code: "opted_out",
      reason: expect.stringContaining("opted out"),
    });
    const consenting = await resurveyCase(A.ctx("agent"), (await caseOf(ada.id)).id, { mail: true });
    expect(consenting.status).toBe("queued");
    await runDueMessages({ mailer }); // sends whatever is due in the database: other files' messages too
    const carolEmail = (await db.customer.findUniqueOrThrow({ where: { id: carol.id } })).email!;
    const theirs = sink.messages.filter((m) => m.to.includes(ada.email!) || m.to.includes(carolEmail));
    expect(theirs.map((m) => m.to)).toEqual([[ada.email]]);
  });
});

describe("POST /api/v1/customers/:id/erasure", () => {
  it("is for admins only and needs the name or ERASE typed; a wrong confirmation changes nothing", async () => {
    const before = await db.customer.findUnique({ where: { id: ada.id } });
    for (const role of ["agent", "manager"] as const)
      expect(
        (await http("POST", `/api/v1/customers/${ada.id}/erasure`, { key: A.keys[role], body: { confirm: "ERASE" } }))
          .status,
      ).toBe(403);
    const wrong = await http("POST", `/api/v1/customers/${ada.id}/erasure`, {
      key: A.keys.admin,
      body: { confirm: "Ada" },
    });
    expect(wrong.status).toBe(400);
    expect(paramNames(wrong.body)).toEqual(["confirm"]);
    expect(
      (await http("POST", `/api/v1/customers/${bob.id}/erasure`, { key: A.keys.admin, body: { confirm: "ERASE" } }))
        .status,
    ).toBe(404);
    expect(await db.customer.findUnique({ where: { id: ada.id } })).toEqual(before);
    expect((await db.customer.findUnique({ where: { id: bob.id } }))?.erasedAt).toBeNull();
  });

  it("removes the personal data everywhere, keeps the scores and records who erased whom", async () => {
    // before: the webhook deliveries of Ada's response and cases carry her external id and free text
    const hooksBefore = await deliveryPayloads(A, hookA);
    expect(hooksBefore.map((d) => d.eventType).sort()).toEqual([
      "case.opened",
      "case.opened",
      "case.resolved",
      "response.created",
    ]);
    expect(JSON.stringify(hooksBefore)).toContain(ada.externalId);
    expect(JSON.stringify(hooksBefore)).toContain("router broke");
    // Someone (perhaps Ada) claimed to be her without a customer token: the unverified claim goes too.
    const claim = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
      body: {
        clientId: `claim-${uid()}-ada`,
        answers: { nps: 8, plan: "basic" },
        complete: true,
        customerExternalId: ada.externalId,
      },
    });
    expect(claim.status).toBe(201);
    const claimed = await db.response.findFirstOrThrow({
      where: { surveyId: survey.id, customerClaim: ada.externalId },
    });
    const scoresBefore = await db.response.findMany({
      where: { surveyId: survey.id },
      select: { id: true, score: true, category: true, metric: true },
      orderBy: { id: "asc" },
    });
    const auditBefore = await db.auditEvent.count({ where: { orgId: A.orgId } });
    const res = await http("POST", `/api/v1/customers/${ada.id}/erasure`, {
      key: A.keys.admin,
      body: { confirm: " ada lovelace " },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customerId: ada.id,
      responsesAnonymised: 2,
      interactionsBlanked: 1,
      casesBlanked: 3,
    });
    expect(res.body.auditEventsRedacted).toBeGreaterThanOrEqual(1);

    const c = await db.customer.findUniqueOrThrow({
      where: { id: ada.id },
      include: { tags: true, searchTokens: true },
    });
    expect(c).toMatchObject({
      name: "Erased customer",
      email: null,
      phone: null,
      externalId: null,
      attributes: null,
      consent: null,
      tags: [],
      searchTokens: [],
    });
    expect(c.erasedAt).toBeInstanceOf(Date);
    expect((await db.interaction.findMany({ where: { customerId: ada.id } })).map((i) => i.note)).toEqual([null]);
    for (const k of await db.case.findMany({ where: { customerId: ada.id } }))
      expect([k.title, k.resolution]).toEqual(["Follow-up (customer erased)", null]);

    // responses: anonymised, scores kept (the aggregates do not move)
    expect(
      await db.response.findMany({
        where: { surveyId: survey.id },
        select: { id: true, score: true, category: true, metric: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(scoresBefore);
    expect(await db.response.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({
      customerClaim: null,
      score: 8,
      clientId: `anonymised-${claimed.id}`,
    });
    const r = await db.response.findFirstOrThrow({
      where: { surveyId: survey.id, anonymisedAt: { not: null }, id: { not: claimed.id } },
      include: { answers: true },
    });
    expect(r).toMatchObject({
      customerId: null,
      pageUrl: null,
      userAgentCategory: null,
      comment: null,
      clientId: `anonymised-${r.id}`,
      score: 3,
      category: "detractor",
    });
    expect(r.answers.map((a) => a.valueText)).toEqual([null, null, null]);
    expect(r.answers.filter((a) => a.valueNumber === 3)).toHaveLength(1);

    // nothing personal anywhere in the organization's tables, audit events included
    const needles = [ada.name, ada.email, ada.phone, ada.externalId, ada.email.split("@")[0], "router broke"];
    const dump = JSON.stringify(
      await Promise.all([
        db.customer.findMany({ where: { orgId: A.orgId } }),
        db.customerSearchToken.findMany({ where: { orgId: A.orgId } }),
        db.interaction.findMany({ where: { orgId: A.orgId } }),
        db.case.findMany({ where: { orgId: A.orgId } }),
        db.response.findMany({ where: { orgId: A.orgId } }),
        db.answer.findMany({ where: { orgId: A.orgId } }),
        db.consentEvent.findMany({ where: { orgId: A.orgId } }),
        db.auditEvent.findMany({ where: { orgId: A.orgId } }),
        db.webhookDelivery.findMany({ where: { orgId: A.orgId } }),
      ]),
    ).toLowerCase();
    for (const n of needles) expect(dump, n).not.toContain(n.toLowerCase());
    // the webhook deliveries, as admins read them through the API: still there (and still due), without the person
    // (the claimed response's delivery is one more response.created: it never named Ada, its claim is not sent)
    const hooks = await deliveryPayloads(A, hookA);
    expect(hooks.map((d) => d.eventType).sort()).toEqual([
      "case.opened",
      "case.opened",
      "case.resolved",
      "response.created",
      "response.created",
    ]);
    const hookText = JSON.stringify(hooks).toLowerCase();
    for (const n of needles) expect(hookText, n).not.toContain(n.toLowerCase());
    const created = hooks.find((d) => d.eventType === "response.created" && d.payload.data.responseId === r.id)!.payload
      .data;
    expect(created).toMatchObject({
      responseId: r.id,
      customerId: null,
      customerExternalId: null,
      clientId: `anonymised-${r.id}`,
      score: 3,
      answers: { nps: 3, plan: "pro" },
    });
    expect(created.answers).not.toHaveProperty("why_low");
    for (const d of hooks.filter((x) => x.eventType.startsWith("case.")))
      expect(d.payload.data).toMatchObject({ title: "Follow-up (customer erased)", resolution: null });
    expect(res.body.webhookDeliveriesRedacted).toBe(5); // Ada's four, and the claimed response's (anonymised with her)
    // …while the other organization's customer is untouched
    expect(await db.customer.findUnique({ where: { id: bob.id } })).toMatchObject({
      name: bob.name,
      email: bob.email,
      erasedAt: null,
    });

    // the audit trail: one new event naming only ids and counts, plus the redaction stamps
    const erased = await db.auditEvent.findMany({ where: { orgId: A.orgId, action: "customer.erased" } });
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ actorId: A.users.admin.id, entityType: "Customer", entityId: ada.id });
    expect(await db.auditEvent.count({ where: { orgId: A.orgId } })).toBe(auditBefore + 1);
    const redacted = await db.auditEvent.findMany({ where: { orgId: A.orgId, redactedAt: { not: null } } });
    expect(redacted.length).toBe(res.body.auditEventsRedacted);
    expect(redacted.map((e) => e.action)).toContain("case.resurvey_link_shown");
  });

  it("cannot be undone: search no longer finds them, edits and a second erasure are refused", async () => {
    for (const q of ["ada", "lovelace", ada.email, ada.externalId]) {
      const res = await http("GET", `/api/v1/customers?q=${encodeURIComponent(q)}`, { key: A.keys.viewer });
      expect(
        res.body.data.map((x: { id: string }) => x.id),
        q,
      ).not.toContain(ada.id);
    }
    const edit = await http("PATCH", `/api/v1/customers/${ada.id}`, {
      key: A.keys.admin,
      body: { name: "Ada Lovelace", email: ada.email },
    });
    expect(edit.status).toBe(409);
    expect(
      (await http("POST", `/api/v1/customers/${ada.id}/erasure`, { key: A.keys.admin, body: { confirm: "ERASE" } }))
        .status,
    ).toBe(409);
    expect((await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).name).toBe("Erased customer");
    // the erased customer's old external id no longer links a new response to them
    const res = await http("POST", `/api/v1/public/surveys/${survey.publicId}/responses`, {
      body: {
        clientId: `after-${uid()}-erase`,
        answers: { nps: 9, plan: "basic" },
        complete: true,
        customerExternalId: ada.externalId,
        customerToken: await customerToken(A, survey.publicId, ada.externalId),
      },
    });
    expect(res.status).toBe(201);
    expect(
      (await db.response.findFirstOrThrow({ where: { clientId: { startsWith: "after-" }, surveyId: survey.id } }))
        .customerId,
    ).toBeNull();
  });
});

describe("retention policy", () => {
  it("two concurrent runners process each old response exactly once, in batches", async () => {
    const C = await createOrg("retention-c");
    await db.organization.update({
      where: { id: C.orgId },
      data: { settings: { retention: { enabled: true, months: 12, mode: "anonymise" } } },
    });
    const s = await createSurvey(C.orgId, { type: "nps" });
    // The runners act "two years from now", so these rows are past retention for them only — never for the
    // server's own scheduler, which runs with the real clock.
    const now = new Date(Date.now() + 730 * DAY);
    const rows = (n: number, prefix: string, at: Date) =>
      Array.from({ length: n }, (_, i) => ({
        orgId: C.orgId,
        surveyId: s.id,
        clientId: `${prefix}-${i}-${uid()}`,
        customerId: C.ids.customer,
        metric: "nps",
        score: i % 11,
        category: "passive",
        completed: true,
        pageUrl: "https://x.test/p",
        submittedAt: at,
      }));
    await db.response.createMany({
      data: [...rows(30, "old", new Date(Date.now() - DAY)), ...rows(5, "new", new Date(now.getTime() - 30 * DAY))],
    });
    // webhook deliveries announcing every one of them, written by the outbox as the response API does
    const hookC = await webhookEndpoint(C);
    const all = await db.response.findMany({ where: { orgId: C.orgId }, select: { id: true, orgId: true } });
    expect(await enqueueResponsesCreated(db, all)).toBe(36);
    // past retention for the runners: the 30 "old" rows and the factory's own response (made today)
    const oldIds = (
      await db.response.findMany({
        where: { orgId: C.orgId, submittedAt: { lt: new Date(Date.now() + DAY) } },
        select: { id: true },
      })
    ).map((r) => r.id);
    expect(oldIds).toHaveLength(31);

    const outcomes = await Promise.all([
      runRetention(C.orgId, { now, batchSize: 7 }),
      runRetention(C.orgId, { now, batchSize: 7 }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["done", "not-claimed"]);
    const done = outcomes.find((o) => o.status === "done")!;
    expect(done).toMatchObject({ processed: 31, batches: 5, mode: "anonymise" });
    expect(
      await db.response.count({
        where: { id: { in: oldIds }, anonymisedAt: { not: null }, customerId: null, pageUrl: null },
      }),
    ).toBe(31);
    expect(await db.response.count({ where: { id: { in: oldIds }, score: null } })).toBe(0); // scores stay
    expect(await db.response.count({ where: { surveyId: s.id, anonymisedAt: null } })).toBe(5);
    // their deliveries: anonymised alike (no customer, a neutral client id); the 5 recent ones untouched
    const hooks = (await deliveryPayloads(C, hookC)).map((d) => d.payload.data);
    expect(hooks).toHaveLength(36);
    const old = hooks.filter((d) => oldIds.includes(d.responseId as string));
    expect(old).toHaveLength(31);
    for (const d of old)
      expect(d).toMatchObject({ customerId: null, customerExternalId: null, clientId: `anonymised-${d.responseId}` });
    expect(
      hooks
        .filter((d) => d.customerId === C.ids.customer)
        .map((d) => d.clientId as string)
        .every((c) => c.startsWith("new-")),
    ).toBe(true);
    expect(hooks.filter((d) => d.customerId === C.ids.customer)).toHaveLength(5);
    const run = await db.retentionRun.findUniqueOrThrow({
      where: { orgId_periodKey: { orgId: C.orgId, periodKey: now.toISOString().slice(0, 10) } },
    });
    expect(run).toMatchObject({ status: "done", processed: 31, attempts: 1 });
    const audit = await db.auditEvent.findMany({ where: { orgId: C.orgId, action: "retention.applied" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: null,
      data: expect.objectContaining({ processed: 31, mode: "anonymise", trigger: "schedule" }),
    });
    // the same day again: the lease is taken, nothing happens twice
    expect((await runRetention(C.orgId, { now })).status).toBe("not-claimed");
  });

  it("admins preview, then delete old responses now through the API; it is audited with the counts", async () => {
    const D = await createOrg("retention-d");
    const s = await createSurvey(D.orgId, { type: "nps" });
    const at = (days: number) => new Date(Date.now() - days * DAY);
    await db.response.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        orgId: D.orgId,
        surveyId: s.id,
        clientId: `d-${i}-${uid()}`,
        metric: "nps",
        score: 8,
        category: "passive",
        submittedAt: at(i < 10 ? 100 : 5),
      })),
    });
    const hookD = await webhookEndpoint(D);
    expect(
      await enqueueResponsesCreated(
        db,
        await db.response.findMany({ where: { orgId: D.orgId }, select: { id: true, orgId: true } }),
      ),
    ).toBe(13);
    // switched off: the scheduler never touches it, but an admin may still run it by hand
    const put = await http("PUT", "/api/v1/retention", {
      key: D.keys.admin,
      body: { enabled: false, months: 1, mode: "delete" },
    });
    expect(put.status).toBe(200);
    const bad = await http("PUT", "/api/v1/retention", {
      key: D.keys.admin,
      body: { enabled: true, months: 0, mode: "shred" },
    });
    expect(bad.status).toBe(400);
    expect(paramNames(bad.body).sort()).toEqual(["mode", "months"]);
    expect(
      (
        await http("PUT", "/api/v1/retention", {
          key: D.keys.manager,
          body: { enabled: true, months: 1, mode: "delete" },
        })
      ).status,
    ).toBe(403);

    const preview = await http("POST", "/api/v1/retention/run", { key: D.keys.admin, body: { dryRun: true } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ count: 10, settings: { enabled: false, months: 1, mode: "delete" } });
    expect(await db.response.count({ where: { orgId: D.orgId } })).toBe(13); // a preview changes nothing

    const run = await http("POST", "/api/v1/retention/run", { key: D.keys.admin, body: { dryRun: false } });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: "done", processed: 10, mode: "delete" });
    expect(await db.response.count({ where: { orgId: D.orgId } })).toBe(3);
    expect(await db.response.count({ where: { orgId: D.orgId, submittedAt: { lt: at(30) } } })).toBe(0);
    // the deleted responses' webhook deliveries went with them
    const left = new Set(
      (await db.response.findMany({ where: { orgId: D.orgId }, select: { id: true } })).map((r) => r.id),
    );
    const hooks = (await deliveryPayloads(D, hookD)).map((d) => d.payload.data.responseId as string);
    expect(hooks).toHaveLength(3);
    expect(hooks.every((id) => left.has(id))).toBe(true);
    const audit = await db.auditEvent.findMany({
      where: { orgId: D.orgId, action: { startsWith: "retention." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["retention.settings_changed", "retention.applied"]);
    expect(audit[1]).toMatchObject({
      actorId: D.users.admin.id,
      data: expect.objectContaining({ processed: 10, mode: "delete", trigger: "manual" }),
    });
    // run again the same day: allowed for a person, and finds nothing left
    expect(
      (await http("POST", "/api/v1/retention/run", { key: D.keys.admin, body: { dryRun: false } })).body,
    ).toMatchObject({ processed: 0 });
  });
});
