// Attribution at write time (docs/hierarchy.md, "Attribution"): every response, interaction and case is stored with
// its unit, by the documented rule order — staff (for what a member logs themself), touchpoint, customer's home unit
// — skipping archived units; on every write path: the public ingestion batch over HTTP, the single response path,
// staff and API interactions, both CSV imports, and the cases they open. Setting a touchpoint's or a customer's unit:
// another organization's unit is a 404, an archived one a 400 naming unitId.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { archiveUnit, createUnit } from "@/lib/units/service";
import { createTouchpoint, updateTouchpoint } from "@/lib/journeys/editor";
import { createCustomer, updateCustomer } from "@/lib/customers/service";
import { createInteraction } from "@/lib/interactions/service";
import { saveResponse } from "@/lib/surveys/response-store";
import { surveyByPublicId } from "@/lib/surveys/survey-cache";
import { mintCustomerToken } from "@/lib/customers/token-secrets";
import { createOrg, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, respondent } from "./http";
import { postCsv } from "./import-client";
import { TEST_NEXTAUTH_SECRET } from "../server";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET; // the customer tokens minted here are checked by the server

let A: Org;
let B: Org;
const u = {} as Record<"region" | "s1" | "s2" | "gone", string>;
const tp = {} as Record<"s1" | "none" | "gone", string>;
let homeS2: { id: string; externalId: string; email: string };
let homeless: { id: string; externalId: string };
let surveyId: string;
let publicId: string;

beforeAll(async () => {
  [A, B] = [await createOrg("attr-a"), await createOrg("attr-b")];
  const admin = A.ctx("admin");
  u.region = (await createUnit(admin, { code: `R-${uid()}`, name: "North", kind: "region" })).id;
  u.s1 = (await createUnit(admin, { code: `S1-${uid()}`, name: "Store 1", kind: "store", parentId: u.region })).id;
  u.s2 = (await createUnit(admin, { code: `S2-${uid()}`, name: "Store 2", kind: "store", parentId: u.region })).id;
  u.gone = (await createUnit(admin, { code: `X-${uid()}`, name: "Closed store", parentId: u.region })).id;
  const manager = A.ctx("manager");
  tp.s1 = A.ids.touchpoint;
  await updateTouchpoint(manager, tp.s1, { unitId: u.s1 });
  tp.gone = (
    await createTouchpoint(manager, { stageId: A.ids.stage, name: "Old till", kind: "physical", unitId: u.gone })
  ).id;
  tp.none = (await createTouchpoint(manager, { stageId: A.ids.stage, name: "Website", kind: "digital" })).id;
  await archiveUnit(admin, u.gone);
  const c = await createCustomer(A.ctx("agent"), {
    name: "Home in store 2",
    externalId: `H-${uid()}`,
    email: `h-${uid()}@example.test`,
    unitId: u.s2,
  });
  homeS2 = { id: c.id, externalId: c.externalId!, email: c.email! };
  const h = await createCustomer(A.ctx("agent"), { name: "No home", externalId: `N-${uid()}` });
  homeless = { id: h.id, externalId: h.externalId! };
  const s = await createSurvey(A.orgId);
  [surveyId, publicId] = [s.id, s.publicId];
  await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
});

const unitOf = async (clientId: string) =>
  (await db.response.findUniqueOrThrow({ where: { surveyId_clientId: { surveyId, clientId } } })).unitId;

describe("setting a touchpoint's or a customer's unit", () => {
  it("stores it, and refuses another organization's unit (404) and an archived one (400 naming unitId)", async () => {
    expect((await db.touchpoint.findUniqueOrThrow({ where: { id: tp.s1 } })).unitId).toBe(u.s1);
    expect((await db.customer.findUniqueOrThrow({ where: { id: homeS2.id } })).unitId).toBe(u.s2);
    const bUnit = (await createUnit(B.ctx("admin"), { code: `B-${uid()}`, name: "B store" })).id;
    const manager = A.ctx("manager");
    await expect(updateTouchpoint(manager, tp.none, { unitId: bUnit })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCustomer(A.ctx("agent"), homeless.id, { unitId: bUnit })).rejects.toBeInstanceOf(NotFoundError);
    const archived = await updateTouchpoint(manager, tp.none, { unitId: u.gone }).catch((e: unknown) => e);
    expect(archived).toBeInstanceOf(ValidationError);
    expect((archived as ValidationError).invalidParams?.map((p) => p.name)).toEqual(["unitId"]);
    // Nothing changed, and a touchpoint already in an archived unit may be saved without choosing another.
    expect((await db.touchpoint.findUniqueOrThrow({ where: { id: tp.none } })).unitId).toBeNull();
    await updateTouchpoint(manager, tp.gone, { name: "Old till (closed)" });
    // Over HTTP: the same answers, as problem+json.
    const res = await http("PATCH", `/api/v1/touchpoints/${tp.none}`, {
      key: A.keys.manager,
      body: { unitId: u.gone },
    });
    expect(res.status).toBe(400);
    expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["unitId"]);
    const other = await http("PATCH", `/api/v1/customers/${homeless.id}`, {
      key: A.keys.agent,
      body: { unitId: bUnit },
    });
    expect(other.status).toBe(404);
    const read = await http("GET", `/api/v1/customers/${homeS2.id}`, { key: A.keys.viewer });
    expect(read.body.unitId).toBe(u.s2);
  });
});

describe("responses", () => {
  const post = (body: Record<string, unknown>, ua: string) =>
    http("POST", `/api/v1/public/surveys/${publicId}/responses`, { body, headers: respondent(ua) });
  const answers = { nps: 9, plan: "pro" };

  it("through the ingestion batch: the touchpoint's unit, else the verified customer's home unit, else none", async () => {
    const token = await mintCustomerToken(A.orgId, { publicId, externalId: homeS2.externalId });
    const cases = [
      { clientId: `b-${randomUUID()}`, touchpointId: tp.s1, expect: u.s1 },
      // the touchpoint wins over the customer's home unit
      { clientId: `b-${randomUUID()}`, touchpointId: tp.s1, customer: true, expect: u.s1 },
      { clientId: `b-${randomUUID()}`, touchpointId: tp.none, customer: true, expect: u.s2 },
      // an archived touchpoint unit is skipped
      { clientId: `b-${randomUUID()}`, touchpointId: tp.gone, customer: true, expect: u.s2 },
      { clientId: `b-${randomUUID()}`, touchpointId: tp.gone, expect: null },
      { clientId: `b-${randomUUID()}`, expect: null },
      // an unsigned customer claim is only stored: it decides nothing
      { clientId: `b-${randomUUID()}`, touchpointId: tp.none, claim: true, expect: null },
    ];
    const results = await Promise.all(
      cases.map((c, i) =>
        post(
          {
            clientId: c.clientId,
            answers,
            complete: true,
            ...(c.touchpointId ? { touchpointId: c.touchpointId } : {}),
            ...(c.customer ? { customerExternalId: homeS2.externalId, customerToken: token } : {}),
            ...(c.claim ? { customerExternalId: homeS2.externalId } : {}),
          },
          `Mozilla/5.0 (attribution ${i})`,
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(cases.map(() => 201));
    expect(await Promise.all(cases.map((c) => unitOf(c.clientId)))).toEqual(cases.map((c) => c.expect));
  });

  it("through the single path, and the detractor case it opens takes the response's unit", async () => {
    const survey = (await surveyByPublicId(publicId, { fresh: true }))!;
    const meta = { userAgent: "test", ip: "127.0.0.1" };
    const single = `s-${randomUUID()}`;
    await saveResponse(
      survey,
      {
        clientId: single,
        answers: { nps: 2, why_low: "Slow", plan: "basic" },
        complete: true,
        touchpointId: tp.none,
        customerExternalId: homeS2.externalId,
      },
      meta,
    );
    expect(await unitOf(single)).toBe(u.s2);
    const response = await db.response.findUniqueOrThrow({
      where: { surveyId_clientId: { surveyId, clientId: single } },
    });
    const kase = await db.case.findFirstOrThrow({ where: { responseId: response.id } });
    expect(kase.unitId).toBe(u.s2);
    // A partial response completed later keeps its unit, and its case (opened on completion) takes it too.
    const partial = `p-${randomUUID()}`;
    const first = await saveResponse(
      survey,
      { clientId: partial, answers: { nps: 1 }, complete: false, touchpointId: tp.s1 },
      meta,
    );
    expect(await unitOf(partial)).toBe(u.s1);
    const resumeToken = (first.response as { resumeToken: string }).resumeToken;
    await saveResponse(
      survey,
      { clientId: partial, answers: { nps: 1, why_low: "Rude", plan: "pro" }, complete: true, resumeToken },
      meta,
    );
    const completed = await db.response.findUniqueOrThrow({
      where: { surveyId_clientId: { surveyId, clientId: partial } },
    });
    expect(completed.unitId).toBe(u.s1);
    expect((await db.case.findFirstOrThrow({ where: { responseId: completed.id } })).unitId).toBe(u.s1);
  });

  it("through the CSV import", async () => {
    const p = `RI-${uid()}`;
    const file = [
      "clientId,submittedAt,customer,nps,why_low,plan",
      `${p}-1,2025-03-01T09:00:00Z,${homeS2.email},9,,pro`,
      `${p}-2,2025-03-02T09:00:00Z,,9,,pro`,
      `${p}-3,2025-03-03T09:00:00Z,${homeless.externalId},9,,pro`,
    ].join("\n");
    const r = await postCsv("/api/v1/imports/responses", A.keys.manager, file, { surveyId });
    expect(r.result).toMatchObject({ done: true, inserted: 3 });
    expect([await unitOf(`${p}-1`), await unitOf(`${p}-2`), await unitOf(`${p}-3`)]).toEqual([u.s2, null, null]);
  });
});

describe("interactions", () => {
  it("a member logging one themself: their scope unit first; through the API: the touchpoint's, else the customer's", async () => {
    // The agent works in store 1 (their membership's scope).
    await db.membership.update({ where: { id: A.users.agent.membershipId }, data: { unitId: u.s1 } });
    try {
      const agent = A.ctx("agent");
      const staff = await createInteraction(agent, {
        customerId: homeS2.id,
        touchpointId: tp.none,
        outcome: "resolved",
      });
      const viaApi = await createInteraction(
        agent,
        { customerId: homeS2.id, touchpointId: tp.none, outcome: "resolved" },
        "api",
      );
      const atTouchpoint = await createInteraction(
        agent,
        { customerId: homeless.id, touchpointId: tp.s1, outcome: "resolved" },
        "api",
      );
      const nothing = await createInteraction(agent, { customerId: homeless.id, outcome: "resolved" }, "api");
      const unitOfInteraction = async (id: string) =>
        (await db.interaction.findUniqueOrThrow({ where: { id } })).unitId;
      expect(await unitOfInteraction(staff.interaction.id)).toBe(u.s1);
      expect(await unitOfInteraction(viaApi.interaction.id)).toBe(u.s2);
      expect(await unitOfInteraction(atTouchpoint.interaction.id)).toBe(u.s1);
      expect(await unitOfInteraction(nothing.interaction.id)).toBeNull();
      // The follow-up case takes the interaction's unit.
      const followUp = await createInteraction(
        agent,
        { customerId: homeless.id, outcome: "follow_up", note: "Call back" },
        "api",
      );
      const kase = await db.case.findFirstOrThrow({ where: { interactionId: followUp.interaction.id } });
      expect(kase.unitId).toBeNull();
      const staffFollowUp = await createInteraction(agent, {
        customerId: homeless.id,
        outcome: "follow_up",
        note: "Again",
      });
      expect((await db.case.findFirstOrThrow({ where: { interactionId: staffFollowUp.interaction.id } })).unitId).toBe(
        u.s1,
      );
    } finally {
      await db.membership.update({ where: { id: A.users.agent.membershipId }, data: { unitId: null } });
    }
  });

  it("through the CSV import: the member in the staff column, else the touchpoint's, else the customer's", async () => {
    await db.membership.update({ where: { id: A.users.manager.membershipId }, data: { unitId: u.s2 } });
    try {
      const p = `II-${uid()}`;
      const file = [
        "customer,touchpoint,occurredAt,outcome,staff,clientId",
        `${homeless.externalId},${tp.none},2025-03-01T09:00:00Z,resolved,${A.users.manager.email},${p}-1`,
        `${homeless.externalId},${tp.s1},2025-03-01T09:00:00Z,resolved,,${p}-2`,
        `${homeS2.externalId},,2025-03-01T09:00:00Z,resolved,,${p}-3`,
        `${homeless.externalId},,2025-03-01T09:00:00Z,resolved,,${p}-4`,
      ].join("\n");
      const r = await postCsv("/api/v1/imports/interactions", A.keys.manager, file);
      expect(r.result).toMatchObject({ done: true, inserted: 4 });
      const rows = await db.interaction.findMany({
        where: { orgId: A.orgId, clientId: { startsWith: `${p}-` } },
        orderBy: { clientId: "asc" },
      });
      expect(rows.map((x) => x.unitId)).toEqual([u.s2, u.s1, u.s2, null]);
    } finally {
      await db.membership.update({ where: { id: A.users.manager.membershipId }, data: { unitId: null } });
    }
  });
});
