// Audiences (docs/distribution.md): each criterion of the definition language matches the customers it should
// and not the others, on whichever database the suite runs on; the preview's reasons; static lists from a CSV,
// all or nothing; managers and admins only; another organization's audience is a 404.
import { beforeAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import type { z } from "zod";
import { definitionSchema, type criterionSchema } from "@/lib/audiences/definition";
import {
  countAudience,
  createAudience,
  getAudience,
  listAudiences,
  previewAudience,
  previewDefinition,
  resolveAudienceWhere,
} from "@/lib/audiences/service";
import { audienceWhere } from "@/lib/audiences/compile";
import { createOrg, TEST_PASSWORD, uid, type Org } from "../factories";
import { http, signIn } from "./http";

let A: Org;
let B: Org;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

type Seed = {
  name: string;
  email?: string | null;
  consent?: boolean | null;
  attributes?: Record<string, string | number | boolean>;
  tags?: string[];
  erased?: boolean;
};

const ids: Record<string, string> = {};
let touchpointB: string; // a second touchpoint of A's journey
let otherJourney: string;
let otherTouchpoint: string;

async function customer(org: Org, s: Seed): Promise<string> {
  const c = await db.customer.create({
    data: {
      orgId: org.orgId,
      name: s.name,
      email: s.email === undefined ? `${s.name.toLowerCase()}-${uid()}@example.test` : s.email,
      externalId: `${s.name}-${uid()}`,
      consent: s.consent ?? null,
      attributes: s.attributes,
      erasedAt: s.erased ? new Date() : null,
      tags: s.tags ? { create: s.tags.map((tag) => ({ orgId: org.orgId, tag })) } : undefined,
    },
  });
  ids[s.name] = c.id;
  return c.id;
}

async function interaction(customerId: string, touchpointId: string, daysAgo: number, outcome = "resolved") {
  await db.interaction.create({
    data: { orgId: A.orgId, customerId, touchpointId, occurredAt: ago(daysAgo), outcome },
  });
}

async function nps(
  customerId: string,
  score: number,
  daysAgo: number,
  extra: { locale?: string; touchpointId?: string } = {},
) {
  const category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  await db.response.create({
    data: {
      orgId: A.orgId,
      surveyId: A.ids.survey,
      clientId: `r-${uid()}`,
      customerId,
      metric: "nps",
      score,
      category,
      completed: true,
      submittedAt: ago(daysAgo),
      locale: extra.locale,
      touchpointId: extra.touchpointId,
    },
  });
}

/** Names of the matched customers of A (only those this file seeded; the factory's own customer is left out). */
async function matching(...criteria: Array<z.input<typeof criterionSchema>>): Promise<string[]> {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  const rows = await db.customer.findMany({ where: { orgId: A.orgId }, select: { id: true } });
  expect(rows.length).toBeLessThan(20); // the preview's sample is then every match
  const p = await previewDefinition(A.ctx("manager"), definitionSchema.parse({ criteria }));
  return p.sample
    .map((c) => byId.get(c.id))
    .filter((n): n is string => !!n)
    .sort();
}

beforeAll(async () => {
  [A, B] = [await createOrg("aud-a"), await createOrg("aud-b")];
  const stage = await db.stage.findFirstOrThrow({ where: { orgId: A.orgId } });
  touchpointB = (
    await db.touchpoint.create({
      data: { orgId: A.orgId, journeyId: A.ids.journey, stageId: stage.id, name: "Chat", kind: "digital" },
    })
  ).id;
  otherJourney = (await db.journey.create({ data: { orgId: A.orgId, name: "Onboarding" } })).id;
  const otherStage = await db.stage.create({
    data: { orgId: A.orgId, journeyId: otherJourney, name: "Sign-up", position: 0 },
  });
  otherTouchpoint = (
    await db.touchpoint.create({
      data: { orgId: A.orgId, journeyId: otherJourney, stageId: otherStage.id, name: "Welcome", kind: "digital" },
    })
  ).id;

  const ann = await customer(A, {
    name: "Ann",
    consent: true,
    tags: ["vip", "b2b"],
    attributes: { plan: "pro", seats: 12, beta: true, language: "de-CH" },
  });
  const bob = await customer(A, { name: "Bob", consent: false, tags: ["vip"], attributes: { plan: "free", seats: 1 } });
  const cat = await customer(A, { name: "Cat", email: null, tags: ["b2b"], attributes: { plan: "Pro", seats: "12" } });
  const dan = await customer(A, { name: "Dan", attributes: { plan: "team", seats: 50, beta: false } });
  await customer(A, { name: "Eve", erased: true });
  // B's customer carries every trait A's criteria ask for: it must never show up in A's audiences.
  await customer(B, { name: "Zed", consent: true, tags: ["vip", "b2b"], attributes: { plan: "pro", seats: 12 } });

  await interaction(ann, A.ids.touchpoint, 3, "resolved");
  await interaction(bob, A.ids.touchpoint, 40, "resolved"); // too long ago for 30 days
  await interaction(cat, A.ids.touchpoint, 5, "escalated");
  await interaction(dan, touchpointB, 2, "resolved");
  await interaction(dan, otherTouchpoint, 200);

  // Latest NPS decides: Ann was a detractor, now a promoter; Bob the other way round; Cat passive; Dan none.
  await nps(ann, 2, 100);
  await nps(ann, 10, 1, { locale: "en" });
  await nps(bob, 9, 100);
  await nps(bob, 3, 1, { locale: "fr-FR" });
  await nps(cat, 8, 10, { locale: "de", touchpointId: otherTouchpoint });
});

describe("each criterion matches the customers it names (and only those)", () => {
  it("segment tags: any and all, negated", async () => {
    expect(await matching({ type: "tags", match: "any", tags: ["vip", "b2b"] })).toEqual(["Ann", "Bob", "Cat"]);
    expect(await matching({ type: "tags", match: "all", tags: ["vip", "b2b"] })).toEqual(["Ann"]);
    expect(await matching({ type: "tags", match: "any", tags: ["vip"], negate: true })).toEqual(["Cat", "Dan", "Eve"]);
  });

  it("attributes: equals (typed, case-sensitive), in, range over numbers only", async () => {
    expect(await matching({ type: "attribute", key: "plan", op: "equals", value: "pro" })).toEqual(["Ann"]);
    expect(await matching({ type: "attribute", key: "plan", op: "in", values: ["free", "team"] })).toEqual([
      "Bob",
      "Dan",
    ]);
    expect(await matching({ type: "attribute", key: "seats", op: "equals", value: 12 })).toEqual(["Ann"]); // not Cat's "12"
    // The builder names the type of its values: "12" as text is Cat's text "12", not Ann's number 12.
    expect(await matching({ type: "attribute", key: "seats", op: "equals", valueType: "text", value: "12" })).toEqual([
      "Cat",
    ]);
    expect(
      await matching({ type: "attribute", key: "seats", op: "in", valueType: "number", values: [12, 50] }),
    ).toEqual(["Ann", "Dan"]);
    expect(await matching({ type: "attribute", key: "beta", op: "equals", value: true })).toEqual(["Ann"]);
    expect(await matching({ type: "attribute", key: "beta", op: "equals", value: false })).toEqual(["Dan"]);
    expect(await matching({ type: "attribute", key: "seats", op: "range", min: 10 })).toEqual(["Ann", "Dan"]);
    expect(await matching({ type: "attribute", key: "seats", op: "range", min: 1, max: 20 })).toEqual(["Ann", "Bob"]);
    // No attribute at all is "does not match" — so the negation includes it.
    expect(await matching({ type: "attribute", key: "seats", op: "range", min: 10, negate: true })).toEqual([
      "Bob",
      "Cat",
      "Eve",
    ]);
  });

  it("language: the language attribute first, else the latest response's locale; a base code matches regions", async () => {
    expect(await matching({ type: "language", languages: ["de"] })).toEqual(["Ann", "Cat"]);
    expect(await matching({ type: "language", languages: ["fr"] })).toEqual(["Bob"]);
    expect(await matching({ type: "language", languages: ["EN"] })).toEqual([]); // Ann's attribute wins over "en"
    expect(await matching({ type: "language", languages: ["de-ch"] })).toEqual(["Ann"]);
    expect(await matching({ type: "language", languages: ["de-ch", "fr"] })).toEqual(["Ann", "Bob"]);
    expect(await matching({ type: "language", languages: ["de", "fr"], negate: true })).toEqual(["Dan", "Eve"]);
  });

  it("language: several languages compile to one IN and one look-up of the latest response, not one per language", () => {
    const where = audienceWhere(
      { orgId: A.orgId, provider, now: new Date() },
      definitionSchema.parse({ criteria: [{ type: "language", languages: ["de", "fr", "en", "it"] }] }),
    );
    const sql = where.sql;
    expect(sql.match(/FROM "Response"/g)).toHaveLength(1);
    expect(sql).not.toMatch(/LIKE/);
    // one IN over the base language of the attribute, one over the latest response's locale (never both per row)
    expect(sql.match(/ IN \(/g)).toHaveLength(2);
  });

  it("consent: given, refused, not asked", async () => {
    expect(await matching({ type: "consent", states: ["given"] })).toEqual(["Ann"]);
    expect(await matching({ type: "consent", states: ["refused"] })).toEqual(["Bob"]);
    expect(await matching({ type: "consent", states: ["not_asked"] })).toEqual(["Cat", "Dan", "Eve"]);
    expect(await matching({ type: "consent", states: ["refused"], negate: true })).toEqual([
      "Ann",
      "Cat",
      "Dan",
      "Eve",
    ]);
  });

  it("an interaction at a touchpoint, with an outcome, in the last N days", async () => {
    expect(await matching({ type: "interaction", touchpointId: A.ids.touchpoint, days: 30 })).toEqual(["Ann", "Cat"]);
    expect(await matching({ type: "interaction", touchpointId: A.ids.touchpoint, days: 60 })).toEqual([
      "Ann",
      "Bob",
      "Cat",
    ]);
    expect(
      await matching({ type: "interaction", touchpointId: A.ids.touchpoint, outcome: "escalated", days: 30 }),
    ).toEqual(["Cat"]);
    expect(await matching({ type: "interaction", days: 7 })).toEqual(["Ann", "Cat", "Dan"]);
    expect(await matching({ type: "interaction", days: 30, negate: true })).toEqual(["Bob", "Eve"]);
  });

  it("the category of the latest NPS answer", async () => {
    expect(await matching({ type: "lastNps", categories: ["promoter"] })).toEqual(["Ann"]);
    expect(await matching({ type: "lastNps", categories: ["detractor"] })).toEqual(["Bob"]);
    expect(await matching({ type: "lastNps", categories: ["passive", "promoter"] })).toEqual(["Ann", "Cat"]);
    // No NPS answer at all is "not a detractor".
    expect(await matching({ type: "lastNps", categories: ["detractor"], negate: true })).toEqual([
      "Ann",
      "Cat",
      "Dan",
      "Eve",
    ]);
  });

  it("a journey: interactions or responses at any of its touchpoints, optionally recent", async () => {
    expect(await matching({ type: "journey", journeyId: A.ids.journey })).toEqual(["Ann", "Bob", "Cat", "Dan"]);
    expect(await matching({ type: "journey", journeyId: otherJourney })).toEqual(["Cat", "Dan"]); // Cat by response
    expect(await matching({ type: "journey", journeyId: otherJourney, days: 30 })).toEqual(["Cat"]);
  });

  it("criteria combine with AND", async () => {
    expect(
      await matching(
        { type: "tags", match: "any", tags: ["vip"] },
        { type: "interaction", touchpointId: A.ids.touchpoint, days: 60 },
        { type: "lastNps", categories: ["detractor"] },
      ),
    ).toEqual(["Bob"]);
  });

  it("another organization's touchpoint or journey is refused, naming the criterion's field", async () => {
    await expect(
      previewDefinition(
        A.ctx("manager"),
        definitionSchema.parse({
          criteria: [
            { type: "consent", states: ["given"] },
            { type: "interaction", touchpointId: B.ids.touchpoint, days: 30 },
            { type: "journey", journeyId: B.ids.journey },
          ],
        }),
      ),
    ).rejects.toMatchObject({
      status: 400,
      invalidParams: [
        expect.objectContaining({ name: "definition.criteria.1.touchpointId" }),
        expect.objectContaining({ name: "definition.criteria.2.journeyId" }),
      ],
    });
  });
});

describe("preview", () => {
  it("counts the matched and why some cannot be reached by e-mail, with a sample linking to the customer", async () => {
    const a = await createAudience(A.ctx("manager"), { name: "Everyone seeded", definition: { criteria: [] } });
    const p = await previewAudience(A.ctx("manager"), a.id);
    // Ann, Dan and the factory's customer are reachable; Bob opted out; Cat has no e-mail; Eve is erased.
    expect(p).toMatchObject({ matched: 6, reachable: 3, excluded: { erased: 1, opted_out: 1, no_email: 1 } });
    expect(p.sample).toHaveLength(6);
    expect(p.sample.find((c) => c.id === ids.Ann)).toMatchObject({ name: "Ann", href: `/customers/${ids.Ann}` });
  });
});

describe("over HTTP", () => {
  it("create, read, update, preview and delete a live audience; invalid definitions name the field", async () => {
    const key = A.keys.manager;
    const bad = await http("POST", "/api/v1/audiences", {
      key,
      body: { name: "Bad", definition: { criteria: [{ type: "interaction", days: 0 }, { type: "lastNps" }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    const names = bad.body.invalid_params.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["definition.criteria.0.days", "definition.criteria.1.categories"]));

    const created = await http("POST", "/api/v1/audiences", {
      key,
      body: { name: "VIP promoters", definition: { criteria: [{ type: "tags", tags: ["vip"] }] } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ kind: "live", definition: { criteria: [{ type: "tags", match: "any" }] } });

    const preview = await http("GET", `/api/v1/audiences/${id}/preview`, { key });
    expect(preview.body).toMatchObject({ matched: 2, reachable: 1, excluded: { opted_out: 1 } });

    const patched = await http("PATCH", `/api/v1/audiences/${id}`, {
      key,
      body: {
        definition: {
          criteria: [
            { type: "tags", tags: ["vip"] },
            { type: "consent", states: ["given"] },
          ],
        },
      },
    });
    expect(patched.status).toBe(200);
    expect((await http("GET", `/api/v1/audiences/${id}/preview`, { key })).body.matched).toBe(1);
    expect((await http("GET", "/api/v1/audiences", { key })).body.data.map((a: { id: string }) => a.id)).toContain(id);

    expect((await http("DELETE", `/api/v1/audiences/${id}`, { key })).status).toBe(204);
    expect((await http("GET", `/api/v1/audiences/${id}`, { key })).status).toBe(404);
    const actions = await db.auditEvent.findMany({ where: { orgId: A.orgId, entityId: id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["audience.created", "audience.deleted", "audience.updated"]);
  });

  it("agents and viewers cannot see or build audiences; another organization's is a 404", async () => {
    for (const role of ["viewer", "agent"] as const) {
      expect((await http("GET", "/api/v1/audiences", { key: A.keys[role] })).status).toBe(403);
      expect((await http("GET", `/api/v1/audiences/${A.ids.audience}/preview`, { key: A.keys[role] })).status).toBe(
        403,
      );
    }
    expect((await http("GET", "/api/v1/audiences", { key: A.keys.admin })).status).toBe(200);
    const foreign = await http("GET", `/api/v1/audiences/${B.ids.audience}/preview`, { key: A.keys.admin });
    expect(foreign.status).toBe(404);
  });

  it("a static audience from a CSV of e-mails and external ids", async () => {
    const [ann, dan] = await db.customer.findMany({
      where: { id: { in: [ids.Ann, ids.Dan] } },
      orderBy: { name: "asc" },
    });
    const csv = `Email,External ID\n${ann.email!.toUpperCase()},\n,${dan.externalId}\n`;
    const res = await http("POST", "/api/v1/audiences/static?name=Pilot%20list", {
      key: A.keys.manager,
      rawBody: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Pilot list", kind: "static", members: 2 });
    const preview = await http("GET", `/api/v1/audiences/${res.body.id}/preview`, { key: A.keys.manager });
    expect(preview.body).toMatchObject({ matched: 2, reachable: 2 });

    // Replacing the list: one good row is not enough when another is bad — nothing changes.
    const replace = await http("PUT", `/api/v1/audiences/${res.body.id}/members`, {
      key: A.keys.manager,
      rawBody: `email\n${ann.email}\nnot-an-address\nnobody@example.test\n\n`,
      headers: { "content-type": "text/csv" },
    });
    expect(replace.status).toBe(400);
    expect(replace.body.invalid_params).toEqual([
      expect.objectContaining({ name: "rows[3].email", reason: "Not a valid e-mail address" }),
      expect.objectContaining({ name: "rows[4].email", reason: "No customer with this e-mail address" }),
    ]);
    expect(await db.audienceMember.count({ where: { audienceId: res.body.id } })).toBe(2);

    const ok = await http("PUT", `/api/v1/audiences/${res.body.id}/members`, {
      key: A.keys.manager,
      rawBody: `email\n${ann.email}\n`,
      headers: { "content-type": "text/csv" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.members).toBe(1);

    // The builder editing this static audience previews its list narrowed by the criteria (not every customer),
    // as the saved audience counts; another organization's audience id is a 404.
    const editing = await previewDefinition(A.ctx("manager"), definitionSchema.parse({ criteria: [] }), res.body.id);
    expect(editing.sample.map((c) => c.id)).toEqual([ann.id]);
    expect(editing.matched).toBe(1);
    await expect(
      previewDefinition(B.ctx("manager"), definitionSchema.parse({ criteria: [] }), res.body.id),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("a criterion's list holds each choice once, so a huge list is refused rather than compiled", () => {
    const many = { criteria: [{ type: "consent", states: Array.from({ length: 1200 }, () => "given") }] };
    expect(definitionSchema.safeParse(many).success).toBe(false);
    const repeated = definitionSchema.parse({
      criteria: [{ type: "lastNps", categories: ["detractor", "detractor"] }],
    });
    expect(repeated.criteria[0]).toMatchObject({ categories: ["detractor"] });
  });

  it("a bad CSV saves nothing: no usable column, unknown ids, another organization's customer", async () => {
    const count = () => db.audience.count({ where: { orgId: A.orgId } });
    const before = await count();
    const zed = await db.customer.findUniqueOrThrow({ where: { id: ids.Zed } });
    const noColumn = await http("POST", "/api/v1/audiences/static?name=X", {
      key: A.keys.manager,
      rawBody: "name\nAnn\n",
      headers: { "content-type": "text/csv" },
    });
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.invalid_params[0].name).toBe("header");
    const foreign = await http("POST", "/api/v1/audiences/static?name=X", {
      key: A.keys.manager,
      rawBody: `externalId,email\n${zed.externalId},\n,${zed.email}\n`,
      headers: { "content-type": "text/csv" },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.invalid_params.map((p: { name: string }) => p.name)).toEqual([
      "rows[2].externalId",
      "rows[3].email",
    ]);
    expect(await count()).toBe(before);
    // A live audience has no member list to replace.
    const live = await createAudience(A.ctx("manager"), { name: "Live", definition: { criteria: [] } });
    const put = await http("PUT", `/api/v1/audiences/${live.id}/members`, {
      key: A.keys.manager,
      rawBody: "email\nx@example.test\n",
      headers: { "content-type": "text/csv" },
    });
    expect(put.status).toBe(400);
    expect((await getAudience(A.ctx("manager"), live.id)).members).toBeNull();
  });
});

describe("a stored definition that no longer parses", () => {
  // A hand-edited row, or one written before a schema change: never read as "no criteria" (everyone).
  const broken = [
    { criteria: [{ type: "attribute", key: "plan", op: "equals", value: { nested: true } }] },
    { criteria: [{ type: "birthday", month: 5 }] },
    { criteria: "everyone" },
  ];

  it("matches no one in the preview, the count, the API and the SQL a wave will use, and says what is wrong", async () => {
    const manager = A.ctx("manager");
    for (const definition of broken) {
      const row = await db.audience.create({
        data: { orgId: A.orgId, name: `Broken ${uid()}`, kind: "live", definition, createdById: A.users.manager.id },
      });
      const dto = await getAudience(manager, row.id);
      expect(dto.definition).toBeNull();
      expect(dto.definitionProblems?.length).toBeGreaterThan(0);
      expect(await countAudience(manager, row.id)).toBe(0);
      expect((await resolveAudienceWhere(manager, row.id)).sql).toBe("1 = 0");
      const preview = await http("GET", `/api/v1/audiences/${row.id}/preview`, { key: A.keys.manager });
      expect(preview.body).toMatchObject({ matched: 0, reachable: 0, sample: [] });
      expect(preview.body.definitionProblems[0].name).toMatch(/^definition/);
      const got = await http("GET", `/api/v1/audiences/${row.id}`, { key: A.keys.manager });
      expect(got.body.definition).toBeNull();
    }
    const first = await db.audience.findFirstOrThrow({
      where: { orgId: A.orgId, name: { startsWith: "Broken" } },
      orderBy: { createdAt: "asc" },
    });
    expect((await getAudience(manager, first.id)).definitionProblems).toEqual([
      { name: "definition.criteria.0.value", reason: expect.any(String) },
    ]);
    expect((await listAudiences(manager, { limit: 100 })).data.find((a) => a.id === first.id)).toMatchObject({
      definition: null,
    });
  });

  it("a static list with an unreadable definition matches none of its members either", async () => {
    const row = await db.audience.create({
      data: {
        orgId: A.orgId,
        name: `Broken list ${uid()}`,
        kind: "static",
        definition: { criteria: [{ type: "consent" }] },
        createdById: A.users.manager.id,
        members: { create: { customerId: ids.Ann, orgId: A.orgId } },
      },
    });
    expect(await countAudience(A.ctx("manager"), row.id)).toBe(0);
    expect((await previewAudience(A.ctx("manager"), row.id)).matched).toBe(0);
  });

  it("the list and the editor flag it, and the editor's preview does not count everyone", async () => {
    const row = await db.audience.create({
      data: {
        orgId: A.orgId,
        name: `Hand-edited ${uid()}`,
        kind: "live",
        definition: { criteria: [{ type: "lastNps", categories: ["fan"] }] },
        createdById: A.users.manager.id,
      },
    });
    const cookie = (await signIn(A.users.manager.email, TEST_PASSWORD))!;
    const list = await http("GET", "/settings/audiences", { cookie });
    expect(list.status).toBe(200);
    const listRow = list.body.slice(list.body.indexOf(row.name));
    expect(listRow.slice(0, 2000)).toContain("Invalid definition: matches no one");
    const editor = await http("GET", `/settings/audiences/${row.id}`, { cookie });
    expect(editor.body).toContain("saved definition is invalid");
    expect(editor.body).toContain("definition.criteria.0.categories.0");
    expect(editor.body).toContain('data-testid="preview-invalid"');
  });
});

describe("the list page", () => {
  it("renders the list at once; each row's count is fetched afterwards from GET /api/v1/audiences/:id/count", async () => {
    // An organization big enough that counting takes a moment: the page never waits for it. (Kept small enough
    // for a loaded CI machine: how fast counting is at scale is bench/audiences.ts's to measure.)
    const C = await createOrg("aud-c");
    const rows = Array.from({ length: 4_000 }, (_, i) => ({
      orgId: C.orgId,
      name: `Bulk ${i}`,
      attributes: { n: i },
    }));
    for (let i = 0; i < rows.length; i += 2000) await db.customer.createMany({ data: rows.slice(i, i + 2000) });
    const made = [];
    for (const name of ["Slow one", "Slow two", "Slow three"])
      made.push(
        await createAudience(C.ctx("manager"), {
          name,
          definition: definitionSchema.parse({
            criteria: [
              { type: "lastNps", categories: ["detractor"], negate: true },
              { type: "language", languages: ["de"], negate: true },
              { type: "attribute", key: "n", op: "range", min: 10 },
            ],
          }),
        }),
      );
    const cookie = (await signIn(C.users.manager.email, TEST_PASSWORD))!;
    const page = await http("GET", "/settings/audiences", { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Slow three");
    // No count in the page: a "counting…" placeholder per row, filled in by the browser.
    const listed = await db.audience.count({ where: { orgId: C.orgId } }); // ours and the factory's list
    expect(page.body.match(/data-testid="audience-counting"/g)).toHaveLength(listed);
    expect(page.body).not.toContain('data-testid="audience-count"');

    for (const a of made) {
      const count = await http("GET", `/api/v1/audiences/${a.id}/count`, { cookie });
      expect(count.status).toBe(200);
      expect(count.body).toEqual({ matched: 3_990 });
    }
    // Another organization's manager gets a 404 for the count, and does not see the audiences listed.
    const other = (await signIn(A.users.manager.email, TEST_PASSWORD))!;
    expect((await http("GET", `/api/v1/audiences/${made[0].id}/count`, { cookie: other })).status).toBe(404);
    expect((await http("GET", `/api/v1/audiences/${made[0].id}/count`, { key: A.keys.admin })).status).toBe(404);
    expect((await http("GET", "/settings/audiences", { cookie: other })).body).not.toContain("Slow three");
  });
});
