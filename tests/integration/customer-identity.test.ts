// Who may speak for a customer (docs/security/signed-customer-token.md), over real HTTP on SQLite and PostgreSQL:
// only a response carrying a valid customer token is linked to the customer (activity, case, webhook data); an
// unsigned, expired, tampered or other survey's token leaves the response stored but unlinked, with the id kept
// as an unverified claim; the public answers about a customer (GET ?customer=, /s/?cid=, POST) are the same for
// one who opted out and one nobody knows unless a valid token names them; the re-survey link carries a token.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signCustomerToken } from "@/lib/customers/customer-token";
import { mintCustomerToken } from "@/lib/customers/token-secrets";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { adminSession, customerToken, rotateSecret } from "./customer-tokens";
import { baseURL, http } from "./http";

let A: Org;
let B: Org;
let survey: Awaited<ReturnType<typeof createSurvey>>;
const HOUR = 3_600_000;

const cid = () => `ident-${uid()}-${uid()}`;
const post = (publicId: string, body: Record<string, unknown>) =>
  http("POST", `/api/v1/public/surveys/${publicId}/responses`, { body });

async function newCustomer(org: Org, consent: boolean | null = true) {
  const externalId = `CRM-${uid()}`;
  return db.customer.create({
    data: {
      orgId: org.orgId,
      name: `Person ${externalId}`,
      externalId,
      consent,
      lastSeenAt: new Date("2020-01-01T00:00:00Z"),
    },
  });
}

/** The response stored for a clientId, its customer's activity, its cases and the webhook payloads it caused. */
async function outcome(clientId: string, customerId: string) {
  const response = await db.response.findFirstOrThrow({ where: { surveyId: survey.id, clientId } });
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
  const cases = await db.case.findMany({ where: { responseId: response.id } });
  const deliveries = await db.webhookDelivery.findMany({ where: { orgId: A.orgId } });
  const payloads = deliveries
    .map((d) => JSON.parse(d.payload))
    .filter((p) => p.data.responseId === response.id || cases.some((c) => c.id === p.data.caseId));
  return { response, customer, cases, payloads };
}

async function expectUnlinked(clientId: string, customer: { id: string; externalId: string | null }) {
  const o = await outcome(clientId, customer.id);
  expect(o.response.customerId).toBeNull();
  expect(o.response.customerClaim).toBe(customer.externalId); // kept, marked unverified
  expect(o.customer.lastSeenAt?.toISOString()).toBe("2020-01-01T00:00:00.000Z"); // no activity bumped
  expect(o.cases.every((c) => c.customerId === null)).toBe(true); // at most the case any anonymous detractor opens
  expect(await db.case.count({ where: { customerId: customer.id } })).toBe(0);
  expect(o.payloads.length).toBeGreaterThan(0);
  for (const p of o.payloads) {
    expect(p.data.customerId).toBeNull();
    expect(JSON.stringify(p)).not.toContain(customer.externalId!);
  }
}

beforeAll(async () => {
  [A, B] = [await createOrg("ident-a"), await createOrg("ident-b")];
  survey = await createSurvey(A.orgId);
  // A subscribed endpoint, so that the outbox shows what would be sent (the discard port: nothing listens).
  await db.webhookEndpoint.create({
    data: {
      orgId: A.orgId,
      url: "http://127.0.0.1:9/ident",
      eventTypes: ["response.created", "case.opened"],
      secretEnc: "v1:unused",
      active: true,
    },
  });
});

describe("POST …/responses: only a signed customer id links", () => {
  it("keeps an unsigned customerExternalId as an unverified claim: no link, no activity, no customer case, no customer in the webhooks", async () => {
    const customer = await newCustomer(A);
    const clientId = cid();
    // A new response (the ingestion batch) that a later submit completes (the one-response path).
    const started = await post(survey.publicId, {
      clientId,
      answers: { nps: 2 },
      complete: false,
      customerExternalId: customer.externalId,
    });
    expect(started.status).toBe(201);
    const resumeToken = started.body.resumeToken;
    expect(
      (
        await post(survey.publicId, {
          clientId,
          resumeToken,
          answers: { nps: 2, why_low: "Slow", plan: "pro" },
          complete: true,
          customerExternalId: customer.externalId,
        })
      ).status,
    ).toBe(200);
    await expectUnlinked(clientId, customer);
    const response = await db.response.findFirstOrThrow({ where: { surveyId: survey.id, clientId } });
    // Staff read the claim as what it is, beside an empty customer.
    const listed = await http("GET", `/api/v1/responses?surveyId=${survey.id}&limit=100`, { key: A.keys.viewer });
    const item = listed.body.data.find((r: { id: string }) => r.id === response.id);
    expect(item).toMatchObject({ customer: null, unverifiedCustomerExternalId: customer.externalId });
  });

  it("links the customer when a valid token comes with the id: activity, the customer's case and webhook data", async () => {
    const customer = await newCustomer(A);
    const clientId = cid();
    const token = await customerToken(A, survey.publicId, customer.externalId!);
    expect(
      (
        await post(survey.publicId, {
          clientId,
          answers: { nps: 2, why_low: "Slow", plan: "pro" },
          complete: true,
          customerExternalId: customer.externalId,
          customerToken: token,
        })
      ).status,
    ).toBe(201);
    const o = await outcome(clientId, customer.id);
    expect(o.response.customerId).toBe(customer.id);
    expect(o.response.customerClaim).toBeNull();
    expect(o.customer.lastSeenAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(o.cases).toHaveLength(1);
    expect(o.cases[0].customerId).toBe(customer.id);
    const created = o.payloads.find((p) => p.type === "response.created");
    expect(created.data).toMatchObject({ customerId: customer.id, customerExternalId: customer.externalId });
  });

  it("does not link with an expired, tampered, other survey's, other customer's or other organization's token (the answer is still stored)", async () => {
    const customer = await newCustomer(A);
    const other = await createSurvey(A.orgId);
    const good = await customerToken(A, survey.publicId, customer.externalId!);
    const [expiry, sig] = good.split(".");
    const tokens = {
      expired: await customerToken(A, survey.publicId, customer.externalId!, new Date(Date.now() - 1000)),
      laterExpiry: `${Number(expiry) + 86_400}.${sig}`,
      tamperedSignature: `${expiry}.${sig.startsWith("A") ? "B" : "A"}${sig.slice(1)}`,
      otherSurvey: await customerToken(A, other.publicId, customer.externalId!),
      otherCustomer: await customerToken(A, survey.publicId, `${customer.externalId}-x`),
      otherOrganization: await customerToken(B, survey.publicId, customer.externalId!),
      made_up: "1893456000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      garbage: "not-a-token",
    };
    for (const [name, token] of Object.entries(tokens)) {
      const clientId = cid();
      const res = await post(survey.publicId, {
        clientId,
        answers: { nps: 3 },
        complete: false,
        customerExternalId: customer.externalId,
        customerToken: token,
      });
      expect(res.status, name).toBe(201);
      await expectUnlinked(clientId, customer);
    }
  });

  it("answers 400 naming customerToken when it comes without the customer id", async () => {
    const res = await post(survey.publicId, {
      clientId: cid(),
      answers: { nps: 9, plan: "pro" },
      complete: true,
      customerToken: "1893456000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["customerToken"]);
  });
});

describe("opted out and unknown customers look the same without a token", () => {
  it("GET ?customer=, the hosted page ?cid= and POST answer an opted-out customer as one nobody knows; a valid token reveals the opt-out", async () => {
    const optedOut = await newCustomer(A, false);
    const unknown = `CRM-${uid()}-nobody`;
    const get = (q: string) => http("GET", `/api/v1/public/surveys/${survey.publicId}?${q}`);
    const [a, b] = [await get(`customer=${optedOut.externalId}`), await get(`customer=${unknown}`)];
    expect(a.status).toBe(200);
    expect([a.status, a.body]).toEqual([b.status, b.body]);
    expect(a.body.questions.length).toBeGreaterThan(0);
    // With a bad token too.
    const bad = await get(
      `customer=${optedOut.externalId}&customerToken=1893456000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect([bad.status, bad.body]).toEqual([b.status, b.body]);
    const signed = await get(
      `customer=${optedOut.externalId}&customerToken=${await customerToken(A, survey.publicId, optedOut.externalId!)}`,
    );
    expect(signed.body).toEqual({ publicId: survey.publicId, eligible: false, reason: "opted_out" });
    const unknownSigned = await get(
      `customer=${unknown}&customerToken=${await customerToken(A, survey.publicId, unknown)}`,
    );
    expect(unknownSigned.body).toEqual(b.body);
    expect((await get(`customerToken=${await customerToken(A, survey.publicId, unknown)}`)).status).toBe(400);

    const page = async (q: string) => {
      const res = await fetch(`${baseURL()}/s/${survey.publicId}?${q}`);
      const html = await res.text();
      return { status: res.status, form: html.includes("<form"), optedOut: /opted out/i.test(html) };
    };
    const [pa, pb] = [await page(`cid=${optedOut.externalId}`), await page(`cid=${unknown}`)];
    expect(pa).toEqual({ status: 200, form: true, optedOut: false });
    expect(pb).toEqual(pa);
    expect(
      await page(`cid=${optedOut.externalId}&ct=${await customerToken(A, survey.publicId, optedOut.externalId!)}`),
    ).toEqual({ status: 200, form: false, optedOut: true });

    const [ra, rb] = [
      await post(survey.publicId, {
        clientId: cid(),
        answers: { nps: 9, plan: "pro" },
        complete: true,
        customerExternalId: optedOut.externalId,
      }),
      await post(survey.publicId, {
        clientId: cid(),
        answers: { nps: 9, plan: "pro" },
        complete: true,
        customerExternalId: unknown,
      }),
    ];
    expect([ra.status, rb.status]).toEqual([201, 201]);
    const refused = await post(survey.publicId, {
      clientId: cid(),
      answers: { nps: 9, plan: "pro" },
      complete: true,
      customerExternalId: optedOut.externalId,
      customerToken: await customerToken(A, survey.publicId, optedOut.externalId!),
    });
    expect(refused.status).toBe(403);
    expect(await db.response.count({ where: { customerId: optedOut.id } })).toBe(0);
  });
});

describe("the re-survey after a resolved case", () => {
  it("carries a customer token that links the answer to the customer", async () => {
    const customer = await newCustomer(A);
    const first = cid();
    const token = await customerToken(A, survey.publicId, customer.externalId!);
    expect(
      (
        await post(survey.publicId, {
          clientId: first,
          answers: { nps: 1 },
          complete: false,
          customerExternalId: customer.externalId,
          customerToken: token,
        })
      ).status,
    ).toBe(201);
    const kase = await db.case.findFirstOrThrow({ where: { customerId: customer.id } });
    const res = await http("PATCH", `/api/v1/cases/${kase.id}`, {
      key: A.keys.agent,
      body: { status: "resolved", resolution: "Replaced the router", resurvey: true },
    });
    expect(res.status).toBe(200);
    const link = new URL(res.body.resurvey.link);
    expect(link.searchParams.get("cid")).toBe(customer.externalId);
    const ct = link.searchParams.get("ct")!;
    expect(ct).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
    expect(Number(ct.split(".")[0]) * 1000).toBeGreaterThan(Date.now() + 29 * 24 * HOUR); // valid about 30 days

    const html = await (await fetch(`${baseURL()}${link.pathname}${link.search}`)).text();
    expect(html).toContain("<form");
    // The hosted form posts what the link carried (components/survey-form): the same fields over the public API.
    const again = cid();
    expect(
      (
        await post(survey.publicId, {
          clientId: again,
          answers: { nps: 9, plan: "pro" },
          complete: true,
          customerExternalId: customer.externalId,
          customerToken: ct,
        })
      ).status,
    ).toBe(201);
    expect((await outcome(again, customer.id)).response.customerId).toBe(customer.id);
  });
});

describe("the signing secret", () => {
  it("is answered once; a rotation keeps the previous one valid for its grace period, 0 hours retires it at once", async () => {
    const org = await createOrg("ident-rotate");
    const s = await createSurvey(org.orgId);
    const customer = await newCustomer(org);
    const linked = async (secret: string) => {
      const clientId = cid();
      const token = signCustomerToken(secret, {
        publicId: s.publicId,
        externalId: customer.externalId!,
        expiresAt: new Date(Date.now() + HOUR),
      });
      expect(
        (
          await post(s.publicId, {
            clientId,
            answers: { nps: 9, plan: "pro" },
            complete: true,
            customerExternalId: customer.externalId,
            customerToken: token,
          })
        ).status,
      ).toBe(201);
      return (await db.response.findFirstOrThrow({ where: { surveyId: s.id, clientId } })).customerId === customer.id;
    };
    const first = await rotateSecret(org);
    expect(first).toMatch(/^rct_[A-Za-z0-9_-]{43}$/);
    const status = await http("GET", "/api/v1/customer-token-secret", await adminSession(org));
    expect(status.status).toBe(200);
    expect(status.body.current.hint).toBe(`…${first.slice(-4)}`);
    expect(JSON.stringify(status.body)).not.toContain(first);
    expect(await db.customerTokenSecret.count({ where: { orgId: org.orgId, sealed: { contains: first } } })).toBe(0); // sealed at rest

    const second = await rotateSecret(org, 24);
    expect(await linked(first)).toBe(true);
    expect(await linked(second)).toBe(true);
    const after = await http("GET", "/api/v1/customer-token-secret", await adminSession(org));
    expect(after.body.previous).toHaveLength(1);
    expect(new Date(after.body.previous[0].validUntil).getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);

    const third = await rotateSecret(org, 0);
    expect(await linked(second)).toBe(false);
    expect(await linked(first)).toBe(false);
    expect(await linked(third)).toBe(true);
    const audit = await db.auditEvent.findMany({
      where: { orgId: org.orgId, action: "customer_token_secret.rotated" },
    });
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain(third);
  });
});

describe("the secret Resonance signs its own links with", () => {
  it("is made once for a new organization, however many links are minted at once", async () => {
    process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET; // sealing the secret in process, as the server does
    const org = await createOrg("first-secret");
    expect(await db.customerTokenSecret.count({ where: { orgId: org.orgId } })).toBe(0);
    const s = await createSurvey(org.orgId);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mintCustomerToken(org.orgId, { publicId: s.publicId, externalId: `C-${i}` }),
      ),
    );
    expect(new Set(tokens).size).toBe(20);
    expect(await db.customerTokenSecret.count({ where: { orgId: org.orgId } })).toBe(1);
  });
});
