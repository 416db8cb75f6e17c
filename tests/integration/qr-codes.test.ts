// QR codes for physical touchpoints over real HTTP (run on SQLite and PostgreSQL): the link carries the touchpoint
// and the channel "qr" (which the organization gets with its first code), signed, the printable sheet as SVG and PDF
// draws exactly the QR matrix of that link, a survey of another organization or none at all is a 400 naming
// surveyId, the page opens on the hosted survey, and answers through the code — and only those, never a forged or
// unsigned claim of the channel — are counted per touchpoint.
// Roles and another organization's touchpoint: route-table.ts (routes.test.ts).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pdfModules, qrModules, svgModules } from "@/lib/journeys/qr-sheet";
import { qrLinkSignature } from "@/lib/journeys/qr-link";
import { createOrg, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { http, respondent } from "./http";
import { TEST_NEXTAUTH_SECRET } from "../server";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET; // the server's link key: signs the forged codes below

let A: Org;
let B: Org;

beforeAll(async () => {
  [A, B] = [await createOrg("qr-a"), await createOrg("qr-b")];
});

const qr = (org: Org, touchpointId: string, query = "", role: "manager" | "admin" = "manager") =>
  http("GET", `/api/v1/touchpoints/${touchpointId}/qr${query}`, { key: org.keys[role] });

async function touchpoint(org: Org, name = "Checkout desk") {
  const tp = await db.touchpoint.findUniqueOrThrow({ where: { id: org.ids.touchpoint } });
  return db.touchpoint.create({
    data: { orgId: org.orgId, journeyId: tp.journeyId, stageId: tp.stageId, name, kind: "physical" },
  });
}

const answer = (publicId: string, body: Record<string, unknown>, label: string) =>
  http("POST", `/api/v1/public/surveys/${publicId}/responses`, {
    body: { clientId: `qr-${randomUUID()}`, answers: { nps: 9, plan: "pro" }, ...body },
    headers: respondent(label),
  });

describe("a touchpoint's QR code", () => {
  it("links to the touchpoint's live survey with tp, ch=qr and its signature, and prints that exact link", async () => {
    const tp = await touchpoint(A, "Checkout <desk> 2");
    const survey = await createSurvey(A.orgId, { touchpointId: tp.id });
    expect(await db.channel.count({ where: { orgId: A.orgId, key: "qr" } })).toBe(0);

    const res = await qr(A, tp.id);
    expect(res.status).toBe(200);
    const url = new URL(res.body.url);
    expect(url.pathname).toBe(`/s/${survey.publicId}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ tp: tp.id, ch: "qr", sig: expect.any(String) });
    expect(url.searchParams.get("sig")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // bound to the survey: another survey's code for the same touchpoint has another signature
    const other = await createSurvey(A.orgId);
    const otherUrl = new URL((await qr(A, tp.id, `?surveyId=${other.id}`)).body.url);
    expect(otherUrl.searchParams.get("tp")).toBe(tp.id);
    expect(otherUrl.searchParams.get("sig")).not.toBe(url.searchParams.get("sig"));
    expect(res.body).toMatchObject({
      survey: { id: survey.id, publicId: survey.publicId },
      channel: "qr",
      answers: { total: 0, completed: 0, last30Days: 0 },
      touchpoint: { id: tp.id, name: "Checkout <desk> 2" },
    });
    expect(res.body.surveys).toContainEqual({ id: survey.id, name: expect.any(String), linked: true });
    expect(res.body.sheet).toBeUndefined();
    expect(await db.channel.count({ where: { orgId: A.orgId, key: "qr" } })).toBe(1);
    await qr(A, tp.id); // a second look adds nothing
    expect(await db.channel.count({ where: { orgId: A.orgId, key: "qr" } })).toBe(1);

    const svg = await qr(A, tp.id, "?format=svg");
    expect(svg.status).toBe(200);
    expect(svg.contentType).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("content-disposition")).toBe('inline; filename="qr-checkout-desk-2.svg"');
    expect(svg.headers.get("content-security-policy")).toContain("sandbox");
    expect(svgModules(svg.body)).toEqual(qrModules(res.body.url));
    expect(svg.body).toContain("Checkout &lt;desk&gt; 2");

    const pdf = await qr(A, tp.id, "?format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('inline; filename="qr-checkout-desk-2.pdf"');
    // the PDF is ASCII (text bytes above 126 are written as octal escapes): its text is its bytes
    expect(pdfModules(Buffer.from(pdf.body, "latin1"))).toEqual(qrModules(res.body.url));

    // the link opens the hosted survey
    const page = await http("GET", `${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(page.contentType).toContain("text/html");
  });

  it("another survey can be chosen; one of another organization, or a draft, is a 400 naming surveyId", async () => {
    const tp = await touchpoint(A);
    const other = await createSurvey(A.orgId);
    const chosen = await qr(A, tp.id, `?surveyId=${other.id}`);
    expect(chosen.status).toBe(200);
    expect(new URL(chosen.body.url).pathname).toBe(`/s/${other.publicId}`);
    const foreign = await createSurvey(B.orgId);
    const draft = await createSurvey(A.orgId, { status: "draft" });
    for (const id of [foreign.id, draft.id, "nope"]) {
      for (const format of ["json", "svg", "pdf"]) {
        const res = await qr(A, tp.id, `?surveyId=${id}&format=${format}`);
        expect(res.status).toBe(400);
        expect(res.contentType).toContain("application/problem+json");
        expect(res.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["surveyId"]);
        expect(JSON.stringify(res.body)).not.toContain(foreign.publicId);
      }
    }
    const bad = await qr(A, tp.id, "?format=png");
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["format"]);
  });

  it("without a linked live survey there is no link: the JSON says so and the sheet is a 400 naming surveyId", async () => {
    const tp = await touchpoint(B, "Service desk");
    const res = await qr(B, tp.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ survey: null, url: null, channel: "qr" });
    const svg = await qr(B, tp.id, "?format=svg");
    expect(svg.status).toBe(400);
    expect(svg.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["surveyId"]);
  });
});

describe("answers through the code", () => {
  it("count per touchpoint the responses on the channel qr, not those at the touchpoint by other channels", async () => {
    const [tp, elsewhere] = [await touchpoint(A, "Store 7 till"), await touchpoint(A, "Store 8 till")];
    const survey = await createSurvey(A.orgId, { touchpointId: tp.id });
    await qr(A, tp.id); // makes the channel
    await db.channel.upsert({
      where: { orgId_key: { orgId: A.orgId, key: "web" } },
      create: { orgId: A.orgId, key: "web", name: "Web" },
      update: {},
    });
    const post = async (body: Record<string, unknown>, label: string) =>
      expect((await answer(survey.publicId, body, label)).status).toBe(201);
    // What a phone sends after scanning each touchpoint's printed code: its tp, ch and sig.
    const codes = new Map<string, URLSearchParams>();
    for (const t of [tp, elsewhere])
      codes.set(t.id, new URL((await qr(A, t.id, `?surveyId=${survey.id}`)).body.url).searchParams);
    const signed = (touchpointId: string) => ({
      touchpointId,
      channel: "qr",
      qrSignature: codes.get(touchpointId)!.get("sig"),
    });
    await post({ ...signed(tp.id), complete: true }, "qr-1");
    await post({ ...signed(tp.id), complete: false }, "qr-2");
    await post({ touchpointId: tp.id, channel: "web", complete: true }, "web-1"); // the same touchpoint, not the code
    await post({ ...signed(elsewhere.id), complete: true }, "qr-3"); // another touchpoint's code
    // Forged: no signature, another touchpoint's signature, another survey's. Each answer is kept, without the claim.
    const forged = [
      { touchpointId: tp.id, channel: "qr" },
      { ...signed(elsewhere.id), touchpointId: tp.id },
      { touchpointId: tp.id, channel: "qr", qrSignature: qrLinkSignature("pub-other-survey", tp.id) },
    ];
    for (const [i, body] of forged.entries()) await post({ ...body, complete: true }, `forged-${i}`);
    const stored = await db.response.findMany({
      where: { surveyId: survey.id, clientId: { startsWith: "qr-" } },
      select: { touchpointId: true, channel: { select: { key: true } } },
    });
    expect(stored.filter((r) => r.channel?.key === "web" && r.touchpointId === tp.id)).toHaveLength(4);
    const res = await qr(A, tp.id);
    expect(res.body.answers).toEqual({ total: 2, completed: 1, last30Days: 2 });
    expect((await qr(A, elsewhere.id)).body.answers).toEqual({ total: 1, completed: 1, last30Days: 1 });
    // an old answer counts in all, not in the last 30 days
    await db.response.updateMany({
      where: { surveyId: survey.id, touchpointId: tp.id, completed: true, channel: { key: "qr" } },
      data: { submittedAt: new Date(Date.now() - 40 * 86_400_000) },
    });
    expect((await qr(A, tp.id)).body.answers).toEqual({ total: 2, completed: 1, last30Days: 1 });
  });

  it("an archived qr channel: the link carries no channel and nothing is counted as through the code", async () => {
    const org = await createOrg("qr-arch");
    const tp = await touchpoint(org);
    await createSurvey(org.orgId, { touchpointId: tp.id });
    await db.channel.create({ data: { orgId: org.orgId, key: "qr", name: "QR", archivedAt: new Date() } });
    const res = await qr(org, tp.id);
    expect(Object.fromEntries(new URL(res.body.url).searchParams)).toEqual({ tp: tp.id });
    expect(res.body).toMatchObject({ channel: null, answers: null });
  });
});
